"""Bytes → text, for every input format.

The decision order, and why:

1. A byte order mark is an explicit declaration: UTF-8, UTF-16 LE or BE.
2. NUL bytes never occur in text files, except as the high or low half of UTF-16 code
   units: a regular pattern of NULs is BOM-less UTF-16, anything else is binary.
3. Strict UTF-8: legacy 8-bit text with accented letters is almost never valid UTF-8
   by accident, so success is a reliable answer.
4. Invalid UTF-8 that is nevertheless *mostly* UTF-8 (it has more well-formed multi-byte
   characters than stray bytes, or it is valid up to a character cut off at the very
   end) is an error, not a reason to fall back to cp1252: the fallback would silently
   garble every accented letter of the file (« é » → « Ã© »). The error names the
   offset of the first bad byte so that the file can be repaired.
5. An encoding declared by an HTML page, if it decodes the bytes.
6. cp1252 (Windows-1252), the superset of Latin-1 that French legacy text uses, and
   which also covers « ’ œ € ».
7. Only bytes that cp1252 leaves undefined reach charset-normalizer, and latin-1 as a
   last resort (it decodes anything; the control-character check then rejects garbage).

The decoded text has its line endings normalised (\\r\\n and \\r become \\n) and no
byte order mark. Every character offset of an analysis refers to that text.
"""

from __future__ import annotations

import codecs
import os
import re
from typing import BinaryIO

from recoupe.records import InputError

MAX_INPUT_BYTES = 5_000_000
MAX_INPUT_BYTES_ENV = "RECOUPE_MAX_INPUT_BYTES"

EMPTY = "empty input"
BINARY = "looks like a binary file, not text"

# Formats people drop on a news tool by mistake: naming them makes the error actionable.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, Word/OpenDocument file or EPUB"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office file"),
)
# C0 and C1 control characters, except the whitespace ones text files legitimately hold.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.05
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")
# Encodings an HTML page may declare that we accept; excludes the Python-only codecs
# (unicode_escape, idna, rot13...) a hostile page could name.
_DECLARABLE = re.compile(
    r"(cp\d+|iso8859-\d+|mac-\w+|koi8-\w+|shift_jis\w*|euc_\w+|gb\w+|big5\w*|"
    r"iso2022_\w+|johab|tis-620|kz1048|ptcp154|hp-roman8)"
)
# Declarations that browsers (and we) read as cp1252 anyway.
_CP1252_ALIASES = {"ascii", "iso8859-1", "cp1252"}


# --- size ---------------------------------------------------------------------------


def max_input_bytes() -> int:
    """The size limit, read at call time so that the environment can change it."""
    value = os.environ.get(MAX_INPUT_BYTES_ENV)
    if value is None or not value.strip():
        return MAX_INPUT_BYTES
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit <= 0:
        raise ValueError(f"{MAX_INPUT_BYTES_ENV} must be a positive number of bytes, got {value!r}")
    return limit


def check_size(size: int, origin: str, *, at_least: bool = False) -> None:
    """Raise if ``size`` bytes are over the limit; ``at_least`` when the true size is
    unknown (a stream read no further than the limit)."""
    limit = max_input_bytes()
    if size <= limit:
        return
    shown, shown_limit = _size(size), _size(limit)
    if at_least:
        reason = f"more than the {shown_limit} limit"
    elif shown == shown_limit:  # "5.0 MB; the limit is 5.0 MB" would read as a bug
        reason = f"{size:,} bytes; the limit is {limit:,} bytes"
    else:
        reason = f"{shown}; the limit is {shown_limit}"
    raise InputError(origin, f"input too large ({reason})")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_limited(stream: BinaryIO, origin: str) -> bytes:
    """Everything a stream holds, without ever reading more than the limit plus one byte
    (a pipe may never end)."""
    data = read_up_to(stream, max_input_bytes() + 1)
    check_size(len(data), origin, at_least=True)
    return data


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """``size`` bytes, or fewer at the end of the stream (raw streams return short reads)."""
    chunks, missing = [], size
    while missing > 0:
        chunk = stream.read(missing)
        if not chunk:
            break
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def read_file_bytes(path: str | os.PathLike, origin: str) -> bytes:
    """A whole file, refusing a file over the limit before reading it."""
    try:
        with open(path, "rb") as file:
            check_size(os.fstat(file.fileno()).st_size, origin)
            return read_limited(file, origin)
    except OSError as error:
        raise os_error(error, origin) from None


