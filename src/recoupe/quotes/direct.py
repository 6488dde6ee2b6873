"""Direct quotes: words between quotation marks that someone is reported to say.

A marked region is a quote when something attributes it (a cue before a colon, an incise
after the closing mark, a speech verb it is the object of, a ``que`` or ``selon`` that
governs it) or when it reads as a complete utterance. Marked titles, names and scare
quotes are not quotes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from recoupe.pipeline.quotemarks import QuoteRegion
from recoupe.quotes import lexicon
from recoupe.quotes.candidate import Candidate
from recoupe.quotes.cues import (
    Cue, colon_lead, cue_before_colon, cue_of_verb, governing_verb, incise_after, verb_group,
)
from recoupe.quotes.speakers import is_speaker_like, mention_span, subject_of
from recoupe.quotes.tokens import (
    MARKS, is_finite, is_mark, is_que, is_space, is_verb, lemma, next_word, previous_word, text_of,
    token_at,
)

# Nouns and participles that announce a title or a name, not speech.
TITLE_WORDS = frozenset("""
    livre roman ouvrage essai film documentaire émission programme série chanson album
    titre journal quotidien hebdomadaire magazine revue opération plan projet loi
    slogan devise mouvement groupe association parti collectif festival exposition
    spectacle pièce tableau jeu site blog rubrique dossier affaire surnom nom
    intitulé intitulée intitulés baptisé baptisée baptisés surnommé surnommée nommé
    nommée appelé appelée dite dit dits dites qualifié label marque logiciel programme
    campagne hashtag mot-dièse thème devise mot d'ordre nom titre acronyme sigle
    appellation dénomination abréviation pseudonyme sobriquet
""".split())
MIN_FLOATING_WORDS = 4
# Verbs whose marked complement is a name or a term, not someone's words.
NOT_STANCE = frozenset("être avoir devenir rester sembler paraître appeler nommer "
                       "surnommer baptiser intituler lancer organiser créer fonder "
                       "publier diffuser sortir signer recevoir subir obtenir gagner "
                       "perdre vivre connaître faire mener porter remporter lire voir "
                       "regarder écouter jouer chanter interpréter écrire réaliser "
                       "produire tourner présenter animer diriger".split())


def region_tokens(doc: Doc, region: QuoteRegion) -> tuple[Token | None, Token | None, list[Token]]:
    open_tok = token_at(doc, region.open)
    close_tok = token_at(doc, region.close) if region.closed else None
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    content = list(span) if span is not None else []
    return open_tok, close_tok, content


def _words(content: list[Token]) -> list[Token]:
    return [t for t in content if not t.is_punct and not is_space(t)]


def is_title_like(open_tok: Token, content: list[Token]) -> bool:
    """« Le Monde », le film « Intouchables », l'opération « Sentinelle »."""
    before = previous_word(open_tok) if open_tok is not None else None
    if before is not None and before.i >= open_tok.sent.start and \
            (before.lower_ in TITLE_WORDS or lemma(before) in TITLE_WORDS):
        return True
    if before is not None and before.lemma_ == "être" and before.i >= open_tok.sent.start:
        # "Le thème de cette année était « Nous sommes une famille »": a name given.
        doc = open_tok.doc
        for j in range(before.i - 1, max(open_tok.sent.start, before.i - 6) - 1, -1):
            tok = doc[j]
            if tok.pos_ == "VERB" or "Rel" in tok.morph.get("PronType"):
                break  # "Ce nom désigne le ballon qui est « … »": another clause's noun
            if tok.pos_ == "NOUN" and (tok.lower_ in TITLE_WORDS or tok.lemma_ in TITLE_WORDS):
                return True
    words = _words(content)
    if not words:
        return True
    if len(words) == 1 and words[0].is_title and before is not None and \
            before.i >= open_tok.sent.start and (not before.is_punct or
                                                 before.text in ("'", "’")):
        # "les chiffres du « Canard »": one capitalised word inside a sentence is a name.
        return True
    # A short capitalised name with no verb: « Le Bastion social », « Acte VI ».
    if len(words) <= 4 and all(w.is_title or w.is_upper or w.like_num or w.pos_ in ("DET", "ADP")
                               for w in words) and not any(w.pos_ in ("VERB", "AUX")
                                                           for w in words) \
            and words[-1].is_title and len(words) > 1:
        return True
    return False


NOUN_COMPLEMENT = frozenset({"de", "d'", "d’", "du", "des"})
# Prepositions that open the name of a list, a petition or a movement ("sans étiquette").
LABEL_PREPOSITIONS = frozenset({"sans", "pour", "contre", "anti", "pro"})


def is_label_after_noun(open_tok: Token | None, content: list[Token]) -> bool:
    """"une liste de candidats « sans étiquette »", "la pétition « Pour … »": marked words
    right after a common noun phrase name or qualify that thing; nobody says them. Not
    when the noun reports speech ("sa déclaration « … »"), when the words complete it
    ("la venue « d'un noyau dur »") or when they evaluate it (an adjective)."""
    if open_tok is None:
        return False
    words = _words(content)
    if not words:
        return False
    first = words[0]
    if first.lower_ in NOUN_COMPLEMENT or first.pos_ in ("ADJ", "ADV") or \
            first.dep_ == "amod" or "Part" in first.morph.get("VerbForm") or is_que(first):
        return False
    if any(is_finite(t) for t in words) or first.pos_ == "PRON":
        return False  # a clause, someone's statement ("les casseurs « qui se cachent … »")
    if first.pos_ == "ADP" and not first.is_title and first.lower_ not in LABEL_PREPOSITIONS:
        return False  # an adverbial of the verb: "rembourser les billets « dans les … »"
    doc = open_tok.doc
    start = open_tok.sent.start
    i = open_tok.i - 1
    while i >= start and is_space(doc[i]):
        i -= 1
    if i < start or doc[i].is_punct or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if _distancing_adjective(doc[i]):
        return False  # "dénonce une prétendue « injustice »": the marks hold the noun
    # Back over the noun phrase ("une liste de militants"): its head is the first
    # common noun after a determiner.
    for j in range(i, max(start, i - 6) - 1, -1):
        tok = doc[j]
        if tok.is_punct or is_verb(tok) and tok.pos_ != "NOUN":
            return False
        if tok.pos_ == "NOUN" and j > start and doc[j - 1].pos_ == "DET":
            noun = lemma(tok)
            return not (lexicon.is_speech_noun(noun) or lexicon.is_document_noun(noun))
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM"):
            return False
    return False


