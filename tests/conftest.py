"""Shared fixtures. The spaCy pipeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# ../shared holds the dev gold and the corpora (read-only); CI lays it beside the clone.
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from recoupe.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def desertion_text() -> str:
    return (EXAMPLES / "russian-troops-desertion.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def desertion(desertion_text):
    import recoupe

    return recoupe.analyze({"id": "russian-troops-desertion", "text": desertion_text})


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not laid beside the repository")
    return SHARED
