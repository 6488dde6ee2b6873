"""Score saved quotes instead of running the extractor: a second annotator's gold file
(inter-annotator agreement) or the JSON Lines that ``recoupe analyze --format jsonl``
wrote (an earlier run, another extractor converted to recoupe's schema).

Records are paired with the gold by ``id``; the texts must be identical, since every
span is an offset into its text.
"""

from __future__ import annotations

from pathlib import Path

from recoupe import schema
from recoupe.evaluate.gold import GoldArticle, GoldError, quote_articles, read_records
from recoupe.evaluate.quotes import QuoteScores, score


def _from_gold(record: dict, article: GoldArticle) -> list[schema.Quote]:
    """A gold-format record's quotes, as the extractor would have reported them."""
    quotes = []
    for n, q in enumerate(quote_articles([record])[0].quotes):
        quotes.append(schema.Quote(
            id=f"q{n + 1}", start=q.start, end=q.end, text=article.text[q.start:q.end],
            kind=q.kind if q.kind in ("direct", "indirect", "mixed") else "direct",
            speaker=schema.Speaker(text=q.speaker, start=q.speaker_start,
                                   end=q.speaker_end, name=q.canonical),
            confidence=1.0, rule="second-annotation"))
    return quotes


def _quotes_of(record: dict, article: GoldArticle, where: str) -> list[schema.Quote]:
    if record.get("text") != article.text:
        raise GoldError(f"{where}: {article.id}: text differs from the gold text")
    raw = record.get("quotes") or []
    if raw and all("quote_start" in q for q in raw):
        return _from_gold(record, article)
    try:
        return [schema.Quote.model_validate(q) for q in raw]
    except ValueError as exc:
        raise GoldError(f"{where}: {article.id}: quotes are neither gold records nor "
                        f"recoupe output ({exc.__class__.__name__})") from exc


def score_against(records: list[dict], path: str | Path) -> QuoteScores:
    """Score the quotes stored in ``path`` against the gold ``records``. A gold article
    missing from ``path`` counts as a failure (no predictions)."""
    articles = quote_articles(records)
    saved = {}
    for record in read_records(path):
        # A gold record carries its id; recoupe's output carries it in "article".
        article = record.get("article") if isinstance(record.get("article"), dict) else {}
        saved[str(record.get("id", article.get("id")))] = record
    results = []
    for article in articles:
        record = saved.get(article.id)
        if record is None:
            results.append(schema.Failure(id=article.id, origin=str(path),
                                          error="not in the file scored"))
            continue
        quotes = _quotes_of(record, article, str(path))
        results.append(_Saved(quotes))
    return score(articles, results)


class _Saved:
    """Just enough of an Analysis for the scorer: its quotes."""

    def __init__(self, quotes: list[schema.Quote]):
        self.quotes = quotes