# Adjectives set before a noun to question or stress it ("une prétendue « … »").
DISTANCING = frozenset("prétendu présumé supposé soi-disant véritable vrai fameux "
                       "pseudo éventuel réel authentique".split())


def _distancing_adjective(tok: Token) -> bool:
    word = tok.lower_
    for ending in ("es", "s", "e"):
        if word not in DISTANCING and word.endswith(ending) and word[:-len(ending)] in DISTANCING:
            return True
    return word in DISTANCING or (word in ("vraie", "vraies", "vrais"))


# Verbs that report what one calls something through a preposition: "parle d'un
# « montage »", "crie au « complot »".
SPEAKING_OF = {"parler": ("de", "d'", "d’", "du", "des"), "crier": ("à", "au", "aux")}


def _speaks_of(verb: Token, root: Token) -> bool:
    preps = SPEAKING_OF.get(lemma(verb))
    if preps is None:
        return False
    between = [t for t in verb.doc[verb.i + 1:root.i] if not t.is_space and not is_mark(t)]
    # Only the preposition and a determiner or adjective: "parle d'un « … »".
    return bool(between) and between[0].lower_ in preps and \
        all(t.pos_ in ("DET", "ADJ", "NUM", "ADV") for t in between[1:])


def _passive(verb: Token) -> bool:
    """"a été qualifié", "est décrit", "un pilote décrit comme …"."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if _auxiliary_before(verb) is not None:
        return False  # "avait, il y a peu, qualifié X de « … »": active, split by a comma
    if verb.dep_ == "conj" and is_verb(verb.head) and any(
            c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in verb.head.children):
        return False  # "a exprimé « … » et salué « … »": the auxiliary is shared
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
        not any(c.dep_.startswith("aux") for c in verb.children) and \
        verb.dep_ in ("acl", "amod", "xcomp", "advcl", "conj")


def _auxiliary_before(verb: Token) -> Token | None:
    """The 'avoir' of a compound tense a few words before the participle, with no other
    verb between ("il y a" aside)."""
    doc = verb.doc
    for j in range(verb.i - 1, max(verb.sent.start, verb.i - 8) - 1, -1):
        tok = doc[j]
        if tok.pos_ == "AUX" and tok.lemma_ == "avoir":
            return tok
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "fixed" and tok.lemma_ != "avoir":
            return None
    return None


def _agent_after(close_tok: Token | None) -> Token | None:
    """"« … » par Météo-France": the agent right after the marks."""
    if close_tok is None:
        return None
    after = next_word(close_tok)
    if after is None or after.lower_ != "par":
        return None
    doc = close_tok.doc
    for tok in doc[after.i + 1: min(after.i + 5, close_tok.sent.end)]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.ent_type_:
            return tok
        if tok.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def _object_cue(verb: Token, close_tok: Token | None) -> Cue | None:
    """The cue of marked words a speech or naming verb takes as its object; a passive
    with no agent ("est décrit comme « … »") names no one and reports no words."""
    cue = cue_of_verb(verb, "object")
    if _example_phrase(verb):
        noun = next_word(next_word(verb))
        cue.end = max(cue.end, noun.idx + len(noun.text))  # "prenant pour exemples"
    if cue.speaker is not None and cue.speaker.pos_ != "PRON" and _in_marks(cue.speaker) and \
            not _in_marks(verb):
        # "« … que les institutions doivent … » , prenant pour exemples « … »": the parse
        # hung the participle inside the quoted words; the main clause's subject speaks.
        root = verb.sent.root
        subject = subject_of(root) if root.i != verb.i else None
        cue.speaker = subject if subject is not None and not _in_marks(subject) and \
            subject.i < verb.i and is_speaker_like(subject) else None
    if cue.speaker is not None and not is_speaker_like(cue.speaker) and \
            "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and \
            verb.dep_ == "acl" and cue.speaker.i == verb.head.i:
        # "… une « atteinte », qualifiant X de « … »": a participle hung on a noun that
        # cannot speak shares the subject of the clause around it.
        cue.speaker = _clause_subject(verb) or cue.speaker
    if _passive(verb):
        # The subject of a passive is who is described, never the describer: only an
        # agent or a document speaks ("Qualifié de « … », il …" names no speaker).
        agent = _agent_of(verb) or _agent_after(close_tok) or _document_in_sentence(verb)
        if agent is None:
            return None
        if not is_speaker_like(agent) and not lexicon.is_document_noun(lemma(agent)) and \
                not lexicon.is_speech_noun(lemma(agent)):
            # "considérées par les éléments de l'enquête comme une « … »": evidence.
            return None
        cue.speaker = agent
    elif cue.speaker is None:
        # "La voisine avait, il y a peu, qualifié …": the subject hangs on the auxiliary.
        t = _auxiliary_before(verb)
        if t is not None:
            subjects = [subject_of(t)] + [c for c in t.head.children if c.dep_ == "nsubj"]
            for subject in subjects:
                if subject is not None and subject.i < t.i and is_speaker_like(subject):
                    cue.speaker = subject
                    break
    return cue


EXAMPLE_VERBS = frozenset("prendre citer donner choisir".split())


def _example_phrase(verb: Token) -> bool:
    """"prenant pour exemples « … »", "cite en exemple « … »": citing as an example is
    taking a stance in the words cited."""
    if lemma(verb) not in EXAMPLE_VERBS:
        return False
    nxt = next_word(verb)
    after = next_word(nxt) if nxt is not None else None
    return nxt is not None and nxt.lower_ in ("pour", "en", "comme") and \
        after is not None and after.lower_ in ("exemple", "exemples", "modèle", "modèles")


def _in_marks(tok: Token) -> bool:
    return any(r.depth == 0 and r.start <= tok.idx < r.end
               for r in tok.doc._.quote_regions or [])


def _clause_subject(verb: Token) -> Token | None:
    """The speaker-like subject of the nearest finite verb above ``verb``."""
    tok = verb.head
    for _ in range(4):
        if is_verb(tok) and tok.i != verb.i:
            subject = subject_of(tok)
            if subject is not None and is_speaker_like(subject):
                return subject
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _agent_of(verb: Token) -> Token | None:
    """The "par" agent of a passive participle, as parsed."""
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "obl:agent" or child.dep_ in (
                "obl", "obl:mod", "obl:arg") and any(c.lower_ == "par" and c.dep_ == "case"
                                                      for c in child.children)):
            return child
    return None


def _document_in_sentence(verb: Token) -> Token | None:
    """"Dans un communiqué, le risque est jugé « élevé »": the document speaks."""
    doc = verb.doc
    for tok in doc[verb.sent.start:verb.i]:
        words = (lemma(tok), tok.lemma_.lower(), tok.lower_)
        if tok.pos_ == "NOUN" and any(lexicon.is_document_noun(w) or lexicon.is_speech_noun(w)
                                      for w in words) and \
                any(c.dep_ == "case" and c.lower_ in ("dans", "selon") for c in tok.children):
            return tok
    return None


def reads_as_utterance(content: list[Token]) -> bool:
    """A complete statement (a finite verb, a few words), not a term in quotation marks."""
    words = _words(content)
    finite = any(is_finite(t) for t in words)
    last = content[-1].text if content else ""
    if finite and len(words) >= 2 and last[-1:] in ".!?…":
        return True  # « Mais nous continuerons. »
    if len(words) < MIN_FLOATING_WORDS:
        return False
    if finite:
        return True
    last = content[-1].text if content else ""
    return last[-1:] in ".!?…" and len(words) >= 6


def region_root(content: list[Token]) -> Token | None:
    """The content token whose head lies outside the region."""
    if not content:
        return None
    inside = {t.i for t in content}
    roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    roots = [t for t in roots if not t.is_punct and not is_space(t)] or roots
    return roots[0] if roots else None


def find_cue(doc: Doc, region: QuoteRegion, open_tok, close_tok, content,
             following: dict[int, Cue]) -> Cue | None:
    """What attributes the region, in order of reliability."""
    sentence = (open_tok or content[0]).sent if (open_tok or content) else None
    if sentence is None:
        return None
    before = previous_word(open_tok) if open_tok is not None else None
    # « … », a-t-il dit: the incise after the closing mark.
    if close_tok is not None:
        cue = incise_after(close_tok, close_tok.sent)
        if cue is not None:
            if "Part" in cue.token.morph.get("VerbForm") and before is not None:
                # "X s'« indigne … », réaffirmant que …": the participle shares the
                # subject of the clause the marked words belong to.
                root = region_root(content)
                own = _predicate_cue(root, open_tok) if root is not None and \
                    len(_words(content)) >= 2 else None
                if own is not None:
                    return own
            return cue
    # X a déclaré : « … »
    if before is not None and before.text == ":":
        cue = cue_before_colon(before, before.sent)
        if cue is None and reads_as_utterance(content):
            cue = colon_lead(before)
        if cue is not None:
            return cue
    # « Nous », a-t-il dit, « partirons »: an incise between two marked parts.
    if open_tok is not None and region.open in following:
        return following[region.open]
    # appelle les habitants « à rester chez eux », a exhorté X, Y, à « partir »
    if before is not None and directive_content(open_tok, content):
        verb = _directive_before(open_tok)
        if verb is not None:
            return _object_cue(verb, close_tok)
    # qualifiant de « miettes », en criant « Allah akbar »
    root = region_root(content)
    if root is not None and before is not None and not is_que(before) and \
            not (before.text in ("'", "’") and before.i > 0 and is_que(doc[before.i - 1])):
        verb = governing_verb(root)
        if verb is not None and verb.i < root.i:
            lem = lemma(verb)
            if (lexicon.introduces_direct(lem) or lem in lexicon.NAMING) and \
                    lem not in NOT_STANCE or lexicon.phrasal_cue(verb) or \
                    _speaks_of(verb, root) or _example_phrase(verb):
                # "lancera les « consultations citoyennes »" names a thing, not words.
                return _object_cue(verb, close_tok)
            cue = _stance_cue(verb, content)
            if cue is not None:
                return cue
    if root is not None and before is not None and len(_words(content)) >= 2:
        cue = _predicate_cue(root, open_tok)
        if cue is not None:
            return cue
    if close_tok is not None and len(_words(content)) >= 3:
        cue = _fronted_adjunct_cue(open_tok, close_tok, content)
        if cue is not None:
            return cue
    if before is not None:
        verb = _coordinated_object_verb(open_tok)
        if verb is not None:
            return _object_cue(verb, close_tok)
    if before is not None and not is_que(before):
        verb = verb_before(open_tok)
        if verb is not None:
            lem = lemma(verb)
            if (lexicon.introduces_direct(lem) and (lem not in NOT_STANCE or _calls_on(verb))
                    or lem in lexicon.NAMING or lexicon.phrasal_cue(verb)):
                # "fait état de « … »": a set phrase reports what it takes ("a lancé une
                # « … »" names a thing).
                return _object_cue(verb, close_tok)
            cue = _stance_cue(verb, content)
            if cue is not None:
                return cue
    if before is not None and before.text == "," and reads_as_utterance(content):
        verb = _speech_verb_past_adjuncts(open_tok)
        cue = _object_cue(verb, close_tok) if verb is not None else None
        if cue is not None and (cue.speaker is None or not is_speaker_like(cue.speaker)):
            # "(il déclarait …": a subject pronoun right before the verb group, which the
            # parse may have missed.
            pronoun = previous_word(doc[verb_group_start(verb)])
            cue.speaker = pronoun if pronoun is not None and pronoun.lower_ in (
                "il", "elle", "ils", "elles") else None
        if cue is not None and cue.speaker is not None:
            return cue
    return None


def verb_group_start(verb: Token) -> int:
    return verb_group(verb)[0].i


ADJUNCT_POS = frozenset({"ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV"})


def _speech_verb_past_adjuncts(open_tok: Token) -> Token | None:
    """"il déclarait ainsi à la radio, en 1963, « … »": a speech verb with no object,
    separated from a complete statement in marks only by adjuncts set off by commas."""
    doc = open_tok.doc
    start = open_tok.sent.start
    for j in range(open_tok.i - 1, max(start, open_tok.i - 15) - 1, -1):
        tok = doc[j]
        if is_space(tok) or tok.text == ",":
            continue
        if is_verb(tok) and tok.pos_ != "AUX" and not tok.is_title:
            lem = lemma(tok)
            if not lexicon.introduces_direct(lem) or lem in NOT_STANCE or \
                    any(c.dep_ in ("obj", "ccomp", "xcomp") and c.i < open_tok.i
                        for c in tok.children):
                return None
            return tok
        if tok.pos_ not in ADJUNCT_POS and tok.lower_ not in ("lui", "leur", "y") or \
                is_mark(tok) or is_que(tok):
            return None
    return None


def _calls_on(verb: Token) -> bool:
    """"en appelle au ministre", "appelle à la grève": a call, not a name given."""
    nxt = next_word(verb)
    return lexicon.is_directive(lemma(verb)) and nxt is not None and \
        nxt.lower_ in ("à", "au", "aux")


DIRECTIVE_PREPOSITIONS = frozenset({"à", "de", "d'", "d’"})


def _infinitive_from(doc: Doc, i: int, end: int) -> bool:
    """Does an infinitive start at token i, past negation and clitics?"""
    for tok in doc[i:min(end, i + 4)]:
        if is_space(tok) or is_mark(tok):
            continue
        if "Inf" in tok.morph.get("VerbForm"):
            return True
        if tok.lower_ not in INFINITIVE_LEAD and tok.lower_ not in ("tout", "même"):
            return False
    return False


def directive_content(open_tok: Token | None, content: list[Token]) -> bool:
    """Do the marked words hold the complement of a call or a request: "à + infinitive"
    ("appelle X « à rester … »", "exhorte X à « partir »"), or an object and its "à"
    complement ("a appelé « les habitants à la prudence »")?"""
    words = _words(content)
    if open_tok is None or not words:
        return False
    doc = open_tok.doc
    end = words[-1].i + 1
    before = previous_word(open_tok)
    if before is not None and before.lower_ in DIRECTIVE_PREPOSITIONS and \
            _infinitive_from(doc, words[0].i, end):
        return True
    if words[0].lower_ in DIRECTIVE_PREPOSITIONS and _infinitive_from(doc, words[0].i + 1, end):
        return True
    if words[0].lower_ in ("à", "au", "aux") and len(words) > 1 and \
            words[1].pos_ in ("DET", "NOUN"):
        return True  # « à la reprise du dialogue »
    if words[0].pos_ not in ("DET", "NOUN", "PRON", "ADV", "NUM", "ADJ"):
        return False
    for k, tok in enumerate(words[1:], 1):
        if tok.text in (".", "!", "?", ";", ":") or is_finite(tok):
            return False
        if tok.lower_ in ("à", "au", "aux") and k + 1 <= len(words) - 1:
            nxt = words[k + 1]
            return "Inf" in nxt.morph.get("VerbForm") or nxt.pos_ in ("DET", "NOUN") or \
                _infinitive_from(doc, nxt.i, end)
    return False


def _directive_before(open_tok: Token) -> Token | None:
    """The verb of a call or request before marked words holding its complement, past
    its object (a noun phrase with its complements, a comma apposition, a parenthesis)."""
    doc = open_tok.doc
    start = open_tok.sent.start
    for j in range(open_tok.i - 1, max(start, open_tok.i - 20) - 1, -1):
        tok = doc[j]
        if tok.text in (":", ";", ".", "!", "?") or is_mark(tok) or is_que(tok) or \
                tok.lower_ in ("qui", "dont", "où", "si", "quand", "lorsque"):
            return None
        if is_verb(tok) and tok.pos_ != "AUX" and not tok.is_title:
            if lexicon.is_directive(lemma(tok)):
                return tok
            if "Part" in tok.morph.get("VerbForm") and _auxiliary_before(tok) is None:
                continue  # a participle on the object ("ses homologues, réunis à …")
            return None
    return None


def _stance_cue(verb: Token, content: list[Token]) -> Cue | None:
    """"s'opposant à « une disparition du chèque »": any stance a speaker takes in marked
    words is theirs, when the clause has a speaker. A single marked word there is more
    often a term held at a distance (son image « droitière »)."""
    if lemma(verb) in NOT_STANCE and not _judging_voir(verb) or len(_words(content)) < 2 or \
            not (_takes_a_stance(verb) or _judging_voir(verb)):
        return None
    cue = cue_of_verb(verb, "fragment")
    if cue is not None and cue.speaker is not None and (
            is_speaker_like(cue.speaker) or cue.speaker.pos_ == "NOUN" and
            lexicon.is_source_noun(lemma(cue.speaker))) and \
            not _impersonal(cue.speaker, verb):
        return cue
    return None


def _judging_voir(verb: Token) -> bool:
    """"y voit un « … »", "voit dans cette loi une « … »": seeing something in a thing is
    a judgement on it."""
    if lemma(verb) != "voir":
        return False
    before = previous_word(verb)
    while before is not None and before.pos_ == "AUX":
        before = previous_word(before)
    if before is not None and before.lower_ == "y":
        return True
    nxt = next_word(verb)
    return nxt is not None and nxt.lower_ == "dans"


def inner_incise(doc: Doc, region: QuoteRegion, content: list[Token]) -> list[Candidate] | None:
    """« Le vaccin est sûr, a assuré le ministre. Nous en avons la preuve. »: an incise
    written inside the marks splits the quotation into two records with its speaker."""

    inside = doc[content[0].i: content[-1].i + 1]
    for comma in content[1:-2]:
        if comma.text != ",":
            continue
        cue = incise_after(comma, inside)
        if cue is None or cue.speaker is None or cue.rule != "incise" or \
                not region.start <= cue.speaker.idx < region.end:
            continue
        # The incise must end, with a comma or a full stop, right after its speaker.
        # ("a-t-il raconté": the inverted pronoun comes before the verb that ends it.)
        speaker_end = max(mention_span(cue.speaker)[1], cue.end)
        after = [t for t in content if t.idx >= speaker_end and not is_space(t)]
        if not after or after[0].text not in (",", ".", "!", "?", "…"):
            continue
        # The words before the incise, and those after it (their final stop kept, as
        # in any quotation).
        parts = [(region.start, comma.idx, cue)]
        if len(after) > 1:
            # « A, a-t-il dit, B » a expliqué X: the words after the inner incise belong
            # to the incise after the closing mark.
            outer = _incise_after_region(doc, content)
            parts.append((after[1].idx, region.end, outer or cue))
        return [Candidate("direct", start, end, "direct-inner-incise", 0.85,
                          cue=(c.start, c.end), cue_token=c.token,
                          speaker_token=c.speaker, regions=[region])
                for start, end, c in parts if end > start]
    return None


def _incise_after_region(doc: Doc, content: list[Token]) -> Cue | None:
    close = content[-1].i + 1
    while close < len(doc) and is_space(doc[close]):
        close += 1
    if close >= len(doc) or not is_mark(doc[close]):
        return None
    cue = incise_after(doc[close], doc[close].sent)
    return cue if cue is not None and cue.speaker is not None and cue.rule == "incise" \
        else None


INFINITIVE_LEAD = frozenset("ne n' n’ pas plus jamais point guère rien le la l' l’ les lui "
                            "leur y en se s' s’ me m' m’ te t' t’ nous vous".split())


def _infinitive_lead(open_tok: Token | None, content: list[Token], cue: Cue) -> Token | None:
    """The first word of an infinitive clause whose negation or clitics stand before
    the marks and whose verb is inside them: "affirme ne pas « vouloir … »"."""
    if open_tok is None or cue.token.i >= open_tok.i:
        return None
    words = _words(content)
    if not words:
        return None
    k = 0
    while k < len(words) - 1 and k < 3 and words[k].lower_ in INFINITIVE_LEAD:
        k += 1  # « le regretter »
    doc = open_tok.doc
    if "Inf" not in words[k].morph.get("VerbForm"):
        return _infinitive_before(open_tok, cue)
    i = open_tok.i - 1
    lead = None
    while i > cue.token.i and doc[i].lower_ in INFINITIVE_LEAD:
        lead = doc[i]
        i -= 1
    if lead is None or i != cue.token.i and not (
            doc[i].lower_ in ("-t", "-il", "-elle", "-on", "-ils", "-elles", "t") and
            cue.token.i < i <= cue.token.i + 3):
        return None
    return lead


def _infinitive_before(open_tok: Token, cue: Cue) -> Token | None:
    """"se vante d'être « … »", "affirme sur son blog vouloir « … »": the infinitive
    the reporting verb governs stands outside the marks; the clause starts with it (or
    with its negation and clitics)."""
    doc = open_tok.doc
    i = open_tok.i - 1
    while i > cue.token.i and is_space(doc[i]):
        i -= 1
    if i <= cue.token.i or "Inf" not in doc[i].morph.get("VerbForm"):
        return None
    for tok in doc[cue.token.i + 1:i]:
        if tok.is_punct or is_mark(tok) or is_finite(tok) or is_que(tok):
            return None
    if i - cue.token.i > 8:
        return None
    lead = doc[i]
    while lead.i - 1 > cue.token.i and doc[lead.i - 1].lower_ in INFINITIVE_LEAD:
        lead = doc[lead.i - 1]
    return lead


COPULAS = frozenset("être sembler paraître rester demeurer".split())


def _predicate_cue(root: Token, open_tok: Token) -> Cue | None:
    """"La ministre est « très satisfaite » de l'accord": marked words that are the
    predicate of a named speaker are the speaker's own description of their state."""
    if root.dep_ in ("ccomp", "csubj") or any(
            c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in root.children):
        return None  # inside a reported clause: the report decides (mixed)
    cop = [c for c in root.children if c.i < open_tok.i and lemma(c) in COPULAS and
           (c.dep_ == "cop" or c.dep_ == "aux:pass" and not any(
               d.dep_ in ("obl:agent",) for d in root.children))]
    if not cop and root.i > open_tok.i and (is_finite(root) and root.pos_ == "VERB" or
                                            _reflexive_before(open_tok)):
        # "La ministre, Marie Curie, « salue chaleureusement » le lauréat": the marked
        # words are the clause's own verb; its subject says them.
        # The name right before the marks is a surer subject than the parse's.
        speaker = _name_before(open_tok) or subject_of(root)
        if speaker is None or speaker.i > open_tok.i or speaker.pos_ == "PRON" or \
                not (is_speaker_like(speaker) or _bare_name(speaker)):
            return None
        return Cue(root, root.idx, root.idx + len(root.text), speaker, "predicate")
    if not cop or root.pos_ not in ("ADJ", "VERB", "NOUN"):
        return None
    speaker = subject_of(root) or _name_before(cop[0])
    if speaker is not None and speaker.pos_ == "NOUN" and speaker.ent_type_ not in (
            "PER", "ORG"):
        # "L'imam de la ville, Mohammed Karabila, est « … »": the apposed name.
        apposed = [c for c in speaker.children if c.dep_ == "appos" and
                   c.pos_ == "PROPN" and c.i < cop[0].i]
        speaker = _name_before(cop[0]) or (apposed[0] if apposed else speaker)
    if speaker is None or speaker.i > open_tok.i or not is_speaker_like(speaker) or \
            speaker.lower_ in ("qui", "que", "dont", "lequel", "laquelle"):
        return None
    if speaker.pos_ != "PRON" and speaker.ent_type_ not in ("PER", "ORG") and \
            speaker.pos_ != "PROPN":
        return None
    return Cue(cop[0], cop[0].idx, cop[0].idx + len(cop[0].text), speaker, "predicate")


