"""Check-worthy claims and hedges."""

from __future__ import annotations

import pytest

from recoupe.factcheck.hedges import find_hedges
from recoupe.factcheck.parsing import parse, quote


def sentence(nlp, text):
    doc = parse(nlp, "Titre\n\n" + text, quotes=[], until="recoupe_sources")
    return list(doc.sents)[-1]


@pytest.mark.parametrize("text, hedge, kind", [
    ("Le suspect aurait fui vers la Belgique.", "aurait", "conditional"),
    ("Les deux hommes seraient de nationalité française.", "seraient", "conditional"),
    ("Selon la police, trois personnes sont mortes.", "Selon la police", "attribution"),
    ("D'après une source proche du dossier, il a avoué.", "D'après une source proche du dossier",
     "attribution"),
    ("Le présumé tireur a été arrêté.", "présumé", "alleged"),
    ("Il semblerait que le feu soit parti de la cuisine.", "Il semblerait", "uncertainty"),
    ("Le bilan pourrait encore s'alourdir.", "pourrait", "uncertainty"),
    ("Les enquêteurs ont probablement retrouvé l'arme.", "probablement", "uncertainty"),
])
def test_hedges(nlp, text, hedge, kind):
    found = [(sentence(nlp, text).doc.text[h.start:h.end], h.kind)
             for h in find_hedges(sentence(nlp, text))]
    assert (hedge, kind) in found


@pytest.mark.parametrize("text", [
    "S'ils ne nous laissent pas partir, nous partirions en décembre.",
    "Je voudrais remercier les secours.",
    "Le maire a inauguré la piscine.",
])
def test_no_hedge_in_hypotheses_politeness_or_plain_facts(nlp, text):
    assert [h for h in find_hedges(sentence(nlp, text)) if h.kind == "conditional"] == []


def claims_of(nlp, text, quotes=None):
    doc = parse(nlp, text, quotes=quotes if quotes is not None else [],
                until="recoupe_claims")
    return doc, doc._.claims


ARTICLE = (
    "Incendie meurtrier à Lyon\n\n"
    "Un incendie a fait 12 morts dans un immeuble de Lyon dans la nuit de samedi à "
    "dimanche, selon les pompiers. "
    "Le feu aurait pris dans une cuisine du troisième étage. "
    "Le Vatican condamne fermement ce drame. "
    "Comment une telle tragédie a-t-elle pu arriver ? "
    "Le maire de Lyon a annoncé que l'immeuble sera détruit l'an prochain.\n"
)


@pytest.fixture(scope="module")
def fire(nlp):
    return claims_of(nlp, ARTICLE)


def claim_with(claims, fragment):
    return next((c for c in claims if fragment in c.text), None)


def test_a_death_toll_is_a_check_worthy_number_attributed_to_its_source(fire):
    _, claims = fire
    toll = claim_with(claims, "12 morts")
    assert toll is not None and toll.type == "number"
    assert toll.score >= 0.5 and toll.features["number"] == 1.0
    assert toll.asserted_by.kind == "source" and "pompiers" in toll.asserted_by.name
    assert [h.kind for h in toll.hedges] == ["attribution"]


def test_a_conditional_is_a_hedged_claim(fire):
    _, claims = fire
    cause = claim_with(claims, "aurait pris")
    assert cause is not None and cause.asserted_by.kind == "journalist"
    assert any(h.kind == "conditional" and h.text == "aurait" for h in cause.hedges)


def test_opinion_and_questions_are_not_claims(fire):
    _, claims = fire
    assert claim_with(claims, "condamne") is None
    assert claim_with(claims, "Comment") is None


def test_an_announced_future_is_a_prediction(fire):
    _, claims = fire
    plan = claim_with(claims, "sera détruit")
    assert plan is not None and plan.type == "prediction"


def test_headline_is_not_a_claim_and_spans_point_into_the_text(fire):
    doc, claims = fire
    text = doc._.source_text
    assert claims and all(c.start > text.index("\n") for c in claims)
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        for hedge in claim.hedges:
            assert text[hedge.start:hedge.end] == hedge.text
    assert [c.id for c in claims] == [f"c{i + 1}" for i in range(len(claims))]


def test_a_quoted_claim_is_asserted_by_its_speaker_with_the_quote_id(nlp):
    text = ("Grève à la SNCF\n\nLe ministre a déclaré : « 40 % des trains ont été "
            "supprimés mardi. »\n")
    quotes = [quote(text, "40 % des trains ont été supprimés mardi.", "Le ministre",
                    id="q7", cue="a déclaré")]
    _, claims = claims_of(nlp, text, quotes)
    claim = claim_with(claims, "40 %")
    assert claim is not None and claim.type == "number"
    assert claim.asserted_by.kind == "source" and claim.asserted_by.quote == "q7"
