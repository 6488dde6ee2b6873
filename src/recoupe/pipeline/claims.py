"""Placeholder until the component lands: fills ``Doc._.claims`` with an empty result."""

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("recoupe_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
