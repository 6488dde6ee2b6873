"""Property tests for recoupe.ingest: arbitrary bytes never crash the decoder, and text
round-trips through every encoding we claim to read."""

from __future__ import annotations

import codecs
import io
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from recoupe.ingest import article_from_html, decode_bytes
from recoupe.ingest.jsonl import read_jsonl_stream
from recoupe.records import ArticleInput, InputError

FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as a file holds it: no control characters but tab and newline (the decoder
# rejects text made of them, and normalises \r), no lone surrogates (not encodable),
# no U+FEFF (at the start, indistinguishable from a byte order mark).
TEXT_CHARS = st.one_of(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"),
    st.sampled_from("\n\t"),
)
texts = st.text(TEXT_CHARS, min_size=1, max_size=200).filter(lambda t: t.strip())

CP1252_CHARS = [
    char
    for byte in [*range(0x20, 0x7F), *range(0x80, 0x100)]
    for char in [bytes([byte]).decode("cp1252", "ignore")]
    if char and char != "\ufeff"
] + ["\n", "\t"]
cp1252_texts = st.text(st.sampled_from(CP1252_CHARS), min_size=1, max_size=200).filter(
    lambda t: t.strip()
)

# File signatures: bytes that start with one are read as what it announces.
SIGNATURES = (
    codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
    b"%PDF-", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
)
# A well-formed UTF-8 multi-byte character: cp1252 bytes holding one are ambiguous.
UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# Arbitrary bytes, plus arbitrary bytes behind the prefixes that steer the decoder.
raw = st.binary(max_size=2000)
steered = st.builds(
    bytes.__add__,
    st.sampled_from([*SIGNATURES, b"\x00", b"a\x00", b"{", b"<html>", "é".encode()]),
    raw,
)
utf16ish = st.builds(lambda t: t.encode("utf-16-le")[: len(t) * 2 - 1], st.text(max_size=200))


@FUZZ
@given(st.one_of(raw, steered, utf16ish))
def test_decode_bytes_raises_only_input_error(data):
    try:
        text = decode_bytes(data, "fuzz")
    except InputError as error:
        assert error.origin == "fuzz" and error.reason
        assert "\n" not in error.reason
    else:
        assert isinstance(text, str) and text.strip()
        assert "\r" not in text


@FUZZ
@given(texts)
def test_utf8_round_trips(text):
    data = text.encode("utf-8")
    assume(not data.startswith(SIGNATURES))
    assert decode_bytes(data, "fuzz") == text


@FUZZ
@given(texts, st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]))
def test_utf16_with_bom_round_trips(text, encoding):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    assert decode_bytes(bom[encoding] + text.encode(encoding), "fuzz") == text


@FUZZ
@given(cp1252_texts)
def test_cp1252_round_trips(text):
    data = text.encode("cp1252")
    assume(not data.startswith(SIGNATURES))
    if not UTF8_CHARACTER.search(data):
        assert decode_bytes(data, "fuzz") == text
        return
    # Ambiguous bytes: read as the UTF-8 they also are, or refused for what that reading
    # holds (broken UTF-8, control characters, only whitespace); never a third reading.
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    try:
        decoded = decode_bytes(data, "fuzz")
    except InputError as error:
        assert error.reason.startswith(("invalid UTF-8", "looks like a binary", "empty input"))
    else:
        assert decoded in (text, as_utf8)


TAGS = ["<p>", "</p>", "<div>", "<script>", "</script>", "<article>", "<h1>", "</h1>",
        "<!--", "-->", "<", ">", "&", "&amp;", '"', "\x00", "\n"]
markup = st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(markup)
def test_html_raises_only_input_error(html):
    try:
        article = article_from_html(html, id="h", origin="fuzz")
    except InputError as error:
        assert error.origin == "fuzz"
    else:
        assert isinstance(article, ArticleInput) and article.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(raw, st.just(b'{"text": "ok"}')), max_size=10))
def test_jsonl_raises_nothing(lines):
    stream = io.BufferedReader(io.BytesIO(b"\n".join(lines)))
    for result in read_jsonl_stream(stream, origin="fuzz", stem="fuzz"):
        assert isinstance(result, ArticleInput | InputError)
        if isinstance(result, InputError):
            assert result.origin.startswith("fuzz")
