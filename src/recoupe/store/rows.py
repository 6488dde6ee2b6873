"""One analysis → the rows of every table, as plain dicts (no database here).

People are the one thing that needs the database (to match a speaker against the
people already stored), so this module only says, for each quote, which speaker name
it has and which name variants the article gives for that speaker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from recoupe import schema
from recoupe.store.keys import content_hash, date_key, name_key
from recoupe.store.kinds import speaker_kind
from recoupe.store.names import display_name

# Mentions that say who speaks without naming anyone: never a person or a name variant.
PRONOUNS = {
    "il", "elle", "ils", "elles", "on", "je", "j", "nous", "vous", "tu", "lui", "eux",
    "t il", "t elle", "t ils", "t elles", "t on", "celui ci", "celle ci", "ceux ci",
    "celles ci", "ce dernier", "cette derniere", "ces derniers", "ces dernieres",
    "le", "la", "les", "qui", "que", "dont", "lequel", "laquelle", "lesquels",
    "lesquelles", "cela", "ceci", "ca", "celui", "celle", "ceux", "celles",
}


def is_shortening(short: str, full: str) -> bool:
    """``short`` names with some of ``full``'s words: "Lefèvre" of "Élise Lefèvre"."""
    words = name_key(short).split()
    return bool(words) and set(words) <= set(name_key(full).split())


@dataclass
class Speaker:
    """The speaker of one quote, as the article names it."""

    name: str
    variants: list[str]  # one per name key, ``name`` first
    kind: str = "other"  # see ``recoupe.store.kinds``


@dataclass
class ArticleRows:
    article: dict
    quotes: list[dict] = field(default_factory=list)
    speakers: list[Speaker | None] = field(default_factory=list)  # one per quote
    sources: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(analysis: schema.Analysis, ingested_at: str, input_id: str) -> dict:
    meta = analysis.article
    return {
        "id": meta.id,
        "input_id": input_id,
        "content_hash": content_hash(analysis.text),
        "headline": meta.headline.text if meta.headline else None,
        "date": meta.date,
        "date_iso": date_key(meta.date),
        "url": meta.url,
        "site_name": meta.site_name,
        "credited_source": meta.credited_source,
        "origin": meta.origin,
        "input_format": meta.input_format,
        "language": meta.language,
        "word_count": meta.word_count,
        "n_quotes": len(analysis.quotes),
        "n_claims": len(analysis.claims),
        "n_entities": len(analysis.entities),
        "n_sources": len(analysis.sources.sources),
        "schema_version": analysis.schema_version,
        "text": analysis.text,
        "analysis": analysis.model_dump_json(),
        "ingested_at": ingested_at,
    }


def is_pronoun(text: str | None) -> bool:
    """A pronoun, or a fragment too short to name anyone (an elided "l'")."""
    key = name_key(text)
    return key in PRONOUNS or len(key.replace(" ", "")) < 2


def speaker_of(quote: schema.Quote, clusters: dict[str, schema.EntityCluster],
               source_types: dict[str, str] | None = None) -> Speaker | None:
    """Who speaks, by name, the names the article gives them, and what kind of
    speaker they are; None if unnamed.

    Variants are names only: the canonical name, the names of the speaker's entity
    cluster, and the mention carrying the cue when it is one of those names or a
    shortening of the canonical name. Descriptions ("le Premier ministre") are left
    out: they are not names, and the next article's Prime Minister may be another man.
    Forms that differ only in case or accents ("Des témoins", "des témoins") are one
    variant. ``source_types`` maps quote ids to the type of the source speaking them.
    """
    spoken = quote.speaker
    name = display_name((spoken.name or spoken.text or "").strip())
    if not name_key(name) or is_pronoun(name):
        return None
    cluster = clusters.get(spoken.cluster or "")
    names = [name]
    if cluster is not None:
        names.append(cluster.name)
        names += [m.text for m in cluster.mentions if m.kind == "name"]
    mention = (spoken.text or "").strip()
    if mention and (name_key(mention) in {name_key(n) for n in names}
                    or is_shortening(mention, name)):
        names.append(mention)
    unique: list[str] = [name]
    keys = {name_key(name)}
    for variant in (n.strip() for n in names[1:]):
        if variant and name_key(variant) not in keys and not is_pronoun(variant):
            unique.append(variant)
            keys.add(name_key(variant))
    kind = speaker_kind(name, cluster.type if cluster else None,
                        (source_types or {}).get(quote.id))
    return Speaker(name=name, variants=unique, kind=kind)


