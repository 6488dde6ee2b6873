"""The source chain read backwards, from this article towards where the story began.

Edges go ``source → target`` (the source passed the information on to the target). A
reader asks the opposite question — "where does this come from?" — so the tree starts
at this article (or at whatever received information without passing it on) and each
node's children are the sources it got the information from. The graph is a DAG in
principle; a node reached twice, or a cycle, is shown once and then referred to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.schema import Source, SourceChain, SourceEdge


@dataclass
class ChainNode:
    source: Source
    # The edge by which this node passed the information to its parent (None at a root).
    edge: SourceEdge | None = None
    children: list[ChainNode] = field(default_factory=list)
    # Already shown elsewhere in the tree: listed, not expanded again.
    repeated: bool = False


def _index(chain: SourceChain) -> tuple[dict[str, Source], list[SourceEdge]]:
    by_id = {s.id: s for s in chain.sources}
    edges = [e for e in chain.edges
             if e.source in by_id and e.target in by_id and e.source != e.target]
    return by_id, edges


def roots(chain: SourceChain) -> list[Source]:
    """Where the reading starts: this article, else every source that only receives."""
    by_id, edges = _index(chain)
    articles = [s for s in chain.sources if s.type == "this_article"]
    if articles:
        return articles
    senders = {e.source for e in edges}
    receivers = {e.target for e in edges}
    return [by_id[i] for i in by_id if i in receivers and i not in senders]


def source_trees(chain: SourceChain) -> list[ChainNode]:
    """Every source exactly once expanded: trees from the roots, then whatever is left."""
    by_id, edges = _index(chain)
    incoming: dict[str, list[SourceEdge]] = {}
    for edge in edges:
        incoming.setdefault(edge.target, []).append(edge)
    seen: set[str] = set()

    def grow(source: Source, edge: SourceEdge | None) -> ChainNode:
        if source.id in seen:
            return ChainNode(source, edge, repeated=True)
        seen.add(source.id)
        node = ChainNode(source, edge)
        for inner in incoming.get(source.id, []):
            node.children.append(grow(by_id[inner.source], inner))
        return node

    trees = [grow(root, None) for root in roots(chain)]
    # Sources unreachable from a root (unlinked, or in a cycle with no exit) still show.
    for source in chain.sources:
        if source.id not in seen:
            trees.append(grow(source, None))
    return trees


def longest_path(node: ChainNode) -> list[Source]:
    """The longest line from ``node`` back to an origin, for a one-line summary."""
    best: list[Source] = []
    for child in node.children:
        if child.repeated:
            continue
        path = longest_path(child)
        if len(path) > len(best):
            best = path
    return [node.source, *best]


def summary_lines(chain: SourceChain) -> list[list[Source]]:
    """One line per tree that has depth: e.g. this article ← outlet ← network ← call."""
    return [path for tree in source_trees(chain)
            if len(path := longest_path(tree)) > 1]
