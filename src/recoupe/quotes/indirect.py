"""Indirect speech: a reporting verb with a que-clause, an infinitive, a ``si``-clause or
an attribute ("se dit prêt"), and ``selon X`` / ``d'après X`` / ``pour X`` governing a
clause. The span is the reported content, without ``que``/``de``/``à``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.quotes import lexicon
from recoupe.quotes.candidate import Candidate
from recoupe.quotes.clauses import clause_end, trimmed_offsets
from recoupe.quotes.cues import Cue, as_cue, cue_of_verb, source_cue
from recoupe.quotes.speakers import SPEAKER_NOUNS, is_speaker_like, subject_of
from recoupe.quotes.tokens import (
    MONTHS, is_finite, is_infinitive, is_mark, is_que, is_space, lemma, looks_like_verb, next_word,
    previous_word, text_of,
)

# Verbs that report an opinion with a clause but an intention with an infinitive
# ("il pense partir").
NO_INFINITIVE = frozenset("penser considérer juger croire lancer reprendre "
                          "continuer poursuivre terminer évoquer présenter conclure "
                          "prévoir trouver maintenir remarquer".split()) | lexicon.WRITING
# Opinion verbs whose infinitive reports an opinion when it states a state or a past
# ("a considéré être le mieux placé", "juge avoir été trompé").
OPINION_STATE = frozenset("considérer juger penser trouver".split())
# Between a verb and its que: "a déclaré mercredi aux journalistes que".
SKIPPABLE_POS = frozenset({"ADV", "ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "PUNCT",
                           "SPACE", "CCONJ"})
MAX_GAP = 12
GENERIC_SPEAKERS = frozenset({"on", "-on", "certains", "certaines", "d'aucuns", "beaucoup",
                              "plusieurs", "personne", "chacun", "tous", "rien", "aucun",
                              "aucune", "cela", "ça", "ce", "c'", "tout", "ceci"})
# A first person inside a quotation is the quoted speaker, whose words are quoted already.
FIRST_PERSON = frozenset({"je", "j'", "nous", "moi", "-je", "-nous"})
# Words that make "que" a conjunction ("alors que", "bien que") rather than a complement.
CONJUNCTION_HEADS = frozenset("alors tandis bien parce pendant dès avant après sans pour afin "
                              "ainsi lors depuis moins plus autant tant même jusqu'à "
                              "jusqu' si tel telle sorte manière façon fois encore "
                              "toujours".split())
# "c'est-à-dire que", "vouloir dire", "à vrai dire": no speech reported.
DIRE_HEADS = frozenset({"vouloir", "entendre", "falloir"})
SOURCE_HEAD_WORDS = frozenset({"mais", "et", "or", "donc", "toujours", "enfin", "ainsi",
                               "aussi", "cependant", "pourtant", "en", "outre", "par",
                               "ailleurs", "notamment", "encore", "car", "puis"})


def _reports(verb: Token) -> bool:
    if verb.pos_ != "VERB" and not (verb.pos_ == "AUX" and lemma(verb) == "dire") and \
            not looks_like_verb(verb):
        return False
    lem = lemma(verb)
    if not lexicon.takes_clause(lem) and not lexicon.phrasal_cue(verb) and \
            not lexicon.phrasal_tail(verb):
        return False
    if _adjectival(verb) or _causative(verb) or _impersonal_must(verb) or _negated(verb) or \
            _hypothetical(verb) or _refused(verb):
        return False
    nxt = next_word(verb)
    if nxt is not None and lexicon.is_idiom(lem, nxt.lower_):
        return False
    if lem == "dire":
        if verb.head.i != verb.i and lemma(verb.head) in DIRE_HEADS:
            return False
        prev = previous_word(verb)
        if prev is not None and prev.text in ("-", "à") or verb.text.lower().startswith("-"):
            return False
        low = text_of(verb.doc)[max(0, verb.idx - 8):verb.idx].lower()
        if low.endswith("-à-") or low.endswith("vrai "):
            return False
    return True


# Verbs whose infinitive is what the subject did not say: "a refusé de confirmer que …",
# "s'est gardé de dire que …", "a évité de commenter".
REFUSALS = frozenset("refuser éviter hésiter renoncer garder abstenir décliner".split())


def _refused(verb: Token) -> bool:
    """"Le porte-parole a refusé de confirmer que …": an infinitive governed by a verb of
    refusal reports nothing."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    before = previous_word(verb)
    if before is None or before.lower_ not in ("de", "d'", "d’", "à"):
        return False
    governor = previous_word(before)
    while governor is not None and governor.pos_ == "ADV" and governor.i > verb.sent.start:
        governor = previous_word(governor)
    return governor is not None and lemma(governor) in REFUSALS


HYPOTHETICAL_MODALS = frozenset({"pouvoir", "devoir", "vouloir"})


def _hypothetical(verb: Token) -> bool:
    """"son avocat pourrait demander à …", "il devrait annoncer que …": a report that
    may happen is no report (a modal in the conditional governing the infinitive)."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    for tok in verb.doc[max(verb.sent.start, verb.i - 3):verb.i]:
        if tok.lemma_ in HYPOTHETICAL_MODALS and "Cnd" in tok.morph.get("Mood"):
            return True
    return False


CAUSATIVES = frozenset({"laisser", "faire", "permettre", "amener", "conduire", "pousser"})
# "fait observer que" still reports; "laisse penser que" does not.
CAUSED_THOUGHTS = frozenset("penser croire supposer estimer considérer juger imaginer "
                            "craindre comprendre conclure".split())


def _causative(verb: Token) -> bool:
    """"Les documents laissent penser que …", "cela fait dire que …": an inference the
    reader is led to, not what anyone said ("laisse entendre" is a set phrase, kept)."""
    if "Inf" not in verb.morph.get("VerbForm") or verb.head.i == verb.i:
        return False
    return verb.head.i < verb.i and lemma(verb.head) in CAUSATIVES and \
        lemma(verb) in CAUSED_THOUGHTS


NEGATIONS = frozenset({"pas", "jamais", "plus", "guère", "point", "nullement"})


def _negated(verb: Token) -> bool:
    """"n'avaient pas appelé à manifester", "n'a jamais dit que": what was not said is
    no one's statement."""
    children = list(verb.children)
    has_ne = any(c.lower_ in ("ne", "n'", "n’") for c in children)
    return has_ne and any(c.lower_ in NEGATIONS and c.dep_ == "advmod" for c in children)


def _impersonal_must(verb: Token) -> bool:
    """"force est de constater que", "il faut reconnaître que": the journalist's own
    framing, with nobody as speaker."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    doc = verb.doc
    before = [doc[k].lower_ for k in range(max(0, verb.i - 3), verb.i)]
    if before[-3:] == ["force", "est", "de"] or before[-3:] == ["force", "est", "d'"] \
            or before[-2:] == ["il", "faut"]:
        return True
    # "Il est à noter que …", "il est pour le moins troublant de remarquer que …".
    if verb.i == 0 or doc[verb.i - 1].lower_ not in ("à", "de", "d'", "d’"):
        return False
    window = [doc[k] for k in range(max(verb.sent.start, verb.i - 8), verb.i - 1)]
    for k, tok in enumerate(window[:-1]):
        if tok.lower_ in ("il", "c'", "ce") and window[k + 1].lemma_ == "être" and \
                not any(t.pos_ in ("NOUN", "PROPN") for t in window[k + 2:]):
            return True
    return False


def _adjectival(verb: Token) -> bool:
    """"une version qualifiée de …": a past participle used as an adjective."""
    forms = verb.morph.get("VerbForm")
    if "Part" not in forms or "Past" not in verb.morph.get("Tense"):
        return False
    return verb.dep_ == "amod"


def _que_after(verb: Token, sentence: Span) -> Token | None:
    """The ``que`` opening the verb's complement clause, if any."""
    doc = verb.doc
    i = verb.i + 1
    if lexicon.phrasal_cue(verb):
        # "a fait savoir que", "a laissé entendre que": past the phrase.
        while i < len(doc) and i <= verb.i + 3 and not is_que(doc[i]):
            i += 1
    limit = min(sentence.end, verb.i + MAX_GAP)
    restrictive = _restrictive_ne(verb)
    fact = _le_fait_que(verb, limit)
    if fact is not None and not restrictive:
        return fact
    before = previous_word(verb)
    if before is not None and before.lower_ in COMPARATIVES and not _compound_tense(verb):
        return None  # "aussi avancés que …": a comparison, no clause
    while i < limit:
        tok = doc[i]
        if is_que(tok):
            if restrictive:
                return None  # "ne confirme que la mort de …": "only", no clause
            if doc[i - 1].lower_ in ("et", "ou") and any(
                    t.pos_ in ("NOUN", "PROPN") or t.ent_type_ or t.dep_ == "obj"
                    for t in doc[verb.i + 1:i - 1]):
                # "sait que X soutient Macron et que …": the second que-clause belongs to
                # the verb governing the first one.
                return None
            if tok.pos_ == "PRON" and tok.dep_ in ("obj", "nsubj") and doc[i - 1].pos_ in (
                    "NOUN", "PROPN") and not _clause_complete(tok) and \
                    not _inside_governed_name(doc[i - 1], verb) and \
                    not _medium_before_que(doc[i - 1], verb, tok, sentence):
                return None  # a relative: "les propos que"
            if doc[i - 1].lower_ in CONJUNCTION_HEADS and not _adverbial_fois(doc, i - 1, verb) \
                    and not _adverb_of_verb(doc, i - 1, verb):
                return None  # "alors que", "parce que": no complement clause
            if doc[i - 1].lower_ in ("ce", "c'", "c’", "celui", "celle", "ceux", "celles") \
                    and not (i >= 2 and doc[i - 2].lower_ in ("à", "de", "d'", "d’")):
                return None  # "ce que proscrit le droit": a relative ("à ce que" is not)
            if _direct_object_between(verb, tok):
                return None  # "penser ses consoles en fonction des jeux qu'elle …"
            return tok
        if tok.text in ("«", "“", "\"") and i + 1 < limit and is_que(doc[i + 1]):
            # « que soit faite injonction » : the que belongs to the marked words.
            return tok
        if is_mark(tok) or tok.text in (":", ";", ".", "?", "!"):
            return None
        if tok.ent_iob_ == "I" and _inside_governed_name(tok, verb):
            i += 1  # "au Washington Post", "Post" tagged a verb
            continue
        if tok.pos_ in ("VERB", "AUX") and (_name_word(tok, sentence) or
                                            _noun_modifier(tok, verb)):
            i += 1  # "sur France Inter", "dans une vidéo mise en ligne"
            continue
        if tok.pos_ in ("VERB", "AUX") and not _part_of_group(tok, verb) or \
                tok.pos_ not in SKIPPABLE_POS and not is_space(tok):
            return _que_after_adjunct(verb, i, sentence)
        i += 1
    return _que_after_adjunct(verb, i, sentence) if i < sentence.end else None


def _le_fait_que(verb: Token, limit: int) -> Token | None:
    """"dénonce le fait que …", "insiste sur le fait que …", "alerte notamment sur le
    fait que …": the fact stated is the verb's content."""
    doc = verb.doc
    k = verb.i + 1
    while k < limit and (doc[k].pos_ == "ADV" and doc[k].lower_ not in ("ne", "n'", "pas")
                         or is_space(doc[k])):
        k += 1
    if k < limit and doc[k].lower_ == "sur":
        k += 1
    if k + 2 < limit and doc[k].lower_ == "le" and doc[k + 1].lower_ == "fait" and \
            is_que(doc[k + 2]):
        return doc[k + 2]
    return None


def _medium_before_que(noun: Token, verb: Token, que: Token, sentence: Span) -> bool:
    """"estime dans son rapport que …", "a affirmé dans un communiqué que …": a speech
    or document noun under a preposition right before "que", and no second "que" in the
    sentence that could be the verb's own: the "que" opens the verb's clause (the parse
    may take it for a relative on the noun)."""
    if not (lexicon.is_speech_noun(noun.lemma_.lower()) or
            lexicon.is_document_noun(noun.lemma_.lower())) or \
            not _under_preposition(noun, verb):
        return False
    doc = verb.doc
    return not any(is_que(t) for t in doc[que.i + 1:sentence.end])


def _compound_tense(verb: Token) -> bool:
    """"a aussi estimé", "avait plus tard affirmé": the participle of a compound tense
    with "avoir" is the verb itself, so an adverb before it makes no comparison."""
    return any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" and c.i < verb.i
               for c in verb.children) or is_finite(verb)


