"""The quote evaluation as text: errors first, then a compact table that fits in the
last dozen lines of the output."""

from __future__ import annotations

from recoupe.evaluate.quotes import QuoteScores

ERROR_TITLES = {
    "miss": "MISS", "false_alarm": "FALSE ALARM", "speaker": "WRONG SPEAKER",
    "canonical": "WRONG CANONICAL", "kind": "WRONG KIND",
}


def format_errors(scores: QuoteScores) -> list[str]:
    lines = []
    for e in scores.errors:
        head = f"{ERROR_TITLES[e.type]:<15} {e.article} {e.start}-{e.end} «{e.excerpt}»"
        lines.append(head)
        if e.expected:
            lines.append(f"{'':<15} expected {e.expected}")
        if e.got:
            lines.append(f"{'':<15} got      {e.got}")
    return lines


def format_table(scores: QuoteScores) -> list[str]:
    lo, st = scores.loose, scores.strict
    by_kind = "  ".join(f"{k} {v.correct}/{v.total}"
                        for k, v in sorted(scores.recall_by_kind.items()))
    lines = [
        f"quotes: {scores.articles} articles ({scores.failures} failed), "
        f"{lo.gold} gold, {lo.predicted} predicted",
        f"recall by kind (loose): {by_kind}",
        f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'matched':>9}",
        f"{'loose  (≥30% overlap)':<22}{lo.precision:>7.3f}{lo.recall:>7.3f}{lo.f1:>7.3f}"
        f"{lo.matched:>9}",
        f"{'strict (≥80% overlap)':<22}{st.precision:>7.3f}{st.recall:>7.3f}{st.f1:>7.3f}"
        f"{st.matched:>9}",
        f"{'':<22}{'accuracy':>9}{'right':>9}",
    ]
    for label, acc in (("speaker mention", scores.speaker),
                       ("canonical speaker", scores.canonical), ("kind", scores.kind)):
        lines.append(f"{label:<22}{acc.value:>9.3f}{f'{acc.correct}/{acc.total}':>9}")
    return lines


def format_report(scores: QuoteScores, errors: bool = False) -> str:
    lines = format_errors(scores) + [""] if errors and scores.errors else []
    return "\n".join(lines + format_table(scores))
