"""Speakers: the mention carrying the cue, and the canonical name behind it."""

import pytest

from recoupe.core import analyze


def only(text):
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0].speaker


# --- mentions ---------------------------------------------------------------------------


def test_comma_apposition_keeps_the_name():
    speaker = only("Le porte-parole de la police, Pongsak Semachai, a déclaré qu'une "
                   "commission d'enquête serait formée.")
    assert speaker.text == "Pongsak Semachai"


def test_name_followed_by_a_description_keeps_the_name():
    speaker = only("Rodrigue, ami de Thomas, a affirmé que le jeune homme était fiché.")
    assert speaker.text == "Rodrigue"


def test_attached_title_stays_in_the_mention():
    speaker = only("« Les résultats sont bons », estime le météorologue Dave Phillips.")
    assert speaker.text == "le météorologue Dave Phillips"
    assert speaker.name == "Dave Phillips"


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_name():
    speaker = only("Cette décision a été saluée par Jean Ping, qui affirme que la "
                   "victoire est proche.")
    assert speaker.text == "qui"
    assert speaker.name == "Jean Ping"


def test_coordinated_subjects_make_one_mention():
    speaker = only("Le consulat français et le gouvernement belge recommandent à leurs "
                   "citoyens de rester chez eux.")
    assert speaker.text == "Le consulat français et le gouvernement belge"


def test_clitic_before_a_participle_is_not_the_speaker():
    speaker = only("Le soldat fatigué a été rebelle, lui disant : « Nous partirons aussi. »")
    assert speaker.text == "Le soldat fatigué"


# --- canonical names --------------------------------------------------------------------


def test_pronoun_takes_the_previous_speaker():
    text = ("Le maire de Lyon, Jean Dupont, a déclaré que la ville ne cédera pas. "
            "Il a ajouté que les écoles resteraient ouvertes.")
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert [q.speaker.name for q in found] == ["Jean Dupont", "Jean Dupont"]
    assert found[1].speaker.text == "Il"


def test_a_name_mentioned_inside_the_quote_is_not_the_antecedent():
    text = ("Marie Leblanc a rendu hommage à son prédécesseur : « Pierre Martin a été un "
            "grand maire », a-t-elle écrit.")
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert found and found[0].speaker.name == "Marie Leblanc"


def test_short_name_joins_the_full_name():
    text = ("Vladimir Poutine est arrivé à Moscou. Mercredi, le président Poutine a "
            "déclaré : « Cela a déjà été réglé. »")
    speaker = only(text)
    assert speaker.text == "le président Poutine"
    assert speaker.name == "Vladimir Poutine"


def test_title_takes_the_name_it_stands_beside_elsewhere():
    text = ("Le Premier ministre Édouard Philippe est arrivé lundi. Mardi, le Premier "
            "ministre a affirmé que la taxe serait supprimée.")
    speaker = only(text)
    assert speaker.text == "le Premier ministre"
    assert speaker.name == "Édouard Philippe"


def test_definite_description_refers_back_to_the_fullest_one():
    text = ("Un soldat russe furieux a appelé sa famille. Le soldat affirme que les "
            "troupes partent.")
    assert only(text).name == "un soldat russe furieux"


def test_indefinite_description_is_a_new_speaker():
    text = ("Une source proche du dossier est citée par la presse. Une source judiciaire "
            "affirme que les suspects ont été transférés.")
    assert only(text).name == "une source judiciaire"


def test_possessive_is_spelt_out():
    text = ("Un soldat russe a appelé sa mère. Sa mère répond : « Partir ? Comme "
            "s'enfuir ? »")
    assert only(text).name == "la mère du soldat russe"


@pytest.mark.parametrize("text, mention, name", [
    ("Selon un communiqué du ministre de l'Intérieur, Bruno Le Roux, trois suspects "
     "ont été arrêtés.", "Bruno Le Roux", "Bruno Le Roux"),
    ("« Un accident est survenu », précise le communiqué rédigé par les organisateurs.",
     "les organisateurs", "les organisateurs"),
])
def test_a_document_speaks_for_its_issuer(text, mention, name):
    speaker = only(text)
    assert speaker.text == mention
    assert speaker.name == name


def test_a_document_without_issuer_speaks_itself():
    speaker = only("Selon un appel intercepté, les soldats russes veulent déserter.")
    assert speaker.text == "un appel intercepté"


