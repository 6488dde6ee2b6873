"""Finding the cue of a quotation: the verb, noun or preposition that reports it, in
front of a colon, in an incise after the closing mark, or governing a marked fragment.

Each finder returns a ``Cue``: the token that reports (for the speaker), the character
span of the cue phrase as a reader would copy it ("a-t-il précisé", "selon"), and the
speaker's head token when the pattern shows it (the inverted subject of an incise).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recoupe.quotes import lexicon
from recoupe.quotes.speakers import SPEAKER_NOUNS, _temporal, is_speaker_like, subject_of
from recoupe.quotes.tokens import (
    MONTHS, inverted_subject, is_finite, is_mark, is_space, is_verb, lemma, next_word,
    previous_word,
)

# Words that may stand between a closing mark and the verb of an incise: "», a-t-il
# encore ajouté", "», a pour sa part déclaré", "», avait alors confié".
INCISE_FILLERS = frozenset("""
    a ont avait avaient aurait auraient a-t -t t encore ainsi enfin alors aussi également
    pour sa part leur lui nous y en ensuite plus tard ensuite notamment déjà juste
    simplement malgré tout toutefois cependant néanmoins par ailleurs d' ailleurs
    avait-il a-t-il lui leur s' se m' me nous vous
""".split())
# Source prepositions and phrases, as lower-case token sequences.
NOUN_CUE_DEPS = frozenset({"nmod", "obl:agent", "obl:arg", "obl:mod", "obl"})
# Participles whose agent is the author of the words: "les propos tenus par X"; not
# "les messages reçus par X".
AUTHORING = frozenset("tenir prononcer écrire rédiger publier envoyer signer poster "
                      "apporter adresser diffuser livrer formuler lancer émettre "
                      "exprimer faire donner rapporter relayer".split())


@dataclass
class Cue:
    token: Token  # the reporting word
    start: int
    end: int
    speaker: Token | None
    rule: str


def _phrase_span(tokens: list[Token]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, inverted pronoun and adverbs between them:
    "a-t-il ainsi fustigé", "ont appelé", "précise-t-il"."""
    doc = verb.doc
    left = verb.i
    i = verb.i - 1
    while i >= 0 and i >= verb.i - 5:
        tok = doc[i]
        if tok.dep_.startswith("aux") and tok.head.i == verb.i or \
                tok.lower_ in ("-t", "t", "-il", "-elle", "-ils", "-elles", "-on") or \
                (tok.pos_ == "PRON" and tok.lower_ in ("il", "elle", "ils", "elles", "on")
                 and i > 0 and doc[i - 1].lower_ in ("-t", "t")):
            left = i
        elif tok.pos_ == "ADV" and left == i + 1 and i > 0 and any(
                d.dep_.startswith("aux") and d.head.i == verb.i for d in doc[max(0, i - 4):i]):
            left = i
        elif tok.lower_ in ("sa", "part", "pour", "tout", "malgré") and left == i + 1:
            # "a pour sa part déclaré", "a malgré tout confié"
            if any(d.dep_.startswith("aux") and d.head.i == verb.i for d in doc[max(0, i - 4):i]):
                left = i
            else:
                break
        else:
            break
        i -= 1
    right = verb.i
    j = verb.i + 1
    while j < len(doc) and j <= verb.i + 3:
        tok = doc[j]
        if tok.lower_ in ("-t", "t", "-il", "-elle", "-ils", "-elles", "-on", "-t-il",
                          "-t-elle") or (tok.lower_ in ("il", "elle", "on", "ils", "elles")
                                         and doc[j - 1].lower_ in ("-t", "t")):
            right = j
            j += 1
        else:
            break
    while left < verb.i and not doc[left].dep_.startswith("aux") and \
            doc[left].lower_ not in ("-t", "t"):
        # Adverbs before the first auxiliary are not part of the group.
        if doc[left].pos_ == "ADV" or doc[left].lower_ in ("sa", "part", "pour", "tout"):
            left += 1
        else:
            break
    return list(doc[left:right + 1])


