"""The dossier as one self-contained HTML page (Jinja2, autoescaped, inline CSS).

The article text is shown whole, every finding highlighted where it stands: the text
is cut into flat pieces (see :mod:`recoupe.render.highlight`) so that overlapping spans
never make invalid HTML. Anchors in the text — ``#q1`` for the first quote, ``#c1`` for
the best claim, ``#l1``, ``#u1``, ``#ev1``, ``#e1``, ``#s1``, ``#a1`` for loaded terms,
unsupported headline terms, evidence, entities, sources and headline assertions — are
what the side lists link to.

The web app embeds :func:`render_dossier_fragment` in its own layout with
:data:`DOSSIER_CSS` (and optionally :data:`DOSSIER_JS`); keep those three stable.
Everything the stylesheet touches is scoped under ``.recoupe-dossier``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from recoupe.render.chain import summary_lines
from recoupe.render.colors import UNKNOWN, SpeakerColor, speaker_colors, speaker_name
from recoupe.render.graph import source_graph_svg
from recoupe.render.headline_view import headline_view
from recoupe.render.highlight import Block, Mark, Piece, cut
from recoupe.render.labels import (
    ACCESS, ENTITY_TYPES, QUOTE_KINDS, SOURCE_TYPES, VERDICTS, asserted_by_label, label,
    relation_label,
)
from recoupe.render.overview import (
    NOT_ANALYSED, claims_by_score, glance, is_analysed, loaded_counts, quotes_in_order,
    speakers,
)
from recoupe.schema import Analysis, Span


def _asset(name: str) -> str:
    return resources.files("recoupe").joinpath("templates", name).read_text(encoding="utf-8")


DOSSIER_CSS: str = _asset("dossier.css")
DOSSIER_JS: str = _asset("dossier.js")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("recoupe", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["label"] = label
    return env


def render_html(analysis: Analysis) -> str:
    """The whole dossier as one HTML page that needs nothing from the network."""
    context = dossier_context(analysis)
    return environment().get_template("dossier_page.html.j2").render(
        **context, css=Markup(DOSSIER_CSS), js=Markup(DOSSIER_JS))


def render_dossier_fragment(analysis: Analysis) -> str:
    """The dossier's body, without <html>/<head>, to embed in another page.

    Style it with :data:`DOSSIER_CSS`; it reads well without any script, and
    :data:`DOSSIER_JS` adds a flash on the spot a link jumps to.
    """
    return environment().get_template("dossier_fragment.html.j2").render(
        **dossier_context(analysis))


# --- the view: what the templates show, computed once --------------------------------


@dataclass
class TextPiece:
    text: str
    tag: str = ""  # "", "mark" (a quote) or "span" (other findings)
    classes: str = ""
    style: str = ""
    speaker: str = ""
    refs: str = ""
    title: str = ""
    anchors: list[dict] = field(default_factory=list)


@dataclass
class TextBlock:
    role: str  # headline, credit or body
    pieces: list[TextPiece]


class Anchors:
    """Page ids for findings, numbered per kind in the order they are added."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.marks: list[Mark] = []

    def add(self, prefix: str, span: Span | None, mark_kind: str, **data: str) -> str | None:
        if span is None:
            return None
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        anchor = f"{prefix}{self.counts[prefix]}"
        self.marks.append(Mark(span.start, span.end, mark_kind, anchor, tuple(data.items())))
        return anchor

    def mark(self, span: Span, mark_kind: str, **data: str) -> None:
        """A highlight without an anchor of its own."""
        self.marks.append(Mark(span.start, span.end, mark_kind, None, tuple(data.items())))


def _style(color: SpeakerColor) -> str:
    return f"--spk:{color.ink};--spk-bg:{color.tint}"


def _web_url(url: str | None) -> str | None:
    # Only a plain web address becomes a link: never javascript: or data: URLs.
    return url if url and re.fullmatch(r"https?://[^\s\"'<>]+", url) else None


