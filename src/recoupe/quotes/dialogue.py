"""Quotes without a cue in their sentence, attributed as a reader would.

- a quotation reopened at the start of the next paragraph continues the one before: same
  mention, same cue;
- a quote followed by an attribution line ("— Jennifer Psaki, porte-parole") is hers;
- dialogue dashes open turns; between two speakers, turns alternate;
- otherwise a floating quote goes to the last speaker of the same or previous paragraph
  (canonical name only: there is no mention in its sentence).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from recoupe.quotes import lexicon
from recoupe.quotes.candidate import Candidate
from recoupe.quotes.cues import incise_after
from recoupe.quotes.tokens import DASHES, text_of, token_at

NAME_PARTICLES = frozenset("de du des d' d’ la le les l' l’ von van der da di ben bin al el y et".split())
# How many paragraphs back a floating quote may look for its speaker.
MAX_PARAGRAPHS_BACK = 2


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


class Paragraphs:
    def __init__(self, text: str):
        self.spans = paragraph_spans(text)
        self.starts = [s for s, _ in self.spans]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def only_quote(self, candidate: Candidate, text: str) -> bool:
        """Is the paragraph nothing but this quotation (with its marks)?"""
        s, e = self.spans[self.index(candidate.start)]
        outside = text[s:candidate.start] + text[candidate.end:e]
        return all(not c.isalnum() for c in outside)


def dash_turns(doc: Doc, text: str, paragraphs: Paragraphs,
               taken: list[tuple[int, int]]) -> list[Candidate]:
    """Dialogue turns opened by a dash at the start of a paragraph."""
    turns = []
    for s, e in paragraphs.spans:
        if text[s] not in DASHES:
            continue
        start = s + 1
        while start < e and text[start] in " \u00a0\u202f":
            start += 1
        if start >= e or any(a <= start < b for a, b in taken):
            continue
        if is_attribution_line(doc, start, e):
            continue
        first = token_at(doc, start)
        if first is None:
            continue
        end = e
        # "— Je pars, dit-il." : the incise is not part of the turn, and names its speaker.
        cut, cue = _incise(doc, first, e)
        if cut is not None:
            end = cut
        while end > start and text[end - 1] in " ,\u00a0":
            end -= 1
        if end - start < 2:
            continue
        if cue is not None:
            turns.append(Candidate("direct", start, end, "dialogue-dash-incise", 0.8,
                                   cue=(cue.start, cue.end), cue_token=cue.token,
                                   speaker_token=cue.speaker))
        else:
            turns.append(Candidate("direct", start, end, "dialogue-dash", 0.6, floating=True))
    return turns


def _incise(doc: Doc, first, paragraph_end: int):
    """Where the incise of a dialogue turn starts ("— Oui, répond-elle."), and its cue."""
    last = first.i
    while last + 1 < len(doc) and doc[last + 1].idx < paragraph_end:
        last += 1
    paragraph = doc[first.i: last + 1]
    for tok in paragraph:
        if tok.text in (",", "?", "!", "…") and tok.i < last:
            cue = incise_after(tok, paragraph)
            if cue is not None and cue.token.i > tok.i:
                cut = tok.idx if tok.text == "," else tok.idx + len(tok.text)
                return cut, cue
    return None, None


def is_attribution_line(doc: Doc, start: int, end: int) -> bool:
    """"— Jennifer Psaki , directrice de la communication": a name, maybe a title."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if not _capitalised(first) or first.is_punct:
        return False
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span):
        return False
    tokens = list(span)
    # "— Communiqué de la SDJ", "— Extrait d'une lettre de …": a source line credits
    # its author through the document.
    if lexicon.is_document_noun(first.lower_) or lexicon.is_speech_noun(first.lower_):
        rest = tokens[1:]
        # Verbless, so whoever follows "de" is the issuer, named or described.
        return bool(rest) and rest[0].lower_ in ("de", "du", "des", "d'", "d’") and \
            len(span) <= 25
    if _role_line(tokens):
        return len(span) <= 25
    # The name, before any comma: capitalised words and particles only ("Comité Nobel",
    # "Jean-Pierre de la Tour", "I-Télé").
    name = []
    for tok in tokens:
        if tok.text in (",", "(", "–", "—") or tok.text == "-" and tok.whitespace_:
            break
        if tok.text != "-":
            name.append(tok)
    if not name or len(name) > 6:
        return False
    if not all(_capitalised(t) or t.lower_ in NAME_PARTICLES for t in name):
        return False
    return len(span) <= 25