def cue_of_verb(verb: Token, rule: str, speaker: Token | None = None) -> Cue:
    group = verb_group(verb)
    if lexicon.phrasal_cue(verb):
        # "a fait savoir", "a présenté ses vœux", "met en avant"
        doc = verb.doc
        length = max(len(p) for p in lexicon.PHRASAL_CUES if p[0] == lemma(verb))
        tail = [t for t in doc[verb.i + 1: verb.i + length] if not t.is_space]
        group = group + tail[:length - 1]
    # "ont appelé à", "en a appelé à": the preposition belongs to the cue.
    after = next_word(group[-1])
    if after is not None and after.lower_ in ("à", "de", "d'") and \
            lemma(verb) in ("appeler", "opposer", "parler"):
        group = group + [after]
    # A pronoun object right before: "lui disant", "leur répondit", "nous ont assuré".
    before = previous_word(group[0])
    if before is not None and before.lower_ in ("lui", "leur", "nous", "me", "m'", "vous") \
            and before.pos_ == "PRON" and before.dep_ in ("iobj", "obj", "obl:arg", "expl:comp",
                                                          "obl"):
        group = [before] + group
    start, end = _phrase_span(group)
    if speaker is None:
        speaker = subject_of(verb)
        if speaker is not None and speaker.pos_ == "NOUN" and speaker.i < group[0].i:
            speaker = _apposed_name_before(group[0], speaker) or speaker
        if speaker is None:
            speaker = _subject_inside_fronted_adjunct(verb)
    return Cue(verb, start, end, speaker, rule)


def _subject_inside_fronted_adjunct(verb: Token) -> Token | None:
    """"Sur Twitter, Jean Roux, qui …, s'est dit « … »": the parse may hang the subject
    on the fronted adjunct ("Twitter" → "Jean Roux" as its complement). A finite verb
    with no subject takes the name set off by a comma right after that adjunct."""
    if any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in verb.children):
        return None
    if not (is_finite(verb) or any(c.dep_.startswith("aux") and is_finite(c)
                                   for c in verb.children)):
        return None
    doc = verb.doc
    for adjunct in verb.children:
        if adjunct.i > verb.i or not adjunct.dep_.startswith("obl") or \
                not any(c.dep_ == "case" for c in adjunct.children):
            continue
        for name in adjunct.children:
            if name.dep_ in ("nmod", "appos", "flat:name") and adjunct.i < name.i < verb.i and \
                    name.pos_ == "PROPN" and doc[name.i - 1].text == "," and \
                    not any(c.dep_ == "case" for c in name.children):
                return name
    return None


def _apposed_name_before(first: Token, subject: Token) -> Token | None:
    """"L'ancien maire de la ville, Jean Roux parle de …": a person's name set off by a
    comma after the subject's description, right before the verb, is the speaker."""
    doc = first.doc
    last = first.i - 1
    if last <= subject.i or doc[last].ent_type_ != "PER":
        return None
    begin = last
    while begin > subject.i and doc[begin].ent_iob_ == "I":
        begin -= 1
    if begin - 1 <= subject.i or doc[begin - 1].text != ",":
        return None
    ent = doc[begin:last + 1]
    return ent.root if ent.root.pos_ == "PROPN" else doc[begin]


def is_incise_verb(token: Token) -> bool:
    if not lexicon.introduces_direct(lemma(token)) and not _reflexive_report(token):
        return False
    if token.lower_ in ("dit", "dixit"):
        return True  # tagged as the adjective "dit" ("so-called") after a quotation
    # "estime-t-il" tagged as an adverb, "souffle un manifestant" as a noun: the
    # inverted subject, or a noun phrase right after, shows the verb.
    return is_verb(token) or _followed_by_inverted_pronoun(token) or (
        token.pos_ in ("NOUN", "X", "ADJ", "ADV") and _starts_incise(token))


def _reflexive_report(token: Token) -> bool:
    """"», se défend X", "», s'inquiète X": a verb that reports speech in its reflexive
    use only, right after its reflexive pronoun."""
    word = lemma(token)
    if word not in lexicon.REFLEXIVE or word in lexicon.NOT_REFLEXIVE_REPORT:
        return False
    before = previous_word(token)
    if before is not None and before.pos_ == "AUX":
        before = previous_word(before)  # "», s'est défendu X"
    return before is not None and before.lower_ in ("se", "s'", "s’")


def _starts_incise(token: Token) -> bool:
    before = previous_word(token)
    after = next_word(token)
    if before is None or after is None:
        return False
    if before.lower_ in ("se", "s'", "s’"):
        # "», s'enthousiasme X": the model may take the verb for a noun.
        before = previous_word(before)
        if before is None:
            return False
    if before.text == ",":
        before = previous_word(before)
    return before is not None and before.text in ("»", "”", '"') and \
        after.pos_ in ("DET", "PROPN")


