"""What a visitor sends (pasted text, an uploaded file, a JSON body) → ``ArticleInput``.

Every refusal is a ``RequestProblem`` carrying the HTTP status and a message meant for
the person who sent the article.
"""

from __future__ import annotations

import hashlib

from recoupe.core import analysed_text
from recoupe.ingest.encoding import BINARY, EMPTY, decode_bytes
from recoupe.records import ArticleInput, InputError
from recoupe.web.limits import ALLOWED_EXTENSIONS, HTML_EXTENSIONS, too_large_message
from recoupe.web.problems import RequestProblem

try:  # the package-level names, once recoupe.ingest exports them
    from recoupe.ingest import article_from_html, article_from_text
except ImportError:  # pragma: no cover - the modules that define them
    from recoupe.ingest.html import article_from_html
    from recoupe.ingest.text import article_from_text

ID_PREFIX = "w"
EMPTY_MESSAGE = "The article text is empty: paste an article or choose a file."
TOO_LARGE_PREFIX = "input too large"


def content_id(article: ArticleInput) -> str:
    """A permanent id from the analysed text, which the store also keys on: the same
    article sent twice gets the same page."""
    text = analysed_text(article).encode("utf-8", "surrogatepass")
    return ID_PREFIX + hashlib.sha256(text).hexdigest()[:16]


def with_content_id(article: ArticleInput) -> ArticleInput:
    return article.model_copy(update={"id": content_id(article)})


def from_text(text: str | None, *, title: str | None = None, url: str | None = None,
              date: str | None = None, limit: int, origin: str = "pasted text") -> ArticleInput:
    text = text or ""
    if not text.strip():
        raise RequestProblem(422, EMPTY_MESSAGE)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise RequestProblem(413, too_large_message(size, limit))
    title = title_to_add(title, text)
    try:
        return with_content_id(article_from_text(
            text, id=ID_PREFIX, origin=origin, title=title, url=url or None, date=date or None))
    except InputError as error:
        raise _problem(error) from None


def from_upload(filename: str | None, content_type: str | None, data: bytes, *,
                title: str | None = None, limit: int) -> ArticleInput:
    name = filename or "the file"
    kind = file_kind(filename, content_type)
    if kind is None:
        raise RequestProblem(
            415, f"{name} cannot be read: its type ({content_type or 'unknown'}) is not"
                 " supported. Send a plain-text (.txt) or HTML (.html, .htm) file.")
    if len(data) > limit:
        raise RequestProblem(413, too_large_message(len(data), limit))
    if not data.strip():
        raise RequestProblem(422, f"The file {name} is empty.")
    try:
        if kind == "html":
            from recoupe.ingest.html import declared_charset

            html = decode_bytes(data, name, declared_encoding=declared_charset(data))
            article = article_from_html(html, id=ID_PREFIX, origin=name)
        else:
            text = decode_bytes(data, name)
            return from_text(text, title=title, limit=limit, origin=name)
    except InputError as error:
        raise _problem(error) from None
    title = title_to_add(title, article.text)
    if title:
        article = with_headline(article, title)
    return with_content_id(article)


def file_kind(filename: str | None, content_type: str | None) -> str | None:
    """'text', 'html', or None for a file we do not read."""
    name = (filename or "").lower()
    mime = (content_type or "").split(";")[0].strip().lower()
    if name.endswith(HTML_EXTENSIONS) or mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if name.endswith(ALLOWED_EXTENSIONS) or mime.startswith("text/"):
        return "text"
    return None


def title_to_add(title: str | None, text: str) -> str | None:
    """The title to put above ``text``, or None when there is none or when the text
    already starts with it, case, spacing and final punctuation aside: a title typed
    again in capitals is not doubled. Any other title is put above the text (the core
    does so), and the text's first line then opens the body."""
    title = (title or "").strip()
    if not title:
        return None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    return None if _comparable(first_line) == _comparable(title) else title


def with_headline(page: ArticleInput, title: str) -> ArticleInput:
    """A web page's article under another headline: the page's own headline, the first
    line of its text, gives way to ``title`` instead of being pushed into the body."""
    text = page.text.lstrip()
    first_line, _, rest = text.partition("\n")
    if page.title and first_line.strip() == page.title.strip():
        text = rest.lstrip("\n")
    return page.model_copy(update={"title": title, "text": text})


def _comparable(line: str) -> str:
    return " ".join(line.casefold().split()).rstrip(" .!?:;…")


def _problem(error: InputError) -> RequestProblem:
    reason = error.reason
    if reason == EMPTY:
        return RequestProblem(422, EMPTY_MESSAGE)
    if reason.startswith(BINARY):
        # The reason is a predicate: "looks like a binary file, not text (PNG image)".
        return RequestProblem(415, f"{error.origin} {reason}. Send a plain-text (.txt) or"
                                   " HTML (.html, .htm) file.")
    if reason.startswith(TOO_LARGE_PREFIX):
        detail = reason[len(TOO_LARGE_PREFIX):].strip(" ()")
        return RequestProblem(413, f"{error.origin} is too large: {detail}.")
    return RequestProblem(422, f"{error.origin} cannot be read as an article: {reason}.")
