"""Quotes: direct, indirect and mixed speech, and what is not a quote.

Each test runs one short French text through the real pipeline (built once per
session) and checks the quotes a fact-checker would list.
"""

import pytest

from recoupe.core import analyze


def quotes(text):
    return analyze({"id": "t", "text": text, "language": "fr"}).quotes


def only(text):
    found = quotes(text)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def spans(text):
    return [(q.kind, q.text) for q in quotes(text)]


# --- offsets --------------------------------------------------------------------------


def test_every_span_points_into_the_text():
    text = ("Le ministre a déclaré : « Nous partirons demain. » "
            "Selon lui, les troupes sont prêtes.")
    analysis = analyze({"id": "t", "text": text, "language": "fr"})
    assert analysis.quotes
    for q in analysis.quotes:
        assert analysis.text[q.start:q.end] == q.text
        assert analysis.text[q.cue.start:q.cue.end] == q.cue.text
        s = q.speaker
        assert analysis.text[s.start:s.end] == s.text


# --- direct quotes in every typography -------------------------------------------------


@pytest.mark.parametrize("quoted", [
    "« Nous partirons demain. »",
    "«Nous partirons demain.»",
    "«\u00a0Nous partirons demain.\u00a0»",
    "“Nous partirons demain.”",
    '"Nous partirons demain."',
    "‹ Nous partirons demain. ›",
])
def test_direct_quote_after_colon_in_any_typography(quoted):
    q = only(f"Le ministre a déclaré : {quoted}")
    assert q.kind == "direct"
    assert q.text == "Nous partirons demain."
    assert q.speaker.text == "Le ministre"
    assert q.cue.text == "a déclaré"


def test_inverted_incise_with_pronoun():
    text = "Pierre Martin est arrivé lundi. « Nous sommes prêts », affirme-t-il."
    q = only(text)
    assert q.text == "Nous sommes prêts"
    assert q.speaker.text == "il"
    assert q.speaker.name == "Pierre Martin"
    assert q.cue.text == "affirme-t-il"


def test_inverted_incise_with_a_noun_phrase():
    q = only("« Nous sommes prêts », ajoute le ministre iranien des Transports.")
    assert q.speaker.text == "le ministre iranien des Transports"
    assert q.cue.text == "ajoute"


def test_incise_inside_a_quote_makes_two_records_with_one_speaker():
    found = quotes("Jean Dupont a parlé hier. « Nous », a-t-il dit, « partirons demain ».")
    assert [q.text for q in found] == ["Nous", "partirons demain"]
    assert {q.speaker.name for q in found} == {"Jean Dupont"}
    assert all(q.cue.text == "a-t-il dit" for q in found)


def test_selon_lui_after_a_quote():
    q = only("Jean Dupont a parlé. « La réforme est morte », selon lui.")
    assert q.kind == "direct"
    assert q.speaker.text == "lui"
    assert q.speaker.name == "Jean Dupont"


def test_participle_cue_before_colon():
    q = only("Le soldat a été rebelle, lui disant : « Nous partirons aussi. »")
    assert q.speaker.text == "Le soldat"
    assert "disant" in q.cue.text


def test_nested_quotes_are_both_listed():
    text = ("Le procureur a déclaré : « L'homme s'est précipité sur les militaires "
            "en criant « Allah akbar » avant d'être neutralisé. »")
    found = quotes(text)
    texts = [q.text for q in found]
    assert "Allah akbar" in texts
    outer = next(q for q in found if q.text.startswith("L'homme"))
    assert outer.speaker.text == "Le procureur"


def test_quote_running_into_the_next_paragraph_keeps_its_speaker():
    text = ('Le soldat confirme : "Oui, s\'enfuir, quoi d\'autre ?\n'
            '"Cinq jours sous une pluie battante, sans dormir. "')
    found = quotes(text)
    assert [q.text for q in found] == ["Oui, s'enfuir, quoi d'autre ?",
                                       "Cinq jours sous une pluie battante, sans dormir."]
    assert [q.speaker.text for q in found] == ["Le soldat", "Le soldat"]


