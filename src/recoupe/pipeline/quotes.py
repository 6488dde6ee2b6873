"""The quotes component: ``Doc._.quotes``, every quote with its cue and speaker.

The work is done by :mod:`recoupe.quotes`; this module only plugs it into spaCy. It runs
after ``recoupe_entities``, whose clusters give speakers their canonical names.
"""

from spacy.language import Language
from spacy.tokens import Doc

import recoupe.pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from recoupe.quotes import extract_quotes


class QuotesComponent:
    def __init__(self, nlp: Language, name: str = "recoupe_quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc)
        return doc


@Language.factory("recoupe_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
