"""Loaded language: words that push the reader rather than inform, from the French
lexicon in ``data/loaded-language-fr.tsv`` (matched by lemma, so "massive", "massifs"
and "massif" are one entry), plus masked profanity ("p******", "m*rde")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from recoupe.factcheck.lexicons import LoadedEntry, loaded_entries
from recoupe.pipeline.entities import fold
from recoupe.pipeline.extensions import original_text

CATEGORIES = ("sensational", "exaggeration", "emotional", "intensifier", "profanity")
# A word with letters and at least one asterisk standing for letters.
MASKED = re.compile(r"(?<![\w*])[^\W\d_]+\*+[^\W\d_*]*(?![\w*])|(?<![\w*])[^\W\d_]\*{2,}(?![\w*])")


@dataclass(frozen=True)
class LoadedMatch:
    start: int
    end: int
    category: str


def find_loaded(doc: Doc) -> list[LoadedMatch]:
    """Every loaded term of the article (the credit line left out), left to right."""
    credit = doc._.credit
    skip = (credit.start, credit.end) if credit is not None else (-1, -1)
    found: list[LoadedMatch] = []
    tokens = [t for t in doc if not t.is_space]
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i)
        if match is not None:
            entry, length = match
            first, last = tokens[i], tokens[i + length - 1]
            if not (skip[0] <= first.idx < skip[1]):
                found.append(LoadedMatch(first.idx, last.idx + len(last.text), entry.category))
            i += length
            continue
        i += 1
    text = original_text(doc)
    for masked in MASKED.finditer(text):
        if skip[0] <= masked.start() < skip[1]:
            continue
        if not any(m.start < masked.end() and masked.start() < m.end for m in found):
            found.append(LoadedMatch(masked.start(), masked.end(), "profanity"))
    return sorted(found, key=lambda m: m.start)


def _keys(token: Token) -> set[str]:
    return {fold(token.lemma_), fold(token.text)}


def _match_at(tokens: list[Token], i: int) -> tuple[LoadedEntry, int] | None:
    index = loaded_entries()
    for first in _keys(tokens[i]):
        for entry in index.get(first, ()):
            if entry.pos and tokens[i].pos_ != entry.pos:
                continue
            length = len(entry.lemmas)
            if i + length > len(tokens):
                continue
            if all(entry.lemmas[k] in _keys(tokens[i + k]) for k in range(1, length)):
                return entry, length
    return None


def summarize(matches: list[LoadedMatch], words: int, *, headline: tuple[int, int] | None,
              quoted: list[tuple[int, int]]) -> tuple[dict[str, int], float, str]:
    """Counts per category, rate per 1,000 words, and a one-line summary."""
    counts = Counter(m.category for m in matches)
    ordered = {c: counts.get(c, 0) for c in CATEGORIES}
    rate = round(1000 * len(matches) / words, 1) if words else 0.0
    if not matches:
        return ordered, 0.0, "No loaded language found."
    parts = ", ".join(f"{n} {c}" for c, n in sorted(ordered.items(), key=lambda x: -x[1]) if n)
    in_headline = sum(1 for m in matches if headline and headline[0] <= m.start < headline[1])
    in_quotes = sum(1 for m in matches if any(s <= m.start < e for s, e in quoted))
    where = []
    if in_headline:
        where.append(f"{in_headline} in the headline")
    if in_quotes:
        where.append(f"{in_quotes} inside quotations")
    plural = "s" if len(matches) > 1 else ""
    summary = (f"{len(matches)} loaded term{plural} ({rate} per 1,000 words): {parts}"
               + (f"; {', '.join(where)}" if where else "") + ".")
    return ordered, rate, summary
