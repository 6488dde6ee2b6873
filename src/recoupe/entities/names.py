"""Comparing names: folded words, particles and honorifics left out, acronyms."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

NAME_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "da", "di",
                  "ben", "bin", "al", "el", "y", "et"}
# Honorifics before a surname: "M. Poutine" is "Poutine".
HONORIFICS = {"m", "m.", "mme", "mme.", "mlle", "mlle.", "mm.", "mmes", "dr", "dr.", "pr",
              "pr.", "me", "mgr", "mgr."}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, for comparing names (and, in other components, words:
    hence the cache, since a text repeats its words)."""
    lowered = text.lower().replace("’", "'")
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(text: str) -> list[str]:
    """The words that identify a name: folded, without particles and honorifics."""
    return [w for w in fold(text).replace("-", " ").replace("'", " ").split()
            if w not in NAME_PARTICLES and w not in HONORIFICS]


def acronym(text: str) -> str:
    """'Organisation mondiale de la santé' → 'oms'."""
    return "".join(w[0] for w in fold(text).replace("-", " ").replace("'", " ").split()
                   if w not in NAME_PARTICLES and w[:1].isalpha())


def is_acronym_of(short: str, long: str) -> bool:
    """"OMS" and "Organisation mondiale de la santé"; "ONU" and "Organisation des
    Nations unies"."""
    letters = short.replace(".", "")
    return (len(letters) >= 2 and letters.isupper() and " " not in short
            and acronym(long) == letters.lower())
