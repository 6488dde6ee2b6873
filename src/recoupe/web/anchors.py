"""Where a quote or a claim stands in the dossier page.

The dossier renderer numbers its anchors by reading order, ``#q1`` for the first quote
and ``#c1`` for the best claim, rather than by the ids of the analysis; search results
and person pages know only the ids, so they link to a short redirect that finds the
anchor. Both sides order findings with the same functions of ``recoupe.render``.
"""

from __future__ import annotations

from recoupe import schema
from recoupe.render.overview import claims_by_score, quotes_in_order


def quote_anchor(analysis: schema.Analysis, quote_id: str) -> str | None:
    for number, quote in enumerate(quotes_in_order(analysis), 1):
        if quote.id == quote_id:
            return f"q{number}"
    return None


def claim_anchor(analysis: schema.Analysis, claim_id: str) -> str | None:
    for number, claim in enumerate(claims_by_score(analysis), 1):
        if claim.id == claim_id:
            return f"c{number}"
    return None