def _followed_by_inverted_pronoun(token: Token) -> bool:
    nxt = next_word(token)
    if nxt is None:
        return False
    if nxt.lower_ in ("-t", "t", "-il", "-elle", "-on", "-ils", "-elles"):
        return True
    return False


def incise_after(close: Token, sentence: Span) -> Cue | None:
    """"» , ajoute Bruno Le Roux", "», a-t-il dit", "», selon X", "», précise-t-elle".

    An incise follows a comma or a dash, and its verb comes before its subject.
    """
    doc = close.doc
    i = close.i + 1
    end = sentence.end
    if close.i + 1 >= end:
        # « … personne. » , a déclaré X: the segmenter may end the sentence at the
        # closing mark; a comma or dash opening the next one continues it.
        k = end
        while k < len(doc) and is_space(doc[k]) and "\n" not in doc[k].text:
            k += 1
        if k < len(doc) and doc[k].text in (",", "–", "—"):
            end = doc[k].sent.end
    separated = False
    while i < end and (is_space(doc[i]) or doc[i].text in (",", "–", "—", "-")
                       or _footnote(doc, i)):
        separated = separated or doc[i].text in (",", "–", "—", "-")
        i += 1
    if not separated and i < end and doc[i].is_title and close.i > 0 and \
            doc[close.i - 1].text[-1:] in ".!?…":
        # « … partirons demain. » Selon le syndicat, … : a new sentence, not an incise.
        return None
    reading = _reading_incise(doc, i, end)
    if reading is not None:
        return reading
    seen = 0
    while i < end and seen < 7:
        tok = doc[i]
        low = tok.lower_
        if low in lexicon.SOURCE_PREPOSITIONS or low == "d'" and i + 1 < end and \
                doc[i + 1].lower_ == "après":
            return source_cue(tok)
        infinitive = _intended_report(tok, end)
        if infinitive is not None:
            # "», a tenu à préciser X", "», a voulu rappeler X": the semi-auxiliary
            # carries the tense, the infinitive reports; the subject follows either.
            speaker = inverted_subject(tok) or inverted_subject(infinitive) or \
                _inverted_noun_subject(infinitive, end)
            if speaker is None and (not separated or not is_incise_verb(infinitive)):
                return None
            return cue_of_verb(infinitive, "incise", speaker)
        if is_incise_verb(tok):
            nxt = next_word(tok)
            if nxt is not None and nxt.lower_ in ("que", "qu'", "qu’") and \
                    inverted_subject(tok) is None:
                # "X, porte-parole des « … », estime que …": the main verb of the
                # sentence, whose subject comes before the marks; no incise.
                return None
            # "» dit la Ville": right after the marks and before a noun phrase, a form
            # that could be a participle is the verb of an incise.
            verb_first = seen == 0 and nxt is not None and nxt.pos_ in ("DET", "PROPN") and \
                not ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"))
            # ("» qualifiant le texte de …": a participle has no inverted subject)
            if not _finite_or_compound(tok) and not verb_first:
                # ", ajoutant …": a participle; its subject is the sentence's.
                if "Pres" in tok.morph.get("Tense") and separated:
                    return cue_of_verb(tok, "incise")
                return None
            speaker = inverted_subject(tok)
            if speaker is None:
                subject = subject_of(tok)
                if subject is not None and subject.i > tok.i and not _date_word(subject):
                    speaker = subject
            if speaker is None:
                speaker = _inverted_noun_subject(tok, end)
            if speaker is None and not separated:
                # "» confiée à …" is no incise: it needs a comma or an inverted subject.
                return None
            return cue_of_verb(tok, "incise", speaker)
        if low in INCISE_FILLERS or tok.pos_ in ("AUX", "ADV") or is_space(tok) or \
                low in ("-ils", "-il", "-elle", "-elles", "-on", "-t"):
            i += 1
            seen += 1
            continue
        return None
    return None


# Semi-auxiliaries of intent before an infinitive: "a tenu à préciser", "a voulu rappeler".
INTENT_VERBS = {"tenir": ("à",), "vouloir": (), "souhaiter": ()}