def _bare_name(tok: Token) -> bool:
    """A capitalised word with no determiner, the tagger's common noun for a company or
    a body ("Airbus « coopère … »")."""
    return tok.pos_ in ("NOUN", "PROPN", "X") and tok.text[:1].isupper() and \
        not tok.text.isupper() and len(tok.text) > 2 and \
        not any(c.dep_ == "det" for c in tok.children) and \
        not (tok.i > 0 and tok.doc[tok.i - 1].pos_ == "DET")


def _fronted_adjunct_cue(open_tok: Token | None, close_tok: Token,
                         content: list[Token]) -> Cue | None:
    """"« pour ne pas créer d'ennuis », les manifestants sont partis": a marked adjunct
    fronted before the clause gives the reason in the words of its subject."""
    words = _words(content)
    if open_tok is None or words[0].pos_ not in ("ADP", "SCONJ"):
        return None
    before = previous_word(open_tok)
    if before is not None and before.i >= open_tok.sent.start and before.text != ",":
        return None
    doc = close_tok.doc
    after = next_word(close_tok)
    if after is None or after.text != ",":
        return None
    limit = min(len(doc), after.i + 8)
    for tok in doc[after.i + 1:limit]:
        if tok.is_punct or is_verb(tok) and tok.pos_ != "NOUN":
            break
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj",) and \
                is_speaker_like(tok):
            verb = tok.head
            if not is_verb(verb) or any(c.dep_ == "aux:pass" for c in verb.children):
                return None
            return Cue(verb, verb.idx, verb.idx + len(verb.text), tok, "predicate")
    return None


