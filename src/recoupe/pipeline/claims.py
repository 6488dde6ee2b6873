"""Check-worthy claims: the factual statements of the body worth verifying.

Fills ``Doc._.claims`` with :class:`recoupe.schema.Claim` objects: one per body sentence
that asserts something verifiable, with its type, who asserts it (the journalist, or a
source of the source chain with the quote that carries it), its hedges, and a
check-worthiness score with the features that produced it. Opinion, questions and
background are left out. Runs after ``recoupe_sources``, whose attributions it reads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from recoupe import schema
from recoupe.factcheck.attribution import attributed_in
from recoupe.factcheck.checkworthy import article_year, read_sentence
from recoupe.factcheck.hedges import find_hedges
from recoupe.factcheck.words import is_content, key
from recoupe.pipeline.extensions import make_span, original_text
from recoupe.text import strip_span

# Most of a sentence: a quote or attribution this large speaks for all of it.
MOST = 0.5


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str = "recoupe_claims"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


def find_claims(doc: Doc) -> list[schema.Claim]:
    text = original_text(doc)
    paragraphs = doc._.paragraphs or []
    excluded = [(p.start, p.end) for p in paragraphs if p.is_headline or p.is_credit]
    lead_paragraph = _lead_paragraph(doc)
    year = article_year(text)
    topic = _content_keys(doc, doc._.headline) | _content_keys(doc, lead_paragraph)
    quoted = {t.i for r in doc._.quote_regions or [] for t in
              (doc.char_span(r.start, r.end, alignment_mode="expand") or [])}
    chain = doc._.sources or schema.SourceChain()
    sources = {s.id: s for s in chain.sources}
    weak = weak_sources(chain)
    doc_ents = doc.ents
    claims = []
    for sent in doc.sents:
        start, end = strip_span(text, sent.start_char, sent.end_char)
        if end <= start or any(s <= start < e for s, e in excluded):
            continue
        if _attribution_line(text, start, sent):
            continue
        attributions = attributed_in(doc, start, end)
        speaking = [a for a in attributions
                    if a.how != "quote" or _share(a.start, a.end, start, end) >= MOST]
        hedges = find_hedges(sent)
        lead = lead_paragraph is not None and lead_paragraph.start <= start < lead_paragraph.end
        reading = read_sentence(
            sent, quoted=quoted, topic_keys=topic if not lead else _content_keys(
                doc, doc._.headline),
            lead=lead, hedged=bool(hedges),
            weak_source=any(a.source in weak for a in speaking),
            speech=any(a.how == "quote" for a in speaking), year=year, doc_ents=doc_ents)
        if not reading.is_claim:
            continue
        claims.append(make_span(
            doc, start, end, schema.Claim, id=f"c{len(claims) + 1}", type=reading.type,
            asserted_by=_asserted_by(speaking, sources),
            hedges=[make_span(doc, h.start, h.end, schema.Hedge, kind=h.kind) for h in hedges],
            score=round(reading.score, 3),
            features={k: round(v, 3) for k, v in reading.features.items()},
        ))
    return claims


def _asserted_by(speaking, sources) -> schema.AssertedBy:
    """The source that speaks for the sentence: a quote first, then "selon X"; the
    journalist's reading of a recording is the journalist's."""
    ranked = sorted(speaking, key=lambda a: (a.how != "quote", a.how != "according_to"))
    for attribution in ranked:
        if attribution.how == "framing":
            continue
        source = sources.get(attribution.source)
        if source is None or source.type == "this_article":
            continue
        return schema.AssertedBy(kind="source", name=source.name, source=source.id,
                                 quote=attribution.quote)
    return schema.AssertedBy(kind="journalist")


def _attribution_line(text: str, start: int, sent) -> bool:
    """"— Mai Fatty, conseiller du président": a line that signs a quote box, with no
    verb of its own (a dash that opens a sentence with a verb is a dateline's)."""
    if not text[start:start + 1] in {"—", "–"}:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def weak_sources(chain: schema.SourceChain) -> set[str]:
    """Sources a claim should not rest on alone: anonymous people, and material whose
    origin the source chain flags as unknown."""
    weak = {s.id for s in chain.sources if s.type == "anonymous_person"}
    flagged = {m.start for f in chain.flags if f.kind == "unknown_origin" for m in f.evidence}
    weak |= {s.id for s in chain.sources if any(m.start in flagged for m in s.mentions)}
    return weak


def _lead_paragraph(doc: Doc) -> schema.Paragraph | None:
    """The first body paragraph with a real sentence in it (not a dateline alone)."""
    for paragraph in doc._.paragraphs or []:
        if paragraph.is_headline or paragraph.is_credit:
            continue
        if sum(1 for w in paragraph.text.split() if w.isalpha()) >= 6:
            return paragraph
    return None


def _content_keys(doc: Doc, span: schema.Span | None) -> set[str]:
    if span is None:
        return set()
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return {key(t) for t in tokens or [] if is_content(t)}


def _share(a_start: int, a_end: int, start: int, end: int) -> float:
    shared = max(0, min(a_end, end) - max(a_start, start))
    return shared / max(end - start, 1)



@Language.factory("recoupe_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
