"""Page numbers ↔ limit/offset, and links that keep the other query parameters."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

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
