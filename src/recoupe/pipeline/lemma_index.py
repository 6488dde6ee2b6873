"""A faster French lemmatizer, same lemmas.

spaCy's ``FrenchLemmatizer`` asks ``form in index`` for every token and every candidate
form, where ``index`` is the list of the 9,000 to 66,000 known lemmas of a part of speech:
a linear scan each time, the third costliest step of the whole model. The same lemmas in
sets answer the same questions in constant time.
"""

from __future__ import annotations

from spacy.language import Language


def index_as_sets(nlp: Language) -> None:
    """Turn the lemmatizer's lemma index into sets, in place (the pipeline is never
    saved, so the tables need not stay serialisable as lists)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])
