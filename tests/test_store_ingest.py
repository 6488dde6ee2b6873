"""Batch ingest into a real SQLite file: idempotent, resumable after a kill, the same
with one or two worker processes, and never stopped by a bad input."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import recoupe.core
from recoupe.store import Store, ingest_paths

TIMESTAMPS = {"ingested_at", "first_seen", "last_seen"}
TABLES = ["articles", "quotes", "people", "person_variants", "sources", "source_edges",
          "claims", "entities", "errors"]


@pytest.fixture(scope="module")
def wikinews(shared_dir) -> list[dict]:
    with open(shared_dir / "corpora" / "wikinews-fr.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line, _ in zip(f, range(40))]


def write_jsonl(path: Path, records: list[dict], extra_lines: list[str] = ()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: r[k] for k in ("id", "title", "text", "url")},
                               ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, timestamps left out."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    tables = {}
    for table in TABLES:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        tables[table] = sorted(
            tuple((k, r[k]) for k in r.keys() if k not in TIMESTAMPS) for r in rows)
    conn.close()
    return tables


def check_consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("articles_fts", "quotes_fts", "claims_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    # Every article has all its rows: what its analysis holds is what the tables hold.
    for article_id, analysis in conn.execute("SELECT id, analysis FROM articles"):
        data = json.loads(analysis)
        for table, items in (("entities", data["entities"]), ("quotes", data["quotes"]),
                             ("claims", data["claims"])):
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?",
                             (article_id,)).fetchone()[0]
            assert n == len(items), (article_id, table)
    conn.close()


def count_articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_ingest_is_idempotent_and_skips_known_texts_before_analysis(
        tmp_path, wikinews, monkeypatch):
    records = wikinews[:5]
    twin = dict(records[0], id="same-text-other-id")
    path = write_jsonl(tmp_path / "batch.jsonl", records + [twin],
                       ['{"id": "empty", "text": ""}', "{not json"])
    db = tmp_path / "recoupe.db"

    first = ingest_paths([path], db, workers=1, progress=False)
    assert (first.stored, first.skipped, first.failed) == (5, 1, 2)
    assert {origin for origin, _ in first.errors} == {f"{path}:7", f"{path}:8"}
    rows = dump(db)

    analysed = []
    real = recoupe.core.analyze_batch

    def counting(items, **kwargs):
        items = list(items)
        analysed.extend(items)
        return real(items, **kwargs)

    monkeypatch.setattr(recoupe.core, "analyze_batch", counting)
    again = ingest_paths([path], db, workers=1, progress=False)
    assert (again.stored, again.skipped, again.failed) == (0, 6, 2)
    assert analysed == []  # nothing was analysed again
    second_rows = dump(db)
    assert {t: r for t, r in second_rows.items() if t != "errors"} == \
        {t: r for t, r in rows.items() if t != "errors"}
    with Store(db) as store:
        assert store.stats()["articles"] == 5
        errors = store.errors()
        assert sorted((e["origin"], e["occurrences"]) for e in errors) == \
            [(f"{path}:7", 2), (f"{path}:8", 2)]
        assert any("invalid JSON" in e["message"] for e in errors)
        assert store.get(records[1]["id"]).article.url == records[1]["url"]
    check_consistent(db)


# Run in a fresh interpreter: what an ingest of known texts imports and starts.
SKIP_ONLY = """
import json, multiprocessing, sys
from recoupe.store import ingest_paths
summary = ingest_paths([sys.argv[1]], sys.argv[2], workers=2, progress=False)
print(json.dumps({"skipped": summary.skipped, "stored": summary.stored,
                  "loaded": sorted(m for m in ("spacy", "recoupe.core", "recoupe.pipeline")
                                   if m in sys.modules),
                  "children": len(multiprocessing.active_children())}))