def test_marked_object_of_a_speech_verb_is_a_quote():
    q = only("Le député a qualifié ces mesures de « miettes ».")
    assert (q.kind, q.text, q.speaker.text) == ("direct", "miettes", "Le député")


def test_marked_words_in_a_speakers_stance():
    q = only("Le sénateur s'oppose à « une disparition progressive du chèque ».")
    assert q.text == "une disparition progressive du chèque"
    assert q.speaker.text == "Le sénateur"


# --- not quotes ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Le quartier, surnommé « la jungle », a été évacué mardi.",
    "Il a lu le livre « Les Misérables » hier soir.",
    "Selon le journal « Le Monde », le projet est abandonné.",
    "Les habitants ont retrouvé leur « tranquillité » depuis lundi.",
])
def test_names_titles_and_scare_quotes_are_not_quotes(text):
    assert [q for q in quotes(text) if q.kind == "direct"] == []


def test_noun_phrase_object_is_not_a_report():
    assert quotes("Le maire a demandé la démission du préfet.") == []
    assert quotes("L'institut a annoncé vendredi sa mort.") == []


def test_idiom_with_a_reporting_verb_is_not_a_report():
    assert quotes("Le champion a déclaré forfait pour la finale.") == []


def test_conjunction_que_is_not_a_complement():
    assert quotes("Les troupes discutent dans des appels divulgués alors que Poutine "
                  "fait face à une mutinerie.") == []


# --- indirect speech ---------------------------------------------------------------------


def test_que_clause_without_que():
    q = only("Le ministre a déclaré mercredi aux journalistes que la situation était grave.")
    assert (q.kind, q.text) == ("indirect", "la situation était grave")
    assert q.speaker.text == "Le ministre"


def test_infinitive_complement():
    q = only("Le président a annoncé se rendre en Italie la semaine prochaine.")
    assert (q.kind, q.text) == ("indirect", "se rendre en Italie la semaine prochaine")


@pytest.mark.parametrize("text, content, speaker", [
    ("Le syndicat appelle à manifester samedi.", "manifester samedi", "Le syndicat"),
    ("Le maire demande que les écoles restent ouvertes.", "les écoles restent ouvertes",
     "Le maire"),
    ("Le Sénat a demandé au gouvernement d'établir un recensement.",
     "établir un recensement", "Le Sénat"),
    ("Le consulat recommande à ses citoyens de rester chez eux.", "rester chez eux",
     "Le consulat"),
])
def test_directives_with_clause_or_infinitive_are_indirect(text, content, speaker):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("indirect", content, speaker)


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Selon le ministère de l'Intérieur, trois personnes ont été interpellées.",
     "trois personnes ont été interpellées", "le ministère de l'Intérieur", "Selon"),
    ("Trois personnes ont été interpellées, d'après l'agence Bloomberg.",
     "Trois personnes ont été interpellées", "l'agence Bloomberg", "d'après"),
    ("Pour le député Yann Galut, le candidat s'est trompé d'agenda.",
     "le candidat s'est trompé d'agenda", "le député Yann Galut", "Pour"),
    ("Aux yeux de Jean Martin, cette réforme est une erreur.",
     "cette réforme est une erreur", "Jean Martin", "Aux yeux de"),
])
def test_source_prepositions_govern_a_clause(text, content, speaker, cue):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text, q.cue.text) == ("indirect", content, speaker, cue)


def test_interrupting_selon_stays_inside_the_span():
    q = only("Un protocole qui, selon Brisard, rappelle celui des attentats de 2015.")
    assert q.text == "Un protocole qui, selon Brisard, rappelle celui des attentats de 2015"
    assert q.speaker.text == "Brisard"


