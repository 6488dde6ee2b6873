"""The model's entities, corrected: split, edges fixed, what is no name dropped,
nationalities retyped, repeats the model missed added."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from recoupe.entities.clusters import NATIONALITY
from recoupe.entities.edges import trim_entity
from recoupe.entities.filters import DETERMINERS, is_nationality, is_spurious
from recoupe.entities.lexicon import Lexicon
from recoupe.entities.names import acronym
from recoupe.entities.tokens import opens_sentence, previous_word

DASHES = {"-", "–", "—"}


def split_at_dashes(ent: Span) -> list[Span]:
    """"Pologne - Irlande du Nord": a dash with spaces on both sides separates names;
    "Pyrénées-Atlantiques" has none and stays whole."""
    parts, start = [], ent.start
    for token in ent[1:-1]:
        before = token.doc[token.i - 1]
        if token.text in DASHES and before.whitespace_ and token.whitespace_:
            parts.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return parts


def split_nationality(ent: Span, lexicon: Lexicon) -> list[Span]:
    """"l'Espagnole Caroline Routier" as one entity: a nationality, then a person."""
    first = ent[0]
    previous = previous_word(first)
    if (len(ent) < 2 or previous is None or previous.lower_ not in DETERMINERS
            or first.pos_ not in {"NOUN", "PROPN"} or not lexicon.is_demonym(first)
            or not all(t.is_title for t in ent[1:])):
        return [ent]
    doc = ent.doc
    return [Span(doc, ent.start, ent.start + 1, label=NATIONALITY),
            Span(doc, ent.start + 1, ent.end, label="PER")]


def corrected_entities(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The model's entities after splitting, edge fixing, filtering and retyping."""
    candidates = [piece for ent in doc.ents for part in split_at_dashes(ent)
                  if (span := trim_entity(part, lexicon)) is not None
                  for piece in split_nationality(span, lexicon)]
    known_names = frozenset(t.text for span in candidates if len(span) > 1
                            for t in span if t.is_title)
    spans = [span for span in candidates if not is_spurious(span, lexicon, known_names)]
    spans = _without_overlaps(spans)
    spans = sorted(spans + repeated_names(doc, spans), key=lambda s: s.start)
    person_starts = {s.start for s in spans if s.label_ == "PER"}
    return [Span(doc, s.start, s.end, label=NATIONALITY)
            if s.label_ != "MISC" and is_nationality(s, lexicon, person_starts) else s
            for s in spans]


def repeated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """The places where the article repeats a name the model found elsewhere, or the
    acronym of one ("OMS" after "Organisation mondiale de la santé"), and the model
    missed it there. A one-word name counts only inside a sentence, where its capital is
    its own."""
    forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for span in spans:
        if span.label_ == "MISC":
            continue
        words = tuple(t.text for t in span)
        forms.setdefault(words[0], []).append((words, span.label_))
        initials = acronym(span.text).upper()
        if len(span) > 2 and span.label_ == "ORG" and len(initials) >= 2:
            forms.setdefault(initials, []).append(((initials,), "ORG"))
    covered = set()
    for span in spans:
        covered.update(range(span.start, span.end))
    found = []
    i = 0
    while i < len(doc):
        match = None
        if i not in covered:
            for words, label in forms.get(doc[i].text, ()):
                end = i + len(words)
                if (end <= len(doc) and tuple(t.text for t in doc[i:end]) == words
                        and not covered.intersection(range(i, end))
                        and (len(words) > 1 or not opens_sentence(doc[i]))
                        and (match is None or end > match.end)):
                    match = Span(doc, i, end, label=label)
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def _without_overlaps(spans: list[Span]) -> list[Span]:
    # Taking in a particle can reach into the entity before: keep the first.
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
