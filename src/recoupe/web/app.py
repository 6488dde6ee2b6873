"""``create_app(db_path)``: the FastAPI application behind ``recoupe serve``."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from recoupe import __version__
from recoupe.web import api, apidocs, errors, pages
from recoupe.web.analyzer import Analyzer
from recoupe.web.context import WebContext
from recoupe.web.limits import MAX_UPLOAD_BYTES, BodyLimitMiddleware
from recoupe.web.security import SecurityHeadersMiddleware
from recoupe.web.stores import StorePool
from recoupe.web.templating import make_templates

STATIC_DIR = Path(__file__).parent / "static"


def create_app(db_path: str | os.PathLike, *, max_upload_bytes: int = MAX_UPLOAD_BYTES,
               warm_up: bool = True) -> FastAPI:
    """The web app over the store at ``db_path``; ``warm_up`` loads the model at start-up
    so that the first visitor does not wait for it."""
    templates = make_templates()
    ctx = WebContext(stores=StorePool(db_path), analyzer=Analyzer(), templates=templates,
                     max_upload_bytes=max_upload_bytes)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(ctx.stores.get)  # a bad store file fails now, clearly
        if warm_up:
            await run_in_threadpool(ctx.analyzer.warm_up)
        yield
        ctx.stores.close()

    app = FastAPI(title="recoupe", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Who said what, according to whom: French news analysis.")
    app.state.web = ctx
    respond = errors.ErrorResponder(templates.env)
    errors.install(app, respond)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        document = app.openapi()
        return templates.TemplateResponse(request, "apidocs.html", {
            "nav": "docs", "version": document["info"].get("version", ""),
            "operations": apidocs.operations(document), "schemas": apidocs.schemas(document)})

    # The last added is the outermost: the size check runs inside the header setter so
    # that a 413 gets the security headers too.
    app.add_middleware(BodyLimitMiddleware, payload_limit=max_upload_bytes, respond=respond)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
