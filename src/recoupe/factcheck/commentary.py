"""Commentary: what judges, pictures or speculates instead of reporting.

"Poutine a le dos fermement appuyé contre le mur car il sait que son invasion ne s'est
pas déroulée comme prévu. L'aveu … n'est pas anodin. Il est obligé de l'admettre" is a
commentator's reading, whoever says it: a metaphor, a guess at what someone knows, a
judgement, a constraint read into a situation. Each is a *mark*; a sentence with
several is opinion, not a claim to check.

    figurative   metaphors and idioms ("le dos au mur", "la goutte d'eau")
    evaluative   an adjective of judgement as the predicate ("n'est pas anodin")
    necessity    "est obligé de", "n'a pas le choix"
    mind         what a third person knows, thinks or wants ("il sait que"), inside a
                 quotation or below the main verb (a main "X estime que" is reported
                 opinion, counted elsewhere)

The word lists are in ``recoupe/data/commentary-fr.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from recoupe.factcheck.lexicons import phrase_word
from recoupe.pipeline.entities import fold

GAP = 3  # other words allowed between two words of a figure of speech (others: none)
MIND_VERBS = frozenset(fold(w) for w in "savoir penser croire vouloir craindre "
                       "redouter espérer ignorer sentir".split())
FIRST_PERSONS = frozenset("je j' nous on".split())


@dataclass(frozen=True)
class Mark:
    start: int  # token index of the first word
    end: int  # token index past the last word
    kind: str


@lru_cache(maxsize=1)
def entries() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Entries indexed by their first word, longest first."""
    text = resources.files("recoupe").joinpath("data", "commentary-fr.tsv").read_text(
        encoding="utf-8")
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        words, kind = (cell.strip() for cell in line.split("\t")[:2])
        folded = fold(words).replace("'", "' ").replace("’", "' ").split()
        lemmas = tuple(phrase_word(w) for w in folded)
        index.setdefault(lemmas[0], []).append((lemmas, kind))
    for found in index.values():
        found.sort(key=lambda e: -len(e[0]))
    return index


def _keys(token: Token) -> set[str]:
    return {phrase_word(fold(token.lemma_)), phrase_word(fold(token.text))}


def marks(tokens: list[Token], quoted: set[int]) -> list[Mark]:
    """The marks of commentary among ``tokens`` (a sentence), left to right;
    ``quoted`` holds the indexes of tokens inside quotation marks."""
    found: list[Mark] = []
    words = [t for t in tokens if not t.is_space]
    i = 0
    while i < len(words):
        mark = _entry_at(words, i)
        if mark is not None:
            found.append(mark)
            i = next(k for k, t in enumerate(words) if t.i == mark.end - 1) + 1
            continue
        if _mind(words[i], quoted):
            found.append(Mark(words[i].i, words[i].i + 1, "mind"))
        i += 1
    return found


def _entry_at(words: list[Token], i: int) -> Mark | None:
    for key in _keys(words[i]):
        for lemmas, kind in entries().get(key, ()):
            if kind == "evaluative" and not _predicate(words[i]):
                continue
            if kind == "necessity" and not _constraint(words[i]):
                continue
            last = _follow(words, i, lemmas[1:], GAP if kind == "figurative" else 0)
            if last is not None:
                return Mark(words[i].i, words[last].i + 1, kind)
    return None


def _follow(words: list[Token], i: int, rest: tuple[str, ...], gap: int) -> int | None:
    """The position of the last word of ``rest`` found in order after ``i``, with at
    most ``gap`` words between two of them and no sentence punctuation."""
    position = i
    for lemma in rest:
        for k in range(position + 1, min(position + gap + 2, len(words))):
            if words[k].text in {".", "!", "?", ";", ":"}:
                return None
            if lemma in _keys(words[k]):
                position = k
                break
        else:
            return None
    return position


def _constraint(token: Token) -> bool:
    """"il est obligé de": a state read into a situation; not "les forces de" (a noun),
    nor "ont été contraintes d'évacuer" (an event, told in the past)."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return False
    return not any(c.dep_ == "aux:tense" for c in token.children)


def _predicate(token: Token) -> bool:
    """An adjective that is what the clause says ("n'est pas anodin")."""
    return token.pos_ == "ADJ" and any(c.dep_ == "cop" for c in token.children)


def _mind(token: Token, quoted: set[int]) -> bool:
    """"il sait que …": what a third person knows or wants, told by someone else."""
    if token.pos_ != "VERB" or fold(token.lemma_) not in MIND_VERBS:
        return False
    # "il sait que", "il veut démolir"; but "a su faire preuve de" is an achievement
    wanted = {"ccomp"} if fold(token.lemma_) == "savoir" else {"ccomp", "xcomp"}
    if not any(c.dep_ in wanted for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.lower_ in FIRST_PERSONS or subject.lower_ in {"tu", "vous"}:
        return False
    return token.i in quoted or token.dep_ != "ROOT"
