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


# --- commentary, rhetoric and framing -------------------------------------------------------


@pytest.fixture(scope="module")
def desertion_claims(nlp, desertion_text):
    from test_sources import desertion_quotes

    return claims_of(nlp, desertion_text, desertion_quotes)


def test_an_on_air_commentary_is_not_a_check_worthy_claim(desertion_claims):
    _, claims = desertion_claims
    commentary = claim_with(claims, "Erin Burnett de CNN a déclaré")
    assert commentary is None or commentary.score < 0.5


def test_a_count_of_days_in_a_complaint_is_no_figure_to_check(desertion_claims):
    _, claims = desertion_claims
    complaint = claim_with(claims, "Cinq p****** de jours")
    assert complaint is None or (complaint.type != "number"
                                 and complaint.features["number"] < 1.0
                                 and complaint.score < 0.5)


def test_what_a_recording_signals_is_the_journalists_reading(desertion_claims):
    _, claims = desertion_claims
    trend = claim_with(claims, "signale une tendance croissante")
    assert trend is not None and trend.asserted_by.kind == "journalist"
    # It still rests on material of unknown origin.
    assert trend.features["weak_source"] == 1.0
    reveal = claim_with(claims, "révèle que les conditions")
    assert reveal is not None and reveal.asserted_by.kind == "source"
    assert "appel" in reveal.asserted_by.name


COMMENTARY = (
    "Crise au Kremlin\n\n"
    "Vladimir Poutine a reconnu mercredi des problèmes d'équipement dans l'armée. "
    "Une commentatrice a déclaré à la télévision : « Poutine a le dos fermement appuyé "
    "contre le mur car il sait que son invasion a échoué. Cet aveu n'est pas anodin. Il est "
    "obligé de l'admettre. »\n"
)


def test_commentary_inside_a_quote_is_opinion(nlp):
    text = COMMENTARY
    start = text.index("Poutine a le dos")
    content = text[start:text.index(" »", start)]
    quotes = [quote(text, content, "Une commentatrice", id="q1", cue="a déclaré")]
    _, claims = claims_of(nlp, text, quotes)
    assert claim_with(claims, "le dos fermement") is None
    assert claim_with(claims, "a reconnu mercredi") is not None


@pytest.mark.parametrize("text, kinds", [
    ("Poutine a le dos fermement appuyé contre le mur.", ["figurative"]),
    ("Cet aveu n'est pas anodin.", ["evaluative"]),
    ("Il est obligé de l'admettre.", ["necessity"]),
    ("Un incident anodin a retardé le train.", []),
    ("Près de 250 000 personnes ont été contraintes d'évacuer les lieux.", []),
    ("Les forces de l'ordre sont intervenues.", []),
])
def test_marks_of_commentary(nlp, text, kinds):
    from recoupe.factcheck.commentary import marks

    sent = sentence(nlp, text)
    assert [m.kind for m in marks(list(sent), set())] == kinds


@pytest.mark.parametrize("text, kind", [
    ("Au total, l'épidémie aura fait 11 000 victimes.", "number"),
    ("Les travaux auront été achevés d'ici la fin de l'année prochaine.", "prediction"),
])
def test_a_futur_anterieur_sums_up_unless_a_time_ahead_is_named(nlp, text, kind):
    _, claims = claims_of(nlp, "Titre\n\n" + text)
    assert [c.type for c in claims] == [kind]


def test_a_duration_outside_a_quote_is_still_a_figure(nlp):
    _, claims = claims_of(nlp, "Titre\n\nLe suspect a été détenu pendant cinq jours à Lyon.")
    assert claims and claims[0].features["number"] == 1.0


@pytest.mark.parametrize("text", [
    "Le maire sera entendu mercredi par les enquêteurs.",
    "Ses funérailles auront été célébrées le 26 janvier à Paris.",
])
def test_a_future_passive_and_a_dated_futur_anterieur_are_predictions(nlp, text):
    _, claims = claims_of(nlp, "Titre\n\n" + text)
    assert [c.type for c in claims] == ["prediction"]
