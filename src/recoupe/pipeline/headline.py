"""The headline check: does the body hold up what the headline asserts?

Fills ``Doc._.headline_check`` with a :class:`recoupe.schema.HeadlineCheck`: the
headline split into assertions, each with a verdict (supported, partly, not_supported),
the body sentences that bear on it and an explanation; the strong headline terms the
body never uses; and plain-language notes ("«mutinerie» has no support in the body",
"«appels divulgués» is plural, but the body mentions only one «appel»"). Runs after
``recoupe_sources``, whose attributions tell single-source support apart.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from recoupe import schema
from recoupe.factcheck.assertions import headline_tokens, split_headline
from recoupe.factcheck.support import Body, check_assertion, headline_is_hedged
from recoupe.pipeline.extensions import make_span


class HeadlineComponent:
    def __init__(self, nlp: Language, name: str = "recoupe_headline"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.headline_check = check_headline(doc)
        return doc


def check_headline(doc: Doc) -> schema.HeadlineCheck:
    headline = doc._.headline
    check = schema.HeadlineCheck(headline=headline)
    if headline is None:
        check.notes.append("No headline to check.")
        return check
    span = headline_tokens(doc, headline.start, headline.end)
    body = Body(doc, headline.end)
    if span is None or not body.sentences:
        check.notes.append("The article has no body to check the headline against.")
        return check
    hedged = headline_is_hedged(span)
    seen_terms: set[tuple[int, int]] = set()
    for assertion in split_headline(span):
        finding = check_assertion(doc, assertion, body, doc._.sources, hedged)
        check.assertions.append(make_span(
            doc, assertion.start, assertion.end, schema.HeadlineAssertion,
            verdict=finding.verdict,
            evidence=[make_span(doc, s, e) for s, e in finding.evidence],
            explanation=finding.explanation))
        for term, reason in finding.unsupported:
            if term.phrase not in seen_terms:
                seen_terms.add(term.phrase)
                check.unsupported_terms.append(
                    make_span(doc, *term.phrase, schema.UnsupportedTerm, reason=reason))
        for note in finding.notes:
            note = note[:1].upper() + note[1:]
            note = note if note.endswith(".") else note + "."
            if note not in check.notes:
                check.notes.append(note)
    if not check.assertions:
        check.notes.append("The headline states nothing to check (a label or a date).")
    return check


@Language.factory("recoupe_headline")
def make_headline(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent(nlp, name)