def _reflexive_before(open_tok: Token) -> bool:
    """"s'« indigne »": a reflexive clitic before the marks makes their first word a
    verb, however it is tagged ("s'" may also be split into "s" and "'")."""
    before = previous_word(open_tok)
    if before is None:
        return False
    if before.lower_ in ("s'", "s’", "se", "m'", "m’", "me"):
        return True
    return before.text in ("'", "’") and before.i > 0 and \
        before.doc[before.i - 1].lower_ in ("s", "m")


def _name_before(verb: Token) -> Token | None:
    """The person or organisation named right before the verb, maybe with a comma
    apposition ("Marie Curie, ministre de la Recherche, est …"), when the parse lost
    the subject."""
    doc = verb.doc
    end = verb.i
    while end - 1 > verb.sent.start and doc[end - 1].lower_ in (
            "s'", "s’", "se", "s", "'", "’", "m'", "m’", "me", "ne", "n'", "n’"):
        end -= 1  # "X s'« indigne »"
    if end - 1 >= verb.sent.start and doc[end - 1].text == ",":
        k = end - 2
        while k >= verb.sent.start and end - k <= 12 and doc[k].text != ",":
            k -= 1
        if k < verb.sent.start or doc[k].text != ",":
            return None
        end = k
    last = end - 1
    if last < verb.sent.start or doc[last].ent_type_ not in ("PER", "ORG") or \
            end < len(doc) and doc[end].ent_iob_ == "I":
        return None
    first = last
    while first > verb.sent.start and doc[first].ent_iob_ == "I":
        first -= 1
    ent = doc[first:end]
    return ent.root if ent.root.pos_ == "PROPN" else doc[first]


