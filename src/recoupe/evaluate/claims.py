"""Scoring claims against a gold file (``data/gold/claims-fr.jsonl``).

Gold record: ``id``, ``text``, ``claims``: [{start, end, type, check_worthy}], sentence
spans (see docs/annotation-claims-headline.md). A predicted claim matches a gold claim
when their overlap covers at least half of each (one-to-one, largest overlap first).

    claims        every predicted claim against every gold claim
    check-worthy  predicted claims scoring ≥ 0.5 against gold claims marked check-worthy
    type          over matched claims, how often the type is the gold type
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from recoupe import schema
from recoupe.evaluate.cells import accuracy_cell, counts_dict, ratio_cells
from recoupe.evaluate.gold import GoldError, analysed
from recoupe.evaluate.matching import match_spans
from recoupe.evaluate.quotes import Accuracy, Counts

SENTENCE_MATCH = 0.5
CHECK_WORTHY = 0.5


@dataclass
class ClaimScores:
    articles: int = 0
    failures: int = 0
    claims: Counts = field(default_factory=Counts)
    check_worthy: Counts = field(default_factory=Counts)
    type: Accuracy = field(default_factory=Accuracy)
    confusions: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "failures": self.failures,
                "claims": counts_dict(self.claims),
                "check_worthy": counts_dict(self.check_worthy),
                "type": self.type.as_dict()}


def score_claim_records(records: list[dict], workers: int = 1) -> ClaimScores:
    """Run the analysis on each record's text and score its claims."""
    _check(records)
    scores = ClaimScores()
    for record, result in analysed(records, scores, workers):
        score_article(scores, record, result.claims)
    return scores


def score_article(scores: ClaimScores, record: dict, predicted: list[schema.Claim]) -> None:
    gold = record["claims"]
    text = record["text"]
    article = str(record["id"])
    _count(scores.claims, scores, article, text,
           [(g["start"], g["end"]) for g in gold], [(p.start, p.end) for p in predicted],
           "claim")
    worthy_gold = [g for g in gold if g.get("check_worthy")]
    worthy_pred = [p for p in predicted if p.score >= CHECK_WORTHY]
    _count(scores.check_worthy, scores, article, text,
           [(g["start"], g["end"]) for g in worthy_gold],
           [(p.start, p.end) for p in worthy_pred], "check-worthy")
    pairs = match_spans([(g["start"], g["end"]) for g in gold],
                        [(p.start, p.end) for p in predicted], SENTENCE_MATCH)
    for i, j in pairs:
        expected, got = gold[i]["type"], predicted[j].type
        scores.type.add(expected == got)
        if expected != got:
            scores.confusions[(expected, got)] += 1
            scores.errors.append(f"{article}: type {expected} → {got}: "
                                 f"{_excerpt(text, gold[i]['start'], gold[i]['end'])}")


def _count(counts: Counts, scores: ClaimScores, article: str, text: str,
           gold: list[tuple[int, int]], predicted: list[tuple[int, int]], what: str) -> None:
    pairs = match_spans(gold, predicted, SENTENCE_MATCH)
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.matched += len(pairs)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    for i, span in enumerate(gold):
        if i not in matched_gold:
            scores.errors.append(f"{article}: missed {what}: {_excerpt(text, *span)}")
    for j, span in enumerate(predicted):
        if j not in matched_pred:
            scores.errors.append(f"{article}: false {what}: {_excerpt(text, *span)}")


def _excerpt(text: str, start: int, end: int, limit: int = 110) -> str:
    flat = " ".join(text[start:end].split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _check(records: list[dict]) -> None:
    for record in records:
        text = record.get("text")
        if not isinstance(text, str):
            raise GoldError(f"{record.get('id')}: no text")
        for claim in record.get("claims", []):
            if not (0 <= claim["start"] <= claim["end"] <= len(text)):
                raise GoldError(f"{record.get('id')}: claim offsets out of the text")


def format_claim_report(scores: ClaimScores, errors: bool = False) -> str:
    lines = [f"Claims: {scores.articles} articles"
             + (f" ({scores.failures} failed)" if scores.failures else ""),
             f"{'':14}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, counts in (("claims", scores.claims), ("check-worthy", scores.check_worthy)):
        lines.append(f"{label:14}{counts.gold:>6}{counts.predicted:>6}{counts.matched:>7}"
                     f"{ratio_cells(counts)}")
    lines.append(f"type accuracy on matched claims: {accuracy_cell(scores.type)} "
                 f"({scores.type.correct}/{scores.type.total})")
    if scores.confusions:
        common = ", ".join(f"{g}→{p} {n}" for (g, p), n in scores.confusions.most_common(6))
        lines.append(f"most frequent type confusions: {common}")
    if errors and scores.errors:
        lines.append("")
        lines.extend(scores.errors)
    return "\n".join(lines)


def evaluate_claims(records, errors: bool = False) -> str:
    """The printable claim report for gold ``records`` (parsed JSON Lines)."""
    return format_claim_report(score_claim_records(list(records)), errors=errors)
