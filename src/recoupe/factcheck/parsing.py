"""Running the pipeline part of the way, for tests and for studying one component.

``parse(nlp, text, quotes=...)`` runs every component before ``recoupe_sources`` and
then, if ``quotes`` is given, puts those quotes on the doc in place of the quote
component's: the fact-checking components can be studied on quotes built by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from recoupe import schema
from recoupe.text import normalize_for_model

FACTCHECK = ("recoupe_sources", "recoupe_claims", "recoupe_headline",
             "recoupe_loaded_language")


def parse(nlp: Language, text: str, *,
          quotes: list[schema.Quote] | Callable[[Doc], list[schema.Quote]] | None = None,
          until: str | None = None) -> Doc:
    """The doc after every component up to ``until`` (all of them by default).

    ``quotes`` replaces ``doc._.quotes`` before the fact-checking components run; a
    callable receives the doc (to find offsets) and returns the quotes.
    """
    doc = nlp.make_doc(normalize_for_model(text))
    doc._.source_text = text
    for name, component in nlp.pipeline:
        if name == FACTCHECK[0] and quotes is not None:
            doc._.quotes = quotes(doc) if callable(quotes) else quotes
        doc = component(doc)
        if name == until:
            break
    return doc


def quote(text: str, content: str, speaker: str | None, *, kind: str = "direct",
          id: str = "q1", name: str | None = None, cue: str | None = None,
          after: int = 0) -> schema.Quote:
    """A quote over the first ``content`` found in ``text`` at or after ``after``, with
    the nearest ``speaker`` mention (a test convenience: offsets from strings)."""
    start = text.index(content, after)
    speaker_start = None
    if speaker is not None:
        before = text.rfind(speaker, 0, start)
        speaker_start = before if before >= 0 else text.index(speaker, start)
    cue_span = None
    if cue is not None:
        cue_start = text.rfind(cue, 0, start + len(content) + 80)
        cue_span = schema.Cue(start=cue_start, end=cue_start + len(cue), text=cue)
    return schema.Quote(
        id=id, start=start, end=start + len(content), text=content, kind=kind,
        speaker=schema.Speaker(
            text=speaker, name=name or speaker,
            start=speaker_start,
            end=None if speaker_start is None else speaker_start + len(speaker)),
        cue=cue_span, confidence=1.0, rule="test")
