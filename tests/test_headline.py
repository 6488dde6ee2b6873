"""The headline check: assertions, verdicts, unsupported terms, and the general checks
(absent word, weaker word, plural for one, single source, missing figure)."""

from __future__ import annotations

import pytest

from recoupe.factcheck.assertions import headline_tokens, split_headline
from recoupe.factcheck.parsing import parse
from test_sources import desertion_quotes


def check_of(nlp, text, quotes=None):
    doc = parse(nlp, text, quotes=quotes if quotes is not None else [],
                until="recoupe_headline")
    return doc._.headline_check


@pytest.fixture(scope="module")
def desertion(nlp, desertion_text):
    return check_of(nlp, desertion_text, desertion_quotes)


def test_desertion_headline_has_two_assertions(desertion):
    assert [a.text for a in desertion.assertions] == [
        "Les troupes russes discutent d'un exode massif de la ligne de front dans des "
        "appels divulgués",
        "Poutine fait face à une mutinerie",
    ]


def test_mutiny_has_no_support(desertion):
    first, second = desertion.assertions
    assert second.verdict == "not_supported" and "mutinerie" in second.explanation
    assert [t.text for t in desertion.unsupported_terms] == ["mutinerie"]
    assert "«mutinerie» has no support in the body." in desertion.notes


def test_mass_exodus_rests_on_one_call_and_the_calls_were_one(desertion):
    first = desertion.assertions[0]
    assert first.verdict == "partly"
    notes = " ".join(desertion.notes)
    assert "«exode massif» rests on a single source" in notes
    assert "appel" in notes and "soldat" in notes
    assert "«appels divulgués» is plural, but the body mentions only one «appel»" in notes
    assert first.evidence and all(e.start > desertion.headline.end for e in first.evidence)


def test_spans_point_into_the_text(nlp, desertion_text, desertion):
    for span in [*desertion.assertions, *desertion.unsupported_terms,
                 *[e for a in desertion.assertions for e in a.evidence]]:
        assert desertion_text[span.start:span.end] == span.text


def test_topic_label_is_not_an_assertion_and_coordinated_predicates_split(nlp):
    text = ("Gambie : le président Jammeh laisse le pouvoir et aurait vidé les caisses de "
            "l'État\n\nCorps.")
    doc = parse(nlp, text, quotes=[], until="recoupe_entities")
    assertions = split_headline(headline_tokens(doc, 0, text.index("\n")))
    assert [doc.text[a.start:a.end] for a in assertions] == [
        "le président Jammeh laisse le pouvoir", "aurait vidé les caisses de l'État"]
    assert [t.text for t in assertions[1].shared] == ["le", "président", "Jammeh"]


FIRE = ("Lyon : un incendie fait {n} morts dans un immeuble\n\n"
        "Un incendie a tué trois personnes dans un immeuble de Lyon dans la nuit de samedi "
        "à dimanche. Les pompiers sont intervenus vers deux heures du matin.\n")


def test_a_headline_the_body_states_is_supported(nlp):
    check = check_of(nlp, FIRE.format(n="trois"))
    assert [a.verdict for a in check.assertions] == ["supported"]
    assert check.unsupported_terms == []
    assert check.assertions[0].evidence[0].text.startswith("Un incendie a tué trois")


def test_a_figure_the_body_never_gives_is_flagged(nlp):
    check = check_of(nlp, FIRE.format(n="cinq"))
    assert [a.verdict for a in check.assertions] == ["partly"]
    assert [t.text for t in check.unsupported_terms] == ["cinq"]
    assert "figure" in check.unsupported_terms[0].reason


def test_a_weaker_word_in_the_body_makes_a_strong_headline_partly_supported(nlp):
    text = ("Canal+ déclare la guerre à TF1\n\nDéjà en conflit avec TF1 depuis dix-huit "
            "mois, Canal+ a décidé de couper le signal des chaînes du groupe TF1.\n")
    check = check_of(nlp, text)
    assert [a.verdict for a in check.assertions] == ["partly"]
    term = next(t for t in check.unsupported_terms if t.text == "guerre")
    assert "conflit" in term.reason


def test_a_plural_headline_for_one_thing_in_the_body(nlp):
    text = ("Des vidéos montrent des policiers frapper un manifestant\n\n"
            "Une vidéo tournée samedi à Paris montre des policiers frapper un manifestant "
            "au sol. La vidéo a été vue deux millions de fois.\n")
    check = check_of(nlp, text)
    assert check.assertions[0].verdict == "partly"
    assert any("«vidéos» is plural" in note for note in check.notes)


def test_an_article_without_body(nlp):
    check = check_of(nlp, "Un titre seul\n")
    assert check.assertions == [] and check.notes


def test_a_dated_label_states_nothing(nlp):
    check = check_of(nlp, "Gilets jaunes : mercredi 5 décembre 2018\n\nLe mouvement continue "
                          "dans plusieurs villes de France.\n")
    assert check.assertions == []
    assert any("states nothing" in note for note in check.notes)


# --- evidence -------------------------------------------------------------------------


def test_an_unsupported_assertion_gets_no_evidence_when_nothing_shares_its_content(desertion):
    mutiny = desertion.assertions[1]
    # The lead names Poutine too, but says nothing of a mutiny: a shared name is no
    # shared content.
    assert mutiny.evidence == []
    assert "no body sentence shares a content word" in mutiny.explanation.lower()


