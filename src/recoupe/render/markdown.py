"""The dossier as Markdown (CommonMark with GitHub tables), same sections as elsewhere.

Text from the article is escaped, so that an asterisk in "p******", a pipe, or a
"<script>" is shown as written and never breaks a table or turns into markup. Markdown
has no colour: each speaker gets the emoji marker of its palette colour.
"""

from __future__ import annotations

import re

from recoupe.render.chain import ChainNode, source_trees, summary_lines
from recoupe.render.colors import UNKNOWN, speaker_colors, speaker_name
from recoupe.render.headline_view import headline_view
from recoupe.render.labels import (
    ACCESS, ENTITY_TYPES, QUOTE_KINDS, SOURCE_TYPES, VERDICT_SYMBOLS, VERDICTS,
    asserted_by_label, label, relation_label,
)
from recoupe.render.overview import (
    NOT_ANALYSED, claims_by_score, glance, is_analysed, loaded_counts, quotes_in_order,
    speakers,
)
from recoupe.schema import Analysis

# Characters that mean something anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|#~&$])")


def escape_md(text: str, line_start: bool = False) -> str:
    """``text`` as literal Markdown on one line (line breaks become spaces).

    With ``line_start``, also what would open a list, heading or rule at a line's start.
    """
    escaped = _INLINE.sub(r"\\\1", " ".join(text.split()))
    if line_start:
        escaped = re.sub(r"^([-+=])", r"\\\1", escaped)
        escaped = re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)
    return escaped


def render_markdown(analysis: Analysis) -> str:
    parts = [header(analysis)]
    if is_analysed(analysis):
        parts += [quotes(analysis), source_chain(analysis), claims(analysis),
                  headline_check(analysis), loaded_language(analysis), entities(analysis)]
    else:
        # Said once per section, so that no section reads as "nothing found".
        parts += [f"{_section(title)}\n\n{_empty(NOT_ANALYSED)}" for title in (
            "Quotes", "Source chain", "Check-worthy claims", "Headline check",
            "Loaded language", "Entities")]
    return "\n\n".join(p.rstrip() for p in parts) + "\n"


def _section(title: str, count: int | None = None) -> str:
    return f"## {title}" + (f" ({count})" if count is not None else "")


def _empty(message: str) -> str:
    return f"_{message[:1].upper()}{message[1:]}._"


def header(analysis: Analysis) -> str:
    meta = analysis.article
    title = (_headline(meta.headline.text, meta.headline.start, analysis.headline_check)
             if meta.headline else escape_md(meta.id))
    plain_id = re.fullmatch(r"[\w.:/-]+", meta.id)
    rows = [("id", f"`{meta.id}`" if plain_id else escape_md(meta.id)),
            ("language", meta.language + (f" ({meta.language_confidence:.0%})"
                                          if meta.language_confidence is not None else "")),
            ("words", f"{meta.word_count:,}")]
    if meta.credit or meta.credited_source:
        credit = meta.credit.text if meta.credit else ""
        if meta.credited_source and meta.credited_source not in credit:
            credit = f"{credit} → {meta.credited_source}" if credit else meta.credited_source
        rows.append(("credit", escape_md(credit)))
    for key, value in (("site", meta.site_name), ("date", meta.date), ("origin", meta.origin)):
        if value:
            rows.append((key, escape_md(value)))
    if meta.url:
        # Only a plain web address becomes a link; anything else is shown as text.
        linkable = re.fullmatch(r"https?://[^\s<>]+", meta.url)
        rows.append(("url", f"<{meta.url}>" if linkable else escape_md(meta.url)))
    lines = [f"# {title}", "", "| | |", "|---|---|"]
    lines += [f"| **{key}** | {value} |" for key, value in rows]
    lines += ["", "**At a glance:** " + escape_md(" · ".join(glance(analysis)))]
    # What the analysis could not do changes how to read everything below: say it here.
    for note in analysis.notes:
        lines += ["", f"> ⚠️ **Note:** {escape_md(note)}"]
    return "\n".join(lines)


