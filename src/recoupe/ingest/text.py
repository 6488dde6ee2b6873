"""Plain text: a .txt file, or a string given to the API."""

from __future__ import annotations

import os
from pathlib import Path

from recoupe.ingest.encoding import (
    check_size,
    check_text,
    decode_bytes,
    max_input_bytes,
    normalize_newlines,
    read_file_bytes,
)
from recoupe.records import ArticleInput


def read_text(path: str | os.PathLike, origin: str | None = None) -> ArticleInput:
    """A text file as one article; its id is the file name without extension."""
    origin = origin or str(path)
    return text_from_bytes(read_file_bytes(path, origin), id=Path(path).stem, origin=origin)


def text_from_bytes(data: bytes, *, id: str, origin: str) -> ArticleInput:
    text = decode_bytes(data, origin)
    return ArticleInput(id=id, text=text, origin=origin, input_format="text")


def article_from_text(
    text: str,
    *,
    id: str,
    origin: str,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
) -> ArticleInput:
    """An article given as a string (web app, Python API): same checks as a file."""
    check_str_size(text, origin)
    text = check_text(normalize_newlines(text), origin)
    if title is not None:
        title = normalize_newlines(title).strip() or None
    return ArticleInput(
        id=id, text=text, title=title, url=url, date=date, origin=origin, input_format="api"
    )


def check_str_size(text: str, origin: str) -> None:
    """The byte limit applied to a string, as its UTF-8 size."""
    # Only encode when the answer is in doubt: 4 bytes per character at most.
    if len(text) * 4 > max_input_bytes():
        check_size(len(text.encode("utf-8", "surrogatepass")), origin)
