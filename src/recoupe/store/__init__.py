"""recoupe.store: analyses in a SQLite file, batch ingest, and the queries on them.

    from recoupe.store import Store
    store = Store("recoupe.db")
    store.search("école", kind="quote")

``Store`` imports no NLP; ``ingest_paths`` is imported on first use, and imports
spaCy and loads the pipeline only when an input turns out not to be stored yet.
"""

from recoupe.store.store import KINDS, Store, StoreError

__all__ = ["KINDS", "Store", "StoreError", "ingest_paths", "IngestSummary"]


def __getattr__(name: str):
    if name in ("ingest_paths", "IngestSummary"):
        from recoupe.store import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'recoupe.store' has no attribute {name!r}")
