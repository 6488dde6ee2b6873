"""Errors as pages for people and as JSON for the API, never as a stack trace."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import Scope

from recoupe.core import ArticleError
from recoupe.web.problems import RequestProblem
from recoupe.web.security import SECURITY_HEADERS

log = logging.getLogger("recoupe.web")

MESSAGES = {
    404: "This page does not exist.",
    405: "This address does not accept that method.",
    500: "Something went wrong on the server; the error has been logged.",
}
# What the error page calls each status: words for people, not the RFC's phrases.
HEADINGS = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    415: "Not a text file",
    422: "Invalid request",
    500: "Server error",
}


def wants_json(scope: Scope) -> bool:
    path = scope.get("path", "")
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def title_of(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def heading_of(status: int) -> str:
    return HEADINGS.get(status) or title_of(status)


class ErrorResponder:
    """Builds the error response for a request; ``templates`` renders error.html."""

    def __init__(self, templates) -> None:
        self.templates = templates

    def __call__(self, scope: Scope, status: int, message: str,
                 details: list | None = None,
                 link: tuple[str, str] | None = None) -> Response:
        if wants_json(scope):
            body: dict = {"detail": message, "status": status}
            if details:
                body["errors"] = details
            response: Response = JSONResponse(body, status_code=status)
        else:
            html = self.templates.get_template("error.html").render(
                status=status, title=heading_of(status), message=message,
                details=details or [], link=link, nav=None)
            response = Response(html, status_code=status, media_type="text/html")
        # Also on responses built outside the middleware stack (unhandled errors).
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        return response


def install(app: FastAPI, respond: ErrorResponder) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.detail != title_of(
            exc.status_code) else MESSAGES.get(exc.status_code, title_of(exc.status_code))
        response = respond(request.scope, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        details = [_readable(error) for error in exc.errors()]
        message = "Invalid request: " + "; ".join(details) + "."
        return respond(request.scope, 422, message, details)

    @app.exception_handler(RequestProblem)
    async def refused_input(request: Request, exc: RequestProblem) -> Response:
        return respond(request.scope, exc.status, exc.message, link=exc.link)

    @app.exception_handler(ArticleError)
    async def unanalysable(request: Request, exc: ArticleError) -> Response:
        return respond(request.scope, 422, f"The article could not be analysed: {exc}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request.scope, 500, MESSAGES[500])


def _readable(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query"))
    message = error.get("msg", "invalid value")
    return f"{where}: {message}" if where else message