def dossier_context(analysis: Analysis) -> dict:
    """Everything the dossier templates need, as plain data."""
    anchors = Anchors()
    colors = speaker_colors(analysis.quotes)

    quote_items, quote_anchor = [], {}
    for number, quote in enumerate(quotes_in_order(analysis), 1):
        name = speaker_name(quote)
        color = colors.get(name, UNKNOWN)
        anchor = anchors.add("q", quote, "quote", speaker=name, number=str(number),
                             kind=quote.kind)
        quote_anchor[quote.id] = anchor
        quote_items.append({
            "anchor": anchor, "number": number, "speaker": name, "style": _style(color),
            "mention": quote.speaker.text if quote.speaker.text != name else None,
            "kind": label(QUOTE_KINDS, quote.kind), "cue": quote.cue.text if quote.cue else None,
            "text": quote.text, "confidence": quote.confidence, "rule": quote.rule})

    legend = []
    for name, count in speakers(analysis):
        first = next(q for q in quote_items if q["speaker"] == name)
        legend.append({"name": name, "count": count, "style": _style(colors[name]),
                       "anchor": first["anchor"]})

    evidence_anchor: dict[tuple[int, int], str] = {}

    def evidence(span: Span) -> dict:
        key = (span.start, span.end)
        if key not in evidence_anchor:
            evidence_anchor[key] = anchors.add("ev", span, "evidence")
        return {"anchor": evidence_anchor[key], "text": span.text}

    check = analysis.headline_check
    view = headline_view(analysis)
    headline = view.headline
    # Every unsupported term is marked in the text, in the order the check lists them.
    term_anchor = {id(t): anchors.add("u", t, "unsupported", reason=t.reason)
                   for t in check.unsupported_terms}

    def term(t) -> dict:
        return {"anchor": term_anchor[id(t)], "text": t.text, "reason": t.reason}

    assertions = []
    for item in view.assertions:
        assertion = item.assertion
        anchor = anchors.add("a", assertion, "assertion", verdict=assertion.verdict)
        assertions.append({
            "anchor": anchor, "text": assertion.text, "verdict": assertion.verdict,
            "verdict_label": label(VERDICTS, assertion.verdict),
            "explanation": assertion.explanation,
            "terms": [term(t) for t in item.terms],
            "evidence_label": item.evidence_label, "supports": item.supports,
            "no_evidence": item.says_no_evidence,
            "evidence": [evidence(e) for e in assertion.evidence]})
    unsupported = [term(t) for t in view.loose_terms]

    claim_items = []
    for claim in claims_by_score(analysis):
        anchor = anchors.add("c", claim, "claim", score=f"{claim.score:.2f}", type=claim.type)
        by = claim.asserted_by
        claim_items.append({
            "anchor": anchor, "number": len(claim_items) + 1, "text": claim.text,
            "type": claim.type, "score": claim.score, "percent": round(claim.score * 100),
            "level": "high" if claim.score >= 0.7 else "mid" if claim.score >= 0.4 else "low",
            "by": asserted_by_label(by), "by_anchor": quote_anchor.get(by.quote or ""),
            "by_source": by.kind == "source",
            "hedges": [{"text": h.text, "kind": h.kind} for h in claim.hedges]})
        for hedge in claim.hedges:
            anchors.mark(hedge, "hedge", kind=hedge.kind)

    loaded = analysis.loaded_language
    loaded_items = [{"anchor": anchors.add("l", t, "loaded", category=t.category),
                     "text": t.text, "category": t.category}
                    for t in sorted(loaded.terms, key=lambda t: t.start)]
    counts = loaded_counts(analysis)
    most = max((n for _, n in counts), default=1)

    entity_groups = []
    for code, group_name in ENTITY_TYPES.items():
        clusters = sorted((c for c in analysis.entities if c.type == code),
                          key=lambda c: (-len(c.mentions), c.name))
        items = []
        for cluster in clusters:
            mentions = sorted(cluster.mentions, key=lambda m: m.start)
            anchor = anchors.add("e", mentions[0], "entity", type=code) if mentions else None
            for mention in mentions[1:]:
                anchors.mark(mention, "entity", type=code)
            items.append({"name": cluster.name, "count": len(cluster.mentions),
                          "anchor": anchor})
        if items:
            entity_groups.append({"name": group_name, "code": code, "items": items})

    chain = analysis.sources
    source_anchor, source_items = {}, []
    for source in chain.sources:
        mentions = sorted(source.mentions, key=lambda m: m.start)
        anchor = anchors.add("s", mentions[0], "source") if mentions else None
        if anchor:
            source_anchor[source.id] = anchor
        source_items.append({
            "name": source.name, "type": label(SOURCE_TYPES, source.type),
            "type_code": source.type, "access": label(ACCESS, source.access),
            "anchor": anchor, "mentions": len(source.mentions),
            "quotes": [quote_anchor[q] for q in source.quotes if q in quote_anchor]})
    flags = [{"kind": f.kind.replace("_", " "), "message": f.message,
              "evidence": [evidence(e) for e in f.evidence]} for f in chain.flags]
    edges_with_evidence = [
        {"relation": relation_label(e.relation), "evidence": evidence(e.evidence),
         "source": _name(chain, e.source), "target": _name(chain, e.target)}
        for e in chain.edges if e.evidence is not None]

    meta = analysis.article
    blocks = _blocks(analysis, anchors.marks, colors)
    rate = f"{loaded.per_1000_words:.1f} per 1,000 words"
    return {
        "meta": meta, "url": _web_url(meta.url),
        # The interface speaks English; what comes from the article is marked with its
        # own language, so that a screen reader or a translator treats it as such.
        "lang": meta.language,
        "analysed": is_analysed(analysis), "not_analysed": _sentence(NOT_ANALYSED),
        "headline": headline.text if headline is not None else None,
        "title": _title_pieces(analysis),
        "glance": glance(analysis),
        "notes": analysis.notes,
        "legend": legend, "quotes": quote_items,
        "chain_lines": [[s.name for s in path] for path in summary_lines(chain)],
        "graph": (source_graph_svg(chain, source_anchor, lang=meta.language)
                  if chain.sources else None),
        "sources": source_items, "flags": flags, "edge_evidence": edges_with_evidence,
        "claims": claim_items,
        "check": {"assertions": assertions, "unsupported": unsupported, "notes": view.notes,
                  "checked": view.checked,
                  "count": len(check.assertions) + len(check.unsupported_terms)},
        "loaded": {"items": loaded_items, "summary": loaded.summary,
                   "per_1000": loaded.per_1000_words,
                   # The summary usually states the rate already: then it is not repeated.
                   "show_rate": rate not in loaded.summary,
                   "counts": [{"category": c, "count": n, "percent": round(100 * n / most)}
                              for c, n in counts]},
        "entity_groups": entity_groups,
        "blocks": blocks,
    }


