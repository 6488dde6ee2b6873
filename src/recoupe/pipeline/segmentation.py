"""Segmentation that respects journalism: headline, credit line, paragraphs, and
sentence boundaries that never fall inside a quotation.

Runs before the parser: the parser keeps the sentence starts set here and decides the
rest itself.
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from recoupe import schema
from recoupe.pipeline.extensions import make_span, original_text
from recoupe.pipeline.quotemarks import find_quote_regions

AGENCIES = (
    "AFP|Agence France-Presse|Reuters|AP|Associated Press|Belga|ATS|Keystone-ATS|ANSA|"
    "DPA|EFE|Xinhua|TASS|RIA Novosti|Anadolu|Kyodo|Yonhap|APS|MAP|Bloomberg|Europa Press"
)
# A whole paragraph that only credits the story to someone else.
CREDIT_LINE = re.compile(
    rf"""\s*(?:
        sources?\s*:\s*(?P<named>[^\s\[\]()][^\n\[\]()]{{1,60}}?)   # Source : Express.co.uk
            (?:\s*\[\d+\][^\n]*)?                            # … [1] and a footnote
      | \(\s*(?P<paren>{AGENCIES})(?:\s*[/,]\s*[^)]{{1,40}})?\s*\)  # (AFP)
      | avec\s+(?:l'|l’|les\s+)?(?P<with>{AGENCIES}|agences?)   # Avec Reuters
      | (?:d'après|selon)\s+(?P<after>{AGENCIES})
    )\s*\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "PARIS (AFP) - " at the start of the first body paragraph.
DATELINE_CREDIT = re.compile(
    rf"[^\n()]{{0,40}}?\((?P<agency>{AGENCIES})\)\s*[-–—]", re.IGNORECASE
)
SENTENCE_END = set(".!?…»\"”")
DASHES = {"—", "–", "-"}
CLOSING_MARKS = {"»", "”", '"', "›", ")"}
START, NOT_START = 1, -1  # Token.sent_start values; 0 leaves the parser to decide


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, trimmed: news text puts one paragraph per line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def find_credit(text: str, paragraphs: list[tuple[int, int]]):
    """The credit line, as (paragraph index or None, start, end, credited name)."""
    body = list(enumerate(paragraphs))[1:]
    # Credit lines close an article; datelines open its body.
    for index, (start, end) in reversed(body[-3:]):
        match = CREDIT_LINE.match(text, start, end)
        if match and match.end() >= end - 1:
            name = next(g for g in match.groups() if g)
            return index, start, end, name.strip().rstrip(".")
    for index, (start, end) in body[:2]:
        match = DATELINE_CREDIT.match(text, start, end)
        if match:
            return None, match.start("agency") - 1, match.end("agency") + 1, match["agency"]
    return None


class Segmenter:
    """Finds headline, credit and paragraphs; presets sentence starts for the parser."""

    def __init__(self, nlp: Language, name: str = "recoupe_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = original_text(doc)
        spans = find_paragraphs(text)
        credit = find_credit(text, spans)
        credit_index = credit[0] if credit else None
        doc._.paragraphs = [
            make_span(doc, start, end, schema.Paragraph, index=i, is_headline=(i == 0),
                      is_credit=(i == credit_index))
            for i, (start, end) in enumerate(spans)
        ]
        doc._.headline = doc._.paragraphs[0] if spans else None
        if credit:
            doc._.credit = make_span(doc, credit[1], credit[2])
            doc._.credited_source = credit[3]
        doc._.quote_regions = find_quote_regions(text)
        self._preset_sentence_starts(doc, spans)
        return doc

    def _preset_sentence_starts(self, doc: Doc, paragraphs: list[tuple[int, int]]) -> None:
        if len(doc) == 0:
            return
        starts = {start for start, _ in paragraphs}
        # Offsets inside a quotation, closing mark included: no boundary falls there, and
        # a quotation over a paragraph break stays whole.
        inside = sorted((r.open + 1, r.close + (1 if r.closed else 0))
                        for r in doc._.quote_regions)
        # Set all at once: each ``token.is_sent_start = …`` makes spaCy scan the whole
        # doc for a parse, which made this loop quadratic in the length of the article.
        sent_starts = doc.to_array([SENT_START]).astype("int64")
        k = 0
        previous = None  # the last non-space token
        for token in doc:
            if token.is_space:
                continue
            while k < len(inside) and inside[k][1] <= token.idx:
                k += 1
            quoted = any(lo <= token.idx < hi for lo, hi in inside[k:k + 4])
            if token.i == 0:
                pass
            elif quoted:
                sent_starts[token.i] = NOT_START
            elif token.idx in starts:
                sent_starts[token.i] = START
            elif token.text in DASHES and previous is not None and ends_sentence(previous):
                # A dialogue dash after a finished sentence opens a new turn.
                sent_starts[token.i] = START
            elif (previous is not None and previous.text in CLOSING_MARKS
                  and ends_sentence(previous) and token.text[:1].isupper()):
                # « … demain. » Selon …: the parser tends to run these two together.
                sent_starts[token.i] = START
            elif previous is not None and not ends_sentence(previous):
                # In news prose a sentence only starts after terminal punctuation.
                sent_starts[token.i] = NOT_START
            previous = token
        # spaCy stores -1 as its uint64 wrap-around.
        doc.from_array([SENT_START], sent_starts.astype("uint64"))


def ends_sentence(token) -> bool:
    if token.text[-1:] in ".!?…":
        return True
    if token.text in CLOSING_MARKS and token.i > 0:
        before = token.doc[token.i - 1]
        return before.text[-1:] in ".!?…" or (before.is_space and token.i > 1
                                              and token.doc[token.i - 2].text[-1:] in ".!?…")
    return False


@Language.factory("recoupe_segmenter")
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    return Segmenter(nlp, name)
