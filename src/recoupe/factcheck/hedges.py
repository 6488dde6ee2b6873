"""Hedges: how an article holds a statement at arm's length.

    conditional    the conditionnel journalistique: "aurait fui", "serait l'otage"
                   (spaCy's Mood=Cnd), not the conditional of a "si" clause, of
                   politeness ("je voudrais") or of the modals "pourrait", "devrait"
    attribution    "selon X", "d'après X", "à en croire X", "de source policière"
    uncertainty    "il semblerait", "probablement", "peut-être", "pourrait", "il n'est
                   pas établi"
    alleged        "présumé", "supposé", "prétendu", "soupçonné de"
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recoupe.factcheck.vocabulary import REPORTING_VERBS
from recoupe.pipeline.entities import fold

# Conditionals that are not the journalist's distance: wishes, politeness, and modals
# whose meaning is possibility or expectation (counted as uncertainty or prediction).
NOT_HEDGING_CONDITIONALS = frozenset("vouloir aimer souhaiter préférer falloir".split())
MODAL_UNCERTAINTY = frozenset({"pouvoir"})
UNCERTAINTY_WORDS = frozenset(fold(w) for w in """
    apparemment probablement vraisemblablement possiblement potentiellement peut-être
    éventuellement hypothétiquement présumément semble-t-il
""".split())
UNCERTAINTY_PHRASES = [tuple(fold(w) for w in p.split()) for p in (
    "il semble", "il semblerait", "il semblait", "il paraît", "il paraîtrait",
    "sans doute", "a priori", "n'est pas établi", "pas établi", "reste à déterminer",
    "reste à établir", "on ignore", "on ne sait", "il est possible", "il se pourrait",
    "rien ne permet", "pas confirmé", "non confirmé", "pas encore confirmé",
)]
# Tried at every word of every sentence: only the phrases that start with that word.
_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in UNCERTAINTY_PHRASES:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)
ALLEGED_WORDS = frozenset(fold(w) for w in """
    présumé présumée présumés présumées supposé supposée supposés supposées prétendu
    prétendue prétendus prétendues allégué alléguée allégués alléguées soupçonné
    soupçonnée soupçonnés soupçonnées suspecté suspectée suspectés suspectées
    présumément
""".split())
ATTRIBUTION_HEADS = frozenset({"selon"})


@dataclass(frozen=True)
class HedgeMatch:
    start: int  # character offsets
    end: int
    kind: str


def find_hedges(sentence: Span) -> list[HedgeMatch]:
    """Every hedge in ``sentence``, left to right, without overlaps."""
    found: list[HedgeMatch] = []
    tokens = [t for t in sentence if not t.is_space]
    words = [fold(t.text) for t in tokens]
    conditional_clause = _si_clause_tokens(sentence)
    i = 0
    while i < len(tokens):
        token, word = tokens[i], words[i]
        phrase = _phrase_at(words, i)
        if phrase:
            end = tokens[i + phrase - 1]
            found.append(HedgeMatch(token.idx, end.idx + len(end.text), "uncertainty"))
            i += phrase
            continue
        if word in ATTRIBUTION_HEADS or (word in {"d'", "d’"} and i + 1 < len(tokens)
                                         and words[i + 1] == "apres"):
            end = _attribution_end(tokens, i)
            found.append(HedgeMatch(token.idx, end.idx + len(end.text), "attribution"))
            i = tokens.index(end) + 1
            continue
        if word == "croire" and i >= 2 and words[i - 1] == "en" and words[i - 2] == "a":
            end = _attribution_end(tokens, i)
            found.append(HedgeMatch(tokens[i - 2].idx, end.idx + len(end.text), "attribution"))
            i = tokens.index(end) + 1
            continue
        if word == "source" and i > 0 and words[i - 1] == "de" and i + 1 < len(tokens) \
                and tokens[i + 1].pos_ == "ADJ":
            found.append(HedgeMatch(tokens[i - 1].idx, tokens[i + 1].idx
                                    + len(tokens[i + 1].text), "attribution"))
            i += 2
            continue
        if word in ALLEGED_WORDS:
            found.append(HedgeMatch(token.idx, token.idx + len(token.text), "alleged"))
        elif word in UNCERTAINTY_WORDS:
            found.append(HedgeMatch(token.idx, token.idx + len(token.text), "uncertainty"))
        elif is_hedging_conditional(token) and token.i not in conditional_clause \
                and not reported_future(token):
            kind = "uncertainty" if token.lemma_ in MODAL_UNCERTAINTY else "conditional"
            found.append(HedgeMatch(token.idx, token.idx + len(token.text), kind))
        i += 1
    return found


def is_hedging_conditional(token: Token) -> bool:
    if "Cnd" not in token.morph.get("Mood"):
        return False
    if token.lemma_ in NOT_HEDGING_CONDITIONALS or token.lemma_ == "devoir":
        return False
    # "je voudrais", "nous serions": a speaker's own conditional is no distance taken
    # by the journalist.
    return not any(p in {"1", "2"} for p in token.morph.get("Person"))


def reported_future(token: Token) -> bool:
    """"Il a annoncé qu'il serait convoqué": the conditional of a reported future,
    required by the past tense of the report, is no hedge."""
    verb = token.head if token.dep_ in {"aux", "aux:tense", "aux:pass", "cop"} else token
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return False
    report = verb.head
    past = "Past" in report.morph.get("Tense") or any(
        c.dep_ == "aux:tense" for c in report.children) or "Imp" in report.morph.get("Tense")
    return past and report.lemma_ in REPORTING_VERBS


def _phrase_at(words: list[str], i: int) -> int:
    for phrase in _PHRASES_BY_FIRST_WORD.get(words[i], ()):
        if tuple(words[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _attribution_end(tokens: list[Token], i: int) -> Token:
    """The last token of "selon X" / "d'après X": X's noun phrase, up to a comma."""
    head = tokens[i]
    last = head
    for token in tokens[i + 1:]:
        if token.is_punct and token.text not in {"'", "’", "-"}:
            break
        if token.pos_ in {"VERB", "AUX"} and "Part" not in token.morph.get("VerbForm"):
            break
        if token.pos_ == "SCONJ":
            break
        last = token
        if token.i - head.i >= 8:
            break
    return last


def _si_clause_tokens(sentence: Span) -> set[int]:
    """Tokens of a sentence with a "si" condition: its main-clause conditional states a
    hypothesis, not a report held at a distance ("si X, nous partirions")."""
    if not any(fold(t.text) in {"si", "s'"} and t.dep_ == "mark" for t in sentence):
        return set()
    return {t.i for t in sentence}
