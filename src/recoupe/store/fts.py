"""What a user types → a safe FTS5 query; FTS5 snippets → plain and HTML highlights.

A search box takes words, not FTS5 syntax: every word becomes a quoted phrase (so
``l'école``, ``AND`` or a stray ``"`` cannot raise a syntax error), all words must
match, and a word ending in ``*`` matches as a prefix (``ferm*`` finds ``fermée``).
"""

from __future__ import annotations

import html

# Control characters never found in analysed text: FTS5 puts them around each match,
# and Python turns them into "[ ]" or "<mark>" after escaping the rest for HTML.
OPEN, CLOSE = "\x02", "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16


def match_expression(text: str, column: str | None = None) -> str | None:
    """An FTS5 MATCH expression for ``text``; None when it holds no word at all."""
    phrases = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not any(c.isalnum() for c in word):
            continue
        phrases.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not phrases:
        return None
    expression = " ".join(phrases)
    return f"{column} : ({expression})" if column else expression


def snippet_sql(table: str, column: int) -> str:
    """The SQL of an FTS5 snippet with this module's markers (column -1: the best)."""
    return (f"snippet({table}, {column}, char(2), char(3), '{ELLIPSIS}', "
            f"{SNIPPET_TOKENS})")


def plain(marked: str) -> str:
    """The snippet with each match in square brackets: ``…l'[école] est…``."""
    return _one_line(marked).replace(OPEN, "[").replace(CLOSE, "]")


def as_html(marked: str) -> str:
    """The snippet as safe HTML with each match in ``<mark>``."""
    return (html.escape(_one_line(marked), quote=False)
            .replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def _one_line(text: str) -> str:
    # A snippet may span paragraphs; a result list shows it on one line.
    return " ".join(text.split())


def excerpt(text: str, limit: int = 200) -> str:
    """The start of a text, cut at a word, for results that matched no word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + ELLIPSIS