# Adverbs that may stand right after a reporting verb, before its "que": "affirme même
# que", "précise encore que", "rappelle toujours que", "souligne bien que", "explique
# ainsi que". Elsewhere they head a conjunction ("de même que", "bien que", "encore que").
VERB_ADVERBS = frozenset("même encore toujours bien ainsi".split())
# Words before such an adverb that make it part of a conjunction or a degree phrase.
ADVERB_LEADS = frozenset("de d' d’ alors si tant aussi tout quand".split())


def _adverb_of_verb(doc: Doc, i: int, verb: Token) -> bool:
    """Is ``doc[i]`` (before a "que") an adverb of the verb group, not the head of a
    conjunction? It must stand right after the verb (or after its inverted pronoun or
    another adverb), and a concessive "bien que"/"encore que" takes the subjunctive."""
    adverb = doc[i]
    if adverb.lower_ not in VERB_ADVERBS:
        return False
    j = i - 1
    if adverb.lower_ == "même" and j - 1 > verb.i and doc[j].lower_ == "de" and \
            doc[j - 1].lower_ == "tout":
        j -= 2  # "affirme tout de même que"
    while j > verb.i and (is_space(doc[j]) or doc[j].pos_ == "ADV" and
                          doc[j].lower_ not in ADVERB_LEADS and
                          doc[j].lower_ not in CONJUNCTION_HEADS or
                          doc[j].lower_ in ("-t", "t", "-il", "-elle", "-ils", "-elles", "-on")):
        j -= 1
    if j != verb.i:
        return False
    if adverb.lower_ in ("bien", "encore") and i + 1 < len(doc):
        que = doc[i + 1]
        governed = que.head
        if any("Sub" in t.morph.get("Mood") for t in [governed] + [
                c for c in governed.children if c.dep_.startswith("aux") or c.dep_ == "cop"]):
            return False  # "a accepté bien qu'il soit tard"
    return True


def _name_word(tok: Token, sentence: Span) -> bool:
    """A capitalised word inside a name that the tagger took for a verb ("sur France
    Inter", "à Radio Classique"): not at the head of the sentence, after a name word or
    inside a named entity."""
    if not tok.is_title or tok.i <= sentence.start:
        return False
    prev = previous_word(tok)
    if prev is None or prev.is_punct:
        return False
    return prev.pos_ == "PROPN" or prev.is_title or tok.ent_iob_ in ("B", "I")


def _noun_modifier(tok: Token, verb: Token) -> bool:
    """A past participle describing a noun between the verb and its "que" ("a démenti
    dans une vidéo mise en ligne que …", "a déclaré lors d'une réunion tenue à Lyon
    que …")."""
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") and \
        tok.dep_ in ("acl", "amod") and verb.i < tok.head.i < tok.i and \
        tok.head.pos_ in ("NOUN", "PROPN")


COMPARATIVES = frozenset({"aussi", "si", "plus", "moins", "autant", "tant"})


def _adverbial_fois(doc: Doc, i: int, verb: Token) -> bool:
    """"a annoncé pour la première fois qu'il …", "a répété pour la énième fois que …":
    "fois" closes an adverbial of the verb ("pour … fois"), not "une fois que"."""
    if doc[i].lower_ != "fois":
        return False
    return any(t.lower_ == "pour" for t in doc[max(verb.i + 1, i - 4):i])


# How far an adjunct between the verb and its "que" may run: "a annoncé sur France Inter
# ce matin, qu'il …", "estiment, à l'inverse de l'institut pris en référence, que …".
MAX_ADJUNCT = 30


def _que_after_adjunct(verb: Token, i: int, sentence: Span) -> Token | None:
    """A "que" right after a comma that closes an adjunct (or a parenthetical) between
    the verb and its clause, the adjunct holding no finite verb of its own (a mis-tagged
    name or a participle may stand in it)."""
    doc = verb.doc
    limit = min(sentence.end, verb.i + MAX_ADJUNCT)
    if _restrictive_ne(verb):
        return None
    for j in range(i, limit):
        tok = doc[j]
        if is_que(tok):
            if j > verb.i + 1 and doc[j - 1].text == "," and (
                    tok.pos_ != "PRON" or _gerund_before(doc, j - 1, verb)) and \
                    not _direct_object_between(verb, doc[j - 1]):
                return tok
            return None
        if is_mark(tok) or tok.text in (":", ";", ".", "?", "!", "(", ")"):
            return None
        if tok.pos_ in ("VERB", "AUX") and is_finite(tok) and not tok.is_title and \
                not _part_of_group(tok, verb):
            return None
        if tok.pos_ in ("SCONJ",) or tok.lower_ in ("qui", "dont", "lequel", "laquelle"):
            return None
        if is_infinitive(tok) and doc[j - 1].lower_ in ("de", "d'", "d’", "à") and \
                not any(t.text == "," for t in doc[verb.i + 1:j]):
            # "demande aux élus d'appliquer l'accord, que …": the infinitive is the
            # complement, and the "que" after it a relative.
            return None
    return None


def _gerund_before(doc: Doc, comma: int, verb: Token) -> bool:
    """"a annoncé, en retenant ses larmes, qu'il …": the comma closes a gerund set off
    by commas, so the "que" after it opens the verb's clause (the parser may take it for
    a relative pronoun)."""
    opening = next((k for k in range(comma - 1, verb.i, -1) if doc[k].text == ","), None)
    if opening is None or opening + 2 >= comma:
        return False
    gerund = doc[opening + 2]
    return doc[opening + 1].lower_ == "en" and "Part" in gerund.morph.get("VerbForm") and \
        "Pres" in gerund.morph.get("Tense")


RESTRICTIVE_BREAKERS = NEGATIONS | frozenset({"rien", "personne", "aucun", "aucune", "nul",
                                              "nulle", "ni"})


def _restrictive_ne(verb: Token) -> bool:
    """"ne … que" without "pas"/"jamais"/"rien" is "only": the verb's object follows, no
    clause ("Les États ne confirment pour leur part que la mort de …")."""
    doc = verb.doc
    ne = None
    for tok in doc[max(verb.sent.start, verb.i - 4):verb.i]:
        if tok.lower_ in ("ne", "n'", "n’"):
            ne = tok
    if ne is None:
        ne = next((c for c in verb.children if c.lower_ in ("ne", "n'", "n’")), None)
    if ne is None or any(t.pos_ == "VERB" for t in doc[ne.i + 1:verb.i]):
        return False  # "ne cesse de répéter que": the "ne" is another verb's
    end = min(verb.sent.end, verb.i + MAX_ADJUNCT)
    for tok in doc[ne.i + 1:end]:
        if is_que(tok):
            return True
        if tok.lower_ in RESTRICTIVE_BREAKERS:
            return False
    return False


def _clause_complete(que: Token) -> bool:
    """"a annoncé sur Instagram qu'il mettait fin à …": the clause has its subject and its
    object, so "que" is no relative pronoun standing for one of them."""
    verb = que.head
    roles = {c.dep_ for c in verb.children if c.i != que.i}
    if "nsubj:pass" in roles and "aux:pass" in roles:
        # "a raconté pendant des décennies qu'il avait été déporté": a passive clause
        # has no object for a relative "que" to stand for.
        return True
    if "obj" not in roles and "xcomp" not in roles and any(
            c.dep_ == "ccomp" and any(is_que(m) and m.dep_ == "mark" for m in c.children)
            for c in verb.children):
        # "dans la lettre qu'il a envoyée que …": the later "que" clause is the reporting
        # verb's, which the parse hung on the relative's verb.
        return False
    return bool(roles & {"nsubj", "nsubj:pass"}) and bool(roles & {"obj", "ccomp", "xcomp"})


def _direct_object_between(verb: Token, que: Token) -> bool:
    """A bare noun phrase between the verb and "que" makes "que" a relative pronoun."""
    from recoupe.quotes.speakers import _temporal

    doc = verb.doc
    for tok in doc[verb.i + 1: que.i]:
        if tok.pos_ in ("NOUN", "PROPN") and not _temporal(tok) and \
                tok.lower_ not in TIME_NOUNS and not _in_embedded_phrase(tok, verb, que) and \
                not _under_preposition(tok, verb) and tok.dep_ not in ("nsubj", "flat:name") \
                and not _inside_governed_name(tok, verb):
            return True
    return False


# Parts of the day and other time nouns the speakers' list lacks: "annonce cet
# après-midi que …", "a déclaré ce week-end que …".
TIME_NOUNS = frozenset("après-midi soirée matinée journée week-end weekend heure heures "
                       "instant".split())


def _time_word(tok: Token) -> bool:
    from recoupe.quotes.speakers import _temporal

    return _temporal(tok) or tok.lower_ in TIME_NOUNS


def _in_embedded_phrase(tok: Token, verb: Token, que: Token) -> bool:
    """A noun inside a gerund or participial adjunct between the verb and its "que"
    ("a annoncé, en retenant ses larmes, que …"): the object of that participle, not of
    the reporting verb. The adjunct is set off by commas."""
    head = tok
    for _ in range(4):
        head = head.head
        if head.i == verb.i or head.i == head.head.i and head.i != tok.i:
            break
        if verb.i < head.i < que.i and head.pos_ in ("VERB", "AUX") and \
                "Part" in head.morph.get("VerbForm") and \
                any(t.text == "," for t in verb.doc[verb.i + 1:head.i]):
            return True
    return False


def _inside_governed_name(tok: Token, verb: Token) -> bool:
    """Is the word part of a name the verb's "à" governs ("a expliqué au Washington Post
    que …", "a confié à la Tribune de Genève que …"), however the parse tagged it?"""
    if tok.ent_iob_ not in ("B", "I"):
        return False
    doc = tok.doc
    j = tok.i
    while j > verb.i + 1 and doc[j].ent_iob_ == "I":
        j -= 1
    if doc[j].ent_iob_ != "B":
        return False
    j -= 1
    while j > verb.i and doc[j].pos_ == "DET":
        j -= 1
    return j > verb.i and doc[j].lower_ in ("à", "au", "aux")


def _under_preposition(tok: Token, verb: Token) -> bool:
    head = tok
    for _ in range(4):
        if any(c.dep_ == "case" for c in head.children) or head.lower_ in ("lui", "leur"):
            return True
        if head.head.i == head.i or head.head.i == verb.i:
            break
        head = head.head
    doc = tok.doc
    # The parse may miss the case: look for "à", "aux", "au" right before the phrase
    # (past the other words of a name: "sur France Info").
    j = tok.i - 1
    while j > verb.i and (doc[j].pos_ in ("DET", "ADJ", "NUM") or
                          tok.pos_ == "PROPN" and doc[j].pos_ == "PROPN" and doc[j].is_title):
        j -= 1
    return j > verb.i and doc[j].pos_ == "ADP"


def _part_of_group(tok: Token, verb: Token) -> bool:
    return tok.head.i == verb.i and tok.dep_.startswith("aux") or tok.lower_ in ("-t", "t")


