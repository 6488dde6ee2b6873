"""HTML pages: the article's headline and main text, extracted by trafilatura.

The text of the article is the headline, a blank line, then the paragraphs of the main
text separated by blank lines; navigation, footers, scripts, styles and reader comments
are left out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from recoupe.ingest.encoding import check_text, decode_bytes, normalize_newlines, read_file_bytes
from recoupe.ingest.text import check_str_size
from recoupe.records import ArticleInput, InputError

NO_ARTICLE = "no article text found in the HTML page"

# A page whose longest paragraph is shorter than this holds no article: menus, link
# lists and tag clouds are made of short lines.
MIN_PARAGRAPH_WORDS = 6

# Removed before extraction. trafilatura's main extractor drops most of these itself,
# but its fallback extractors, used on pages with little text, do not. Footers inside
# an <article> stay: they often hold the credit line ("Avec AFP").
_PRUNE = [
    "//nav",
    "//*[@role='navigation']",
    "//footer[not(ancestor::article)]",
    "//noscript",
    "//template",
    "//textarea",
    "//object",
    "//embed",
]
# <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=...">,
# or an XML declaration; looked for where browsers look, at the start of the page.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_CHARSET_PRESCAN_BYTES = 8192


def read_html(path: str | os.PathLike, origin: str | None = None) -> ArticleInput:
    """An HTML file as one article; its id is the file name without extension."""
    origin = origin or str(path)
    return html_from_bytes(read_file_bytes(path, origin), id=Path(path).stem, origin=origin)


def html_from_bytes(data: bytes, *, id: str, origin: str) -> ArticleInput:
    html = decode_bytes(data, origin, declared_encoding=declared_charset(data))
    return _article(html, id=id, origin=origin)


def article_from_html(html: str, *, id: str, origin: str) -> ArticleInput:
    """An HTML page given as a string (web app). ``origin`` may be the page's URL."""
    check_str_size(html, origin)
    return _article(check_text(normalize_newlines(html), origin), id=id, origin=origin)


def declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_CHARSET_PRESCAN_BYTES])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _article(html: str, *, id: str, origin: str) -> ArticleInput:
    document = _extract(html, origin)
    title = _one_line(document.title)
    paragraphs = _paragraphs(document.text or "", title)
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise InputError(origin, NO_ARTICLE)
    body = "\n\n".join(paragraphs)
    return ArticleInput(
        id=id,
        text=f"{title}\n\n{body}" if title else body,
        title=title,
        url=document.url,
        date=document.date,
        source=_one_line(document.sitename),
        origin=origin,
        input_format="html",
    )


def _extract(html: str, origin: str):
    import trafilatura  # imported on first use: a JSON Lines or text run never needs it

    url = origin if origin.startswith(("http://", "https://")) else None
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            prune_xpath=_PRUNE,
        )
    # Hostile markup reaches lxml and trafilatura's heuristics; whatever breaks there is
    # a problem with this page, to report as such while the rest of a batch goes on.
    except Exception as error:  # noqa: BLE001
        raise InputError(origin, f"could not parse the HTML page ({type(error).__name__})") from None
    if document is None:
        raise InputError(origin, NO_ARTICLE)
    return document


def _paragraphs(text: str, title: str | None) -> list[str]:
    """trafilatura's lines, trimmed; without the headline it repeats from the <h1>."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
    return lines


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _one_line(value: str | None) -> str | None:
    """Metadata on one line, None when blank."""
    joined = " ".join((value or "").split())
    return joined or None
