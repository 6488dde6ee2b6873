"""Batch ingest: files and folders → analyses → the store, resumable and idempotent.

Each input's analysed text is hashed *before* analysis, so that a rerun skips what is
already stored without paying for spaCy again: spaCy is not even imported, nor the
model loaded, nor a worker started, until an input turns out to need analysis. Each
analysis is committed in its own transaction with all its rows: a run killed at any
point (Ctrl-C, ``kill -9``) leaves only whole articles behind, and the next run picks
up the rest.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from recoupe import schema
from recoupe.records import ArticleInput, InputError
from recoupe.store.keys import content_hash
from recoupe.store.store import Store

# Small chunks: the work spreads over the workers, the progress bar moves steadily,
# and a killed run has at most a few analyses in flight to redo.
BATCH_SIZE = 8
MAX_ERRORS_KEPT = 20


@dataclass
class IngestSummary:
    """What one ingest run did."""

    db: str
    total: int | None = None  # inputs announced, for the progress bar
    stored: int = 0  # analysed and stored now
    skipped: int = 0  # already in the store (or twice in this run): not analysed again
    failed: int = 0  # unreadable inputs and failed analyses, recorded in ``errors``
    known_failures: int = 0  # of ``failed``, those an earlier run recorded already
    seconds: float = 0.0
    interrupted: bool = False
    errors: list[tuple[str, str]] = field(default_factory=list)  # (origin, message), first few

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles analysed (stored or failed) per second."""
        return (self.stored + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        return {"db": self.db, "stored": self.stored, "skipped": self.skipped,
                "failed": self.failed, "known_failures": self.known_failures,
                "seconds": round(self.seconds, 3),
                "interrupted": self.interrupted, "rate": round(self.rate, 3)}


# Memory addresses in an exception's text ("<object at 0x7f3a...>") change from run to
# run; without them, the same failure is recorded once, however often it recurs.
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


def _message(origin: str | None, error: str) -> str:
    # Errors often start with their origin, which the errors table already holds.
    if origin and error.startswith(origin + ": "):
        error = error[len(origin) + 2:]
    return _ADDRESS.sub("0x…", error)


class _Run:
    """One ingest run: reads inputs, skips known texts, stores results, counts."""

    def __init__(self, store: Store, summary: IngestSummary, advance):
        self.store, self.summary, self.advance = store, summary, advance
        self._hashes: set[str] = set()
        self._failed_before = store.failed_origins()

    def fail(self, origin: str | None, article_id: str | None, error: str) -> None:
        message = _message(origin, error)
        if not self.store.add_failure(origin, article_id, message):
            self.summary.known_failures += 1
        self.summary.failed += 1
        if len(self.summary.errors) < MAX_ERRORS_KEPT:
            self.summary.errors.append((origin or article_id or "?", message))
        self.advance()

    def new_inputs(self, items: Iterable[ArticleInput | InputError]) -> Iterator[ArticleInput]:
        """The inputs whose text is not stored yet; records unreadable inputs as errors."""
        for item in items:
            if isinstance(item, InputError):
                self.fail(item.origin, None, item.reason)
                continue
            h = content_hash(item.analysed_text())
            if h in self._hashes or self.store.has_hash(h):
                if item.origin in self._failed_before:
                    # It failed once, and is stored now: its old failure is void.
                    self.store.clear_failures(item.origin, item.id)
                self.summary.skipped += 1
                self.advance()
                continue
            self._hashes.add(h)
            yield item

    def store_result(self, result: schema.Analysis | schema.Failure) -> None:
        if isinstance(result, schema.Failure):
            self.fail(result.origin, result.id, result.error)
            return
        if self.store.add(result):
            self.summary.stored += 1
        else:  # the analysed text differed from the hashed input, yet was stored
            self.summary.skipped += 1
        self.advance()


def ingest_inputs(items: Iterable[ArticleInput | InputError], db: str | Path | Store, *,
                  workers: int | None = None, progress: bool = True,
                  total: int | None = None, batch_size: int = BATCH_SIZE,
                  console=None) -> IngestSummary:
    """Analyse and store ``items`` (as ``recoupe.ingest.iter_inputs`` yields them).

    ``workers`` processes analyse (default: all cores), but no more than there are
    chunks of ``batch_size`` new inputs: none at all, and no model loaded, when every
    input is already stored.
    """
    store = db if isinstance(db, Store) else Store(db)
    workers = workers or os.cpu_count() or 1
    summary = IngestSummary(db=str(store.path), total=total)
    started = time.perf_counter()
    with _progress_bar(progress, console) as bar:
        task = bar.add_task("reading", total=total, rate="")

        def advance() -> None:
            elapsed = time.perf_counter() - started
            done = summary.stored + summary.failed
            bar.update(task, advance=1, description="ingesting",
                       rate=f"{done / elapsed:.1f} art/s" if elapsed > 0 else "")

        run = _Run(store, summary, advance)
        try:
            new = run.new_inputs(items)
            # Read ahead what the workers would take at once: whether there is anything
            # to analyse at all, and whether there is work for every worker.
            ahead = list(islice(new, workers * batch_size))
            if ahead:
                if len(ahead) < workers * batch_size:
                    workers = min(workers, -(-len(ahead) // batch_size))
                # The first results wait for the spaCy model to load, a few seconds.
                bar.update(task, description="loading")
                from recoupe.core import analyze_batch

                for result in analyze_batch(chain(ahead, new), workers=workers,
                                            batch_size=batch_size):
                    run.store_result(result)
        except KeyboardInterrupt:
            # Every stored article is committed; a rerun resumes from here.
            summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    if not isinstance(db, Store):
        store.close()
    return summary


def ingest_paths(paths: Iterable[str | os.PathLike], db: str | Path | Store = "recoupe.db",
                 workers: int | None = None, progress: bool = True, *,
                 batch_size: int = BATCH_SIZE, console=None) -> IngestSummary:
    """Analyse every article under ``paths`` (files, folders, JSONL) into the store.

    ``workers`` processes analyse (see ``ingest_inputs``); results are stored in input
    order, so the database is the same whatever the number of workers.
    """
    from recoupe.ingest import count_inputs, iter_inputs

    paths = [str(p) for p in paths]
    total = count_inputs(paths)
    return ingest_inputs(iter_inputs(paths), db, workers=workers, progress=progress,
                         total=total, batch_size=batch_size, console=console)


def _progress_bar(enabled: bool, console=None):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=console or Console(stderr=True), disable=not enabled,
                    transient=False)