def _infinitive_after(verb: Token, sentence: Span) -> tuple[Token, Token] | None:
    """(first token of the content, the infinitive) for "annonce se rendre", "appelle à
    manifester", "a demandé au gouvernement d'établir". A direct object before the
    infinitive ("signale une tendance à fuir") makes it no report."""
    doc = verb.doc
    if _restrictive_ne(verb):
        return None  # "ne seront proclamés qu'à partir de 20 heures"
    i = verb.i + 1
    limit = min(sentence.end, verb.i + MAX_GAP)
    # Adverbs, clitics and the inverted pronoun of the verb group.
    while i < limit and (doc[i].pos_ == "ADV" and doc[i].lower_ not in ("ne", "n'") or
                         is_space(doc[i]) or doc[i].lower_ in ("-t", "t", "-il", "-elle",
                                                               "-ils", "-elles", "-on")):
        i += 1
    # A judgement: "estime nécessaire de réformer …", "juge urgent d'agir": the
    # content starts at the adjective.
    if lemma(verb) in JUDGING and i + 2 < limit and doc[i].pos_ == "ADJ" and \
            doc[i + 1].lower_ in ("de", "d'", "d’"):
        k = i + 2
        while k < limit and doc[k].lower_ in ("ne", "n'", "pas", "se", "s'", "le", "la", "les",
                                              "l'", "lui", "leur", "y", "en"):
            k += 1
        if k < limit and is_infinitive(doc[k]) and doc[k].pos_ in ("VERB", "AUX"):
            return doc[i], doc[k]
    # A time: "a préconisé ce jeudi d'annuler …", "appelle pour la troisième fois à …"
    i = _skip_time(doc, i, limit)
    if i < limit and doc[i].lower_ == "pour":
        fois = next((k for k in range(i + 1, min(limit, i + 5)) if doc[k].lower_ == "fois"), None)
        if fois is not None:
            i = fois + 1
    # A parenthetical between commas: "annonce, via un communiqué publié sur le site, avoir …"
    if i < limit and doc[i].text == ",":
        for j in range(i + 1, min(len(doc), i + 20, sentence.end)):
            if doc[j].text == ",":
                if not any(is_finite(t) for t in doc[i + 1:j]):
                    i = j + 1
                    limit = min(sentence.end, i + MAX_GAP)
                break
    # Where or how it was said: "affirme dans un communiqué avoir …", "sur RTL".
    i = _skip_adverbial_phrase(doc, i, limit)
    # "a annoncé de son côté cesser …", "affirme pour sa part avoir …".
    i = _skip_stance_adverbial(doc, i, limit)
    # The agent of a passive request: "a été sommé par la police de partir".
    i = _skip_passive_agent(verb, i, limit)
    # An indirect object: "au gouvernement", "à leurs citoyens", "aux Gj".
    if i < limit and doc[i].lower_ in ("à", "au", "aux") and doc[i].pos_ == "ADP":
        j = i + 1
        while j < limit and (doc[j].lower_ not in ("de", "d'", "d’") or
                             _noun_complement(doc, j, limit)) and \
                doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "ADP", "PUNCT") and \
                doc[j].text not in (",", ";", ":", ".") and not is_mark(doc[j]) and \
                not (doc[j].pos_ == "DET" and doc[j - 1].pos_ in ("NOUN", "PROPN") and
                     doc[j].lower_ not in ("du", "des")):
            j += 1  # ("aux habitants de Saône-et-Loire d'éviter …"; a new noun phrase
            # after the person is a direct object: "garantit à X le droit de …")
        if j < limit and j > i + 1 and (doc[j].lower_ in ("de", "d'", "d’") or
                                        is_infinitive(doc[j]) or doc[j].lower_ in (
                                            "ne", "n'", "se", "s'")):
            # "a demandé au gouvernement d'établir", "a déclaré à l'AFP avoir vu"
            i = j
    # A person asked, described at length: "a demandé à sa sœur, qui vivait à Lyon, de
    # revenir", "a demandé à X qui … d'exhumer …".
    if lexicon.is_directive(lemma(verb)) and i < limit and doc[i].lower_ in ("à", "au", "aux") \
            and not (i + 1 < len(doc) and is_infinitive(doc[i + 1])):
        j = _far_de_infinitive(doc, i + 1, min(sentence.end, i + MAX_ADJUNCT))
        if j is not None:
            i = j
            limit = min(sentence.end, j + MAX_GAP)
    # A person asked or invited: "ont invité leurs membres à …", "appelle les Français à";
    # a person accused: "accuse le préfet d'avoir menti".
    accusing = lemma(verb) in lexicon.ACCUSATIVE_REPORTS
    if accusing and i < limit and (doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PER"):
        j = i + 1
        while j < limit and (doc[j].pos_ == "PROPN" or doc[j].ent_iob_ == "I"):
            j += 1
        if j < limit and doc[j].lower_ in ("de", "d'", "d’"):
            i = j
    if (lexicon.is_directive(lemma(verb)) or accusing) and i < limit and doc[i].pos_ == "DET":
        j = i + 1
        while j < limit and (doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or
                             j > i + 1 and _participle_modifier(doc[j]) or
                             j > i + 1 and _noun_complement(doc, j, limit)):
            j += 1  # "invitant les personnes sélectionnées à …", "le gouvernement du
            # Burundi à …"
        if j < limit and j > i + 1 and (doc[j].lower_ in ("à", "de", "d'", "d’") if not accusing
                                        else doc[j].lower_ in ("de", "d'", "d’")):
            i = j
    content_start = None
    if i < limit and doc[i].lower_ in ("de", "d'", "d’", "à") and doc[i].pos_ in ("ADP", "SCONJ"):
        i += 1
    elif i + 1 < limit and doc[i].lower_ == "a" and lexicon.is_directive(lemma(verb)) and \
            is_infinitive(doc[i + 1]) and i == verb.i + 1:
        i += 1  # "appelle a maintenir": "à" typed without its accent
    while i < limit:
        tok = doc[i]
        if is_infinitive(tok) and tok.pos_ in ("VERB", "AUX"):
            return (content_start or tok), tok
        if tok.lower_ in ("ne", "n'", "pas", "plus", "jamais", "se", "s'", "le", "la", "les",
                          "l'", "y", "en", "lui", "leur", "me", "m'", "nous", "vous", "rien"):
            content_start = content_start or tok
            i += 1
            continue
        if is_mark(tok) and content_start is None:
            # appelle à « manifester »
            content_start = tok
            i += 1
            continue
        return None
    return None


def _noun_complement(doc: Doc, j: int, limit: int) -> bool:
    """"du", "des", or "de" + determiner or name inside the object noun phrase (not the
    "de" of a "de + infinitive")."""
    low = doc[j].lower_
    if low in ("du", "des") and doc[j].pos_ in ("ADP", "DET"):
        return True
    if doc[j].pos_ == "DET" and doc[j - 1].lower_ in ("de", "d'", "d’"):
        return True  # "de la vallée"
    if low in ("de", "d'", "d’") and j + 1 < limit:
        nxt = doc[j + 1]
        return nxt.pos_ in ("DET", "PROPN", "NOUN") and not is_infinitive(nxt) and \
            nxt.lower_ not in ("ne", "n'", "se", "s'")
    return False


def _participle_modifier(tok: Token) -> bool:
    """A past participle describing the noun before it ("les personnes désignées")."""
    return tok.pos_ in ("VERB", "ADJ") and "Part" in tok.morph.get("VerbForm") and \
        "Past" in tok.morph.get("Tense") and tok.head.i == tok.i - 1


def _passive(verb: Token) -> bool:
    return "Pass" in verb.morph.get("Voice") or any(
        c.dep_ == "aux:pass" for c in verb.children)


def _skip_passive_agent(verb: Token, i: int, limit: int) -> int:
    """Past "par la police" after a passive reporting verb, when "de/à + infinitive"
    follows ("a été sommé par la police de partir")."""
    doc = verb.doc
    if i >= limit or doc[i].lower_ != "par" or not _passive(verb):
        return i
    j = i + 1
    while j < limit and (doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or
                         doc[j].lower_ in ("du", "des") or
                         doc[j].lower_ in ("de", "d'", "d’") and j + 1 < limit and
                         not is_infinitive(doc[j + 1]) and
                         doc[j + 1].lower_ not in ("ne", "n'", "se", "s'")):
        j += 1
    if j > i + 1 and j < limit and doc[j].lower_ in ("de", "d'", "d’", "à"):
        return j
    return i


# Verbs of judgement taking an adjective and "de + infinitive" ("juge utile de …").
JUDGING = frozenset("estimer juger trouver considérer dire déclarer".split())


def _far_de_infinitive(doc: Doc, i: int, limit: int) -> int | None:
    """The "de" of "de + infinitive" closing a long indirect object (with a relative clause
    or an apposition), if one comes before any sentence punctuation or mark."""
    for j in range(i, limit - 1):
        tok = doc[j]
        if tok.text in (".", ";", ":", "?", "!") or is_mark(tok) or is_que(tok):
            return None
        if j > i and tok.lower_ in ("de", "d'", "d’") and tok.pos_ in ("ADP", "SCONJ"):
            k = j + 1
            while k < limit and doc[k].lower_ in ("ne", "n'", "pas", "se", "s'", "le", "la",
                                                  "les", "l'", "lui", "leur", "y", "en"):
                k += 1
            if k < limit and is_infinitive(doc[k]) and doc[k].pos_ in ("VERB", "AUX"):
                return j
    return None


def _skip_adverbial_phrase(doc: Doc, i: int, limit: int) -> int:
    """Past "dans un communiqué", "sur RTL", "lors d'une conférence de presse"."""
    from recoupe.quotes.speakers import ADVERBIAL_CASES

    if i >= limit or doc[i].lower_ not in ADVERBIAL_CASES or doc[i].lower_ in ("à", "au",
                                                                                "aux"):
        return i
    j = i + 1
    while j < limit and (doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or
                         doc[j].lower_ in ("de", "d'", "du", "des")):
        if doc[j].pos_ == "DET" and doc[j - 1].pos_ in ("NOUN", "PROPN") and \
                doc[j].lower_ not in ("du", "des"):
            # "appelle sur Facebook les manifestants à …": a new noun phrase, the object.
            return j
        j += 1
    if j > i + 1 and j < limit and (is_infinitive(doc[j]) or doc[j].lower_ in (
            "ne", "n'", "se", "s'", "de", "d'") or is_que(doc[j]) or
            doc[j].lower_ == "à" and j + 1 < limit and is_infinitive(doc[j + 1])):
        return j  # ("appelle sur RTL à manifester")
    return i


# Adverbials of stance between a verb and its infinitive: "de son côté", "pour sa part",
# "à son tour"; and two-word connectives: "en effet", "par ailleurs", "en outre".
STANCE_ADVERBIALS = (("de", "côté"), ("pour", "part"), ("à", "tour"), ("de", "part"))
CONNECTIVE_PAIRS = frozenset({("en", "effet"), ("par", "ailleurs"), ("en", "outre"),
                              ("de", "plus"), ("en", "revanche"), ("en", "fait"),
                              ("d'", "ailleurs"), ("d’", "ailleurs"), ("par", "contre")})


def _skip_stance_adverbial(doc: Doc, i: int, limit: int) -> int:
    if i + 2 < limit and doc[i + 1].pos_ == "DET" and \
            (doc[i].lower_, doc[i + 2].lower_) in STANCE_ADVERBIALS:
        j = i + 3
        return j + 1 if j < limit and doc[j].text == "," else j
    if i + 1 < limit and (doc[i].lower_, doc[i + 1].lower_) in CONNECTIVE_PAIRS:
        return i + 2
    if i + 2 < limit and (doc[i].lower_, doc[i + 1].lower_, doc[i + 2].lower_) in \
            CONNECTIVE_TRIPLES:
        return i + 3
    return i


CONNECTIVE_TRIPLES = frozenset({("du", "même", "coup"), ("tout", "de", "même"),
                                ("une", "fois", "encore"), ("une", "nouvelle", "fois"),
                                ("une", "fois", "de")})


def _skip_time(doc: Doc, i: int, limit: int) -> int:
    """Past a time expression: "ce jeudi", "mardi soir", "le 15 décembre"."""
    from recoupe.quotes.speakers import TEMPORAL

    j = i
    while j < limit and (doc[j].pos_ in ("DET", "NUM", "ADJ") or doc[j].lower_ in TEMPORAL or
                         doc[j].lower_ in MONTHS or doc[j].lower_ in TIME_NOUNS or
                         doc[j].lower_ in ("fin", "début", "mi", "mi-") and j + 1 < limit and
                         (doc[j + 1].lower_ in MONTHS or doc[j + 1].lower_ in TEMPORAL)):
        j += 1  # ("a affirmé fin janvier avoir …")
    if j > i and any(doc[k].lower_ in TEMPORAL or doc[k].lower_ in MONTHS for k in range(i, j)):
        return j
    if i + 1 < limit and doc[i].lower_ in ("dès", "depuis", "en") and doc[i + 1].like_num and \
            len(doc[i + 1].text) == 4:
        return i + 2  # "promettant dès 2012 d'inverser …"
    return i


def _si_after(verb: Token, sentence: Span) -> Token | None:
    if lemma(verb) not in ("demander", "interroger", "questionner"):
        return None
    doc = verb.doc
    for tok in doc[verb.i + 1: min(sentence.end, verb.i + 6)]:
        if tok.lower_ in ("si", "s'") and tok.pos_ == "SCONJ":
            return tok
        if tok.lower_ in ("pourquoi", "comment", "combien", "quand", "où"):
            return tok
    return None


def _attribute(verb: Token) -> Token | None:
    """"s'est dit opposé à …", "se disait vainqueur": the attribute of a reflexive report."""
    if lemma(verb) not in ("dire", "déclarer", "affirmer", "montrer", "estimer"):
        return None
    if lemma(verb) == "montrer":
        return None
    if not any(c.lower_ in ("se", "s'", "s’") and c.dep_.startswith("expl") or
               c.lower_ in ("se", "s'") for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("xcomp", "obj", "ccomp", "acl") and child.i > verb.i and \
                child.pos_ in ("ADJ", "NOUN", "VERB", "PROPN"):
            if child.pos_ == "VERB" and not ("Part" in child.morph.get("VerbForm")):
                continue
            return child
    nxt = next_word(verb)
    if nxt is not None and is_mark(nxt):
        # "Se disant « confiant » en …": the attribute is the marked word.
        inner = next_word(nxt)
        if inner is not None and inner.pos_ in ("ADJ", "NOUN", "VERB"):
            return inner
    if nxt is not None and nxt.pos_ in ("ADJ",):
        return nxt
    return None


def _colon_after(verb: Token, sentence: Span) -> Token | None:
    """"a présenté ses vœux : partout montent …": unmarked speech after a colon."""
    doc = verb.doc
    # "a présenté ses vœux pour 2019 aux côtés de Gilets jaunes à Auxerre (Yonne) : …"
    for tok in doc[verb.i + 1: min(sentence.end, verb.i + 20)]:
        if tok.text == ":":
            nxt = next_word(tok)
            if nxt is None or nxt.i >= sentence.end:
                return None
            if not is_mark(nxt) and not lexicon.phrasal_cue(verb) and any(
                    t.pos_ == "NOUN" and t.dep_ == "obj" and t.head.i == verb.i and
                    not lexicon.is_speech_noun(t.lemma_.lower()) and
                    t.lemma_.lower() not in ("histoire", "chose", "choses")
                    for t in doc[verb.i + 1:tok.i]):
                # "confirme la suppression du thème : A, B, C": unmarked words after a
                # noun object spell the object out, nobody's words.
                return None
            # A quotation that fills the rest is direct; one that does not is mixed: the
            # merge decides.
            return nxt
        if tok.pos_ in ("VERB", "AUX") or is_mark(tok) or tok.text in (";", "."):
            return None
    return None


def verb_reports(doc: Doc) -> list[Candidate]:
    candidates = []
    known = lexicon.known_verbs() | lexicon.PHRASAL_ONLY
    for verb in doc:
        if verb.pos_ == "VERB" and lemma(verb) == "apprendre":
            learned = _learned_from(verb, verb.sent)
            if learned is not None:
                candidates.append(learned)
            continue
        if verb.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ") or \
                lemma(verb) not in known and not lexicon.phrasal_tail(verb):
            continue
        if not _reports(verb):
            if _introduces_speech(verb):
                found = _colon_report(verb)
                if found is not None:
                    candidates.append(found)
            continue
        sentence = verb.sent
        lem = lemma(verb)
        start_tok = None
        rule = None
        que = _que_after(verb, sentence)
        if que is not None and is_mark(que):
            start_tok = que
            rule = "que"
        elif que is not None:
            start_tok = next_word(que)
            if start_tok is not None and start_tok.text in ("'", "’"):
                start_tok = next_word(start_tok)
            rule = "que"
        if start_tok is None and (lem not in NO_INFINITIVE or lem in OPINION_STATE):
            found = _infinitive_after(verb, sentence)
            if found is not None and (lem not in NO_INFINITIVE or
                                      lemma(found[1]) in ("être", "avoir") or
                                      found[0].pos_ == "ADJ" and lem in JUDGING):
                # "a considéré être le mieux placé", "juge avoir été trompé": an opinion
                # on one's own state (but "il pense partir" is an intention).
                start_tok, _ = found
                rule = "infinitive"
        if start_tok is None:
            si = _si_after(verb, sentence)
            if si is not None:
                start_tok = next_word(si) if si.lower_ in ("si", "s'") else si
                rule = "si"
        if start_tok is None:
            attribute = _attribute(verb)
            if attribute is not None:
                start_tok = min(attribute.subtree, key=lambda t: t.i)
                if start_tok.i <= verb.i:
                    start_tok = attribute
                before = previous_word(start_tok)
                if before is not None and is_mark(before) and before.i > verb.i:
                    start_tok = before
                rule = "attribute"
        if start_tok is None and lem not in lexicon.DIRECTIVE:
            colon = _colon_after(verb, sentence)
            if colon is not None:
                start_tok = colon
                rule = "colon"
        if start_tok is None:
            incise = _unmarked_incise(verb, sentence)
            if incise is not None:
                candidates.append(incise)
            continue
        if start_tok.i >= sentence.end:
            continue
        cue = cue_of_verb(verb, rule)
        if cue.speaker is None and not _passive_group(verb):
            # "Il avait d'ailleurs annoncé …": the parse hung the subject on the auxiliary.
            # (The subject of "X est accusé de …" is no speaker.)
            cue.speaker = _subject_of_auxiliary(verb) or _name_before_verb(verb) or \
                _apposed_subject(verb) or _participle_subject(verb) or \
                _narrative_subject(verb) or _marked_title_subject(verb) or \
                _noun_phrase_before(verb) or _conjunct_subject(verb)
        if cue.speaker is not None and cue.speaker.pos_ == "NOUN" and cue.speaker.i < verb.i:
            # "Laurent Roux, le porte-parole du syndicat, a estimé que …": the parse made
            # the apposed role the subject; the name before it speaks.
            name = _apposed_subject(verb)
            if name is not None and name.i < cue.speaker.i and (
                    name.pos_ == "PROPN" or name.ent_type_ == "PER"):
                cue.speaker = name
        speaker = cue.speaker
        source = _fronted_source(verb)
        if source is not None and "Part" in verb.morph.get("VerbForm") and \
                "Pres" in verb.morph.get("Tense"):
            # "Selon le syndicat, cela « reste un épiphénomène » tout en ajoutant que …":
            # the source goes on speaking.
            speaker = source
        if _fronted_participle(verb) and (speaker is None or _under_a_preposition(speaker)):
            # "Sur RTL, rappelant que …, la ministre a dénoncé …": the main clause's
            # subject, not the medium, speaks.
            main = _main_subject_after(start_tok, sentence, verb)
            if main is not None:
                speaker = main
                cue.speaker = main
        if speaker is not None and _impersonal_il(verb, speaker, rule):
            # "Il lui est reproché d'avoir …", "il est rappelé que …": no one in "il".
            speaker = None
            cue.speaker = None
        if speaker is None and not _impersonal_passive(verb) and \
                not (cue.speaker is None and _impersonal_il(verb, None, rule)):
            continue
        if lem in lexicon.SPEAKER_SUBJECT_ONLY and not _institutional(speaker):
            # "le projet prévoit que …", "il avait prévu que …": no forecast by anyone.
            continue
        if speaker is not None and (speaker.lower_ in GENERIC_SPEAKERS or _l_on(speaker)):
            # "dont on pensait que …", "certains considèrent que …": nobody in particular.
            continue
        if speaker is not None and lem in lexicon.DIRECTIVE and _rule_subject(verb, speaker):
            # "les consignes de la NASA exigeaient de …", "la loi exige que …": a rule
            # requires, nobody asks.
            continue
        if speaker is not None and _mute(speaker):
            # "Les auditions ont révélé que …": an event or a thing shows, nobody says.
            continue
        if speaker is not None and speaker.lower_ in FIRST_PERSON:
            # « Je tiens à dire que ma fille est innocente »: the quote says it already.
            continue
        quotation = _quotation_of(doc, verb)
        if quotation is not None and speaker is not None and not (
                quotation.start <= speaker.idx < quotation.end and (
                    is_speaker_like(speaker) or _nominal_subject(speaker, verb))):
            # A report inside quoted words has its speaker inside them too.
            continue
        end_index = clause_end(start_tok, sentence, verb)
        if rule == "attribute":
            # "se disait vainqueur depuis plusieurs jours": the attribute, not the verb's
            # other complements.
            end_index = min(end_index, max(t.i for t in attribute.subtree) + 1)
        if end_index <= start_tok.i:
            continue
        last = doc[end_index - 1]
        start, end = trimmed_offsets(doc, start_tok.idx, last.idx + len(last.text))
        if end <= start:
            continue
        candidates.append(Candidate(
            "indirect", start, end, f"indirect-{rule}", 0.8,
            cue=(cue.start, cue.end), cue_token=verb, speaker_token=speaker,
            speaker=_mention_before_cue(speaker, cue.start),
        ))
    return candidates


def _mention_before_cue(speaker: Token | None, cue_start: int) -> tuple[int, int] | None:
    """"La direction juge que …" with "juge" read as an adjective of "direction": the
    mention stops before the cue (None leaves the mention to the speaker module)."""
    from recoupe.quotes.speakers import mention_span

    if speaker is None or speaker.idx >= cue_start:
        return None
    start, end = mention_span(speaker)
    if not start < cue_start < end:
        return None
    return trimmed_offsets(speaker.doc, start, cue_start)


def _nominal_subject(tok: Token, verb: Token) -> bool:
    """"Le jeune a dit que …": a determined noun (or nominal adjective) that is the
    verb's own subject names a third party inside quoted words ("L'honnêteté m'oblige à
    dire que …" is the quoted speaker's own)."""
    return tok.dep_ == "nsubj" and tok.head.i == verb.i and \
        tok.pos_ in ("NOUN", "ADJ", "PROPN") and any(c.dep_ == "det" for c in tok.children)


def _conjunct_subject(verb: Token) -> Token | None:
    """"Le champion avoue sa déception, mais affirme aussi …": a verb coordinated with an
    earlier verb shares its subject, which the fallbacks may find on that verb."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX") or \
            any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    from recoupe.quotes.speakers import subject_of

    return subject_of(head) or _subject_of_auxiliary(head) or _name_before_verb(head) or \
        _apposed_subject(head) or _noun_phrase_before(head)


def _l_on(tok: Token) -> bool:
    """"l'on" (the parse may take its "l'" for the subject): generic "on"."""
    nxt = next_word(tok)
    return tok.lower_ in ("l'", "l’") and nxt is not None and nxt.lower_ == "on"


def _subject_of_auxiliary(verb: Token) -> Token | None:
    """The subject the parse attached to the verb's tense auxiliary instead of the verb
    ("Il avait d'ailleurs annoncé vouloir …": "Il" → "avait")."""
    for aux in verb.children:
        if aux.dep_ != "aux:tense" or aux.i > verb.i:
            continue
        for child in aux.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < aux.i:
                return child
    head = verb.head
    if head.i == verb.i - 1 and head.lemma_ == "avoir" and verb.pos_ != "VERB":
        # "Le ministre a tweeté que …": the participle read as the object of "a".
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < head.i:
                return child
    return None


def _passive_group(verb: Token) -> bool:
    """"est accusé", "a été sommé": a passive auxiliary or subject, or "être" before a
    past participle."""
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
        return True
    if "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"):
        prev = previous_word(verb)
        while prev is not None and prev.pos_ == "ADV" or prev is not None and \
                prev.lower_ in ("quant", "à", "elle", "lui", "eux", "elles"):
            prev = previous_word(prev)
        return prev is not None and lemma(prev) == "être"
    return False


def _name_before_verb(verb: Token) -> Token | None:
    """A name standing right before the verb group, after a comma or at the head of the
    sentence, that the parse took for an apposition of a fronted adjunct ("À l'inverse
    de ses rivaux, X a annoncé que …")."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children
                            if c.dep_.startswith("aux") and c.i < verb.i])
    j = first - 1
    if j < verb.sent.start or "Fin" not in verb.morph.get("VerbForm") and first == verb.i:
        return None
    tok = doc[j]
    if tok.ent_type_ not in ("PER", "ORG", "LOC") or tok.pos_ not in ("PROPN", "NOUN"):
        return None
    k = j
    while k > verb.sent.start and doc[k].ent_iob_ == "I":
        k -= 1
    if k > verb.sent.start and doc[k - 1].text != ",":
        return None
    if not any(doc[m].is_upper or doc[m].is_title for m in range(k, j + 1)):
        return None
    return tok


def _segments_between(doc: Doc, start: int, end: int) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in doc[start:end]:
        if tok.text == ",":
            segments.append([])
        elif not is_space(tok):
            segments[-1].append(tok)
    return [seg for seg in segments if seg]


def _segments_before(verb: Token) -> list[list[Token]] | None:
    """The comma-set segments between the head of the sentence and a verb group that
    follows a comma, left to right (at most 40 tokens back)."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children
                            if c.dep_.startswith("aux") and c.i < verb.i])
    comma = previous_word(doc[first])
    if comma is None or comma.text != ",":
        return None
    start = max(_local_start(doc, verb.sent, verb.i), comma.i - 40)
    segments: list[list[Token]] = [[]]
    for tok in doc[start:comma.i]:
        if tok.text == ",":
            segments.append([])
        elif not is_space(tok):
            segments[-1].append(tok)
    return [seg for seg in segments if seg]


def _name_segment(seg: list[Token]) -> bool:
    """"Jean Dupont", "Marie-Claire Roux": capitalised words only, one of them a name
    (the tagger may take a first name for a verb)."""
    words = [t for t in seg if not is_mark(t)]
    return 0 < len(words) <= 5 and all(t.is_title or t.pos_ == "PROPN" for t in words) and \
        any(t.pos_ == "PROPN" or t.ent_type_ in ("PER", "ORG") for t in words) and \
        words[0].pos_ != "DET"


def _role_segment(seg: list[Token]) -> bool:
    """"porte-parole du mouvement", "maire « modéré » de Lyon", "l'ancien ministre":
    a noun phrase without a verb of its own."""
    if seg[0].lower_ in ("qui", "que", "qu'", "dont", "où", "en", "selon") or \
            seg[0].pos_ in ("ADP", "ADV", "CCONJ", "SCONJ", "PRON"):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in seg) and not any(
        is_finite(t) and t.pos_ in ("VERB", "AUX") and not t.is_title and
        not _agent_noun(t) for t in seg)  # ("fondateur" may be tagged a verb)


def _leading_adjunct(segments: list[list[Token]]) -> bool:
    """Only fronted adjuncts before the subject: a time ("Vers 7h40"), a prepositional
    phrase, a gerund (with a relative inside it)."""
    from recoupe.quotes.speakers import TEMPORAL

    for seg in segments:
        head = seg[0]
        if head.pos_ in ("ADP", "ADV") or head.lower_ in TEMPORAL or head.lower_ == "en" or \
                head.like_num or head.is_punct:
            continue
        return False
    return True


def _apposed_subject(verb: Token) -> Token | None:
    """"Vers 7h40, Jean Dupont, porte-parole des « X », estime que …", "L'entraîneur,
    Jean Dupont, juge que …": the parse lost the subject of a verb that follows a name
    and its comma-set apposition (or a role and the name apposed to it). The name
    speaks (an apposed role is no part of the mention)."""
    if not (is_finite(verb) or any(c.dep_.startswith("aux") and is_finite(c)
                                   for c in verb.children) or verb.pos_ == "NOUN"):
        return None
    segments = _segments_before(verb)
    if not segments or len(segments) < 2:
        return None
    last, before = segments[-1], segments[-2]
    if _name_segment(before) and _role_segment(last) and _leading_adjunct(segments[:-2]):
        return next(t for t in before if not is_mark(t))
    if _name_segment(last) and _role_segment(before) and _leading_adjunct(segments[:-2]) \
            and before[0].pos_ == "DET":
        return next(t for t in last if not is_mark(t))
    return None


def _participle_subject(verb: Token) -> Token | None:
    """"Il maintient sa contestation …, affirmant que …": a present participle after a
    comma reports for the subject of its sentence's main verb, which opens the
    sentence (the parse may have hung the participle on a verb in between)."""
    if "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return None
    before = previous_word(verb)
    if before is None or before.text != ",":
        return None
    root = verb.sent.root
    if root.i >= verb.i or not (is_finite(root) or any(
            c.dep_.startswith("aux") and is_finite(c) for c in root.children)):
        return None
    for child in root.children:
        if child.i < root.i and child.dep_ in ("nsubj", "expl:subj") and (
                child.pos_ in ("PROPN", "NOUN") and is_speaker_like(child) or
                child.lower_ in ("il", "elle", "ils", "elles")) and \
                lemma(root) not in IMPERSONAL_VERBS:
            return child
    return None


IMPERSONAL_VERBS = frozenset("falloir être avoir sembler paraître rester agir "
                             "exister manquer arriver".split())


# Adverbials that may stand between a subject and its verb group: "a en outre précisé",
# "a par ailleurs souligné", "a pour sa part affirmé".
GROUP_ADVERBIALS = frozenset("en outre par ailleurs pour sa son leur part de côté aussi "
                             "également encore déjà ensuite enfin lui elle eux cependant "
                             "toutefois néanmoins pourtant surcroît nouveau effet "
                             "plus".split())


def _noun_phrase_before(verb: Token) -> Token | None:
    """"La direction juge que …" (the verb tagged an adjective of the noun), "La police
    a en outre précisé que …" (the verb swallowed by an adverbial): a noun phrase that
    opens the sentence, right before the verb group, is its subject."""
    doc = verb.doc
    start = _local_start(doc, verb.sent, verb.i)
    j = verb.i - 1
    if doc[j].text == "," and j - 4 > start:
        # "L'opérateur a, à son tour, menacé de …": a parenthetical set off by commas.
        opening = next((k for k in range(j - 1, max(start, j - 6), -1) if doc[k].text == ","),
                       None)
        if opening is not None and all(t.lower_ in GROUP_ADVERBIALS or t.pos_ in ("ADP", "DET", "ADV")
                                       or t.lower_ in ("tour", "part", "côté")
                                       for t in doc[opening + 1:j]):
            j = opening - 1
    while j > start and (is_space(doc[j]) or doc[j].lower_ in GROUP_ADVERBIALS or
                         doc[j].pos_ == "ADV" and doc[j].lower_ not in ("ne", "n'") or
                         doc[j].lemma_ in ("avoir", "être") and doc[j].pos_ in ("AUX", "VERB")
                         and "Fin" in doc[j].morph.get("VerbForm")):
        j -= 1
    # j: the last word of the noun phrase; k: its determiner (past "de" complements).
    k = j
    while k > start and (doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or
                         doc[k].lower_ in ("de", "du", "des", "d'", "d’") and k < j or
                         doc[k].pos_ == "DET" and doc[k - 1].lower_ in ("de", "d'", "d’")) and \
            (doc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") or
             doc[k - 1].lower_ in ("de", "du", "des", "d'", "d’")):
        k -= 1
    if doc[k].pos_ != "DET":
        return None
    if k != start:
        # "Cent ans après …, des scientifiques du projet X ont annoncé …": only fronted
        # adjuncts before the noun phrase.
        if doc[k - 1].text != ",":
            if not _bare_fronted_phrase(doc, start, k):
                return None
        else:
            segments = _segments_between(doc, start, k - 1)
            if not segments or not _leading_adjunct(segments):
                return None
    head = next((t for t in doc[k + 1:j + 1] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or head.i == verb.i:
        return None
    if not (is_speaker_like(head) or head.pos_ == "PROPN" or head.ent_type_ in ("PER", "ORG")
            or _agent_noun(head) or lexicon.is_source_noun(head.lower_) or
            head.is_title and head.i > head.sent.start):
        return None  # (a capitalised noun: a people, "Les Afghans ont … accusé …")
    return head


def _bare_fronted_phrase(doc: Doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` one short prepositional phrase opening the sentence with no
    comma after it ("Dans son rapport le juge estime …", "Au cours du débat la candidate a
    reconnu …")? Only a preposition, then determiners, nouns, adjectives, participles
    and "de"."""
    words = [t for t in doc[start:end] if not is_space(t)]
    if not 2 <= len(words) <= 7 or words[0].pos_ != "ADP":
        return False
    return any(t.pos_ == "NOUN" for t in words) and all(
        t.pos_ in ("ADP", "DET", "NOUN", "ADJ", "NUM") or
        t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") for t in words)


def _marked_title_subject(verb: Token) -> Token | None:
    """"« Quotidien » a affirmé que …": a programme or paper named in marks at the head
    of the sentence, right before the verb group, is its subject."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children
                            if c.dep_.startswith("aux") and c.i < verb.i])
    close = previous_word(doc[first])
    if close is None or close.text not in ("»", "”", "\""):
        return None
    start = _local_start(doc, verb.sent, verb.i)
    while start < close.i and (is_space(doc[start]) or doc[start].text in ("–", "—", "-")):
        start += 1
    if not is_mark(doc[start]) or not 1 <= close.i - start - 1 <= 4:
        return None
    inner = [t for t in doc[start + 1:close.i] if not is_space(t)]
    if not inner or not inner[0].is_title or any(t.pos_ in ("VERB", "AUX") and not t.is_title
                                                 for t in inner):
        return None
    return inner[0]


def _narrative_subject(verb: Token) -> Token | None:
    """"Et le maire d'ajouter que …", "Les syndicats, eux, de répondre que …": the
    narrative infinitive's subject is the noun phrase or stressed pronoun before "de"
    at the head of the sentence."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return None
    de = previous_word(verb)
    if de is None or de.lower_ not in ("de", "d'", "d’"):
        return None
    doc = verb.doc
    start = _local_start(doc, verb.sent, verb.i)
    lead = [t for t in doc[start:de.i] if not is_space(t) and t.text != ","]
    if lead and lead[0].lower_ in ("et", "puis", "mais"):
        lead = lead[1:]
    if not lead or len(lead) > 8 or any(t.pos_ in ("VERB", "AUX") and not t.is_title or
                                        is_mark(t) or t.pos_ == "ADP" and t is lead[0]
                                        for t in lead):
        return None
    if lead[-1].lower_ in ("lui", "elle", "eux", "elles") and len(lead) > 1:
        lead = lead[:-1]  # "Les syndicats, eux, de …": the phrase before the pronoun
    head = next((t for t in lead if t.pos_ in ("PROPN", "NOUN")), None)
    if head is None and len(lead) == 1 and lead[0].lower_ in ("lui", "elle", "eux", "elles"):
        return lead[0]
    if head is None or not (is_speaker_like(head) or head.pos_ == "PROPN" or
                            head.ent_type_ in ("PER", "ORG") or _agent_noun(head)):
        return None
    return head


def _fronted_participle(verb: Token) -> bool:
    """A present participle opening its sentence's first clause (after a fronted
    adjunct at most): "Sur RTL, rappelant que …, X a …"."""
    if "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return False
    doc = verb.doc
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                   for t in doc[verb.sent.start:verb.i])


def _under_a_preposition(tok: Token) -> bool:
    before = previous_word(tok)
    return before is not None and before.pos_ == "ADP"


def _main_subject_after(start: Token, sentence: Span, verb: Token) -> Token | None:
    """The subject noun right after the comma that ends a fronted participle's report."""
    doc = verb.doc
    end = clause_end(start, sentence, verb)
    if end >= sentence.end or doc[end].text != ",":
        return None
    for tok in doc[end + 1:min(sentence.end, end + 5)]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            if tok.pos_ == "PRON" and tok.lower_ not in lexicon.SUBJECT_PRONOUNS:
                return None
            return tok if tok.pos_ == "PRON" or is_speaker_like(tok) or \
                tok.ent_type_ in ("PER", "ORG") or _agent_noun(tok) else None
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _impersonal_il(verb: Token, speaker: Token | None, rule: str | None) -> bool:
    """"Il lui est reproché d'avoir …", "Il est précisé que …": "il" before a passive
    reporting verb with a que-clause, or with an infinitive and a dative ("lui", "à X"),
    is impersonal (a personal passive takes neither: "il est accusé de …")."""
    doc = verb.doc
    group = [t for t in doc[max(verb.sent.start, verb.i - 4):verb.i]]
    il = next((t for t in group if t.lower_ == "il"), None)
    if il is None or speaker is not None and speaker.i != il.i:
        return False
    if "Part" not in verb.morph.get("VerbForm") or not any(
            t.lemma_ == "être" and t.pos_ == "AUX" for t in doc[il.i + 1:verb.i]):
        return False
    if rule == "que":
        return True
    dative = any(t.lower_ in ("lui", "leur") for t in doc[il.i + 1:verb.i]) or \
        any(t.lower_ in ("à", "au", "aux") for t in doc[verb.i + 1:min(len(doc), verb.i + 3)])
    return rule == "infinitive" and dative


def _institutional(subject: Token | None) -> bool:
    """A named organisation or a noun for people or institutions, not a pronoun: the
    makers of forecasts ("l'institut prévoit que …")."""
    if subject is None or subject.pos_ == "PRON":
        return False
    return subject.ent_type_ == "ORG" or subject.pos_ == "NOUN" and (
        is_speaker_like(subject) or _agent_noun(subject)) or any(
        c.dep_ in ("nmod", "appos", "flat:name") and c.ent_type_ == "ORG"
        for c in subject.children)


def _mute(subject: Token) -> bool:
    """"Les auditions ont révélé que …", "l'autopsie a montré que …": findings show,
    nobody says (a named issuer still speaks through them)."""
    if subject.pos_ != "NOUN" or subject.ent_type_ or \
            subject.lemma_.lower() not in lexicon.EVIDENCE_NOUNS:
        return False
    return not any(c.dep_ in ("nmod", "appos") and (is_speaker_like(c) or c.ent_type_)
                   for c in subject.children)


# Rules and texts that require something without anyone saying it.
RULE_NOUNS = frozenset("""
    consigne consignes règle règles règlement règlements loi lois code codes norme normes
    procédure procédures protocole protocoles statut statuts contrat contrats convention
    conventions traité traités constitution directive directives clause clauses
    charte chartes réglementation législation
""".split())


def _rule_subject(verb: Token, speaker: Token) -> bool:
    subject = speaker
    if speaker.lower_ in ("qui", "lequel", "laquelle", "lesquels", "lesquelles") and \
            verb.dep_ == "acl:relcl":
        subject = verb.head
    return subject.pos_ == "NOUN" and (subject.lower_ in RULE_NOUNS or
                                       subject.lemma_.lower() in RULE_NOUNS)


def _fronted_source(tok: Token) -> Token | None:
    """The X of a "Selon X, …" that opens the sentence holding ``tok``."""
    doc = tok.doc
    start = _local_start(doc, tok.sent, tok.i)
    first = doc[start]
    while is_space(first) and first.i < tok.i:
        first = doc[first.i + 1]
    if first.lower_ not in ("selon", "d'", "d’") or first.i >= tok.i:
        return None
    cue = source_cue(first)
    return cue.speaker if cue is not None else None


def _learned_from(verb: Token, sentence: Span) -> Candidate | None:
    """"…, a-t-on appris auprès de la préfecture", "…, a appris l'AFP de source policière":
    the news agency's formula; the report comes first, its source after "auprès de" or
    "de source"."""
    from recoupe.quotes.cues import verb_group

    doc = verb.doc
    source = None
    for i in range(verb.i + 1, min(sentence.end, verb.i + 8)):
        low = doc[i].lower_
        if low == "auprès" and i + 2 < len(doc) and doc[i + 1].lower_ in ("de", "du", "des",
                                                                        "d'"):
            j = i + 2
            while j < sentence.end and doc[j].pos_ in ("DET", "ADJ"):
                j += 1
            source = doc[j] if j < sentence.end and doc[j].pos_ in ("NOUN", "PROPN") else None
            break
        if low == "source" and doc[i - 1].lower_ in ("de", "d'"):
            source = doc[i]
            break
    if source is None:
        return None
    group = verb_group(verb)
    before = previous_word(group[0])
    if before is None or before.text != "," or before.i <= sentence.start:
        return None
    start = _local_start(doc, sentence, before.i)
    begin, end = trimmed_offsets(doc, doc[start].idx, before.idx)
    if end <= begin:
        return None
    cue = cue_of_verb(verb, "learned", source)
    return Candidate("indirect", begin, end, "indirect-learned", 0.7, cue=(cue.start, cue.end),
                     cue_token=verb, speaker_token=source)


def _introduces_speech(verb: Token) -> bool:
    """A verb that reports words only as such: "a twitté : …", "a lancé : …"."""
    return (verb.pos_ == "VERB" or looks_like_verb(verb)) and \
        (lexicon.introduces_direct(lemma(verb)) or lexicon.phrasal_cue(verb))


def _colon_report(verb: Token) -> Candidate | None:
    """"a twitté : ne baissons jamais la garde …": unmarked words after a colon."""
    sentence = verb.sent
    start_tok = _colon_after(verb, sentence)
    if start_tok is None:
        return None
    cue = cue_of_verb(verb, "colon")
    if cue.speaker is None:
        return None
    end_index = clause_end(start_tok, sentence, verb)
    if end_index <= start_tok.i:
        return None
    last = verb.doc[end_index - 1]
    start, end = trimmed_offsets(verb.doc, start_tok.idx, last.idx + len(last.text))
    if end <= start:
        return None
    return Candidate("indirect", start, end, "indirect-colon", 0.7, cue=(cue.start, cue.end),
                     cue_token=verb, speaker_token=cue.speaker)


def _unmarked_incise(verb: Token, sentence: Span) -> Candidate | None:
    """"Le véhicule a explosé …, a déclaré le policier Mohamed Abdulkadir": the report
    comes first, the verb and its inverted subject after a comma."""
    from recoupe.quotes.cues import _finite_or_compound, _inverted_noun_subject, verb_group
    from recoupe.quotes.tokens import inverted_subject

    if not _finite_or_compound(verb) or lemma(verb) in lexicon.DIRECTIVE or \
            any(c.dep_ == "aux:pass" for c in verb.children):
        return None
    group = verb_group(verb)
    before = previous_word(group[0])
    if before is None or before.i <= sentence.start:
        return None
    # The report ends at the comma before the verb group, or right before the verb.
    boundary = before
    if before.text != ",":
        # "… d'ici à 2022 assure Christophe Castaner.": without a comma, only a named
        # speaker closing the sentence right after the verb makes an incise.
        after = next_word(verb)
        if after is None or after.pos_ != "PROPN" or after.ent_type_ != "PER" or \
                not _ends_clause(after) or before.is_punct or len(group) > 1:
            return None
        boundary = group[0]
    subject = subject_of(verb)
    late = _late_subject(verb) if before.text == "," else None
    clitic = inverted_subject(verb)
    if subject is not None and subject.i < verb.i and late is None and not _clause_between(
            subject, verb) and not (
            clitic is not None and clitic.i == verb.i + 1 and clitic.text.startswith("-")):
        # (A hyphenated pronoun after the verb is its subject, whatever the parse says:
        # "…, estime-il.")
        return None
    speaker = inverted_subject(verb) or late or _inverted_noun_subject(verb, sentence.end)
    if speaker is None or speaker.dep_ in ("iobj", "obl:mod", "obl:arg"):
        return None
    if speaker.dep_ == "obj" and speaker is not late and \
            not (is_speaker_like(speaker) and _ends_clause(speaker)):
        # "…, a déclaré le policier X." : the parser may take the inverted subject for
        # an object; a speaker closing the sentence is the subject.
        return None
    doc = verb.doc
    start = _local_start(doc, sentence, boundary.i)
    for i in range(start, boundary.i):
        if doc[i].text == ";" or doc[i].text == ":" and any(
                is_finite(t) and t.pos_ in ("VERB", "AUX") for t in doc[start:i]):
            # (a verbless heading before a colon belongs to the report: "Un retard dû à
            # une panne : le réseau …, explique X.")
            start = i + 1
    while start < boundary.i and (is_space(doc[start]) or doc[start].is_punct and
                                  not is_mark(doc[start])):
        start += 1
    if boundary.i - start < 3:
        return None
    begin, end = trimmed_offsets(doc, doc[start].idx, boundary.idx)
    if end <= begin:
        return None
    cue = cue_of_verb(verb, "incise", speaker)
    return Candidate("indirect", begin, end, "indirect-incise", 0.75, cue=(cue.start, cue.end),
                     cue_token=verb, speaker_token=speaker)


def _clause_between(subject: Token, verb: Token) -> bool:
    """"Un décalage … : …, elle est en ce moment de …, explique X": a finite verb of its
    own between the parsed subject and the verb, which follows a comma — the parse
    took the heading noun of the reported sentence for the incise verb's subject."""
    doc = verb.doc
    before = previous_word(verb)
    if subject.i > verb.i or before is None or before.text != ",":
        return False
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and
               t.dep_ not in ("acl:relcl", "acl") and
               not any(c.lower_ in ("qui", "que", "qu'", "dont", "où") for c in t.children)
               and not any(c.lower_ in ("qui", "que", "qu'", "dont", "où")
                           for c in t.head.children if t.dep_ in ("cop", "aux", "aux:tense"))
               for t in doc[subject.i + 1:before.i])


