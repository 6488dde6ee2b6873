"""Reading articles from files, folders, stdin and strings.

    >>> from recoupe.ingest import article_from_text
    >>> article_from_text("Titre\\r\\n\\r\\nCorps.", id="a1", origin="api").text
    'Titre\\n\\nCorps.'

``iter_inputs`` yields an ``ArticleInput`` per article and an ``InputError`` per input it
cannot read, so that one bad file does not stop a batch. See docs/ingest.md.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from recoupe.ingest.encoding import (
    MAX_INPUT_BYTES,
    MAX_INPUT_BYTES_ENV,
    check_size,
    decode_bytes,
    max_input_bytes,
    os_error,
    read_limited,
    read_up_to,
)
from recoupe.ingest.html import article_from_html, html_from_bytes, read_html
from recoupe.ingest.jsonl import count_jsonl_lines, read_jsonl, read_jsonl_stream
from recoupe.ingest.text import article_from_text, read_text, text_from_bytes
from recoupe.records import ArticleInput, InputError

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_INPUT_BYTES_ENV",
    "ArticleInput",
    "InputError",
    "article_from_html",
    "article_from_text",
    "count_inputs",
    "decode_bytes",
    "iter_inputs",
    "max_input_bytes",
    "read_html",
    "read_jsonl",
    "read_text",
    "sniff_format",
]

STDIN = "-"
STDIN_NAME = "stdin"  # names stdin in errors and in the ids of its articles
FORMATS_BY_EXTENSION = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_SNIFF_BYTES = 8192
_HTML_TAG = re.compile(
    r"<(!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|br)\b",
    re.IGNORECASE,
)


def iter_inputs(
    paths: Iterable[str | os.PathLike], stdin: BinaryIO | TextIO | None = None
) -> Iterator[ArticleInput | InputError]:
    """Every article in ``paths``: files, folders (recursively) and "-" for ``stdin``
    (``sys.stdin`` by default). Problems are yielded as ``InputError``, never raised."""
    for path in paths:
        if str(path) == STDIN:
            yield from _iter_stdin(stdin if stdin is not None else sys.stdin)
        elif os.path.isdir(path):
            yield from _iter_folder(Path(path))
        else:
            yield from _iter_file(Path(path), str(path))


def count_inputs(paths: Iterable[str | os.PathLike]) -> int:
    """About how many items ``iter_inputs`` will yield, for a progress bar: one per file,
    one per non-blank line of a .jsonl file. Never fails."""
    total = 0
    for path in paths:
        if str(path) != STDIN and os.path.isdir(path):
            files, errors = _folder_files(Path(path))
            empty = not files and not errors  # then one error says so
            total += sum(_count_file(file) for file in files) + len(errors) + empty
        else:
            total += _count_file(Path(path)) if str(path) != STDIN else 1
    return total


def sniff_format(head: bytes) -> str:
    """"html", "jsonl" or "text", from the first bytes of an input without an extension
    we know."""
    text = _peek_text(head).lstrip()
    if text.startswith("<") and _HTML_TAG.search(text):
        return "html"
    if _looks_like_json_object(text, cut=len(head) >= _SNIFF_BYTES):
        return "jsonl"
    return "text"


# --- files and folders --------------------------------------------------------------


def _iter_file(path: Path, origin: str) -> Iterator[ArticleInput | InputError]:
    kind = FORMATS_BY_EXTENSION.get(path.suffix.lower())
    if kind == "jsonl":
        yield from read_jsonl(path, origin)
        return
    try:
        if kind == "html":
            yield read_html(path, origin)
        elif kind == "text":
            yield read_text(path, origin)
        else:
            yield from _iter_unknown_file(path, origin)
    except InputError as error:
        yield error


def _iter_unknown_file(path: Path, origin: str) -> Iterator[ArticleInput | InputError]:
    # Opened once and sniffed as a stream: the path may be a pipe, such as /dev/stdin
    # or a shell's <(...), which cannot be read twice.
    try:
        file = open(path, "rb")
    except OSError as error:
        raise os_error(error, origin) from None
    with file:
        size = os.fstat(file.fileno()).st_size  # 0 for a pipe: read_limited still guards
        yield from _iter_sniffed(file, name=origin, id=path.stem, size=size)


def _iter_folder(folder: Path) -> Iterator[ArticleInput | InputError]:
    files, errors = _folder_files(folder)
    yield from errors
    if not files and not errors:
        extensions = ", ".join(FORMATS_BY_EXTENSION)
        yield InputError(str(folder), f"no {extensions} files in this folder")
    for file in files:
        yield from _iter_file(file, str(file))


def _folder_files(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Input files under ``folder``, sorted by path; hidden files and folders (.git,
    macOS ._* resource forks) are skipped."""
    files, errors = [], []

    def report(error: OSError) -> None:
        errors.append(os_error(error, error.filename or str(folder)))

    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS_BY_EXTENSION:
                files.append(Path(root, name))
    # Sorting by parts keeps a folder's files together: a.txt, b/c.txt, d.txt.
    files.sort(key=lambda file: file.relative_to(folder).parts)
    return files, errors


def _count_file(path: Path) -> int:
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        return max(1, count_jsonl_lines(path))
    except OSError:
        return 1


# --- stdin -----------------------------------------------------------------------------


def _iter_stdin(stdin: BinaryIO | TextIO) -> Iterator[ArticleInput | InputError]:
    for item in _iter_sniffed(_binary(stdin), name=STDIN_NAME, id=STDIN_NAME):
        # The record contract names stdin "-"; errors and JSON lines say "stdin".
        if isinstance(item, ArticleInput) and item.origin == STDIN_NAME:
            item = item.model_copy(update={"origin": STDIN})
        yield item


def _iter_sniffed(
    stream: BinaryIO, *, name: str, id: str, size: int = 0
) -> Iterator[ArticleInput | InputError]:
    """An input whose format its first bytes tell; JSON Lines are streamed, anything
    else is read whole. ``size``, when known, is checked before reading."""
    head = read_up_to(stream, _SNIFF_BYTES)
    kind = sniff_format(head)
    # The sniffed bytes go back in front so that the readers see the whole stream.
    rewound = io.BufferedReader(_Rewound(head, stream))
    if kind == "jsonl":
        yield from read_jsonl_stream(rewound, origin=name, stem=id)
        return
    try:
        check_size(size, name)
        data = read_limited(rewound, name)
        from_bytes = html_from_bytes if kind == "html" else text_from_bytes
        yield from_bytes(data, id=id, origin=name)
    except InputError as error:
        yield error


def _binary(stdin: BinaryIO | TextIO) -> BinaryIO:
    if hasattr(stdin, "buffer"):
        return stdin.buffer
    if isinstance(stdin, io.TextIOBase):  # an io.StringIO, in tests or embedding code
        return io.BytesIO(stdin.read().encode("utf-8", "surrogatepass"))
    return stdin


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were already read, put back in front of the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# --- sniffing --------------------------------------------------------------------------


def _peek_text(head: bytes) -> str:
    """The sniffed bytes as text, good enough to look at; a character cut by the end of
    the sample does not matter."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) : len(head) - len(head) % 2].decode(encoding, "replace")
    return head.decode("utf-8-sig", "replace")


def _looks_like_json_object(text: str, *, cut: bool) -> bool:
    """Whether the first line is a JSON object; when it runs past a sample that was cut
    short, an opening brace has to do."""
    first, newline, _ = text.partition("\n")
    if not first.lstrip().startswith("{"):
        return False
    if cut and not newline:
        return True
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False
