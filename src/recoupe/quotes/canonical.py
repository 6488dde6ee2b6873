"""Canonical speakers: from the mention carrying a cue to the name a reader would use.

- a name joins its entity cluster, whose most informative name wins ("Poutine" →
  "Vladimir Poutine"); a title joins the name it stands beside elsewhere in the article
  ("le Premier ministre" → "Édouard Philippe");
- a pronoun ("il", "-t-elle", "qui", "ce dernier") takes its antecedent: the relative's
  noun, else the nearest earlier speaker or subject that agrees in gender and number;
- a description takes the fullest description of the same head noun ("le soldat" → "un
  soldat russe furieux"); a possessive is spelt out ("sa mère" → "la mère du soldat");
- a document speaks for its issuer when the text names one.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Token

from recoupe.quotes.candidate import Candidate
from recoupe.quotes.tokens import text_of
from recoupe.quotes.speakers import (
    PRONOUNS, QUANTIFIERS, RELATIVES, SPEAKER_NOUNS, _after_comma, mention_span,
    heads_a_source, name_run_after,
)

MAX_SENTENCES_BACK = 5
# How far back a pronoun looks for a speaker or a named person before anything else.
PERSON_SENTENCES_BACK = 3
# Kinds of organisation a definite description can refer back to ("la société").
ORGANISATION_NOUNS = frozenset("""
    société entreprise groupe compagnie firme constructeur laboratoire banque assureur
    opérateur enseigne marque chaîne journal quotidien hebdomadaire magazine radio
    média site parti syndicat association organisation fédération club ong agence
""".split())
# Bodies that belong to an organisation: "sa direction" of a person is their employer's.
BODY_OF_AN_ORGANISATION = frozenset("direction employeur état-major".split())
PRESS_NOUNS = frozenset("journal quotidien hebdomadaire mensuel magazine".split())
# Role nouns that name someone other than the person just mentioned ("sa mère",
# "l'avocat", "le porte-parole"), and groups or institutions.
NOT_EPITHETS = frozenset("""
    mère père fils fille frère sœur femme mari épouse époux oncle tante cousin cousine
    proche ami amie voisin voisine veuve veuf conjoint conjointe compagnon compagne
    parent collègue avocat avocate porte-parole conseiller conseillère médecin entraîneur
    secrétaire représentant représentante délégué déléguée envoyé envoyée allié alliée
    partenaire adversaire rival rivale victime témoin source agent famille personne
    individu homme enfant jeune passant client cliente patient patiente
    gouvernement ministère armée police préfecture agence comité commission conseil cour
    tribunal parquet collectif institut administration opposition majorité sénat
    assemblée parlement mairie élysée matignon ambassade consulat état-major direction
    rédaction confédération union fondation ong onu otan gendarmerie justice autorité
    autorités municipalité régulateur observatoire douane douanes junte coalition ligue
    correspondant journaliste interprète arbitre