def test_unresolvable_pronoun_has_no_name():
    speaker = only("« Nous sommes prêts », a-t-il dit.")
    assert speaker.text == "il"
    assert speaker.name is None


def test_cluster_id_is_given_for_named_speakers():
    text = "Emmanuel Macron a déclaré que la réforme serait menée à son terme."
    analysis = analyze({"id": "t", "text": text, "language": "fr"})
    speaker = analysis.quotes[0].speaker
    cluster = next(c for c in analysis.entities if c.id == speaker.cluster)
    assert cluster.name == "Emmanuel Macron"


def test_name_apposed_to_a_subject_is_the_antecedent():
    text = ("« Le village n'existe plus », a déclaré le maire, Sergio Pirozzi. Le président "
            "du Conseil, Matteo Renzi, s'est rendu sur place. Il a promis que « personne ne "
            "sera laissé seul ».")
    found = analyze({"id": "t", "text": text, "language": "fr"}).quotes
    assert found[-1].speaker.name == "Matteo Renzi"


def test_adverbial_phrases_are_skipped_before_an_inverted_subject():
    speaker = only("« Ma fille est innocente », a confié de son côté la mère de l'adolescente.")
    assert speaker.text == "la mère de l'adolescente"


def test_a_particle_opens_an_inverted_name():
    text = "Thomas de la Morlais est avocat. « Elle a été manipulée », ajoute de la Morlais."
    speaker = only(text)
    assert speaker.text == "de la Morlais"


def test_a_member_of_a_group_is_described_not_resolved():
    text = ("Jean Martin a reçu les manifestants. Un des manifestants aurait affirmé que les "
            "députés étaient tous absents.")
    speaker = only(text)
    assert speaker.text == "Un des manifestants"
    assert speaker.name == "un des manifestants"


def test_a_subject_before_the_verb_wins_over_a_noun_after_it():
    speaker = only("Il a terminé sa déclaration par la célèbre maxime du révolutionnaire : "
                   "« Jusqu'à la victoire, toujours ! »")
    assert speaker.text == "Il"


def test_plural_last_mentioned_as_a_source():
    speaker = only("La police a compté 3000 manifestants et les syndicats 9000. Selon ces "
                   "derniers, la ville a été paralysée toute la journée.")
    assert speaker.text == "ces derniers"
    assert speaker.name == "les syndicats"


def test_subject_the_parser_took_for_a_noun_modifier():
    # A finite verb hung on the noun before it, with no relative pronoun, has that noun
    # for subject.
    speaker = only("Le quotidien Le Monde de ce mardi affirme que le ministre va "
                   "démissionner.")
    assert speaker.name == "Le Monde"


def test_description_repeating_a_title_names_the_person():
    speaker = only("Le Belge Luc Moreau, très attendu, finit quatrième. « J'ai manqué de "
                   "jus », a expliqué le cycliste belge après l'arrivée.")
    assert speaker.text == "le cycliste belge"
    assert speaker.name == "Luc Moreau"


def test_title_tagged_as_an_adjective_after_the_name():
    speaker = only("Marie Durand, nageuse française, arrive cinquième. « Je voulais partir "
                   "doucement », a expliqué la nageuse française après la course.")
    assert speaker.name == "Marie Durand"


def test_description_shared_by_two_titled_people_stays_a_description():
    speaker = only("Le Belge Luc Moreau a devancé le Belge Paul Simon. « J'ai manqué de "
                   "jus », a expliqué le cycliste belge.")
    assert speaker.name == "le cycliste belge"


def test_agent_of_an_impersonal_passive_the_parser_mislabelled():
    speaker = only("Par ailleurs, il a été révélé par Libération que le maire avait "
                   "touché une prime.")
    assert speaker.text == "Libération"


def test_the_company_refers_back_to_the_organisation_just_named():
    speaker = only("La société Veolia a signé le contrat hier. « Tout est légal », déclare "
                   "la société.")
    assert speaker.text == "la société"
    assert speaker.name == "Veolia"


def test_a_relation_to_a_person_is_not_their_title():
    # "la société de conseil de X" says whose company it is: "la société" is not X.
    speaker = only("Paul Lenoir dirige la société de conseil de Marc Aubry. « Tout est en "
                   "règle », a déclaré la société.")
    assert speaker.name != "Marc Aubry"
