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

try:  # the package-level names, once recoupe.ingest exports them
    from recoupe.ingest import article_from_html, article_from_text
except ImportError:  # pragma: no cover - the modules that define them
    from recoupe.ingest.html import article_from_html
    from recoupe.ingest.text import article_from_text

ID_PREFIX = "w"
EMPTY_MESSAGE = "Le texte de l'article est vide : collez un article ou choisissez un fichier."


class RequestProblem(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def content_id(article: ArticleInput) -> str:
    """A permanent id from the analysed text, which the store also keys on: the same
    article sent twice gets the same page."""
    text = analysed_text(article).encode("utf-8", "surrogatepass")
    return ID_PREFIX + hashlib.sha256(text).hexdigest()[:16]


def with_content_id(article: ArticleInput) -> ArticleInput:
    return article.model_copy(update={"id": content_id(article)})


def from_text(text: str | None, *, title: str | None = None, url: str | None = None,
              date: str | None = None, limit: int, origin: str = "texte collé") -> ArticleInput:
    text = text or ""
    if not text.strip():
        raise RequestProblem(422, EMPTY_MESSAGE)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise RequestProblem(413, too_large_message(size, limit))
    title = (title or "").strip() or None
    try:
        return with_content_id(article_from_text(
            text, id=ID_PREFIX, origin=origin, title=title, url=url or None, date=date or None))
    except InputError as error:
        raise _problem(error) from None


def from_upload(filename: str | None, content_type: str | None, data: bytes, *,
                title: str | None = None, limit: int) -> ArticleInput:
    name = filename or "fichier"
    kind = file_kind(filename, content_type)
    if kind is None:
        raise RequestProblem(
            415, f"Type de fichier non pris en charge ({name}, {content_type or 'type inconnu'}) :"
                 " envoyez un fichier .txt ou .html.")
    if len(data) > limit:
        raise RequestProblem(413, too_large_message(len(data), limit))
    if not data.strip():
        raise RequestProblem(422, f"Le fichier {name} est vide.")
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
    title = (title or "").strip()
    if title:
        article = article.model_copy(update={"title": title})
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


def _problem(error: InputError) -> RequestProblem:
    reason = error.reason
    if reason == EMPTY:
        return RequestProblem(422, EMPTY_MESSAGE)
    if reason.startswith(BINARY):
        return RequestProblem(415, f"{error.origin} n'est pas un fichier texte ({reason}).")
    if reason.startswith("input too large"):
        return RequestProblem(413, f"{error.origin} : fichier trop volumineux ({reason}).")
    return RequestProblem(422, f"{error.origin} ne peut pas être lu comme un article : {reason}.")
