"""The word lists under ``recoupe/data``, parsed once per process.

The lists are data so that a fact-checker can extend them without reading code; each
loader here is the only reader of its file and documents its format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from recoupe.pipeline.entities import fold


def _lines(name: str) -> list[str]:
    text = resources.files("recoupe").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Outlet:
    name: str  # the canonical name
    type: str  # "media_outlet" or "news_agency" (a journal is a media outlet)
    ambiguous: bool  # also a common word: needs a media context to count


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """Every written form of an outlet (name and aliases) → the outlet."""
    forms: dict[str, Outlet] = {}
    for line in _lines("media-outlets.tsv"):
        cells = line.split("\t") + ["", "", ""]
        name, kind, aliases, flag = (c.strip() for c in cells[:4])
        outlet = Outlet(name, "media_outlet" if kind == "journal" else kind,
                        ambiguous=(flag == "ambiguous"))
        for form in [name, *filter(None, (a.strip() for a in aliases.split("|")))]:
            forms[form] = outlet
    return forms


@dataclass(frozen=True)
class LoadedEntry:
    lemmas: tuple[str, ...]  # folded lemmas, one per word
    category: str
    pos: str | None


@lru_cache(maxsize=1)
def loaded_entries() -> dict[str, list[LoadedEntry]]:
    """Loaded-language entries indexed by their first folded lemma."""
    index: dict[str, list[LoadedEntry]] = {}
    for line in _lines("loaded-language-fr.tsv"):
        cells = line.split("\t")
        lemmas = tuple(fold(w) for w in cells[0].split())
        pos = cells[2].strip() if len(cells) > 2 and cells[2].strip() else None
        entry = LoadedEntry(lemmas, cells[1].strip(), pos)
        index.setdefault(lemmas[0], []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.lemmas))  # longest first
    return index


# Function words inside a term of several words, as they are compared: the model
# lemmatises "la", "l'" to "le" and "du", "d'" to "de"; "au" and "aux" stand for "à".
FUNCTION_WORDS = {"la": "le", "l'": "le", "les": "le", "d'": "de", "du": "de", "des": "de",
                  "au": "a", "aux": "a"}


def phrase_word(word: str) -> str:
    """A folded word as it is compared inside a term of several words."""
    return FUNCTION_WORDS.get(word, word)


def _entry(text: str) -> str:
    """A folded lexicon entry; "perdre la vie", "sonnette d'alarme" spelt as compared."""
    text = fold(text.strip())
    if " " not in text:
        return text  # one word, "aujourd'hui" included
    return " ".join(phrase_word(w) for w in text.replace("'", "' ").replace("’", "' ").split())


@lru_cache(maxsize=1)
def synonym_groups() -> list[frozenset[str]]:
    """Groups of folded lemmas (a multi-word term is its lemmas joined by spaces)."""
    return [frozenset(_entry(w) for w in line.split(",") if w.strip())
            for line in _lines("synonyms-fr.txt")]


@lru_cache(maxsize=1)
def synonym_index() -> dict[str, list[frozenset[str]]]:
    index: dict[str, list[frozenset[str]]] = {}
    for group in synonym_groups():
        for word in group:
            index.setdefault(word, []).append(group)
    return index


@lru_cache(maxsize=1)
def multiword_terms() -> dict[str, list[tuple[str, ...]]]:
    """The synonym-list terms of several words ("clouer au sol", "ouvrir le feu"),
    as lemma tuples indexed by their first lemma, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for word in synonym_index():
        words = tuple(word.split())
        if len(words) > 1:
            index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


@lru_cache(maxsize=1)
def intensity_ranks() -> dict[str, list[tuple[int, int]]]:
    """Folded lemma → [(scale number, rank)], rank 0 the strongest of its scale."""
    ranks: dict[str, list[tuple[int, int]]] = {}
    for number, line in enumerate(_lines("intensity-scales-fr.txt")):
        for rank, word in enumerate(w.strip() for w in line.split(">")):
            ranks.setdefault(fold(word), []).append((number, rank))
    return ranks
