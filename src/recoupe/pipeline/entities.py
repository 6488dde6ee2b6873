"""Entities: correct the bare model's systematic errors, then group mentions of one
real-world entity into clusters ("Vladimir Poutine", "Poutine" → one person).

The corrections, in order, each a general rule about French news text:

1. split a span at a spaced dash ("Pologne - Irlande du Nord" is two places);
2. fix its edges: drop punctuation and lower-case articles or prepositions the model
   took in ("de France" → "France"), take in a capitalised particle it left out
   ("De Gendt", "Les Républicains"), drop a title before a person ("le prince Charles");
3. drop what is no name at all: capitalised verbs and common words opening a sentence
   ("Décrivant", "Source", "Mercredi"), single letters, days and months;
4. retype nationalities ("l'Américaine Gwen Jorgensen", "les Français") as MISC, as
   CoNLL does: they name people of a country, not the country;
5. cluster the mentions and give every mention its cluster's majority type.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recoupe import schema
from recoupe.pipeline.extensions import token_span

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# The label of a mention found to be a nationality: MISC, and no vote can overturn it.
NATIONALITY = "NATIONALITY"
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
NAME_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "da", "di",
                  "ben", "bin", "al", "el", "y", "et"}
# Lower-case words the model sometimes takes in at the left edge of a name.
LEADING_FUNCTION_WORDS = {"le", "la", "les", "l", "l'", "de", "du", "des", "d", "d'"}
# Capitalised, these open a name when they do not open a sentence: "Les Républicains",
# "Le Monde", "De Gendt", "Van Aert".
CAPITALISED_PARTICLES = {"Le", "La", "Les", "L'", "De", "Du", "Des", "Van", "Von", "Da",
                         "Di", "Del", "Della", "Dos", "Das", "El", "Al", "Ben", "Mac", "Ter"}
SENTENCE_OPENERS = set(".!?…«\"“—–")
DASHES = {"-", "–", "—"}
# Endings of French nationality words: français(e), américain(e), australien(ne),
# européen(ne), espagnol(e), allemand(e), suissesse.
DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne", "éen",
                   "éenne", "ol", "ole", "and", "ande", "esse")
DETERMINERS = {"le", "la", "l'", "l", "les", "un", "une", "des"}
# Honorifics before a surname: "M. Poutine" is "Poutine".
HONORIFICS = {"m", "m.", "mme", "mme.", "mlle", "mlle.", "mm.", "mmes", "dr", "dr.", "pr",
              "pr.", "me", "mgr", "mgr."}
LOCATIVE_WORDS = {"en", "à", "au", "aux", "dans", "vers", "depuis", "de", "d'", "d"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, for comparing names (and, in other components, words:
    hence the cache, since a text repeats its words)."""
    lowered = text.lower().replace("’", "'")
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
        return _has_demonym_ending(lowered)

    def is_plural_adjective(self, word: str) -> bool:
        return word.endswith("s") and (word[:-1] in self.adjectives
                                       or word[:-2] in self.adjectives)


def _has_demonym_ending(word: str) -> bool:
    return word.endswith(DEMONYM_ENDINGS) or word[:-1].endswith(DEMONYM_ENDINGS)


# --- token helpers ---------------------------------------------------------------------


def previous_word(token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def opens_sentence(token: Token) -> bool:
    """Is ``token`` capitalised because of where it stands, not because it is a name?"""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    if "\n" in before.text or "\n" in before.whitespace_:
        return True
    previous = previous_word(token)
    return previous is None or previous.text[-1:] in SENTENCE_OPENERS


def _lower_words(doc: Doc) -> set[str]:
    # Cached on the doc: every single-word entity asks.
    cached = doc.user_data.get("recoupe_lower_words")
    if cached is None:
        cached = {t.text for t in doc if t.text.islower()}
        doc.user_data["recoupe_lower_words"] = cached
    return cached


# --- 1. splitting --------------------------------------------------------------------


def split_at_dashes(ent: Span) -> list[Span]:
    """"Pologne - Irlande du Nord": a dash with spaces on both sides separates names;
    "Pyrénées-Atlantiques" has none and stays whole."""
    parts, start = [], ent.start
    for token in ent[1:-1]:
        before = token.doc[token.i - 1]
        if token.text in DASHES and before.whitespace_ and token.whitespace_:
            parts.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return parts


def split_nationality(ent: Span, lexicon: Lexicon) -> list[Span]:
    """"l'Espagnole Caroline Routier" as one entity: a nationality, then a person."""
    first = ent[0]
    previous = previous_word(first)
    if (len(ent) < 2 or previous is None or previous.lower_ not in DETERMINERS
            or first.pos_ not in {"NOUN", "PROPN"} or not lexicon.is_demonym(first)
            or not all(t.is_title for t in ent[1:])):
        return [ent]
    doc = ent.doc
    return [Span(doc, ent.start, ent.start + 1, label=NATIONALITY),
            Span(doc, ent.start + 1, ent.end, label="PER")]


# --- 2. edges ------------------------------------------------------------------------


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


# --- 3. what is no name ----------------------------------------------------------------


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
        if (previous is None or previous.is_punct) and token.lower_ in _lower_words(ent.doc):
            return True
        return False
    # "La mère", "Un appel téléphonique": a description, not a name; a capitalised
    # article inside a sentence opens one ("et Les Républicains saluent").
    if words[0].pos_ == "DET" and not has_propn:
        return opens_sentence(words[0]) or all(t.is_lower for t in words[1:])
    return False


COMPASS_POINTS = {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est",
                  "sud-ouest"}


def _is_relative_direction(token: Token) -> bool:
    """"le Nord de l'Italie": a part of a place, named after the place, not a name."""
    following = _next_word(token)
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


def _next_word(token: Token) -> Token | None:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].is_space:
        i += 1
    return token.doc[i] if i < len(token.doc) else None