def test_report_stops_before_the_journalists_framing():
    q = only("Selon un appel intercepté, les Russes discutent d'une désertion massive, "
             "alors que le Kremlin lutte pour garder le contrôle.")
    assert q.text == "les Russes discutent d'une désertion massive"


def test_unmarked_report_before_an_incise():
    q = only("Le véhicule a explosé devant l'hôtel, a déclaré le policier Mohamed "
             "Abdulkadir.")
    assert (q.kind, q.text) == ("indirect", "Le véhicule a explosé devant l'hôtel")
    assert q.speaker.text == "le policier Mohamed Abdulkadir"
    assert q.speaker.name == "Mohamed Abdulkadir"


def test_reflexive_report_with_an_attribute():
    q = only("Emmanuel Macron s'est dit opposé au rétablissement de l'impôt sur la fortune.")
    assert q.kind == "indirect"
    assert q.text == "opposé au rétablissement de l'impôt sur la fortune"


# --- mixed speech ------------------------------------------------------------------------


def test_indirect_clause_with_marked_words_is_mixed():
    q = only('Vladimir Poutine a admis mercredi qu\'il y a des "problèmes d\'équipement" '
             "pour les troupes russes.")
    assert q.kind == "mixed"
    assert q.text == 'il y a des "problèmes d\'équipement" pour les troupes russes'
    assert q.speaker.text == "Vladimir Poutine"


def test_mixed_span_is_trimmed_of_edge_marks():
    q = only("Il a précisé qu'il « se rendra à la convocation des juges ».")
    assert (q.kind, q.text) == ("mixed", "il « se rendra à la convocation des juges")


def test_que_followed_by_a_whole_quotation_is_direct():
    q = only("Une source proche du dossier ajoute que « les enquêteurs ne savent pas où "
             "ni comment ».")
    assert q.kind == "direct"
    assert q.text == "les enquêteurs ne savent pas où ni comment"
    assert q.speaker.text == "Une source proche du dossier"


def test_two_reports_by_one_speaker_are_split():
    found = quotes("Le rapporteur estime que le jugement « doit être annulé » et compte "
                   "demander « que soit faite injonction » au médecin.")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "le jugement « doit être annulé"),
        ("mixed", "que soit faite injonction » au médecin"),
    ]


def test_seconds_and_inches_are_not_quotation_marks():
    found = quotes('Il court le 100 m en 9"81, loin des 10". « Je suis heureux », a-t-il dit.')
    assert [q.text for q in found] == ["Je suis heureux"]


def test_selon_meaning_depending_on_is_no_source():
    assert quotes("Les tarifs varient selon leur orientation et selon la saison.") == []


def test_selon_after_a_conjunction_heads_its_clause():
    q = only("Une ligne a été ouverte, mais selon des militants anonymes, les responsables "
             "utilisent ces appels.")
    assert q.text == "les responsables utilisent ces appels"


def test_unmarked_report_before_a_named_speaker_without_comma():
    q = only("Les effectifs des policiers vont augmenter de 2 500 postes en 2019 assure "
             "Christophe Castaner.")
    assert q.text == "Les effectifs des policiers vont augmenter de 2 500 postes en 2019"
    assert q.speaker.text == "Christophe Castaner"


def test_incise_with_dit_right_after_the_marks():
    q = only("« L'hypothermie se produit sous les 35 °C » dit la Ville dans un communiqué.")
    assert q.speaker.text == "la Ville"
    assert q.cue.text == "dit"


@pytest.mark.parametrize("text, content, mention", [
    ("« C'est inacceptable », a réagi le maire sur Twitter.", "C'est inacceptable",
     "le maire"),
    ("« On ne peut pas continuer comme ça », souffle un manifestant.",
     "On ne peut pas continuer comme ça", "un manifestant"),
    ("« Il faut agir vite », estime-t-il.", "Il faut agir vite", "il"),
])
def test_incises_the_tagger_misreads(text, content, mention):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("direct", content, mention)