COORDINATORS = frozenset({"et", "ou", "ainsi", "puis"})


def _coordinated_object_verb(open_tok: Token) -> Token | None:
    """"a déploré le manque de … ainsi qu'une « … »": marked words coordinated with the
    object of a speech verb are its object too (the parse often attaches them elsewhere)."""
    doc = open_tok.doc
    start = open_tok.sent.start
    i = open_tok.i - 1
    if i >= start and doc[i].pos_ == "DET":
        i -= 1
    if i >= start and doc[i].lower_ in ("qu'", "qu’", "que") and i - 1 >= start and \
            doc[i - 1].lower_ in ("ainsi", "même"):
        i -= 1
        if doc[i].lower_ == "même" and i - 1 >= start and doc[i - 1].lower_ == "de":
            i -= 1
    elif i < start or doc[i].lower_ not in COORDINATORS:
        return None
    if doc[i].lower_ not in COORDINATORS and doc[i].lower_ != "de":
        return None
    for j in range(i - 1, max(start, i - 30) - 1, -1):
        tok = doc[j]
        if tok.text in (":", ";") or tok.text in MARKS:
            return None
        if is_verb(tok) and tok.pos_ != "AUX":
            lem = lemma(tok)
            if lexicon.introduces_direct(lem) and lem not in NOT_STANCE and \
                    tok.dep_ not in ("acl:relcl", "acl") and \
                    any(c.dep_ == "obj" for c in tok.children):
                return tok
    return None


