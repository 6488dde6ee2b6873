"""Quotes without a cue in their sentence: dialogue dashes, turn-taking, attribution
lines, and floating quotes that take the previous speaker."""

from recoupe.core import analyze


def quotes(text):
    return analyze({"id": "t", "text": text, "language": "fr"}).quotes


def test_dialogue_dashes_with_incises():
    found = quotes("Marie Dupont est arrivée hier.\n"
                   "— Vous partez déjà ? lui demande le journaliste.\n"
                   "— Oui, demain, répond-elle.")
    assert [(q.text, q.speaker.text, q.speaker.name) for q in found] == [
        ("Vous partez déjà ?", "le journaliste", "le journaliste"),
        ("Oui, demain", "elle", "Marie Dupont"),
    ]


def test_dashes_without_cues_alternate_between_two_speakers():
    found = quotes("Marie Dupont est arrivée hier.\n"
                   "— Vous partez déjà ? lui demande le journaliste.\n"
                   "— Oui, demain, répond-elle.\n"
                   "— Et ensuite ?\n"
                   "— Je rentre à Lyon.")
    assert [q.speaker.name for q in found] == [
        "le journaliste", "Marie Dupont", "le journaliste", "Marie Dupont"]
    # A turn without a cue has no mention in its sentence.
    assert found[2].speaker.text is None


def test_quotation_paragraphs_alternate_turns():
    found = quotes("Le soldat dit à sa mère : « Ils partent. »\n"
                   "Sa mère répond : « Partir ? »\n"
                   "« Oui, partir. »\n"
                   "« C'est une désertion. »")
    assert [q.text for q in found] == ["Ils partent.", "Partir ?", "Oui, partir.",
                                       "C'est une désertion."]
    names = [q.speaker.name for q in found]
    assert names[2] == names[0] and names[3] == names[1] and names[0] != names[1]


def test_floating_quote_in_the_same_paragraph_takes_the_speaker():
    found = quotes("« Il nous avait dit qu'il était surveillé », a confié Rodrigue à "
                   "l'AFP. « J'ai cru que c'était une passade. Mais après, il a commencé "
                   "à ne plus voir personne. »")
    floating = found[-1]
    assert floating.text.startswith("J'ai cru")
    assert floating.speaker.text is None
    assert floating.speaker.name == "Rodrigue"


def test_attribution_line_after_a_quote_box():
    found = quotes("« Nous avons été en contact avec les autorités et nos marins sont en "
                   "sécurité. »\n— Jennifer Psaki , directrice de la communication")
    assert len(found) == 1
    assert found[0].speaker.text == "Jennifer Psaki"
    assert found[0].cue is None


def test_orphan_attribution_line_is_not_a_quote():
    assert quotes("Le prix a été remis hier.\n— Bernard Pivot , président de "
                  "l'académie Goncourt") == []


def test_no_inheritance_across_the_journalists_narration():
    found = quotes("Les services de renseignement signalent des « appels à tuer des "
                   "parlementaires et des ministres ». Le personnel de plusieurs ministères "
                   "ne doit pas se rendre au travail ce week-end. « Ce sont des putschistes, "
                   "on est dans une tentative putschiste ».")
    floating = found[-1]
    assert floating.text.startswith("Ce sont des putschistes")
    assert floating.speaker.text is None and floating.speaker.name is None


def test_attribution_line_with_an_inner_capital_is_not_a_turn():
    # "MacLeod" is a name although not title-cased.
    assert quotes("Le traité a été signé hier.\n\n— Fiona MacLeod , consule d'Écosse "
                  "à Lyon") == []


def test_source_line_naming_a_document_is_not_a_turn():
    assert quotes("La rédaction proteste.\n\n— Communiqué du syndicat d'Air-Inter\n\n"
                  "Le lendemain, la grève est votée.") == []


def test_attribution_line_giving_a_role_instead_of_a_name():
    found = quotes("Le feu a détruit trois hectares.\n\n« Nous avons mobilisé tous nos moyens "
                   "dès la première alerte. »\n— Porte-parole des sapeurs-pompiers de la "
                   "ville\n\nLes habitants ont été évacués.")
    assert len(found) == 1
    assert found[0].speaker.text.startswith("Porte-parole des sapeurs-pompiers")
    assert found[0].cue is None


def test_quote_after_a_full_stop_has_no_mention_of_its_own():
    found = quotes("« C'est mon premier titre par équipes » a déclaré le champion Paul Bauer "
                   "après la victoire. « Ce n'est pas que l'individuel n'est pas joli, mais "
                   "par équipes, c'est le collectif. »")
    assert len(found) == 2
    assert found[1].speaker.text is None
    assert found[1].speaker.name == found[0].speaker.name


def test_quotation_after_a_sentence_by_a_named_speaker_takes_that_speaker_by_name():
    from recoupe.core import analyze

    text = ("La députée Anne Morel a critiqué le projet.\n\n"
            "« Ce texte est dangereux pour les libertés publiques. »")
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert [(q.speaker.text, q.speaker.name) for q in found] == [(None, "Anne Morel")]
    # Not after a sentence in which nobody speaks or takes a stance.
    text = "La députée Anne Morel a visité l'usine. « Ce texte est dangereux pour tous. »"
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert all(q.speaker.name is None for q in found)


def test_quotation_after_a_sentence_whose_infinitive_speaks():
    from recoupe.core import analyze

    text = ("Marc Leroy, un pilote présent sur les lieux, avait pourtant tenté, avec "
            "d'autres personnes, de le prévenir. « Ce n'était pas un bon endroit pour se "
            "placer. On devait être une dizaine à le lui dire. »")
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert [q.speaker.name for q in found] == ["Marc Leroy"]


def test_first_person_words_after_a_sentence_about_a_named_person_are_theirs():
    from recoupe.core import analyze

    for text, name in [
            ("La championne Léa Martin a brandi le drapeau après le podium. « Je voulais "
             "montrer ma fierté à tout le pays. »", "Léa Martin"),
            ("Le maire Paul Durand ne s'est pas laissé impressionner. « Plus ils crieront, "
             "plus je resterai calme. »", "Paul Durand"),
            ("Le coureur Marc Petit a franchi la ligne en tête. « J'avais un train à "
             "prendre, voilà tout. »", "Marc Petit")]:
        found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
        assert [q.speaker.name for q in found] == [name]