def test_set_phrase_with_a_que_clause():
    q = only("La préfecture a fait savoir que la manifestation était interdite.")
    assert (q.kind, q.text, q.cue.text) == ("indirect", "la manifestation était interdite",
                                           "a fait savoir")


def test_short_quoted_sentence_after_an_attributed_one_is_kept():
    found = quotes("« Nous avons reçu des menaces », raconte Paul Martin, le président de "
                   "l'association. « Mais nous continuerons. »")
    assert [q.text for q in found] == ["Nous avons reçu des menaces", "Mais nous continuerons."]
    assert found[1].speaker.name == "Paul Martin"


def test_incise_written_inside_the_marks_splits_the_quote():
    found = quotes("« Le vaccin est sûr, a assuré le ministre. Nous en avons la preuve. »")
    assert [q.text for q in found] == ["Le vaccin est sûr", "Nous en avons la preuve."]
    assert all(q.speaker.text == "le ministre" and q.cue.text == "a assuré" for q in found)


@pytest.mark.parametrize("text, content", [
    ("Le maire explique avoir agi dans l'urgence.", "avoir agi dans l'urgence"),
    ("L'entreprise affirme dans un communiqué avoir respecté toutes les règles.",
     "avoir respecté toutes les règles"),
])
def test_infinitive_reports_after_adverbials(text, content):
    q = only(text)
    assert (q.kind, q.text) == ("indirect", content)


def test_unmarked_incise_with_a_time_after_the_speaker():
    q = only("Le trafic restera très perturbé jeudi, a annoncé la SNCF mercredi soir.")
    assert (q.kind, q.text, q.speaker.text) == ("indirect",
                                                "Le trafic restera très perturbé jeudi",
                                                "la SNCF")


def test_a_poll_with_its_issuer_is_a_source():
    q = only("D'après un sondage Ifop publié dimanche, 58 % des Français soutiennent la "
             "mobilisation.")
    assert q.speaker.name == "Ifop"


def test_headline_name_before_a_colon_is_the_speaker():
    found = quotes("Macron : « Nous sommes en guerre »\n\n"
                   "Emmanuel Macron s'est exprimé lundi soir à la télévision.")
    assert [(q.text, q.speaker.text, q.speaker.name) for q in found] == [
        ("Nous sommes en guerre", "Macron", "Emmanuel Macron")]


def test_reflexive_incise():
    q = only("« Y a-t-il un pilote dans l'avion ? », s'interroge l'opposition.")
    assert q.speaker.text == "l'opposition"


def test_que_after_a_place_is_a_complement_when_its_clause_is_complete():
    q = only("Le chanteur a annoncé sur Instagram qu'il mettait fin à sa carrière.")
    assert q.text == "il mettait fin à sa carrière"


def test_selon_a_multiword_name():
    q = only("Selon le New York Times, la Maison Blanche prépare un décret.")
    assert q.text == "la Maison Blanche prépare un décret"


@pytest.mark.parametrize("text, content, mention", [
    ("Trois personnes ont été interpellées, a-t-on appris auprès de la préfecture.",
     "Trois personnes ont été interpellées", "la préfecture"),
    ("L'homme a été placé en garde à vue, a appris l'AFP de source policière.",
     "L'homme a été placé en garde à vue", "source policière"),
])
def test_news_agency_formula_names_its_source(text, content, mention):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("indirect", content, mention)


# --- "comme le rapporte X" -------------------------------------------------------------


def test_as_reported_by_a_newspaper_after_the_clause():
    q = only("Trois raffineries sont à l'arrêt, comme l'a révélé Ouest-France.")
    assert q.kind == "indirect"
    assert q.text == "Trois raffineries sont à l'arrêt"
    assert q.speaker.text == "Ouest-France"


def test_as_reported_heading_the_sentence():
    q = only("Comme le précise la préfecture, la route restera fermée jusqu'à lundi.")
    assert q.text == "la route restera fermée jusqu'à lundi"
    assert q.speaker.text == "la préfecture"


