"""From a parsed Doc to ``schema.Quote`` records."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from recoupe import schema
from recoupe.pipeline.extensions import make_span, original_text
from recoupe.quotes.candidate import Candidate
from recoupe.quotes.tokens import text_of
from recoupe.quotes.canonical import resolve_names
from recoupe.quotes.dialogue import Paragraphs, attribute_floating, dash_turns
from recoupe.quotes.direct import direct_quotes
from recoupe.quotes.indirect import indirect_quotes
from recoupe.quotes.mixed import merge
from recoupe.quotes.speakers import issuer_of, mention_span


def find_candidates(doc: Doc) -> list[Candidate]:
    text = original_text(doc)
    regions = list(doc._.quote_regions or [])
    taken = [(r.open, r.outer_end) for r in regions]
    direct = direct_quotes(doc, regions) + dash_turns(doc, text, Paragraphs(text), taken)
    indirect = indirect_quotes(doc)
    candidates = merge(doc, direct, indirect, regions)
    candidates.sort(key=lambda c: (c.start, c.end))
    _set_mentions(candidates)
    resolve_names(doc, text, candidates)
    attribute_floating(doc, text, candidates)
    _set_mentions(candidates)
    resolve_names(doc, text, [c for c in candidates if c.name is None])
    # Speakers a quote inherits without being a quote themselves (the owner of first-
    # person words, the subject of the sentence before a quotation).
    owners = [c.inherit for c in candidates if c.inherit is not None and
              c.inherit.name is None and c.inherit.speaker_token is not None and
              all(c.inherit is not o for o in candidates)]
    _set_mentions(owners)
    resolve_names(doc, text, owners)
    for c in candidates:
        if c.inherit is not None and c.speaker_token is None:
            c.name, c.cluster = c.inherit.name, c.inherit.cluster
    return candidates


def _set_mentions(candidates: list[Candidate]) -> None:
    for c in candidates:
        if c.speaker_token is not None and c.speaker is None:
            # A document speaks for the issuer the text names.
            issuer = issuer_of(c.speaker_token)
            if issuer is not None:
                c.speaker_token = issuer
            c.speaker = _without_verb_tail(c.speaker_token.doc, mention_span(c.speaker_token))


def _without_verb_tail(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """"Le syndicat riposte en qualifiant …": when the parse makes a gerund the main
    verb, the real verb (tagged as an adjective of the subject) closes the mention; it
    is no part of it."""
    span_doc = doc.char_span(span[0], span[1], alignment_mode="expand")
    if span_doc is None or len(span_doc) < 2:
        return span
    last = span_doc[-1]
    if last.pos_ not in ("ADJ", "NOUN") or last.i + 2 >= len(doc):
        return span
    en, verb = doc[last.i + 1], doc[last.i + 2]
    if en.lower_ != "en" or verb.dep_ != "ROOT" or \
            "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return span
    before = doc[last.i - 1]
    return span[0], before.idx + len(before.text)


def _sentence_starts(doc: Doc) -> list[int]:
    # The same sentences as Analysis.sentences: doc.sents without the blank ones.
    text = text_of(doc)
    starts = []
    for sent in doc.sents:
        if text[sent.start_char:sent.end_char].strip():
            starts.append(sent.start_char)
    return starts


def extract_quotes(doc: Doc) -> list[schema.Quote]:
    candidates = find_candidates(doc)
    starts = _sentence_starts(doc)
    quotes = []
    for n, c in enumerate(candidates, 1):
        speaker = schema.Speaker(name=c.name, cluster=c.cluster)
        if c.speaker is not None:
            mention = make_span(doc, *c.speaker)
            speaker = schema.Speaker(text=mention.text, start=mention.start, end=mention.end,
                                     name=c.name, cluster=c.cluster)
        cue = make_span(doc, *c.cue, schema.Cue) if c.cue is not None else None
        sentence = max(0, bisect.bisect_right(starts, c.start) - 1) if starts else None
        quotes.append(make_span(doc, c.start, c.end, schema.Quote, id=f"q{n}", kind=c.kind,
                                cue=cue, speaker=speaker, confidence=round(c.confidence, 2),
                                rule=c.rule, sentence=sentence))
    return quotes
