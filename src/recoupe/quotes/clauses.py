"""Where reported content ends: the clause a reporting verb or ``selon`` governs.

French news closes a report with an incise (", a-t-il ajouté", ", selon X"), a
participle that starts another report (", ajoutant que …") or the journalist's own
framing (", alors que …", ", même si …"); the content stops before any of them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recoupe.quotes import lexicon
from recoupe.quotes.tokens import lemma, next_word, previous_word, text_of

# Connectives after which the journalist, not the speaker, goes on.
FRAMING = (("alors", "que"), ("alors", "qu'"), ("même", "si"), ("tandis", "que"),
           ("tandis", "qu'"), ("tout", "en"), ("en", "ajoutant"), ("ce", "qui"))
TRAILING = frozenset(".;:,!?…»«\"“”‹› \n\t\u00a0\u202f–—-")


def cut_point(tok: Token, limit: int) -> bool:
    """Does the report stop at the comma ``tok``?"""
    doc = tok.doc
    nxt = next_word(tok)
    if nxt is None or nxt.i >= limit:
        return True
    low = nxt.lower_
    if low in lexicon.SOURCE_PREPOSITIONS or (low == "d'" and nxt.i + 1 < len(doc)
                                              and doc[nxt.i + 1].lower_ == "après"):
        return True
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if after is not None and (low, after.lower_) in FRAMING:
        return True
    if low == "comme" and after is not None and after.lower_ in ("l'", "le", "la", "l’"):
        # ", comme l'a confirmé le procureur"
        return True
    if low == "ainsi" and after is not None and after.lower_ in ("que", "qu'", "qu’") and \
            nxt.i + 2 < limit and doc[nxt.i + 2].lower_ in ("l'", "l’"):
        # ", ainsi que l'a confirmé le procureur"
        return True
    # ", a-t-il ajouté", ", ajoute le ministre", ", précise-t-elle"
    i = nxt.i
    steps = 0
    while i < limit and steps < 4:
        t = doc[i]
        if t.pos_ == "VERB" and lexicon.introduces_direct(lemma(t)):
            if _inverted(t, limit) or "Part" in t.morph.get("VerbForm") and \
                    "Pres" in t.morph.get("Tense"):
                return True
            return False
        if t.pos_ == "AUX" or t.lower_ in ("-t", "t", "-il", "-elle", "il", "elle", "en", "tout"):
            i += 1
            steps += 1
            continue
        break
    return False


def _inverted(verb: Token, limit: int) -> bool:
    """Is the verb's subject after it (an incise), not before?"""
    doc = verb.doc
    j = verb.i + 1
    if j < limit and doc[j].lower_ in ("-t", "t", "-il", "-elle", "-ils", "-elles", "-on"):
        return True
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    if k >= 0 and doc[k].lower_ in ("-il", "-elle", "il", "elle", "-ils", "-on"):
        return True
    if j < limit and (doc[j].pos_ in ("PROPN", "DET", "NOUN") or doc[j].lower_ in ("à", "au")):
        return True
    return False