def _is_date_word(token: Token) -> bool:
    """French writes days and months in lower case: a capitalised one is a date only
    where capitals are due ("Mercredi, …") or beside a number ("1er Mars 2016");
    "sur Mars" is the planet."""
    if token.is_lower or opens_sentence(token):
        return True
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].like_num for i in (token.i - 1, token.i + 1))


# --- 4. nationalities ------------------------------------------------------------------

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
            and (lexicon.is_adjective(token.text) or _has_demonym_ending(token.lower_))):
        return ent.label_ != "PER"
    if ent.label_ == "PER":
        return False  # "Romain", "Julien": first names that are also adjectives
    if (previous is not None and previous.lower_ in LOCATIVE_WORDS
            and not lexicon.is_plural_adjective(token.lower_)):
        return False  # "en Lorraine", "de Suisse": a place; "aux Françaises" is not
    return lexicon.is_demonym(token)


# --- 5. clusters -----------------------------------------------------------------------

def name_words(text: str) -> list[str]:
    """The words that identify a name: folded, without particles and honorifics."""
    return [w for w in fold(text).replace("-", " ").replace("'", " ").split()
            if w not in NAME_PARTICLES and w not in HONORIFICS]


def acronym(text: str) -> str:
    """'Organisation mondiale de la santé' → 'oms'."""
    return "".join(w[0] for w in fold(text).replace("-", " ").replace("'", " ").split()
                   if w not in NAME_PARTICLES and w[:1].isalpha())


def is_acronym_of(short: str, long: str) -> bool:
    """"OMS" and "Organisation mondiale de la santé"; "ONU" and "Organisation des
    Nations unies"."""
    letters = short.replace(".", "")
    return (len(letters) >= 2 and letters.isupper() and " " not in short
            and acronym(long) == letters.lower())


class Name:
    """A mention and what clustering compares of it, computed once."""

    __slots__ = ("span", "text", "words", "label", "start")

    def __init__(self, span: Span):
        self.span = span
        self.text = span.text
        self.words = name_words(self.text)
        self.label = span.label_
        self.start = span.start_char


class Cluster:
    """The mentions of one entity, with the type most of them were given."""

    def __init__(self, name: Name):
        self.names: list[Name] = [name]
        self.full = name  # the first, longest name: what shorter forms are matched with
        self.words = set(name.words)
        self.is_person = False  # named in full as a person somewhere
        self._note_person(name)

    def add(self, name: Name) -> None:
        self.names.append(name)
        self.words.update(name.words)
        self._note_person(name)

    def _note_person(self, name: Name) -> None:
        # "Park Geun-hye" once PER and once LOC is a person all the same.
        self.is_person = self.is_person or (name.label == "PER" and len(name.words) >= 2)

    @property
    def mentions(self) -> list[Span]:
        return [n.span for n in self.names]

    @property
    def label(self) -> str:
        # A person's full name outweighs the model's doubts about the short forms
        # ("Froome" as MISC beside "Christopher Froome"); otherwise most mentions decide,
        # and a tie goes to the full name.
        if self.is_person:
            return "PER"
        labels = [n.label for n in self.names]
        if NATIONALITY in labels:
            return "MISC"
        votes = Counter(LABELS.get(label, "MISC") for label in labels)
        # On a tie, a type beats MISC ("name, type unknown"), then the full name's type
        # wins; a single word the model calls a person here and a place there is more
        # likely a place or a body than a person whose full name the article never gives.
        return max(votes, key=lambda t: (votes[t], t != "MISC", t == self.full.label,
                                         t != "PER"))

    @property
    def best(self) -> Span:
        # The most informative name: most words, then longest, then earliest.
        return max(self.names, key=lambda n: (len(n.words), len(n.text), -n.start)).span

    def accepts(self, name: Name) -> bool:
        words, full = name.words, self.full
        if not words:
            return False
        if words == full.words:
            return True  # one name, one entity: the types are put to the vote
        if self.is_person:
            # "Poutine", "M. Poutine", "Vladimir V. Poutine" join "Vladimir Poutine",
            # whatever type the model gave them; "Vladimir" alone does not: a first
            # name is shared by too many people.
            return words[-1] == full.words[-1] and self.words.issuperset(words)
        if name.label == "PER" or full.label == "PER":
            return False
        if is_acronym_of(name.text, full.text) or is_acronym_of(full.text, name.text):
            return True
        # "Nations unies" in "Organisation des Nations unies": a shortened name of the same
        # kind, of two words at least ("Nice" is not "l'attentat de Nice").
        return (len(words) >= 2 and words[-1] == full.words[-1]
                and len(words) >= len(full.words) - 1 and self.words.issuperset(words)
                and _compatible(name.label, full.label))

    def last_mention_before(self, offset: int) -> int:
        return max((n.start for n in self.names if n.start < offset), default=-1)


