"""The store as the pages and the API use it: ids checked, misses as 404, search by kind.

Ids from URLs only ever reach the store as SQL parameters, never a file path; an id
that could not have been made by the store is refused before that.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from urllib.parse import quote

from fastapi import HTTPException

from recoupe import schema
from recoupe.render.labels import asserted_by_label
from recoupe.store.keys import name_key
from recoupe.web.problems import RequestProblem
from recoupe.web.pagination import PAGE_SIZE

_PLAUSIBLE_ID = re.compile(r"^[^\x00-\x1f/\\]{1,200}$")
PREVIEW = 5


def plausible_id(value: str) -> bool:
    return bool(_PLAUSIBLE_ID.match(value)) and ".." not in value


def save(store, analysis: schema.Analysis) -> str | None:
    """Store the analysis; the id it can be read back under, or None."""
    store.add(analysis)  # False when the same text is stored already: that is fine
    article_id = analysis.article.id
    # The text may have been stored under another id (by `recoupe ingest`).
    return article_id if store.get(article_id) is not None else None


def get_analysis(store, article_id: str) -> schema.Analysis:
    analysis = store.get(article_id) if plausible_id(article_id) else None
    if analysis is None:
        raise HTTPException(404, f"There is no article “{article_id[:200]}” in the corpus.")
    return analysis


def get_person(store, person_id: str) -> dict:
    found = store.person(person_id) if plausible_id(person_id) else None
    if found is None:
        raise HTTPException(404, f"There is no person “{person_id[:200]}” in the corpus.")
    return found


def person_id_for(store, name: str) -> str | None:
    """The id of the stored person called ``name`` (or having it as a variant)."""
    key = name_key(name)
    candidates, _ = store.people(q=name, limit=20)
    for person in candidates:
        if name_key(person["name"]) == key:
            return person["id"]
    for person in candidates:
        if key in {name_key(variant) for variant in person.get("variants", [])}:
            return person["id"]
    return None


def _filter_error(error: ValueError) -> RequestProblem:
    return RequestProblem(422, f"Invalid filter: {error}.")


def list_articles(store, filters: dict, *, limit: int, offset: int):
    try:
        return store.list_articles(q=filters.get("q") or None,
                                   since=filters.get("since") or None,
                                   source=filters.get("source") or None,
                                   language=filters.get("language") or None,
                                   limit=limit, offset=offset)
    except ValueError as error:
        raise _filter_error(error) from None


def search_hits(store, filters: dict, *, kind: str | None, limit: int, offset: int):
    try:
        return store.search(filters.get("q") or "", speaker=filters.get("speaker") or None,
                            source=filters.get("source") or None, kind=kind,
                            since=filters.get("since") or None, limit=limit, offset=offset)
    except ValueError as error:
        raise _filter_error(error) from None


def search(store, filters: dict, page: int) -> dict:
    """The search page's lists for ``filters['kind']``: one paginated, others previewed."""
    kind, q = filters["kind"], filters["q"]
    offset = (page - 1) * PAGE_SIZE
    if kind == "person":
        people, total = store.people(q=q or None, limit=PAGE_SIZE, offset=offset)
        return {"main": "people", "people": people, "total": total}
    hits, total = search_hits(store, filters, kind=kind or None, limit=PAGE_SIZE,
                              offset=offset)
    found = {"main": "hits", "hits": describe_hits(store, hits), "total": total}
    if not kind and page == 1 and q:
        found["people"] = store.people(q=q, limit=PREVIEW)[0]
    return found


KIND_LABELS = {"quote": "Quote", "claim": "Claim", "article": "Article"}


class Analyses:
    """Stored analyses read once per request: a page of results often shares articles."""

    def __init__(self, store) -> None:
        self.store = store
        self._read: dict[str, schema.Analysis | None] = {}

    def get(self, article_id: str) -> schema.Analysis | None:
        if article_id not in self._read:
            self._read[article_id] = self.store.get(article_id)
        return self._read[article_id]

    def language(self, article_id: str) -> str | None:
        analysis = self.get(article_id)
        return analysis.article.language if analysis else None


def describe_hits(store, hits: list[dict]) -> list[dict]:
    analyses = Analyses(store)
    return [describe_hit(hit, analyses.get(str(hit["article_id"]))) for hit in hits]


def describe_hit(hit: dict, analysis: schema.Analysis | None = None) -> dict:
    """A search hit with the link to its place in the article and to its speaker, and
    what the search index leaves out: whether a quote is verbatim (``quote_kind``: only
    a direct quote is shown between quotation marks), who asserts a claim, the language
    of the article's words."""
    kind = hit.get("kind", "")
    url = f"/articles/{quote(str(hit['article_id']), safe='')}"
    if hit.get("quote_id"):
        url += f"/quotes/{quote(str(hit['quote_id']), safe='')}"
    elif hit.get("claim_id"):
        url += f"/claims/{quote(str(hit['claim_id']), safe='')}"
    described = {**hit, "url": url, "kind_label": KIND_LABELS.get(kind, kind),
                 "language": analysis.article.language if analysis else None,
                 "quote_kind": None, "claim_type": None, "asserted_by": hit.get("speaker")}
    if analysis is not None and kind == "quote":
        found = next((q for q in analysis.quotes if q.id == hit.get("quote_id")), None)
        described["quote_kind"] = found.kind if found else None
    elif analysis is not None and kind == "claim":
        found = next((c for c in analysis.claims if c.id == hit.get("claim_id")), None)
        if found is not None:
            described["claim_type"] = found.type
            described["asserted_by"] = asserted_by_label(found.asserted_by)
    return described


def quotes_by_article(store, person: dict) -> list[dict]:
    """A person's quotes grouped by article, each group with its article's language."""
    analyses = Analyses(store)
    groups: OrderedDict[str, dict] = OrderedDict()
    for item in person.get("quotes", []):
        article_id = item["article_id"]
        if article_id not in groups:
            groups[article_id] = {"article_id": article_id, "headline": item.get("headline"),
                                  "language": analyses.language(article_id), "quotes": []}
        groups[article_id]["quotes"].append(item)
    return list(groups.values())
