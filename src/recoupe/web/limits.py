"""Request size limits, enforced before any parsing.

The body is read in full (it is small by construction) and refused with 413 as soon as
it passes the limit, so that neither the multipart parser nor the JSON decoder ever
sees an oversized request, and the client gets a clear answer instead of a reset.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_UPLOAD_BYTES = 2_000_000
# Room for the multipart boundaries and the other form fields.
ENVELOPE_BYTES = 64_000
# JSON may escape each character of the text: "é" is 2 bytes of UTF-8 but 6 as "\u00e9".
# The text itself is measured again once decoded, against the real limit.
JSON_EXPANSION = 3
ALLOWED_EXTENSIONS = (".txt", ".html", ".htm")
HTML_EXTENSIONS = (".html", ".htm")


def human_size(size: int) -> str:
    """Decimal units, as a person reads them: ``2.0 MB``, ``20 kB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def too_large_message(size: int | None, limit: int) -> str:
    shown = f" ({human_size(size)})" if size is not None else ""
    return (f"The text or file sent is too large{shown}: "
            f"the limit is {human_size(limit)}.")


ErrorResponder = Callable[[Scope, int, str], Response]


class BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes with 413 (Content-Length or streamed)."""

    def __init__(self, app: ASGIApp, *, payload_limit: int, respond: ErrorResponder) -> None:
        self.app = app
        # The limit users are told about: the article, not the envelope around it.
        self.payload_limit = payload_limit
        self.respond = respond

    def limit_for(self, scope: Scope) -> int:
        is_json = scope.get("path", "").startswith("/api/")
        return self.payload_limit * (JSON_EXPANSION if is_json else 1) + ENVELOPE_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, declared)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await self._refuse(scope, receive, send, None)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send,
                      size: int | None) -> None:
        response = self.respond(scope, 413, too_large_message(size, self.payload_limit))
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, receive: Receive) -> Callable[[], Awaitable[Message]]:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # the disconnect, when the client goes away

    return replay