def _role_line(tokens) -> bool:
    """"— Porte-parole des pompiers", "— Directrice de l'école": a role held by the
    speaker, named by what follows "de"."""
    from recoupe.quotes.speakers import SPEAKER_NOUNS

    first = tokens[0]
    word = first.text.lower()
    if word not in SPEAKER_NOUNS and first.lemma_.lower() not in SPEAKER_NOUNS:
        return False
    rest = [t for t in tokens[1:] if not t.is_space]
    if not rest:
        return True
    if rest[0].text == "-" and len(rest) > 1:
        return False
    # A role with its complement or an adjective ("Ministre de la Santé", "Porte-parole
    # adjoint de …"), not a sentence.
    return rest[0].lower_ in ("de", "du", "des", "d'", "d’", ",") or rest[0].pos_ == "ADJ"


def _capitalised(tok) -> bool:
    # "MacNaughton", "McCain", "DiCaprio" are names although not title-cased.
    return tok.text[:1].isupper()


def attribution_after(doc: Doc, text: str, paragraphs: Paragraphs, candidate: Candidate):
    """The name on an attribution line right after the quote's paragraph."""
    index = paragraphs.index(candidate.start)
    if index + 1 >= len(paragraphs.spans):
        return None
    s, e = paragraphs.spans[index + 1]
    if text[s] not in DASHES:
        return None
    start = s + 1
    while start < e and text[start] in " \u00a0\u202f":
        start += 1
    if not is_attribution_line(doc, start, e):
        return None
    span = doc.char_span(start, e, alignment_mode="expand")
    first = span[0]
    head = first
    while head.i + 1 < span.end and (doc[head.i + 1].dep_ in ("flat:name", "flat") or
                                     doc[head.i + 1].ent_iob_ == "I"):
        head = doc[head.i + 1]
    if first.ent_type_ == "PER" and first.head.i != first.i and first.head.i < span.end and \
            first.dep_ in ("flat:name", "flat"):
        return first.head
    return first


def attribute_floating(doc: Doc, text: str, candidates: list[Candidate]) -> None:
    """Give floating quotes the speaker a reader would."""
    paragraphs = Paragraphs(text)
    ordered = sorted(candidates, key=lambda c: c.start)
    for i, quote in enumerate(ordered):
        if not quote.floating:
            continue
        # Reports nested in an earlier quote do not take the turn.
        previous = [c for c in ordered[:i] if (c.speaker_token is not None or c.inherit)
                    and not any(o.start <= c.start and c.end <= o.end and o is not c
                                for o in ordered[:i])]
        if quote.continues and previous:
            quote.attribute(previous[-1])
            quote.inherit = previous[-1].inherit
            quote.floating = False
            quote.rule = "direct-continued"
            continue
        name = attribution_after(doc, text, paragraphs, quote)
        if name is not None:
            quote.speaker_token = name
            quote.floating = False
            quote.rule = "direct-attribution-line"
            continue
        source = _speaker_before(paragraphs, quote, previous, text)
        if source is None:
            source = _narrated_speaker(doc, text, paragraphs, quote)
        if source is not None:
            quote.inherit = source.inherit or source
            quote.rule += "-inherited"
            if _same_sentence(doc, source, quote):
                # "X est « ravi » du succès de l'opération qui « … »": the sentence
                # names the speaker of both marked parts.
                quote.speaker_token = source.speaker_token
                quote.speaker = source.speaker


def _narrated_speaker(doc: Doc, text: str, paragraphs: Paragraphs,
                      quote: Candidate) -> Candidate | None:
    """"La députée X a critiqué le projet. « Ce texte est dangereux. »": a quotation
    opening its sentence right after a sentence whose subject speaks or takes a stance
    is that subject's (canonical name only)."""
    from recoupe.quotes.direct import STANCE
    from recoupe.quotes.speakers import is_speaker_like, subject_of
    from recoupe.quotes.tokens import is_verb, lemma

    first = token_at(doc, quote.start)
    if first is None:
        return None
    sent = first.sent
    if any(c.isalnum() for c in text[sent.start_char:quote.start]):
        return None  # the quotation does not open its sentence
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    here = paragraphs.index(quote.start)
    if here - paragraphs.index(doc[k].idx) > 1:
        return None
    root = doc[k].sent.root
    if not is_verb(root) or root.pos_ == "AUX":
        return None
    # The main verb, or the infinitive it governs ("a tenté de le prévenir"), speaks.
    verbs = [root] + [t for t in doc[root.i + 1:doc[k].sent.end]
                      if "Inf" in t.morph.get("VerbForm") and is_verb(t)]
    if not any(lemma(v) in STANCE or lexicon.introduces_direct(lemma(v)) or
               lexicon.takes_clause(lemma(v)) for v in verbs) and \
            not _first_person_words(doc, quote):
        # (first-person words right after a sentence about a named person are that
        # person's, whatever the person did: "X a brandi le drapeau. « Je voulais … »")
        return None
    subject = subject_of(root)
    if subject is None or subject.i > root.i or not is_speaker_like(subject) or \
            subject.pos_ == "PRON" or subject.lower_ in ("qui", "que", "on"):
        return None
    if subject.ent_type_ not in ("PER", "ORG") and subject.pos_ != "PROPN" and \
            not any(t.ent_type_ == "PER" for t in subject.subtree):
        return None
    return Candidate("direct", quote.start, quote.end, "narrated", 0.5,
                     speaker_token=subject)


