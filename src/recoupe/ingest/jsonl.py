"""JSON Lines: one article per line, as an object with ``text`` and optionally ``id``,
``title``, ``url``, ``date``, ``source`` and ``language``.

A bad line is reported as an ``InputError`` named ``file.jsonl:LINE`` (1-based, blank
lines counted, as in an editor) and the lines after it are still read. The file is
streamed: the size limit applies to each line, not to the whole file.
"""

from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

from recoupe.ingest.encoding import (
    check_size,
    check_text,
    decode_bytes,
    max_input_bytes,
    normalize_newlines,
    os_error,
    read_limited,
)
from recoupe.records import ArticleInput, InputError

OPTIONAL_FIELDS = ("title", "url", "date", "source", "language")
_HEAD_BYTES = 4096


def read_jsonl(path: str | os.PathLike, origin: str | None = None) -> Iterator[ArticleInput | InputError]:
    origin = origin or str(path)
    try:
        file = open(path, "rb")
    except OSError as error:
        yield os_error(error, origin)
        return
    with file:
        yield from read_jsonl_stream(file, origin=origin, stem=Path(path).stem)


def read_jsonl_stream(
    stream: io.BufferedReader, *, origin: str, stem: str
) -> Iterator[ArticleInput | InputError]:
    """Articles from a binary stream; ``stem`` makes the ids of lines without one."""
    head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        # UTF-16 (as PowerShell writes it) or binary: decode_bytes tells which, once
        # for the whole file rather than once per line.
        try:
            text = decode_bytes(read_limited(stream, origin), origin)
        except InputError as error:
            yield error
            return
        lines = ((line, len(line)) for line in text.split("\n"))
    else:
        lines = _byte_lines(stream)
    for number, (line, size) in enumerate(lines, start=1):
        if line is None or line.strip():
            yield _parse_line(line, size, f"{origin}:{number}", f"{stem}-{number}")


def count_jsonl_lines(path: str | os.PathLike) -> int:
    """Non-blank lines, cheaply: for a progress bar."""
    with open(path, "rb") as file:
        return sum(1 for line in file if line.strip())


def _byte_lines(stream: io.BufferedReader) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) pairs; a line over the size limit is skipped, not held: (None, size)."""
    limit = max_input_bytes()
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            yield None, len(line) + _skip_line(stream)
        else:
            yield line, len(line)


def _skip_line(stream: io.BufferedReader) -> int:
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _parse_line(
    line: bytes | str | None, size: int, origin: str, default_id: str
) -> ArticleInput | InputError:
    try:
        check_size(size, origin)
        if isinstance(line, bytes):
            line = decode_bytes(line, origin)
        return _article(_load_json(line, origin), origin, default_id)
    except InputError as error:
        return error


def _load_json(line: str, origin: str):
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(origin, f"invalid JSON ({error.msg}: column {error.colno})") from None
    except RecursionError:
        raise InputError(origin, "invalid JSON (nested too deeply)") from None


def _article(record, origin: str, default_id: str) -> ArticleInput:
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(origin, 'missing "text" field')
    if not isinstance(text, str):
        raise InputError(origin, f'"text" must be a string, got {_json_type(text)}')
    if not text.strip():
        raise InputError(origin, 'empty "text" field')
    fields = {name: _optional_string(record, name, origin) for name in OPTIONAL_FIELDS}
    if fields["title"]:
        fields["title"] = normalize_newlines(fields["title"])
    return ArticleInput(
        id=_id(record, origin) or default_id,
        text=check_text(normalize_newlines(text), origin),
        origin=origin,
        input_format="jsonl",
        **fields,
    )


def _id(record: dict, origin: str) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    # bool is an int subclass, but `"id": true` is a mistake, not an identifier.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(origin, f'"id" must be a string or an integer, got {_json_type(value)}')
    return str(value).strip() or None


def _optional_string(record: dict, name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(origin, f'"{name}" must be a string, got {_json_type(value)}')
    return value.strip() or None


def _json_type(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