def _sentence(phrase: str) -> str:
    return f"{phrase[:1].upper()}{phrase[1:]}."


def _title_pieces(analysis: Analysis) -> list[dict]:
    """The headline as pieces, its unsupported terms apart so that they can be marked."""
    headline = analysis.article.headline or analysis.headline_check.headline
    if headline is None:
        return []
    pieces, at = [], 0
    for term in sorted(analysis.headline_check.unsupported_terms, key=lambda t: t.start):
        start, end = term.start - headline.start, term.end - headline.start
        if start < at or not 0 <= start < end <= len(headline.text):
            continue
        pieces += [{"text": headline.text[at:start], "unsupported": False},
                   {"text": headline.text[start:end], "unsupported": True}]
        at = end
    pieces.append({"text": headline.text[at:], "unsupported": False})
    return [p for p in pieces if p["text"]]


def _name(chain, source_id: str) -> str:
    return next((s.name for s in chain.sources if s.id == source_id), source_id)


# --- the article text as flat, highlighted pieces -------------------------------------

PIECE_CLASSES = {"loaded": "rd-ll", "claim": "rd-cl", "unsupported": "rd-un",
                 "entity": "rd-en", "evidence": "rd-ev", "assertion": "rd-as",
                 "hedge": "rd-hg", "source": "rd-src"}