""".split())
# Agent nouns: "le conservateur", "la physicienne", "le ministre", "le juriste".
AGENT_ENDINGS = ("eur", "euse", "trice", "iste", "ien", "ienne", "ier", "ière")
DEMONSTRATIVE = ("ce dernier", "cette dernière", "ces derniers", "ces dernières",
                 "celui-ci", "celle-ci", "ceux-ci", "celles-ci")
DETERMINERS = frozenset("le la les l' l’ un une des du de d' ce cet cette ces son sa ses leur "
                        "leurs mon ma mes notre nos votre vos".split())


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _content_words(text: str) -> str:
    words = fold(text).replace("'", "' ").split()
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


class Resolver:
    """Canonical names for the speakers of one document."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        self.clusters = doc._.entity_clusters or []
        self.cluster_of_token: dict[int, object] = {}
        for cluster in self.clusters:
            for mention in cluster.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.cluster_of_token.setdefault(tok.i, cluster)
        # Speaker token index → (name, cluster id), filled as quotes are resolved.
        self.known: dict[int, tuple[str, str | None]] = {}
        self._sentence_starts = [s.start for s in doc.sents]
        outer = sorted((r.open, r.outer_end) for r in (doc._.quote_regions or []) if not r.depth)
        self._region_starts = [a for a, _ in outer]
        self._region_ends = [b for _, b in outer]

    # --- public --------------------------------------------------------------------

    def resolve(self, candidate: Candidate) -> tuple[str | None, str | None]:
        tok = candidate.speaker_token
        if tok is None:
            return None, None
        result = self.name_of(tok, candidate.speaker)
        if result[0]:
            result = (_well_formed(result[0], self._text(candidate.speaker or
                                                          mention_span(tok))), result[1])
        self.known[tok.i] = result
        return result

    def name_of(self, tok: Token, span: tuple[int, int] | None = None,
                depth: int = 0) -> tuple[str | None, str | None]:
        if tok.i in self.known and depth > 0:
            return self.known[tok.i]
        if span is None:
            span = mention_span(tok)
        low = tok.lower_.lstrip("-")
        if depth > 6:
            return None, None
        mention_text = fold(self.text[span[0]:span[1]])
        if low in RELATIVES:
            antecedent = self._relative_antecedent(tok)
            if antecedent is not None:
                return self.name_of(antecedent, None, depth + 1)
            return None, None
        if mention_text in DEMONSTRATIVE or any(mention_text.startswith(d) for d in DEMONSTRATIVE):
            # The mention may be headed by "derniers" as well as by "ces".
            plural = tok.lower_ in ("ces", "ceux-ci", "celles-ci") or \
                mention_text.startswith("ces ")
            feminine = True if mention_text.startswith(("celle", "cette")) or \
                mention_text.endswith("dernieres") else (
                    False if mention_text.startswith(("celui", "ce dernier")) else None)
            antecedent = self._antecedent(tok, plural=plural,
                                          feminine=feminine, demonstrative=True)
            if antecedent is not None:
                return self.name_of(antecedent, None, depth + 1)
            return self._text(span), None
        if low in QUANTIFIERS and any(c.dep_ == "nmod" for c in tok.children):
            group = next(c for c in tok.children if c.dep_ == "nmod")
            spelt = self._possessive(group, mention_span(group), depth)
            if spelt is not None and spelt.startswith("les "):
                # "un de ses avocats" → "un des avocats de Jean Dupont"
                first = "l'un" if low in ("l'un", "l’un") else (
                    "l'une" if low in ("l'une", "l’une") else low)
                return f"{first} des {spelt[4:]}", None
            return _lower_article(self._text(span)), None  # "un des Gilets jaunes"
        misread_name = tok.pos_ == "PRON" and low not in PRONOUNS and tok.is_title and \
            tok.ent_type_ in ("PER", "ORG") and tok.i > tok.sent.start
        if low in ("on", "t-on") and not misread_name:
            return self._generic_on(tok, depth)
        if (low in PRONOUNS or tok.pos_ == "PRON") and not misread_name:
            plural = low in ("ils", "elles", "eux", "eux-mêmes") or \
                "Plur" in tok.morph.get("Number")
            feminine = True if low in ("elle", "elles") else (False if low in ("il", "ils")
                                                                 else None)
            antecedent = self._antecedent(tok, plural, feminine)
            if antecedent is not None:
                return self.name_of(antecedent, None, depth + 1)
            return None, None
        together = self._coordinated_names(span)
        if together is not None:
            return together, None
        split = self._split_name(tok, span)
        if split is not None:
            return split
        cluster = self._cluster_in(span, tok)
        if cluster is not None:
            cluster = self._fuller_organisation(cluster)
            return _without_temporal(cluster.name), cluster.id
        titled = self._name_right_after(tok, span) or self._titled_name(span, tok)
        if titled is not None:
            return titled
        organisation = self._recent_organisation(tok)
        if organisation is not None:
            return organisation
        epithet = self._epithet_antecedent(tok)
        if epithet is not None:
            return self.name_of(epithet, None, depth + 1)
        if tok.pos_ != "NOUN" and tok.is_title:
            # "Macron" in a headline, untagged: the person whose family name it is.
            named = self._name_inside(span, allow_initial=True)
            if named is not None:
                return named
        possessive = self._possessive(tok, span, depth)
        if possessive is not None:
            return possessive, None
        document = self._earlier_document(tok, depth)
        if document is not None:
            return document
        pair = self._the_two(tok)
        if pair is not None:
            return pair, None
        spelt = self._last_mentioned_inside(tok, span, depth)
        if spelt is not None:
            return _lower_article(spelt), None
        return _lower_article(self._full_names_inside(self._named_complement(
            tok, self._fullest_description(tok, span)))), None

    def _generic_on(self, tok: Token, depth: int) -> tuple[str | None, str | None]:
        """"on" is nobody in particular unless its sentence says whose voice it is: a
        group framed before it ("Chez les éleveurs, on …", "Du côté de la mairie, on …")
        or a document it speaks for ("Dans un communiqué, on précise …", the issuer)."""
        from recoupe.quotes.lexicon import is_document_noun, is_speech_noun

        for t in self.doc[tok.sent.start:tok.i]:
            if self._quoted(t):
                continue
            marker = next((c for c in t.children if c.dep_ == "case"), None)
            if marker is None:
                continue
            case = marker.lower_
            if t.pos_ == "NOUN" and case in ("dans", "selon", "par") and (
                    is_document_noun(t.lemma_.lower()) or is_speech_noun(t.lemma_.lower())):
                antecedent = self._antecedent(tok, plural=False, feminine=None)
                if antecedent is not None:
                    return self.name_of(antecedent, None, depth + 1)
                return None, None
            if case in ("chez", "parmi") or case in ("de", "du", "des") and \
                    marker.i >= 1 and self.doc[marker.i - 1].lower_ == "côté":
                if t.pos_ == "NOUN" and (is_document_noun(t.lemma_.lower()) or
                                         is_speech_noun(t.lemma_.lower())):
                    continue  # "parmi les commentaires": what the group wrote
                if t.pos_ in ("NOUN", "PROPN"):
                    name, cluster = self.name_of(t, mention_span(t), depth + 1)
                    if name and t.pos_ == "NOUN" and case in ("des", "du") and \
                            not any(c.dep_ == "det" for c in t.children):
                        name = ("les " if case == "des" else "le ") + name
                    return name, cluster
        return None, None

    def _last_mentioned_inside(self, tok: Token, span: tuple[int, int], depth: int):
        """"des photos du dernier", "l'avocat de celle-ci": a description whose
        complement points back to the last one named, spelt out with that name."""
        if tok.pos_ != "NOUN":
            return None
        doc = self.doc
        inside = doc.char_span(span[0], span[1], alignment_mode="expand")
        if inside is None:
            return None
        for k in range(inside.start + 1, inside.end):
            word = doc[k]
            low = word.lower_
            if low in ("celui-ci", "celle-ci", "ceux-ci", "celles-ci"):
                first = k - 1
            elif low in ("dernier", "dernière", "derniers", "dernières"):
                first = k - 1
                if doc[first].lower_ in ("ce", "cette", "ces", "la"):
                    first -= 1
            else:
                continue
            if first <= inside.start or \
                    doc[first].lower_ not in ("du", "des", "de", "d'", "d’"):
                continue
            plural = low.endswith("s")
            feminine = "ll" in low or "è" in low
            antecedent = self._last_person(word, plural, feminine)
            if antecedent is None:
                return None
            name, _ = self.name_of(antecedent, None, depth + 1)
            if not name:
                return None
            before = self.text[span[0]:doc[first].idx].rstrip()
            after = self.text[word.idx + len(word.text):span[1]]
            return f"{before} {_de(name)}{after}"
        return None

    def _the_two(self, tok: Token) -> str | None:
        """"les deux candidats", "les deux hommes": the two people named last (this and
        the previous two sentences), outside quoted words."""
        if tok.pos_ != "NOUN" or "Plur" not in tok.morph.get("Number"):
            return None
        lemma = tok.lemma_.lower()
        if not (lemma in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS or
                lemma.endswith(AGENT_ENDINGS)) or lemma in ORGANISATION_NOUNS:
            return None
        children = {c.lower_: c for c in tok.children if c.i < tok.i}
        if "deux" not in children or not any(c.dep_ == "det" and c.lower_ in ("les", "ces")
                                             for c in children.values()):
            return None
        start = self._sentence_starts[max(0, self._sentence_index(tok.i) - 2)]
        seen: list = []
        for i in range(tok.i - 1, start - 1, -1):
            cluster = self.cluster_of_token.get(i)
            if cluster is None or cluster.type != "PER" or self._quoted(self.doc[i]):
                continue
            if cluster not in seen:
                seen.append(cluster)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return None
        first = {c.id: min(m.start for m in c.mentions) for c in seen}
        seen.sort(key=lambda c: first[c.id])
        return " et ".join(_without_temporal(c.name) for c in seen)

    def _last_person(self, tok: Token, plural: bool, feminine: bool) -> Token | None:
        """The last person named before ``tok`` (this and the previous two sentences)
        who agrees with it, outside quoted words."""
        start = self._sentence_starts[max(0, self._sentence_index(tok.i) - 2)]
        for i in range(tok.i - 1, start - 1, -1):
            cluster = self.cluster_of_token.get(i)
            if cluster is None or cluster.type != "PER" or self._quoted(self.doc[i]):
                continue
            if self._agrees(self.doc[i], plural, feminine):
                return self.doc[i]
        return None

    def _earlier_document(self, tok: Token, depth: int):
        """"le texte" after "le communiqué rédigé par les organisateurs": the same
        document, so the same issuer."""
        from recoupe.quotes.lexicon import is_document_noun
        from recoupe.quotes.speakers import issuer_of

        if tok.pos_ != "NOUN" or not is_document_noun(tok.lemma_.lower()):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "ce", "cette", "les")
                   for c in tok.children):
            return None
        start = self._sentence_starts[max(0, self._sentence_index(tok.i) - 3)]
        for other in reversed(self.doc[start:tok.i]):
            if other.pos_ == "NOUN" and is_document_noun(other.lemma_.lower()):
                issuer = issuer_of(other) or (None if self._quoted(other) else
                                              self._author_of(other))
                if issuer is not None:
                    return self.name_of(issuer, None, depth + 1)
        return None

    def _author_of(self, document: Token) -> Token | None:
        """"X a annoncé … dans un communiqué": the subject of the verb the document is
        the medium of is its author."""
        from recoupe.quotes.speakers import subject_of

        verb = document.head
        if not document.dep_.startswith("obl") or verb.pos_ not in ("VERB", "AUX") or \
                not any(c.dep_ == "case" and c.lower_ in ("dans", "via", "par")
                        for c in document.children):
            return None
        subject = subject_of(verb)
        if subject is None or subject.i == document.i or self._quoted(subject) or \
                subject.lower_ in ("on", "qui", "que"):
            return None
        return subject

    # --- names and descriptions ---------------------------------------------------------

    def _text(self, span: tuple[int, int]) -> str:
        return self.text[span[0]:span[1]]

    def _cluster_in(self, span: tuple[int, int], head: Token):
        """The person or organisation the mention names. A person's name inside the
        mention wins ("le Premier ministre Bernard Cazeneuve"); a name that only
        qualifies a description ("le porte-parole de la famille Bush") does not count."""
        found = []
        for cluster in self.clusters:
            if cluster.type not in ("PER", "ORG"):
                continue
            for mention in cluster.mentions:
                if mention.start < span[1] and span[0] < mention.end:
                    found.append((cluster.type != "PER", mention.start, cluster, mention))
                    break
        if not found:
            return None
        found.sort(key=lambda f: (f[0], f[1]))
        _, _, best, mention = found[0]
        if self._related_name(head, mention):
            return None
        shared = min(span[1], mention.end) - max(span[0], mention.start)
        if shared * 2 >= span[1] - span[0]:
            return best  # the mention is the name itself
        head_in_name = mention.start <= head.idx < mention.end
        if head.pos_ == "NOUN" and not head_in_name and not self._name_apposed(head, mention):
            return None
        if best.type == "ORG" and head_in_name and any(
                c.dep_ == "nmod" and c.i > head.i and c.ent_type_ == "LOC" and
                c.idx >= mention.end for c in head.children):
            return None  # "les CRS de Courchevel": one unit of the organisation
        return best

    def _related_name(self, head: Token, mention) -> bool:
        """"Un proche de X", "la mère de X": the head noun outside the name relates the
        speaker to X through a preposition; X is someone else."""
        if head.pos_ not in ("NOUN", "ADJ", "PRON") or mention.start <= head.idx < mention.end:
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start <= head.i:
            return False
        return any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du", "des")
                   for c in span.root.children)

    def _named_complement(self, tok: Token, description: str) -> str:
        """"la mère de l'adolescente" → "la mère de Sarah" when the article names the
        adolescent ("une adolescente de 16 ans nommée Sarah")."""
        if tok.pos_ != "NOUN":
            return description
        for child in tok.children:
            if child.dep_ != "nmod" or child.pos_ != "NOUN" or child.i < tok.i or \
                    not any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’") or
                            c.dep_ == "case" and c.lower_ == "du" and c.i == child.i - 1
                            for c in child.children):
                continue  # (a definite complement: "de l'adolescente", "du roi")
            inner = self._text(mention_span(child))
            key = _content_words(inner)
            if not key or inner not in description:
                continue
            same = _equivalent_title(_present_office(key))
            people = {cluster.id: cluster for title, cluster in self._titles()
                      if title == key or title.startswith(key + " ") or
                      _equivalent_title(_present_office(title)) == same}
            names = [c.name for c in people.values()]
            if not people and child.lemma_.lower() in ORGANISATION_NOUNS:
                # "la branche égyptienne de l'organisation": the organisation named
                # just before, unless its own name says it is another kind of body.
                organisation = self._recent_organisation(child)
                first = _content_words(organisation[0]).split()[:1] if organisation else []
                kinds = ORGANISATION_NOUNS | INSTITUTIONS
                names = [organisation[0]] if organisation and not (
                    first and first[0] in {fold(k) for k in kinds} and
                    first[0] != fold(child.lemma_)) else []
            if len(names) == 1:
                name = names[0]
                prefix = description[:description.index(inner)]
                for art in (" de la ", " de l'", " de l’", " du ", " des ", " de ", " d'",
                            " d’"):
                    if prefix.endswith(art):
                        prefix = prefix[: -len(art)]
                        return f"{prefix} {_de(name)}{description[description.index(inner) + len(inner):]}"
        return description

    def _full_names_inside(self, description: str) -> str:
        """"l'administration de Poutine" → "l'administration de Vladimir Poutine": a
        person's family name inside a description, spelt out as the article names them."""
        words = description.split(" ")
        if len(words) < 3:
            return description
        for k, word in enumerate(words):
            if k == 0 or not word[:1].isupper() or k > 0 and words[k - 1][:1].isupper():
                continue
            if k + 1 < len(words) and words[k + 1][:1].isupper():
                continue  # already a full name
            key = fold(word.strip(",.;:"))
            matches = {c.id: c for c in self.clusters if c.type == "PER" and
                       len(c.name.split()) > 1 and fold(c.name).split()[-1] == key}
            if len(matches) == 1:
                full = next(iter(matches.values())).name
                words[k] = word.replace(word.strip(",.;:"), full)
        return " ".join(words)

    def _coordinated_names(self, span: tuple[int, int]) -> str | None:
        """"Thierry et Véronique Roy", "Paul Dumas et l'ONG Vigie": a coordination of
        named speakers is all of them, each by their fullest name."""
        if " et " not in self.text[span[0]:span[1]]:
            return None
        named = []
        for cluster in self.clusters:
            if cluster.type not in ("PER", "ORG"):
                continue
            inside = [(m.start, m.end) for m in cluster.mentions if span[0] <= m.start and
                      m.end <= span[1]]
            if inside:
                named.append((min(inside), cluster))
        if len(named) < 2:
            return None
        named.sort(key=lambda n: n[0])
        for (before, _), (after, _) in zip(named, named[1:]):
            gap = self.text[before[1]:after[0]].strip()
            if gap not in ("et", ",", ", et"):
                return None  # "Institut … et des études économiques (Insee)": one name
        named = [(start, cluster) for (start, _), cluster in named]
        lead = " " + fold(self.text[span[0]:named[0][0]]).replace("'", "' ")
        if any(f" {w} " in lead + " " for w in ("de", "du", "des", "d'", "par", "a", "au",
                                                "aux", "pour", "avec", "chez")):
            return None  # "les avocats de X et Y": not X and Y themselves
        between = self.text[named[0][0]:named[-1][0]]
        if " et " not in between:
            return None
        return " et ".join(_without_temporal(c.name) for _, c in named)

    def _fuller_organisation(self, cluster):
        """"Adobe" and "Adobe Systems", "l'Ordre" and "l'Ordre de Malte" clustered apart:
        an organisation's short name stands for the one full name that starts with it."""
        if cluster.type != "ORG":
            return cluster
        words = _content_words(cluster.name).split()
        if len(words) != 1:
            return cluster  # a name of several words is already a full name
        longer = [other for other in self.clusters
                  if other.type == "ORG" and other is not cluster and
                  _content_words(other.name).split()[:len(words)] == words and
                  1 < len(_content_words(other.name).split()) <= 5]
        return longer[0] if len(longer) == 1 else cluster

    def _name_apposed(self, head: Token, mention) -> bool:
        """"le président Poutine", "le policier Mohamed Abdulkadir", "le ministre de la
        Santé Simon Harris": a title before the name, which is the same person."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.head.i == head.i and span.root.dep_ == "appos":
            return True
        between = self.text[head.idx + len(head.text):mention.start]
        if len(between) > 40 or "," in between:
            return False
        # "le président Poutine" yes; "une source citée par l'AFP", "la famille Bush"
        # through "de" no.
        words = fold(between).replace("'", "' ").split()
        return not any(w in ("de", "du", "des", "d'", "par", "à", "au", "aux", "pour", "avec",
                             "chez", "sur", "dans", "selon") for w in words)

    def _split_name(self, tok: Token, span: tuple[int, int]):
        """"La ministre de la Santé Prénom Nom" whose name the parse made a second
        subject: the mention ends on that name, which is the person's."""
        words = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if words is None or not (words.start <= tok.i < words.end) or \
                words.end - tok.i < 2 or not words[-1].is_title:
            return None
        for k in range(tok.i, words.end - 1):
            run = name_run_after(tok, k)
            if run is not None and run[1] == words.end:
                first = run[0]
                while first > tok.i + 1 and self.doc[first].ent_iob_ == "I" and \
                        self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].is_title:
                    first -= 1  # "l'organisation Human | Rights Watch": the whole name
                for i in range(first, run[1]):
                    cluster = self.cluster_of_token.get(i)
                    if cluster is not None and (cluster.type == "PER" or cluster.type == "ORG"
                                                and self.doc[first].ent_iob_ == "B"):
                        return cluster.name, cluster.id
                return self.doc[first:run[1]].text, None
        return None

    def _name_right_after(self, tok: Token, span: tuple[int, int]):
        """"le cosmonaute russe Oleg X" whose name the parse hung elsewhere: a person
        noun followed, with nothing but adjectives between, by a person's name is that
        person."""
        if tok.pos_ != "NOUN" or not (tok.lemma_.lower() in SPEAKER_NOUNS or
                                      tok.lower_.endswith(AGENT_ENDINGS) or
                                      tok.lower_.endswith(("aute", "ote", "iste"))):
            return None
        doc = self.doc
        for child in tok.children:
            # "L'ancien maire de la ville, Jean X parle de …": the name apposed to the
            # description, though the mention stops at the comma.
            cluster = self.cluster_of_token.get(child.i)
            if child.dep_ == "appos" and child.i > tok.i and child.pos_ == "PROPN" and \
                    cluster is not None and cluster.type == "PER" and _after_comma(child) \
                    and child.idx >= span[1] and not (
                        heads_a_source(tok) and _opens_clause(child)):
                return cluster.name, cluster.id
        last = max(t.i for t in tok.subtree if not t.is_punct)
        if last + 2 < len(doc) and doc[last + 1].text == "," and tok.dep_.startswith("nsubj"):
            after = doc[last + 2]
            cluster = self.cluster_of_token.get(after.i)
            if cluster is not None and cluster.type == "PER" and \
                    after.dep_.startswith("nsubj") and after.head.i == tok.head.i:
                return cluster.name, cluster.id  # two subjects: the name is the person
        end = doc.char_span(span[0], span[1], alignment_mode="expand")
        if end is None or not (end.start <= tok.i < end.end):
            return None
        k = end.end  # past the description's complements ("de l'association …")
        while k < len(doc) and k - end.end < 12 and doc[k].text != "," and \
                doc[k].pos_ not in ("VERB", "AUX", "PRON", "SCONJ") and \
                doc[k].text not in ("«", "»", "(", ")", ":", ";", "."):
            k += 1
        apposed = self._name_after_comma(k)
        if apposed is not None and not heads_a_source(tok):
            return apposed  # "Le président de l'association, Prénom Nom, a …"
        i = tok.i + 1
        while i < len(doc) and i - tok.i <= 3 and doc[i].pos_ == "ADJ" and \
                not doc[i].is_title and doc[i].ent_type_ != "PER":
            i += 1
        if i >= len(doc) or doc[i].ent_type_ != "PER" or doc[i].ent_iob_ != "B":
            return None
        cluster = self.cluster_of_token.get(i)
        if cluster is None or cluster.type != "PER":
            return None
        return cluster.name, cluster.id

    def _name_after_comma(self, k: int):
        """The person whose name follows token ``k`` (a comma) and is closed by a comma
        or a parenthesis: an apposition naming the description before it."""
        doc = self.doc
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        cluster = self.cluster_of_token.get(k + 1)
        if cluster is None or cluster.type != "PER" or self._quoted(doc[k + 1]):
            return None
        j = k + 1
        while j < len(doc) and self.cluster_of_token.get(j) is cluster and j - k < 6:
            j += 1
        if j >= len(doc) or doc[j].text not in (",", "("):
            return None
        return cluster.name, cluster.id

    def _titled_name(self, span: tuple[int, int], head: Token):
        """A title that stands beside a name elsewhere: "le Premier ministre" → the name
        that "le Premier ministre Édouard Philippe" gives it; "le président Poutine" →
        the person "Poutine" names elsewhere."""
        if head.pos_ != "NOUN":
            return None
        after = head.i + 1
        if after + 1 < len(self.doc) and self.doc[after].lower_ == "de" and \
                self.doc[after + 1].is_title and self.doc[after + 1].pos_ == "PROPN" and \
                not self.doc[after + 1].ent_type_ and \
                self.doc[after + 1].idx + len(self.doc[after + 1].text) <= span[1]:
            # "le général de Gaulle": a family name with its particle, not an office
            # ("le maire de Lyon", "le ministre de l'Intérieur") that others hold.
            return _lower_article(self._text(span)), None
        by_word = self._name_inside(span)
        if by_word is not None:
            return by_word
        closing = self._closing_name(span)
        if closing is not None:
            return closing
        key = _content_words(self._text(span))
        if not key or len(key) < 4:
            return None
        for title, cluster in self._titles():
            if title == key or title.startswith(key + " ") or title.endswith(" " + key) and \
                    not _relation_before(title[: -len(key)]):
                return cluster.name, cluster.id
        # "le chef du gouvernement" after "X, le Premier ministre": two ways of writing
        # one office.
        same = _equivalent_title(key)
        if same != key:
            for title, cluster in self._titles():
                title = _equivalent_title(title)
                if title == same or title.startswith(same + " "):
                    return cluster.name, cluster.id
        # "le nageur français" after "le Français Camille Lacourt": a title whose words
        # the description repeats, when it points to one person only.
        # (only the description's own words: in "la fille du roi" the title "roi" is
        # someone else's)
        words = set(_head_phrase(key)) | set(_head_phrase(same))
        matches = {cluster.id: cluster for title, cluster in self._titles()
                   if set(title.split()) <= words or
                   set(_equivalent_title(title).split()) <= words}
        if len(matches) > 1:
            # "le capitaine montpelliérain" after "le Montpelliérain X" and "son
            # capitaine, Y": the head noun names the office, an adjective only a trait
            # others share; the one title with the same head wins.
            head = fold(head.lemma_)
            matches = {cluster.id: cluster for title, cluster in self._titles()
                       if set(title.split()) <= words and title.split()[0] == head}
        if len(matches) == 1:
            cluster = next(iter(matches.values()))
            return cluster.name, cluster.id
        return None

    def _closing_name(self, span: tuple[int, int]):
        """"le premier secrétaire du parti Prénom Nom": a person's full name that closes
        the description, written right after a noun, is the holder of the title."""
        for cluster in self.clusters:
            if cluster.type != "PER":
                continue
            for mention in cluster.mentions:
                if mention.end != span[1] or mention.start <= span[0]:
                    continue
                name = self.doc.char_span(mention.start, mention.end,
                                          alignment_mode="expand")
                if name is None or len([t for t in name if t.text[:1].isalpha()]) < 2 or \
                        name.start < 1:
                    continue
                before = self.doc[name.start - 1]
                if any(t.pos_ == "CCONJ" for t in self.doc[max(0, name.start - 12):name.start]
                       if t.idx >= span[0]):
                    continue  # "le président et le secrétaire X": two people
                if before.pos_ == "NOUN" and not before.is_title and not (
                        before.idx > span[0] and (_is_role(before) or _human(before))) or \
                        before.pos_ == "PROPN" and before.ent_type_ in ("LOC", "ORG", "MISC"):
                    # (not "le père de la chanteuse X": the name is the singer's)
                    return cluster.name, cluster.id
        return None

    def _name_inside(self, span: tuple[int, int], allow_initial: bool = False):
        """A capitalised word of the mention that is a person's name in the article."""
        tokens = list(self.doc.char_span(span[0], span[1], alignment_mode="expand") or [])
        for k, tok in enumerate(tokens):
            if tok.pos_ != "PROPN" and not tok.is_title or tok.i == 0 and not allow_initial:
                continue
            if any(t.pos_ in ("ADP", "VERB") for t in tokens[:k]):
                # "un témoin cité par Le Parisien": the name is not the speaker's.
                break
            word = fold(tok.text)
            if len(word) < 3:
                continue
            for cluster in self.clusters:
                # The family name: "le président Poutine" is Vladimir Poutine; a shared
                # first name says nothing.
                if cluster.type == "PER" and fold(cluster.name).split()[-1:] == [word]:
                    return cluster.name, cluster.id
        return None

    def _titles(self) -> list:
        """(title, cluster) for each title that stands next to a person's name:
        "le Premier ministre Édouard Philippe", "Bruno Le Roux, ministre de l'Intérieur"."""
        cached = getattr(self, "_title_cache", None)
        if cached is not None:
            return cached
        titles = []
        doc = self.doc
        for cluster in self.clusters:
            if cluster.type not in ("PER", "MISC"):
                continue
            for mention in cluster.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                name_head = span.root
                first = span[0]
                if first.i != name_head.i and first.head.i == span.start - 1 and \
                        first.head.pos_ == "NOUN" and \
                        first.dep_ in ("flat:name", "flat", "appos", "nmod"):
                    name_head = first  # "du roi Prénom IV" whose parts the parse split
                if cluster.type == "MISC" and not (
                        name_head.head.lemma_.lower() in NAMING_VERBS and
                        name_head.dep_ in ("xcomp", "obj")):
                    continue  # a name the model could not type counts after "nommée"
                for title in self._title_nouns(name_head, span):
                    text = self._text(mention_span_without(title, span))
                    words = _content_words(text)
                    if words:
                        titles.append((words, cluster))
        self._title_cache = titles
        return titles

    @staticmethod
    def _title_nouns(name_head: Token, name_span) -> list[Token]:
        found = []
        head = name_head.head
        # "l'épouse de François Fillon", "la société de conseil de X": a relation to the
        # person, not their title.
        related = any(c.dep_ == "case" for c in name_head.children)
        if head.pos_ == "NOUN" and name_head.dep_ in ("appos", "nmod", "flat:name", "flat") \
                and head.i < name_span.start and name_span.start - head.i <= 6 and not related \
                and not (head.is_title and head.i == name_span.start - 1 and head.i > 0 and
                         not any(c.dep_ == "det" for c in head.children)) \
                and not (heads_a_source(head) and _opens_clause(name_head)):
            # (not "Selon le parquet, X aurait menti": X subject of the reported clause)
            # (not "Oscar" in "Oscar Munoz", a first name the tagger took for a noun)
            found.append(head)
        if name_head.dep_ in ("xcomp", "obj") and head.dep_ == "acl" and \
                head.lemma_.lower() in NAMING_VERBS and head.head.pos_ == "NOUN" and \
                head.head.i < head.i:
            found.append(head.head)  # "une adolescente de 16 ans nommée Sarah"
        for child in name_head.children:
            # "Bruno Le Roux, ministre de l'Intérieur" (not "« Coluche » des Gilets jaunes")
            if child.pos_ == "NOUN" and child.dep_ == "appos" and \
                    child.i >= name_span.end and child.i - name_span.end <= 3:
                found.append(child)
            elif child.pos_ == "ADJ" and child.dep_ in ("acl", "amod", "appos") and \
                    child.lower_ in SPEAKER_NOUNS and child.i == name_span.end + 1 and \
                    name_head.doc[name_span.end].text == ",":
                # "Marie Durand, nageuse française,": the title tagged as an adjective.
                found.append(child)
        if not any(t.i > name_span.end for t in found):
            # "Paul X, le Premier ministre du pays, a …" parsed with the description as
            # the subject and the name hung elsewhere: the role set off by the comma
            # right after the name is still the name's title.
            title = _role_after_comma(name_head.doc, name_span.end)
            if title is not None:
                found.append(title)
        # "… et son capitaine, Y, a marqué" parsed with the name hung elsewhere (or on
        # the noun before: "les réflexes de son gardien, Y"): the role set off by the
        # comma right before the name is its title.
        title = _role_before_comma(name_head.doc, name_span)
        if title is None and name_span.start > 0:
            # "les cendres du roi Prénom V" hung on "cendres": the role right before
            title = name_head.doc[name_span.start - 1]
            if title.pos_ != "NOUN" or title.is_title or not _is_role(title):
                title = None
        if title is not None and title not in found:
            found = [t for t in found if t.i > name_span.start or _is_role(t)]
            if not any(t.i < name_span.start for t in found):
                found.append(title)
        return found

    def _possessive(self, tok: Token, span: tuple[int, int], depth: int) -> str | None:
        """"sa mère" → "la mère du soldat": the possessor spelt out."""
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in
                    ("sa", "son", "ses", "leur", "leurs")), None)
        if det is None:
            return None
        possessor = self._antecedent(tok, plural=det.lower_ in ("leur", "leurs"),
                                     feminine=None, exclude=tok)
        if possessor is None:
            return None
        name, _ = self.name_of(possessor, None, depth + 1)
        if not name:
            return None
        if tok.lemma_.lower() in BODY_OF_AN_ORGANISATION and (
                possessor.ent_type_ == "PER" or self._is_person_cluster(possessor)):
            # "Prénom Nom, salarié de X … Sa direction": a person has no direction of
            # their own; the organisation named beside them in their sentence has.
            owner = self._organisation_beside(possessor)
            if owner is not None:
                name = owner
        head = self._text(mention_span(tok))
        words = head.split(" ", 1)
        rest = words[1] if len(words) > 1 else tok.text
        fem = "Fem" in tok.morph.get("Gender")
        plural = "Plur" in tok.morph.get("Number")
        article = "les" if plural else ("la" if fem else "le")
        if rest[:1].lower() in "aeiouyéèêh" and not plural:
            article = "l'"
            return f"{article}{rest} {_de(name)}"
        return f"{article} {rest} {_de(name)}"

    def _is_person_cluster(self, tok: Token) -> bool:
        cluster = self.cluster_of_token.get(tok.i)
        return cluster is not None and cluster.type == "PER"

    def _organisation_beside(self, person: Token) -> str | None:
        """The organisation named nearest to ``person`` in its own sentence."""
        best = None
        for t in person.sent:
            cluster = self.cluster_of_token.get(t.i)
            if cluster is not None and cluster.type == "ORG" and not self._quoted(t) and (
                    best is None or abs(t.i - person.i) < abs(best[0] - person.i)):
                best = (t.i, cluster.name)
        if best is None:
            return None
        first = best[0]
        while first - 1 >= person.sent.start and \
                self.cluster_of_token.get(first - 1) is self.cluster_of_token.get(best[0]):
            first -= 1
        article = self.doc[first - 1].lower_ if first > 0 else ""
        if article in ("le", "la", "les", "l'", "l’") and \
                not best[1].lower().startswith(("le ", "la ", "les ", "l'", "l’")):
            # "la SNCF": the article the text gives the name
            space = "" if article in ("l'", "l’") else " "
            return article + space + best[1]
        return best[1]

    def _fullest_description(self, tok: Token, span: tuple[int, int]) -> str:
        """A definite description ("le soldat", "la mère inquiète") refers back: to the
        first mention of the same head noun and number whose nominal modifiers include
        the current ones ("un soldat russe furieux"). An indefinite one ("une source
        judiciaire") introduces a speaker of its own."""
        current = self._text(span)
        if tok.pos_ != "NOUN":
            return _without_anaphora(current)
        if _indefinite(tok) and _modified(tok):
            # "une source judiciaire" after "une source proche du dossier" is another one,
            # unless it repeats the event that singles it out.
            same = self._same_event(tok)
            return _without_anaphora(self._text(mention_span(same)) if same else current)
        if tok.is_title and tok.ent_type_ in ("ORG", "PER", "MISC", "LOC") and \
                tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].is_title and \
                self.doc[tok.i + 1].idx < span[1]:
            return _without_anaphora(current)  # a name taken for a noun: the name itself
        lemma = tok.lemma_.lower()
        number = tok.morph.get("Number")
        nouns = _modifier_nouns(tok)
        for other in self.doc:
            if other.i >= tok.i:
                break
            if tok.is_title != other.is_title and tok.i != tok.sent.start and \
                    other.i != other.sent.start:
                continue  # "les Afghans" (people) is not "afghanes" (an adjective's noun)
            if other.pos_ != "NOUN" or other.lemma_.lower() != lemma or \
                    other.morph.get("Number") != number or other.dep_ in ("obl:mod",):
                continue
            if self._quoted(other) or not nouns <= _modifier_nouns(other):
                continue
            named = self._entity_before(other)
            if named is not None:
                # "l'Entsoe, l'association regroupant …" then "l'association
                # européenne": the name the first description was apposed to.
                return named
            if _other_qualifier(tok, other):
                continue  # "le candidat socialiste" is not "le candidat de la France …"
            first = mention_span(other)
            text = self._text(first)
            if len(text) > 120:
                continue
            possessive = self._possessive(other, first, 1)
            if possessive is not None:
                return possessive
            if _content_words(text) == _content_words(current):
                # "la mère du suspect" then "Le suspect": nothing more to say, and the
                # article the contraction "du" swallowed stays.
                break
            return text
        possessive = self._possessive(tok, span, 1)
        return possessive or _without_anaphora(current)

    def _entity_before(self, noun: Token) -> str | None:
        """The name a description is set off after ("l'Entsoe, l'association …"),
        whatever the parse made of the comma."""
        doc = self.doc
        first = min(t.i for t in noun.subtree if not t.is_punct or t.i == noun.i)
        if first < 2 or doc[first - 1].text != "," or first > noun.i:
            return None
        if any(doc[k].pos_ not in ("DET", "ADJ") for k in range(first, noun.i)):
            return None
        if "Plur" in noun.morph.get("Number") or \
                noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.i > noun.i:
            return None  # "Dans le cadre de la loi X, les députés ont voté": a new subject
        name = doc[first - 2]
        if name.ent_type_ not in ("PER", "ORG", "MISC") and not (
                name.ent_type_ == "LOC" and name.pos_ == "PROPN" and
                noun.lemma_.lower() in ORGANISATION_NOUNS) or self._quoted(name):
            return None  # (a body the model took for a place: "la Coderia, l'agence …")
        cluster = self.cluster_of_token.get(name.i)
        if cluster is not None and cluster.type in ("PER", "ORG"):
            return cluster.name
        start = name.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        text = doc[start:name.i + 1].text
        return text if text[:1].isupper() else None

    def _same_event(self, tok: Token) -> Token | None:
        """"Un appel téléphonique intercepté entre …" after "un appel intercepté depuis
        …": an indefinite description that repeats the participle of an earlier one (the
        event that singles the thing out) names the same thing."""
        events = _participles(tok)
        if not events:
            return None
        lemma = tok.lemma_.lower()
        for other in self.doc:
            if other.i >= tok.i:
                break
            if other.pos_ == "NOUN" and other.lemma_.lower() == lemma and \
                    other.morph.get("Number") == tok.morph.get("Number") and \
                    events & _participles(other) and not self._quoted(other):
                return other
        return None

    def _recent_organisation(self, tok: Token):
        """"FPI a confié … « … », déclare la société": a definite bare noun naming a kind
        of organisation stands for the organisation named in the last two sentences."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ORGANISATION_NOUNS:
            return None
        if any(c.dep_ in ("nmod", "amod", "appos", "acl", "acl:relcl") for c in tok.children):
            return None  # "la société de conseil de …": described, not referred back to
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det not in ("le", "la", "l'", "l’", "les", "cette", "ce", "cet"):
            return None
        lemma = tok.lemma_.lower()
        introduced = self._introduced_as(lemma)
        if lemma in PRESS_NOUNS:
            # "le quotidien X" … "le journal ajoute": any word for a newspaper refers
            # back to the nearest title the article introduced as a newspaper.
            for other in PRESS_NOUNS - {lemma}:
                introduced |= self._introduced_as(other)
        if introduced:
            # "le quotidien libanais X" … "le quotidien suisse Y" … "Pour X, …" … "le
            # quotidien note": the last mentioned of those the article called so.
            for i in range(tok.i - 1, -1, -1):
                cluster = self.cluster_of_token.get(i)
                if cluster is not None and cluster.id in introduced:
                    return cluster.name, cluster.id
        start = self._sentence_starts[max(0, self._sentence_index(tok.i) - 2)]
        for i in range(tok.i - 1, start - 1, -1):
            cluster = self.cluster_of_token.get(i)
            if cluster is not None and cluster.type == "ORG" and not self._quoted(self.doc[i]):
                return cluster.name, cluster.id
        return None

    def _introduced_as(self, noun: str) -> set:
        """Ids of the organisations written right after that kind noun, adjectives
        between ("le quotidien libanais X", "la société X")."""
        found = set()
        doc = self.doc
        for cluster in self.clusters:
            if cluster.type == "PER":
                continue
            for mention in cluster.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                i = span.start - 1
                while i >= 0 and span.start - i <= 3 and doc[i].pos_ == "ADJ":
                    i -= 1
                if i >= 0 and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() == noun:
                    found.add(cluster.id)
                    break
        return found

    def _epithet_antecedent(self, tok: Token, depth: int = 0) -> Token | None:
        """"Donald Trump a publié une lettre. Le dirigeant américain dénonce …": a
        definite description headed by a person's role, whose head noun the article has
        not used before, refers back to the person who is the subject just before (the
        current or the last two sentences), when they agree. Relational nouns ("la
        mère", "l'avocat") name someone else, and institutions are not persons."""
        if tok.pos_ != "NOUN" or "Plur" in tok.morph.get("Number"):
            return None
        lemma = tok.lemma_.lower()
        if lemma not in SPEAKER_NOUNS and tok.lower_ not in SPEAKER_NOUNS and \
                not tok.lower_.endswith(AGENT_ENDINGS) or \
                lemma in NOT_EPITHETS or tok.lower_ in NOT_EPITHETS or \
                lemma in ORGANISATION_NOUNS:
            return None
        det = next((c for c in tok.children if c.dep_ == "det" and c.i < tok.i), None)
        if det is None or det.lower_ not in ("le", "la", "l'", "l’", "ce", "cet", "cette"):
            return None
        for child in tok.children:
            if child.i > tok.i and child.dep_ in ("nmod", "acl", "acl:relcl", "appos") and (
                    child.pos_ == "PROPN" or child.dep_ != "nmod" or
                    any(c.dep_ == "det" for c in child.children)):
                return None  # "le maire de Tignes", "le chef qui …": a description
        k = tok.i + 1
        while k < len(self.doc) and k - tok.i <= 3 and self.doc[k].pos_ == "ADJ" and \
                not self.doc[k].is_title:
            k += 1
        if k < len(self.doc) and self.doc[k].pos_ not in ("DET", "ADP", "VERB", "AUX") and \
                self.doc[k].is_title and self.doc[k].is_alpha:
            return None  # "le président français Dupont": named, whatever the parse
        for other in reversed(self.doc[:tok.i]):
            if other.pos_ == "NOUN" and other.lemma_.lower() == lemma and \
                    "Plur" not in other.morph.get("Number") and \
                    any(c.dep_ == "det" for c in other.children) and \
                    not _other_qualifier(tok, other):
                # (not "s'est déclaré candidat": a bare attribute refers to no one)
                # The same noun before: the description refers to what that one did
                # ("X a annoncé … Le président a pris … Plus tard, le président a dit").
                if depth < 3 and not self._quoted(other):
                    return self._epithet_antecedent(other, depth + 1)
                return None
        feminine = _noun_gender(tok)
        start = self._sentence_starts[max(0, self._sentence_index(tok.i) - 2)]
        found = None
        people = set()
        for i in range(tok.i - 1, start - 1, -1):
            other = self.doc[i]
            cluster = self.cluster_of_token.get(i)
            if cluster is None or cluster.type != "PER" or self._quoted(other):
                continue
            if feminine is not None and not self._agrees(other, False, feminine):
                continue
            top = other
            while top.dep_ in ("conj", "flat:name", "flat") and top.head.i < top.i:
                top = top.head
            if not (top.dep_ == "nmod" and top.head.pos_ == "NOUN") and \
                    not any(c.dep_ == "case" for c in top.children):
                # "une accolade entre X et Y", "la maladie de X": people talked about.
                people.add(cluster.id)
            if found is None and self._candidate_rank(other) in (0, 1):
                found = other
        # Two people it could stand for ("X a devancé Y. Le cyclist belge …"): a
        # description of its own.
        return found if len(people) <= 1 else None

    # --- antecedents --------------------------------------------------------------

    def _relative_antecedent(self, tok: Token) -> Token | None:
        verb = tok.head
        if verb.dep_ == "acl:relcl" and verb.head.i < tok.i:
            head = verb.head
            # "X, le chef de mission de MSF pour la Syrie qui considère": a place cannot
            # consider; the relative goes with the person noun whose phrase it ends.
            while head.dep_ == "nmod" and head.head.pos_ == "NOUN" and \
                    head.head.i < head.i and head.ent_type_ == "LOC" and \
                    head.head.lemma_.lower() in SPEAKER_NOUNS:
                head = head.head
            return self._named_before_apposition(_apposition_owner(head))
        # The parser missed the relative: the noun before the comma before "qui" (or
        # before the preposition that governs it: "…, pour qui", "…, selon lequel").
        i = tok.i - 1
        if i >= 0 and self.doc[i].pos_ == "ADP":
            i -= 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
        if i >= 0 and self.doc[i].pos_ in ("NOUN", "PROPN"):
            head = self.doc[i]
            while head.dep_ in ("flat:name", "flat", "amod", "nmod") and head.head.i < head.i:
                head = head.head
            return _apposition_owner(head)
        if i >= 1 and self.doc[i].lower_ in ("lui", "elle", "eux", "elles") and \
                self.doc[i - 1].lemma_ == "être" and i + 1 == tok.i:
            return self.doc[i]  # "c'est lui qui a …": the pronoun the cleft stresses
        return None

    def _named_before_apposition(self, noun: Token) -> Token:
        """"Massimiliano R. , le chef de mission …" parsed as two phrases: a description
        opening right after a comma that closes a person's name is that person."""
        if noun.pos_ != "NOUN" and noun.lower_ not in QUANTIFIERS:
            return noun  # a description, or "l'un de ses avocats"
        first = min(t.i for t in noun.subtree if not t.is_punct or t.i == noun.i)
        i = first - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 1 or self.doc[i].text != ",":
            return noun
        cluster = self.cluster_of_token.get(i - 1)
        if cluster is None or cluster.type != "PER":
            return noun
        j = i - 1
        while j - 1 >= 0 and self.cluster_of_token.get(j - 1) is cluster:
            j -= 1
        return self.doc[j]

    def _antecedent(self, tok: Token, plural: bool, feminine: bool | None,
                    exclude: Token | None = None, demonstrative: bool = False) -> Token | None:
        """The nearest earlier speaker-like mention that agrees with the pronoun: a
        speaker or a person subject of the last few sentences first (the one who talks
        goes on talking), then any mention, nearest sentence first."""
        if not demonstrative and exclude is None:
            found = self._search(tok, plural, feminine, exclude, demonstrative, max_rank=1,
                                 back_limit=PERSON_SENTENCES_BACK)
            if found is not None:
                return found
        return self._search(tok, plural, feminine, exclude, demonstrative)

    def _search(self, tok: Token, plural: bool, feminine: bool | None, exclude, demonstrative,
                max_rank: int = 99, back_limit: int = MAX_SENTENCES_BACK) -> Token | None:
        doc = self.doc
        sent_index = self._sentence_index(tok.i)
        inside_quote = self._quoted(tok)
        for back in range(0, back_limit + 1):
            index = sent_index - back
            if index < 0:
                break
            start = self._sentence_starts[index]
            end = self._sentence_starts[index + 1] if index + 1 < len(self._sentence_starts) \
                else len(doc)
            if back == 0:
                end = tok.i
            options = []
            for t in doc[start:end]:
                if exclude is not None and t.i == exclude.i:
                    continue
                if self._quoted(t):
                    # A name inside quoted words is what the speaker talks about.
                    continue
                rank = self._candidate_rank(t, inside_quote)
                if rank is None and demonstrative and t.dep_ not in ("flat:name", "flat") and (
                        t.pos_ == "PROPN" or t.i in self.cluster_of_token or
                        t.pos_ == "NOUN" and t.lemma_.lower() in SPEAKER_NOUNS):
                    rank = 7  # "celui-ci": the last one mentioned, in any role
                if rank is None or rank > max_rank:
                    continue
                if not self._agrees(t, plural, feminine):
                    continue
                options.append((rank, t))
            if options:
                if demonstrative:
                    # "ce dernier": the last one mentioned.
                    return max(options, key=lambda o: o[1].i)[1]
                if back == 0 and exclude is not None:
                    # "sa mère" in the possessor's sentence: the nearest named person,
                    # else the nearest mention ("un soldat … et sa mère").
                    return min(options, key=lambda o: (
                        self.cluster_of_token.get(o[1].i) is None or
                        self.cluster_of_token[o[1].i].type != "PER", -o[1].i))[1]
                options.sort(key=lambda o: (o[0], o[1].i))
                return options[0][1]
        return None

    def _candidate_rank(self, t: Token, inside_quote: bool = False) -> int | None:
        """Lower is better: earlier speakers, then subjects, then other names. Inside
        quoted words, "il" is someone the speaker talks about, not the last speaker."""
        if t.i in self.known and self.known[t.i][0] and not inside_quote:
            # A speaker given by "selon X", "les mots de X" ranks with the subjects: in
            # "Il risque … , selon le procureur", the topic is "il".
            if any(c.dep_ == "case" and c.i < t.i and c.lower_ not in ("des", "de", "d'")
                   for c in t.children):
                return 1
            return 0
        head_of_name = t.i in self.cluster_of_token and self.cluster_of_token[t.i].type == "PER" \
            and (t.dep_ not in ("flat:name", "flat") or t.head.i not in self.cluster_of_token) \
            and not (t.dep_ == "nmod" and t.head.pos_ == "NOUN")  # "la maladie de Parkinson"
        subject = t.dep_ in ("nsubj", "nsubj:pass") or (
            # "Le président du Conseil, Matteo Renzi, s'est rendu …": the name apposed to
            # the subject is the subject; so is a name written after the title without a
            # comma ("Le ministre de la Justice Jean Dupont était présent").
            t.dep_ in ("appos", "nmod", "flat:name") and t.head.dep_ in ("nsubj", "nsubj:pass")
            and t.i > 0 and (self.doc[t.i - 1].text == "," or t.head.i == t.i - 1 or
                             t.dep_ == "appos" and t.head.i < t.i and
                             not any(c.dep_ == "case" for c in t.children)))
        if not head_of_name and t.pos_ in ("PROPN", "NOUN") and t.is_title and \
                t.i in self.cluster_of_token and \
                t.dep_ not in ("flat:name", "flat") and self._role_named(t):
            # "L'entraîneur adverse, Jan Olsen, juge …" with the name typed as an
            # organisation: a name apposed to a person's role is a person.
            head_of_name = True
        if head_of_name and not subject and t.dep_ == "conj" and \
                t.head.dep_ in ("nsubj", "nsubj:pass") and t.head.pos_ == "NOUN" and \
                _is_role(t.head) and t.i > 0 and self.doc[t.i - 1].text == "," and \
                not any(c.dep_ == "cc" for c in t.children):
            subject = True  # "le candidat du parti, Jean X, a …" parsed as a coordination
        if head_of_name and not subject:
            subject = self._name_before_subject_description(t) or \
                self._opening_name(t) or self._inverted_speaker(t)
        if head_of_name and subject:
            return 1
        if t.pos_ == "NOUN" and not subject and _human(t) and self._opening_noun(t):
            subject = True  # "De son côté, le représentant … salue …", the verb misparsed
        if t.pos_ == "NOUN" and subject and (t.lemma_.lower() in SPEAKER_NOUNS or _human(t)):
            if _human(t) and any(c.dep_ == "det" and c.lower_ in HUMAN_DETERMINERS
                                 for c in t.children) and not self._quoted(t):
                # "La nièce du roi s'y opposait. Elle a déclaré …": a person the
                # sentence is about, as salient as a named one.
                return 1
            return 2
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "obl:agent" and \
                any(c.dep_ == "aux:pass" for c in t.head.children):
            return 2
        if t.pos_ == "PRON" and subject and t.lower_.lstrip("-") in ("il", "elle", "ils",
                                                                      "elles") and \
                not (t.i > 0 and self.doc[t.i - 1].lower_ in ("à", "a")):
            # (not "X a quant à elle reconnu": a stressed pronoun, X is the subject)
            return 1  # a pronoun chain: "Il a proposé … Il propose …"
        if subject and t.lower_ in ("dernier", "dernière", "derniers", "dernières") and any(
                c.lower_ in ("ce", "cette", "ces") for c in t.children):
            return 1  # "Ce dernier n'était pas au courant : « … », déclare-t-il"
        if head_of_name:
            return 3
        if t.pos_ == "PROPN" and t.is_title and t.dep_ in ("flat:name", "appos", "nmod") and \
                t.head.i == t.i - 1 and t.head.pos_ == "NOUN" and not any(
                    c.dep_ == "case" for c in t.children) and (
                    t.head.lemma_.lower() in SPEAKER_NOUNS or
                    t.head.lower_.endswith(AGENT_ENDINGS)) and \
                t.head.lemma_.lower() not in ORGANISATION_NOUNS and \
                t.head.lemma_.lower() not in NOT_EPITHETS:
            return 3  # "le youtubeur X" (not "l'association X"): a person's name
        organisation = t.i in self.cluster_of_token and \
            self.cluster_of_token[t.i].type == "ORG" and \
            t.dep_ not in ("flat:name", "flat") and t.pos_ in ("PROPN", "NOUN")
        if organisation and not subject and self._opening_name(t) and \
                (t.i == 0 or self.cluster_of_token.get(t.i - 1) is not
                 self.cluster_of_token[t.i]) and not self._title_of_a_person(t):
            return 1  # "Le 13 octobre la SDJ fait paraître …", the parse lost the subject
        if organisation and subject:
            # "La SNCF a reconnu … Elle précise": an organisation that is the subject
            # is as salient as a person.
            return 1 if t.dep_ in ("nsubj", "nsubj:pass") else 3
        if t.pos_ == "NOUN" and t.lemma_.lower() in SPEAKER_NOUNS and \
                t.dep_ in ("nmod", "obj", "obl:arg", "appos", "conj"):
            return 5
        if t.pos_ == "PROPN" and subject:
            return 4  # a name the model did not tag as a person
        if t.pos_ == "NOUN" and subject:
            return 6
        return None

    def _role_named(self, t: Token) -> bool:
        """Is the name written right after a person's role ("l'entraîneur Jan Olsen",
        "son capitaine, Jan Olsen,")?"""
        doc = self.doc
        cluster = self.cluster_of_token.get(t.i)
        end = t.i + 1
        while end < len(doc) and self.cluster_of_token.get(end) is cluster and end - t.i < 5:
            end += 1
        if _role_before_comma(doc, doc[t.i:end]) is not None:
            return True
        before = doc[t.i - 1] if t.i > 0 else None
        return before is not None and before.pos_ == "NOUN" and _is_role(before) and \
            not before.is_title and not any(c.dep_ == "case" for c in before.children)

    def _opening_name(self, t: Token) -> bool:
        """A person's name in the noun phrase that opens its sentence, before any verb
        ("L'entraîneur Jan Olsen espère que …" whose verb the parse missed): the
        subject, however the parse labelled it."""
        if any(c.dep_ == "case" for c in t.children):
            return False
        doc = self.doc
        start = self._sentence_starts[self._sentence_index(t.i)]
        for k in range(start, t.i):
            tok = doc[k]
            if tok.pos_ in ("VERB", "AUX") or tok.pos_ == "ADP" and tok.lower_ not in (
                    "de", "du", "des", "d'", "d’") or tok.pos_ in ("SCONJ", "PRON") or \
                    tok.text in ("«", "»", "“", "”", "\"", ":", ";"):
                return False
        return True

    def _title_of_a_person(self, t: Token) -> bool:
        """"Vice-présidente du conseil, Mme X, …" taken for an organisation's name: a
        role, or a phrase a person's name is apposed to."""
        doc = self.doc
        if t.lemma_.lower() in SPEAKER_NOUNS and _is_role(t) or t.lower_ in SPEAKER_NOUNS \
                and t.lower_ not in INSTITUTIONS:
            return True
        cluster = self.cluster_of_token[t.i]
        j = t.i
        while j < len(doc) and self.cluster_of_token.get(j) is cluster and j - t.i < 12:
            j += 1
        k = j + 1
        while k < len(doc) and k - j < 3 and doc[k].text.rstrip(".").lower() in (
                "m", "mme", "mlle", "monsieur", "madame"):
            k += 1
        return j < len(doc) and doc[j].text == "," and k < len(doc) and \
            (self.cluster_of_token.get(k) is not None and
             self.cluster_of_token[k].type == "PER" or doc[k].ent_type_ == "PER")

    def _opening_noun(self, t: Token) -> bool:
        """The first noun of its sentence, before any verb, past a fronted adverbial
        set off by a comma ("De son côté, le porte-parole …")."""
        if any(c.dep_ == "case" for c in t.children) or self._quoted(t):
            return False
        doc = self.doc
        start = self._sentence_starts[self._sentence_index(t.i)]
        while start < t.i and (doc[start].is_space or doc[start].is_punct):
            start += 1
        if doc[start].pos_ in ("ADP", "ADV", "SCONJ"):
            comma = next((k for k in range(start, t.i) if doc[k].text == ","), None)
            if comma is None or any(doc[k].pos_ in ("VERB", "AUX")
                                    for k in range(start, comma)):
                return False
            start = comma + 1
        return all(doc[k].pos_ in ("DET", "ADJ") or doc[k].is_space
                   for k in range(start, t.i))

    def _inverted_speaker(self, t: Token) -> bool:
        """"…, fait remarquer Jan Olsen", "…, a expliqué le ministre Jan Olsen": a name
        right after a reporting verb set off by a comma is that verb's subject."""
        from recoupe.quotes.lexicon import introduces_direct, lemma_of

        doc = self.doc
        verb = t.head
        if verb.i >= t.i or t.i - verb.i > 4 or verb.pos_ not in ("VERB", "AUX") or \
                not introduces_direct(lemma_of(verb)):
            return False
        form = verb.morph.get("VerbForm")
        auxiliary = any(c.dep_.startswith("aux") for c in verb.children)
        if not ("Fin" in form or "Part" in form and "Past" in verb.morph.get("Tense") and
                auxiliary or "Inf" in form and verb.i > 0 and
                doc[verb.i - 1].lemma_ == "faire"):
            return False  # "…, évoquant X": X is what is spoken of
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i != t.i for c in verb.children):
            return False
        if any(doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "ADP", "PRON")
               for k in range(verb.i + 1, t.i)):
            return False
        first = verb.i
        while first - 1 >= 0 and (doc[first - 1].pos_ in ("AUX", "ADV") or
                                  doc[first - 1].lemma_ == "faire") and verb.i - first < 3:
            first -= 1
        return first >= 1 and doc[first - 1].text in (",", "»", "”", "\"")

    def _name_before_subject_description(self, t: Token) -> bool:
        """"Donald Trump, le président des États-Unis, a publié …" parsed with the
        description as the subject: the name set off before it is the subject."""
        doc = self.doc
        j = t.i + 1
        while j < len(doc) and doc[j].dep_ in ("flat:name", "flat") and doc[j].head.i == t.i:
            j += 1
        if j + 2 >= len(doc) or doc[j].text != ",":
            return False
        for k in range(j + 1, min(j + 4, len(doc))):
            if doc[k].pos_ == "NOUN":
                return doc[k].dep_ in ("nsubj", "nsubj:pass") and doc[k].head.i > k and \
                    doc[k].lemma_.lower() in SPEAKER_NOUNS
            if doc[k].pos_ not in ("DET", "ADJ"):
                return False
        return False

    def _agrees(self, t: Token, plural: bool, feminine: bool | None) -> bool:
        number = t.morph.get("Number")
        is_plural = "Plur" in number or any(c.dep_ == "conj" for c in t.children) and \
            t.dep_ in ("nsubj",)
        if t.i in self.cluster_of_token and self.cluster_of_token[t.i].type == "PER":
            # one person, unless coordinated with another name ("X et Y Roy" → "ils")
            is_plural = t.dep_ in ("nsubj", "nsubj:pass") and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > t.i for c in t.children)
        if plural != is_plural:
            return False
        if feminine is None:
            return True
        if t.pos_ == "PROPN" or t.i in self.cluster_of_token:
            # The model guesses the gender of names poorly ("Jean" feminine): only a
            # title, or words agreeing with the person elsewhere in the article, say it.
            title = self._title_gender(t)
            if title is None and t.i in self.cluster_of_token:
                title = self._cluster_gender(self.cluster_of_token[t.i])
            return title is None or title == feminine
        if plural and not feminine:
            return True  # "ils" takes mixed groups and nouns of either gender
        # The model's gender of a noun is trusted when its determiner shows it.
        det = next((c.lower_ for c in t.children if c.dep_ == "det"), None)
        if det in ("la", "une", "cette", "sa", "ma", "ta"):
            return feminine
        if det in ("le", "un", "ce", "cet"):
            return not feminine
        gender = t.morph.get("Gender")
        if not gender:
            return True
        return ("Fem" in gender) == feminine

    def _quoted(self, t: Token) -> bool:
        import bisect

        i = bisect.bisect_right(self._region_starts, t.idx) - 1
        return i >= 0 and t.idx < self._region_ends[i]

    def _cluster_gender(self, cluster) -> bool | None:
        """True (feminine) or False (masculine) when words agreeing with the person say
        it somewhere in the article: "Mme X", "la présidente X", "l'ancienne ministre X",
        "X, la directrice de …", "X est arrivée"; None when nothing says or they disagree."""
        cache = self.__dict__.setdefault("_gender_cache", {})
        if cluster.id in cache:
            return cache[cluster.id]
        votes = {True: 0, False: 0}
        if cluster.type == "PER":
            for mention in cluster.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for vote in _gender_evidence(span):
                    votes[vote] += 1
        gender = None
        if votes[True] and not votes[False]:
            gender = True
        elif votes[False] and not votes[True]:
            gender = False
        elif votes[True] or votes[False]:
            gender = votes[True] > 2 * votes[False] or (
                None if votes[False] <= 2 * votes[True] else False)
        cache[cluster.id] = gender
        return gender

    def _title_gender(self, t: Token) -> bool | None:
        """True for "Mme X", False for "M. X", None when nothing says."""
        doc = self.doc
        i = t.i - 1
        while i >= 0 and doc[i].pos_ == "PROPN" and t.i - i <= 3:
            i -= 1
        if i < 0:
            return None
        word = doc[i].lower_.rstrip(".")
        if word in ("mme", "madame", "mlle", "mademoiselle"):
            return True
        if word in ("m", "monsieur", "mr"):
            return False
        return None

    def _sentence_index(self, i: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self._sentence_starts, i) - 1)