def quotes(analysis: Analysis) -> str:
    lines = [_section("Quotes", len(analysis.quotes)), ""]
    if not analysis.quotes:
        return "\n".join(lines + [_empty("no quotes found")])
    colors = speaker_colors(analysis.quotes)
    lines.append("Speakers: " + " · ".join(
        f"{colors[name].marker} **{escape_md(name)}** ({count})"
        for name, count in speakers(analysis)))
    lines += ["", "| # | Speaker | Kind | Cue | Quote |", "|---:|---|---|---|---|"]
    for number, quote in enumerate(quotes_in_order(analysis), 1):
        name = speaker_name(quote)
        who = f"{colors.get(name, UNKNOWN).marker} **{escape_md(name)}**"
        if quote.speaker.text and quote.speaker.text != name:
            who += f" (“{escape_md(quote.speaker.text)}”)"
        cue = escape_md(quote.cue.text) if quote.cue else ""
        said = escape_md(quote.text)
        if quote.kind == "direct":
            said = f"« {said} »"
        lines.append(f"| {number} | {who} | {label(QUOTE_KINDS, quote.kind)} | {cue} | {said} |")
    return "\n".join(lines)


def _source_line(node: ChainNode) -> str:
    source = node.source
    line = ("← " if node.edge is not None else "") + f"**{escape_md(source.name)}**"
    details = [label(SOURCE_TYPES, source.type)]
    if source.type != "this_article" and source.access != "unknown":
        details.append(label(ACCESS, source.access))
    if source.quotes:
        details.append(f"{len(source.quotes)} quote{'s' if len(source.quotes) > 1 else ''}")
    if details[0].casefold() != source.name.casefold():
        line += " — " + ", ".join(details)
    if node.edge is not None and node.edge.relation != "relayed_by":
        line += f" ({escape_md(relation_label(node.edge.relation))})"
    if node.edge is not None and node.edge.evidence is not None:
        line += f" — “{escape_md(node.edge.evidence.text)}”"
    if node.repeated:
        line += " (see above)"
    return line


def _tree_lines(node: ChainNode, depth: int = 0) -> list[str]:
    lines = ["  " * depth + "- " + _source_line(node)]
    for child in node.children:
        lines += _tree_lines(child, depth + 1)
    return lines


def source_chain(analysis: Analysis) -> str:
    chain = analysis.sources
    cited = [s for s in chain.sources if s.type != "this_article"]
    lines = [_section("Source chain", len(cited)), ""]
    if not chain.sources:
        return "\n".join(lines + [_empty("no sources found")])
    for path in summary_lines(chain):
        lines += ["**" + " ← ".join(escape_md(s.name) for s in path) + "**", ""]
    for root in source_trees(chain):
        lines += _tree_lines(root)
    for flag in chain.flags:
        lines += ["", f"> ⚠️ **{escape_md(flag.kind.replace('_', ' '))}** — "
                  f"{escape_md(flag.message)}"]
        for evidence in flag.evidence:
            lines.append(f"> — “{escape_md(evidence.text)}”")
    return "\n".join(lines)


def claims(analysis: Analysis) -> str:
    lines = [_section("Check-worthy claims", len(analysis.claims)), ""]
    if not analysis.claims:
        return "\n".join(lines + [_empty("no check-worthy claims found")])
    lines += ["| # | Score | Type | Claim | Asserted by | Hedges |",
              "|---:|---:|---|---|---|---|"]
    for number, claim in enumerate(claims_by_score(analysis), 1):
        hedges = ", ".join(f"{escape_md(h.text)} ({h.kind})" for h in claim.hedges)
        lines.append(f"| {number} | {claim.score:.2f} | {claim.type} | {escape_md(claim.text)} "
                     f"| {escape_md(asserted_by_label(claim.asserted_by))} | {hedges} |")
    return "\n".join(lines)


