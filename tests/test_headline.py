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
