"""Where the quotation marks of a text open and close.

French news mixes typographies: « … » with or without (non-breaking) inner spaces,
“ … ”, straight "…", ‹ ›, and quotes that run over a paragraph break by reopening the
mark at the start of the next paragraph. Both segmentation (no sentence boundary inside a
quotation) and quote extraction need the same answer, so it is computed once, here, on
plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.text import strip_span

# Directional pairs: the opening mark tells which mark closes it.
PAIRS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
CLOSERS = {v: k for k, v in PAIRS.items() if k != "„"}
STRAIGHT = '"'
# How many paragraph breaks a directional quote may run over without being reopened.
MAX_PARAGRAPHS_SPANNED = 3


@dataclass(frozen=True)
class QuoteRegion:
    """One quotation: ``open``/``close`` are the offsets of the marks, ``start``/``end``
    the trimmed content between them."""

    open: int
    close: int  # offset of the closing mark; equals end of paragraph when unclosed
    start: int
    end: int
    mark: str
    closed: bool
    depth: int  # 0 for an outer quotation, 1 for a quotation inside it
    continues: bool = False  # reopened at the start of a paragraph after an unclosed one

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.closed else self.close


def _straight_is_opening(text: str, i: int, inside: bool) -> bool:
    """Decide whether a straight double quote opens or closes, from its surroundings."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    before_blank = before.isspace() or before in "([{:—–-'’"
    after_blank = after.isspace() or after in ".,;:!?)]}…"
    if before_blank and not after_blank:
        # `: "Oui` opens, but `rien ! "` after an open quote closes
        return not inside or before == "\n"
    if after_blank and not before_blank:
        return False
    return not inside


def _is_unit_mark(text: str, i: int, inside: bool) -> bool:
    """The seconds or inches of 9"81 or 10": a straight quote right after a digit, that
    closes no open straight quotation ("il a dit "2"" still closes)."""
    if i == 0 or not text[i - 1].isdigit():
        return False
    return (i + 1 < len(text) and text[i + 1].isdigit()) or not inside


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """All quotations in ``text``, sorted by opening offset."""
    regions: list[QuoteRegion] = []
    # Open quotations, innermost last: [mark, open offset, paragraphs crossed, continues].
    stack: list[list] = []
    reopened_at: set[int] = set()
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n":
            _on_paragraph_break(text, i, stack, regions, reopened_at)
        elif ch == "“" and stack and stack[-1][0] == "„":
            _close(text, i, "„", stack, regions)
        elif ch in PAIRS:
            stack.append([ch, i, 0, i in reopened_at])
        elif ch in CLOSERS:
            _close(text, i, CLOSERS[ch], stack, regions)
        elif ch == STRAIGHT:
            inside = bool(stack) and stack[-1][0] == STRAIGHT
            if _is_unit_mark(text, i, inside):
                continue
            if _straight_is_opening(text, i, inside):
                stack.append([STRAIGHT, i, 0, i in reopened_at])
            elif inside:
                _close(text, i, STRAIGHT, stack, regions)
    while stack:
        mark, start, _, cont = stack.pop()
        end = text.find("\n", start)
        _add(regions, text, start, n if end < 0 else end, mark, False, len(stack), cont)
    regions.sort(key=lambda r: (r.open, r.depth))
    return regions


def _close(text, i, opener, stack, regions) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == opener:
            # Marks opened after the matching one and never closed are dropped.
            mark, start, _, cont = stack[k]
            del stack[k:]
            _add(regions, text, start, i, mark, True, k, cont)
            return


def _on_paragraph_break(text, i, stack, regions, reopened_at) -> None:
    """A paragraph ends inside open quotations: close them, or carry them over."""
    if not stack:
        return
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    reopened = j < len(text) and (text[j] in PAIRS or text[j] == STRAIGHT)
    if reopened:
        # French typography reopens the mark on each paragraph a quotation runs over.
        reopened_at.add(j)
    keep: list[list] = []
    for depth, entry in enumerate(stack):
        mark, start, crossed, cont = entry
        directional = mark != STRAIGHT
        if (directional and not reopened and crossed < MAX_PARAGRAPHS_SPANNED
                and _closes_later(text, j, mark)):
            entry[2] = crossed + 1
            keep.append(entry)
        else:
            _add(regions, text, start, i, mark, False, depth, cont)
    stack[:] = keep


def _closes_later(text: str, j: int, mark: str) -> bool:
    """Does a closing mark for ``mark`` come before the next opening one?"""
    closer = PAIRS[mark]
    next_close = text.find(closer, j)
    if next_close < 0:
        return False
    next_open = text.find(mark, j)
    return next_open < 0 or next_open > next_close


def _add(regions, text, open_, close, mark, closed, depth, continues) -> None:
    start, end = strip_span(text, open_ + 1, close)
    if end > start:
        regions.append(QuoteRegion(open_, close, start, end, mark, closed, depth, continues))