def test_an_unsupported_assertion_shows_only_the_closest_sentences(nlp):
    text = ("Un pont s'effondre sur l'autoroute à Lyon\n\n"
            "La mairie de Lyon a voté mardi le budget de l'année. "
            "Le pont Lafayette sera repeint au printemps. "
            "Les écoles de la ville ouvriront plus tôt en septembre.\n")
    check = check_of(nlp, text)
    assertion = check.assertions[0]
    assert assertion.verdict == "not_supported"
    assert [e.text for e in assertion.evidence] == [
        "Le pont Lafayette sera repeint au printemps."]
    assert "closest" in assertion.explanation and "«pont»" in assertion.explanation


EBOLA_LIKE = (
    "L'OMS annonce la fin de l'épidémie d'Ebola en Guinée\n\n"
    "Le représentant de l'OMS a annoncé mardi à Conakry la fin de l'épidémie d'Ebola en "
    "Guinée. "
    "Le virus a fait plus de 2 500 morts dans le pays depuis 2013. "
    "Un médecin québécois affirme que la fin de l'épidémie d'Ebola en Guinée ne signifie "
    "pas que le virus a disparu. "
    "Des humanitaires affirment que l'OMS a tardé à annoncer l'urgence.\n")


def test_evidence_is_ranked_by_coverage_and_the_lead_comes_first(nlp):
    check = check_of(nlp, EBOLA_LIKE)
    evidence = [e.text for e in check.assertions[0].evidence]
    assert evidence[0].startswith("Le représentant de l'OMS a annoncé mardi")
    # Sharing the name and the verb only, the last sentence is no evidence.
    assert not any(e.startswith("Des humanitaires") for e in evidence)


def test_the_lead_is_the_evidence_of_the_ebola_example(nlp):
    from conftest import EXAMPLES

    text = (EXAMPLES / "wikinews" / "2016_01_01-002.txt").read_text(encoding="utf-8")
    check = check_of(nlp, text)
    assertion = check.assertions[0]
    assert assertion.verdict == "supported"
    assert "Mohammed Belhocine, a annoncé" in assertion.evidence[0].text
    assert not any("travailleurs humanitaires" in e.text for e in assertion.evidence)


def test_a_second_sentence_is_shown_when_it_adds_a_word(nlp):
    text = ("Savoie : un mort et deux blessés graves dans un accident de téléphérique\n\n"
            "Un accident de téléphérique a eu lieu mardi à la Plagne. "
            "Un enfant de 7 ans est mort dans l'accident. "
            "Deux autres passagers ont été grièvement blessés.\n")
    check = check_of(nlp, text)
    evidence = [e.text for e in check.assertions[0].evidence]
    assert any("mort" in e for e in evidence) and any("blessés" in e for e in evidence)


# --- idioms and near-synonyms ------------------------------------------------------------


def test_an_idiom_of_the_headline_is_supported_by_a_near_synonym(nlp):
    text = ("Les 12 Canadair français cloués au sol après un incident\n\n"
            "La flotte de 12 appareils est immobilisée le temps d'une inspection, après un "
            "incident sur un des Canadair lundi soir.\n")
    check = check_of(nlp, text)
    assert [a.verdict for a in check.assertions] == ["supported"]
    assert check.unsupported_terms == []


def test_an_idiom_is_one_term_reported_whole(nlp):
    text = ("Les Canadair français cloués au sol après un incident\n\n"
            "Un des Canadair a subi un incident lundi soir à Ajaccio.\n")
    check = check_of(nlp, text)
    assert [t.text for t in check.unsupported_terms] == ["cloués au sol"]
    assert "«cloués au sol»" in check.assertions[0].explanation


@pytest.mark.parametrize("headline, body", [
    ("Un alpiniste meurt dans les Alpes", "Un alpiniste a perdu la vie dimanche dans les "
                                           "Alpes, près de Chamonix."),
    ("Les avions de la flotte cloués au sol", "Tous les avions de la flotte sont restés "
                                              "cloués au sol mardi."),
])
def test_idioms_with_articles_match_in_the_body(nlp, headline, body):
    check = check_of(nlp, f"{headline}\n\n{body}\n")
    assert [a.verdict for a in check.assertions] == ["supported"]


# --- the evaluation report ------------------------------------------------------------------


def test_undefined_ratios_print_as_not_available():
    from recoupe.evaluate.headline import HeadlineScores, format_headline_report
    from recoupe.evaluate.quotes import Counts

    scores = HeadlineScores(articles=1, assertions=Counts(gold=2, predicted=2, matched=2),
                            terms=Counts(gold=0, predicted=0, matched=0))
    report = format_headline_report(scores)
    terms = next(line for line in report.splitlines() if line.startswith("unsupported"))
    assert terms.split()[-3:] == ["n/a", "n/a", "n/a"]
    assertions = next(line for line in report.splitlines() if line.startswith("assertions"))
    assert assertions.split()[-3:] == ["1.000", "1.000", "1.000"]
    assert scores.as_dict()["unsupported_terms"]["precision"] is None
    assert "verdict accuracy: n/a" in report
