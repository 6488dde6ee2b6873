"""One-to-one matching of predicted spans to gold spans, greedy by overlap.

A pair is admissible when the overlap covers at least ``threshold`` of *both* spans;
admissible pairs are then taken largest overlap first, each span used at most once.
"""

from __future__ import annotations

LOOSE = 0.3
STRICT = 0.8


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(a: tuple[int, int], b: tuple[int, int], threshold: float) -> bool:
    shared = overlap(a, b)
    if shared == 0:
        return False
    return shared >= threshold * max(a[1] - a[0], 1) and shared >= threshold * max(b[1] - b[0], 1)


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
                threshold: float) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), one-to-one."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if covers(g, p, threshold):
                shared = overlap(g, p)
                # Largest overlap first; on ties, the pair whose spans agree best.
                ratio = shared / max(g[1] - g[0], p[1] - p[0], 1)
                candidates.append((-shared, -ratio, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j))
    return sorted(pairs)