FEMININE_DETS = frozenset("la une cette sa ma ta".split())
MASCULINE_DETS = frozenset("le un ce cet son".split())
FEMININE_ENDINGS = ("trice", "euse", "ière", "ienne", "esse", "ante", "ente")


def _gender_evidence(name):
    """Genders shown by words agreeing with one mention of a person's name: a courtesy
    title, the title noun it stands beside (its determiner, its adjectives, its own
    form), a participle after "être" whose subject the name is. An epicene title after
    a masculine article ("le ministre") says nothing: older usage writes it for women."""
    doc = name.doc
    before = doc[name.start - 1] if name.start > 0 else None
    if before is not None:
        word = before.lower_.rstrip(".")
        if word in ("mme", "madame", "mlle", "mademoiselle"):
            yield True
        elif word in ("m", "monsieur"):
            yield False
    root = name.root
    titles = []
    if root.dep_ in ("appos", "flat:name", "nmod") and root.head.pos_ == "NOUN" and \
            root.head.i < name.start and name.start - root.head.i <= 8 and \
            not any(c.dep_ == "case" for c in root.children) and \
            not any(doc[k].ent_type_ == "PER" for k in range(root.head.i + 1, name.start)):
        # (not "la chancelière X, Y avait …": the title is X's)
        title = root.head
        # "La présidente de l'association, Claire X" hung on "association": the
        # person noun the complement qualifies.
        comma = doc[name.start - 1].text == ","
        for _ in range(3):
            if not (comma and title.dep_ == "nmod" and title.head.pos_ == "NOUN" and
                    title.head.i < title.i):
                break
            title = title.head
        if title.lemma_.lower() in SPEAKER_NOUNS or title.lower_ in SPEAKER_NOUNS:
            titles.append(title)
    for child in root.children:
        if child.pos_ == "NOUN" and child.dep_ == "appos" and child.i >= name.end and \
                child.i - name.end <= 3:
            titles.append(child)
    if not titles and name.start > 0:
        # "la chancelière allemande Prénom Nom" whatever the parse made of it: the role
        # written right before the name, adjectives between.
        k = name.start - 1
        while k > 0 and name.start - k <= 3 and doc[k].pos_ == "ADJ" and not doc[k].is_title:
            k -= 1
        role = doc[k]
        if role.pos_ == "NOUN" and not role.is_title and (
                role.lemma_.lower() in SPEAKER_NOUNS or role.lower_ in SPEAKER_NOUNS) and \
                role.lemma_.lower() not in INSTITUTIONS and \
                role.lemma_.lower() not in ORGANISATION_NOUNS:
            titles.append(role)
    for title in titles:
        vote = _noun_gender(title)
        if vote is not None:
            yield vote
    if root.dep_ in ("nsubj", "nsubj:pass") and \
            not any(c.dep_ == "conj" for c in root.children):
        verb = root.head
        if any(c.dep_.startswith("nsubj") and c.i != root.i for c in verb.children):
            return  # two subjects for one participle: the parse is unsure whose it is
        if "Part" in verb.morph.get("VerbForm") and any(
                c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children):
            low = verb.lower_
            if low.endswith(("ée", "ie", "ue", "ite", "ise", "erte")):
                yield True
            elif low.endswith(("é", "i", "u", "it", "is", "ert")):
                yield False


