"""The dossier in a terminal (rich), and the same as plain text for a file.

A fact-checker should grasp the dossier in seconds, so it is dense and says each thing
once, and its layout follows the width: on a wide terminal quotes and claims are tables;
on a narrow one, who speaks (or who asserts) goes on a line above the words, which then
take the whole width instead of being squeezed into a column.

Article text never goes through rich markup: everything taken from the analysis is put
into ``Text`` objects, so that "[bold]" or ":smile:" in an article is shown as written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from recoupe.render.chain import ChainNode, source_trees, summary_lines
from recoupe.render.colors import UNKNOWN, speaker_colors, speaker_name
from recoupe.render.headline_view import AssertionView, headline_view
from recoupe.render.labels import (
    ACCESS, ENTITY_TYPES, QUOTE_KINDS, SOURCE_TYPES, VERDICT_SYMBOLS, VERDICTS,
    asserted_by_label, label, relation_label, shorten,
)
from recoupe.render.overview import (
    NOT_ANALYSED, claims_by_score, glance, is_analysed, loaded_counts, quotes_in_order,
    speakers,
)
from recoupe.schema import Analysis, Quote

TEXT_WIDTH = 100  # of render_text's output
WIDE = 110  # from this width on, quotes and claims are tables
SPEAKER_WIDTH = 40  # at most, of the speaker column of the wide quote table
ASSERTER_WIDTH = 24  # of the "asserted by" column of the wide claim table
MAX_CLAIMS = 12  # the terminal shows the best; Markdown and HTML show all
MAX_CLAIM_LINES = 3  # a claim longer than that is cut; Markdown and HTML show it whole
INDENT = 3  # of the words under a quote's or a claim's head line
VERDICT_STYLES = {"supported": "green", "partly": "yellow", "not_supported": "red"}
DIM = "grey62"


def print_dossier(analysis: Analysis, console: Console) -> None:
    """Print the whole dossier of ``analysis`` to ``console``, laid out for its width."""
    for part in dossier(analysis, console.width):
        console.print(part)


def render_text(analysis: Analysis, width: int = TEXT_WIDTH) -> str:
    """The dossier as plain text: the terminal rendering without colour."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False,
                      no_color=True, emoji=False, highlight=False, legacy_windows=False)
    print_dossier(analysis, console)
    # rich pads every line to the full width; a file does not need the trailing blanks.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def dossier(analysis: Analysis, width: int = TEXT_WIDTH) -> Iterator[RenderableType]:
    inner = width - 1  # sections are indented by one column
    yield header(analysis, width)
    analysed = is_analysed(analysis)

    def count(n: int) -> int | None:
        # A section that did not run has nothing to count.
        return n if analysed else None

    yield from section("Quotes", count(len(analysis.quotes)), quotes(analysis, inner))
    cited = [s for s in analysis.sources.sources if s.type != "this_article"]
    yield from section("Source chain", count(len(cited)), source_chain(analysis, inner))
    yield from section("Check-worthy claims", count(len(analysis.claims)),
                       claims(analysis, inner))
    check = analysis.headline_check
    yield from section("Headline check",
                       count(len(check.assertions) + len(check.unsupported_terms)),
                       headline_check(analysis, inner))
    yield from section("Loaded language", count(len(analysis.loaded_language.terms)),
                       loaded_language(analysis))
    yield from section("Entities", count(len(analysis.entities)), entities(analysis))


def section(title: str, count: int | None, body: RenderableType) -> Iterator[RenderableType]:
    yield Text()
    heading = Text(title, style="bold")
    if count is not None:
        heading.append(f"  {count}", style=DIM)
    yield Rule(heading, align="left", style="grey42")
    yield Padding(body, (0, 0, 0, 1))


def empty(message: str) -> Text:
    return Text(message, style=f"italic {DIM}")


def packed(items: Iterable[Text], width: int, separator: str = " · ",
           carry: bool = False) -> Text:
    """``items`` on as few lines as fit in ``width``, never breaking one across lines
    unless it is longer than a line. With ``carry``, a line that continues the previous
    one opens with the separator (an arrow of a chain must not get lost at a break)."""
    lines: list[Text] = []
    line = Text()
    for item in items:
        if line.cell_len and line.cell_len + len(separator) + item.cell_len > width:
            lines.append(line)
            line = Text(separator.lstrip(), style=DIM) if carry else Text()
        if line.cell_len and line.plain != separator.lstrip():
            line.append(separator, style=DIM)
        line.append_text(item)
    if line.cell_len:
        lines.append(line)
    return Text("\n").join(lines)