def clause_end(start: Token, sentence: Span, cue: Token | None = None) -> int:
    """Index one past the last token of the report that starts at ``start``.

    ``cue`` is the reporting verb, when there is one: a report made in a fronted
    participle ("Se disant « confiant » en l'arrêt, le conseil a estimé …") stops before
    the main clause; one followed by "et compte demander …" stops before the second
    report of the same speaker.
    """
    doc = start.doc
    limit = sentence.end
    if cue is not None:
        limit = min(limit, _main_clause_boundary(start, sentence, cue))
    depth = 0
    i = start.i
    end = limit
    fronted = cue is not None and _in_fronted_participle(cue, sentence)
    inside = _inside_quotation(start)
    passive = cue is not None and any(
        c.dep_ == "aux:pass" or c.dep_.startswith("aux") and c.lemma_ == "être"
        for c in cue.children) and "Part" in cue.morph.get("VerbForm")
    while i < limit:
        tok = doc[i]
        if tok.text in ("«", "“", "‹"):
            depth += 1
        elif tok.text in ("»", "”", "›"):
            depth = max(0, depth - 1)
        elif depth == 0 and tok.text == ";":
            end = i
            break
        elif depth == 0 and tok.text == ":" and i + 1 < limit and doc[i + 1].text in OPENERS:
            # "… celui des attentats de 2015 : « … »": a quotation of its own follows.
            end = i
            break
        elif depth == 0 and tok.text in ("»", "”") and i > start.i and \
                _incise_follows(tok, limit):
            # « A », « B » rectifiera-t-il : the incise closes the report.
            end = i + 1
            break
        elif depth == 0 and tok.text == "," and i > start.i and cut_point(tok, limit):
            end = i
            break
        elif depth == 0 and tok.text == "," and i > start.i and cue is not None and \
                not inside and _background_relative(tok, start, limit):
            # "… d'appliquer l'accord de mars, que le parti avait signé": a relative
            # after the complete report is the writer's background.
            end = i
            break
        elif depth == 0 and tok.text == "," and i > start.i and cue is not None and \
                (_main_verb_resumes(tok, sentence, cue, limit) or
                 _main_subject_follows(tok, sentence, cue)):
            # "X, ancien conseiller estimant que …, est en effet …": the main clause's verb
            # after the parenthetical participle.
            end = i
            break
        elif depth == 0 and tok.text == "," and i > start.i and cue is not None and \
                _parenthetical_relative(cue) and _predicate_resumes(tok, limit):
            # "Le maire, qui a affirmé que …, a quitté la salle": the main clause's
            # predicate after the relative set off by commas.
            end = i
            break
        elif depth == 0 and tok.text == "," and i > start.i and doc[i - 1].text in ("»", "”") \
                and (_but_clause(tok, limit) or fronted or
                     cue is not None and _parenthetical_relative(cue) and
                     _clause_resumes(tok, limit)):
            # "… avoir « trompé X » , mais il conserverait …", "Rappelant … que « … » , la
            # nouvelle instruction …": the closing mark ends the report.
            end = i
            break
        elif depth == 0 and tok.text in (".", "!", "?") and i > start.i and inside and \
                _sentence_follows(tok, limit):
            # A report nested in quoted words ends at the full stop inside the marks.
            end = i
            break
        elif depth == 0 and passive and tok.lower_ == "par" and i > start.i + 1 and \
                _agent_of(tok, cue):
            # "sont invités à rejoindre le gymnase par la mairie": the agent is the speaker.
            end = i
            break
        elif depth == 0 and i > start.i and tok.lower_ in ("et", "puis", "mais") and \
                (_second_report(tok, limit) or cue is not None and
                 _same_subject_goes_on(tok, cue, limit)):
            end = i
            break
        elif depth == 0 and i > start.i and tok.lower_ in ("tout", "en") and \
                _gerund_report(tok, limit):
            # "… « reste un épiphénomène » tout en ajoutant que …"
            end = i
            break
        i += 1
    return end


OPENERS = frozenset({"«", "“", '"', "‹"})


def _main_verb_resumes(comma: Token, sentence: Span, cue: Token, limit: int) -> bool:
    """After a comma, the sentence's main verb with no subject of its own in between,
    when the report sits in a clause before it."""
    root = sentence.root
    participle = "Part" in cue.morph.get("VerbForm") and "Pres" in cue.morph.get("Tense")
    before = previous_word(cue)
    set_off = participle and before is not None and before.text == ","
    # ("Le préfet, affirmant que …, a levé …": the parse may make the participle set
    # off by commas the root.)
    if cue.i == root.i and not set_off or not participle and root.i <= comma.i:
        return False
    doc = comma.doc
    for tok in doc[comma.i + 1: min(limit, comma.i + 5)]:
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm"):
            # A participle's clause is a parenthetical: a finite verb with no subject
            # after it is the main clause going on.
            return participle or tok.i == root.i or tok.head.i == root.i and \
                tok.dep_.startswith(("aux", "cop"))
        if tok.pos_ != "ADV" and tok.lower_ not in ("en", "effet", "donc", "aussi"):
            return False
    return False


