"""The headline check as a reader should get it: each finding said once.

The headline component states a finding in several places — an assertion's explanation,
the list of unsupported terms with their reasons, and notes that may restate either — so
that each consumer can take what it needs. A dossier says each thing once: a term is shown
under the assertion it belongs to unless the explanation already names it, and a note
that an explanation or a shown term already says is left out.

Evidence of an assertion the body does not support is no support: it is the body's
closest match, and is labelled so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recoupe.schema import Analysis, HeadlineAssertion, Span, UnsupportedTerm

_QUOTED = re.compile(r"«\s*([^»]+?)\s*»")


@dataclass
class AssertionView:
    assertion: HeadlineAssertion
    # How to introduce the evidence: "evidence", "closest body sentence(s)", or "".
    evidence_label: str
    # Its unsupported terms that the explanation does not already name.
    terms: list[UnsupportedTerm] = field(default_factory=list)

    @property
    def supports(self) -> bool:
        """Whether the evidence shown is support (rather than the closest match)."""
        return self.assertion.verdict != "not_supported"

    @property
    def says_no_evidence(self) -> bool:
        """A partly supported assertion with no evidence: worth saying."""
        return not self.assertion.evidence and self.assertion.verdict == "partly"


@dataclass
class HeadlineView:
    headline: Span | None
    assertions: list[AssertionView]
    loose_terms: list[UnsupportedTerm]  # unsupported terms inside no assertion
    notes: list[str]  # what neither an explanation nor a term says

    @property
    def checked(self) -> bool:
        return bool(self.assertions or self.loose_terms)


def evidence_label(assertion: HeadlineAssertion) -> str:
    if not assertion.evidence:
        return ""
    if assertion.verdict == "not_supported":
        return "closest body sentence" + ("s" if len(assertion.evidence) > 1 else "")
    return "evidence"


def _flat(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .")


def _names(explanation: str, term: str) -> bool:
    """Whether ``explanation`` quotes ``term`` (alone or inside a longer phrase)."""
    word = re.compile(rf"(?<!\w){re.escape(_flat(term))}(?!\w)")
    return any(word.search(_flat(q)) for q in _QUOTED.findall(explanation))


def _already_said(note: str, explanations: list[str], terms: set[str]) -> bool:
    flat = _flat(note)
    if any(flat in _flat(e) for e in explanations):
        return True
    # A note about nothing but terms shown as unsupported, with their reasons.
    quoted = [_flat(q) for q in _QUOTED.findall(note)]
    return bool(quoted) and "“" not in note and all(q in terms for q in quoted)


def headline_view(analysis: Analysis) -> HeadlineView:
    check = analysis.headline_check
    headline = check.headline or analysis.article.headline
    views, placed = [], set()
    for assertion in check.assertions:
        inside = [t for t in check.unsupported_terms
                  if assertion.start <= t.start and t.end <= assertion.end]
        placed.update(id(t) for t in inside)
        views.append(AssertionView(
            assertion, evidence_label(assertion),
            [t for t in inside if not _names(assertion.explanation, t.text)]))
    loose = [t for t in check.unsupported_terms if id(t) not in placed]
    explanations = [a.explanation for a in check.assertions if a.explanation]
    terms = {_flat(t.text) for t in check.unsupported_terms}
    notes = [n for n in dict.fromkeys(check.notes)
             if not _already_said(n, explanations, terms)]
    return HeadlineView(headline, views, loose, notes)