def _apposition_closes(child: Token) -> bool:
    """"…, explique un communiqué de X, l'association regroupant …." : the mention and
    a comma-set apposition without a finite verb close the sentence."""
    doc = child.doc
    i = max(t.i for t in child.subtree) + 1
    end = child.sent.end
    if i >= end or doc[i].text != ",":
        return False
    rest = [t for t in doc[i + 1:end] if not is_space(t)]
    if not rest or rest[0].pos_ not in ("DET", "NOUN", "PROPN"):
        return False
    return not any("Fin" in t.morph.get("VerbForm") or is_mark(t) or t.text in (",", ";", ":")
                   for t in rest[:-1]) and rest[-1].text in (".", "!", "?", "…")


def _late_subject(verb: Token) -> Token | None:
    """"…, a annoncé l'administration.", "…, a précisé un de ses avocats.": the parser
    may take the inverted subject for an object and the verb for a conjunct of the
    sentence's main verb. A person or institution closing the sentence right after the
    verb, agreeing with it in number, and no subject of the verb's own, is its subject."""
    if any(c.dep_.startswith("nsubj") and not _clause_between(c, verb)
           for c in verb.children):
        return None
    number = _group_number(verb)
    for child in verb.children:
        if child.i <= verb.i or child.dep_ not in ("obj", "nsubj", "appos"):
            continue
        if _time_word(child) and not child.is_title:
            continue  # "…, a révélé lundi l'émission X": the day is no object
        if any(t.text == "," for t in verb.doc[verb.i + 1:child.i]):
            return None
        can_speak = child.ent_type_ in ("PER", "ORG") or child.pos_ == "PROPN" or \
            child.pos_ == "NOUN" and (is_speaker_like(child) or _agent_noun(child) or
                                      lexicon.is_source_noun(child.lower_)) or \
            child.lower_ in ("un", "une", "l'un", "l'une") and any(
                c.dep_ == "nmod" and (is_speaker_like(c) or _agent_noun(c))
                for c in child.children)
        issuer = None
        if not can_speak and child.pos_ == "NOUN" and (lexicon.is_document_noun(lemma(child)) or
                                                       lexicon.is_document_noun(child.lower_)):
            # "…, explique un communiqué de l'association.": the issuer speaks.
            issuer = next((c for c in child.children if c.dep_ == "nmod" and (
                is_speaker_like(c) or _agent_noun(c) or any(
                    t.ent_type_ or t.pos_ == "PROPN" or t.is_title and t.pos_ == "NOUN"
                    for t in c.subtree))), None)
            can_speak = issuer is not None
        if not can_speak or not (_ends_clause(child) or _apposition_closes(child)):
            return None
        child_number = child.morph.get("Number")
        if number and child_number and number[0] != child_number[0] and \
                child.pos_ != "PROPN":
            return None
        return issuer or child
    return None