def _noun_gender(noun: Token) -> bool | None:
    low = noun.lower_
    det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
    adjectives = [c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
    if det in FEMININE_DETS or low.endswith(FEMININE_ENDINGS):
        return True
    for adj in adjectives:
        # "l'ancienne ministre", "la Première ministre": an adjective in a form
        # other than its (masculine) lemma.
        if "Fem" in adj.morph.get("Gender") and adj.lower_ != adj.lemma_.lower() and \
                adj.lower_.endswith("e"):
            return True
    if (det in MASCULINE_DETS or det is None) and not low.endswith("e") and \
            "Masc" in noun.morph.get("Gender"):
        return False  # "le président", "directeur": a form with a distinct feminine
    return None


# Ways of writing the same office (folded, without determiners), each mapped to one
# spelling: a reader knows "le chef du gouvernement" is the Premier ministre.
TITLE_EQUIVALENTS = (
    ("cheffe du gouvernement", "premier ministre"),
    ("chef du gouvernement", "premier ministre"),
    ("premiere ministre", "premier ministre"),
    ("locataire de matignon", "premier ministre"),
    ("cheffe de l'etat", "president"),
    ("chef de l'etat", "president"),
    ("president de la republique", "president"),
    ("presidente de la republique", "president"),
    ("presidente", "president"),
    ("locataire de l'elysee", "president"),
    ("souveraine", "reine"),
    ("souverain", "roi"),
    ("monarque", "roi"),
    ("ex-roi", "ancien roi"),
    ("chef de la diplomatie", "ministre des affaires etrangeres"),
    ("cheffe de la diplomatie", "ministre des affaires etrangeres"),
    ("president-directeur general", "pdg"),
    ("presidente-directrice generale", "pdg"),
    ("president directeur general", "pdg"),
    ("p-dg", "pdg"),
    ("directeur general", "pdg"),
    ("directrice generale", "pdg"),
    ("patronne", "pdg"),
    ("patron", "pdg"),
)


# Nouns of SPEAKER_NOUNS that name a body, not a person.
INSTITUTIONS = frozenset("""
    gouvernement ministère armée police préfecture agence comité commission conseil cour
    tribunal parquet collectif institut administration opposition majorité sénat
    assemblée parlement mairie élysée matignon ambassade consulat état-major direction
    rédaction confédération union fondation ong onu otan gendarmerie justice autorité
    autorités municipalité régulateur observatoire douane douanes junte coalition ligue
    syndicat syndicats entreprise société groupe association parti journal chaîne média
    médias famille fédération organisation laboratoire source sources
""".split())
HUMAN_DETERMINERS = frozenset("le la l' l’ les ce cet cette ces son sa ses leur leurs".split())


# Kinship nouns missing from SPEAKER_NOUNS (relational: never someone's title).
KIN = frozenset("nièce neveu petit-fils petite-fille grand-père grand-mère demi-frère "
                "demi-sœur beau-père belle-mère gendre belle-fille".split())


def _human(noun: Token) -> bool:
    """A noun naming a person ("la nièce", "le policier"), not a body ("la police")."""
    lemma = noun.lemma_.lower()
    return (lemma in SPEAKER_NOUNS or lemma in KIN or noun.lower_ in KIN) and \
        lemma not in INSTITUTIONS and lemma not in ORGANISATION_NOUNS and \
        noun.lower_ not in INSTITUTIONS


def _present_office(title: str) -> str:
    """"ex-roi", "ancien roi" → "roi": the office whoever held it."""
    words = title.split()
    if words and words[0] in ("ancien", "ancienne", "ex", "feu"):
        words = words[1:]
    if words and words[0].startswith("ex-") and len(words[0]) > 4:
        words[0] = words[0][3:]
    return " ".join(words)


def _head_phrase(words: str) -> list[str]:
    """A description's words before its first complement ("fille" in "fille de l'
    ancien roi")."""
    kept = []
    for word in words.split():
        if word in ("de", "du", "des", "d'", "a", "au", "aux", "pour", "par", "sur", "chez",
                    "en", "dans", "avec"):
            break
        kept.append(word)
    return kept


def _equivalent_title(title: str) -> str:
    """A title's words with each office written one way ("chef du gouvernement" →
    "premier ministre"), so that two spellings of one office compare equal."""
    padded = f" {title} "
    for variant, one in TITLE_EQUIVALENTS:
        padded = padded.replace(f" {variant} ", f" {one} ")
    return padded.strip()


# Words that point back to an earlier mention without describing it: "le même chauffeur".
ANAPHORIC = frozenset("même mêmes dernier dernière derniers dernières précité précitée "
                      "susdit susdite".split())


NAMING_VERBS = frozenset("nommer prénommer appeler surnommer identifier".split())


# Words a noun phrase cannot end on: a description cut after them lost its tail.
DANGLING = frozenset("de du des d' a au aux le la les l' un une par pour sur dans en avec "
                     "et ou qui que qu' dont ce cet cette ces son sa ses leur leurs".split())


def _opens_clause(name: Token) -> bool:
    """Is the name followed, past its own words, by a verb (not a closing comma)?"""
    doc = name.doc
    i = name.i + 1
    while i < len(doc) and (doc[i].is_title or doc[i].ent_iob_ == "I" or
                            doc[i].text == "-" and not doc[i].whitespace_):
        i += 1
    return i < len(doc) and doc[i].pos_ in ("AUX", "VERB")


def _well_formed(name: str, mention: str) -> str:
    """A canonical name is a whole noun phrase: never one cut after a preposition or a
    determiner ("des captures d'écran du"), nor one opening on a preposition ("du X");
    a cut one falls back to the mention as written."""
    words = name.split()
    if len(words) > 1 and words[0] == "du" and words[1][:1].isupper():
        name = " ".join(words[1:])  # "du Joueur du Grenier": the name itself
        words = words[1:]
    if not words:
        return name
    last = fold(words[-1])
    if last in DANGLING or last.endswith(("'", "’")) or name[:1] in ",;:":
        fallback = _lower_article(mention.strip(" ,;:"))
        if fallback and fold(fallback.split()[-1]) not in DANGLING:
            return fallback
    return name


def _without_temporal(name: str) -> str:
    """"ONU lundi", an entity that swallowed the day after it: "ONU"."""
    from recoupe.quotes.speakers import TEMPORAL

    words = name.split(" ")
    while len(words) > 1 and words[-1].lower() in TEMPORAL and \
            not words[-2].isdigit():  # "ONU lundi", but "du 31 janvier" stays
        words.pop()
    return " ".join(words)


def _apposition_owner(token: Token) -> Token:
    """"Paul Amar, l'un de ses avocats, qui précise …": the relative's antecedent is a
    description set off after a name; the person is the name."""
    head = token.head
    if token.dep_ == "appos" and head.i < token.i and (
            head.pos_ == "PROPN" or head.ent_type_ == "PER") and \
            token.doc[min(t.i for t in token.subtree) - 1].text == ",":
        return head
    return token


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("un", "une", "des", "d'", "de") and c.i < noun.i
               for c in noun.children)