# Anchors that show a small badge in the text; the others are invisible targets.
BADGES = {"quote": "rd-badge rd-badge-q", "claim": "rd-badge rd-badge-c"}


def _blocks(analysis: Analysis, marks: list[Mark],
            colors: dict[str, SpeakerColor]) -> list[TextBlock]:
    by_anchor = {m.anchor: m for m in marks if m.anchor}
    meta = analysis.article
    blocks = []
    for block in cut(analysis.text, marks):
        blocks.append(TextBlock(_role(analysis.text, block, meta), [
            _piece(piece, by_anchor, colors) for piece in block.pieces]))
    return blocks


def _role(text: str, block: Block, meta) -> str:
    line = text[block.start:block.end]
    start = block.start + len(line) - len(line.lstrip())
    end = block.end - (len(line) - len(line.rstrip()))

    def within(span: Span | None) -> bool:
        # The whole line, not just part of it: a credit inside a sentence stays body.
        return span is not None and span.start <= start and end <= span.end

    if within(meta.headline):
        return "headline"
    if within(meta.credit):
        return "credit"
    return "body"


def _piece(piece: Piece, by_anchor: dict[str, Mark],
           colors: dict[str, SpeakerColor]) -> TextPiece:
    out = TextPiece(piece.text)
    for anchor in piece.anchors:
        mark = by_anchor[anchor]
        badge = {"id": anchor, "class": BADGES.get(mark.kind, "rd-anchor"), "text": "",
                 "style": "", "href": None}
        if mark.kind == "quote":
            badge["text"] = mark.get("number")
            badge["style"] = _style(colors.get(mark.get("speaker"), UNKNOWN))
            badge["href"] = f"#quote-{mark.get('number')}"
        elif mark.kind == "claim":
            badge["text"] = anchor
        out.anchors.append(badge)
    if not piece.marks:
        return out
    classes, titles = [], []
    quotes = piece.of_kind("quote")
    if quotes:
        # Nested quotes: the innermost (shortest) one gives the colour.
        inner = min(quotes, key=lambda m: (m.end - m.start, -m.start))
        speaker = inner.get("speaker")
        out.tag, out.speaker = "mark", speaker
        out.style = _style(colors.get(speaker, UNKNOWN))
        classes.append("rd-q")
        if len(quotes) > 1:
            classes.append("rd-q-nested")
        for q in sorted(quotes, key=lambda m: m.start):
            titles.append(f"{q.get('speaker')} — {q.get('kind')} quote {q.get('number')}")
    else:
        out.tag = "span"
    for mark in piece.marks:
        css = PIECE_CLASSES.get(mark.kind)
        if css and css not in classes:
            classes.append(css)
        if mark.kind == "loaded":
            classes.append(f"rd-ll-{mark.get('category')}")
            titles.append(f"loaded language: {mark.get('category')}")
        elif mark.kind == "unsupported":
            titles.append(f"not supported by the body: {mark.get('reason')}")
        elif mark.kind == "claim":
            titles.append(f"check-worthy claim {mark.anchor} ({mark.get('type')}, "
                          f"score {mark.get('score')})")
        elif mark.kind == "hedge":
            titles.append(f"hedge: {mark.get('kind')}")
    out.classes = " ".join(dict.fromkeys(classes))
    out.refs = " ".join(dict.fromkeys(m.anchor for m in piece.marks if m.anchor))
    out.title = "\n".join(dict.fromkeys(titles))
    return out
