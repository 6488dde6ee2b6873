"""Mentions of one entity grouped into a cluster, and the cluster's type."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from recoupe.entities.names import is_acronym_of, name_words

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# The label of a mention found to be a nationality: MISC, and no vote can overturn it.
NATIONALITY = "NATIONALITY"


class Name:
    """A mention and what clustering compares of it, computed once."""

    __slots__ = ("span", "text", "words", "label", "start")

    def __init__(self, span: Span):
        self.span = span
        self.text = span.text
        self.words = name_words(self.text)
        self.label = span.label_
        self.start = span.start_char


class Cluster:
    """The mentions of one entity, with the type most of them were given."""

    def __init__(self, name: Name):
        self.names: list[Name] = [name]
        self.full = name  # the first, longest name: what shorter forms are matched with
        self.words = set(name.words)
        self.is_person = False  # named in full as a person somewhere
        self._note_person(name)

    def add(self, name: Name) -> None:
        self.names.append(name)
        self.words.update(name.words)
        self._note_person(name)

    def _note_person(self, name: Name) -> None:
        # "Park Geun-hye" once PER and once LOC is a person all the same.
        self.is_person = self.is_person or (name.label == "PER" and len(name.words) >= 2)

    @property
    def mentions(self) -> list[Span]:
        return [n.span for n in self.names]

    @property
    def label(self) -> str:
        # A person's full name outweighs the model's doubts about the short forms
        # ("Froome" as MISC beside "Christopher Froome"); otherwise most mentions decide,
        # and a tie goes to the full name.
        if self.is_person:
            return "PER"
        labels = [n.label for n in self.names]
        if NATIONALITY in labels:
            return "MISC"
        votes = Counter(LABELS.get(label, "MISC") for label in labels)
        # On a tie, a type beats MISC ("name, type unknown"), then the full name's type
        # wins; a single word the model calls a person here and a place there is more
        # likely a place or a body than a person whose full name the article never gives.
        return max(votes, key=lambda t: (votes[t], t != "MISC", t == self.full.label,
                                         t != "PER"))

    @property
    def best(self) -> Span:
        # The most informative name: most words, then longest, then earliest.
        return max(self.names, key=lambda n: (len(n.words), len(n.text), -n.start)).span

    def accepts(self, name: Name) -> bool:
        words, full = name.words, self.full
        if not words:
            return False
        if words == full.words:
            return True  # one name, one entity: the types are put to the vote
        if self.is_person:
            # "Poutine", "M. Poutine", "Vladimir V. Poutine" join "Vladimir Poutine",
            # whatever type the model gave them; "Vladimir" alone does not: a first
            # name is shared by too many people.
            return words[-1] == full.words[-1] and self.words.issuperset(words)
        if name.label == "PER" or full.label == "PER":
            return False
        if is_acronym_of(name.text, full.text) or is_acronym_of(full.text, name.text):
            return True
        # "Nations unies" in "Organisation des Nations unies": a shortened name of the same
        # kind, of two words at least ("Nice" is not "l'attentat de Nice").
        return (len(words) >= 2 and words[-1] == full.words[-1]
                and len(words) >= len(full.words) - 1 and self.words.issuperset(words)
                and _compatible(name.label, full.label))

    def last_mention_before(self, offset: int) -> int:
        return max((n.start for n in self.names if n.start < offset), default=-1)


def _compatible(a: str, b: str) -> bool:
    return a == b or not {a, b}.isdisjoint({"MISC", NATIONALITY})


def cluster_entities(ents: list[Span]) -> list[Cluster]:
    """Group mentions of one entity. A short form that fits several clusters ("Le Pen"
    after "Marine Le Pen" and "Jean-Marie Le Pen") goes to the one mentioned last before
    it, as a reader would take it."""
    clusters: list[Cluster] = []
    # Longest names first, so that a short form finds the full name it abbreviates.
    for name in sorted(map(Name, ents), key=lambda n: (-len(n.words), n.start)):
        candidates = [c for c in clusters if c.accepts(name)]
        if not candidates:
            clusters.append(Cluster(name))
            continue
        chosen = max(candidates, key=lambda c: (c.last_mention_before(name.start),
                                                -c.full.start))
        chosen.add(name)
    for cluster in clusters:
        cluster.names.sort(key=lambda n: n.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters
