"""Scale out with Dask: the same ``analyze_batch``, one partition per task.

Each worker builds the spaCy pipeline once (the process-wide cache in
``recoupe.pipeline``) and sends back plain dicts, never spaCy ``Doc`` objects, so what
crosses the network is only the JSON-ready analyses.

    recoupe analyze corpus.jsonl --format jsonl -o out.jsonl --scheduler tcp://10.0.0.5:8786
    recoupe analyze corpus.jsonl --format jsonl -o out.jsonl --scheduler processes
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from recoupe import schema
from recoupe.records import ArticleInput

PARTITION_SIZE = 32
# Partitions in flight at once: enough to keep a cluster busy, bounded so that a corpus of
# a million articles streams instead of sitting in memory.
WINDOW = 16
LOCAL_SCHEDULERS = {"processes", "threads", "synchronous", "sync"}


def analyze_partition(records: list[dict]) -> list[dict]:
    """Runs on a Dask worker."""
    from recoupe.core import analyze_batch, to_plain

    return [to_plain(result) for result in analyze_batch(records)]


def _as_dict(record: ArticleInput | dict | str, index: int) -> dict:
    if isinstance(record, ArticleInput):
        return record.model_dump()
    if isinstance(record, str):
        return {"id": f"article-{index + 1}", "text": record}
    return dict(record)


def _partitions(records: Iterable, size: int) -> Iterator[list[dict]]:
    iterator = iter(enumerate(records))
    while chunk := list(islice(iterator, size)):
        yield [_as_dict(record, index) for index, record in chunk]


def analyze_with_dask(records: Iterable[ArticleInput | dict | str], scheduler: str = "processes",
                      *, partition_size: int = PARTITION_SIZE,
                      window: int = WINDOW) -> Iterator[schema.Analysis | schema.Failure]:
    """Like ``analyze_batch``, on a Dask scheduler: a local one ("processes", "threads",
    "synchronous") or the address of a ``distributed`` scheduler. Results come in order."""
    if scheduler in LOCAL_SCHEDULERS:
        yield from _run_local(records, scheduler, partition_size, window)
    else:
        yield from _run_distributed(records, scheduler, partition_size, window)


def _run_local(records, scheduler, partition_size, window):
    import dask

    tasks = (dask.delayed(analyze_partition)(part) for part in _partitions(records, partition_size))
    while batch := list(islice(tasks, window)):
        for part in dask.compute(*batch, scheduler=scheduler):
            yield from (_result(item) for item in part)


def _run_distributed(records, address, partition_size, window):
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise RuntimeError("a Dask cluster needs the 'distributed' package") from exc
    with Client(address) as client:
        pending = []
        for part in _partitions(records, partition_size):
            pending.append(client.submit(analyze_partition, part, pure=False))
            if len(pending) >= window:
                yield from (_result(item) for item in pending.pop(0).result())
        for future in pending:
            yield from (_result(item) for item in future.result())


def _result(item: dict) -> schema.Analysis | schema.Failure:
    from recoupe.core import from_plain

    return from_plain(item)
