"""The HTML pages: analyse, dossier, articles, search, people. Usable without JavaScript."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from recoupe.web import anchors, corpus
from recoupe.web.context import WebContext, web_context
from recoupe.web.dossier import dossier_body, speakers
from recoupe.web.inputs import from_text, from_upload
from recoupe.web.limits import ENVELOPE_BYTES, human_size
from recoupe.web.pagination import MAX_PAGE, PAGE_SIZE, make_page, require_page
from recoupe.web.problems import RequestProblem

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

SEARCH_KINDS = [("", "Everything"), ("quote", "Quotes"), ("claim", "Claims"),
                ("article", "Articles"), ("person", "People")]
PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")


def render(ctx: WebContext, request: Request, name: str, status: int = 200, **values) -> Response:
    return ctx.templates.TemplateResponse(request, name, values, status_code=status)


@router.get("/")
def home(request: Request, ctx: WebContext = Depends(web_context)):
    recent, total = ctx.stores.get().list_articles(limit=5)
    return render(ctx, request, "home.html", nav="home", recent=recent, total=total,
                  limit=human_size(ctx.max_upload_bytes))


@router.post("/analyze")
async def analyze(request: Request, ctx: WebContext = Depends(web_context)):
    form = await request.form(max_files=1, max_fields=8,
                              max_part_size=ctx.max_upload_bytes + ENVELOPE_BYTES)
    upload, text, title = form.get("file"), form.get("text"), form.get("title")
    title = title if isinstance(title, str) else None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        article = from_upload(upload.filename, upload.content_type, data, title=title,
                              limit=ctx.max_upload_bytes)
    else:
        article = from_text(text if isinstance(text, str) else None, title=title,
                            limit=ctx.max_upload_bytes)
    analysis = await ctx.analyzer.analyze(article)
    stored_id = await run_in_threadpool(corpus.save, ctx.stores.get(), analysis)
    if stored_id is None:
        # Not kept (the store refused it): show it all the same, without a permanent URL.
        return await run_in_threadpool(_dossier, ctx, request, analysis)
    # Post/Redirect/Get: reloading the dossier never re-sends the article.
    return RedirectResponse(f"/articles/{quote(stored_id, safe='')}", status_code=303)


@router.get("/articles/{article_id}")
def article(article_id: str, request: Request, ctx: WebContext = Depends(web_context)):
    analysis = corpus.get_analysis(ctx.stores.get(), article_id)
    return _dossier(ctx, request, analysis)


@router.get("/articles/{article_id}/quotes/{quote_id}")
def quote_in_article(article_id: str, quote_id: str, ctx: WebContext = Depends(web_context)):
    """A stable link to one quote: redirects to its place in the dossier."""
    analysis = corpus.get_analysis(ctx.stores.get(), article_id)
    return _to_anchor(analysis, anchors.quote_anchor(analysis, quote_id), "quote", quote_id)


@router.get("/articles/{article_id}/claims/{claim_id}")
def claim_in_article(article_id: str, claim_id: str, ctx: WebContext = Depends(web_context)):
    analysis = corpus.get_analysis(ctx.stores.get(), article_id)
    return _to_anchor(analysis, anchors.claim_anchor(analysis, claim_id), "claim", claim_id)


def _to_anchor(analysis, anchor: str | None, what: str, item_id: str) -> Response:
    if anchor is None:
        raise HTTPException(404, f"This article has no {what} “{item_id[:100]}”.")
    url = f"/articles/{quote(analysis.article.id, safe='')}#{anchor}"
    return RedirectResponse(url, status_code=303)


def _dossier(ctx: WebContext, request: Request, analysis) -> Response:
    store = ctx.stores.get()
    body = dossier_body(analysis)
    people = [{"name": s.name, "n_quotes": s.n_quotes,
               "person_id": corpus.person_id_for(store, s.name)} for s in speakers(analysis)]
    headline = analysis.article.headline.text if analysis.article.headline else None
    return render(ctx, request, "dossier.html", nav="articles", analysis=analysis,
                  headline=headline, body=body, speakers=people)


@router.get("/articles")
def articles(request: Request, q: str | None = None, source: str | None = None,
             since: str | None = None, language: str | None = None, page: int = PageNumber,
             ctx: WebContext = Depends(web_context)):
    filters = {"q": q, "source": source, "since": since, "language": language}
    items, total = corpus.list_articles(ctx.stores.get(), filters, limit=PAGE_SIZE,
                                        offset=(page - 1) * PAGE_SIZE)
    shown = require_page(make_page("/articles", page, total, filters), "article")
    return render(ctx, request, "articles.html", nav="articles", items=items, filters=filters,
                  page=shown, filtered=any(filters.values()))


@router.get("/search")
def search(request: Request, q: str | None = None, kind: str = "", speaker: str | None = None,
           source: str | None = None, since: str | None = None, page: int = PageNumber,
           ctx: WebContext = Depends(web_context)):
    store = ctx.stores.get()
    filters = {"q": (q or "").strip(), "kind": kind, "speaker": speaker, "source": source,
               "since": since}
    values = {"nav": "search", "filters": filters, "kinds": SEARCH_KINDS, "people": [],
              "articles": [], "hits": [], "page": None, "main": "hits",
              "searched": any(filters[k] for k in ("q", "speaker", "source", "since"))}
    if kind not in dict(SEARCH_KINDS):
        raise _unknown_kind(filters)
    if values["searched"]:
        values.update(corpus.search(store, filters, page))
        values["page"] = require_page(
            make_page("/search", page, values.pop("total"), filters), "result")
    return render(ctx, request, "search.html", **values)


@router.get("/people")
def people(request: Request, q: str | None = None, page: int = PageNumber,
           ctx: WebContext = Depends(web_context)):
    items, total = ctx.stores.get().people(q=q or None, limit=PAGE_SIZE,
                                           offset=(page - 1) * PAGE_SIZE)
    shown = require_page(make_page("/people", page, total, {"q": q}), "person", "people")
    return render(ctx, request, "people.html", nav="people", items=items,
                  filters={"q": q}, page=shown)


@router.get("/people/{person_id}")
def person(person_id: str, request: Request, ctx: WebContext = Depends(web_context)):
    store = ctx.stores.get()
    found = corpus.get_person(store, person_id)
    return render(ctx, request, "person.html", nav="people", person=found,
                  person_id=person_id, groups=corpus.quotes_by_article(store, found))


def _unknown_kind(filters: dict) -> RequestProblem:
    """An unknown search type is refused (422), as the API does, never searched as if
    it were absent; the error page offers the same search over everything."""
    known = ", ".join(value for value, _ in SEARCH_KINDS if value)
    message = (f"Unknown search type “{filters['kind'][:50]}”: choose one of {known}, "
               "or none to search everything.")
    everything = make_page("/search", 1, 0, {**filters, "kind": None}).url(1)
    return RequestProblem(422, message, link=(everything, "Search everything instead"))
