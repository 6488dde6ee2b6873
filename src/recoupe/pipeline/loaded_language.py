"""Loaded language: intensifiers, emotional and sensational words, profanity (masked
forms included) and exaggeration, as spans with a category, with a per-article summary
(counts per category, rate per 1,000 words, one line for a reader).

Fills ``Doc._.loaded_language`` with a :class:`recoupe.schema.LoadedLanguage`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from recoupe import schema
from recoupe.factcheck.loaded import find_loaded, summarize
from recoupe.pipeline.extensions import make_span, original_text
from recoupe.text import word_count


class LoadedLanguageComponent:
    def __init__(self, nlp: Language, name: str = "recoupe_loaded_language"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.loaded_language = loaded_language(doc)
        return doc


def loaded_language(doc: Doc) -> schema.LoadedLanguage:
    matches = find_loaded(doc)
    headline = doc._.headline
    quoted = [(r.start, r.end) for r in doc._.quote_regions or []]
    counts, rate, summary = summarize(
        matches, word_count(original_text(doc)),
        headline=(headline.start, headline.end) if headline is not None else None,
        quoted=quoted)
    return schema.LoadedLanguage(
        terms=[make_span(doc, m.start, m.end, schema.LoadedTerm, category=m.category)
               for m in matches],
        counts=counts, per_1000_words=rate, summary=summary)


@Language.factory("recoupe_loaded_language")
def make_loaded_language(nlp: Language, name: str) -> LoadedLanguageComponent:
    return LoadedLanguageComponent(nlp, name)