class Barred:
    """Text behind a coloured bar that runs down every line it wraps to."""

    def __init__(self, text: Text, style: str, indent: int = 0):
        self.text, self.style, self.indent = text, style, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent - 2, 12)
        for line in self.text.wrap(console, width):
            yield Text.assemble(" " * self.indent, ("▌ ", self.style), line)


# --- header ------------------------------------------------------------------------------


def header(analysis: Analysis, width: int) -> Panel:
    meta = analysis.article
    inner = width - 4  # the panel's borders and padding
    facts: list[Text] = [Text.assemble(("id ", DIM), meta.id)]
    language = meta.language + (f" ({meta.language_confidence:.0%})"
                                if meta.language_confidence is not None else "")
    facts += [Text(language), Text(f"{meta.word_count:,} words")]
    if meta.credit or meta.credited_source:
        credit = meta.credit.text if meta.credit else ""
        if meta.credited_source and meta.credited_source not in credit:
            credit = f"{credit} → {meta.credited_source}" if credit else meta.credited_source
        facts.append(Text.assemble(("credit ", DIM), credit))
    for key, value in (("site", meta.site_name), ("date", meta.date), ("url", meta.url),
                       ("origin", meta.origin)):
        if value:
            facts.append(Text.assemble((f"{key} ", DIM), value))
    parts: list[RenderableType] = [headline_text(analysis), packed(facts, inner),
                                   packed((Text(f, style="bold") for f in glance(analysis)),
                                          inner)]
    # What the analysis could not do changes how to read everything below: say it here.
    parts += [Text(f"⚠ {note}", style="yellow") for note in analysis.notes]
    return Panel(Group(*parts), title="recoupe dossier", title_align="left",
                 border_style="blue", box=box.ROUNDED, padding=(0, 1))


def headline_text(analysis: Analysis) -> Text:
    """The headline in bold, its unsupported terms underlined in red."""
    headline = analysis.article.headline or analysis.headline_check.headline
    if headline is None:
        return Text("(no headline found)", style=f"bold {DIM}")
    text = Text(headline.text, style="bold")
    for term in analysis.headline_check.unsupported_terms:
        start, end = term.start - headline.start, term.end - headline.start
        if 0 <= start < end <= len(headline.text):
            text.stylize("bold red underline", start, end)
    return text


# --- quotes -------------------------------------------------------------------------------


def quote_words(quote: Quote) -> Text:
    return Text(f"« {quote.text} »" if quote.kind == "direct" else quote.text)


def quote_detail(quote: Quote, name: str, budget: int, split: bool = False) -> Text:
    """The speaker's mention (when it is not the name), then the cue and the kind, in at
    most ``budget`` cells: on one line when they fit, else the mention is shortened, or
    with ``split`` goes on a line of its own."""
    tail = Text()
    if quote.cue:
        tail.append(quote.cue.text, style="italic")
        tail.append(" · ", style=DIM)
    tail.append(label(QUOTE_KINDS, quote.kind), style=DIM)
    mention = quote.speaker.text
    if not mention or mention == name:
        return tail
    quoted = f"“{' '.join(mention.split())}”"
    if len(quoted) + 2 + tail.cell_len <= budget:
        return Text.assemble((quoted, DIM), ("  ", ""), tail)
    if not split:
        room = max(budget - tail.cell_len - 4, 12)
        return Text.assemble((f"“{shorten(mention, room)}”", DIM), ("  ", ""), tail)
    return Text.assemble((f"“{shorten(mention, budget - 2)}”", DIM), ("\n", ""), tail)