def _group_number(verb: Token) -> list[str]:
    """The number of the verb group's finite form ("a annoncé" → Sing)."""
    for tok in [c for c in verb.children if c.dep_.startswith("aux")] + [verb]:
        if is_finite(tok) and tok.morph.get("Number"):
            return tok.morph.get("Number")
    return []


def _ends_clause(token: Token) -> bool:
    """Does the mention close its sentence, but for a time or a place ("a annoncé la
    SNCF mercredi soir.", "… à l'AFP.")?"""
    from recoupe.quotes.speakers import ADVERBIAL_CASES, TEMPORAL

    doc = token.doc
    i = max(t.i for t in token.subtree) + 1
    while i < token.sent.end and (is_space(doc[i]) or doc[i].lower_ in TEMPORAL or
                                  doc[i].lower_ in ADVERBIAL_CASES or
                                  doc[i].pos_ in ("DET", "NUM") or
                                  (doc[i].pos_ in ("NOUN", "PROPN") and i > 0 and
                                   (doc[i - 1].lower_ in ADVERBIAL_CASES or
                                    doc[i - 1].pos_ == "DET" or
                                    doc[i - 1].lower_ in TEMPORAL))):
        i += 1
    return i >= token.sent.end or doc[i].text in (".", ";", "!", "?", "…")