def test_comme_without_a_reporting_verb_reports_nothing():
    assert quotes("Comme le veut la coutume, le maire a planté un chêne.") == []
    assert quotes("Le train est parti comme prévu.") == []


# --- what findings show is not what anyone said ----------------------------------------


def test_findings_reveal_but_say_nothing():
    assert quotes("Les fouilles ont révélé que le site était habité dès l'an mil.") == []


def test_an_inference_the_reader_is_led_to_is_no_report():
    assert quotes("Les relevés bancaires laissent penser que la somme a été détournée.") == []


def test_set_phrase_built_on_the_infinitive_reports():
    q = only("L'avocate a fait valoir que sa cliente n'avait jamais été convoquée.")
    assert q.kind == "indirect"
    assert q.text == "sa cliente n'avait jamais été convoquée"
    assert q.speaker.text == "L'avocate"


# --- the family of reporting verbs ------------------------------------------------------


def test_manner_of_speech_verb_in_a_reflexive_incise():
    q = only("« Nous avons enfin une explication », s'enthousiasme Claire Dubois.")
    assert q.kind == "direct"
    assert q.speaker.text == "Claire Dubois"


def test_narrating_verb_in_an_incise():
    q = only("« Elle est partie sans un mot », a relaté le voisin.")
    assert q.speaker.text == "le voisin"


def test_complaint_with_a_que_clause():
    q = only("Le maire se plaint que les travaux n'avancent pas.")
    assert q.kind == "indirect"
    assert q.text == "les travaux n'avancent pas"


def test_impersonal_necessity_reports_nothing():
    assert quotes("Force est de constater que la réforme a échoué.") == []
    assert quotes("Il faut reconnaître que la saison a été difficile.") == []


def test_paired_figures_each_with_its_source():
    found = quotes("Les cortèges ont réuni entre 2000 selon les autorités et 9000 selon "
                   "les organisateurs.")
    by_speaker = {q.speaker.text: q.text for q in found}
    assert by_speaker == {
        "les autorités": "Les cortèges ont réuni entre 2000",
        "les organisateurs": "Les cortèges ont réuni entre 2000 selon les autorités et 9000",
    }


def test_participle_describing_the_source_is_not_reported_content():
    q = only("Selon des riverains interrogés par la radio locale, le pont aurait été "
             "fermé dès samedi.")
    assert q.text == "le pont aurait été fermé dès samedi"
    assert q.speaker.text.startswith("des riverains")


# --- incises inside the marks ----------------------------------------------------------


def test_inverted_pronoun_incise_inside_the_marks_splits_the_quote():
    found = quotes("« Le terrain était lourd, a-t-elle reconnu, mais nous avons tenu. »")
    assert [q.text for q in found] == ["Le terrain était lourd", "mais nous avons tenu."]
    assert all(q.speaker.text == "elle" for q in found)


def test_words_after_an_inner_incise_take_the_incise_after_the_marks():
    found = quotes("L'entraîneuse Léa Marchand a souri. « On a bien commencé, a-t-elle dit, "
                   "puis on a faibli. » a ajouté l'entraîneuse après le match.")
    assert [q.text for q in found] == ["On a bien commencé", "puis on a faibli."]
    assert found[0].speaker.text == "elle"
    assert found[1].speaker.text == "l'entraîneuse"
    assert {q.speaker.name for q in found} == {"Léa Marchand"}


def test_what_was_not_said_is_no_report():
    assert quotes("Le syndicat n'avait pas appelé à la grève, malgré sa colère.") == []
    assert quotes("La ministre n'a jamais affirmé que la taxe serait supprimée.") == []


def test_negation_inside_the_report_keeps_it():
    q = only("La ministre a affirmé que la taxe ne serait pas supprimée.")
    assert q.text == "la taxe ne serait pas supprimée"
