"""Scoring headline checks against a gold file (``data/gold/headline-fr.jsonl``).

Gold record: ``id``, ``text``, ``headline``: {start, end, assertions: [{start, end,
verdict}], unsupported_terms: [{start, end}]} (see docs/annotation-claims-headline.md).

    assertions        predicted against gold assertion spans (one-to-one, overlap ≥ half
                      of each)
    verdict accuracy  over gold assertions: right when a matched prediction has the gold
                      verdict (an unmatched gold assertion counts as wrong); also given
                      over matched assertions only
    unsupported terms predicted against gold terms, overlap ≥ 30 % of each
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from recoupe import schema
from recoupe.evaluate.cells import accuracy_cell, counts_dict, ratio_cells
from recoupe.evaluate.gold import GoldError, analysed
from recoupe.evaluate.matching import LOOSE, match_spans
from recoupe.evaluate.quotes import Accuracy, Counts

ASSERTION_MATCH = 0.5
VERDICTS = ("supported", "partly", "not_supported")


@dataclass
class HeadlineScores:
    articles: int = 0
    failures: int = 0
    assertions: Counts = field(default_factory=Counts)
    verdict: Accuracy = field(default_factory=Accuracy)  # over gold assertions
    verdict_matched: Accuracy = field(default_factory=Accuracy)
    terms: Counts = field(default_factory=Counts)
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted or "missing")
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "failures": self.failures,
                "assertions": counts_dict(self.assertions), "verdict": self.verdict.as_dict(),
                "verdict_matched": self.verdict_matched.as_dict(),
                "unsupported_terms": counts_dict(self.terms)}


def score_headline_records(records: list[dict], workers: int = 1) -> HeadlineScores:
    """Run the analysis on each record's text and score its headline check."""
    _check(records)
    scores = HeadlineScores()
    for record, result in analysed(records, scores, workers):
        score_article(scores, record, result.headline_check)
    return scores


def score_article(scores: HeadlineScores, record: dict, check: schema.HeadlineCheck) -> None:
    article, text = str(record["id"]), record["text"]
    gold = record["headline"]
    gold_assertions = gold.get("assertions", [])
    predicted = check.assertions
    pairs = dict(match_spans([(g["start"], g["end"]) for g in gold_assertions],
                             [(p.start, p.end) for p in predicted], ASSERTION_MATCH))
    scores.assertions.gold += len(gold_assertions)
    scores.assertions.predicted += len(predicted)
    scores.assertions.matched += len(pairs)
    for i, g in enumerate(gold_assertions):
        quoted = f"«{text[g['start']:g['end']]}»"
        if i not in pairs:
            scores.verdict.add(False)
            scores.confusion[(g["verdict"], "missing")] += 1
            scores.errors.append(f"{article}: no predicted assertion for {quoted}")
            continue
        got = predicted[pairs[i]]
        ok = got.verdict == g["verdict"]
        scores.verdict.add(ok)
        scores.verdict_matched.add(ok)
        scores.confusion[(g["verdict"], got.verdict)] += 1
        if not ok:
            scores.errors.append(f"{article}: {quoted} is {g['verdict']}, predicted "
                                 f"{got.verdict} ({got.explanation})")
    for j, p in enumerate(predicted):
        if j not in pairs.values():
            scores.errors.append(f"{article}: extra predicted assertion «{p.text}»")
    gold_terms = [(t["start"], t["end"]) for t in gold.get("unsupported_terms", [])]
    predicted_terms = [(t.start, t.end) for t in check.unsupported_terms]
    term_pairs = match_spans(gold_terms, predicted_terms, LOOSE)
    scores.terms.gold += len(gold_terms)
    scores.terms.predicted += len(predicted_terms)
    scores.terms.matched += len(term_pairs)
    for i, (s, e) in enumerate(gold_terms):
        if i not in {a for a, _ in term_pairs}:
            scores.errors.append(f"{article}: missed unsupported term «{text[s:e]}»")
    for j, term in enumerate(check.unsupported_terms):
        if j not in {b for _, b in term_pairs}:
            scores.errors.append(f"{article}: false unsupported term «{term.text}» "
                                 f"({term.reason})")


def _check(records: list[dict]) -> None:
    for record in records:
        text = record.get("text")
        headline = record.get("headline")
        if not isinstance(text, str) or not isinstance(headline, dict):
            raise GoldError(f"{record.get('id')}: needs a text and a headline object")
        for item in headline.get("assertions", []) + headline.get("unsupported_terms", []):
            if not (0 <= item["start"] <= item["end"] <= len(text)):
                raise GoldError(f"{record.get('id')}: headline offsets out of the text")


def format_headline_report(scores: HeadlineScores, errors: bool = False) -> str:
    lines = [f"Headline check: {scores.articles} articles"
             + (f" ({scores.failures} failed)" if scores.failures else ""),
             f"{'':18}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, counts in (("assertions", scores.assertions),
                          ("unsupported terms", scores.terms)):
        lines.append(f"{label:18}{counts.gold:>6}{counts.predicted:>6}{counts.matched:>7}"
                     f"{ratio_cells(counts)}")
    lines.append(f"verdict accuracy: {accuracy_cell(scores.verdict)} "
                 f"({scores.verdict.correct}/{scores.verdict.total} gold assertions); "
                 f"{accuracy_cell(scores.verdict_matched)} on matched assertions")
    header = "gold \\ predicted"
    columns = [*VERDICTS, "missing"]
    lines.append(f"{header:18}" + "".join(f"{c:>15}" for c in columns))
    for verdict in VERDICTS:
        lines.append(f"{verdict:18}" + "".join(f"{scores.confusion[(verdict, c)]:>15}"
                                               for c in columns))
    if errors and scores.errors:
        lines.append("")
        lines.extend(scores.errors)
    return "\n".join(lines)


def evaluate_headlines(records, errors: bool = False) -> str:
    """The printable headline report for gold ``records`` (parsed JSON Lines)."""
    return format_headline_report(score_headline_records(list(records)), errors=errors)