def _quotation_of(doc: Doc, tok: Token):
    """The outer quotation region holding ``tok``, if any."""
    for region in doc._.quote_regions or []:
        if not region.depth and region.start <= tok.idx < region.end:
            return region
    return None


def _impersonal_passive(verb: Token) -> bool:
    """"Il est demandé aux cheminots de …": a report without an agent."""
    return any(c.dep_ in ("expl:subj", "expl:pass") and c.lower_ == "il" for c in verb.children) \
        and any(c.dep_ == "aux:pass" for c in verb.children)


def source_reports(doc: Doc) -> list[Candidate]:
    """"Selon X, …", "…, selon X.", "D'après X, …", "Pour X, …"."""
    candidates = []
    for tok in doc:
        low = tok.lower_
        if low in ("selon",) or low in ("d'", "d’") and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].lower_ == "après":
            cue = source_cue(tok)
        elif low == "pour" and _may_attribute(tok) and _opinion_pour(tok):
            cue = source_cue(tok)
            if cue is not None:
                cue.rule = "pour"
        elif low == "comme":
            cue = as_cue(tok)
        elif low == "ainsi" and tok.i + 2 < len(doc) and is_que(doc[tok.i + 1]) and \
                doc[tok.i + 2].lower_ in ("l'", "l’"):
            # ", ainsi que l'a annoncé X": as "comme l'a annoncé X".
            cue = as_cue(doc[tok.i + 1])
            if cue is not None:
                cue.start, cue.token = tok.idx, tok
        elif low in PHRASE_STARTS:
            phrase = _source_phrase(tok)
            if phrase is None:
                continue
            cue = source_cue(phrase[-1])
            if cue is not None:
                cue.start = tok.idx
                cue.token = tok
        else:
            continue
        if cue is not None and cue.speaker is not None:
            maker = _made_by(cue.speaker) or _adjacent_issuer(cue.speaker)
            if maker is not None:
                # "selon les recherches menées par l'organisation X": X speaks.
                cue.speaker = maker
        if cue is not None and cue.speaker is not None and \
                cue.speaker.lower_ in RELATIVE_SOURCES and cue.speaker.i == tok.i + 1:
            # "la rumeur selon laquelle …", "un témoin selon lequel …": the antecedent is
            # the source, and the relative clause what it says.
            found = _relative_source_report(tok, cue)
            if found is not None:
                candidates.append(found)
            continue
        if cue is None or cue.speaker is None or _authorless(cue.speaker) or \
                not _can_be_a_source(cue.speaker) or _quotation_of(doc, tok) is not None:
            # "selon leur orientation sexuelle" inside quoted words attributes nothing.
            continue
        span = _governed_clause(tok, cue)
        if span is None:
            continue
        start, end = span
        if end <= start:
            continue
        candidates.append(Candidate(
            "indirect", start, end, f"indirect-{cue.rule}", 0.75,
            cue=(cue.start, cue.end), cue_token=cue.token, speaker_token=cue.speaker,
        ))
    return candidates


