"""What the benches share: where the corpus is, how to slice it, how to print a table."""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Read-only project data lives beside the repository (see ../shared/README.md).
WIKINEWS = Path(os.environ.get("RECOUPE_WIKINEWS",
                               REPO.parent / "shared" / "corpora" / "wikinews-fr.jsonl"))
# Articles 0–599 guide development; 600–1147 are only ever reported, never tuned on.
SPLITS = {"dev": (0, 600), "held-out": (600, None), "all": (0, None)}


def load_articles(start: int = 0, stop: int | None = None,
                  path: Path = WIKINEWS) -> list[dict]:
    """Articles ``start`` to ``stop`` (exclusive) of a JSON Lines corpus."""
    articles = []
    with open(path, encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if stop is not None and index >= stop:
                break
            if index >= start and line.strip():
                articles.append(json.loads(line))
    return articles


def word_total(texts) -> int:
    # The same count as recoupe's ``word_count``, without importing recoupe (and spaCy)
    # into a process that only measures other processes.
    return sum(1 for text in texts for w in text.split() if any(c.isalnum() for c in w))


def markdown_table(headers: list[str], rows: list[list]) -> str:
    def cell(value) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
