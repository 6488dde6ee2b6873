"""What the model's own lemmatizer tables know of French words: enough to tell a
nationality ("Française") or a common noun ("Président") from a name, without a list
of names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

# Endings of French nationality words: français(e), américain(e), australien(ne),
# européen(ne), espagnol(e), allemand(e), suissesse.
DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne", "éen",
                   "éenne", "ol", "ole", "and", "ande", "esse")


class Lexicon:
    """The French adjectives the model's own lemmatizer knows, to tell a nationality
    ("Française") from a name without a list of names."""

    def __init__(self, nlp: Language):
        self.adjectives: set[str] = set()
        self.nouns: set[str] = set()
        self.lemmas: dict = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                self.adjectives = set(index.get("adj", []))
                self.nouns = set(index.get("noun", []))
            if lookups.has_table("lemma_lookup"):
                self.lemmas = lookups.get_table("lemma_lookup")

    def is_adjective(self, word: str) -> bool:
        """Is ``word`` (any case, any inflection) a form of a known adjective?"""
        word = word.lower()
        if word in self.adjectives:
            return True
        lemma = self.lemmas.get(word)
        if lemma and lemma[0] in self.adjectives:
            return True
        # Plural and feminine: "britanniques", "australiennes".
        for suffix, replacement in (("s", ""), ("es", ""), ("nes", "n"), ("ne", "n"),
                                    ("e", "")):
            if word.endswith(suffix) and word[: -len(suffix)] + replacement in self.adjectives:
                return True
        return False

    def is_common_noun(self, token: Token) -> bool:
        """A capitalised word the tagger and the lexicon both take for a common noun:
        "Président", "Homme", "État"."""
        return token.pos_ == "NOUN" and (token.lower_ in self.nouns
                                         or token.lemma_.lower() in self.nouns)

    def is_demonym(self, token: Token) -> bool:
        """A capitalised nationality word: "Français", "Américaine", "Suissesse"."""
        text = token.text
        if not text[:1].isupper():
            return False
        if not self.is_adjective(text) and text.lower().rstrip("s") not in self.nouns:
            return False
        lowered = text.lower()
        if self.is_plural_adjective(lowered):
            return True  # "les Russes", "des Britanniques"
        return has_demonym_ending(lowered)

    def is_plural_adjective(self, word: str) -> bool:
        return word.endswith("s") and (word[:-1] in self.adjectives
                                       or word[:-2] in self.adjectives)


def has_demonym_ending(word: str) -> bool:
    return word.endswith(DEMONYM_ENDINGS) or word[:-1].endswith(DEMONYM_ENDINGS)
