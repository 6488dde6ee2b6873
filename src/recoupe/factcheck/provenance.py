"""The source chain: every source an article relies on, who relayed what to whom, and
what a fact-checker should worry about.

Edges go ``source → target``: the source passed information on to the target. The
relations are

    relayed_by     shared, published, reported or credited ("partagé par CNN",
                   "Source : Express.co.uk", "Erin Burnett de CNN")
    told           a statement given to an outlet ("a déclaré à Reuters")
    recorded_in    a speaker whose words are in a recording ("un appel entre un soldat
                   et sa mère")
    issued         an author and its document ("un communiqué du ministère")
    published_in   a document and where it appeared ("une étude publiée dans Nature")
    quoted_by      a speaker the article (or the outlet it credits) quotes, with no
                   intermediary named
    cited_by       a source the article (or the outlet it credits) leans on ("selon X")
                   with no intermediary named

Every source with no named intermediary reaches "this article" through the outlet
the article credits, when it credits one: a translated or republished story relays
everything it says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from recoupe import schema
from recoupe.factcheck.attribution import Attribution, set_attributions
from recoupe.factcheck.chainflags import RELAYS, chain_flags
from recoupe.factcheck.lexicons import outlets
from recoupe.factcheck.mentions import (DOCUMENT_NOUNS, INSTITUTION_NOUNS,
                                        OF, PERSON_NOUNS, RECORDING_NOUNS, WITNESS_NOUNS,
                                        SourceMention, key_text, describe)
from recoupe.factcheck.outlets import outlet_index
from recoupe.factcheck.vocabulary import REPORTING_VERBS
from recoupe.factcheck.words import key as lemma_key
from recoupe.pipeline.entities import NAME_PARTICLES, fold
from recoupe.pipeline.extensions import make_span

MAX_NAME_WORDS = 6
# Participles whose agent got the material from what they modify ("partagé par CNN").
SHARE_VERBS = frozenset("""
    partager publier diffuser révéler obtenir consulter relayer reprendre rapporter citer
    dévoiler divulguer transmettre fournir communiquer authentifier vérifier analyser
    examiner intercepter enregistrer filmer mettre_en_ligne poster
""".split())
# Verbs of speaking to someone: "a déclaré à Reuters", "a confié au Monde".
TOLD_VERBS = frozenset("""
    déclarer dire confier affirmer expliquer indiquer préciser raconter assurer confirmer
    annoncer révéler répondre témoigner parler
""".split())
# Verbs by which a thing shows or signals something ("l'appel signale une tendance").
READING_VERBS = frozenset("""
    signaler montrer illustrer refléter traduire témoigner démontrer prouver souligner
    suggérer symboliser trahir attester confirmer marquer indiquer
""".split())
# Participles that hide where a recording or a document came from.
OPAQUE_ORIGIN = frozenset("intercepter divulguer fuiter obtenir consulter".split())
# Participles by which someone authors a document ("rédigé par les organisateurs").
ISSUE_VERBS = frozenset("""
    rédiger signer émettre produire réaliser mener conduire établir commander publier
    diffuser
""".split())
# Who hears a public statement: "a déclaré aux journalistes".
AUDIENCE_NOUNS = frozenset("journaliste presse média téléspectateur auditeur lecteur "
                           "public caméra micro".split())
# What someone passes on: "rapporte les accusations du conseiller".
SPEECH_NOUNS = frozenset("""
    accusation propos déclaration information révélation témoignage affirmation
    allégation annonce confidence aveu parole
