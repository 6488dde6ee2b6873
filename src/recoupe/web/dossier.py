"""The dossier body of an article page, and the speakers who link to person pages.

The body is ``recoupe.render.html``'s fragment, the same dossier as
``recoupe analyze -f html``, so that the web and the files never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from recoupe import schema
from recoupe.render.html import DOSSIER_CSS, DOSSIER_JS, render_dossier_fragment
from recoupe.store.rows import speaker_of


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    n_quotes: int


@dataclass(frozen=True)
class DossierBody:
    html: Markup
    css: str = ""
    js: str = ""


def dossier_body(analysis: schema.Analysis) -> DossierBody:
    """The dossier's HTML fragment, with the CSS and the optional script it comes with."""
    return DossierBody(Markup(render_dossier_fragment(analysis)), DOSSIER_CSS, DOSSIER_JS)


def speakers(analysis: schema.Analysis) -> list[SpeakerCount]:
    """Each named speaker of the article, most quoted first, named as the store names
    them (a pronoun is no name), so that each can be found among the people."""
    clusters = {cluster.id: cluster for cluster in analysis.entities}
    counts = Counter(speaker.name for quote in analysis.quotes
                     if (speaker := speaker_of(quote, clusters)) is not None)
    return [SpeakerCount(name, n) for name, n in counts.most_common()]
