"""The source chain as an inline SVG: a small layered layout, no external library.

Information flows left to right, from where the story began (a call, a document, a
witness) to this article, as the edges say (``source → target``). Layers come from the
longest path; a source that starts a line is pulled right, next to whom it told; within
a layer, nodes are ordered by the barycentre of their neighbours to limit crossings.
Cycles, which a DAG should not have, are cut by drawing their closing edge below.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from recoupe.render.labels import ACCESS, SOURCE_TYPES, label, relation_label, shorten
from recoupe.schema import Source, SourceChain, SourceEdge

LINE_HEIGHT = 16
NODE_HEIGHT = 48  # with a one-line name; each further line adds LINE_HEIGHT
MAX_TITLE_LINES = 2
MIN_WIDTH, MAX_WIDTH = 120, 236
LAYER_GAP = 76
ROW_GAP = 18
PAD = 16
CHAR_WIDTH = 7.4  # mean width of a 13px sans-serif character, close enough for boxes
LABEL_CHARS = int((MAX_WIDTH - 24) / CHAR_WIDTH)
LOOP_DEPTH = 34

# fill, stroke, text, dashed — by source type
STYLES = {
    "this_article": ("#1b1f24", "#1b1f24", "#ffffff", False),
    "media_outlet": ("#e8effb", "#1d5fb8", "#102a4c", False),
    "news_agency": ("#e8effb", "#1d5fb8", "#102a4c", False),
    "named_person": ("#e4f4e9", "#1f7a3a", "#0f3a1c", False),
    "anonymous_person": ("#f1f3f5", "#5a5f66", "#24282d", True),
    "institution": ("#efe7fa", "#7140ad", "#32184f", False),
    "document": ("#fdf0dc", "#a34b00", "#4a2300", False),
    "recording": ("#fdf0dc", "#a34b00", "#4a2300", False),
}
DEFAULT_STYLE = ("#f1f3f5", "#5a5f66", "#24282d", False)


@dataclass
class Box:
    source: Source
    layer: int
    x: float = 0.0
    y: float = 0.0
    width: float = MIN_WIDTH
    height: float = NODE_HEIGHT
    lines: tuple[str, ...] = ()
    subtitle: str = ""

    @property
    def middle(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


def title_lines(name: str) -> tuple[str, ...]:
    """A source name wrapped into at most MAX_TITLE_LINES lines, the last one cut."""
    lines: list[str] = []
    words = name.split()
    while words and len(lines) < MAX_TITLE_LINES:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= LABEL_CHARS:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = lines[-1] + " " + " ".join(words)
    lines[-1] = shorten(lines[-1], LABEL_CHARS)
    return tuple(shorten(line, LABEL_CHARS) for line in lines) or ("?",)


@dataclass
class Layout:
    boxes: dict[str, Box]
    edges: list[SourceEdge]
    width: float
    height: float
    chain_bottom: float  # under the linked boxes; loops run below it
    loose_top: float | None = None  # where the row of unlinked sources starts


def _valid_edges(chain: SourceChain) -> list[SourceEdge]:
    ids = {s.id for s in chain.sources}
    seen, edges = set(), []
    for e in chain.edges:
        key = (e.source, e.target)
        if e.source in ids and e.target in ids and e.source != e.target and key not in seen:
            seen.add(key)
            edges.append(e)
    return edges


def _acyclic(order: list[str], edges: list[SourceEdge]) -> list[tuple[str, str]]:
    """The edges as (from, to) pairs, minus those that close a cycle (found by DFS)."""
    out: dict[str, list[str]] = {i: [] for i in order}
    for e in edges:
        out[e.source].append(e.target)
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    kept: list[tuple[str, str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in out[node]:
            if state.get(nxt) == 1:
                continue  # a back edge: drop it from layering
            kept.append((node, nxt))
            if nxt not in state:
                visit(nxt)
        state[node] = 2

    for node in order:
        if node not in state:
            visit(node)
    return kept


def _layers(order: list[str], pairs: list[tuple[str, str]],
            types: dict[str, str]) -> dict[str, int]:
    preds: dict[str, list[str]] = {i: [] for i in order}
    succs: dict[str, list[str]] = {i: [] for i in order}
    for a, b in pairs:
        preds[b].append(a)
        succs[a].append(b)
    layer: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in layer:
            layer[node] = 0  # guards against a cycle the DFS could have missed
            layer[node] = max((depth(p) + 1 for p in preds[node]), default=0)
        return layer[node]

    for node in order:
        depth(node)
    # A line's first source sits just before whom it told, not at the far left.
    for node in order:
        if not preds[node] and succs[node]:
            layer[node] = max(0, min(layer[s] for s in succs[node]) - 1)
    last = max(layer.values(), default=0)
    for node in order:
        if types[node] == "this_article" and (preds[node] or succs[node]):
            layer[node] = last
    return layer


def _order(columns: list[list[str]], pairs: list[tuple[str, str]]) -> None:
    """Barycentre sweeps, in place: each node near the mean row of its neighbours."""
    preds: dict[str, list[str]] = {}
    succs: dict[str, list[str]] = {}
    for a, b in pairs:
        succs.setdefault(a, []).append(b)
        preds.setdefault(b, []).append(a)

    def row_of() -> dict[str, float]:
        return {n: i for col in columns for i, n in enumerate(col)}

    for _ in range(4):
        for sweep, neighbours in ((range(1, len(columns)), preds),
                                  (range(len(columns) - 2, -1, -1), succs)):
            for c in sweep:
                rows = row_of()

                def key(node: str) -> float:
                    near = [rows[n] for n in neighbours.get(node, []) if n in rows]
                    return sum(near) / len(near) if near else rows[node]

                columns[c].sort(key=key)


def layout(chain: SourceChain) -> Layout:
    edges = _valid_edges(chain)
    order = [s.id for s in chain.sources]
    by_id = {s.id: s for s in chain.sources}
    linked = {e.source for e in edges} | {e.target for e in edges}
    # This article passes nothing on: an edge out of it is a mistake that would close a
    # cycle, so it is left out of the layering (and drawn as a loop).
    forward = [e for e in edges if by_id[e.source].type != "this_article"]
    has_incoming = {e.target for e in forward}
    pairs = _acyclic(sorted(order, key=lambda i: i in has_incoming), forward)
    layer = _layers(order, pairs, {i: by_id[i].type for i in order})

    columns: list[list[str]] = []
    for node in order:
        if node in linked:
            while len(columns) <= layer[node]:
                columns.append([])
            columns[layer[node]].append(node)
    columns = [c for c in columns if c]
    _order(columns, pairs)
    # Sources no edge touches get a row of their own, under the chain.
    loose = [n for n in order if n not in linked]

    boxes: dict[str, Box] = {}
    for node in order:
        source = by_id[node]
        lines = title_lines(source.name)
        subtitle = label(SOURCE_TYPES, source.type)
        if subtitle.casefold() == source.name.casefold():
            subtitle = ""
        if source.access != "unknown" and source.type != "this_article":
            subtitle += " · " + label(ACCESS, source.access)
        text_width = max(*map(len, lines), len(subtitle) * 0.85) * CHAR_WIDTH + 24
        boxes[node] = Box(source, layer.get(node, 0), lines=lines, subtitle=subtitle,
                          width=min(MAX_WIDTH, max(MIN_WIDTH, text_width)))
    # One height for all boxes, so that rows line up.
    height = NODE_HEIGHT + LINE_HEIGHT * (max(len(b.lines) for b in boxes.values()) - 1)
    for box in boxes.values():
        box.height = height

    heights = [len(c) * height + (len(c) - 1) * ROW_GAP for c in columns]
    chain_height = max(heights, default=0)
    # Edges that do not point to a later column are drawn as loops under the chain.
    has_loops = any(layer[e.target] <= layer[e.source] for e in edges)
    x = PAD
    for column, column_height in zip(columns, heights):
        width = max(boxes[n].width for n in column)
        y = PAD + (chain_height - column_height) / 2
        for node in column:
            box = boxes[node]
            box.x, box.y, box.width = x, y, width
            y += height + ROW_GAP
        x += width + LAYER_GAP
    chain_right = x - LAYER_GAP if columns else PAD
    chain_bottom = PAD + chain_height
    y = chain_bottom + (LOOP_DEPTH + ROW_GAP if has_loops else 0)
    if columns and loose:
        y += ROW_GAP * 2  # room for the row's caption
    x = PAD
    for node in loose:
        box = boxes[node]
        box.x, box.y = x, y
        x += box.width + ROW_GAP
    loose_right = x - ROW_GAP if loose else PAD
    bottom = y + height if loose else chain_bottom + (LOOP_DEPTH if has_loops else 0)
    return Layout(boxes, edges, max(chain_right, loose_right) + PAD, bottom + PAD,
                  chain_bottom, y if columns and loose else None)


def _edge_path(a: Box, b: Box, chain_bottom: float, crowded: str = ""
               ) -> tuple[str, float, float, str]:
    """SVG path from ``a`` to ``b``, and where its label goes (x, y, text-anchor).

    Edges that meet at their target (``crowded == "target"``) are labelled at their
    start, where they are still apart; edges that fan out from one source, at their end.
    """
    if b.x >= a.x + a.width:
        x1, y1, x2, y2 = a.x + a.width, a.middle, b.x - 2, b.middle
        bend = (x2 - x1) / 2
        path = f"M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} " \
               f"{x2:.1f},{y2:.1f}"
        if crowded == "target":
            return path, x1 + 5, y1 - 5, "start"
        if crowded == "source":
            return path, x2 - 9, y2 - 5, "end"
        return path, (x1 + x2) / 2, (y1 + y2) / 2 - 6, "middle"
    # Backwards or within a column: loop under the boxes.
    x1, y1 = a.x + a.width / 2, a.bottom
    x2, y2 = b.x + b.width / 2, b.bottom + 2
    low = chain_bottom + LOOP_DEPTH - 6
    path = f"M{x1:.1f},{y1:.1f} C{x1:.1f},{low:.1f} {x2:.1f},{low:.1f} {x2:.1f},{y2:.1f}"
    return path, (x1 + x2) / 2, low - 4, "middle"


def source_graph_svg(chain: SourceChain, anchors: dict[str, str] | None = None,
                     id_prefix: str = "rc", lang: str | None = None) -> Markup:
    """The chain as an ``<svg>`` element; ``anchors`` maps source ids to page anchors.

    With ``lang``, the names taken from the article are marked as in that language
    (the rest of the graph, types and relations, is the interface's English)."""
    if not chain.sources:
        return Markup("")
    anchors = anchors or {}
    plan = layout(chain)
    marker = f"{id_prefix}-arrow"
    parts = [
        f'<svg class="source-graph" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {plan.width:.0f} {plan.height:.0f}" width="{plan.width:.0f}" '
        f'height="{plan.height:.0f}" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
        "<title>Source chain: arrows follow the information towards this article</title>",
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
    ]
    fan_in = Counter(e.target for e in plan.edges)
    fan_out = Counter(e.source for e in plan.edges)
    for edge in plan.edges:
        a, b = plan.boxes[edge.source], plan.boxes[edge.target]
        crowded = ("target" if fan_in[edge.target] > 1
                   else "source" if fan_out[edge.source] > 1 else "")
        path, lx, ly, text_anchor = _edge_path(a, b, plan.chain_bottom, crowded)
        tip = f"{a.source.name} → {b.source.name} ({relation_label(edge.relation)})"
        if edge.evidence is not None:
            tip += f": “{shorten(edge.evidence.text, 120)}”"
        parts.append(f'<g class="edge"><title>{escape(tip)}</title>'
                     f'<path d="{path}" fill="none" stroke="#6b7280" stroke-width="1.6" '
                     f'marker-end="url(#{marker})"/>')
        if edge.relation != "relayed_by":
            parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{text_anchor}" '
                         'font-size="11" fill="#4b5563" stroke="#ffffff" stroke-width="3" '
                         f'paint-order="stroke">{escape(relation_label(edge.relation))}</text>')
        parts.append("</g>")
    if plan.loose_top is not None:
        parts.append(f'<text x="{PAD}" y="{plan.loose_top - 8:.1f}" font-size="11" '
                     'fill="#4b5563">Not linked to the chain:</text>')
    for box in plan.boxes.values():
        fill, stroke, ink, dashed = STYLES.get(box.source.type, DEFAULT_STYLE)
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        tip = f"{box.source.name} — {label(SOURCE_TYPES, box.source.type)}, " \
              f"{label(ACCESS, box.source.access)}"
        if box.source.quotes:
            tip += f", {len(box.source.quotes)} quote(s)"
        cx = box.x + box.width / 2
        # Text block (name lines, then the type line) centred vertically in the box.
        block = LINE_HEIGHT * len(box.lines) + (14 if box.subtitle else 0)
        baseline = box.y + (box.height - block) / 2 + 12
        node = (
            f'<g class="node" data-source="{escape(box.source.id)}">'
            f"<title>{escape(tip)}</title>"
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
            f'height="{box.height:.0f}" rx="7" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="1.5"{dash}/>'
        )
        name_lang = (f' lang="{escape(lang)}"'
                     if lang and box.source.type != "this_article" else "")
        for line in box.lines:
            node += (f'<text x="{cx:.1f}" y="{baseline:.1f}" text-anchor="middle" '
                     f'font-size="13" font-weight="600" fill="{ink}"{name_lang}>'
                     f'{escape(line)}</text>')
            baseline += LINE_HEIGHT
        if box.subtitle:
            node += (f'<text x="{cx:.1f}" y="{baseline + 1:.1f}" text-anchor="middle" '
                     f'font-size="11" fill="{ink}" opacity="0.8">{escape(box.subtitle)}</text>')
        node += "</g>"
        anchor = anchors.get(box.source.id)
        if anchor:
            node = f'<a href="#{escape(anchor)}">{node}</a>'
        parts.append(node)
    parts.append("</svg>")
    return Markup("".join(parts))
