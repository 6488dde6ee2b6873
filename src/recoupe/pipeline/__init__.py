"""The recoupe spaCy pipeline: ``fr_core_news_md`` plus one small component per job.

    segmenter (before the parser) → tok2vec, morphologizer, parser, …, ner
    → entities → quotes → sources → claims → headline → loaded_language

Build it once per process with :func:`get_pipeline`.
"""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from recoupe.pipeline.lemma_index import index_as_sets

MODEL = "fr_core_news_md"
# (factory name, where it goes); each factory is registered through the
# ``spacy_factories`` entry point and also at import of its module.
COMPONENTS = [
    ("recoupe_segmenter", {"before": "parser"}),
    ("recoupe_entities", {"after": "ner"}),
    ("recoupe_quotes", {"last": True}),
    ("recoupe_sources", {"last": True}),
    ("recoupe_claims", {"last": True}),
    ("recoupe_headline", {"last": True}),
    ("recoupe_loaded_language", {"last": True}),
]
# Components that need nothing but tokens and paragraphs, for non-French text.
LANGUAGE_NEUTRAL = ["recoupe_segmenter"]

_lock = threading.Lock()
_pipelines: dict[str, Language] = {}


def _register_factories() -> None:
    # Importing the modules registers their factories with spaCy.
    from recoupe.pipeline import (  # noqa: F401
        claims, entities, headline, loaded_language, quotes, segmentation, sources,
    )


def build_pipeline(model: str = MODEL) -> Language:
    """A fresh French pipeline with every recoupe component."""
    _register_factories()
    nlp = spacy.load(model)
    index_as_sets(nlp)
    for name, where in COMPONENTS:
        nlp.add_pipe(name, **where)
    return nlp


def build_neutral_pipeline() -> Language:
    """Segmentation only, for text in a language the French model cannot parse."""
    _register_factories()
    nlp = spacy.blank("xx")
    for name in LANGUAGE_NEUTRAL:
        nlp.add_pipe(name)
    nlp.add_pipe("sentencizer")
    return nlp


def get_pipeline(kind: str = "fr") -> Language:
    """The process-wide pipeline, built on first use."""
    with _lock:
        if kind not in _pipelines:
            _pipelines[kind] = build_pipeline() if kind == "fr" else build_neutral_pipeline()
        return _pipelines[kind]