"""


def test_a_rerun_with_nothing_new_loads_no_model_and_starts_no_worker(tmp_path, wikinews):
    path = write_jsonl(tmp_path / "three.jsonl", wikinews[:3])
    db = tmp_path / "recoupe.db"
    assert ingest_paths([path], db, workers=1, progress=False).stored == 3
    done = subprocess.run([sys.executable, "-c", SKIP_ONLY, str(path), str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"skipped": 3, "stored": 0, "loaded": [],
                                       "children": 0}


def test_fewer_new_articles_than_a_chunk_start_no_worker_pool(tmp_path, wikinews,
                                                              monkeypatch):
    path = write_jsonl(tmp_path / "three.jsonl", wikinews[:3])
    db = tmp_path / "recoupe.db"
    assert ingest_paths([path], db, workers=1, progress=False).stored == 3
    path = write_jsonl(tmp_path / "four.jsonl", wikinews[:4])

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started for one article")

    monkeypatch.setattr(recoupe.core, "ProcessPoolExecutor", no_pool)
    # Four inputs make two chunks of two, but only one input is new.
    summary = ingest_paths([path], db, workers=2, progress=False, batch_size=2)
    assert (summary.stored, summary.skipped, summary.failed) == (1, 3, 0)


@pytest.mark.parametrize("record", [
    {"text": "Corps."}, {"title": "Titre", "text": "Corps."},
    {"title": " Titre ", "text": "  Titre\n\nCorps."}, {"title": "", "text": "Corps."},
    {"title": "Titre", "text": "Titre long\n\nCorps."}, {"title": "Autre", "text": "Titre"},
])
def test_the_hash_is_taken_on_the_text_the_analysis_will_have(record):
    from recoupe.records import ArticleInput

    article = ArticleInput(id="x", **record)
    assert article.analysed_text() == recoupe.analyze(article).text


def test_failures_are_recorded_once_however_often_they_recur(tmp_path, wikinews):
    lines = ['{"id": "broken", "text": ""}', "{not json"]
    path = write_jsonl(tmp_path / "batch.jsonl", wikinews[:1], lines)
    db = tmp_path / "recoupe.db"
    runs = [ingest_paths([path], db, workers=1, progress=False) for _ in range(3)]
    assert [(r.failed, r.known_failures) for r in runs] == [(2, 0), (2, 2), (2, 2)]
    with Store(db) as store:
        errors = sorted((e["origin"], e["occurrences"]) for e in store.errors())
    assert errors == [(f"{path}:2", 3), (f"{path}:3", 3)]
    # Both lines fixed: the next run stores them and their failures are gone.
    fixed = [dict(wikinews[1], id="broken"), wikinews[2]]
    write_jsonl(path, wikinews[:1] + fixed)
    last = ingest_paths([path], db, workers=1, progress=False)
    assert (last.stored, last.skipped, last.failed) == (2, 1, 0)
    with Store(db) as store:
        assert store.errors() == []


def test_an_input_stored_since_it_failed_clears_its_failure(tmp_path, wikinews):
    db = tmp_path / "recoupe.db"
    stored = write_jsonl(tmp_path / "a.jsonl", wikinews[:1])
    ingest_paths([stored], db, workers=1, progress=False)
    retried = tmp_path / "b.jsonl"
    retried.write_text("{not json\n", encoding="utf-8")
    assert ingest_paths([retried], db, workers=1, progress=False).failed == 1
    write_jsonl(retried, wikinews[:1])  # the same text as a.jsonl: skipped, not failed
    assert ingest_paths([retried], db, workers=1, progress=False).skipped == 1
    with Store(db) as store:
        assert store.errors() == []


def test_memory_addresses_do_not_make_a_failure_new():
    from recoupe.store.ingest import _message

    first = _message("a.txt", "a.txt: analysis failed: <Token object at 0x7f3a9c2b1d30>")
    second = _message("a.txt", "a.txt: analysis failed: <Token object at 0x7f00aa00bb11>")
    assert first == second == "analysis failed: <Token object at 0x…>"


def test_bad_files_in_a_folder_do_not_stop_the_batch(tmp_path, wikinews):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(wikinews[0]["text"], encoding="utf-8")
    # A PDF saved under a text name: the reader refuses it, the batch goes on.
    (folder / "b.txt").write_bytes(b"%PDF-1.4 binary stuff \x00\x01\x02")
    (folder / "c.txt").write_text(wikinews[1]["text"], encoding="utf-8")
    db = tmp_path / "recoupe.db"
    summary = ingest_paths([folder], db, workers=1, progress=False)
    assert (summary.stored, summary.failed) == (2, 1)
    with Store(db) as store:
        assert {a["id"] for a in store.list_articles()[0]} == {"a", "c"}
        [error] = store.errors()
        assert error["origin"].endswith("b.txt") and "PDF" in error["message"]


def test_two_workers_store_exactly_what_one_does(tmp_path, wikinews):
    path = write_jsonl(tmp_path / "ten.jsonl", wikinews[:10], ["[1, 2]"])
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    one = ingest_paths([path], serial, workers=1, progress=False, batch_size=3)
    two = ingest_paths([path], parallel, workers=2, progress=False, batch_size=3)
    assert (one.stored, one.failed) == (two.stored, two.failed) == (10, 1)
    serial_rows, parallel_rows = dump(serial), dump(parallel)
    assert len(serial_rows["entities"]) > 10
    assert serial_rows == parallel_rows


def _start_ingest(path: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "recoupe.cli", "ingest", str(path), "--db", str(db),
         "--workers", "1", "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stop_when_stored(proc: subprocess.Popen, db: Path, more_than: int, sig: int) -> int:
    """Send ``sig`` once more than ``more_than`` articles are stored; returns the count."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        n = count_articles(db)
        if n > more_than:
            proc.send_signal(sig)
            return n
        assert proc.poll() is None, f"ingest ended before it could be stopped: " \
                                    f"{proc.communicate()}"
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("no article was stored in time")


