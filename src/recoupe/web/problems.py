"""A request refused for a reason its sender can act on.

``RequestProblem`` carries the HTTP status, a message meant for the person who sent the
request, and optionally a way on (a link and its label) that the error page offers.
"""

from __future__ import annotations


class RequestProblem(Exception):
    def __init__(self, status: int, message: str,
                 link: tuple[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.link = link
