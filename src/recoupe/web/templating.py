"""The Jinja2 environment: autoescaped, loaded from the installed package."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from recoupe import __version__ as VERSION


def path_part(value: object) -> str:
    """A value made safe as one segment of a URL path (ids may hold any character)."""
    return quote(str(value), safe="")


def static_url(name: str) -> str:
    return f"/static/{name}?v={VERSION}"


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("recoupe.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = path_part
    env.globals["static_url"] = static_url
    return Jinja2Templates(env=env)
