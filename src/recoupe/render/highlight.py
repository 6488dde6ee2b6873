"""Cut a text into flat pieces so that overlapping and nested spans can be highlighted.

HTML elements must nest properly, but findings overlap freely (a loaded term inside a
quote, a claim straddling two quotes, a quote that runs over a paragraph break). So the
text is split at every span boundary and at every line break; each resulting piece
knows which spans cover it, and a renderer emits one flat element per piece. An anchor
(``#q1``) is attached to the first piece at or after the start of its span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """A span to show: ``kind`` says how, ``anchor`` is its id in the page (optional)."""

    start: int
    end: int
    kind: str
    anchor: str | None = None
    data: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return dict(self.data).get(key, default)


@dataclass
class Piece:
    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Mark]:
        return [m for m in self.marks if m.kind == kind]


@dataclass
class Block:
    """A line of the text (between line breaks), cut into pieces."""

    start: int
    end: int
    pieces: list[Piece]


def lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line that holds something other than spaces."""
    out = []
    start = 0
    for end in [*(i for i, c in enumerate(text) if c == "\n"), len(text)]:
        if text[start:end].strip():
            out.append((start, end))
        start = end + 1
    return out


def cut(text: str, marks: list[Mark]) -> list[Block]:
    """``text`` as blocks of flat pieces, each piece carrying the marks that cover it.

    Marks outside the text are clipped; empty marks only place their anchor.
    """
    size = len(text)
    clipped = []
    for mark in marks:
        start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
        if end < start:
            continue
        clipped.append((start, end, mark))
    edges = sorted({offset for start, end, _ in clipped for offset in (start, end)})
    blocks: list[Block] = []
    for line_start, line_end in lines(text):
        inside = edges[bisect.bisect_right(edges, line_start):
                       bisect.bisect_left(edges, line_end)]
        bounds = [line_start, *inside, line_end]
        pieces = [Piece(a, b, text[a:b]) for a, b in zip(bounds, bounds[1:])]
        blocks.append(Block(line_start, line_end, pieces))
    pieces = [p for b in blocks for p in b.pieces]
    starts = [p.start for p in pieces]
    placed: set[str] = set()
    for start, end, mark in clipped:
        if start < end:
            # Pieces never straddle a mark boundary, so coverage is a contiguous run.
            first = bisect.bisect_left(starts, start)
            for piece in pieces[first:]:
                if piece.start >= end:
                    break
                piece.marks.append(mark)
        if mark.anchor and pieces and mark.anchor not in placed:
            placed.add(mark.anchor)
            at = bisect.bisect_left(starts, start)
            pieces[min(at, len(pieces) - 1)].anchors.append(mark.anchor)
    return blocks