def _main_subject_follows(comma: Token, sentence: Span, cue: Token) -> bool:
    """"Sur RTL, rappelant que A, la ministre, …, a dénoncé …": after a fronted participle's
    report, the comma before the main verb's subject ends the report."""
    if "Part" not in cue.morph.get("VerbForm") or "Pres" not in cue.morph.get("Tense"):
        return False
    doc = comma.doc
    nxt = next_word(comma)
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
           for t in doc[sentence.start:cue.i]):
        return False  # the participle is no fronted clause
    if not any("Fin" in t.morph.get("VerbForm") for t in doc[cue.i + 1:comma.i]):
        return False  # the report has no predicate yet
    # Word by word (the parse of such sentences is often wrong): a noun phrase, perhaps
    # with a comma-framed apposition, then a finite verb.
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.pos_ == "DET"):
        for tok in doc[nxt.i + 1:min(sentence.end, nxt.i + 16)]:
            if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm"):
                return True
            if tok.pos_ not in ("PROPN", "DET", "NOUN", "ADJ", "ADP", "NUM", "PUNCT",
                                "SPACE") or tok.text not in (",",) and tok.pos_ == "PUNCT":
                break
    root = sentence.root
    if root.i <= comma.i or cue.i > root.i or cue.head.i != root.i:
        return False
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i > comma.i:
            first = min(t.i for t in child.subtree)
            return nxt is not None and first == nxt.i and \
                not any(t.text == "," and t.i > comma.i for t in doc[comma.i + 1:first])
    return False


RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle",
                       "lesquels", "lesquelles"})


def _background_relative(comma: Token, start: Token, limit: int) -> bool:
    """", que X avait signé …", ", qui a endommagé …", ", et qui …" after a report whose
    predicate is already said: a non-restrictive relative on its last noun phrase."""
    doc = comma.doc
    nxt = next_word(comma)
    coordinated = nxt is not None and nxt.lower_ == "et"
    if coordinated:
        nxt = next_word(nxt)
    if nxt is None or nxt.i >= limit or nxt.lower_ not in RELATIVES:
        return False
    if coordinated and nxt.lower_ in ("que", "qu'", "qu’") and not any(
            t.lower_ in RELATIVES for t in doc[start.i:comma.i]):
        # "… que les travaux dureront deux ans, et que le coût sera élevé": with no
        # relative before it to pair with, "et que" coordinates a second complement.
        return False
    before = previous_word(comma)
    if before is None or before.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False  # the antecedent is a noun phrase right before the comma
    # A finite verb of the relative soon after the pronoun (the parse of such relatives
    # is unreliable: "que X avait signé" may come out as a clause of the main verb).
    if not any("Fin" in t.morph.get("VerbForm") for t in doc[nxt.i + 1:min(limit, nxt.i + 5)]):
        return False
    if any(t.lower_ in ("qui", "dont", "où") or t.text == ":" for t in doc[start.i:comma.i]):
        return False  # "un homme qui …, qui …": stacked relatives belong to the report
    rest = doc[nxt.i + 1:limit]
    if any(t.text in ("«", "“", '"') or "Cnd" in t.morph.get("Mood") for t in rest):
        # "…, qui lui aurait rapporté …" (the conditional of reported claims), "…, où
        # seront favorisés les immigrants « qui … »": still what the source says.
        return False
    # The report has its own verb before the antecedent.
    return any(t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or
                                             "Inf" in t.morph.get("VerbForm"))
               for t in doc[start.i:before.i])


def _predicate_resumes(comma: Token, limit: int) -> bool:
    """Right after the comma (past adverbs), a finite verb or auxiliary with no subject
    before it: a predicate whose subject stands before the relative."""
    doc = comma.doc
    for tok in doc[comma.i + 1:min(limit, comma.i + 4)]:
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm"):
            return True
        if tok.pos_ != "ADV" or tok.lower_ in ("ne", "n'"):
            return False
    return False