def verb_before(open_tok: Token) -> Token | None:
    """The verb a few words left of the mark, with only a noun phrase between: the parse
    may have missed that "twitte la présence de « … »" or "redoute la venue samedi
    prochain « d'un noyau dur … »" governs the fragment."""
    doc = open_tok.doc
    i = open_tok.i - 1
    while i >= open_tok.sent.start and open_tok.i - i <= 6:
        tok = doc[i]
        if tok.text in (",", ";", ":", ".", "(", ")") or tok.text in MARKS:
            return None
        if is_verb(tok) and tok.pos_ != "AUX":
            return tok
        if tok.pos_ not in ("DET", "NOUN", "ADJ", "ADP", "NUM", "PROPN", "ADV"):
            return None
        i -= 1
    return None


def _incise_spans_following(doc: Doc, regions: list[QuoteRegion]) -> dict[int, tuple[int, int]]:
    """For each region, where the next region opens if only an incise separates them."""
    result = {}
    for a, b in zip(regions, regions[1:]):
        if not a.closed or b.depth != a.depth:
            continue
        between = text_of(doc)[a.close + 1:b.open]
        if "\n" in between or len(between) > 80:
            continue
        if between.strip().startswith(",") and between.strip().endswith(","):
            result[a.open] = (b.open, a.close)
    return result