def quote_row(article_id: str, quote: schema.Quote) -> dict:
    cue, spoken = quote.cue, quote.speaker
    return {
        "article_id": article_id,
        "quote_id": quote.id,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_text": spoken.text,
        "speaker_start": spoken.start,
        "speaker_end": spoken.end,
        "speaker_name": None,  # the person's name, filled in once the person is known
        "person_id": None,
        "speaker_kind": None,  # filled in with the person
        "cluster": spoken.cluster,
        "confidence": quote.confidence,
        "rule": quote.rule,
        "sentence": quote.sentence,
    }


def source_row(article_id: str, source: schema.Source) -> dict:
    return {
        "article_id": article_id,
        "source_id": source.id,
        "name": source.name,
        "name_key": name_key(source.name),
        "type": source.type,
        "access": source.access,
        "cluster": source.cluster,
        "quote_ids": to_json(source.quotes),
        "mentions": to_json([m.model_dump() for m in source.mentions]),
    }


def edge_row(article_id: str, edge: schema.SourceEdge) -> dict:
    evidence = edge.evidence
    return {
        "article_id": article_id,
        "source_id": edge.source,
        "target_id": edge.target,
        "relation": edge.relation,
        "evidence": evidence.text if evidence else None,
        "evidence_start": evidence.start if evidence else None,
        "evidence_end": evidence.end if evidence else None,
    }


def claim_row(article_id: str, claim: schema.Claim) -> dict:
    by = claim.asserted_by
    return {
        "article_id": article_id,
        "claim_id": claim.id,
        "type": claim.type,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "asserted_by_kind": by.kind,
        "asserted_by_name": by.name,
        "asserted_by_source": by.source,
        "asserted_by_quote": by.quote,
        "score": claim.score,
        "hedges": to_json([h.model_dump() for h in claim.hedges]),
        "features": to_json(claim.features),
    }


def entity_row(article_id: str, entity: schema.EntityCluster) -> dict:
    return {
        "article_id": article_id,
        "entity_id": entity.id,
        "name": entity.name,
        "name_key": name_key(entity.name),
        "type": entity.type,
        "n_mentions": len(entity.mentions),
        "mentions": to_json([m.model_dump() for m in entity.mentions]),
    }


def rows_of(analysis: schema.Analysis, ingested_at: str,
            input_id: str | None = None) -> ArticleRows:
    """Every row of ``analysis``, stored under ``analysis.article.id``.

    ``input_id`` is the id the input came with, when the store had to give the
    article another id (two different texts with the same id).
    """
    article_id = analysis.article.id
    clusters = {c.id: c for c in analysis.entities}
    source_types = {quote_id: s.type for s in analysis.sources.sources for quote_id in s.quotes}
    return ArticleRows(
        article=article_row(analysis, ingested_at, input_id or article_id),
        quotes=[quote_row(article_id, q) for q in analysis.quotes],
        speakers=[speaker_of(q, clusters, source_types) for q in analysis.quotes],
        sources=[source_row(article_id, s) for s in analysis.sources.sources],
        edges=[edge_row(article_id, e) for e in analysis.sources.edges],
        claims=[claim_row(article_id, c) for c in analysis.claims],
        entities=[entity_row(article_id, e) for e in analysis.entities],
    )