RELATIVE_SOURCES = frozenset({"lequel", "laquelle", "lesquels", "lesquelles"})


def _relative_source_report(prep: Token, cue: Cue) -> Candidate | None:
    """"un témoin selon lequel le camion roulait vite": indirect, with the antecedent as
    speaker, when it can speak; "la rumeur selon laquelle …" reports nobody."""
    doc = prep.doc
    antecedent = previous_word(prep)
    if antecedent is not None and antecedent.text == ",":
        antecedent = previous_word(antecedent)
    if antecedent is not None and antecedent.pos_ == "ADJ" and antecedent.dep_ == "amod":
        antecedent = antecedent.head  # "le Courrier picard selon lequel"
    if antecedent is None or antecedent.pos_ not in ("NOUN", "PROPN"):
        return None
    while antecedent.dep_ in ("nmod", "flat:name", "flat", "amod") and \
            antecedent.head.i < antecedent.i and antecedent.head.pos_ in ("NOUN", "PROPN"):
        antecedent = antecedent.head  # "au ministère de la Justice, selon lequel"
    lem = antecedent.lemma_.lower()
    if lexicon.is_speech_noun(lem) or lexicon.is_document_noun(lem) or \
            lexicon.is_speech_noun(antecedent.lower_):
        # "une révélation du journal X selon laquelle …": the issuer speaks; "les
        # informations selon lesquelles …": nobody named.
        issuer = next((c for c in antecedent.children if c.dep_ == "nmod" and c.i > antecedent.i
                       and (c.ent_type_ in ("PER", "ORG") or c.pos_ == "PROPN" or c.is_title or
                            is_speaker_like(c))), None)
        if issuer is None:
            return None
        antecedent = issuer
    elif lem in ("rumeur", "idée", "hypothèse", "thèse", "théorie", "principe", "logique"):
        return None  # "la rumeur selon laquelle …": a claim, nobody named
    elif not (antecedent.ent_type_ in ("PER", "ORG") or antecedent.pos_ == "PROPN" or
            antecedent.pos_ == "NOUN" and (is_speaker_like(antecedent) or
                                           _agent_noun(antecedent))):
        return None
    start_tok = next_word(cue.speaker)
    if start_tok is None or start_tok.i >= prep.sent.end:
        return None
    end_index = clause_end(start_tok, prep.sent)
    # The relative ends where the main clause's verb resumes: "… selon lequel A a été
    # entendu" cannot be told apart without a comma, so only a closing comma is trusted.
    if end_index <= start_tok.i:
        return None
    last = doc[end_index - 1]
    start, end = trimmed_offsets(doc, start_tok.idx, last.idx + len(last.text))
    if end <= start:
        return None
    cue.speaker = antecedent
    return Candidate("indirect", start, end, f"indirect-{cue.rule}", 0.7,
                     cue=(cue.start, cue.end), cue_token=cue.token, speaker_token=antecedent)


PHRASE_STARTS = frozenset(p[0] for p in lexicon.SOURCE_PHRASES)
CLAUSE_JOINERS = frozenset({"mais", "et", "or", "car", "donc", "puis"})


PHRASE_SECONDS = frozenset(p[1] for p in lexicon.SOURCE_PHRASES)


def _source_phrase(tok: Token) -> list[Token] | None:
    """"aux yeux de X", "de l'avis de X", "à en croire X": the phrase's tokens."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_.replace("’", "'") not in PHRASE_SECONDS:
        return None  # cheap exit: most "de", "à", "aux" start no phrase
    for phrase in lexicon.SOURCE_PHRASES:
        end = tok.i + len(phrase)
        if end <= len(doc) and tuple(t.lower_.replace("’", "'") for t in doc[tok.i:end]) == phrase:
            return list(doc[tok.i:end])
    return None


# Participles that name the author of a piece of work ("menées par", "réalisée par"), not
# whoever passes it on ("diffusées par", "relayé par").
AUTHORING = frozenset("mener réaliser conduire effectuer rédiger établir produire signer "
                      "écrire publier commander commanditer élaborer préparer dresser "
                      "compiler coordonner financer transmettre communiquer fournir "
                      "annoncer dévoiler".split())


def _made_by(source: Token) -> Token | None:
    """The agent of a participle describing a document or a piece of work: "les
    recherches menées par l'organisation X", "une étude publiée par l'institut Y"."""
    if source.pos_ != "NOUN" or is_speaker_like(source):
        return None
    for child in source.children:
        if child.dep_ != "acl" or child.i < source.i or "Part" not in child.morph.get("VerbForm") \
                or lemma(child) not in AUTHORING:
            continue  # "des images diffusées par X": X only passes them on
        for agent in child.children:
            if agent.dep_ == "obl:agent" or agent.dep_.startswith("obl") and any(
                    c.lower_ == "par" and c.dep_ == "case" for c in agent.children):
                if agent.ent_type_ in ("PER", "ORG") or agent.pos_ == "PROPN" or \
                        is_speaker_like(agent) or _agent_noun(agent):
                    return agent
    return None


def _adjacent_issuer(source: Token) -> Token | None:
    """"selon les informations d'un porte-parole de la police": the issuer written right
    after a document or speech noun, whatever the parse attached it to."""
    low, lem = source.lower_, source.lemma_.lower()
    if source.pos_ != "NOUN" or not (lexicon.is_document_noun(lem) or
                                     lexicon.is_speech_noun(lem) or
                                     lexicon.is_document_noun(low) or lem in lexicon.AUTHORLESS):
        return None
    doc = source.doc
    i = source.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("de", "d'", "d’", "du", "des"):
        return None
    if any(c.dep_ == "nmod" and c.i > source.i for c in source.children):
        return None  # the parse has the complement already
    i += 1
    while i < min(len(doc), source.i + 5) and doc[i].pos_ in ("DET", "ADJ", "NUM"):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[i]
    if head.ent_type_ in ("PER", "ORG") or head.pos_ == "PROPN" or is_speaker_like(head) or \
            _agent_noun(head):
        return head
    return None


def _authorless(source: Token) -> bool:
    """"selon les sondages", "selon le Code du travail": figures, polls and legal texts
    without an issuer report nobody's words (a call or a communiqué still does)."""
    from recoupe.quotes.speakers import issuer_of

    if source.lower_ in ("termes", "terme") and source.pos_ == "NOUN":
        # "selon les termes de l'accord": the wording of a text, which says it itself.
        text = next((c for c in source.children if c.dep_ == "nmod" and c.i > source.i), None)
        if text is not None and (text.lemma_.lower() in TEXT_NOUNS or
                                 text.lemma_.lower() in lexicon.AUTHORLESS):
            return True
    if source.lemma_.lower() not in lexicon.AUTHORLESS and source.lower_ not in \
            lexicon.AUTHORLESS:
        return False
    return issuer_of(source) is None


# Agreements and legal texts whose terms state what they provide, nobody's words.
TEXT_NOUNS = frozenset("accord accords contrat contrats traité traités convention "
                       "conventions protocole charte statut statuts pacte loi décret "
                       "règlement".split())


def _can_be_a_source(source: Token) -> bool:
    """"selon le chauffeur", "selon un appel intercepté", "selon lui", "selon les
    connaissances du journal" — but not "selon leur orientation"."""
    from recoupe.quotes.speakers import issuer_of

    lemma_ = source.lemma_.lower()
    if source.pos_ == "NOUN" and (lexicon.is_yardstick(lemma_) or
                                  lexicon.is_yardstick(source.lower_)):
        # "selon les critères du BIT": a yardstick, not a statement.
        return False
    if is_speaker_like(source) or source.pos_ == "PRON" or source.ent_type_:
        return True
    if source.pos_ == "NOUN" and _agent_noun(source):
        return True
    if source.pos_ in ("NOUN", "ADJ") and (lexicon.is_source_noun(lemma_) or
                                           lexicon.is_source_noun(source.lower_)):
        # "selon la compagnie", "d'après les secours", "selon plusieurs officiels".
        return True
    if lexicon.is_document_noun(lemma_) or lexicon.is_speech_noun(lemma_):
        return True
    if issuer_of(source) is not None:
        return True
    return any(c.dep_ in ("nmod", "appos") and (is_speaker_like(c) or c.ent_type_)
               for c in source.children)


# Verbal discourse formulas that may open a sentence before "pour X,".
DISCOURSE_LEADS = frozenset({("cela", "dit"), ("ceci", "dit"), ("ceci", "étant", "dit"),
                             ("cela", "étant", "dit"), ("cela", "étant"), ("ceci", "étant"),
                             ("tout", "compte", "fait"), ("ce", "faisant")})


def _agent_noun(tok: Token) -> bool:
    """A noun naming people by what they do, by its form ("les buralistes", "les
    marins-pompiers", "le vice-procureur")."""
    plural = "Plur" in tok.morph.get("Number") or tok.lower_.endswith(("s", "x"))
    return lexicon.is_agent_noun(tok.lower_, plural)


def _may_attribute(tok: Token) -> bool:
    """Cheap test first: "pour" opens a sentence, follows punctuation, or is "pour qui"."""
    prev = previous_word(tok)
    return prev is None or prev.is_punct or prev.i < tok.sent.start or \
        prev.lower_ in SOURCE_HEAD_WORDS


ORDINAL_SUFFIXES = frozenset({"e", "è", "ème", "eme", "er", "re", "ère", "nd", "nde", "es",
                              "èmes", "ers", "res"})


def _opinion_pour(tok: Token) -> bool:
    """"Pour X, …" at the head of a sentence, X a person or an institution."""
    doc = tok.doc
    prev = previous_word(tok)
    sentence_head = prev is None or prev.i < tok.sent.start or prev.text in (";", ":", "—", "–") \
        or (prev.lower_ in SOURCE_HEAD_WORDS and (previous_word(prev) is None or
                                                  previous_word(prev).i < tok.sent.start))
    if not sentence_head and prev is not None and prev.lower_ in CLAUSE_JOINERS:
        # "…, car pour lui, …", "…; mais pour elle, …": the head of a new clause.
        before = previous_word(prev)
        sentence_head = before is not None and before.text in (",", ";")
    if prev is not None and prev.lower_ == "," and tok.i + 1 < len(doc) and \
            doc[tok.i + 1].lower_ == "qui":
        return True  # "la mère, pour qui …"
    if not sentence_head and prev is not None and prev.text == ",":
        # "Vers 18h15, pour Christophe Barré, …": only a time or place before it.
        lead = [t for t in doc[_local_start(doc, tok.sent, tok.i):tok.i] if not is_space(t)]
        sentence_head = len(lead) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in lead)
        words = tuple(t.lower_ for t in lead if t.text != ",")
        if words in DISCOURSE_LEADS:
            sentence_head = True  # "Cela dit, pour le vice-procureur, …"
    if not sentence_head:
        return False
    obj = None
    for t in doc[tok.i + 1: tok.i + 8]:
        if t.text == ",":
            break
        if t.i > tok.i + 1 and doc[t.i - 1].like_num and t.lower_ in ORDINAL_SUFFIXES:
            return False  # "Pour cette 61 e édition, …": an ordinal split off its number
        if t.pos_ in ("PROPN",) or t.ent_type_ in ("PER", "ORG") or t.lower_ in (
                "lui", "elle", "eux", "elles"):
            obj = t
            break
        if t.pos_ == "NOUN" and (t.lemma_ in SPEAKER_NOUNS or _agent_noun(t)):
            obj = t
            break
        if t.pos_ == "NOUN" and t.i == tok.i + 2 and t.text[:1].isupper() and \
                doc[tok.i + 1].text in ("Le", "La", "L'", "L’", "Les"):
            # "Pour Le Figaro, …": a capitalised article opens a title (a paper, a
            # magazine) the tagger read as a common noun.
            obj = t
            break
        if t.pos_ in ("NOUN", "PROPN"):
            # "Pour les lieux de vie des policiers, …": the head names no one.
            return False
        if t.pos_ in ("VERB", "AUX"):
            return False
    if obj is None:
        return False
    for t in doc[obj.i + 1: obj.i + 12]:
        if t.text == ",":
            return True
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":"):
            return False
    return False


