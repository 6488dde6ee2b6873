"""Quotes and speakers: who said what, in the spirit of BBC's Citron (cue, content,
speaker), on spaCy's dependency parse and the quotation marks the segmenter found.

    extract_quotes(doc) -> list[schema.Quote]

One module per role: ``lexicon`` (the words that report speech), ``cues`` (finding the
cue of a quotation), ``clauses`` (where reported content ends), ``direct``,
``indirect``, ``mixed`` (the merge), ``dialogue`` (quotes without a cue), ``speakers``
(the mention carrying a cue) and ``canonical`` (the speaker's name).
"""

from recoupe.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
