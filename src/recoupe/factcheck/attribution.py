"""Which source a stretch of the article is attributed to.

The source-chain component records an :class:`Attribution` for every quote, every
"selon X" and every "X révèle que …"; the claim and headline components read them to
tell the journalist's own assertions from what a source said. A *framing* attribution
("le récent appel signale une tendance") marks the journalist's reading of a recording:
the journalist asserts it, and it rests on the recording.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = "recoupe_attributions"


@dataclass(frozen=True)
class Attribution:
    start: int  # character offsets of what is attributed
    end: int
    source: str  # id of the Source
    quote: str | None = None  # id of the Quote, when a quote carries it
    # "quote", "according_to" (selon X), "reported" (X révèle que), or "framing": the
    # journalist's own reading of material ("l'appel signale une tendance"), which the
    # sentence rests on but which does not speak for it
    how: str = "quote"


def set_attributions(doc: Doc, attributions: list[Attribution]) -> None:
    doc.user_data[_KEY] = sorted(attributions, key=lambda a: (a.start, a.end))


def attributions(doc: Doc) -> list[Attribution]:
    return doc.user_data.get(_KEY, [])


def attributed_in(doc: Doc, start: int, end: int) -> list[Attribution]:
    """Attributions overlapping [start, end)."""
    return [a for a in attributions(doc) if a.start < end and start < a.end]


def covering(doc: Doc, start: int, end: int) -> list[Attribution]:
    """Attributions whose stretch holds [start, end) entirely."""
    return [a for a in attributions(doc) if a.start <= start and end <= a.end]