def _modified(noun: Token) -> bool:
    return any(c.i > noun.i and c.dep_ in ("amod", "nmod", "acl", "appos", "flat:name")
               for c in noun.children)


def _participles(noun: Token) -> set[str]:
    return {c.lemma_.lower() for c in noun.children
            if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm")
            and "Past" in c.morph.get("Tense")}


def _adjectives(noun: Token) -> set[str]:
    """The qualifying adjectives after a noun ("socialiste" in "le candidat
    socialiste"), anaphoric ones ("dernier", "même") left out."""
    return {c.lemma_.lower() for c in noun.children
            if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > noun.i and
            c.lower_ not in ANAPHORIC and c.lemma_.lower() not in ANAPHORIC}


def _other_qualifier(noun: Token, earlier: Token) -> bool:
    """Are two mentions of one noun qualified differently ("le candidat socialiste",
    "le candidat de la France insoumise")? A new adjective on a bare earlier mention
    ("sa mère" … "la mère inquiète") still refers back."""
    new = _adjectives(noun) - _adjectives(earlier)
    if not new:
        return False
    # The earlier one names an affiliation of its own ("de la France insoumise"); a
    # measure or trait ("un homme de 39 ans" … "cet homme noir") does not conflict.
    return any(c.i > earlier.i and c.dep_ == "nmod" and (
        c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "LOC", "MISC") or any(
            g.dep_ == "det" and g.lower_ in ("le", "la", "les", "l'", "l’")
            for g in c.children)) and not any(g.dep_ == "nummod" for g in c.children) and
        any(g.dep_ == "case" and g.i < c.i for g in c.children) and  # "de …", not a name
        c.ent_type_ != "PER"  # "le gouvernement de X" … "le gouvernement canadien": one
        for c in earlier.children)


