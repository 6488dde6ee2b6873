"""What a fact-checker looks for in a source chain: anonymous sources, a single source
behind the central claim, material of unknown origin, circular relaying, and stories
that reach the reader at third hand or further."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe import schema
from recoupe.factcheck.attribution import attributions
from recoupe.pipeline.extensions import make_span

# Edges that join a speaker to the material that carries their words: one piece of
# evidence, not two sources.
SAME_EVIDENCE = frozenset({"recorded_in", "issued"})
RELAYS = frozenset({"relayed_by", "told", "quoted_by", "cited_by", "published_in"})
LONG_CHAIN = 3


def chain_flags(doc: Doc, chain: schema.SourceChain, opaque: dict[str, set[str]]
                ) -> list[schema.Flag]:
    graph = Graph(chain)
    found: list[schema.Flag] = []
    found += anonymous_sources(doc, graph)
    found += unknown_origins(graph, opaque)
    found += single_source(doc, graph)
    found += circular_relaying(graph)
    found += relay_chains(graph)
    return found


class Graph:
    def __init__(self, chain: schema.SourceChain):
        self.chain = chain
        self.by_id = {s.id: s for s in chain.sources}
        self.incoming: dict[str, list[schema.SourceEdge]] = {}
        self.outgoing: dict[str, list[schema.SourceEdge]] = {}
        for edge in chain.edges:
            self.incoming.setdefault(edge.target, []).append(edge)
            self.outgoing.setdefault(edge.source, []).append(edge)
        self.unit = self._units()

    def _units(self) -> dict[str, str]:
        """Union-find over speaker–material edges: the soldier, his mother and the call
        they are recorded in are one piece of evidence."""
        parent = {s.id: s.id for s in self.chain.sources}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for edge in self.chain.edges:
            if edge.relation in SAME_EVIDENCE:
                parent[find(edge.source)] = find(edge.target)
        return {s: find(s) for s in parent}

    def origins(self, source_id: str) -> set[str]:
        """The independent pieces of evidence upstream of a source (itself included
        when nothing reached it)."""
        seen, stack, roots = set(), [source_id], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            upstream = [e.source for e in self.incoming.get(current, ())
                        if e.relation in RELAYS]
            if not upstream:
                roots.add(self.unit[current])
            stack.extend(upstream)
        return roots

    def unit_name(self, unit: str) -> str:
        """The material of a unit when there is one ("un appel intercepté")."""
        members = [s for s in self.chain.sources if self.unit[s.id] == unit]
        material = [s for s in members if s.type in {"recording", "document"}]
        return (material or members)[0].name

    def weak(self, unit: str) -> bool:
        """An anonymous person, or a recording, in the unit."""
        return any(s.type in {"anonymous_person", "recording"}
                   for s in self.chain.sources if self.unit[s.id] == unit)

    def speakers_in(self, unit: str) -> list[schema.Source]:
        """The people whose words a recording or document of the unit carries."""
        return [self.by_id[e.source] for e in self.chain.edges
                if e.relation == "recorded_in" and self.unit[e.source] == unit]


def anonymous_sources(doc: Doc, graph: Graph) -> list[schema.Flag]:
    spoken = {a.source for a in attributions(doc) if a.how != "framing"}
    flags = []
    for source in graph.chain.sources:
        if source.type != "anonymous_person" or source.id not in spoken:
            continue
        said = f", quoted {len(source.quotes)} times" if len(source.quotes) > 1 else ""
        flags.append(schema.Flag(
            kind="anonymous_source",
            message=f"“{source.name}” is not named: nothing lets a reader check who this "
                    f"is{said}.",
            evidence=source.mentions[:3]))
    return flags


def unknown_origins(graph: Graph, opaque: dict[str, set[str]]) -> list[schema.Flag]:
    flags = []
    for source in graph.chain.sources:
        if source.type not in {"recording", "document"}:
            continue
        authors = [e for e in graph.incoming.get(source.id, ()) if e.relation == "issued"]
        hidden = sorted(opaque.get(source.id, ()))
        if authors and not hidden:
            continue
        if source.type == "document" and not hidden:
            continue  # "le texte", "les sondages": unsigned, but nothing says it is hidden
        relays = [graph.by_id[e.target].name for e in graph.outgoing.get(source.id, ())
                  if e.relation == "relayed_by" and graph.by_id[e.target].type != "this_article"]
        what = "recording" if source.type == "recording" else "document"
        how = f" ({', '.join(hidden)})" if hidden else ""
        via = f"; it reaches the article through {', '.join(relays)}" if relays else ""
        flags.append(schema.Flag(
            kind="unknown_origin",
            message=f"A {what} of unknown origin: “{source.name}”{how}. Who made it, and "
                    f"how it was obtained, is not said{via}.",
            evidence=source.mentions[:2]))
    return flags


def central_sentences(doc: Doc) -> list[tuple[int, int]]:
    """The headline and the lead: where an article states its central claim."""
    spans = []
    headline = doc._.headline
    if headline is not None:
        spans.append((headline.start, headline.end))
    body_start = headline.end if headline is not None else 0
    for sent in doc.sents:
        if sent.start_char >= body_start and sum(t.is_alpha for t in sent) >= 6:
            spans.append((sent.start_char, sent.end_char))
            break
    return spans


def single_source(doc: Doc, graph: Graph) -> list[schema.Flag]:
    central = central_sentences(doc)
    attributed = [a for a in attributions(doc)
                  if any(a.start < e and s < a.end for s, e in central)]
    scope = "The central claim (headline and lead)"
    lead_unattributed = not attributed
    if lead_unattributed:
        attributed = list(attributions(doc))
        scope = "Everything the article attributes"
    origins: set[str] = set()
    for attribution in attributed:
        origins |= graph.origins(attribution.source)
    origins.discard(graph.unit.get("s0", "s0"))
    if len(origins) != 1:
        return []
    unit = next(iter(origins))
    if lead_unattributed and not graph.weak(unit):
        return []  # one named official quoted below a lead in the reporter's voice
    speakers = [s.name for s in graph.speakers_in(unit)]
    who = f" (the words of {', '.join(speakers)})" if speakers else ""
    evidence = [make_span(doc, s, e) for s, e in central[1:2]]
    evidence += graph.by_id[unit].mentions[:1]
    return [schema.Flag(
        kind="single_source",
        message=f"{scope} rests on a single source: “{graph.unit_name(unit)}”{who}.",
        evidence=evidence)]


def circular_relaying(graph: Graph) -> list[schema.Flag]:
    """Cycles: an outlet that relays a source which itself relays that outlet."""
    flags, reported = [], set()
    colour: dict[str, int] = {}
    path: list[schema.SourceEdge] = []

    def visit(node: str) -> None:
        colour[node] = 1
        for edge in graph.outgoing.get(node, ()):
            if colour.get(edge.target) == 1:
                cycle = path[[e.source for e in path].index(edge.target):] + [edge] \
                    if edge.target in [e.source for e in path] else [edge]
                members = frozenset(e.source for e in cycle)
                if members not in reported:
                    reported.add(members)
                    names = " → ".join(graph.by_id[e.source].name for e in cycle)
                    flags.append(schema.Flag(
                        kind="circular_relaying",
                        message=f"Circular relaying: {names} → "
                                f"{graph.by_id[cycle[0].source].name}.",
                        evidence=[e.evidence for e in cycle if e.evidence is not None]))
            elif colour.get(edge.target) is None:
                path.append(edge)
                visit(edge.target)
                path.pop()
        colour[node] = 2

    for source in graph.chain.sources:
        if source.id not in colour:
            visit(source.id)
    return flags


def relay_chains(graph: Graph) -> list[schema.Flag]:
    """The longest line of relays into this article, when it is third-hand or more."""
    best: list[schema.SourceEdge] = []

    def longest(node: str, seen: frozenset) -> list[schema.SourceEdge]:
        top: list[schema.SourceEdge] = []
        for edge in graph.incoming.get(node, ()):
            if edge.source in seen or edge.relation not in RELAYS | {"recorded_in"}:
                continue
            line = longest(edge.source, seen | {edge.source}) + [edge]
            if len(line) > len(top):
                top = line
        return top

    article = next((s for s in graph.chain.sources if s.type == "this_article"), None)
    if article is None:
        return []
    best = longest(article.id, frozenset({article.id}))
    # A speaker inside a recording is not a relay: count from the material.
    hops = [e for e in best if e.relation != "recorded_in"]
    if len(hops) < LONG_CHAIN:
        return []
    names = [graph.by_id[hops[0].source].name] + [graph.by_id[e.target].name for e in hops]
    return [schema.Flag(
        kind="relay_chain",
        message=f"{len(hops) - 1} intermediaries stand between the origin and this "
                f"article: {' → '.join(names)}.",
        evidence=[e.evidence for e in hops if e.evidence is not None])]
