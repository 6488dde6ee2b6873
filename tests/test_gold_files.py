"""The quote gold files shipped in data/gold/ and the dev gold obey the annotation format.

Every set was written by a different annotator; a shifted offset or a span that keeps
its quotation mark would silently skew the scores that docs/quotes.md reports, so each
file is checked record by record (without running the extractor).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.evaluate.gold import quote_articles, read_records

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = Path("/work/shared/dev/quotes-fr.jsonl")
QUOTE_GOLD = sorted(p for p in (ROOT / "data" / "gold").glob("quotes-*.jsonl"))
MARKS = "«»“”‹›\"„"
KINDS = {"direct", "indirect", "mixed"}


def _files() -> list[Path]:
    return QUOTE_GOLD + ([DEV_GOLD] if DEV_GOLD.exists() else [])


def test_the_gold_sets_are_all_there():
    names = {p.name for p in QUOTE_GOLD}
    for expected in ("quotes-heldout.jsonl", "quotes-dev2.jsonl", "quotes-dev3.jsonl",
                     "quotes-dev4.jsonl", "quotes-test.jsonl", "quotes-test2.jsonl",
                     "quotes-test3.jsonl", "quotes-test4.jsonl"):
        assert expected in names


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_quote_gold_file_is_consistent(path: Path):
    records = read_records(path)
    assert records, f"{path.name} is empty"
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"{path.name}: an article appears twice"
    quote_articles(records)  # offsets inside the text, or GoldError
    for record in records:
        text = record["text"]
        for q in record["quotes"]:
            where = f"{path.name} {record['id']} {q['quote_start']}-{q['quote_end']}"
            quote = text[q["quote_start"]:q["quote_end"]]
            assert quote == q["quote"], where
            assert quote == quote.strip() and quote, where
            assert quote[0] not in MARKS and quote[-1] not in MARKS, where
            assert q["kind"] in KINDS, where
            if q["kind"] == "mixed":
                assert any(m in quote for m in MARKS), f"{where}: mixed without a mark"
            if q.get("speaker") is None:
                assert q.get("speaker_start") is None and q.get("speaker_end") is None, where
            else:
                assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker"], where
            if q.get("cue"):
                assert q["cue"] in text, f"{where}: cue not verbatim"


def test_gold_texts_are_the_corpus_texts():
    corpus = Path("/work/shared/corpora/wikinews-fr.jsonl")
    if not corpus.exists():
        pytest.skip("the shared corpus is not on this machine")
    wanted = {r["id"]: r["text"] for p in QUOTE_GOLD for r in read_records(p)
              if not p.name.endswith("-second.jsonl")}
    seen = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                assert wanted[record["id"]] == record["text"], record["id"]
                seen += 1
    assert seen == len(wanted)
