"""The founding example: a translated tabloid article resting on one intercepted call.

Every quote of the dev gold must come out, with its speaker: the call itself (twice),
Vladimir Poutine, the soldier and his mother (turn by turn), and Erin Burnett.
"""

import pytest

from recoupe.evaluate.names import same_name

# (kind, start of the content, speaker mention, canonical speaker)
EXPECTED = [
    ("indirect", "les Russes sont en train de discuter d'une désertion massive",
     "un appel intercepté", "un appel intercepté depuis la ligne de front"),
    ("indirect", "les conditions sur la ligne de front se détériorent",
     "Un appel téléphonique intercepté", "un appel intercepté depuis la ligne de front"),
    ("mixed", 'il y a des "problèmes d\'équipement" pour les troupes russes',
     "Vladimir Poutine", "Vladimir Poutine"),
    ("direct", "Ils partent, ils partent, les gens partent.", "un soldat", "un soldat russe"),
    ("direct", "Partir ? Comme s'enfuir ?", "La mère", "la mère du soldat"),
    ("direct", "Oui, s'enfuir, quoi d'autre ?", "Le soldat", "un soldat russe"),
    ("direct", "Cinq p****** de jours sous une pluie battante, sans dormir.", "Le soldat",
     "un soldat russe"),
    ("direct", "C'est une désertion, fais attention.", "la mère inquiète",
     "la mère du soldat"),
    ("direct", "S'ils ne nous laissent pas partir en décembre", "le soldat fatigué",
     "un soldat russe"),
    ("direct", "En ce qui concerne le problème de l'équipement", "le président Poutine",
     "Vladimir Poutine"),
    ("direct", "Poutine a le dos fermement appuyé contre le mur", "Erin Burnett",
     "Erin Burnett"),
]


@pytest.fixture(scope="module")
def found(desertion):
    return sorted(desertion.quotes, key=lambda q: q.start)


def test_every_quote_and_nothing_else(found):
    assert len(found) == len(EXPECTED), [q.text[:40] for q in found]
    for quote, (kind, start, _, _) in zip(found, EXPECTED):
        assert quote.text.startswith(start), (quote.text, start)
        assert quote.kind == kind, quote.text


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_speakers(found, index):
    quote = found[index]
    _, _, mention, canonical = EXPECTED[index]
    assert quote.speaker.text.startswith(mention), (quote.text, quote.speaker)
    assert same_name(canonical, quote.speaker.name), (quote.text, quote.speaker.name)


def test_the_headline_claim_is_not_a_quote(desertion):
    headline = desertion.article.headline
    assert not any(q.start < headline.end for q in desertion.quotes)


def test_the_source_credit_is_not_a_quote(desertion):
    assert not any("Express.co.uk" in q.text for q in desertion.quotes)


def test_soldier_and_mother_are_resolved_to_two_speakers(found):
    soldier = {q.speaker.name for q in found[3:9] if q.speaker.text.lower().endswith(
        ("soldat", "soldat fatigué"))}
    mother = {q.speaker.name for q in found[3:9] if "mère" in q.speaker.text}
    assert len(soldier) == 1 and len(mother) == 1
    assert soldier != mother


def test_the_continued_reply_shares_its_cue(found):
    assert found[5].cue.text == found[6].cue.text == "confirme"
