"""Access to the SQLite store from the threadpool.

FastAPI runs plain ``def`` endpoints on worker threads, and a SQLite connection belongs
to the thread that opened it: each thread gets its own ``Store`` on the same file.
"""

from __future__ import annotations

import threading
from pathlib import Path

from recoupe.store import Store


class StorePool:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                close = getattr(store, "close", None)
                if close is not None:
                    try:
                        close()
                    except Exception:  # noqa: BLE001 - a store opened on a finished thread
                        pass
            self._opened.clear()
