"""Which body sentences to show as the evidence for a headline assertion.

A sentence is ranked by how much of the assertion it covers on its own: every term it
supports, weighted by the strength of the support, core terms double, names (who and
where) at full weight. The lead comes first when it covers nearly as much as the best
sentence: it is where the article states its story. A further sentence is shown only
when it covers a third of the assertion itself and adds a word (not a name) the ones
before it miss, worth a fifth of the assertion: one shared name does not bring in an
unrelated sentence.

For an assertion the body does not support, only the closest sentences are given, and
only when they share a content word with it (a name alone is no shared content:
"Poutine fait face à une mutinerie" has nothing to do with the lead because both name
Poutine).
"""

from __future__ import annotations

from dataclasses import dataclass

# Each evidence sentence covers at least this share of the assertion by itself.
OWN_SHARE = 1 / 3
# The lead comes first when it covers this share of what the best sentence covers.
LEAD_SHARE = 0.8
# A further sentence must add this share of the assertion to what is already shown.
MIN_GAIN = 0.2
MAX_EVIDENCE = 3
MAX_CLOSEST = 2


@dataclass(frozen=True)
class Cover:
    """What one term of the assertion is worth, and what a sentence gives of it."""

    term: int  # an identifier of the term
    weight: float  # the term's worth in the assertion (core terms double)
    named: bool  # a name: no shared content on its own


@dataclass
class Choice:
    sentences: list[int]  # indexes into the body sentences, best first
    shared: list[str]  # for an unsupported assertion, the words the closest ones share


def choose(covers: list[Cover], support: dict[int, dict[int, float]], lead: int | None,
           supported: bool, words: dict[int, dict[int, str]] | None = None) -> Choice:
    """``support[sentence][term]`` is the strength (0-1) with which a sentence supports
    a term; ``words[sentence][term]`` the body word that does (for the explanation)."""
    total = sum(c.weight for c in covers) or 1.0
    by_term = {c.term: c for c in covers}

    def value(sentence: int, have: dict[int, float] | None = None) -> float:
        have = have or {}
        return sum(max(0.0, by_term[t].weight * s - have.get(t, 0.0))
                   for t, s in support.get(sentence, {}).items() if t in by_term)

    def content(sentence: int) -> bool:
        return any(s > 0 and not by_term[t].named
                   for t, s in support.get(sentence, {}).items() if t in by_term)

    ranked = sorted((s for s in support if content(s)), key=lambda s: (-value(s), s))
    if not ranked:
        return Choice([], [])
    if not supported:
        closest = ranked[:MAX_CLOSEST]
        shared: list[str] = []
        for sentence in closest:
            for term, word in (words or {}).get(sentence, {}).items():
                if not by_term[term].named and word not in shared:
                    shared.append(word)
        return Choice(closest, shared)
    best = value(ranked[0])
    if lead is not None and lead in ranked and value(lead) >= LEAD_SHARE * best:
        ranked.remove(lead)
        ranked.insert(0, lead)
    own = [s for s in ranked if value(s) >= OWN_SHARE * total]
    chosen = [own[0] if own else ranked[0]]
    have = _covered(chosen[0], support, by_term, {})
    for sentence in own:
        if len(chosen) == MAX_EVIDENCE:
            break
        if sentence in chosen or value(sentence, have) < MIN_GAIN * total \
                or not _adds_content(sentence, support, by_term, have):
            continue
        chosen.append(sentence)
        have = _covered(sentence, support, by_term, have)
    return Choice(chosen, [])


def _adds_content(sentence: int, support: dict[int, dict[int, float]],
                  by_term: dict[int, Cover], have: dict[int, float]) -> bool:
    """Does the sentence support a word (not a name) that the ones shown do not?"""
    return any(s > 0 and not by_term[t].named and have.get(t, 0.0) == 0.0
               for t, s in support.get(sentence, {}).items() if t in by_term)


def _covered(sentence: int, support: dict[int, dict[int, float]],
             by_term: dict[int, Cover], have: dict[int, float]) -> dict[int, float]:
    have = dict(have)
    for term, strength in support.get(sentence, {}).items():
        if term in by_term:
            have[term] = max(have.get(term, 0.0), by_term[term].weight * strength)
    return have
