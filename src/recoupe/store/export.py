"""The store out to files: JSON Lines (one full analysis per line) or CSV (one quote per row)."""

from __future__ import annotations

import csv
from typing import TextIO

from recoupe.store.store import Store

QUOTE_COLUMNS = ["article_id", "headline", "quote_id", "kind", "speaker", "person_id",
                 "speaker_text", "cue", "text", "start", "end", "confidence"]


def export_jsonl(store: Store, out: TextIO) -> int:
    """Write every analysis, as stored, one per line; returns how many."""
    n = 0
    for line in store.iter_analysis_json():
        out.write(line + "\n")
        n += 1
    return n


def export_csv(store: Store, out: TextIO) -> int:
    """Write one row per quote (offsets into the article's analysed text); returns how many."""
    writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for quote in store.iter_quotes():
        quote["speaker"] = quote.pop("speaker_name")
        writer.writerow({k: quote[k] for k in QUOTE_COLUMNS})
        n += 1
    return n


EXPORTERS = {"jsonl": export_jsonl, "csv": export_csv}