def quotes(analysis: Analysis, width: int) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
    if not analysis.quotes:
        return empty("no quotes found")
    colors = speaker_colors(analysis.quotes)
    legend = packed((Text.assemble(("■ ", colors[name].term), (name, f"bold {colors[name].term}"),
                                   (f" ×{count}", DIM))
                     for name, count in speakers(analysis)), width, separator="   ")
    ordered = list(enumerate(quotes_in_order(analysis), 1))
    if width >= WIDE:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
        table.add_column("#", style=DIM, no_wrap=True, width=2)
        widest = max(max(len(speaker_name(q)), *(
            line.cell_len for line in
            quote_detail(q, speaker_name(q), SPEAKER_WIDTH, split=True).split("\n")))
            for _, q in ordered)
        speaker_width = min(SPEAKER_WIDTH, width // 3, widest)
        table.add_column("speaker", width=speaker_width, no_wrap=True, overflow="ellipsis")
        table.add_column("quote", ratio=1)
        for number, quote in ordered:
            name = speaker_name(quote)
            color = colors.get(name, UNKNOWN).term
            who = Text(shorten(name, speaker_width), style=f"bold {color}")
            who.append("\n")
            who.append_text(quote_detail(quote, name, speaker_width, split=True))
            table.add_row(str(number), who, Barred(quote_words(quote), color))
        return Group(legend, table)
    parts: list[RenderableType] = [legend]
    for number, quote in ordered:
        name = speaker_name(quote)
        color = colors.get(name, UNKNOWN).term
        head = Text(f"{number:>2} ", style=DIM)
        head.append(name, style=f"bold {color}")
        head.append("  ")
        head.append_text(quote_detail(quote, name, width - head.cell_len))
        parts += [head, Barred(quote_words(quote), color, indent=INDENT)]
    return Group(*parts)


# --- sources ------------------------------------------------------------------------------


def source_label(node: ChainNode, evidence_chars: int) -> Text:
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
    evidence = node.edge.evidence if node.edge is not None else None
    # Evidence that only repeats the source's name tells nothing more.
    if evidence is not None and _flat(evidence.text) != _flat(source.name):
        text.append(f"  “{shorten(evidence.text, evidence_chars)}”", style=f"italic {DIM}")
    if node.repeated:
        text.append("  (see above)", style=DIM)
    return text


def _flat(text: str) -> str:
    return " ".join(text.casefold().split())


def _grow(tree: Tree, node: ChainNode, evidence_chars: int) -> None:
    for child in node.children:
        _grow(tree.add(source_label(child, evidence_chars)), child, evidence_chars)


def source_chain(analysis: Analysis, width: int) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
    chain = analysis.sources
    if not chain.sources:
        return empty("no sources found")
    parts: list[RenderableType] = []
    for path in summary_lines(chain):
        parts.append(packed((Text(s.name, style="bold") for s in path), width,
                            separator=" ← ", carry=True))
    evidence_chars = 60 if width >= WIDE else 36
    for root in source_trees(chain):
        tree = Tree(source_label(root, evidence_chars), guide_style="grey42")
        _grow(tree, root, evidence_chars)
        parts.append(tree)
    for flag in chain.flags:
        line = Text("⚠ ", style="bold yellow")
        line.append(flag.kind.replace("_", " "), style="bold yellow")
        line.append(f"  {flag.message}")
        parts.append(line)
        # Evidence the message already quotes is not shown twice.
        shown = [e for e in flag.evidence if _flat(e.text) not in _flat(flag.message)]
        if shown:
            room = width - INDENT - 2
            quoted = packed((Text(f"“{shorten(e.text, room - 2)}”", style=f"italic {DIM}")
                             for e in shown), room)
            lines = [Text.assemble(("↳ " if i == 0 else "  ", DIM), line)
                     for i, line in enumerate(quoted.split("\n"))]
            parts.append(Padding(Text("\n").join(lines), (0, 0, 0, INDENT)))
    return Group(*parts)


# --- claims -------------------------------------------------------------------------------


def score_bar(score: float, width: int = 5) -> Text:
    filled = round(score * width)
    style = "red" if score >= 0.7 else "yellow" if score >= 0.4 else DIM
    return Text.assemble(("■" * filled, style), ("·" * (width - filled), DIM),
                         (f" {score:.2f}", ""))


def claim_text(claim, width: int) -> Text:
    """The claim on at most MAX_CLAIM_LINES lines of ``width``, then its hedges."""
    text = Text(shorten(claim.text, MAX_CLAIM_LINES * (width - 2)))
    if claim.hedges:
        text.append("\nhedges: " + ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges),
                    style=f"italic {DIM}")
    return text


