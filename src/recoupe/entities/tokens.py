"""Where a token stands: its neighbours, and whether its capital is due to its place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

SENTENCE_OPENERS = set(".!?…«\"“—–")


def previous_word(token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def next_word(token: Token) -> Token | None:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].is_space:
        i += 1
    return token.doc[i] if i < len(token.doc) else None


def opens_sentence(token: Token) -> bool:
    """Is ``token`` capitalised because of where it stands, not because it is a name?"""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    if "\n" in before.text or "\n" in before.whitespace_:
        return True
    previous = previous_word(token)
    return previous is None or previous.text[-1:] in SENTENCE_OPENERS


def lower_words(doc: Doc) -> set[str]:
    # Cached on the doc: every single-word entity asks.
    cached = doc.user_data.get("recoupe_lower_words")
    if cached is None:
        cached = {t.text for t in doc if t.text.islower()}
        doc.user_data["recoupe_lower_words"] = cached
    return cached
