"""The source chain: who the article relies on, and who relayed what to whom.

Fills ``Doc._.sources`` with a :class:`recoupe.schema.SourceChain` (sources with their
type and access, edges source → target with evidence spans, flags) and records, for the
claim and headline components, which source each attributed stretch of text belongs
to. Reads ``Doc._.quotes`` when the quote component has filled it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from recoupe.factcheck.provenance import build_source_chain


class SourcesComponent:
    def __init__(self, nlp: Language, name: str = "recoupe_sources"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sources = build_source_chain(doc)
        return doc


@Language.factory("recoupe_sources")
def make_sources(nlp: Language, name: str) -> SourcesComponent:
    return SourcesComponent(nlp, name)