def _compatible(a: str, b: str) -> bool:
    return a == b or not {a, b}.isdisjoint({"MISC", NATIONALITY})


def cluster_entities(ents: list[Span]) -> list[Cluster]:
    """Group mentions of one entity. A short form that fits several clusters ("Le Pen"
    after "Marine Le Pen" and "Jean-Marie Le Pen") goes to the one mentioned last before
    it, as a reader would take it."""
    clusters: list[Cluster] = []
    # Longest names first, so that a short form finds the full name it abbreviates.
    for name in sorted(map(Name, ents), key=lambda n: (-len(n.words), n.start)):
        candidates = [c for c in clusters if c.accepts(name)]
        if not candidates:
            clusters.append(Cluster(name))
            continue
        chosen = max(candidates, key=lambda c: (c.last_mention_before(name.start),
                                                -c.full.start))
        chosen.add(name)
    for cluster in clusters:
        cluster.names.sort(key=lambda n: n.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters


# --- the component ---------------------------------------------------------------------


def corrected_entities(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The model's entities after splitting, edge fixing, filtering and retyping."""
    candidates = [piece for ent in doc.ents for part in split_at_dashes(ent)
                  if (span := trim_entity(part, lexicon)) is not None
                  for piece in split_nationality(span, lexicon)]
    known_names = frozenset(t.text for span in candidates if len(span) > 1
                            for t in span if t.is_title)
    spans = [span for span in candidates if not is_spurious(span, lexicon, known_names)]
    spans = _without_overlaps(spans)
    spans = sorted(spans + repeated_names(doc, spans), key=lambda s: s.start)
    person_starts = {s.start for s in spans if s.label_ == "PER"}
    return [Span(doc, s.start, s.end, label=NATIONALITY)
            if s.label_ != "MISC" and is_nationality(s, lexicon, person_starts) else s
            for s in spans]


def repeated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """The places where the article repeats a name the model found elsewhere, or the
    acronym of one ("OMS" after "Organisation mondiale de la santé"), and the model
    missed it there. A one-word name counts only inside a sentence, where its capital is
    its own."""
    forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for span in spans:
        if span.label_ == "MISC":
            continue
        words = tuple(t.text for t in span)
        forms.setdefault(words[0], []).append((words, span.label_))
        initials = acronym(span.text).upper()
        if len(span) > 2 and span.label_ == "ORG" and len(initials) >= 2:
            forms.setdefault(initials, []).append(((initials,), "ORG"))
    covered = set()
    for span in spans:
        covered.update(range(span.start, span.end))
    found = []
    i = 0
    while i < len(doc):
        match = None
        if i not in covered:
            for words, label in forms.get(doc[i].text, ()):
                end = i + len(words)
                if (end <= len(doc) and tuple(t.text for t in doc[i:end]) == words
                        and not covered.intersection(range(i, end))
                        and (len(words) > 1 or not opens_sentence(doc[i]))
                        and (match is None or end > match.end)):
                    match = Span(doc, i, end, label=label)
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def _without_overlaps(spans: list[Span]) -> list[Span]:
    # Taking in a particle can reach into the entity before: keep the first.
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


class EntityFixer:
    """Corrects the model's entities and clusters their mentions."""

    def __init__(self, nlp: Language, name: str = "recoupe_entities"):
        self.name = name
        self.lexicon = Lexicon(nlp)

    def __call__(self, doc: Doc) -> Doc:
        clusters = cluster_entities(corrected_entities(doc, self.lexicon))
        # Every mention takes its cluster's type, in doc.ents as in the analysis.
        doc.ents = sorted((Span(doc, m.start, m.end, label=c.label)
                           for c in clusters for m in c.mentions), key=lambda m: m.start)
        doc._.entity_clusters = [
            schema.EntityCluster(
                id=f"e{i + 1}",
                name=token_span(doc, cluster.best).text,
                type=cluster.label,
                mentions=[token_span(doc, m, schema.Mention, kind="name")
                          for m in cluster.mentions],
            )
            for i, cluster in enumerate(clusters)
        ]
        return doc


def cluster_at(doc: Doc, start: int, end: int) -> schema.EntityCluster | None:
    """The entity cluster one of whose mentions overlaps [start, end)."""
    for cluster in doc._.entity_clusters or []:
        for mention in cluster.mentions:
            if mention.start < end and start < mention.end:
                return cluster
    return None


@Language.factory("recoupe_entities")
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp, name)
