"""The dossier in a terminal (rich), and the same as plain text for a file.

Article text never goes through rich markup: everything taken from the analysis is put
into ``Text`` objects, so that "[bold]" or ":smile:" in an article is shown as written.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from recoupe.render.chain import ChainNode, source_trees, summary_lines
from recoupe.render.colors import UNKNOWN, speaker_colors, speaker_name
from recoupe.render.labels import (
    ACCESS, ENTITY_TYPES, QUOTE_KINDS, SOURCE_TYPES, VERDICT_SYMBOLS, VERDICTS,
    asserted_by_label, label, relation_label, shorten,
)
from recoupe.render.overview import (
    claims_by_score, glance, loaded_counts, quotes_in_order, speakers,
)
from recoupe.schema import Analysis

TEXT_WIDTH = 100  # of render_text's output
MAX_CLAIMS = 12  # the terminal shows the best; Markdown and HTML show all
VERDICT_STYLES = {"supported": "green", "partly": "yellow", "not_supported": "red"}
DIM = "grey62"


def print_dossier(analysis: Analysis, console: Console) -> None:
    """Print the whole dossier of ``analysis`` to ``console``."""
    for part in dossier(analysis):
        console.print(part)


def render_text(analysis: Analysis, width: int = TEXT_WIDTH) -> str:
    """The dossier as plain text: the terminal rendering without colour."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False,
                      no_color=True, emoji=False, highlight=False, legacy_windows=False)
    print_dossier(analysis, console)
    # rich pads every line to the full width; a file does not need the trailing blanks.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def dossier(analysis: Analysis) -> Iterator[RenderableType]:
    yield header(analysis)
    yield from section("Quotes", len(analysis.quotes), quotes(analysis))
    cited = [s for s in analysis.sources.sources if s.type != "this_article"]
    yield from section("Source chain", len(cited), source_chain(analysis))
    yield from section("Check-worthy claims", len(analysis.claims), claims(analysis))
    check = analysis.headline_check
    yield from section("Headline check", len(check.assertions) + len(check.unsupported_terms),
                       headline_check(analysis))
    yield from section("Loaded language", len(analysis.loaded_language.terms),
                       loaded_language(analysis))
    yield from section("Entities", len(analysis.entities), entities(analysis))
    if analysis.notes:
        yield from section("Notes", len(analysis.notes), notes(analysis))


def section(title: str, count: int, body: RenderableType) -> Iterator[RenderableType]:
    yield Text()
    yield Rule(Text.assemble((title, "bold"), (f"  {count}", DIM)), align="left",
               style="grey42")
    yield Padding(body, (0, 0, 0, 1))


def empty(message: str) -> Text:
    return Text(message, style=f"italic {DIM}")


# --- header ------------------------------------------------------------------------------


def header(analysis: Analysis) -> Panel:
    meta = analysis.article
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=DIM, no_wrap=True)
    grid.add_column()
    language = meta.language + (f" ({meta.language_confidence:.0%})"
                                if meta.language_confidence is not None else "")
    rows = [("id", meta.id), ("language", language), ("words", f"{meta.word_count:,}")]
    if meta.credit or meta.credited_source:
        credit = meta.credit.text if meta.credit else ""
        if meta.credited_source and meta.credited_source not in credit:
            credit = f"{credit} → {meta.credited_source}" if credit else meta.credited_source
        rows.append(("credit", credit))
    for key, value in (("site", meta.site_name), ("date", meta.date), ("url", meta.url),
                       ("origin", meta.origin)):
        if value:
            rows.append((key, value))
    for key, value in rows:
        grid.add_row(key, Text(value))
    headline = meta.headline.text if meta.headline else "(no headline found)"
    facts = Text(" · ".join(glance(analysis)), style="bold")
    body = Group(Text(headline, style="bold"), Text(), grid, Text(), facts)
    return Panel(body, title="recoupe dossier", title_align="left", border_style="blue",
                 box=box.ROUNDED, padding=(0, 1))


# --- quotes -------------------------------------------------------------------------------


