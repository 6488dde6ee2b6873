"""The Jinja2 environment: autoescaped, loaded from the installed package.

The pages speak English; words taken from an article (headlines, quotes, names) are
marked with the article's language, ``lang="fr"`` for a French article, so that screen
readers and spell checkers treat them as what they are.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from recoupe import __version__ as VERSION
from recoupe.web.pagination import counted

# The corpus is French unless an article says otherwise (names carry no language).
CORPUS_LANGUAGE = "fr"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def path_part(value: object) -> str:
    """A value made safe as one segment of a URL path (ids may hold any character)."""
    return quote(str(value), safe="")


def text_language(code: object = None) -> str:
    """A ``lang`` value for words from the corpus: the article's language if known."""
    code = str(code or "")
    return code if _LANGUAGE_CODE.match(code) else CORPUS_LANGUAGE


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
    env.filters["text_lang"] = text_language
    env.filters["counted"] = counted
    env.globals["static_url"] = static_url
    return Jinja2Templates(env=env)