def headline_check(analysis: Analysis) -> str:
    check = analysis.headline_check
    view = headline_view(analysis)
    lines = [_section("Headline check",
                      len(check.assertions) + len(check.unsupported_terms)), ""]
    if not view.checked:
        # The title shows the headline; here only why it was not checked.
        lines.append(_empty("the headline was not checked" if view.headline is not None
                            else "no headline found"))
    for item in view.assertions:
        assertion = item.assertion
        line = (f"- {VERDICT_SYMBOLS.get(assertion.verdict, '?')} "
                f"**{label(VERDICTS, assertion.verdict)}** — “{escape_md(assertion.text)}”")
        if assertion.explanation:
            line += f" — {escape_md(assertion.explanation)}"
        lines.append(line)
        for term in item.terms:
            lines.append(f"  - unsupported **{escape_md(term.text)}**: {escape_md(term.reason)}")
        if item.evidence_label and item.supports:
            lines += [f"  - evidence: “{escape_md(e.text)}”" for e in assertion.evidence]
        elif item.evidence_label:
            # The body's nearest sentences, not support: labelled so.
            lines += [f"  - _{item.evidence_label} (not support):_ “{escape_md(e.text)}”"
                      for e in assertion.evidence]
        elif item.says_no_evidence:
            lines.append("  - _no evidence in the body_")
    if view.loose_terms:
        lines += ["", "**Unsupported terms:** " + "; ".join(
            f"**{escape_md(t.text)}** ({escape_md(t.reason)})" for t in view.loose_terms)]
    for note in view.notes:
        lines += ["", f"_{escape_md(note)}_"]
    return "\n".join(lines)


def _headline(text: str, offset: int, check) -> str:
    """The headline escaped, with its unsupported terms in bold."""
    pieces, at = [], 0
    for term in sorted(check.unsupported_terms, key=lambda t: t.start):
        start, end = term.start - offset, term.end - offset
        if start < at or not 0 <= start < end <= len(text):
            continue
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    out = []
    for piece, strong in pieces:
        escaped = _INLINE.sub(r"\\\1", piece.replace("\n", " "))
        out.append(f"**{escaped}**" if strong and escaped.strip() else escaped)
    return "".join(out).strip()


def loaded_language(analysis: Analysis) -> str:
    loaded = analysis.loaded_language
    lines = [_section("Loaded language", len(loaded.terms)), ""]
    if not loaded.terms:
        return "\n".join(lines + [_empty(escape_md(loaded.summary).rstrip(".")
                                         if loaded.summary else "no loaded language found")])
    if loaded.summary:
        lines += [escape_md(loaded.summary, line_start=True), ""]
    rate = f"{loaded.per_1000_words:.1f} per 1,000 words"
    # The summary usually gives the counts and the rate already: then they are not repeated.
    if rate not in loaded.summary:
        lines += [" · ".join(f"{category}: {count}"
                             for category, count in loaded_counts(analysis)) + f" ({rate})", ""]
    by_category: dict[str, list[str]] = {}
    for term in sorted(loaded.terms, key=lambda t: t.start):
        words = by_category.setdefault(term.category, [])
        if term.text not in words:
            words.append(term.text)
    for category, _ in loaded_counts(analysis):
        if category in by_category:
            lines.append(f"- **{category}**: " + ", ".join(
                f"“{escape_md(w)}”" for w in by_category[category]))
    return "\n".join(lines)


def entities(analysis: Analysis) -> str:
    lines = [_section("Entities", len(analysis.entities)), ""]
    if not analysis.entities:
        return "\n".join(lines + [_empty("no named entities found")])
    for code, name in ENTITY_TYPES.items():
        clusters = sorted((c for c in analysis.entities if c.type == code),
                          key=lambda c: (-len(c.mentions), c.name))
        if clusters:
            lines.append(f"- **{name}**: " + ", ".join(
                f"{escape_md(c.name)} ×{len(c.mentions)}" for c in clusters))
    return "\n".join(lines)