def _modifier_nouns(noun: Token) -> set[str]:
    """The nouns and names that qualify a noun ("proche de l'enquête" → {"enquête"})."""
    found = set()
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("nmod", "flat:name", "appos", "amod") and \
                child.pos_ in ("NOUN", "PROPN"):
            found.add(child.lemma_.lower())
        elif child.i > noun.i and child.dep_ == "amod":
            for grand in child.children:
                if grand.dep_ in ("obl:arg", "obl", "nmod") and grand.pos_ in ("NOUN", "PROPN"):
                    found.add(grand.lemma_.lower())
    return found


def _without_anaphora(description: str) -> str:
    words = description.split(" ")
    kept = [w for w in words if w.lower() not in ANAPHORIC]
    return " ".join(kept) if len(kept) > 1 else description


def _lower_article(description: str) -> str:
    """"Le soldat" opens a sentence; in a dossier it is "le soldat"."""
    first, _, rest = description.partition(" ")
    if first.lower() in DETERMINERS and first[:1].isupper() and rest:
        return f"{first.lower()} {rest}"
    if first[:2] in ("L'", "L’"):
        return "l'" + description[2:]
    return description


def mention_span_without(title: Token, name_span) -> tuple[int, int]:
    """The title's mention, stopped before the name it stands beside."""
    start, end = mention_span(title)
    if start >= name_span.start_char and title.i < name_span.start:
        # The description's own mention is the name apposed to it ("le directeur de
        # X, Y"): its words from the determiner to the comma before the name.
        doc = title.doc
        first = title.i
        while first - 1 >= 0 and doc[first - 1].pos_ in ("DET", "ADJ") and \
                title.i - first < 3:
            first -= 1
        last = name_span.start - 1
        while last > title.i and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if start < name_span.start_char < end:
        end = name_span.start_char
    while end > start and text_of(title.doc)[end - 1] in " ,\u00a0":
        end -= 1
    return start, end


