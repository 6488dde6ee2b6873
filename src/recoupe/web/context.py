"""What every route needs, kept on ``app.state`` and fetched from the request."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.templating import Jinja2Templates

from recoupe.web.analyzer import Analyzer
from recoupe.web.stores import StorePool


@dataclass
class WebContext:
    stores: StorePool
    analyzer: Analyzer
    templates: Jinja2Templates
    max_upload_bytes: int


def web_context(request: Request) -> WebContext:
    return request.app.state.web