@pytest.mark.slow
def test_interrupted_ingest_resumes_with_nothing_lost_or_doubled(tmp_path, wikinews):
    path = write_jsonl(tmp_path / "forty.jsonl", wikinews)
    ids = [r["id"] for r in wikinews]
    db = tmp_path / "recoupe.db"

    # Ctrl-C: the run says how to resume, and exits 130.
    proc = _start_ingest(path, db)
    _stop_when_stored(proc, db, 0, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "resume" in err
    after_ctrl_c = count_articles(db)
    assert 0 < after_ctrl_c < len(ids)
    check_consistent(db)

    # kill -9: no chance to clean up at all.
    proc = _start_ingest(path, db)
    _stop_when_stored(proc, db, after_ctrl_c, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    after_kill = count_articles(db)
    assert after_ctrl_c < after_kill < len(ids)
    check_consistent(db)

    proc = _start_ingest(path, db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{len(ids) - after_kill} stored, {after_kill} already stored" in err
    conn = sqlite3.connect(db)
    stored = [row[0] for row in conn.execute("SELECT input_id FROM articles")]
    conn.close()
    assert sorted(stored) == sorted(ids)
    check_consistent(db)


def _live_processes_in_group(pgid: int) -> list[int]:
    """Pids of the group's processes that are not zombies (Linux /proc)."""
    live = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state not in ("Z", "X"):
            live.append(int(stat.parent.name))
    return live


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux-only guard")
def test_killed_parallel_ingest_leaves_no_worker_behind(tmp_path, wikinews):
    path = write_jsonl(tmp_path / "forty.jsonl", wikinews)
    db = tmp_path / "recoupe.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "recoupe.cli", "ingest", str(path), "--db", str(db),
         "--workers", "2", "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _stop_when_stored(proc, db, 0, signal.SIGKILL)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 20
        while _live_processes_in_group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _live_processes_in_group(proc.pid) == []
    finally:
        for pid in _live_processes_in_group(proc.pid):
            os.kill(pid, signal.SIGKILL)
    check_consistent(db)


def test_ingest_summary_counts_and_rate(tmp_path, wikinews):
    path = write_jsonl(tmp_path / "two.jsonl", wikinews[:2])
    summary = ingest_paths([path], tmp_path / "r.db", workers=1, progress=False)
    assert summary.seen == 2 and summary.rate > 0 and not summary.interrupted
    assert summary.as_dict()["stored"] == 2