def _intended_report(tok: Token, end: int) -> Token | None:
    """The reporting infinitive after a finite or compound semi-auxiliary of intent
    ("tenu à préciser", "voulait rappeler"), or None."""
    particles = INTENT_VERBS.get(lemma(tok))
    if particles is None or not _finite_or_compound(tok):
        return None
    nxt = next_word(tok)
    if particles:
        if nxt is None or nxt.lower_ not in particles:
            return None
        nxt = next_word(nxt)
    if nxt is None or nxt.i >= end or "Inf" not in nxt.morph.get("VerbForm"):
        return None
    if not is_incise_verb(nxt) and not (particles and nxt.pos_ == "VERB"):
        # "», a tenu à nuancer X": right after the marks, what one insists on doing
        # with words is saying them; "vouloir" needs a reporting verb.
        return None
    return nxt


READING_PLACES = frozenset({"dans", "sur"})


def _reading_incise(doc, i: int, end: int) -> Cue | None:
    """"», peut-on lire sur le site de X", "», lit-on dans le communiqué": the document
    where one reads the words speaks (for its issuer)."""
    first = i
    if i < end and doc[i].lower_ in ("peut", "pouvait", "pourra") and i + 1 < end and \
            doc[i + 1].lower_ == "-on":
        i += 2
        if i >= end or doc[i].lower_ != "lire":
            return None
    elif i + 1 < end and doc[i].lower_ in ("lit", "lisait") and doc[i + 1].lower_ == "-on":
        i += 1
    else:
        return None
    verb = doc[i] if doc[i].lower_ == "lire" else doc[first]
    j = i + 1
    if j < end and doc[j].lower_ == "-on":
        j += 1
    if j >= end or doc[j].lower_ not in READING_PLACES:
        return None
    noun = None
    for tok in doc[j + 1: min(end, j + 5)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            noun = tok
            break
        if tok.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    if noun is None:
        return None
    return Cue(verb, doc[first].idx, noun.idx + len(noun.text), noun, "incise")


def _footnote(doc, i: int) -> bool:
    """"[1]" after a quotation: a reference mark, not words."""
    tok = doc[i]
    if tok.text in ("[", "]") or tok.like_num and 0 < i < len(doc) - 1 and \
            doc[i - 1].text == "[":
        return True
    return tok.text.startswith("[") and tok.text.endswith("]") and tok.text[1:-1].isdigit()


def _finite_or_compound(verb: Token) -> bool:
    forms = verb.morph.get("VerbForm")
    if "Fin" in forms or verb.pos_ in ("NOUN", "X", "PROPN", "ADJ"):
        return True  # a verb the tagger missed has no reliable form either
    return any(c.dep_.startswith("aux") for c in verb.children) or \
        inverted_subject(verb) is not None


def _inverted_noun_subject(verb: Token, end: int) -> Token | None:
    """"ajoute Bruno Le Roux": the first nominal after the verb of an incise."""
    doc = verb.doc
    i = verb.i + 1
    while i < end and i <= verb.i + 6:
        tok = doc[i]
        if _temporal(tok) or _date_word(tok):
            i += 1  # "a indiqué ce vendredi l'Élysée", "a déclaré le 20 mars X"
            continue
        if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("il", "elle", "ils", "elles"):
            # The head of the noun phrase: climb while the head stays to the right.
            head = tok
            while head.head.i != head.i and head.head.i > verb.i and head.head.i < end and \
                    head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in (
                        "flat:name", "amod", "compound", "nmod", "appos", "flat"):
                if head.dep_ == "nmod" and head.head.i < head.i:
                    break
                head = head.head
            return head
        if (tok.pos_ == "ADP" or tok.lower_ in ("à", "aux", "au")) and not _name_particle(doc, i):
            # "a confié de sa part la mère …", "a déclaré à l'AFP le ministre": past the
            # prepositional phrase (not the "de" of "ajoute de la Morlais").
            i += 1
            while i < end and doc[i].pos_ in ("DET", "ADJ", "NUM"):
                i += 1
            if i < end and doc[i].pos_ in ("NOUN", "PROPN"):
                i += 1
            continue
        if tok.pos_ in ("DET", "ADJ", "ADV") or is_space(tok):
            i += 1
            continue
        if tok.text == "," and i + 1 < end and doc[i + 1].lower_ in (
                "à", "au", "aux", "auprès", "devant", "dans", "sur"):
            # "a confié, à Reuters, le directeur …": past the comma-framed complement.
            j = i + 2
            while j < end and j <= i + 8 and doc[j].text != ",":
                j += 1
            if j < end and doc[j].text == ",":
                i = j + 1
                continue
            return None
        if tok.text == ",":
            return None
        i += 1
    return None


def _date_word(tok: Token) -> bool:
    """A word of a date ("le 20 mars 2018"): never the speaker of an incise."""
    doc = tok.doc
    if tok.lower_ in MONTHS:
        return True
    if not tok.like_num:
        return False
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return after is not None and after.lower_ in MONTHS or \
        before is not None and before.lower_ in MONTHS


def _name_particle(doc, i: int) -> bool:
    """"de la Morlais", "de Villepin": a particle opening a family name."""
    if doc[i].lower_ not in ("de", "d'", "du", "des"):
        return False
    j = i + 1
    if j < len(doc) and doc[j].lower_ in ("la", "l'"):
        j += 1
    return j < len(doc) and doc[j].is_title and doc[j].pos_ in ("PROPN", "NOUN", "X")


def source_cue(prep: Token) -> Cue | None:
    """"selon X", "d'après X": the speaker is the object of the preposition; "selon ce
    qu'a confié X" reports X's words."""
    doc = prep.doc
    tokens = [prep]
    if prep.lower_ == "d'" and prep.i + 1 < len(doc):
        tokens.append(doc[prep.i + 1])
    obj = _object_of(tokens[-1])
    if obj is None:
        return None
    start, end = _phrase_span(tokens)
    if obj.lower_ in ("ce", "celui", "celle") or lemma(obj) == "ce":
        # "selon ce qu'a confié une source judiciaire"
        for tok in doc[obj.i + 1: obj.i + 5]:
            if is_verb(tok) and lexicon.introduces_direct(lemma(tok)) and tok.pos_ == "VERB":
                speaker = _inverted_noun_subject(tok, min(len(doc), tok.i + 8)) \
                    or subject_of(tok)
                return Cue(tok, start, tok.idx + len(tok.text), speaker, "selon")
    return Cue(prep, start, end, obj, "selon")


AS_CLITICS = frozenset({"l'", "l’", "le", "la"})
AS_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "je"})


