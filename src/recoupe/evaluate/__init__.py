"""Evaluation against gold files: quotes here; claims and headlines in their modules.

    evaluate_quotes(records, errors=False) -> str   the printable report
    score_quote_records(records) -> QuoteScores     the numbers, for scripts and tests
"""

from __future__ import annotations

from recoupe.evaluate.gold import GoldError, gold_kind, quote_articles, read_records
from recoupe.evaluate.quotes import QuoteScores, score
from recoupe.evaluate.report import format_report

__all__ = ["GoldError", "QuoteScores", "evaluate_quotes", "gold_kind", "read_records",
           "score_quote_records"]


def score_quote_records(records: list[dict], workers: int = 1) -> QuoteScores:
    """Run the extractor on each record's text and score its quotes."""
    from recoupe.core import analyze_batch

    articles = quote_articles(records)
    inputs = [{"id": a.id, "text": a.text} for a in articles]
    results = list(analyze_batch(inputs, workers=workers))
    return score(articles, results)


def evaluate_quotes(records: list[dict], errors: bool = False) -> str:
    return format_report(score_quote_records(records), errors=errors)