FIRST_PERSON_WORDS = frozenset("je j' j’ me m' m’ moi mon ma mes".split())


def _first_person_words(doc: Doc, quote: Candidate) -> bool:
    """Singular first person in the quotation's first words: someone speaking of
    themselves."""
    span = doc.char_span(quote.start, min(quote.end, quote.start + 120),
                         alignment_mode="contract")
    return span is not None and any(t.lower_ in FIRST_PERSON_WORDS for t in span)


def _same_sentence(doc: Doc, source: Candidate, quote: Candidate) -> bool:
    """Is the source's speaker mention in the quote's sentence (a direct quote, not a
    report whose own clause carries the mention)?"""
    if source.speaker_token is None or source.kind != "direct" or source.floating:
        return False
    token = token_at(doc, quote.start)
    if token is None:
        return False
    sent = token.sent
    if not (sent.start <= source.speaker_token.i < sent.end and
            sent.start_char <= source.start < sent.end_char):
        return False
    # "« A » a déclaré X. « B »": a full stop ends X's sentence for a reader, whatever
    # the segmenter made of the marks.
    text = text_of(doc)
    last = max(source.end, source.speaker_token.idx)
    between = text[last:quote.start]
    return not any(mark in between for mark in (". ", "! ", "? ", ".\u00a0", "…"))


def _speaker_before(paragraphs: Paragraphs, quote: Candidate, previous: list[Candidate],
                    text: str) -> Candidate | None:
    if not previous:
        return None
    here = paragraphs.index(quote.start)
    recent = [c for c in previous if here - paragraphs.index(c.start) <= MAX_PARAGRAPHS_BACK]
    if not recent:
        return None
    last = recent[-1]
    if paragraphs.index(last.start) == here:
        # The speaker goes on, unless the journalist speaks in between.
        return None if _narration_between(last, quote, text) else last
    if paragraphs.only_quote(quote, text):
        # Turn-taking: a lone quotation answers the last speaker, so it goes to the
        # other party of the conversation when there is one.
        speakers = []
        for c in reversed(recent):
            key = _who(c)
            if key not in [k for k, _ in speakers]:
                speakers.append((key, c))
        if len(speakers) >= 2 and _is_dialogue(recent, paragraphs, text):
            return speakers[1][1]
        return last
    # A quotation opening the paragraph after one that ended on a quote.
    start, _ = paragraphs.spans[here]
    previous_end = paragraphs.spans[here - 1][1] if here > 0 else 0
    if paragraphs.index(last.start) == here - 1 and \
            not any(c.isalnum() for c in text[start:quote.start]) and \
            not _narration_between(last, None, text, previous_end):
        return last
    return None


def _narration_between(last: Candidate, quote: Candidate | None, text: str,
                       end: int | None = None) -> bool:
    """Does the journalist write a sentence of their own between two quotes?"""
    stop = quote.start if quote is not None else end
    between = text[last.end:stop]
    # The rest of the sentence holding the earlier quote (its incise, its source).
    for i, ch in enumerate(between):
        if ch in ".!?":
            between = between[i + 1:]
            break
    else:
        return False
    words = [w for w in between.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3


def _who(c: Candidate):
    source = c.inherit or c
    return source.name or (source.speaker_token.i if source.speaker_token is not None else None)


def _is_dialogue(recent: list[Candidate], paragraphs: Paragraphs, text: str) -> bool:
    """Short exchanges in consecutive paragraphs, each paragraph one turn."""
    indexes = [paragraphs.index(c.start) for c in recent[-3:]]
    consecutive = all(b - a == 1 for a, b in zip(indexes, indexes[1:]))
    return consecutive and len(set(indexes)) == len(indexes)