def as_cue(comme: Token) -> Cue | None:
    """"comme le rapporte X", "comme l'a indiqué X", "comme il l'a dit": X vouches for
    the clause ``comme`` is attached to, as with "selon X"."""
    doc = comme.doc
    limit = min(len(doc), comme.sent.end, comme.i + 14)
    i = comme.i + 1
    pronoun = None
    if i < limit and doc[i].lower_ in AS_PRONOUNS:
        pronoun = doc[i]
        i += 1
    if i >= limit or doc[i].lower_.replace("’", "'") not in AS_CLITICS:
        return None
    i += 1
    while i < limit and (doc[i].pos_ == "AUX" or doc[i].lower_ in ("-t", "t", "déjà",
                                                                   "aussi", "également")):
        i += 1
    if i >= limit or not is_verb(doc[i]):
        return None
    verb = doc[i]
    if not lexicon.takes_clause(lemma(verb)) or lexicon.is_directive(lemma(verb)):
        return None
    speaker = pronoun or _inverted_noun_subject(verb, limit)
    if speaker is None:
        return None
    last = max((t for t in speaker.subtree if t.i > verb.i), key=lambda t: t.i,
               default=speaker) if pronoun is None else verb
    for ent in doc.ents:
        if ent.start <= speaker.i < ent.end:
            last = max(last, doc[ent.end - 1], key=lambda t: t.i)
    return Cue(comme, comme.idx, last.idx + len(last.text), speaker, "comme")


def _object_of(prep: Token) -> Token | None:
    doc = prep.doc
    if prep.head.i != prep.i and prep.head.i > prep.i and prep.dep_ in ("case", "fixed"):
        head = prep.head
        if prep.dep_ == "fixed":
            head = prep.head.head if prep.head.dep_ == "case" else prep.head
        if head.i > prep.i:
            return head
    # The parser missed it: the first nominal word after the preposition.
    for tok in doc[prep.i + 1: prep.i + 6]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok
        if tok.is_punct:
            return None
    return None


def colon_lead(colon: Token) -> Cue | None:
    """A complete utterance in marks after a colon in the same paragraph: "Elle se
    présente comme la seule à oser : « Moi, je dis ce que je pense »"."""
    return _paragraph_lead(colon, same_paragraph=True)