def _clause_resumes(comma: Token, limit: int) -> bool:
    """After the comma, a new stretch with a finite verb of its own, not an adjunct
    ("…, à Montpellier et Sète")."""
    nxt = next_word(comma)
    if nxt is None or nxt.i >= limit or nxt.pos_ in ("ADP", "ADV", "CCONJ"):
        return False
    return any("Fin" in t.morph.get("VerbForm") and t.pos_ in ("VERB", "AUX")
               for t in comma.doc[nxt.i:limit])


def _parenthetical_relative(cue: Token) -> bool:
    """", qui précise que « … », …": the report of a relative set off by commas ends
    with the comma after its closing mark."""
    doc = cue.doc
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        k = cue.i - 1
        while k > cue.sent.start and doc[k].pos_ in ("AUX", "ADV", "PRON") and \
                doc[k].lower_ != "qui":
            k -= 1
        subject = doc[k] if doc[k].lower_ == "qui" else None
    if subject is None or subject.lower_ != "qui":
        return False
    before = previous_word(subject)
    return before is not None and before.text == ","


def _but_clause(comma: Token, limit: int) -> bool:
    """", mais il conserverait …": "mais" then a subject or a finite verb, a new clause."""
    doc = comma.doc
    nxt = next_word(comma)
    if nxt is None or nxt.i >= limit or nxt.lower_ != "mais":
        return False
    for tok in doc[nxt.i + 1: min(limit, nxt.i + 4)]:
        if tok.dep_.startswith("nsubj") or "Fin" in tok.morph.get("VerbForm"):
            return True
    return False


def _in_fronted_participle(cue: Token, sentence: Span) -> bool:
    """Is the report inside a participial clause opening the sentence ("Rappelant …
    dans laquelle X explique que …, la nouvelle instruction …")?"""
    doc = cue.doc
    first = sentence.start
    while first < cue.i and (doc[first].is_space or doc[first].is_punct):
        first += 1
    tok = doc[first]
    if tok.lower_ == "en" and first + 1 < cue.i:
        tok = doc[first + 1]
    return tok.i < cue.i and "Part" in tok.morph.get("VerbForm") and \
        "Pres" in tok.morph.get("Tense")


def _inside_quotation(tok: Token) -> bool:
    for region in tok.doc._.quote_regions or []:
        if region.start <= tok.idx < region.end:
            return True
    return False


def _sentence_follows(stop: Token, limit: int) -> bool:
    nxt = next_word(stop)
    return nxt is not None and nxt.i < limit and (nxt.is_title or nxt.text in OPENERS)


def _agent_of(par: Token, cue: Token | None) -> bool:
    """Is "par X" the agent of the passive reporting verb (not "par courrier")?"""
    if cue is None:
        return False
    obj = par.head
    if obj.i == par.i or obj.i < par.i:
        return False
    if obj.dep_ == "obl:agent" and obj.head.i == cue.i:
        return True
    from recoupe.quotes.speakers import is_speaker_like

    return obj.ent_type_ in ("PER", "ORG") or obj.pos_ == "PROPN" or \
        obj.pos_ == "NOUN" and is_speaker_like(obj)


def _incise_follows(close: Token, limit: int) -> bool:
    """A reporting verb with its inverted pronoun right after a closing mark."""
    doc = close.doc
    nxt = next_word(close)
    if nxt is None or nxt.i >= limit or nxt.text in (",", ".", ";"):
        return False
    for tok in doc[nxt.i: min(limit, nxt.i + 3)]:
        if lexicon.introduces_direct(lemma(tok)):
            after = next_word(tok)
            return after is not None and (
                after.lower_ in ("-t", "t", "-il", "-elle", "-ils", "-elles", "-on")
                or after.pos_ in ("PROPN", "DET") and after.i < limit)
    return False


