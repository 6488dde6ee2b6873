"""Placeholder until the component lands: fills ``Doc._.loaded_language`` with an empty result."""

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)


class LoadedLanguageComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("recoupe_loaded_language")
def make_loaded_language(nlp: Language, name: str) -> LoadedLanguageComponent:
    return LoadedLanguageComponent(nlp, name)