def claims(analysis: Analysis, width: int) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
    if not analysis.claims:
        return empty("no check-worthy claims found")
    ranked = claims_by_score(analysis)
    shown = ranked[:MAX_CLAIMS]
    parts: list[RenderableType] = []
    if width >= WIDE:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
        table.add_column("score", no_wrap=True, width=10)
        table.add_column("type", no_wrap=True, width=10)
        table.add_column("claim", ratio=1)
        table.add_column("asserted by", width=ASSERTER_WIDTH)
        claim_width = width - 20 - ASSERTER_WIDTH - 3  # what the other columns leave
        for claim in shown:
            table.add_row(score_bar(claim.score), claim.type, claim_text(claim, claim_width),
                          Text(asserted_by_label(claim.asserted_by)))
        parts.append(table)
    else:
        for claim in shown:
            head = score_bar(claim.score)
            head.append(f"  {claim.type}", style="bold")
            head.append(" · by ", style=DIM)
            head.append(asserted_by_label(claim.asserted_by))
            parts += [head, Padding(claim_text(claim, width - INDENT), (0, 0, 0, INDENT))]
    if len(ranked) > MAX_CLAIMS:
        parts.append(empty(f"… and {len(ranked) - MAX_CLAIMS} more with lower scores"))
    return Group(*parts)


# --- headline check ---------------------------------------------------------------------


def assertion_lines(view: AssertionView, width: int) -> list[RenderableType]:
    assertion = view.assertion
    style = VERDICT_STYLES.get(assertion.verdict, "")
    head = Text(f"{VERDICT_SYMBOLS.get(assertion.verdict, '?')} "
                f"{label(VERDICTS, assertion.verdict)}", style=f"bold {style}")
    head.append(f"  {assertion.text}")
    below = Text()
    if assertion.explanation:
        below.append(assertion.explanation, style=DIM)
    for term in view.terms:
        below.append("\n" if below else "")
        below.append("unsupported ", style=DIM)
        below.append(term.text, style="bold red")
        below.append(f": {term.reason}", style=DIM)
    room = width - INDENT - 4
    if view.evidence_label and view.supports:
        for evidence in assertion.evidence:
            below.append("\n" if below else "")
            below.append(f"↳ “{shorten(evidence.text, room - 2)}”", style="italic")
    elif view.evidence_label:
        # The body's nearest sentence, not support: labelled so, and dimmed.
        below.append("\n" if below else "")
        below.append(f"{view.evidence_label}: ", style=DIM)
        below.append(" · ".join(f"“{shorten(e.text, room - len(view.evidence_label) - 2)}”"
                                for e in assertion.evidence), style=f"italic {DIM}")
    elif view.says_no_evidence:
        below.append("\n" if below else "")
        below.append("no evidence in the body", style=f"italic {DIM}")
    return [head, Padding(below, (0, 0, 0, INDENT))] if below else [head]


def headline_check(analysis: Analysis, width: int) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
    view = headline_view(analysis)
    parts: list[RenderableType] = []
    if not view.checked:
        # The header shows the headline; here only why it was not checked.
        parts.append(empty("the headline was not checked" if view.headline is not None
                           else "no headline found"))
    for assertion in view.assertions:
        parts += assertion_lines(assertion, width)
    if view.loose_terms:
        line = Text("unsupported terms: ", style="bold")
        for i, term in enumerate(view.loose_terms):
            line.append(("; " if i else "") + term.text, style="bold red")
            line.append(f" ({term.reason})", style=DIM)
        parts.append(line)
    for note in view.notes:
        parts.append(Text(note, style=f"italic {DIM}"))
    return Group(*parts)


# --- loaded language, entities -----------------------------------------------------------


def loaded_language(analysis: Analysis) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
    loaded = analysis.loaded_language
    if not loaded.terms:
        return empty(loaded.summary or "no loaded language found")
    parts: list[RenderableType] = []
    if loaded.summary:
        parts.append(Text(loaded.summary))
    rate = f"{loaded.per_1000_words:.1f} per 1,000 words"
    # The summary usually gives the counts and the rate already: then they are not repeated.
    if rate not in loaded.summary:
        counts = Text(" · ".join(f"{category} {count}"
                                 for category, count in loaded_counts(analysis)))
        counts.append(f"   ({rate})", style=DIM)
        parts.append(counts)
    by_category: dict[str, list[str]] = {}
    for term in sorted(loaded.terms, key=lambda t: t.start):
        words = by_category.setdefault(term.category, [])
        if term.text not in words:
            words.append(term.text)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=DIM, no_wrap=True)
    grid.add_column(style="magenta")
    for category, _ in loaded_counts(analysis):
        if category in by_category:
            grid.add_row(category, ", ".join(by_category[category]))
    parts.append(grid)
    return Group(*parts)


def entities(analysis: Analysis) -> RenderableType:
    if not is_analysed(analysis):
        return empty(NOT_ANALYSED)
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