def cue_before_colon(colon: Token, sentence: Span) -> Cue | None:
    """"X a déclaré aux journalistes : « … »": the reporting word before the colon."""
    doc = colon.doc
    noun_cue = None
    i = colon.i - 1
    while i >= sentence.start:
        tok = doc[i]
        if is_mark(tok) or tok.text in (":", ";"):
            break
        if is_verb(tok) and tok.pos_ != "AUX" and (lexicon.introduces_direct(lemma(tok)) or
                                                  lexicon.phrasal_cue(tok)):
            return cue_of_verb(tok, "colon")
        if noun_cue is None and tok.pos_ == "NOUN" and lexicon.is_speech_noun(lemma(tok)):
            speaker = _noun_speaker(tok)
            if speaker is not None:
                noun_cue = Cue(tok, *_noun_cue_span(tok), speaker, "colon-noun")
                if speaker.head.i == tok.i or speaker.head.head.i == tok.i:
                    # "répète les propos tenus par Eric Drouet : « … »": the words are
                    # the author's, not the one repeating them.
                    return noun_cue
        i -= 1
    # "Ce n'est pas l'avis de Fottorino : « … »": a speech noun, when no verb reports.
    if noun_cue is not None:
        return noun_cue
    # "Le ministre Pascal Barandagiye est plus explicite : « … »": no cue, but the
    # clause before the colon is about a speaker, who says what follows.
    name = _bare_name_before(colon)
    if name is not None:
        # "Macron : « Nous sommes en guerre »", a headline's shorthand for who said it.
        return Cue(name, colon.idx, colon.idx + 1, name, "colon-name")
    person = _person_before_colon(colon)
    if person is not None:
        return Cue(person, colon.idx, colon.idx + 1, person, "colon-name")
    root = colon.sent.root
    if root.i < colon.i and root.pos_ in ("ADJ", "NOUN") and any(
            c.dep_ == "cop" for c in root.children):
        # "est plus explicite :", "a été très clair :" — a predicate about the speaker.

        speaker = subject_of(root)
        if speaker is not None and speaker.i < colon.i and is_speaker_like(speaker):
            return Cue(root, root.idx, root.idx + len(root.text), speaker, "colon-subject")
    return _paragraph_lead(colon)


IMPERSONAL = frozenset("faire falloir avoir agir sembler paraître être rester pleuvoir "
                       "arriver".split())


def _paragraph_lead(colon: Token, same_paragraph: bool = False) -> Cue | None:
    """"Le roi avait exprimé dans son testament le désir de … :" then a paragraph in
    marks: whoever the sentence before the colon is about says what follows, even
    with a verb that reports nothing by itself."""

    nxt = colon.i + 1
    doc = colon.doc
    if not same_paragraph and (nxt >= len(doc) or not (doc[nxt].is_space and
                                                         "\n" in doc[nxt].text)):
        return None
    root = colon.sent.root
    if root.i >= colon.i or not is_verb(root) or root.pos_ == "AUX":
        return None
    speaker = subject_of(root)
    if speaker is None or speaker.i > colon.i or \
            speaker.lower_ in ("qui", "que", "on", "ce", "cela", "ça"):
        return None
    if same_paragraph and (not is_speaker_like(speaker) or speaker.lower_ == "il" and (
            speaker.dep_ == "expl:subj" or lemma(root) in IMPERSONAL)):
        return None  # "Il fait beau : « … »"
    if not is_speaker_like(speaker):
        # "L'ancien monarque avait exprimé …": a noun the speaker list lacks may still
        # name a person; not evidence, yardsticks or documents.
        low = lemma(speaker)
        if speaker.pos_ != "NOUN" or low in lexicon.EVIDENCE_NOUNS or \
                low in lexicon.YARDSTICK_NOUNS or low in lexicon.AUTHORLESS or \
                lexicon.is_document_noun(low) or \
                not any(c.dep_ == "det" for c in speaker.children):
            return None
    elif speaker.pos_ == "NOUN" and lexicon.is_document_noun(lemma(speaker)):
        return None
    return cue_of_verb(root, "colon", speaker)


FIRST_PERSON_OPENERS = frozenset("je j' j’ moi nous on".split())


