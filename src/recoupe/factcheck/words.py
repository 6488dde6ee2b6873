"""Comparing words the way a reader does: by lemma, derived form, synonym and strength.

Everything works on *keys*: folded lemmas (lower case, no accents), so that "Désertion",
"désertions" and "desertion" are one word.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from recoupe.factcheck.lexicons import (intensity_ranks, multiword_terms, phrase_word,
                                        synonym_index)
from recoupe.pipeline.entities import fold

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Verbs that carry no content of their own in a headline ("fait face à", "a eu lieu").
LIGHT_VERBS = frozenset("être avoir faire aller venir devoir pouvoir falloir sembler "
                        "paraître rester devenir mettre donner prendre".split())
# Suffixes stripped to compare derived forms ("désertion" ~ "déserter" ~ "déserteur"),
# longest first; a stem keeps at least MIN_STEM letters.
SUFFIXES = sorted("""
    issements issement ements ement ations ation itions ition utions ution ateurs ateur
    atrices atrice eries erie ments ment ionner ions ion eurs eur euses euse ances ance
    ences ence ages age istes iste ismes isme ites ite iers ier ieres iere ives ive ifs
    if aux ales ale al ants ant antes ante ees ee es er ir re e s
""".split(), key=len, reverse=True)
MIN_STEM = 5


_KEYS = "recoupe_word_keys"


def key(token: Token) -> str:
    """The folded lemma; a capitalised word keeps its own form (the model lemmatises
    "Poutine" to "poutine" the dish, "Russes" to "russe")."""
    return doc_keys(token.doc)[token.i]


def doc_keys(doc: Doc) -> list[str]:
    """Every token's key, by ``token.i``: computed once per doc, because the sources,
    claims and headline components each key the same tokens again (~400k calls per
    300 articles). The fact-checking components run after the model, so the tags and
    lemmas a key reads no longer change."""
    keys = doc.user_data.get(_KEYS)
    if keys is None or len(keys) != len(doc):
        keys = [_compute_key(t) for t in doc]
        doc.user_data[_KEYS] = keys
    return keys


def _compute_key(token: Token) -> str:
    if token.pos_ == "PROPN" or (token.text[:1].isupper() and not token.is_sent_start
                                 and token.pos_ not in {"NOUN", "ADJ", "VERB"}):
        return fold(token.text)
    lemma = token.lemma_ or token.text
    # The French model sometimes leaves the reflexive clitic on the lemma.
    for clitic in ("s'", "se "):
        if lemma.startswith(clitic):
            lemma = lemma[len(clitic):]
    return fold(lemma)


@lru_cache(maxsize=1 << 16)  # a text repeats its words; called ~130k times per 300 articles
def stem(word: str) -> str:
    """A crude derivational stem of a folded word (for comparison only)."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM - 1:
            return word[: -len(suffix)]
    return word


def derived(a: str, b: str) -> bool:
    """Same word family: the stems agree but for at most two final letters each
    ("inscript-ion" ~ "inscrit"), over a shared beginning of at least six letters
    (or equal stems of five)."""
    if a == b:
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return len(sa) >= MIN_STEM
    shared = 0
    for x, y in zip(sa, sb):
        if x != y:
            break
        shared += 1
    return shared >= MIN_STEM + 1 and len(sa) - shared <= 2 and len(sb) - shared <= 2


def synonyms(word: str) -> set[str]:
    """Every word sharing a synonym group with ``word`` (multi-word terms included)."""
    found: set[str] = set()
    for group in synonym_index().get(word, ()):
        found |= group
    found.discard(word)
    return found


def multiword_at(tokens: list[Token], i: int) -> int:
    """How many tokens from ``tokens[i]`` spell a lexicon term of several words
    ("cloués au sol" → "clouer au sol"), 0 when none does. Punctuation breaks a term."""
    for words in multiword_terms().get(key(tokens[i]), ()):
        n = len(words)
        stretch = tokens[i:i + n]
        if len(stretch) == n and all(not t.is_punct and phrase_key(t) == w
                                     for t, w in zip(stretch, words)):
            return n
    return 0


def phrase_key(token: Token) -> str:
    """The key of a word inside a term of several words ("au" → "a")."""
    return phrase_word(key(token))


def relation(headline_word: str, body_word: str) -> str | None:
    """How a body word supports a headline word: 'same', 'derived', 'synonym', 'weaker'
    (same scale, less strong), or None."""
    if headline_word == body_word:
        return "same"
    if derived(headline_word, body_word):
        return "derived"
    if body_word in synonyms(headline_word):
        return "synonym"
    if weaker(headline_word, body_word):
        return "weaker"
    return None


def weaker(strong: str, other: str) -> bool:
    """Is ``other`` a weaker word than ``strong`` on one of the intensity scales?"""
    ranks = intensity_ranks()
    for scale, rank in ranks.get(strong, ()):
        for scale2, rank2 in ranks.get(other, ()):
            if scale == scale2 and rank2 > rank:
                return True
    return False


def is_content(token: Token) -> bool:
    if token.is_punct or token.is_space:
        return False
    if token.is_stop and token.pos_ != "PROPN" and not (token.like_num and token.pos_ == "NUM"):
        return False
    if token.pos_ == "ADV":
        # Manner adverbs carry a claim ("fonce intentionnellement"); "très" does not.
        return token.lower_.endswith("ment") and len(token) > 7
    if token.pos_ not in CONTENT_POS:
        # The model tags some names as PRON or X ("Poutine" in a headline).
        return token.text[:1].isupper() and token.is_alpha and len(token) > 2
    if token.pos_ == "VERB" and key(token) in LIGHT_VERBS:
        return False
    return len(token.text) > 1 or token.like_num