def _de(name: str) -> str:
    """"de" + a name, contracted: "du soldat", "de la mère", "de Sarah"."""
    words = name.split(" ", 1)
    first = words[0].lower()
    rest = words[1] if len(words) > 1 else ""
    if first in ("le",) and rest:
        return f"du {rest}"
    if first in ("les",) and rest:
        return f"des {rest}"
    if first in ("un", "une") and rest:
        if rest[:1].lower() in "aeiouyéèêh":
            return f"de l'{rest}"  # "un individu" → "de l'individu"
        return f"du {rest}" if first == "un" else f"de la {rest}"
    return f"de {name}" if not name[:1].lower() in "aeiouyéh" else f"d'{name}"


def resolve_names(doc: Doc, text: str, candidates: list[Candidate]) -> None:
    resolver = Resolver(doc, text)
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.speaker_token is None:
            continue
        name, cluster = resolver.resolve(candidate)
        candidate.name, candidate.cluster = name, cluster


def _relation_before(prefix: str) -> bool:
    """Does a title's beginning end on "de" ("avocat de la | mère de l'adolescente")?
    Then the rest names someone the title's holder is related to, not the holder."""
    words = prefix.split()
    while words and words[-1] in ("le", "la", "les", "l'", "l’"):
        words.pop()
    return bool(words) and words[-1] in ("de", "du", "des", "d'", "d’")


