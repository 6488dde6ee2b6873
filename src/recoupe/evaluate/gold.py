"""Gold files: one JSON record per article, in the format of the annotation guidelines.

A quote record carries ``quote_start``/``quote_end`` (the content without the marks),
``speaker_start``/``speaker_end`` (the mention carrying the cue, or null),
``speaker_canonical`` and ``kind``. Records with ``claims`` or ``headline`` keys instead of
``quotes`` belong to the other evaluations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None
    canonical: str | None
    cue: str | None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    quotes: list[GoldQuote]


def read_records(path: str | Path) -> list[dict]:
    """Every non-empty line of a JSON Lines file, parsed."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise GoldError(f"{path}:{number}: a record must be a JSON object")
            records.append(record)
    return records


def gold_kind(records: list[dict]) -> str:
    """'quotes', 'claims' or 'headline': what the records annotate."""
    for key in ("quotes", "claims", "headline"):
        if records and all(key in r for r in records):
            return key
    keys = sorted({k for r in records for k in r})
    raise GoldError(f"records have none of the keys quotes/claims/headline (keys: {keys})")


def quote_articles(records: list[dict]) -> list[GoldArticle]:
    articles = []
    for index, record in enumerate(records):
        article_id = str(record.get("id") or f"article-{index + 1}")
        text = record.get("text")
        if not isinstance(text, str):
            raise GoldError(f"{article_id}: no text")
        quotes = []
        for q in record["quotes"]:
            start, end = q["quote_start"], q["quote_end"]
            if not (0 <= start <= end <= len(text)):
                raise GoldError(f"{article_id}: quote offsets {start}-{end} out of the text")
            quotes.append(GoldQuote(
                start=start, end=end, text=text[start:end], kind=q.get("kind", "direct"),
                speaker_start=q.get("speaker_start"), speaker_end=q.get("speaker_end"),
                speaker=q.get("speaker"), canonical=q.get("speaker_canonical"),
                cue=q.get("cue"),
            ))
        articles.append(GoldArticle(article_id, text, quotes))
    return articles


def analysed(records: list[dict], scores, workers: int = 1):
    """Each gold record with the analysis of its text. A failed analysis is counted on
    ``scores`` (``articles``, ``failures``, ``errors``) and skipped."""
    from recoupe import schema
    from recoupe.core import analyze_batch

    inputs = [{"id": str(r["id"]), "text": r["text"]} for r in records]
    for record, result in zip(records, analyze_batch(inputs, workers=workers)):
        scores.articles += 1
        if isinstance(result, schema.Failure):
            scores.failures += 1
            scores.errors.append(f"{record['id']}: analysis failed: {result.error}")
            continue
        yield record, result