def _gerund_report(tok: Token, limit: int) -> bool:
    doc = tok.doc
    j = tok.i + 1
    if tok.lower_ == "tout":
        if j >= limit or doc[j].lower_ != "en":
            return False
        j += 1
    if j >= limit:
        return False
    verb = doc[j]
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and \
        (lexicon.introduces_direct(lemma(verb)) or lemma(verb) in GERUND_FRAMES and
         tok.i > 0 and doc[tok.i - 1].text in (",", "»", "”"))


# Gerunds that say what the words were about, after the words: "…, en parlant de X".
GERUND_FRAMES = frozenset("parler citer viser désigner évoquer".split())


def _same_subject_goes_on(conj: Token, cue: Token, limit: int) -> bool:
    """"l'Élysée affirme que … et redoute la venue …": a verb after "et" with no subject
    of its own, agreeing with the reporting verb, continues the reporter's sentence."""
    from recoupe.quotes.speakers import _agreement

    doc = conj.doc
    for tok in doc[conj.i + 1: min(limit, conj.i + 4)]:
        if tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm") or tok.pos_ == "AUX" \
                and "Fin" in tok.morph.get("VerbForm"):
            verb = tok if tok.pos_ == "VERB" else tok.head
            if any(c.dep_.startswith("nsubj") for c in verb.children):
                return False
            return bool(_agreement(cue)) and _agreement(verb) == _agreement(cue)
        if tok.pos_ not in ("ADV", "PRON") or tok.dep_.startswith("nsubj"):
            return False
    return False


def _second_report(conj: Token, limit: int) -> bool:
    """"… et compte demander", "… et a ajouté que": a new report by the same speaker."""
    doc = conj.doc
    # "mais a malgré tout confié", "et a ensuite ajouté"
    for tok in doc[conj.i + 1: min(limit, conj.i + 6)]:
        if tok.pos_ in ("VERB", "AUX") or "Inf" in tok.morph.get("VerbForm"):
            if lexicon.takes_clause(lemma(tok)) and tok.pos_ == "VERB":
                return True
            if tok.pos_ == "VERB" and "Inf" not in tok.morph.get("VerbForm") \
                    and not lexicon.takes_clause(lemma(tok)):
                return False
        elif tok.pos_ not in ("ADV", "AUX", "NOUN", "PRON") and \
                tok.lower_ not in ("malgré", "tout", "pour", "sa", "part", "en", "outre"):
            return False
    return False


def _main_clause_boundary(start: Token, sentence: Span, cue: Token) -> int:
    """Where the sentence's main clause begins, when the report sits in a clause before
    it (a participle, a relative on the subject): the comma before the main verb."""
    doc = start.doc
    root = sentence.root
    if root.i == cue.i or root.i <= start.i or root.pos_ not in ("VERB", "AUX"):
        return sentence.end
    if cue.i > root.i:
        return sentence.end
    left = root.i
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:tense", "aux:pass", "expl:subj") \
                and start.i < child.i < left:
            left = min(left, min(t.i for t in child.subtree))
    for i in range(left - 1, start.i, -1):
        if doc[i].text == ",":
            return i
        if doc[i].text in ("»", "”"):
            continue
    return sentence.end


def trimmed_offsets(doc, start: int, end: int, keep_inner_marks: bool = True) -> tuple[int, int]:
    """Strip spaces, edge punctuation and edge quotation marks off [start, end)."""
    text = text_of(doc)
    while start < end and (text[start] in TRAILING or text[start].isspace()):
        if text[start] in ".;:,!?…" and start + 1 < end and text[start + 1].isalnum():
            break
        start += 1
    while end > start and (text[end - 1] in TRAILING or text[end - 1].isspace()):
        # Keep an ellipsis or question mark that belongs to the words, drop the final dot.
        if text[end - 1] in "!?…" and end - 2 >= start and text[end - 2] not in " \u00a0":
            break
        if text[end - 1] == "." and end - 2 >= start and text[end - 2] == ".":
            break
        end -= 1
    del keep_inner_marks
    return start, end


def span_end_after_regions(regions, start: int, end: int) -> int:
    """A report that ends inside a quotation runs on to its closing mark."""
    for region in regions:
        if start <= region.open < end < region.outer_end:
            end = region.outer_end
    return end