def direct_quotes(doc: Doc, regions: list[QuoteRegion]) -> list[Candidate]:
    candidates: list[Candidate] = []
    pending_incise: dict[int, Cue] = {}
    incise_links = _incise_spans_following(doc, regions)
    # Marked parts joined by "et" or a comma share the incise after the last one:
    # « A » et « B » , ajoute X.
    chained = _chains(doc, regions)
    followers = _followers(doc, regions)
    chain_cues: dict[int, Cue] = {}
    for region in regions:
        open_tok, close_tok, content = region_tokens(doc, region)
        if not content:
            continue
        split = inner_incise(doc, region, content)
        if split is not None:
            candidates.extend(split)
            continue
        cue = find_cue(doc, region, open_tok, close_tok, content, pending_incise)
        if cue is None and region.open in chained:
            last = chained[region.open]
            _, last_close, _ = region_tokens(doc, last)
            if last_close is not None:
                cue = incise_after(last_close, last_close.sent)
        if cue is None and region.open in chain_cues:
            # « 200 manifestants » et « 1500 »: the second part shares the first one's cue.
            cue = chain_cues[region.open]
        if cue is not None and cue.rule in ("object", "fragment") and region.open in followers:
            chain_cues[followers[region.open]] = cue
        if cue is not None and region.open in incise_links and cue.rule == "incise":
            next_open, _ = incise_links[region.open]
            pending_incise[next_open] = cue
        before = previous_word(open_tok) if open_tok is not None else None
        after_que = before is not None and (is_que(before) or before.text == "'" and
                                            before.i > 0 and is_que(doc[before.i - 1]))
        if is_title_like(open_tok, content) and (cue is None or cue.rule != "colon") and \
                not (cue is not None and lexicon.is_directive(lemma(cue.token)) and
                     directive_content(open_tok, content)):
            # ("a appelé « les habitants à la prudence »" is a call, not a name given)
            chain_cues.pop(followers.get(region.open), None)  # « A », « B »: names too
            continue
        if (cue is None or cue.rule in ("object", "fragment")) and region.depth == 0 and \
                is_label_after_noun(open_tok, content):
            chain_cues.pop(followers.get(region.open), None)
            continue
        if cue is None and _dateline_title(doc, region):
            continue
        if cue is None:
            if region.depth > 0 and not region.continues:
                continue
            issued = _issuer_on(doc, before) if after_que else None
            if issued is not None:
                # "dans un communiqué, on précise que « … »": "on" is the document's
                # issuer, which the indirect finder leaves to the marks.
                candidates.append(Candidate(
                    "direct", region.start, region.end, "direct-que", 0.7,
                    cue=(issued.start, issued.end), cue_token=issued.token,
                    speaker_token=issued.speaker, regions=[region],
                    continues=region.continues))
                continue
            if after_que:
                # Governed by a que-clause; the indirect finder decides (direct or mixed).
                floating = Candidate("direct", region.start, region.end, "que-region", 0.5,
                                     regions=[region], floating=True)
                floating.continues = region.continues
                candidates.append(floating)
                continue
            owner = _first_person_owner(open_tok, content) if region.depth == 0 else None
            if owner is None and region.depth == 0 and not region.continues:
                speaker_of = _first_person_owner(open_tok, content, utterance=True)
                if speaker_of is not None:
                    # "X a fait une liste, sans Y qui « est en contact avec notre
                    # mouvement »": the first person is X, but no mention carries a cue.
                    quote = Candidate("direct", region.start, region.end,
                                      "floating-first-person", 0.5, regions=[region])
                    quote.inherit = Candidate("direct", region.start, region.end, "owner",
                                              0.5, speaker_token=speaker_of)
                    candidates.append(quote)
                    continue
            if owner is not None:
                # "Il a ajouté qu'il s'agissait « d'un des pires jours de ma vie »": the
                # first person is the sentence's subject, who speaks.
                candidates.append(Candidate("direct", region.start, region.end,
                                            "direct-first-person", 0.55,
                                            speaker_token=owner, regions=[region],
                                            continues=region.continues))
                continue
            if not region.continues and not reads_as_utterance(content) and \
                    not _first_person(content) and \
                    not _whole_paragraph(doc, region) and not _attributed_below(doc, region):
                continue
            candidates.append(Candidate("direct", region.start, region.end,
                                        "continued" if region.continues else "floating",
                                        0.6 if region.continues else 0.5,
                                        regions=[region], floating=True,
                                        continues=region.continues))
            continue
        speaker = cue.speaker
        lead = _infinitive_lead(open_tok, content, cue) if cue.rule in ("object", "fragment") \
            else None
        if lead is not None:
            # "il dit ne pas « être contre … »": the infinitive clause the verb governs
            # starts outside the marks, so the quote is mixed.
            candidates.append(Candidate(
                "mixed", lead.idx, region.end, f"mixed-{cue.rule}", 0.75,
                cue=(cue.start, cue.end), cue_token=cue.token, speaker_token=speaker,
                regions=[region], continues=region.continues))
            continue
        subject = _subject_before_marks(open_tok, content) if cue.rule == "incise" else None
        if subject is not None:
            # "X, pourtant …, « refuse de … », analyse un expert": the marked words are
            # the verb phrase of a clause whose subject stands before them (mixed).
            candidates.append(Candidate(
                "mixed", subject.idx, region.end, "mixed-incise", 0.75,
                cue=(cue.start, cue.end), cue_token=cue.token, speaker_token=speaker,
                regions=[region], continues=region.continues))
            continue
        if cue.rule == "predicate":
            # No reporting word: the speaker, but no cue.
            candidates.append(Candidate("direct", region.start, region.end, "direct-predicate",
                                        0.6, cue_token=cue.token, speaker_token=speaker,
                                        regions=[region],
                                        continues=region.continues))
            continue
        candidates.append(Candidate(
            "direct", region.start, region.end, f"direct-{cue.rule}",
            0.9 if cue.rule in ("incise", "colon", "selon") else 0.75,
            cue=(cue.start, cue.end), cue_token=cue.token,
            speaker_token=speaker, regions=[region], continues=region.continues,
        ))
    return candidates


def _subject_before_marks(open_tok: Token | None, content: list[Token]) -> Token | None:
    """The first word of the subject of a finite verb that opens the marked words, when
    that subject stands before the marks in the same sentence and clause."""
    if open_tok is None:
        return None
    words = _words(content)
    if not words:
        return None
    root = region_root(content)
    if root is None or root.i != words[0].i or not is_finite(root) or root.pos_ != "VERB":
        return None
    subject = subject_of(root)
    if subject is None or subject.i >= open_tok.i or subject.i < open_tok.sent.start or \
            subject.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = open_tok.doc
    for tok in doc[subject.i + 1:open_tok.i]:
        if is_finite(tok) or is_que(tok) or is_mark(tok) or tok.text in (":", ";"):
            return None
    first = subject.left_edge
    return first if first.i <= subject.i else subject


# Verbs by which someone takes a stance, so that marked words they govern are that
# person's own wording (not "transférer les « … »", "a perçu « … »").
STANCE = frozenset("""
    souhaiter vouloir espérer redouter craindre opposer refuser accepter approuver soutenir
    défendre promettre théoriser réclamer exiger revendiquer dénoncer saluer regretter
    déplorer critiquer contester rejeter condamner prôner plaider militer appeler
    reprocher féliciter remercier qualifier juger trouver considérer voir percevoir
    attribuer imputer reconnaître admettre assumer nier démentir contredire fustiger
    stigmatiser vilipender louer vanter défier menacer mettre garder exprimer émettre
    formuler manifester afficher
""".split())


def _takes_a_stance(verb: Token) -> bool:
    """Is the verb, or the one governing its infinitive ("veulent limiter « … »"), a verb
    of speech or of attitude?"""
    v = verb
    for _ in range(3):
        # (up through a clause the verb belongs to: "annonce qu'elle remboursera …")
        if is_verb(v):
            lem = lemma(v)
            if lem.endswith("e") and lem + "r" in STANCE:
                lem += "r"  # a model lemma left as the form ("prône")
            if lem in STANCE or lexicon.introduces_direct(lem) or lexicon.takes_clause(lem) \
                    or lem in lexicon.NOT_SPEECH and lem not in ("savoir", "croire"):
                return True
        if v.head.i == v.i:
            break
        v = v.head
    return False


IMPERSONAL_VERBS = frozenset("agir falloir sembler paraître rester exister valoir "
                             "arriver manquer suffire faire pleuvoir neiger".split())


def _impersonal(subject: Token, verb: Token) -> bool:
    """"il s'agit « d'un … »", "il faut « … »": an impersonal "il" is no speaker."""
    if subject.lower_ != "il":
        return False
    return subject.dep_ == "expl:subj" or lemma(verb) in IMPERSONAL_VERBS


