"""One colour per speaker, the same in the terminal, in Markdown and in HTML.

A speaker's colour is keyed by its canonical name, so that "Vladimir Poutine" gets the
same colour in every dossier unless another speaker of the same article already took it;
collisions are resolved in name order, so the result never depends on quote order.

Each entry has an ``ink`` (text and borders on white, contrast >= 4.5:1, WCAG AA), a
``tint`` (a background under near-black text, contrast >= 7:1), a ``term`` colour readable
on both dark and light terminals, and a ``marker`` emoji for Markdown, which has no colour.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from recoupe.schema import Quote

UNKNOWN_SPEAKER = "unknown speaker"
TEXT_COLOR = "#1b1f24"


@dataclass(frozen=True)
class SpeakerColor:
    name: str
    ink: str
    tint: str
    term: str
    marker: str


PALETTE: tuple[SpeakerColor, ...] = (
    SpeakerColor("blue", "#1d5fb8", "#d9e7fa", "#3b8eea", "🔵"),
    SpeakerColor("orange", "#a34b00", "#fde2c8", "#e5892e", "🟠"),
    SpeakerColor("green", "#1f7a3a", "#d3efdb", "#3fb060", "🟢"),
    SpeakerColor("purple", "#7140ad", "#e8dcf7", "#a77be0", "🟣"),
    SpeakerColor("red", "#b1261e", "#fad9d6", "#e5534b", "🔴"),
    SpeakerColor("brown", "#7b5230", "#eee0d0", "#b88a5c", "🟤"),
    SpeakerColor("gold", "#7d6200", "#f7ebb5", "#c9a21b", "🟡"),
    SpeakerColor("teal", "#00707a", "#cdeef0", "#2ab0bb", "🟩"),
    SpeakerColor("magenta", "#a3236f", "#f8d7e9", "#dd5aa6", "🟥"),
    SpeakerColor("indigo", "#3b45a6", "#dde0f7", "#7c86e6", "🟦"),
    SpeakerColor("olive", "#5b6a00", "#e6edc4", "#97a934", "🟨"),
    SpeakerColor("plum", "#8a3b8f", "#f3dbf3", "#c774cc", "🟪"),
)
UNKNOWN = SpeakerColor("grey", "#5a5f66", "#e5e7ea", "#8b9199", "⚪")


def speaker_name(quote: Quote) -> str:
    """Who speaks the quote, as a reader should see it: canonical name, else mention."""
    name = (quote.speaker.name or quote.speaker.text or "").strip()
    return name or UNKNOWN_SPEAKER


def preferred_index(name: str) -> int:
    # A stable hash (Python's hash() changes between processes).
    digest = hashlib.sha1(name.casefold().encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % len(PALETTE)


def assign_colors(names: Iterable[str]) -> dict[str, SpeakerColor]:
    """A colour for each speaker name: its own if free and unlike those already given,
    else the next such one, else the free one least like them; shared past the palette."""
    colors: dict[str, SpeakerColor] = {}
    taken: list[int] = []
    for name in sorted(set(names), key=lambda n: (n.casefold(), n)):
        if name == UNKNOWN_SPEAKER:
            colors[name] = UNKNOWN
            continue
        preferred = preferred_index(name)
        order = [(preferred + step) % len(PALETTE) for step in range(len(PALETTE))]
        free = [i for i in order if i not in taken]

        def nearest(i: int) -> float:
            return min((SEPARATION[i][j] for j in taken), default=math.inf)

        # The first free colour far from all those taken; else the farthest free one.
        distinct = [i for i in free if nearest(i) >= 1.0]
        index = distinct[0] if distinct else max(free, key=nearest) if free else preferred
        taken.append(index)
        colors[name] = PALETTE[index]
    return colors


def speaker_colors(quotes: Iterable[Quote]) -> dict[str, SpeakerColor]:
    """The colour of every speaker of ``quotes``, keyed by :func:`speaker_name`."""
    return assign_colors(speaker_name(q) for q in quotes)


def relative_luminance(hex_color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(hex_color: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def color_distance(a: str, b: str) -> float:
    """CIE76 distance: about 2 is barely visible, 40 plainly different."""
    return math.dist(_lab(a), _lab(b))


# Two palette colours clash when a reader could take one for the other next to it:
# underlines (ink) too close, or backgrounds (tint) too close.
INK_APART, TINT_APART = 30.0, 8.0
# SEPARATION >= 1 means far enough apart on both counts.
SEPARATION = [[min(color_distance(a.ink, b.ink) / INK_APART,
                   color_distance(a.tint, b.tint) / TINT_APART)
               for b in PALETTE] for a in PALETTE]