def os_error(error: OSError, origin: str) -> InputError:
    reason = (error.strerror or str(error)).lower()
    return InputError(origin, reason)


# --- decoding -------------------------------------------------------------------------


def decode_bytes(data: bytes, origin: str, *, declared_encoding: str | None = None) -> str:
    """Decode an input file's bytes; raise ``InputError`` with a one-line reason if the
    bytes are not text. ``declared_encoding`` (from an HTML ``<meta charset>``) is only
    used for bytes that are not UTF-8."""
    check_size(len(data), origin)
    if not data.strip():
        raise InputError(origin, EMPTY)
    _reject_known_binary(data, origin)
    text = _decode_with_bom(data, origin)
    if text is None:
        if b"\x00" in data:
            text = _decode_utf16_without_bom(data)
            if text is None:
                raise InputError(origin, BINARY)
        else:
            text = _decode_without_bom(data, origin, declared_encoding)
    return check_text(normalize_newlines(text), origin)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, origin: str) -> str:
    """Reject decoded text that is blank or mostly control characters (binary data that
    happened to decode)."""
    if not text.strip():
        raise InputError(origin, EMPTY)
    controls = len(_CONTROL.findall(text))
    # Plus one: a single stray control character (a DOS end-of-file marker, say) in a
    # short text is not a sign of binary data.
    if controls > 1 + _MAX_CONTROL_RATIO * len(text):
        raise InputError(origin, BINARY)
    return text


def _reject_known_binary(data: bytes, origin: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(origin, f"{BINARY} ({kind})")


def _decode_with_bom(data: bytes, origin: str) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, len(codecs.BOM_UTF8), "utf-8", origin)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data, 2, "utf-16-le", origin)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, 2, "utf-16-be", origin)
    return None


def _strict(data: bytes, start: int, encoding: str, origin: str) -> str:
    """Decode after a byte order mark: the file declared its encoding, so no guessing."""
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        name = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise InputError(origin, f"invalid {name} at byte {start + error.start}") from None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark, recognised by its NULs: mostly-Latin text has a
    NUL in (nearly) every high byte and almost never in a low byte."""
    if len(data) % 2:
        return None
    units = len(data) // 2
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if odd_nuls >= 0.3 * units and even_nuls <= 0.1 * units:
        encoding = "utf-16-le"
    elif even_nuls >= 0.3 * units and odd_nuls <= 0.1 * units:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:  # lone surrogates: not UTF-16 after all
        return None


def _decode_without_bom(data: bytes, origin: str, declared_encoding: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        _reject_broken_utf8(data, error, origin)
    return _decode_declared(data, declared_encoding) or _decode_legacy(data)


def _reject_broken_utf8(data: bytes, error: UnicodeDecodeError, origin: str) -> None:
    escaped = data.decode("utf-8", "surrogateescape")
    multibyte = len(_NON_ASCII.findall(escaped))
    if not multibyte:
        return  # ASCII plus stray high bytes: legacy text
    stray = len(_ESCAPED_BYTE.findall(escaped))
    # Python reports a character cut off by the end of the data this way.
    truncated = error.end == len(data) and error.reason == "unexpected end of data"
    if truncated:
        raise InputError(
            origin, f"invalid UTF-8 at byte {error.start} (the text ends in the middle of a character)"
        )
    if multibyte > stray:
        raise InputError(
            origin,
            f"invalid UTF-8 at byte {error.start} (the rest is UTF-8: "
            "a corrupted file, or a mix of encodings?)",
        )


def _decode_declared(data: bytes, declared_encoding: str | None) -> str | None:
    if not declared_encoding:
        return None
    try:
        name = codecs.lookup(declared_encoding).name
    except LookupError:
        return None
    if name in _CP1252_ALIASES or not _DECLARABLE.fullmatch(name):
        return None
    try:
        return data.decode(name)
    except UnicodeError:
        return None


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass  # bytes cp1252 leaves undefined: some other legacy encoding
    return _decode_detected(data) or data.decode("latin-1")


def _decode_detected(data: bytes) -> str | None:
    # Imported here: it loads its language models, and most inputs never need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return str(best)
    except (UnicodeError, LookupError):
        return None
