"""The JSON API: analyse an article, read a stored analysis, search the corpus."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from recoupe import schema
from recoupe.web import corpus
from recoupe.web.context import WebContext, web_context
from recoupe.web.inputs import from_text

router = APIRouter(prefix="/api", tags=["api"])

ERRORS = {
    404: {"description": "Not found: {\"detail\": message}"},
    413: {"description": "Article too large"},
    415: {"description": "Not text"},
    422: {"description": "Empty or invalid article, or invalid parameters"},
}


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article: headline on the first line, then the body.")
    title: str | None = Field(None, description=(
        "Headline of a text that has none: put above the text, unless the text already "
        "starts with it (case and spacing aside)."))
    url: str | None = None
    date: str | None = Field(None, description="Publication date, ISO 8601 preferably.")


class Listing(BaseModel):
    total: int = Field(description="How many items match, across all pages.")
    limit: int
    offset: int
    items: list[dict[str, Any]]


Limit = Query(20, ge=1, le=100)
Offset = Query(0, ge=0, le=1_000_000)


@router.post("/analyze", response_model=schema.Analysis, responses=ERRORS,
             summary="Analyse an article and keep it in the corpus")
async def analyze(body: AnalyzeRequest, response: Response,
                  ctx: WebContext = Depends(web_context)) -> schema.Analysis:
    """The analysis of the article (quotes, sources, claims, headline check...). It is
    also stored: the Location header gives its permanent address."""
    article = from_text(body.text, title=body.title, url=body.url, date=body.date,
                        limit=ctx.max_upload_bytes, origin="api")
    analysis = await ctx.analyzer.analyze(article)
    stored_id = await run_in_threadpool(corpus.save, ctx.stores.get(), analysis)
    if stored_id is not None:
        response.headers["Location"] = f"/api/articles/{stored_id}"
    return analysis


@router.get("/articles/{article_id}", response_model=schema.Analysis, responses=ERRORS,
            summary="A stored analysis")
def article(article_id: str, ctx: WebContext = Depends(web_context)) -> schema.Analysis:
    return corpus.get_analysis(ctx.stores.get(), article_id)


@router.get("/articles", response_model=Listing, responses=ERRORS,
            summary="Stored articles, newest first, with filters")
def articles(q: str | None = None, source: str | None = None, since: str | None = None,
             language: str | None = None, limit: int = Limit, offset: int = Offset,
             ctx: WebContext = Depends(web_context)) -> Listing:
    items, total = corpus.list_articles(
        ctx.stores.get(), {"q": q, "source": source, "since": since, "language": language},
        limit=limit, offset=offset)
    return Listing(total=total, limit=limit, offset=offset, items=items)


@router.get("/search", response_model=Listing, responses=ERRORS,
            summary="Full-text search over quotes, claims and articles")
def search(q: str = Query("", description="Words to find (accents and case ignored)."),
           kind: str | None = Query(None, description="quote, claim or article; all when absent."),
           speaker: str | None = None, source: str | None = None,
           since: str | None = Query(None, description="Only articles dated on or after."),
           limit: int = Limit, offset: int = Offset,
           ctx: WebContext = Depends(web_context)) -> Listing:
    filters = {"q": q, "speaker": speaker, "source": source, "since": since}
    hits, total = corpus.search_hits(ctx.stores.get(), filters, kind=kind or None,
                                     limit=limit, offset=offset)
    return Listing(total=total, limit=limit, offset=offset, items=hits)


@router.get("/people", response_model=Listing, summary="People quoted in the corpus")
def people(q: str | None = None, limit: int = Limit, offset: int = Offset,
           ctx: WebContext = Depends(web_context)) -> Listing:
    items, total = ctx.stores.get().people(q=q or None, limit=limit, offset=offset)
    return Listing(total=total, limit=limit, offset=offset, items=items)


@router.get("/people/{person_id}", responses=ERRORS, summary="A person and all their quotes")
def person(person_id: str, ctx: WebContext = Depends(web_context)) -> dict[str, Any]:
    return corpus.get_person(ctx.stores.get(), person_id)
