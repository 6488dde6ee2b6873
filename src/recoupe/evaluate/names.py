"""Comparing speaker names the way a reader would: "le président Vladimir Poutine" and
"Poutine" name the same speaker, "la mère" and "la mère du soldat" too."""

from __future__ import annotations

import re
import unicodedata

DETERMINERS = {
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "son", "sa", "ses",
    "leur", "leurs", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "notre", "nos",
    "votre", "vos", "the", "a", "an",
}


def normalise_name(name: str | None) -> str:
    """Lower case, accents folded, punctuation and determiners removed."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFD", name.lower())
    folded = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    words = re.findall(r"[a-z0-9]+", folded)
    return " ".join(w for w in words if w not in DETERMINERS)


def same_name(gold: str | None, predicted: str | None) -> bool:
    """Both absent, or one normalised name contains the other (as whole words)."""
    a, b = normalise_name(gold), normalise_name(predicted)
    if not a or not b:
        return not a and not b
    a, b = f" {a} ", f" {b} "
    return a in b or b in a