def quotes(analysis: Analysis) -> RenderableType:
    if not analysis.quotes:
        return empty("no quotes found")
    colors = speaker_colors(analysis.quotes)
    legend = Text()
    for name, count in speakers(analysis):
        legend.append("■ ", style=colors[name].term)
        legend.append(name, style=f"bold {colors[name].term}")
        legend.append(f" ×{count}   ", style=DIM)
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column("#", style=DIM, no_wrap=True, width=3)
    table.add_column("speaker", ratio=2)
    table.add_column("kind", no_wrap=True, width=8)
    table.add_column("quote", ratio=5)
    for number, quote in enumerate(quotes_in_order(analysis), 1):
        name = speaker_name(quote)
        color = colors.get(name, UNKNOWN).term
        who = Text(name, style=f"bold {color}")
        if quote.speaker.text and quote.speaker.text != name:
            who.append(f"\n“{quote.speaker.text}”", style=DIM)
        if quote.cue:
            who.append(f"\ncue: {quote.cue.text}", style=DIM)
        said = Text.assemble(("▌ ", color))
        said.append(f"« {quote.text} »" if quote.kind == "direct" else quote.text)
        table.add_row(str(number), who, label(QUOTE_KINDS, quote.kind), said)
    return Group(legend, table)


# --- sources ------------------------------------------------------------------------------


def source_label(node: ChainNode) -> Text:
    source = node.source
    text = Text()
    if node.edge is not None:
        text.append("← ", style=DIM)
    text.append(source.name, style="bold")
    details = [label(SOURCE_TYPES, source.type)]
    if source.type != "this_article" and source.access != "unknown":
        details.append(label(ACCESS, source.access))
    if source.quotes:
        details.append(f"{len(source.quotes)} quote{'s' if len(source.quotes) > 1 else ''}")
    if details[0].casefold() != source.name.casefold():
        text.append(f"  {' · '.join(details)}", style=DIM)
    if node.edge is not None and node.edge.relation != "relayed_by":
        text.append(f"  ({relation_label(node.edge.relation)})", style="cyan")
    if node.edge is not None and node.edge.evidence is not None:
        text.append(f"  “{shorten(node.edge.evidence.text, 60)}”", style=f"italic {DIM}")
    if node.repeated:
        text.append("  (see above)", style=DIM)
    return text


def _grow(tree: Tree, node: ChainNode) -> None:
    for child in node.children:
        _grow(tree.add(source_label(child)), child)


def source_chain(analysis: Analysis) -> RenderableType:
    chain = analysis.sources
    if not chain.sources:
        return empty("no sources found")
    parts: list[RenderableType] = []
    for path in summary_lines(chain):
        parts.append(Text(" ← ".join(s.name for s in path), style="bold"))
    for root in source_trees(chain):
        tree = Tree(source_label(root), guide_style="grey42")
        _grow(tree, root)
        parts.append(tree)
    for flag in chain.flags:
        line = Text("⚠ ", style="bold yellow")
        line.append(flag.kind.replace("_", " "), style="bold yellow")
        line.append(f"  {flag.message}")
        for evidence in flag.evidence:
            line.append(f"\n   “{shorten(evidence.text, 90)}”", style=f"italic {DIM}")
        parts.append(line)
    return Group(*parts)


# --- claims -------------------------------------------------------------------------------


def score_bar(score: float, width: int = 5) -> Text:
    filled = round(score * width)
    style = "red" if score >= 0.7 else "yellow" if score >= 0.4 else DIM
    return Text.assemble(("■" * filled, style), ("·" * (width - filled), DIM),
                         (f" {score:.2f}", ""))