def _phrase_end(cue: Cue) -> int:
    """Index one past the "selon X" phrase (X with all its modifiers)."""
    obj = cue.speaker
    tokens = list(obj.subtree) if obj is not None else [cue.token]
    end = max(t.i for t in tokens) + 1
    if obj is not None and obj.ent_type_:
        # "selon le New York Times": the whole name, however the parser cut it.
        for ent in obj.doc.ents:
            if ent.start <= obj.i < ent.end:
                end = max(end, ent.end)
    end = max(end, cue.token.i + 1)
    if cue.token.lower_ not in ("selon", "pour", "d'", "après") and obj is not None:
        end = max(end, max(t.i for t in obj.subtree) + 1)
    return end


def _governed_clause(prep: Token, cue: Cue) -> tuple[int, int] | None:
    doc = prep.doc
    sentence = prep.sent
    phrase_start = prep.i
    phrase_end = _phrase_end(cue)
    # "selon X" may have swallowed the rest of the sentence in a bad parse: stop at the
    # first comma after the object.
    obj = cue.speaker
    first_comma = None
    for t in doc[(obj.i if obj is not None else prep.i) + 1: sentence.end]:
        if t.text in (",", ";", ".", ":") or is_mark(t):
            first_comma = t.i
            break
    if first_comma is not None and first_comma < phrase_end:
        # Keep relative clauses about the source: "selon ce qu'a confié X à l'AFP".
        if not (obj is not None and obj.lower_ in ("ce",)):
            phrase_end = first_comma
    before = [t for t in doc[_local_start(doc, sentence, phrase_start):phrase_start]
              if not is_space(t)]
    head_words = [t for t in before if not _connective(t)]
    if tuple(t.lower_ for t in before if t.text != ",") in DISCOURSE_LEADS:
        head_words = []  # "Cela dit, pour X, …"
    if len(before) >= 2 and (before[-1].lower_ in CLAUSE_JOINERS and before[-2].text in (",", ";")
                             or before[-1].text == "," and before[-2].lower_ in CLAUSE_JOINERS):
        # "…, mais selon des mises en garde anonymes, les responsables …", "… et, selon
        # X, …": the source heads a new clause.
        head_words = []
    if prep.lower_ == "pour" and prep.i + 1 < len(doc) and doc[prep.i + 1].lower_ == "qui":
        # "…, pour qui sa fille a été manipulée": the rest of the relative clause.
        start_tok = doc[prep.i + 2]
        end_index = clause_end(start_tok, sentence)
        last = doc[end_index - 1]
        return trimmed_offsets(doc, start_tok.idx, last.idx + len(last.text))
    if not head_words:
        # At the head of the sentence: the clause after it.
        i = phrase_end
        while i < sentence.end and (doc[i].text == "," or is_space(doc[i])):
            i += 1
        # ("D'après le maire, interrogé par la radio, …": a participle on the source.)
        if i > phrase_end and i < sentence.end and "Part" in doc[i].morph.get("VerbForm") \
                and "Past" in doc[i].morph.get("Tense"):
            i = _past_source_modifier(doc, i, sentence.end)
        else:
            i = _past_source_modifier(doc, phrase_end, sentence.end)
        while i < sentence.end and (doc[i].text == "," or is_space(doc[i])):
            i += 1
        i = _past_head_apposition(doc, i, sentence.end, obj)
        i = _past_source_relative(doc, i, sentence.end)
        if i >= sentence.end:
            return None
        start_tok = doc[i]
        end_index = clause_end(start_tok, sentence)
        if end_index <= start_tok.i:
            return None
        last = doc[end_index - 1]
        return trimmed_offsets(doc, start_tok.idx, last.idx + len(last.text))
    after = [t for t in doc[phrase_end:sentence.end] if not is_space(t)]
    after = _past_apposition(after)
    rest_is_end = all(t.is_punct and not is_mark(t) for t in after) or (
        after and after[0].text == "," and _relative_about_source(after[1:]))
    prev = previous_word(prep)
    clause_start = _clause_start(doc, sentence, phrase_start)
    if rest_is_end or (prev is not None and prev.text == "," and
                       after and after[0].text in (";", ":")) or _paired_source(after):
        # "…, selon X." : what comes before it.
        end_tok = prev if prev is not None and prev.text == "," else prep
        return trimmed_offsets(doc, doc[clause_start].idx, end_tok.idx)
    # Inside the sentence: "Un protocole qui, selon Brisard, rappelle …" keeps the incise.
    end_index = clause_end(doc[phrase_end], sentence) if phrase_end < sentence.end \
        else sentence.end
    last = doc[max(end_index - 1, clause_start)]
    return trimmed_offsets(doc, doc[clause_start].idx, last.idx + len(last.text))


CONNECTIVE_WORDS = frozenset({"effet", "revanche", "contre", "outre", "ailleurs", "fait",
                              "réalité", "bref", "somme", "plus", "surcroît", "part"})


def _connective(tok: Token) -> bool:
    """Words that may stand before a sentence-heading "selon X," without making it an
    incise: "Toutefois,", "En effet,", "Par ailleurs,", a dateline dash."""
    if tok.lower_ in SOURCE_HEAD_WORDS or tok.lower_ in CONNECTIVE_WORDS:
        return True
    if tok.is_punct and not is_mark(tok) and tok.text not in (":", ";"):
        return True
    return tok.pos_ in ("ADV", "CCONJ") and tok.lower_ not in ("ne", "n'", "pas", "plus")


def _past_head_apposition(doc: Doc, i: int, limit: int, source: Token | None) -> int:
    """"Selon le maire, Jean Dupont, …" / "Selon Jean Dupont, vice-président de …, « … »":
    a name or a role apposed to the source, between commas, is no part of the clause."""
    if source is None or i >= limit:
        return i
    end = None
    for j in range(i, min(limit, i + 16)):
        tok = doc[j]
        if tok.text == "," or tok.text == ":" and j > i:
            end = j
            break
        if tok.pos_ in ("VERB", "AUX") and not (tok.is_title and j > i) or is_mark(tok) or \
                tok.text in (";", ":", ".", "(", ")") or is_que(tok) or \
                tok.lower_ in ("qui", "dont", "il", "elle", "ils", "elles", "on", "ce", "c'",
                               "cela", "ça"):
            return i
    if end is None or end == i:
        return i
    segment = [t for t in doc[i:end] if not is_space(t)]
    names_only = all(t.pos_ == "PROPN" or t.ent_type_ == "PER" for t in segment)
    head = segment[0] if segment[0].pos_ != "DET" or len(segment) == 1 else segment[1]
    role = head.pos_ in ("NOUN", "ADJ") and (is_speaker_like(head) or _agent_noun(head) or
                                             head.lower_.split("-")[-1] in SPEAKER_NOUNS
                                             or head is segment[0])  # a bare noun: "membre de …"
    if head.lower_ in ("un", "une", "l'un", "l'une", "l’un", "l’une") and any(
            t.pos_ == "NOUN" and (is_speaker_like(t) or _agent_noun(t)) for t in segment):
        role = True  # "Pour X, l'un des porte-parole du mouvement, …"
    person_source = source.pos_ == "NOUN" and (is_speaker_like(source) or _agent_noun(source))
    if names_only and person_source or role and (source.pos_ == "PROPN" or
                                                 source.ent_type_ == "PER"):
        k = end + 1
        while k < limit and is_space(doc[k]):
            k += 1
        return k
    return i


def _past_source_relative(doc: Doc, i: int, limit: int) -> int:
    """"Selon X, l'un de ses avocats, qui précise que « … », le procès …": a relative on
    the source, up to the comma that closes it (quoted words included), is no part of
    the clause."""
    if i >= limit or doc[i].lower_ != "qui":
        return i
    depth = 0
    for j in range(i + 1, limit):
        tok = doc[j]
        if tok.text in ("«", "“"):
            depth += 1
        elif tok.text in ("»", "”"):
            depth = max(0, depth - 1)
        elif depth == 0 and tok.text in (".", ";", ":", "!", "?"):
            return i
        elif depth == 0 and tok.text == ",":
            k = j + 1
            while k < limit and is_space(doc[k]):
                k += 1
            return k if k < limit else i
    return i


def _past_source_modifier(doc: Doc, i: int, limit: int) -> int:
    """"Selon des témoins s'exprimant sur les réseaux sociaux, il y aurait …": a verbless
    or participial tail before the comma still describes the source."""
    if i >= limit or not (doc[i].pos_ in ("VERB", "ADP") or doc[i].lower_ in ("s'", "s’", "se")):
        return i
    for j in range(i, min(limit, i + 12)):
        tok = doc[j]
        if tok.text == ",":
            return j + 1 if j > i else i
        if is_mark(tok) or tok.text in (";", ":", ".") or is_finite(tok):
            return i
    return i


def _paired_source(after: list[Token]) -> bool:
    """"2000 selon la police et 9000 selon les syndicats": a second figure with its own
    source follows, so this source vouches only for what comes before it."""
    if not after or after[0].pos_ != "CCONJ":
        return False
    for tok in after[1:6]:
        if tok.lower_ in lexicon.SOURCE_PREPOSITIONS:
            return True
        if tok.text in (",", ";", ":") or tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _past_apposition(tokens: list[Token]) -> list[Token]:
    """", Bruno Le Roux, qui …" / ", Noé21 ." / ", l'un de ses avocats, qui …": skip the
    name or the description apposed to the source."""
    if len(tokens) >= 2 and tokens[0].text == "," and tokens[1].pos_ == "PROPN":
        i = 1
        while i < len(tokens) and (tokens[i].pos_ == "PROPN" or tokens[i].ent_iob_ == "I"):
            i += 1
        tokens = tokens[i:]
    if len(tokens) >= 3 and tokens[0].text == ",":
        for i in range(1, min(len(tokens), 14)):
            tok = tokens[i]
            if tok.text == "," or tok.text in (".", "!", "?", "…") and i == len(tokens) - 1:
                rest = tokens[i:]
                if i > 1 and (all(t.is_punct and not is_mark(t) for t in rest) or
                              rest[0].text == "," and _relative_about_source(rest[1:])):
                    return rest
                break
            if tok.pos_ in ("VERB", "AUX") or is_mark(tok) or tok.is_punct or \
                    tok.lower_ in ("qui", "que", "qu'", "dont"):
                break
    return tokens


def _relative_about_source(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[0].lower_ in ("qui", "dont", "lequel", "laquelle")


def _local_start(doc: Doc, sentence: Span, before: int) -> int:
    """The start of the sentence holding token ``before``, when the parser ran two
    sentences together ("… demain. » Selon le syndicat, …")."""
    start = sentence.start
    depth = 0
    for i in range(sentence.start, before):
        tok = doc[i]
        if tok.text in ("«", "“", "‹"):
            depth += 1
        elif tok.text in ("»", "”", "›"):
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and doc[i - 1].text[-1:] in ".!?…":
                start = i + 1
        elif depth == 0 and tok.text in (".", "!", "?", "…"):
            # A full stop inside quoted words ends no sentence of the article.
            start = i + 1
    return start


def _clause_start(doc: Doc, sentence: Span, before: int) -> int:
    """Where the clause holding a final "selon X" starts: the sentence start, or after
    the last semicolon or colon before it."""
    start = _local_start(doc, sentence, before)
    depth = 0
    for i in range(start, before):
        if doc[i].text in ("«", "“", "‹"):
            depth += 1
        elif doc[i].text in ("»", "”", "›"):
            depth = max(0, depth - 1)
        elif doc[i].text == ":" and depth == 0:
            # A colon inside the quoted words splits nothing of the article's sentence.
            start = i + 1
    while start < before and (is_space(doc[start]) or doc[start].is_punct and
                              not is_mark(doc[start])):
        start += 1
    return start


def indirect_quotes(doc: Doc) -> list[Candidate]:
    return verb_reports(doc) + source_reports(doc)

