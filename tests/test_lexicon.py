"""The speech lexicon: which words report speech, and how."""

import pytest

from recoupe.quotes import lexicon


@pytest.mark.parametrize("verb", [
    "déclarer", "affirmer", "estimer", "annoncer", "préciser", "indiquer", "admettre",
    "reconnaître", "assurer", "expliquer", "révéler", "signaler", "confirmer", "répondre",
    "ajouter", "rajouter", "raconter", "dire", "souligner", "dénoncer", "avertir", "prévenir",
])
def test_assertive_verbs_take_clauses(verb):
    assert lexicon.takes_clause(verb)
    assert lexicon.introduces_direct(verb)


@pytest.mark.parametrize("verb", ["demander", "appeler", "exiger", "proposer", "menacer",
                                  "inviter", "recommander"])
def test_directives_are_reports(verb):
    assert lexicon.is_directive(verb)
    assert lexicon.takes_clause(verb)


@pytest.mark.parametrize("verb", ["espérer", "souhaiter", "craindre", "savoir", "supposer"])
def test_private_states_are_not_speech(verb):
    assert not lexicon.takes_clause(verb)
    assert not lexicon.introduces_direct(verb)


@pytest.mark.parametrize("verb", ["crier", "scander", "hurler", "lancer"])
def test_verbs_that_only_introduce_marked_words(verb):
    assert lexicon.introduces_direct(verb)
    assert not lexicon.takes_clause(verb)


@pytest.mark.parametrize("verb", ["écrire", "tweeter", "twitter"])
def test_writing_verbs_report_a_que_clause_and_marked_words(verb):
    assert lexicon.introduces_direct(verb)
    assert lexicon.takes_clause(verb)


@pytest.mark.parametrize("form, lemma", [
    ("estime", "estimer"), ("martèle", "marteler"), ("précisé", "préciser"),
    ("affirmaient", "affirmer"), ("ajoutant", "ajouter"),
])
def test_first_group_forms_find_their_verb(form, lemma):
    assert lexicon.guess_verb_lemma(form) == lemma


def test_unknown_forms_find_nothing():
    assert lexicon.guess_verb_lemma("mange") is None
    assert lexicon.guess_verb_lemma("compte") is None


def test_prepositions_and_phrases():
    assert "selon" in lexicon.SOURCE_PREPOSITIONS
    assert "d'après" in lexicon.SOURCE_PREPOSITIONS
    assert ("aux", "yeux", "de") in lexicon.SOURCE_PHRASES


def test_documents_and_speech_nouns():
    assert lexicon.is_document_noun("communiqué")
    assert lexicon.is_document_noun("appel")
    assert lexicon.is_speech_noun("déclaration")
    assert not lexicon.is_speech_noun("voiture")


def test_idioms_are_not_reports():
    assert lexicon.is_idiom("déclarer", "forfait")
    assert not lexicon.is_idiom("déclarer", "que")


def test_lemma_of_mends_the_models_slips(nlp):
    doc = nlp("Le ministre estime que tout va bien. Il twitte souvent.")
    by_text = {t.text: t for t in doc}
    assert lexicon.lemma_of(by_text["estime"]) == "estimer"
    assert lexicon.lemma_of(by_text["twitte"]) == "twitter"


def test_phrasal_cues(nlp):
    doc = nlp("Il met en avant la hausse des prix.")
    verb = next(t for t in doc if t.text == "met")
    assert lexicon.phrasal_cue(verb)
    doc = nlp("Il met la table.")
    verb = next(t for t in doc if t.text == "met")
    assert not lexicon.phrasal_cue(verb)


def test_evidence_nouns_are_not_speech_or_document_nouns():
    from recoupe.quotes import lexicon

    assert "autopsie" in lexicon.EVIDENCE_NOUNS
    assert not lexicon.EVIDENCE_NOUNS & lexicon.DOCUMENT_NOUNS
    assert not lexicon.EVIDENCE_NOUNS & lexicon.SPEECH_NOUNS


@pytest.mark.parametrize("word, plural", [
    ("libraires", True), ("démineurs", True), ("pharmaciens", True), ("vice-recteur", False),
    ("cyclistes", True), ("accompagnateurs", True), ("infirmières", True),
    ("sapeurs-pompiers", True),
])
def test_agent_nouns_are_recognised_by_form(word, plural):
    assert lexicon.is_agent_noun(word, plural)


@pytest.mark.parametrize("word, plural", [
    ("calendrier", False), ("salaire", False), ("libraire", False), ("secteur", False), ("valeur", False),
    ("montants", True), ("horaires", True), ("quartiers", True), ("critères", True),
])
def test_things_with_agent_endings_are_not_agents(word, plural):
    assert not lexicon.is_agent_noun(word, plural)


def test_forecasts_report_only_for_institutions():
    assert lexicon.takes_clause("prévoir")
    assert "prévoir" in lexicon.SPEAKER_SUBJECT_ONLY


def test_yardsticks_are_no_sources():
    assert lexicon.is_yardstick("critères")
    assert lexicon.is_yardstick("définition")
    assert not lexicon.is_yardstick("communiqué")


def test_issuerless_documents_are_authorless():
    assert "document" in lexicon.AUTHORLESS


def test_accusations_report_a_charge():
    assert lexicon.ACCUSATIVE_REPORTS <= lexicon.ASSERTIVE
    assert lexicon.takes_clause("accuser")
    assert lexicon.takes_clause("conclure")


def test_tenir_verbs_and_truncated_lemmas(nlp):
    doc = nlp("La directrice maintient que tout va bien.")
    assert lexicon.lemma_of(doc[2]) == "maintenir"
    assert lexicon._lemma("remarque", "remarqu", "ADJ") == "remarquer"
    assert lexicon._lemma("avancés", "avancé", "ADJ") != "avancer"


def test_exclure_reports_with_an_infinitive():
    assert lexicon.takes_clause("exclure")


def test_revelations_and_allegations_are_speech():
    assert lexicon.is_speech_noun("révélation") and lexicon.is_speech_noun("allégation")


def test_source_phrases_with_a_plural_article():
    assert ("aux", "dires", "des") in lexicon.SOURCE_PHRASES
    assert ("de", "l'", "avis", "des") in lexicon.SOURCE_PHRASES
