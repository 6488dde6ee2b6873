"""Precision, recall and F1 as they are printed: "n/a" where a ratio is undefined.

With no prediction, precision is undefined; with no gold item, recall is; F1 needs
both. A held-out set with no unsupported term, where the tool predicts none, is
"n/a n/a n/a", not "0.000 0.000 0.000" (which would read as a failure).
"""

from __future__ import annotations

from recoupe.evaluate.quotes import Accuracy, Counts

NOT_DEFINED = "n/a"


def ratios(counts: Counts) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1, None where undefined."""
    precision = counts.matched / counts.predicted if counts.predicted else None
    recall = counts.matched / counts.gold if counts.gold else None
    if precision is None or recall is None:
        return precision, recall, None
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ratio_cells(counts: Counts, width: int = 8) -> str:
    """The three ratios right-aligned in columns of ``width``."""
    return "".join(f"{NOT_DEFINED:>{width}}" if value is None else f"{value:>{width}.3f}"
                   for value in ratios(counts))


def counts_dict(counts: Counts) -> dict:
    """Counts and ratios for JSON output, with null where a ratio is undefined."""
    precision, recall, f1 = ratios(counts)
    return {"gold": counts.gold, "predicted": counts.predicted, "matched": counts.matched,
            "precision": None if precision is None else round(precision, 4),
            "recall": None if recall is None else round(recall, 4),
            "f1": None if f1 is None else round(f1, 4)}


def accuracy_cell(accuracy: Accuracy) -> str:
    """An accuracy over nothing is undefined, not zero."""
    return f"{accuracy.value:.3f}" if accuracy.total else NOT_DEFINED