def _person_before_colon(colon: Token) -> Token | None:
    """"…, dont un plombier : « j'aurais pu … »": a noun phrase naming a person closes
    the words before the colon, and the marked words after it speak in the first
    person; that person speaks."""

    doc = colon.doc
    noun = previous_word(colon)
    if noun is None or noun.pos_ != "NOUN" or not (
            is_speaker_like(noun) or lexicon.is_agent_noun(noun.lower_, True)) or \
            not any(c.dep_ == "det" for c in noun.children):
        return None
    j = colon.i + 1
    while j < len(doc) and (is_space(doc[j]) or is_mark(doc[j])):
        j += 1
    words = [t for t in doc[j:j + 4] if not t.is_punct and not is_space(t)]
    if not words or words[0].lower_ not in FIRST_PERSON_OPENERS:
        return None
    first = min([noun.i] + [c.i for c in noun.children
                            if c.dep_ in ("det", "amod", "nummod") and c.i < noun.i])
    opener = previous_word(doc[first]) if first > 0 else None
    if opener is not None and opener.i >= colon.sent.start and \
            opener.text not in (",", "dont", "Dont") and opener.lower_ not in ("dont",):
        return None
    return noun


def _bare_name_before(colon: Token) -> Token | None:
    """The person or organisation named alone before a colon, at the head of its
    sentence or after a dash: "Macron : « … »", "— Mike Pence : « … »"."""
    doc = colon.doc
    start = colon.i
    while start > colon.sent.start and doc[start - 1].text not in (".", "–", "—", "\n") and \
            not doc[start - 1].is_space:
        start -= 1
    words = [t for t in doc[start:colon.i] if not t.is_punct]
    if not words or len(words) > 5:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if not all(t.is_title or t.is_upper or t.pos_ in ("DET", "ADP") for t in words):
        return None
    names = [t for t in words if t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN"
             or _named_elsewhere(t)]
    return names[0] if names else None


def _named_elsewhere(token: Token) -> bool:
    """A capitalised word that is part of a person's or organisation's name in the
    article ("Macron" in a headline the tagger did not read as a name)."""
    word = token.lower_
    for cluster in token.doc._.entity_clusters or []:
        if cluster.type in ("PER", "ORG") and word in cluster.name.lower().split():
            return True
    return False


def _noun_speaker(noun: Token) -> Token | None:
    """"l'avis de Fottorino", "les propos tenus par X", "sa déclaration" (the subject of
    the verb it depends on)."""
    for child in noun.children:
        if child.dep_ in ("nmod", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON") and \
                child.i > noun.i and any(c.lower_ in ("de", "d'", "du", "des") and c.dep_ == "case"
                                         for c in child.children) and \
                (child.pos_ != "NOUN" or child.lemma_ in SPEAKER_NOUNS):
            return child
        if child.dep_ == "acl" and child.lemma_.lower() in AUTHORING:
            for grand in child.children:
                if grand.dep_ in ("obl:agent", "obl:mod", "obl", "nmod") and any(
                        c.lower_ == "par" for c in grand.children):
                    return grand
    if noun.dep_ in ("obj", "nsubj", "obl", "obl:mod", "obl:arg") and noun.head.pos_ == "VERB":
        return subject_of(noun.head)
    return None


def _noun_cue_span(noun: Token) -> tuple[int, int]:
    doc = noun.doc
    start = noun.idx
    for child in noun.children:
        if child.dep_ == "det" and child.i < noun.i:
            start = min(start, child.idx)
    end = noun.idx + len(noun.text)
    nxt = next_word(noun)
    if nxt is not None and nxt.lower_ in ("de", "d'", "du", "des"):
        end = nxt.idx + len(nxt.text)
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i and child.i <= noun.i + 2:
            after = next_word(child)
            if after is not None and after.lower_ == "par":
                end = after.idx + len(after.text)
            else:
                end = child.idx + len(child.text)
    del doc
    return start, end


def governing_verb(root: Token) -> Token | None:
    """The verb whose clause a marked fragment belongs to, as an object or a modifier of
    one: "qualifiant de « miettes »", "redoute la venue « d'un noyau dur »"."""
    tok = root
    for _ in range(5):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in ("ccomp", "advcl", "parataxis", "conj", "acl:relcl", "nsubj",
                        "nsubj:pass", "root", "csubj"):
            return None
        if is_verb(head):
            return head
        tok = head
    return None

