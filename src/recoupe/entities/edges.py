"""The edges of an entity: punctuation, articles and titles out, particles and
adjectives in."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.entities.lexicon import Lexicon
from recoupe.entities.names import HONORIFICS, NAME_PARTICLES
from recoupe.entities.tokens import opens_sentence

# Lower-case words the model sometimes takes in at the left edge of a name.
LEADING_FUNCTION_WORDS = {"le", "la", "les", "l", "l'", "de", "du", "des", "d", "d'"}
# Capitalised, these open a name when they do not open a sentence: "Les Républicains",
# "Le Monde", "De Gendt", "Van Aert".
CAPITALISED_PARTICLES = {"Le", "La", "Les", "L'", "De", "Du", "Des", "Van", "Von", "Da",
                         "Di", "Del", "Della", "Dos", "Das", "El", "Al", "Ben", "Mac", "Ter"}


def trim_entity(ent: Span, lexicon: Lexicon) -> Span | None:
    """Fix the edges of a span: punctuation, articles and titles out, particles in."""
    doc = ent.doc
    start, end = ent.start, ent.end
    # "Conseil des droits de l'homme des": no name ends with an article or a preposition.
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].is_lower
                           and doc[end - 1].lower_ in LEADING_FUNCTION_WORDS):
        end -= 1
    while start < end and _droppable_at_left(doc[start], ent.label_, end - start):
        start += 1
    if start >= end:
        return None
    if ent.label_ == "PER":
        start = _after_title(doc, start, end, lexicon)
        if start is None:
            return None
    elif (ent.label_ != "ORG" and doc[start].is_lower
          and doc[start].lower_ not in NAME_PARTICLES):
        # Not for bodies: "ministère de l'Intérieur", "université Harvard" are the name.
        start, end = _name_inside_description(doc, start, end, lexicon)
    start = _with_capitalised_particle(doc, start)
    if ent.label_ != "PER" and end - start > 1 and _article_of_sentence_only(doc, start, end):
        start += 1
    label = ent.label_
    if (end - start == 1 and ent.label_ != "PER" and lexicon.is_common_noun(doc[start])
            and not lexicon.is_adjective(doc[start].text)):  # "la Belge victorieuse"
        widened = _with_adjectives(doc, start)
        if widened > end:
            # Such names are bodies ten times out of eleven in French Wikinews ("Union
            # européenne", "Parti socialiste"; "Golfe persique" is the exception).
            end, label = widened, "ORG" if label == "LOC" else label
    return Span(doc, start, end, label=label)


def _with_adjectives(doc: Doc, start: int) -> int:
    """"État islamique", "Front national": a capitalised common noun is a name together
    with the adjectives that follow it; the model often stops at the noun."""
    noun, end = doc[start], start + 1
    while (end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower
           and doc[end].head.i == start and _agree(noun, doc[end])
           and "Part" not in doc[end].morph.get("VerbForm")):
        end += 1  # "âgé": participles describe, they do not name
    return end


def _agree(noun: Token, adjective: Token) -> bool:
    """"l'État islamique présents dans…": an adjective that does not agree with the
    noun belongs to something else."""
    return all(not (a := adjective.morph.get(feature)) or not (n := noun.morph.get(feature))
               or a == n for feature in ("Number", "Gender"))


def _article_of_sentence_only(doc: Doc, start: int, end: int) -> bool:
    """"La France est touchée": the article is capitalised because it opens the
    sentence, and the article itself writes "la France" or "en France" elsewhere. With
    no such evidence ("Le Caire", "Le Monde" alone) it stays part of the name."""
    article = doc[start]
    if (article.text.replace("’", "'") not in {"Le", "La", "Les", "L'"}
            or not opens_sentence(article)):
        return False
    name = doc[start + 1:end].text
    text = doc.text
    found = text.find(name)
    while found >= 0:
        before = text[:found].rstrip().rsplit(None, 1)
        if found != doc[start + 1].idx and before and before[-1][:1].islower():
            return True
        found = text.find(name, found + 1)
    return False


def _name_inside_description(doc: Doc, start: int, end: int,
                             lexicon: Lexicon) -> tuple[int, int]:
    """"tribunal de Paris", "champion de France": a phrase led by a lower-case noun
    names only its capitalised part. Without one ("armée syrienne"), or when that part
    is a common noun on its own ("place de la République"), the model's span stands."""
    first = next((i for i in range(start, end) if doc[i].is_title or doc[i].is_upper), None)
    if first is None:
        return start, end
    last = first + 1
    for i in range(first + 1, end):
        if not doc[i - 1].whitespace_:
            last = i + 1  # "Rostov-sur-le-Don": one hyphenated word
        elif doc[i].is_lower and doc[i].lower_ not in NAME_PARTICLES:
            break
        elif not doc[i].is_lower:
            last = i + 1  # particles count only before another capitalised word
    if last - first == 1 and lexicon.is_common_noun(doc[first]):
        return start, end
    return first, last


def _droppable_at_left(token: Token, label: str, length: int) -> bool:
    if token.is_punct or token.is_space:
        return True
    if length == 1 or token.lower_ not in LEADING_FUNCTION_WORDS or not token.is_lower:
        return False
    # "de Gaulle", "de Villepin": a lower-case particle belongs to a person's name.
    return not (label == "PER" and token.pos_ == "ADP")


def _after_title(doc: Doc, start: int, end: int, lexicon: Lexicon) -> int | None:
    """"le prince Charles", "Colonel Désiré Uwamahoro", "M. Lapierre" → the name after
    the title; "Président de la République" → no person at all."""
    i = start
    while i < end and (doc[i].is_lower and doc[i].lower_ not in NAME_PARTICLES
                       or i + 1 < end and (lexicon.is_common_noun(doc[i])
                                           or doc[i].lower_ in HONORIFICS)):
        i += 1
    if doc[start:end].text.split()[-1].islower():
        return None  # "Premier ministre": a name ends with a capitalised word
    if i == start:
        return start
    if i >= end or doc[i].is_lower:
        return None  # a title and its complement, no name
    return i


def _with_capitalised_particle(doc: Doc, start: int) -> int:
    if start == 0:
        return start
    before = doc[start - 1]
    if before.text.replace("’", "'") in CAPITALISED_PARTICLES and not opens_sentence(before):
        return start - 1
    return start
