"""The dossier body of an article page, and the speakers who link to person pages.

The body comes from ``recoupe.render.html`` (shared with ``recoupe analyze -f html``);
until that renderer is installed, a plain version of our own shows the text with its
quotes highlighted, so that the page never breaks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from recoupe import schema

from recoupe.render.overview import quotes_in_order
from recoupe.store.rows import speaker_of


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    n_quotes: int


@dataclass(frozen=True)
class Piece:
    text: str
    quote: schema.Quote | None = None


@dataclass(frozen=True)
class DossierBody:
    html: Markup
    css: str = ""
    js: str = ""


def dossier_body(analysis: schema.Analysis, templates) -> DossierBody:
    """The dossier's HTML fragment, with the CSS and the optional script it comes with."""
    try:
        from recoupe.render.html import DOSSIER_CSS, DOSSIER_JS, render_dossier_fragment
    except ImportError:
        numbers = {q.id: f"q{n}" for n, q in enumerate(quotes_in_order(analysis), 1)}
        html = templates.get_template("_plain_dossier.html").render(
            analysis=analysis, pieces=text_pieces(analysis), speaker_of=speaker_name,
            anchor=numbers.get)
        return DossierBody(Markup(html))
    return DossierBody(Markup(render_dossier_fragment(analysis)), DOSSIER_CSS, DOSSIER_JS)


def speaker_name(quote: schema.Quote) -> str | None:
    return quote.speaker.name or quote.speaker.text


def speakers(analysis: schema.Analysis) -> list[SpeakerCount]:
    """Each named speaker of the article, most quoted first, named as the store names
    them (a pronoun is no name), so that each can be found among the people."""
    clusters = {cluster.id: cluster for cluster in analysis.entities}
    counts = Counter(speaker.name for quote in analysis.quotes
                     if (speaker := speaker_of(quote, clusters)) is not None)
    return [SpeakerCount(name, n) for name, n in counts.most_common()]


def text_pieces(analysis: schema.Analysis) -> list[Piece]:
    """The text cut at quote edges; a quote inside another is shown within the outer one."""
    pieces, cursor = [], 0
    for quote in sorted(analysis.quotes, key=lambda q: (q.start, -q.end)):
        if quote.start < cursor:
            continue
        if quote.start > cursor:
            pieces.append(Piece(analysis.text[cursor:quote.start]))
        pieces.append(Piece(analysis.text[quote.start:quote.end], quote))
        cursor = quote.end
    if cursor < len(analysis.text):
        pieces.append(Piece(analysis.text[cursor:]))
    return pieces
