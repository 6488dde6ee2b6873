"""One spaCy pipeline shared by every request.

The pipeline is not safe to run from several threads at once, and a second copy would
double the memory: requests wait their turn on a lock, in the threadpool, so that the
event loop keeps serving pages while an article is analysed.
"""

from __future__ import annotations

import threading

from starlette.concurrency import run_in_threadpool

from recoupe import core, schema
from recoupe.pipeline import get_pipeline
from recoupe.records import ArticleInput


class Analyzer:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model now rather than during the first request."""
        get_pipeline()

    def analyze_now(self, article: ArticleInput) -> schema.Analysis:
        with self._lock:
            return core.analyze(article)

    async def analyze(self, article: ArticleInput) -> schema.Analysis:
        """Raises ``core.ArticleError`` for an article that cannot be analysed."""
        return await run_in_threadpool(self.analyze_now, article)