def _is_role(noun: Token) -> bool:
    """A noun naming a person's role or office ("capitaine", "ministre", "gardien")."""
    return (noun.lemma_.lower() in SPEAKER_NOUNS or noun.lower_ in SPEAKER_NOUNS or
            noun.lower_.endswith(AGENT_ENDINGS)) and \
        noun.lemma_.lower() not in ORGANISATION_NOUNS


def _role_before_comma(doc: Doc, name_span) -> Token | None:
    """The person noun of a short description that ends on a comma right before a name
    ("son capitaine, Y,", "l'entraîneur adverse, Y,"), the name itself closed by a comma
    or followed by the verb: the name's title, whatever the parse joined them to."""
    start = name_span.start
    if start < 3 or doc[start - 1].text != ",":
        return None
    after = doc[name_span.end] if name_span.end < len(doc) else None
    if after is None or after.text not in (",", ")") and after.pos_ not in ("AUX", "VERB"):
        return None
    k = start - 2
    while k >= 0 and start - 2 - k < 2 and doc[k].pos_ == "ADJ":
        k -= 1
    noun = doc[k] if k >= 0 else None
    if noun is None or noun.pos_ != "NOUN" or noun.is_title or not _is_role(noun):
        return None
    det = doc[k - 1] if k >= 1 else None
    if det is None or det.pos_ != "DET":
        return None
    if k >= 2 and doc[k - 2].pos_ == "ADP" and (
            after.text not in (",", ")") or
            doc[k - 2].lower_ in ("selon", "après", "pour", "chez", "avec", "par")):
        return None  # "Selon le ministre, Y a menti": Y opens the reported clause
    return noun


def _role_after_comma(doc: Doc, end: int) -> Token | None:
    """The person noun heading a description that opens right after a name and a
    comma ("X, le PDG de la compagnie,"), when a comma or the verb closes it."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for k in range(end + 1, min(end + 4, len(doc))):
        tok = doc[k]
        if tok.pos_ == "NOUN":
            if not (tok.lemma_.lower() in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS or
                    tok.lower_.endswith(AGENT_ENDINGS)) or \
                    tok.lemma_.lower() in ORGANISATION_NOUNS:
                return None
            last = max(t.i for t in tok.subtree if not t.is_punct or t.i == tok.i)
            after = doc[last + 1] if last + 1 < len(doc) else None
            if after is None or after.text not in (",", ")") and after.pos_ not in ("AUX",
                                                                                  "VERB"):
                return None
            return tok
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None
