"""Small questions about spaCy tokens that every quote module asks."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from recoupe.quotes.lexicon import lemma_of

OPEN_MARKS = frozenset("«“‹„\"")
CLOSE_MARKS = frozenset("»”›\"“")
MARKS = OPEN_MARKS | CLOSE_MARKS
DASHES = frozenset("—–")
QUE = frozenset({"que", "qu'", "qu", "qu’"})
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Month names: words of a date ("le 20 mars"), never a speaker or a report's object.
MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre "
                   "novembre décembre".split())
# Inverted subject pronouns of an incise: "a-t-il dit", "précise-t-elle", "dit-il".
INVERTED_PRONOUNS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "il", "elle", "ils",
                               "elles", "on", "-t-il", "-t-elle", "-t-on", "-je", "-nous",
                               "-vous"})


def text_of(doc: Doc) -> str:
    """The doc's text as spaCy sees it, computed once: ``Doc.text`` rebuilds the string
    from the tokens on every access."""
    text = doc.user_data.get("recoupe_text")
    if text is None:
        text = doc.text
        doc.user_data["recoupe_text"] = text
    return text


def is_space(token: Token) -> bool:
    return token.is_space or not token.text.strip()


def next_word(token: Token) -> Token | None:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and is_space(doc[i]):
        i += 1
    return doc[i] if i < len(doc) else None


def previous_word(token: Token) -> Token | None:
    doc = token.doc
    i = token.i - 1
    while i >= 0 and is_space(doc[i]):
        i -= 1
    return doc[i] if i >= 0 else None


def is_mark(token: Token) -> bool:
    return token.text in MARKS


def is_que(token: Token) -> bool:
    return token.lower_ in QUE


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or looks_like_verb(token)


def looks_like_verb(token: Token) -> bool:
    """A reporting verb the tagger took for a noun ("twitte", "twitté"): a form of a
    lexicon verb, at the head of its clause or after an auxiliary."""
    from recoupe.quotes.lexicon import LEMMA_FIXES, _known_verbs, guess_verb_lemma

    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.pos_ not in ("NOUN", "PROPN", "ADJ", "X") or token.is_title and token.i > 0 and \
            not token.doc[token.i - 1].is_punct:
        return False
    low = token.lower_
    fixed = LEMMA_FIXES.get(low)
    if fixed is not None and fixed in _known_verbs() and fixed not in ("lui",):
        return low not in ("dit",) or token.pos_ != "ADJ"
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and (previous.pos_ == "AUX" or previous.lower_ in ("a", "ont")) \
            and guess_verb_lemma(low):
        return True
    if guess_verb_lemma(low) and any(c.dep_ in SUBJECT_DEPS and c.i < token.i
                                     for c in token.children) and \
            not any(c.dep_ == "det" or c.dep_ == "cop" for c in token.children):
        return True  # "L'armée annonce, via …, avoir …": a noun with a subject is a verb
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("que", "qu'", "qu’", ":") and \
            guess_verb_lemma(low):
        return True  # "et leur répondit que …"
    if following is not None and following.lower_ in ("de", "d'", "d’", "à") and \
            previous is not None and previous.pos_ in ("NOUN", "PROPN") and \
            previous.dep_ in SUBJECT_DEPS + ("ROOT",) and token.i + 2 < len(token.doc) and \
            is_infinitive(token.doc[token.i + 2]) and guess_verb_lemma(low):
        return True  # "Le syndicat menace de bloquer …": a noun after its subject noun
    if following is not None and token.pos_ == "ADJ" and previous is not None and \
            previous.pos_ in ("NOUN", "PROPN") and token.head.i == previous.i and \
            previous.i >= 1 and token.doc[previous.i - 1].pos_ == "DET" and \
            previous.i - 1 == token.sent.start and guess_verb_lemma(low) and \
            (following.lower_ == "sur" or following.pos_ == "ADV" and
             following.lower_ not in ("très", "plus", "moins", "si", "trop", "assez")):
        return True  # "Le président insiste sur …": a verb read as its subject's adjective
    if following is not None and following.lower_ in ("à", "au", "aux", "que", "qu'", "qu’") \
            and previous is not None and previous.lower_ in ("et", "puis", "mais") and \
            token.dep_ == "conj" and is_verb(token.head) and \
            not any(c.dep_ == "det" for c in token.children) and guess_verb_lemma(low):
        return True  # "… salue X et demande aux élus de …": a verb coordinated with a verb
    return False


def is_finite(token: Token) -> bool:
    return "Fin" in token.morph.get("VerbForm")


def is_infinitive(token: Token) -> bool:
    return "Inf" in token.morph.get("VerbForm")


def inverted_subject(verb: Token) -> Token | None:
    """The "-il" of "a-t-il dit" / "précise-t-elle", which the model may attach anywhere."""
    doc = verb.doc
    # "dit-il" (-il right after the verb), "a-t-il dit" (pronoun after the auxiliary).
    for i in range(max(verb.i - 3, 0), min(verb.i + 3, len(doc))):
        tok = doc[i]
        low = tok.lower_
        if low in ("-il", "-elle", "-ils", "-elles", "-on", "-je", "-nous", "-vous"):
            return tok
        if low in ("il", "elle", "ils", "elles", "on") and i > 0 and \
                (doc[i - 1].lower_ in ("-t", "t", "-t-") or doc[i - 1].text.endswith("-")):
            if abs(i - verb.i) <= 2:
                return tok
    return None


def lemma(token: Token) -> str:
    return lemma_of(token)


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character ``char`` (or the next one)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for token in doc:
        if token.idx >= char:
            return token
    return None


def strip_hyphen(token: Token) -> tuple[int, int]:
    """Character offsets of a token without a leading hyphen ("-il" → "il")."""
    start = token.idx
    end = token.idx + len(token.text)
    while start < end and text_of(token.doc)[start] in "-‑":
        start += 1
    return start, end
