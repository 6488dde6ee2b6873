"""The store the app reads and writes, opened once.

``Store`` gives each thread its own SQLite connection and serialises writes itself, so
one instance serves the event loop and the threadpool alike.
"""

from __future__ import annotations

import threading
from pathlib import Path

from recoupe.store import Store


class StorePool:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = Store(self.path)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