def claims(analysis: Analysis) -> RenderableType:
    if not analysis.claims:
        return empty("no check-worthy claims found")
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column("score", no_wrap=True, width=10)
    table.add_column("type", no_wrap=True, width=10)
    table.add_column("claim", ratio=5)
    table.add_column("asserted by", ratio=2)
    ranked = claims_by_score(analysis)
    for claim in ranked[:MAX_CLAIMS]:
        text = Text(claim.text)
        if claim.hedges:
            text.append("\nhedges: " + ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges),
                        style=f"italic {DIM}")
        table.add_row(score_bar(claim.score), claim.type, text,
                      Text(asserted_by_label(claim.asserted_by)))
    if len(ranked) > MAX_CLAIMS:
        return Group(table, empty(f"… and {len(ranked) - MAX_CLAIMS} more with lower scores"))
    return table


# --- headline check ---------------------------------------------------------------------


def headline_check(analysis: Analysis) -> RenderableType:
    check = analysis.headline_check
    headline = check.headline or analysis.article.headline
    parts: list[RenderableType] = []
    if headline is not None:
        text = Text(headline.text, style="bold")
        for term in check.unsupported_terms:
            start, end = term.start - headline.start, term.end - headline.start
            if 0 <= start < end <= len(headline.text):
                text.stylize("bold red underline", start, end)
        parts.append(text)
    if not check.assertions and not check.unsupported_terms:
        parts.append(empty("the headline was not checked" if headline is not None
                           else "no headline found"))
    for assertion in check.assertions:
        style = VERDICT_STYLES.get(assertion.verdict, "")
        line = Text(f"{VERDICT_SYMBOLS.get(assertion.verdict, '?')} "
                    f"{label(VERDICTS, assertion.verdict)}", style=f"bold {style}")
        line.append(f"  {assertion.text}")
        if assertion.explanation:
            line.append(f"\n   {assertion.explanation}", style=DIM)
        for evidence in assertion.evidence:
            line.append(f"\n   ↳ “{shorten(evidence.text, 110)}”", style="italic")
        if not assertion.evidence and assertion.verdict != "supported":
            line.append("\n   ↳ no evidence in the body", style=f"italic {DIM}")
        parts.append(line)
    if check.unsupported_terms:
        line = Text("unsupported terms: ", style="bold")
        for i, term in enumerate(check.unsupported_terms):
            line.append(("; " if i else "") + term.text, style="bold red")
            line.append(f" ({term.reason})", style=DIM)
        parts.append(line)
    for note in check.notes:
        parts.append(Text(note, style=f"italic {DIM}"))
    return Group(*parts)


# --- loaded language, entities, notes -----------------------------------------------------


def loaded_language(analysis: Analysis) -> RenderableType:
    loaded = analysis.loaded_language
    if not loaded.terms:
        return empty(loaded.summary or "no loaded language found")
    parts: list[RenderableType] = []
    if loaded.summary:
        parts.append(Text(loaded.summary))
    counts = Text(" · ".join(f"{category} {count}" for category, count in loaded_counts(analysis)))
    counts.append(f"   ({loaded.per_1000_words:.1f} per 1,000 words)", style=DIM)
    parts.append(counts)
    by_category: dict[str, list[str]] = {}
    for term in sorted(loaded.terms, key=lambda t: t.start):
        words = by_category.setdefault(term.category, [])
        if term.text not in words:
            words.append(term.text)
    for category, _ in loaded_counts(analysis):
        if category in by_category:
            line = Text(f"{category}: ", style=DIM)
            line.append(", ".join(by_category[category]), style="magenta")
            parts.append(line)
    return Group(*parts)


def entities(analysis: Analysis) -> RenderableType:
    if not analysis.entities:
        return empty("no named entities found")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=DIM, no_wrap=True)
    grid.add_column()
    for code, name in ENTITY_TYPES.items():
        clusters = sorted((c for c in analysis.entities if c.type == code),
                          key=lambda c: (-len(c.mentions), c.name))
        if clusters:
            line = Text()
            for i, cluster in enumerate(clusters):
                line.append((", " if i else "") + cluster.name)
                line.append(f" ×{len(cluster.mentions)}", style=DIM)
            grid.add_row(name, line)
    return grid


def notes(analysis: Analysis) -> RenderableType:
    return Group(*(Text(f"• {note}", style="yellow") for note in analysis.notes))
