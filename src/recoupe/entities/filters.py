"""What the model takes for a name and is none, and names of nationalities."""

from __future__ import annotations

from spacy.tokens import Span, Token

from recoupe.entities.lexicon import Lexicon, has_demonym_ending
from recoupe.entities.tokens import lower_words, next_word, opens_sentence, previous_word

DAYS_MONTHS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
}
# Words capitalised at the start of a line that the model takes for names.
NOT_NAMES = {
    "source", "sources", "selon", "photo", "photos", "crédit", "crédits", "lire", "vidéo",
    "mise à jour", "par", "avec", "aussi", "voir", "note", "notes", "article", "update",
}
DETERMINERS = {"le", "la", "l'", "l", "les", "un", "une", "des"}
LOCATIVE_WORDS = {"en", "à", "au", "aux", "dans", "vers", "depuis", "de", "d'", "d"}
COMPASS_POINTS = {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est",
                  "sud-ouest"}


def is_spurious(ent: Span, lexicon: Lexicon, known_names: frozenset[str] = frozenset()) -> bool:
    """An entity the bare model finds where a French reader sees none. ``known_names``
    are capitalised words of the article's longer names: "Poutine" beside "Vladimir
    Poutine" is a name even where the tagger calls it a pronoun."""
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words:
        return True
    if ent.text.lower() in NOT_NAMES:
        return True
    if all(t.like_num or t.lower_ in DAYS_MONTHS and _is_date_word(t) for t in words):
        return True
    if any(t.pos_ in {"VERB", "AUX"} and not t.is_title for t in words):
        return True
    has_propn = any(t.pos_ == "PROPN" for t in words)
    if len(words) == 1:
        token = words[0]
        if len(token.text) == 1 or token.is_lower:
            return True  # "Groupe A" leaves "A", "ministre de la" "ministre": no names
        if token.text in known_names:
            return False
        # "Décrivant", "Partir", "Source": a capitalised common word, not a name.
        if token.pos_ in {"VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ", "ADP", "INTJ"}:
            return True
        if _is_relative_direction(token) or _in_compound_noun(token, lexicon):
            return True
        if not has_propn and token.lemma_.islower() and token.is_sent_start:
            return True
        if ent.label_ == "PER" and lexicon.is_common_noun(token):
            # "Président", "Homme"; an institution keeps its capitalised common noun
            # ("le Parlement", "le Sénat"), a person never has one for a name.
            return True
        # "Mercredi, …", "« Partir ? »": a word capitalised only because it opens a
        # sentence or a quotation, and written in lower case elsewhere in the article.
        previous = previous_word(token)
        if (previous is None or previous.is_punct) and token.lower_ in lower_words(ent.doc):
            return True
        return False
    # "La mère", "Un appel téléphonique": a description, not a name; a capitalised
    # article inside a sentence opens one ("et Les Républicains saluent").
    if words[0].pos_ == "DET" and not has_propn:
        return opens_sentence(words[0]) or all(t.is_lower for t in words[1:])
    return False


def _is_relative_direction(token: Token) -> bool:
    """"le Nord de l'Italie": a part of a place, named after the place, not a name."""
    following = next_word(token)
    return (token.lower_ in COMPASS_POINTS and following is not None
            and following.lower_ in {"de", "du", "des", "d'"})


def _in_compound_noun(token: Token, lexicon: Lexicon) -> bool:
    """"chef d'État", "coup d'État": a capitalised common noun completing a lower-case
    one is part of a common noun."""
    previous = previous_word(token)
    if previous is None or previous.lower_ not in {"d'", "de"} or previous.i == 0:
        return False
    head = previous_word(previous)
    return (head is not None and head.is_lower and head.pos_ == "NOUN"
            and lexicon.is_common_noun(token))


def _is_date_word(token: Token) -> bool:
    """French writes days and months in lower case: a capitalised one is a date only
    where capitals are due ("Mercredi, …") or beside a number ("1er Mars 2016");
    "sur Mars" is the planet."""
    if token.is_lower or opens_sentence(token):
        return True
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].like_num for i in (token.i - 1, token.i + 1))


def is_nationality(ent: Span, lexicon: Lexicon, person_starts: set[int]) -> bool:
    """"l'Américaine Gwen Jorgensen", "les Français": people of a country, no place."""
    if len(ent) != 1:
        return False
    token = ent[0]
    previous = previous_word(token)
    after = ent.end
    while after < len(ent.doc) and ent.doc[after].is_space:
        after += 1
    # "la Bermudienne Flora Duffy": a nationality-like word between an article and a
    # person's name describes the person, even one the lexicon does not know.
    if (after in person_starts and previous is not None and previous.lower_ in DETERMINERS
            and (lexicon.is_adjective(token.text) or has_demonym_ending(token.lower_))):
        return ent.label_ != "PER"
    if ent.label_ == "PER":
        return False  # "Romain", "Julien": first names that are also adjectives
    if (previous is not None and previous.lower_ in LOCATIVE_WORDS
            and not lexicon.is_plural_adjective(token.lower_)):
        return False  # "en Lorraine", "de Suisse": a place; "aux Françaises" is not
    return lexicon.is_demonym(token)