""".split())


@dataclass
class Node:
    id: str
    name: str
    type: str
    key: tuple
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    cluster: str | None = None
    witness: bool = False  # speaks from what they lived or saw
    public: bool = False  # spoke to the press, on air, in public
    opaque: set[str] = field(default_factory=set)  # "intercepté", "divulgué"
    credited: bool = False


@dataclass
class Edge:
    source: str
    target: str
    relation: str
    evidence: tuple[int, int] | None


class ChainBuilder:
    """Collects sources and edges from one parsed article."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.nodes: list[Node] = []
        self.by_key: dict[tuple, Node] = {}
        self.edges: list[Edge] = []
        self.attributions: list[Attribution] = []
        self.article = self._new("this article", "this_article", ("this_article",))
        self.sentence_of = {}
        self._told: list[tuple[Token, Node, tuple[int, int]]] = []

    # --- nodes and edges -----------------------------------------------------------

    def _new(self, name: str, kind: str, key: tuple, cluster: str | None = None) -> Node:
        node = Node(f"n{len(self.nodes)}", name, kind, key, cluster=cluster)
        self.nodes.append(node)
        self.by_key[key] = node
        return node

    def node(self, mention: SourceMention) -> Node:
        node = self.by_key.get(mention.key)
        if node is None:
            node = self._new(mention.name, mention.type, mention.key, mention.cluster)
        elif node.type in {"recording", "document"} and \
                len(node.name.split()) < len(mention.name.split()) <= MAX_NAME_WORDS:
            node.name = mention.name  # "un appel téléphonique intercepté" says more
        if (mention.start, mention.end) in node.mentions:
            return node
        node.mentions.append((mention.start, mention.end))
        if mention.head is not None:
            self._describe_material(node, self.doc[mention.head])
        if mention.head is not None and self.doc[mention.head].lemma_.lower() in WITNESS_NOUNS:
            node.witness = True
        if mention.head is not None and node.type in {"named_person", "anonymous_person"}:
            self._affiliation(node, mention)
        return node

    def node_at(self, token: Token | None) -> Node | None:
        if token is None:
            return None
        mention = describe(token)
        return self.node(mention) if mention is not None else None

    def edge(self, source: Node, target: Node, relation: str,
             evidence: tuple[int, int] | None) -> None:
        if source is target:
            return
        for existing in self.edges:
            if (existing.source, existing.target) == (source.id, target.id):
                return
        self.edges.append(Edge(source.id, target.id, relation, evidence))

    def attribute(self, start: int, end: int, node: Node, quote: str | None,
                  how: str) -> None:
        self.attributions.append(Attribution(start, end, node.id, quote, how))

    # --- what a document or a recording carries with it ------------------------------

    def _describe_material(self, node: Node, head: Token) -> None:
        """Participants of a recording, the author of a document, where it was
        published, and the participles that hide its origin."""
        if node.type not in {"recording", "document"}:
            return
        for token in head.subtree:
            lemma = lemma_key(token)
            if token.pos_ == "VERB" and lemma in OPAQUE_ORIGIN and token.head.i == head.i:
                node.opaque.add(token.text)
            case = {c.lower_ for c in token.children if c.dep_ == "case"}
            if token.i != head.i and case & {"entre", "avec"} and token.head.i in {
                    head.i, *[c.i for c in head.children]}:
                for participant in [token, *_coordinated(token)]:
                    speaker = self.node_at(participant)
                    if speaker is not None and speaker is not node:
                        self.edge(speaker, node, "recorded_in",
                                  speaker.mentions[-1] if speaker.mentions else None)
        for child in head.children:
            case = {c.lower_ for c in child.children if c.dep_ == "case"}
            if child.pos_ == "PROPN" and not case and node.type == "document":
                # "un sondage Ifop-Fiducial": the name is the author.
                author = describe(child)
                if author is not None and author.type != "document":
                    self.edge(self.node(author), node, "issued", (author.start, author.end))
                    continue
            if child.dep_ == "nmod" and case & OF:
                author = describe(child)
                if author is not None and author.type in {"institution", "named_person",
                                                          "media_outlet", "news_agency"}:
                    self.edge(self.node(author), node, "issued", (author.start, author.end))
            if child.dep_ == "nmod" and case & {"dans"}:
                # "une étude publiée dans Nature", the journal hung on the noun
                other = describe(child)
                if other is not None and other.type in {"media_outlet", "news_agency"}:
                    self.edge(node, self.node(other), "published_in",
                              (head.idx, other.end))
            if child.dep_ == "acl" and lemma_key(child) in ISSUE_VERBS | {"paraitre"}:
                for grandchild in child.children:
                    gcase = {c.lower_ for c in grandchild.children if c.dep_ == "case"}
                    other = describe(grandchild) if grandchild.pos_ in {"NOUN", "PROPN"} else None
                    if other is None:
                        continue
                    if grandchild.dep_ == "obl:agent":
                        if other.type in {"media_outlet", "news_agency"} and \
                                _is_verb(child, _FOLDED_SHARE):
                            continue  # "diffusées par la télévision": a relay, not an author
                        self.edge(self.node(other), node, "issued", (other.start, other.end))
                    elif gcase & {"dans", "par"} and other.type in {"media_outlet",
                                                                    "news_agency"}:
                        self.edge(node, self.node(other), "published_in",
                                  (child.idx, other.end))

    def _affiliation(self, node: Node, mention: SourceMention) -> None:
        """"Erin Burnett de CNN": the person's words reach us through the outlet; "une
        source judiciaire à l'AFP": the person told the outlet."""
        head = self.doc[mention.head]
        for child in head.children:
            if child.dep_ not in {"nmod", "appos"}:
                continue
            outlet = next((o for o in outlet_index(self.doc)
                           if o.start <= child.idx < o.end), None)
            if outlet is None:
                continue
            cases = {c.lower_ for c in child.children if c.dep_ == "case"}
            target = self._outlet_node(outlet.outlet.name, (outlet.start, outlet.end))
            relation = "relayed_by" if cases & OF else "told"
            self.edge(node, target, relation, (mention.start, outlet.end))

    def _outlet_node(self, name: str, span: tuple[int, int] | None) -> Node:
        known = outlets().get(name)
        canonical = known.name if known else name
        kind = known.type if known else "media_outlet"
        key = ("outlet", canonical)
        node = self.by_key.get(key) or self._new(canonical, kind, key)
        if span and span not in node.mentions:
            node.mentions.append(span)
        return node

    # --- the patterns -----------------------------------------------------------------

    def build(self) -> schema.SourceChain:
        doc = self.doc
        self._credit()
        for sent in doc.sents:
            span = (sent.start_char, sent.end_char)
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = span
        for token in doc:
            self._according_to(token)
            self._reporting_subject(token)
            self._shared_by(token)
            self._told_to(token)
        self._quotes()
        self._resolve_told()
        self._connect_to_article()
        self._names_from_quotes()
        return self._to_schema()

    def _credit(self) -> None:
        doc = self.doc
        if not doc._.credited_source:
            return
        credit = doc._.credit
        span = (credit.start, credit.end) if credit is not None else None
        node = self._outlet_node(doc._.credited_source, span)
        node.credited = True
        self.edge(node, self.article, "relayed_by", span)

    def _according_to(self, token: Token) -> None:
        """"selon X", "d'après X", "à en croire X", "de source X"."""
        lower = token.lower_
        if lower == "selon" or (lower in {"d'", "d’"} and token.i + 1 < len(token.doc)
                                and token.doc[token.i + 1].lower_ == "après"):
            target = _object_after(token)
        elif lower == "croire" and token.i >= 2 and token.doc[token.i - 1].lower_ == "en":
            target = _object_after(token)
        else:
            return
        node = self.node_at(target)
        if node is None:
            return
        sentence = self.sentence_of.get(token.i, (token.idx, token.idx))
        self.attribute(*sentence, node, None, "according_to")

    def _reporting_subject(self, token: Token) -> None:
        """"Un appel … révèle que …", "Le quotidien The Guardian rapporte …"; "Le récent
        appel … signale une tendance …" is the journalist's reading of the call."""
        if token.pos_ not in {"VERB", "NOUN"}:
            return
        lemma = lemma_key(token)
        if lemma not in _FOLDED_REPORT_OR_READING:
            return
        if token.dep_ == "acl" or ("Part" in token.morph.get("VerbForm") and not any(
                c.dep_.startswith("aux") for c in token.children)):
            return  # "l'homme, annoncé comme un déséquilibré": described, not speaking
        children = list(token.children)
        if not any(c.dep_ in {"ccomp", "obj", "xcomp", "parataxis"} for c in children):
            return
        subject = next((c for c in children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subject is None or subject.pos_ == "PRON" or self._quoted(subject):
            return
        node = self.node_at(subject)
        if node is None:
            return
        # What a recording "signals" or "shows" is someone's reading of it: the
        # journalist's, unless the article says whose (a quote, "selon X").
        reading = node.type == "recording" and lemma in _FOLDED_READING
        if lemma not in _FOLDED_REPORT and not reading:
            return
        sentence = self.sentence_of.get(token.i, (token.idx, token.idx))
        self.attribute(*sentence, node, None, "framing" if reading else "reported")
        # "rapporte les accusations du conseiller": the accuser told the outlet.
        for obj in (c for c in children if c.dep_ == "obj"):
            if obj.lemma_.lower() not in SPEECH_NOUNS:
                continue
            for nmod in (c for c in obj.children if c.dep_ == "nmod"):
                speaker = self.node_at(nmod)
                if speaker is not None:
                    self.edge(speaker, node, "relayed_by", (obj.idx, nmod.idx + len(nmod.text)))
        # "rappeler dans un communiqué que …": the subject issued the document.
        for obl in (c for c in children if c.dep_.startswith("obl")):
            if obl.lemma_.lower() in DOCUMENT_NOUNS and any(
                    c.lower_ == "dans" for c in obl.children if c.dep_ == "case"):
                document = self.node_at(obl)
                if document is not None:
                    self.edge(node, document, "issued", (obl.idx, obl.idx + len(obl.text)))

    def _quoted(self, token: Token) -> bool:
        """Inside quotation marks: the words of a speaker, not the article's sourcing."""
        return any(r.start <= token.idx < r.end for r in self.doc._.quote_regions or [])

    def _shared_by(self, token: Token) -> None:
        """"Le récent appel, partagé par CNN": the agent got the material."""
        if not _is_verb(token, _FOLDED_SHARE):
            return
        agent = next((c for c in token.children if c.dep_ == "obl:agent" or (
            c.pos_ in {"NOUN", "PROPN"} and any(g.lower_ == "par" for g in c.children
                                                 if g.dep_ == "case"))), None)
        if agent is None:
            return
        if token.dep_ in {"acl", "acl:relcl"}:
            thing = token.head
        else:
            thing = next((c for c in token.children if c.dep_ == "nsubj:pass"), None)
        if thing is None or describe(thing) is None or describe(agent) is None:
            return
        source, target = self.node_at(thing), self.node_at(agent)
        if source.type == "this_article" or target.type in {"document", "recording"}:
            return
        if source.type == "document" and target.type not in {"media_outlet", "news_agency"} \
                and lemma_key(token) in _FOLDED_ISSUE:
            return  # "un rapport publié par l'ONU": the author, recorded as "issued"
        self.edge(source, target, "relayed_by", (token.idx, agent.idx + len(agent.text)))

    def _told_to(self, token: Token) -> None:
        """"a déclaré à Reuters", "a déclaré aux journalistes", "interrogé par BFMTV"."""
        if token.pos_ != "VERB":
            return
        lemma = lemma_key(token)
        for child in token.children:
            cases = {c.lower_ for c in child.children if c.dep_ == "case"}
            to_someone = cases & {"à", "au", "aux"} and lemma in _FOLDED_TOLD
            asked_by = lemma == "interroger" and child.dep_ == "obl:agent"
            if not (to_someone or asked_by):
                continue
            span = (token.idx, child.idx + len(child.text))
            if child.lemma_.lower() in AUDIENCE_NOUNS:
                self._told.append((token, None, span))
                continue
            mention = describe(child)
            if mention is not None and mention.type in {"media_outlet", "news_agency"}:
                self._told.append((token, self.node(mention), span))

    def _quotes(self) -> None:
        doc = self.doc
        for quote in doc._.quotes or []:
            node = self._speaker_node(quote)
            if node is None:
                continue
            node.quotes.append(quote.id)
            self.attribute(quote.start, quote.end, node, quote.id, "quote")

    def _speaker_node(self, quote: schema.Quote) -> Node | None:
        speaker = quote.speaker
        doc = self.doc
        if speaker.cluster:
            node = self.by_key.get(("cluster", speaker.cluster))
            if node is not None:
                return self._add_mention(node, speaker)
        if speaker.start is not None and speaker.end is not None:
            span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            if span is not None and len(span):
                mention = describe(span.root, span)
                if mention is not None:
                    return self.node(mention)
        if speaker.cluster:
            cluster = next((c for c in doc._.entity_clusters or []
                            if c.id == speaker.cluster), None)
            if cluster is not None:
                outlet = next((o for o in outlet_index(doc) for m in cluster.mentions
                               if o.start <= m.start < o.end), None)
                if outlet is not None:  # "L'Union" the newspaper, not an institution
                    node = self._outlet_node(outlet.outlet.name, None)
                    return self._add_mention(node, speaker)
                kind = "named_person" if cluster.type == "PER" else "institution"
                node = self.by_key.get(("cluster", cluster.id)) or self._new(
                    cluster.name, kind, ("cluster", cluster.id), cluster.id)
                return self._add_mention(node, speaker)
        if speaker.name:
            return self._node_by_name(speaker.name, speaker)
        return None

    def _names_from_quotes(self) -> None:
        """A source that speaks in the quotes goes by the canonical name the quotes give
        their speaker (``Quote.speaker.name``), the one most of its quotes use: the
        dossier names one speaker one way, in the quotes and in the chain."""
        named = {q.id: q.speaker.name for q in self.doc._.quotes or [] if q.speaker.name}
        for node in self.nodes:
            names = Counter(named[q] for q in node.quotes if q in named)
            if names and node is not self.article:
                node.name = names.most_common(1)[0][0]  # ties: the first quote's name

    def _add_mention(self, node: Node, speaker: schema.Speaker) -> Node:
        if speaker.start is not None and speaker.end is not None:
            span = (speaker.start, speaker.end)
            if span not in node.mentions:
                node.mentions.append(span)
        return node

    def _node_by_name(self, name: str, speaker: schema.Speaker) -> Node | None:
        """A speaker known only by its canonical name ("un soldat russe", "Rodrigue");
        None when the name names nothing this module knows as a source."""
        folded = key_text(name)
        for node in self.nodes:
            if key_text(node.name) == folded:
                return self._add_mention(node, speaker)
        words = folded.replace("'", " ").split()
        head = words[0] if words else ""
        if head in _FOLDED_RECORDING:
            kind, key = "recording", ("recording", head)
        elif head in _FOLDED_DOCUMENT:
            kind, key = "document", ("document", head, folded)
        elif head in _FOLDED_PERSON:
            kind, key = "anonymous_person", ("person", head)
        elif head in _FOLDED_INSTITUTION:
            kind, key = "institution", ("institution", folded)
        elif _proper_name(name):
            kind, key = "named_person", ("name", folded)
        else:
            return None
        node = self.by_key.get(key) or self._new(name, kind, key)
        return self._add_mention(node, speaker)

    def _resolve_told(self) -> None:
        """Whom a "told" verb's speaker is: its subject, or the speaker of the quote
        the verb introduces."""
        for verb, target, span in self._told:
            speaker = None
            for quote in self.doc._.quotes or []:
                if quote.cue is not None and quote.cue.start <= verb.idx < quote.cue.end:
                    speaker = next((n for n in self.nodes if quote.id in n.quotes), None)
                    break
            if speaker is None:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                speaker = self.node_at(subject) if subject is not None and \
                    subject.pos_ != "PRON" else None
            if speaker is None:
                continue
            if target is None:
                speaker.public = True
            else:
                self.edge(speaker, target, "told", span)

    def _connect_to_article(self) -> None:
        """Every source with no onward edge reaches the article, through the outlet the
        article credits when there is one."""
        credited = next((n for n in self.nodes if n.credited), None)
        receiver = credited or self.article
        senders = {e.source for e in self.edges}
        for node in self.nodes:
            if node is self.article or node is receiver or node.id in senders:
                continue
            relation = "quoted_by" if node.quotes else "cited_by"
            self.edge(node, receiver, relation, self._best_mention(node))

    def _best_mention(self, node: Node) -> tuple[int, int] | None:
        """The first mention that is more than a pronoun."""
        text = self.doc._.source_text or self.doc.text
        for start, end in sorted(node.mentions):
            if fold(text[start:end]) not in _PRONOUNS:
                return (start, end)
        return min(node.mentions) if node.mentions else None

    # --- output ---------------------------------------------------------------------------

    def _to_schema(self) -> schema.SourceChain:
        doc = self.doc
        order = sorted(self.nodes, key=lambda n: (n is not self.article,
                                                  min(n.mentions)[0] if n.mentions else 10**9))
        ids = {n.id: f"s{i}" for i, n in enumerate(order)}
        incoming: dict[str, list[Edge]] = {}
        outgoing: dict[str, list[Edge]] = {}
        for edge in self.edges:
            incoming.setdefault(edge.target, []).append(edge)
            outgoing.setdefault(edge.source, []).append(edge)
        sources = []
        for node in order:
            sources.append(schema.Source(
                id=ids[node.id], name=node.name, type=node.type,
                access=access(node, incoming.get(node.id, []), outgoing.get(node.id, [])),
                mentions=[make_span(doc, s, e) for s, e in sorted(node.mentions)],
                quotes=node.quotes, cluster=node.cluster,
            ))
        edges = [schema.SourceEdge(source=ids[e.source], target=ids[e.target],
                                   relation=e.relation,
                                   evidence=make_span(doc, *e.evidence) if e.evidence else None)
                 for e in self.edges]
        set_attributions(doc, [Attribution(a.start, a.end, ids[a.source], a.quote, a.how)
                               for a in self.attributions])
        chain = schema.SourceChain(sources=sources, edges=edges)
        chain.flags = chain_flags(doc, chain, {ids[n.id]: n.opaque for n in self.nodes})
        return chain


# The model lemmatises "montre" (the verb) as "montre" (the watch).
_FOLDED_REPORT = frozenset(fold(w) for w in REPORTING_VERBS) | {"montre"}
_FOLDED_READING = frozenset(fold(w) for w in READING_VERBS) | {"montre"}
_FOLDED_REPORT_OR_READING = _FOLDED_REPORT | _FOLDED_READING
_FOLDED_SHARE = frozenset(fold(w.replace("_", " ")) for w in SHARE_VERBS)
_FOLDED_TOLD = frozenset(fold(w) for w in TOLD_VERBS)
_FOLDED_ISSUE = frozenset(fold(w) for w in ISSUE_VERBS)
_FOLDED_PERSON = frozenset(fold(w) for w in PERSON_NOUNS)
_FOLDED_INSTITUTION = frozenset(fold(w) for w in INSTITUTION_NOUNS)
_FOLDED_DOCUMENT = frozenset(fold(w) for w in DOCUMENT_NOUNS)
_FOLDED_RECORDING = frozenset(fold(w) for w in RECORDING_NOUNS)
_PRONOUNS = frozenset("il elle ils elles qui lui eux on celui-ci celle-ci".split())


def _proper_name(name: str) -> bool:
    """"Rodrigue", "Thomas de la Morlais": capitalised words, particles aside."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words) and words[0][:1].isupper()


def _is_verb(token: Token, lemmas: frozenset[str]) -> bool:
    """Is ``token`` one of ``lemmas``, also when the model took a participle for a noun
    ("cité" → "cité", not "citer")?"""
    if lemma_key(token) in lemmas:
        return True
    form = fold(token.text)
    for ending in ("ees", "ee", "es", "e"):
        if form.endswith(ending) and form[: -len(ending)] + "er" in lemmas:
            return True
    return False


def _coordinated(token: Token) -> list[Token]:
    """Nouns coordinated with ``token`` ("entre un soldat et sa mère"), also when the
    parser attached the second one elsewhere."""
    found = [c for c in token.children if c.dep_ == "conj"]
    if found:
        return found
    end = max(t.i for t in token.subtree) + 1
    doc = token.doc
    if end < len(doc) and doc[end].lower_ == "et":
        for other in doc[end + 1: end + 4]:
            if other.pos_ in {"NOUN", "PROPN"}:
                return [other]
    return []


def _object_after(token: Token) -> Token | None:
    """The noun a preposition introduces, even when the parser attached it elsewhere."""
    head = token.head
    if head.i > token.i and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    for other in token.doc[token.i + 1: token.i + 6]:
        if other.pos_ in {"NOUN", "PROPN"}:
            return other
        if other.is_punct:
            break
    return None


def access(node: Node, incoming: list[Edge], outgoing: list[Edge]) -> str:
    """First-hand, relayed or unknown, from what the node is and what reached it."""
    if node.type == "this_article":
        # A republished or translated story relays everything; otherwise the reporter's
        # own access is what the article would have to show.
        return "relayed" if any(e.relation == "relayed_by" for e in incoming) else "unknown"
    if any(e.relation in RELAYS for e in incoming):
        return "relayed"
    if node.type in {"recording", "document"}:
        return "first_hand"
    if node.type in {"media_outlet", "news_agency"}:
        return "unknown"
    if node.type == "anonymous_person":
        recorded = any(e.relation == "recorded_in" for e in outgoing)
        return "first_hand" if (node.witness or node.public or recorded) else "unknown"
    return "first_hand"


def build_source_chain(doc: Doc) -> schema.SourceChain:
    """The source chain of a parsed article (``doc._.quotes`` read when present)."""
    return ChainBuilder(doc).build()
