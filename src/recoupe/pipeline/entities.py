"""Entities: correct the bare model's systematic errors, then group mentions of one
real-world entity into clusters ("Vladimir Poutine", "Poutine" → one person)."""

from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span

from recoupe import schema
from recoupe.pipeline.extensions import token_span

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
DAYS_MONTHS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
}
# Words capitalised at the start of a line that the model takes for names.
NOT_NAMES = {
    "source", "sources", "selon", "photo", "photos", "crédit", "crédits", "lire", "vidéo",
    "mise à jour", "par", "avec", "aussi", "voir", "note", "notes", "article", "update",
}
NAME_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "da", "di",
                  "ben", "bin", "al", "el", "y", "et"}
CONTENT_POS = {"PROPN", "NOUN", "ADJ", "NUM", "X"}


def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def is_spurious(ent: Span) -> bool:
    """An entity the bare model finds where a French reader sees none."""
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words:
        return True
    lowered = ent.text.lower()
    if lowered in NOT_NAMES or lowered in DAYS_MONTHS:
        return True
    if all(t.lower_ in DAYS_MONTHS or t.like_num for t in words):
        return True
    if any(t.pos_ in {"VERB", "AUX"} and not t.is_title for t in words):
        return True
    has_propn = any(t.pos_ == "PROPN" for t in words)
    if len(words) == 1:
        token = words[0]
        # "Décrivant", "Partir", "Source": a capitalised common word, not a name.
        if token.pos_ in {"VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ", "ADP", "INTJ"}:
            return True
        if not has_propn and token.lemma_.islower() and token.is_sent_start:
            return True
        # "Mercredi, …", "« Partir ? »": a word capitalised only because it opens a
        # sentence or a quotation, and written in lower case elsewhere in the article.
        previous = _previous_word(token)
        if (previous is None or previous.is_punct) and token.lower_ in _lower_words(ent.doc):
            return True
        return False
    # "La mère", "Un appel téléphonique": a description, not a name.
    if words[0].pos_ == "DET" and not has_propn:
        return True
    return False


def _previous_word(token):
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _lower_words(doc: Doc) -> set[str]:
    # Cached on the doc: every single-word entity asks.
    cached = doc.user_data.get("recoupe_lower_words")
    if cached is None:
        cached = {t.text for t in doc if t.text.islower()}
        doc.user_data["recoupe_lower_words"] = cached
    return cached


def trim_entity(ent: Span) -> Span | None:
    """Strip leading determiners and punctuation the model sometimes includes."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or (doc[start].pos_ == "DET" and doc[start].lower_ in
                               {"le", "la", "les", "l'", "l’"} and end - start > 1
                               and not doc[start].is_title)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def name_words(text: str) -> list[str]:
    return [w for w in fold(text).replace("-", " ").replace("'", " ").split()
            if w not in NAME_PARTICLES]


def acronym(text: str) -> str:
    """'Organisation mondiale de la santé' → 'oms'."""
    return "".join(w[0] for w in fold(text).replace("-", " ").replace("'", " ").split()
                   if w not in NAME_PARTICLES and w[:1].isalpha())


class Cluster:
    def __init__(self, label: str, ent: Span):
        self.label = label
        self.mentions: list[Span] = [ent]
        self.words = set(name_words(ent.text))

    @property
    def best(self) -> Span:
        # The most informative name: most words, then longest, then earliest.
        return max(self.mentions, key=lambda m: (len(name_words(m.text)), len(m.text),
                                                 -m.start_char))

    def accepts(self, ent: Span, label: str) -> bool:
        words = name_words(ent.text)
        if not words:
            return False
        best = name_words(self.best.text)
        if label != self.label and not (label in {"PER", "MISC"} and self.label == "PER"):
            if not (set(words) == set(best)):
                return False
        if fold(ent.text) == fold(self.best.text):
            return True
        if self.label == "PER":
            # "Poutine" or "M. Poutine" joins "Vladimir Poutine"; a first name alone does
            # not, since "Vladimir" could be another person.
            return set(words) <= self.words and words[-1] == best[-1]
        short, long_ = sorted((fold(ent.text).replace(" ", ""), self.best.text), key=len)
        if len(short) >= 2 and acronym(long_) == short:
            return True
        return len(words) >= 1 and set(words) <= set(best) and len(words) >= len(best) - 1 \
            and words[-1] == best[-1]


def cluster_entities(ents: list[Span]) -> list[Cluster]:
    clusters: list[Cluster] = []
    # Longest names first, so that a short form finds the full name it abbreviates.
    for ent in sorted(ents, key=lambda e: (-len(name_words(e.text)), e.start_char)):
        label = LABELS.get(ent.label_, "MISC")
        for cluster in clusters:
            if cluster.accepts(ent, label):
                cluster.mentions.append(ent)
                cluster.words |= set(name_words(ent.text))
                break
        else:
            clusters.append(Cluster(label, ent))
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start_char)
    clusters.sort(key=lambda c: c.mentions[0].start_char)
    return clusters


class EntityFixer:
    """Filters the model's entities and clusters their mentions."""

    def __init__(self, nlp: Language, name: str = "recoupe_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for ent in doc.ents:
            if is_spurious(ent):
                continue
            trimmed = trim_entity(ent)
            if trimmed is not None:
                kept.append(trimmed)
        doc.ents = kept
        clusters = cluster_entities(list(doc.ents))
        doc._.entity_clusters = [
            schema.EntityCluster(
                id=f"e{i + 1}",
                name=token_span(doc, cluster.best).text,
                type=cluster.label,
                mentions=[token_span(doc, m, schema.Mention, kind="name")
                          for m in cluster.mentions],
            )
            for i, cluster in enumerate(clusters)
        ]
        return doc


def cluster_at(doc: Doc, start: int, end: int) -> schema.EntityCluster | None:
    """The entity cluster one of whose mentions overlaps [start, end)."""
    for cluster in doc._.entity_clusters or []:
        for mention in cluster.mentions:
            if mention.start < end and start < mention.end:
                return cluster
    return None


@Language.factory("recoupe_entities")
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp, name)
