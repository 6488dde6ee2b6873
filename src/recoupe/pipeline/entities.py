"""The ``recoupe_entities`` component: corrects the model's entities and clusters their
mentions into ``Doc._.entity_clusters`` (see ``recoupe.entities`` and docs/entities.md)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from recoupe import schema
from recoupe.entities.clusters import LABELS, Cluster, cluster_entities
from recoupe.entities.corrections import corrected_entities
from recoupe.entities.filters import DAYS_MONTHS
from recoupe.entities.lexicon import Lexicon
from recoupe.entities.names import HONORIFICS, NAME_PARTICLES, acronym, fold, name_words
from recoupe.pipeline.extensions import token_span

# Other components compare words and names as the entity layer does, and import them
# from here, where they lived before recoupe.entities.
__all__ = ["DAYS_MONTHS", "HONORIFICS", "LABELS", "NAME_PARTICLES", "Cluster", "EntityFixer",
           "acronym", "cluster_at", "cluster_entities", "fold", "make_entity_fixer",
           "name_words"]


class EntityFixer:
    """Corrects the model's entities and clusters their mentions."""

    def __init__(self, nlp: Language, name: str = "recoupe_entities"):
        self.name = name
        self.lexicon = Lexicon(nlp)

    def __call__(self, doc: Doc) -> Doc:
        clusters = cluster_entities(corrected_entities(doc, self.lexicon))
        # Every mention takes its cluster's type, in doc.ents as in the analysis.
        doc.ents = sorted((Span(doc, m.start, m.end, label=c.label)
                           for c in clusters for m in c.mentions), key=lambda m: m.start)
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
