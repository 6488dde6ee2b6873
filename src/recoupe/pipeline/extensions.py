"""The ``Doc._`` attributes recoupe's components fill, and helpers to make spans.

Registered at import, so that any process that loads a recoupe component (including
the fresh processes of ``nlp.pipe(n_process>1)``) has them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe import schema

DOC_EXTENSIONS = {
    # the text as given, before the same-length normalisation that spaCy sees
    "source_text": None,
    "headline": None,
    "credit": None,
    "credited_source": None,
    "paragraphs": None,
    "quote_regions": None,
    "entity_clusters": None,
    "quotes": None,
    "sources": None,
    "claims": None,
    "headline_check": None,
    "loaded_language": None,
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def original_text(doc: Doc) -> str:
    return doc._.source_text if doc._.source_text is not None else doc.text


def make_span(doc: Doc, start: int, end: int, cls=schema.Span, **fields):
    """A schema span over ``doc``'s original text, from character offsets."""
    return cls(start=start, end=end, text=original_text(doc)[start:end], **fields)


def token_span(doc: Doc, span, cls=schema.Span, **fields):
    """A schema span from a spaCy ``Span`` (or token range)."""
    return make_span(doc, span.start_char, span.end_char, cls, **fields)
