"""A headline split into the clauses that each assert something.

"Les troupes russes discutent d'un exode massif … dans des appels divulgués alors que
Poutine fait face à une mutinerie" makes two assertions, one per clause; "Gambie : le
président Jammeh laisse le pouvoir et aurait vidé les caisses de l'État" two, the second
sharing the subject of the first; "Savoie : un camion dévale une pente, un mort et deux
blessés graves" two, the verbless second one stating a toll. A topic label before a
colon ("Gambie :") asserts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from recoupe.pipeline.entities import DAYS_MONTHS, fold

# How a clause attaches to another when it asserts something of its own.
CLAUSE_DEPS = frozenset({"advcl", "conj", "parataxis", "appos", "dep"})
# Dependents that belong to the subject slot, shared by coordinated predicates.
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
LINKS = frozenset({"cc", "mark", "punct"})
DATE_WORDS = frozenset(fold(w) for w in DAYS_MONTHS) | {"er", "le"}
PURPOSE = frozenset({"pour", "afin"})
CLOSING_MARKS = frozenset({"»", "”", '"', "’"})


@dataclass
class Assertion:
    tokens: list[Token]  # the clause's own tokens, contiguous
    head: Token
    shared: list[Token] = field(default_factory=list)  # a subject it shares with another

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1].text)


def headline_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def split_headline(span: Span) -> list[Assertion]:
    """The assertions of a headline span, left to right."""
    region = _after_topic_label(span)
    if not region:
        return []
    inside = {t.i for t in region}
    # Pieces whose head lies in the topic label ("Normandie : meurtre … dans une
    # église") make one clause with the first of them.
    roots = [t for t in region if t.head.i not in inside or t.head.i == t.i]
    heads: list[Token] = [roots[0]]
    for root in roots:
        heads.extend(_clause_heads(root, inside))
    heads = sorted(set(heads), key=lambda t: t.i)
    owner = {}
    for head in heads:
        for token in _clause_tokens(head):
            if token.i in inside:
                # The innermost clause head owns a token.
                current = owner.get(token.i)
                if current is None or _depth(head) > _depth(current):
                    owner[token.i] = head
    for token in region:
        owner.setdefault(token.i, roots[0])
    assertions = []
    for head in heads:
        own = [t for t in region if owner.get(t.i) is head]
        own = _trim(own)
        if not own or not _states_something(own):
            continue
        # Keep the span contiguous: from the clause's first to its last token.
        start = own[0].i
        end = own[-1].i + 1
        tokens = [t for t in region if start <= t.i < end]
        assertion = Assertion(tokens=tokens, head=head)
        if head.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            assertion.shared = [t for c in head.head.children if c.dep_ in SUBJECT_DEPS
                                for t in c.subtree]
        assertions.append(assertion)
    return _merge_nested(assertions)


def _states_something(tokens: list[Token]) -> bool:
    """"mercredi 5 décembre 2018" under a topic label is a date, not an assertion."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return any(t.is_alpha and fold(t.text) not in DATE_WORDS and not t.like_num
               for t in words)


def _after_topic_label(span: Span) -> list[Token]:
    """The headline without "France :" or "Rallye Dakar 2016 :" (a label with no verb)."""
    tokens = [t for t in span if not t.is_space]
    for i, token in enumerate(tokens):
        if token.text == ":" and 0 < i < len(tokens) - 1:
            before = tokens[:i]
            if not any(t.pos_ in {"VERB", "AUX"} for t in before) and len(before) <= 6:
                return tokens[i + 1:]
            break
    return tokens


def _clause_tokens(head: Token) -> list[Token]:
    """A clause's tokens; a noun phrase split off by a comma takes the coordinated
    phrases that follow it ("…, un mort et deux blessés graves")."""
    tokens = list(head.subtree)
    if head.dep_ == "conj" and head.pos_ in {"NOUN", "PROPN", "NUM"}:
        for sibling in head.head.children:
            if sibling.dep_ == "conj" and sibling.i > head.i:
                tokens.extend(sibling.subtree)
    return tokens


def _clause_heads(token: Token, inside: set[int]) -> list[Token]:
    found = []
    for child in token.children:
        if child.i not in inside:
            continue
        if child.dep_ in CLAUSE_DEPS and _asserts(child):
            found.append(child)
        found.extend(_clause_heads(child, inside))
    return found


def _asserts(token: Token) -> bool:
    """Does a dependent clause state something of its own? A verb with a subject or a
    complement does ("aurait vidé les caisses"); so does a noun phrase set off by a comma
    ("…, un mort et deux blessés graves"); a bare coordinated word does not."""
    children = [c for c in token.children if c.dep_ not in LINKS]
    if token.pos_ in {"VERB", "AUX"}:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if marks & PURPOSE:
            return False  # "pour dé-polluer": what it is for, not a fact of its own
        return bool(children) or token.dep_ in {"advcl", "parataxis"}
    # The comma may hang on the phrase itself or stand just before it.
    first = token.left_edge.i
    stretch = token.doc[max(first - 1, 0): token.i]
    after_comma = any(t.text in {",", ";", "–", "—"} for t in stretch)
    if token.pos_ in {"NOUN", "PROPN", "NUM"}:
        if token.dep_ == "conj" and token.head.dep_ in {"obj", "obl", "obl:arg"} \
                and token.head.head.pos_ == "VERB":
            # "un camion dévale une pente, un mort …": no list of objects in a headline
            return after_comma
        return token.dep_ != "conj" and after_comma and token.dep_ != "appos"
    if token.dep_ == "conj" and token.pos_ == "ADJ":
        return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "cop" for c in token.children)
    return False


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _trim(tokens: list[Token]) -> list[Token]:
    """Without the words that only link the clause ("alors que", "et", commas)."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].dep_ in LINKS or tokens[start].dep_ == "fixed"
                           or tokens[start].is_punct):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].dep_ == "cc"):
        if tokens[end - 1].text in CLOSING_MARKS and any(
                t.text in {"«", "“", '"'} for t in tokens[start:end - 1]):
            break  # « plus petites machines au monde »: the closing mark stays
        end -= 1
    return tokens[start:end]


def _merge_nested(assertions: list[Assertion]) -> list[Assertion]:
    """Spans made contiguous may swallow a later clause: keep them apart."""
    result: list[Assertion] = []
    for assertion in assertions:
        if result and assertion.start < result[-1].end:
            previous = result[-1]
            kept = [t for t in previous.tokens if t.idx < assertion.start]
            kept = _trim(kept)
            if kept:
                previous.tokens = kept
            else:
                result.pop()
        result.append(assertion)
    return result
