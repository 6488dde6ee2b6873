"""Placeholder until the component lands: fills ``Doc._.headline_check`` with an empty result."""

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)


class HeadlineComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("recoupe_headline")
def make_headline(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent(nlp, name)