FIRST_PERSON = frozenset("je j' j’ me m' m’ moi mon ma mes nous notre nos".split())


def _first_person(content: list[Token]) -> bool:
    """Marked words in the first person are someone's own words, not a term."""
    words = _words(content)
    return len(words) >= 3 and any(w.lower_ in FIRST_PERSON for w in words)


def _first_person_owner(open_tok: Token | None, content: list[Token],
                        utterance: bool = False) -> Token | None:
    """The subject of the sentence's main verb, before the marks, for marked words in the
    first person inside a narrated sentence (a fragment, or with ``utterance`` a whole
    statement)."""
    if open_tok is None or not _first_person(content) or \
            reads_as_utterance(content) != utterance:
        return None
    before = previous_word(open_tok)
    if before is None or before.is_punct:
        return None
    root = open_tok.sent.root
    if root.i >= open_tok.i:
        return None
    subject = subject_of(root)
    if subject is None or subject.i >= open_tok.i or subject.i < open_tok.sent.start or \
            _impersonal(subject, root) or not is_speaker_like(subject) or \
            subject.lower_ in ("qui", "que", "on", "je", "j'", "nous"):
        return None
    return subject


def _issuer_on(doc: Doc, que: Token) -> Cue | None:
    """"Dans un communiqué, on précise que « … »": a speech verb whose subject "on"
    speaks for a document named in its sentence."""
    if que.text in ("'", "’"):
        que = doc[que.i - 1]
    verb = previous_word(que)
    if verb is None or not is_verb(verb) or not lexicon.introduces_direct(lemma(verb)):
        return None
    subject = subject_of(verb)
    if subject is None or subject.lower_ != "on" or subject.i > verb.i:
        return None
    if _document_in_sentence(verb) is None:
        return None
    return cue_of_verb(verb, "que", subject)


def _dateline_title(doc: Doc, region: QuoteRegion) -> bool:
    """"Mis à jour : 3 mai 2020 — « Titre de l'article »": marked words after a dash that
    closes a verbless label with a colon (an update line, a dateline) are a headline."""
    text = text_of(doc)
    start = text.rfind("\n", 0, region.open) + 1
    before = text[start:region.open].rstrip(" \u00a0\u202f")
    if not before.endswith(("—", "–")):
        return False
    label = before[:-1]
    if ":" not in label or not any(c.isdigit() for c in label):
        return False
    span = doc.char_span(start, start + len(label), alignment_mode="contract")
    return span is not None and not any(is_finite(t) and t.pos_ in ("VERB", "AUX")
                                        for t in span)


def _attributed_below(doc: Doc, region: QuoteRegion) -> bool:
    """A quotation whose paragraph is followed by an attribution line ("— Comité
    Nobel"), as in a quote box. A paragraph with several marked parts lists titles or
    names; the line then attributes none of them."""
    from recoupe.quotes.dialogue import is_attribution_line

    text = text_of(doc)
    paragraph_start = text.rfind("\n", 0, region.open) + 1
    end = text.find("\n", region.outer_end)
    others = [r for r in doc._.quote_regions or [] if r is not region and not r.depth
              and paragraph_start <= r.open and (end < 0 or r.open < end)]
    if others:
        return False
    if end < 0:
        return False
    start = end
    while start < len(text) and text[start] in " \n\t\u00a0":
        start += 1
    if start >= len(text) or text[start] not in "—–":
        return False
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    first = start + 1
    while first < line_end and text[first] in " \u00a0":
        first += 1
    return first < line_end and is_attribution_line(doc, first, line_end)


def _whole_paragraph(doc: Doc, region: QuoteRegion) -> bool:
    """A paragraph that is nothing but a closed quotation is a turn of speech, however
    short (« Oui, partir. »)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, region.open) + 1
    end = text.find("\n", region.outer_end)
    end = len(text) if end < 0 else end
    outside = text[start:region.open] + text[region.outer_end:end]
    return region.closed and all(not c.isalnum() for c in outside)


def _followers(doc: Doc, regions: list[QuoteRegion]) -> dict[int, int]:
    """Each region's opening offset → the next region's, when only "et" joins them."""
    result = {}
    outer = [r for r in regions if r.depth == 0]
    for a, b in zip(outer, outer[1:]):
        between = text_of(doc)[a.close + 1:b.open].strip() if a.closed else None
        if between in ("et", "ou", ",", "puis") or between is not None and \
                (_relative_link(between) or _fragment_link(between)):
            result[a.open] = b.open
    return result


# Words that join two marked fragments of one noun phrase: "une ingérence de « A » et de
# « B », notamment des « C »".
FRAGMENT_LINKS = frozenset("et ou de d' d’ des du notamment voire dont surtout ainsi que qu' "
                           "qu’ la le les l' l’ un une à au aux , même aussi".split())


def _fragment_link(between: str) -> bool:
    words = between.replace(",", " , ").replace("'", "' ").replace("’", "’ ").split()
    return 0 < len(words) <= 4 and any(w != "," for w in words) and \
        all(w.lower() in FRAGMENT_LINKS for w in words)


RELATIVE_CLITICS = frozenset("ne n' n’ lui leur leurs se s' s’ y en le la les l' l’ me m' m’ "
                             "nous vous".split())


def _relative_link(between: str) -> bool:
    """"des gens « discrets », qui ne « disaient jamais bonjour »": a relative clause on
    what the marked words describe continues the same description."""
    words = between.replace(",", " ").replace("'", "' ").replace("’", "’ ").split()
    if words[:1] == ["et"]:
        words = words[1:]
    if not words or words[0] != "qui":
        return False
    return len(words) <= 4 and all(w in RELATIVE_CLITICS for w in words[1:])


def _chains(doc: Doc, regions: list[QuoteRegion]) -> dict[int, QuoteRegion]:
    """Map each region's opening offset to the last region of its chain."""
    chains: dict[int, QuoteRegion] = {}
    group: list[QuoteRegion] = []
    for region in regions:
        if region.depth:
            continue
        if group and group[-1].closed:
            between = text_of(doc)[group[-1].close + 1:region.open].strip()
            if between in ("et", ",", "ou", ", et", "puis", "…") or between == "":
                group.append(region)
                continue
        for r in group[:-1]:
            chains[r.open] = group[-1]
        group = [region]
    for r in group[:-1]:
        chains[r.open] = group[-1]
    return chains

