"""Page numbers ↔ limit/offset, and links that keep the other query parameters.

A page past the last one is refused (422, like any other parameter out of range)
rather than shown empty, with a link to the last page that exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from recoupe.web.problems import RequestProblem

PAGE_SIZE = 20
MAX_PAGE = 10_000


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    total: int
    params: tuple[tuple[str, str], ...]
    path: str

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def count(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first_item(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last_item(self) -> int:
        return min(self.offset + self.size, self.total)

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    def url(self, number: int) -> str:
        query = [(k, v) for k, v in self.params if v and k != "page"]
        if number > 1:
            query.append(("page", str(number)))
        return self.path + ("?" + urlencode(query) if query else "")


def make_page(path: str, number: int, total: int, params: dict[str, str | None],
              size: int = PAGE_SIZE) -> Page:
    kept = tuple((k, str(v)) for k, v in params.items() if v not in (None, ""))
    return Page(number=number, size=size, total=total, params=kept, path=path)


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 person``, ``3 people``, ``0 results``."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def require_page(page: Page, singular: str, plural: str | None = None) -> Page:
    """``page`` if it exists; else a ``RequestProblem`` saying how many pages there are,
    with a link to the last one. Page 1 always exists, empty or not."""
    if page.number <= page.count:
        return page
    if page.total == 0:
        message = (f"There is no page {page.number:,}: no {plural or singular + 's'} "
                   "match, so there is only page 1.")
        link = (page.url(1), "Go to page 1")
    else:
        fit = "fits" if page.total == 1 else "fit"
        message = (f"There is no page {page.number:,}: "
                   f"{counted(page.total, singular, plural)} {fit} on "
                   f"{counted(page.count, 'page')}.")
        last = "page 1" if page.count == 1 else f"the last page ({page.count:,})"
        link = (page.url(page.count), f"Go to {last}")
    raise RequestProblem(422, message, link=link)
