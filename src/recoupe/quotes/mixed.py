"""Mixed quotes, and the merge of what the direct and indirect finders found.

An indirect report whose content holds marked words is one mixed quote: "Poutine a admis
qu'il y a des "problèmes d'équipement" pour les troupes" — the span is the whole
reported clause, inner marks kept, edge marks trimmed. When the marks enclose the whole
content ("a déclaré que « … »", "Selon lui, « … »") the quote is direct, with the
report's cue and speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from recoupe.pipeline.quotemarks import QuoteRegion
from recoupe.quotes import lexicon
from recoupe.quotes.candidate import Candidate
from recoupe.quotes.clauses import clause_end, span_end_after_regions, trimmed_offsets
from recoupe.quotes.cues import _noun_cue_span, cue_of_verb
from recoupe.quotes.direct import is_title_like, region_tokens
from recoupe.quotes.speakers import TEMPORAL, is_speaker_like, subject_of
from recoupe.quotes.tokens import (
    MONTHS, is_mark, is_space, is_verb, lemma, previous_word, text_of, token_at,
)

# Characters that may separate a report's edge from the marks of a region filling it.
EDGE = set(" \u00a0\u202f\t\n,.;:!?…«»“”‹›\"'’()[]–—-")


def _fills(regions: list[QuoteRegion], start: int, end: int, text: str) -> bool:
    """Do the marks enclose the whole [start, end), leaving only punctuation and the "et"
    that joins two marked parts (« A » et « B », ajoute X)?"""
    outside = []
    position = start
    for region in sorted(regions, key=lambda r: r.open):
        outside.append(text[position:region.open])
        position = max(position, region.outer_end)
    outside.append(text[position:end])
    # Footnote marks ("[note 1] [2]") are no words of the report.
    rest = re.sub(r"\[[^\]]{0,12}\]", " ", " ".join(outside))
    words = [w for w in rest.replace(",", " ").split() if not all(c in EDGE for c in w)]
    return all(w in ("et", "puis", "ou") for w in words) and \
        (not words or len(regions) > 1)


def _past_source_apposition(doc: Doc, inner: list[QuoteRegion], start: int,
                            text: str) -> int:
    """"Selon le lieutenant X, de l'Office central (OCLAESP), « … »": a verbless stretch
    ending in a comma before the marks describes the source; the marked words are the
    whole of what the source says."""
    first = min(inner, key=lambda r: r.open)
    prefix = text[start:first.open]
    if not prefix.strip() or not prefix.rstrip(" \u00a0\u202f").endswith(","):
        return start
    span = doc.char_span(start, first.open, alignment_mode="expand")
    if span is None or any("Fin" in t.morph.get("VerbForm") or t.pos_ == "AUX"
                           for t in span if t.idx < first.open):
        return start
    return first.start


def _gerund_after_first(doc: Doc, inner: list[QuoteRegion], start: int, end: int,
                        text: str):
    """Where a report that opens with marked words ends when a gerund ("en parlant
    de …", "tout en maintenant …") follows the closing mark, and the gerund."""
    if not inner:
        return None
    first = min(inner, key=lambda r: r.open)
    if not first.closed or text[start:first.open].strip(" \u00a0\u202f") not in ("", "«", "“"):
        return None
    if first.outer_end >= end:
        return None
    after = text[first.outer_end:end].lstrip(" \u00a0\u202f,")
    words = after.split()
    if words[:1] == ["tout"]:
        words = words[1:]
    if len(words) < 2 or words[0] != "en":
        return None
    span = doc.char_span(first.outer_end, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.lower_ == "en":
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if nxt is not None and ("Part" in nxt.morph.get("VerbForm") and
                                    "Pres" in nxt.morph.get("Tense") or
                                    nxt.lower_.endswith("ant") and len(nxt) > 4):
                # ("maintenant" may be tagged as the adverb)
                return first.outer_end, nxt
            return None
    return None


def merge(doc: Doc, direct: list[Candidate], indirect: list[Candidate],
          regions: list[QuoteRegion]) -> list[Candidate]:
    text = text_of(doc)
    absorbed: set[int] = set()  # region.open of regions that became part of a report
    out: list[Candidate] = []
    direct_by_region = {c.regions[0].open: c for c in direct if c.regions}
    outer = [r for r in regions if r.depth == 0]
    indirect = indirect + _que_fallbacks(doc, direct, indirect, outer)
    indirect = _without_restatements(indirect)
    _stop_before_other_reports(indirect, outer, [
        c for c in direct if c.cue_token is not None and c.speaker_token is not None
        and not c.floating])
    indirect = [part for report in indirect
                for part in _coordinated_complements(doc, report, outer, text)]
    for report in indirect:
        end = span_end_after_regions(outer, report.start, report.end)
        start = report.start
        # A report starting right at an opening mark starts inside it.
        inner = [r for r in outer if (start <= r.open < end or r.start <= start < r.end)
                 and r.start < end]
        if inner and inner[0].open < start <= inner[0].start:
            start = inner[0].open
        start, end = trimmed_offsets(doc, start, end)
        if end <= start:
            continue
        inner = [r for r in inner if r.start >= start - 2 and r.open < end]
        # "qu'il s'oppose à l'acronyme « AURA »", "le logiciel « EternalBlue »": marked
        # names and titles are nobody's words; a report holding only those is indirect.
        names = [r for r in inner if _names_a_thing(doc, r)]
        # (a name inside a report is part of it, no fragment of its own)
        absorbed.update(r.open for r in names if r.closed)
        inner = [r for r in inner if r not in names]
        if inner and "selon" in report.rule and report.cue is not None and \
                start < report.cue[0] < end:
            # "« … » selon X, qui …": a source after the closing mark of the words that
            # open the report vouches for them; what follows the source is no part.
            first = min(inner, key=lambda r: r.open)
            if first.closed and first.start <= start + 1 and \
                    not text[first.outer_end:report.cue[0]].strip(" \u00a0\u202f,"):
                start, end = trimmed_offsets(doc, start, first.outer_end)
                inner = [first]
        if inner and "selon" in report.rule:
            start = _past_source_apposition(doc, inner, start, text)
        gerund = _gerund_after_first(doc, inner, start, end, text)
        if gerund is not None:
            # "a dit « A » tout en maintenant « B »": the gerund is the speaker's own
            # act, not part of what they said; B is the gerund's object, said too.
            end, verb = gerund
            for region in inner:
                if region.open >= end and region.open not in direct_by_region and \
                        verb.idx < region.open:
                    out.append(Candidate("direct", region.start, region.end,
                                         "direct-gerund", 0.7,
                                         cue=(verb.idx, verb.idx + len(verb.text)),
                                         cue_token=verb, speaker_token=report.speaker_token,
                                         regions=[region]))
                    absorbed.add(region.open)
            inner = [r for r in inner if r.open < end]
        if inner and _fills(inner, start, end, text):
            for region in inner:
                own = direct_by_region.get(region.open)
                if own is not None and own.cue is not None and own.rule == "direct-incise":
                    # « … », précise-t-il: the incise after the words says who, more
                    # surely than a verb before a colon.
                    continue
                absorbed.add(region.open)
                out.append(Candidate("direct", region.start, region.end,
                                     report.rule.replace("indirect", "direct"), 0.9,
                                     cue=report.cue, cue_token=report.cue_token,
                                     speaker=report.speaker, speaker_token=report.speaker_token,
                                     regions=[region]))
            continue
        if inner and report.rule == "indirect-incise" and \
                _relative_frame(doc, min(inner, key=lambda r: r.open), end, text):
            # "Le club a un maillot qui est « le plus beau … », a déclaré X": the
            # journalist's frame ends in a relative clause; the incise vouches for the
            # marked words only.
            for region in inner:
                absorbed.add(region.open)
                out.append(Candidate("direct", region.start, region.end, "direct-incise",
                                     0.85, cue=report.cue, cue_token=report.cue_token,
                                     speaker=report.speaker, speaker_token=report.speaker_token,
                                     regions=[region]))
            continue
        if inner and report.rule == "indirect-colon" and any(
                getattr(direct_by_region.get(r.open), "rule", "") == "direct-incise"
                for r in inner):
            # "précisent leurs craintes : … « … » explique X": the marked words have a
            # speaker of their own; what precedes them is the journalist's framing.
            continue
        if inner:
            for region in inner:
                candidate = direct_by_region.get(region.open)
                if candidate is not None and _own_attribution(candidate, report):
                    continue
                absorbed.add(region.open)
            report = Candidate("mixed", start, end, report.rule.replace("indirect", "mixed"),
                               report.confidence, cue=report.cue, cue_token=report.cue_token,
                               speaker=report.speaker, speaker_token=report.speaker_token,
                               regions=inner)
        else:
            report.start, report.end = start, end
        out.append(report)
    for candidate in direct:
        region = candidate.regions[0] if candidate.regions else None
        if region is not None and region.open in absorbed:
            continue
        if candidate.rule == "que-region":
            continue
        out.append(candidate)
    return dedupe(out)


# Words that may stand between a speech verb and its "que" besides adverbs and
# prepositional phrases: clitics and inverted pronouns ("lui a dit que", "a-t-il dit que").
BETWEEN_CLITICS = frozenset("y en lui leur nous vous -t -t- t -il -elle -ils -elles -on "
                            "-t-il -t-elle -t-on il elle ils elles on même".split())
MAX_QUE_GAP = 14
AUX_FORMS = frozenset("a ont avait avaient aura auront aurait auraient est sont était étaient "
                      "sera seront".split())
# Verbs of publishing: with a que-clause in marks they report what was published
# ("a posté sur son compte que « … »").
PUBLISHING = lexicon.WRITING | frozenset("publier poster afficher".split())


def _que_fallbacks(doc: Doc, direct: list[Candidate], indirect: list[Candidate],
                   regions: list[QuoteRegion]) -> list[Candidate]:
    """Marked words right after a "que" that no report covers: look back from the
    "que", within the sentence, for the speech verb governing it, as a reader would
    (past adverbs, prepositional adjuncts, names, clitics); the report then becomes
    direct or mixed like any other."""

    reports = []
    for candidate in direct:
        if candidate.rule != "que-region" or not candidate.regions:
            continue
        region = candidate.regions[0]
        if region.depth != 0:
            continue
        open_tok = token_at(doc, region.open)
        if open_tok is None:
            continue
        que = previous_word(open_tok)
        if que is not None and que.text in ("'", "’"):
            que = previous_word(que)
        if que is None or que.lower_.rstrip("'’") not in ("que", "qu") or \
                que.pos_ == "PRON":
            continue
        noun = _speech_noun_before(doc, que)
        if noun is not None:
            # "l'information de sa direction que « … »": the noun's source says the
            # marked words, even inside another report (a nested quote).
            reports.extend(_noun_report(doc, open_tok, *noun))
            continue
        if any(r.start - 1 <= region.start and
               span_end_after_regions(regions, r.start, r.end) > region.start
               for r in indirect):
            continue
        verb = _speech_verb_before(doc, que)
        if verb is None:
            continue
        speaker = _speaker_of_verb(verb)
        if speaker is None:
            continue
        cue = cue_of_verb(verb, "que", speaker)
        mention = None
        aux = doc[verb.i - 1] if verb.i > 0 else None
        if aux is not None and aux.idx < cue.start and aux.lemma_ in ("avoir", "être") and \
                aux.lower_ in AUX_FORMS and not aux.dep_.startswith("aux"):
            # "X a twitté que" parsed as one name: the auxiliary opens the cue, the
            # name stops before it.
            cue.start = aux.idx
            names = [t for t in speaker.subtree if t.i < aux.i and not t.is_punct]
            if names and any(t.i >= aux.i for t in speaker.subtree):
                last = names[-1]
                mention = (names[0].idx, last.idx + len(last.text))
        end_index = clause_end(open_tok, open_tok.sent, verb)
        if end_index <= open_tok.i:
            continue
        last = doc[end_index - 1]
        start, end = trimmed_offsets(doc, open_tok.idx, last.idx + len(last.text))
        if end <= start:
            continue
        reports.append(Candidate("indirect", start, end, "indirect-que-back", 0.7,
                                 cue=(cue.start, cue.end), cue_token=verb,
                                 speaker=mention, speaker_token=speaker))
    return reports


# Nouns of what someone said or let know, whose "que" clause is the content:
# "l'affirmation du député que …", "l'information de sa direction que …".
CONTENT_NOUNS = frozenset("information assurance garantie nouvelle idée".split())


def _speech_noun_before(doc: Doc, que):
    """"l'annonce du ministre que « … »": a speech noun right before "que" whose "de"
    complement, between it and "que", names who spoke; (noun, speaker) or None."""

    start = que.sent.start
    for j in range(que.i - 1, max(start, que.i - 9) - 1, -1):
        tok = doc[j]
        words = (lemma(tok), tok.lemma_.lower(), tok.lower_)
        if tok.pos_ == "NOUN" and any(lexicon.is_speech_noun(w) or w in CONTENT_NOUNS
                                      for w in words):
            for child in tok.children:
                if tok.i < child.i < que.i and child.dep_ in ("nmod", "obl", "obl:agent") and \
                        any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du", "des",
                                                               "par")
                            for c in child.children) and is_speaker_like(child):
                    if all(t.pos_ in ("DET", "NOUN", "PROPN", "ADP", "ADJ") or t.is_space or
                           t.text == "-" for t in doc[tok.i + 1:que.i]):
                        return tok, child
            return None
        if tok.pos_ not in ("DET", "NOUN", "PROPN", "ADP", "ADJ") and not tok.is_space and \
                tok.text != "-":
            return None
    return None


def _noun_report(doc: Doc, open_tok, noun, speaker) -> list[Candidate]:

    end_index = clause_end(open_tok, open_tok.sent, None)
    if end_index <= open_tok.i:
        return []
    last = doc[end_index - 1]
    start, end = trimmed_offsets(doc, open_tok.idx, last.idx + len(last.text))
    if end <= start:
        return []
    return [Candidate("indirect", start, end, "indirect-que-noun", 0.6,
                      cue=_noun_cue_span(noun), cue_token=noun, speaker_token=speaker)]


def _speech_verb_before(doc: Doc, que):
    """The speech verb a few words before ``que`` with only adverbs, prepositional
    adjuncts (names, dates), clitics and commas between; None otherwise."""

    start = que.sent.start
    i = que.i - 1
    seen = 0
    while i >= start and seen < MAX_QUE_GAP:
        tok = doc[i]
        if is_space(tok):
            i -= 1
            continue
        seen += 1
        if is_mark(tok) or tok.text in (":", ";", ".", "!", "?", "(", ")", "[", "]") or \
                tok.lower_ in ("que", "qu'", "qu’", "qui", "dont", "où", "si", "et", "ou",
                               "mais", "car", "lorsque", "quand", "comme"):
            return None
        if is_verb(tok) and tok.pos_ != "AUX" and not (tok.is_title and i > start) and \
                tok.lower_ not in TEMPORAL:
            lem = lemma(tok)
            if lem in lexicon.NOT_SPEECH or not (
                    lexicon.takes_clause(lem) or lexicon.introduces_direct(lem) or
                    lem in PUBLISHING or lexicon.phrasal_cue(tok)):
                return None
            return tok if _adjuncts_only(doc, tok, que) else None
        i -= 1
    return None


def _adjuncts_only(doc: Doc, verb, que) -> bool:
    """Between verb and "que": no object noun phrase, only adverbs, clitics, commas and
    phrases opened by a preposition ("sur la radio X", "à destination de Y") or dates."""

    phrasal = lexicon.phrasal_cue(verb)
    in_phrase = False
    for tok in doc[verb.i + 1:que.i]:
        if is_space(tok):
            continue
        low = tok.lower_
        if tok.text == ",":
            in_phrase = False
            continue
        if tok.pos_ == "ADP" or low in ("à", "au", "aux", "du", "des", "de", "d'", "d’"):
            in_phrase = True
            continue
        if tok.pos_ == "ADV" or low in BETWEEN_CLITICS or tok.like_num:
            continue
        if low in TEMPORAL or low in MONTHS or low in ("dernier", "dernière", "prochain",
                                                        "prochaine", "ce", "cette"):
            continue
        if tok.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "X") or tok.is_title:
            if in_phrase or phrasal and tok.i <= verb.i + 3:
                continue
            if low == "fait" and doc[que.i - 1].i == tok.i:
                continue  # "a souligné le fait que « … »"
            if tok.pos_ in ("DET", "ADJ"):
                continue  # judged by the noun that follows
            return False
        if tok.dep_ == "det":
            continue
            return False
        if tok.pos_ == "PRON" and tok.dep_ in ("iobj", "obl", "obl:arg", "expl:comp"):
            continue
        if tok.is_title and tok.pos_ in ("VERB", "AUX") and in_phrase:
            continue  # a name the tagger took for a verb ("sur France Inter")
        return False
    return True


def _speaker_of_verb(verb):
    """The subject of the speech verb; for a narrative infinitive ("Eux d'ajouter que …")
    the pronoun or name before its "de"."""

    speaker = subject_of(verb)
    if speaker is None:
        for aux in verb.children:
            if aux.dep_.startswith("aux") and aux.i < verb.i:
                speaker = subject_of(aux)
                if speaker is not None:
                    break
    if speaker is None and "Inf" in verb.morph.get("VerbForm"):
        de = previous_word(verb)
        head = previous_word(de) if de is not None and de.lower_ in ("de", "d'", "d’") \
            else None
        if head is not None and head.pos_ in ("PRON", "PROPN", "NOUN") and \
                is_speaker_like(head) and head.i == head.sent.start + (
                    head.i - head.sent.start) and de.head.i == verb.i:
            speaker = head
    if speaker is None or speaker.lower_ in ("on", "certains", "certaines", "je", "j'",
                                             "nous", "-on"):
        return None
    if speaker.lower_ == "il" and speaker.dep_ == "expl:subj":
        return None
    return speaker


def _names_a_thing(doc: Doc, region: QuoteRegion) -> bool:
    open_tok, _, content = region_tokens(doc, region)
    words = [t for t in content if not t.is_punct and not t.is_space]
    if not words or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False  # "l'opération « visait à … »": a clause is someone's words
    if not any(c.isupper() for c in words[0].text):
        return False  # "ce blocage est « intolérable »": a name is capitalised
    if open_tok is None:
        return False
    if is_title_like(open_tok, content):
        return True
    # "l'organisation « Front uni »", "le groupe « Armée libre »": a short capitalised
    # phrase the tagger reads as an organisation, or set in apposition to a noun, names
    # it (not "la « France oubliée »", a wording).
    if not 2 <= len(words) <= 4 or any(t.is_punct and t.text != "-" for t in content):
        return False
    if all(t.ent_type_ in ("ORG", "MISC") for t in words):
        return True
    before = open_tok.nbor(-1) if open_tok.i > open_tok.sent.start else None
    return before is not None and before.pos_ == "NOUN" and words[0].is_title


_SECOND_QUE = re.compile(r"(?:,\s*)?\b(?:et|mais)\s+(?:que\b|qu['’]|de\b|d['’])\s*")


def _coordinated_complements(doc: Doc, report: Candidate, regions: list[QuoteRegion],
                             text: str) -> list[Candidate]:
    """"a assuré que « A » et qu'il B", "accuse X de vouloir « A » et que B « C »": two
    complements coordinated under one cue, the first holding marked words, are two
    reports (each direct, mixed or indirect on its own). The "et que/de" must lie outside
    the marks, and "et de" must open an infinitive."""
    end = span_end_after_regions(regions, report.start, report.end)
    if not any(report.start <= r.open < end or r.start <= report.start < r.end
               for r in regions):
        return [report]
    for match in _SECOND_QUE.finditer(text, report.start, end):
        if any(r.open <= match.start() < r.outer_end for r in regions):
            continue
        if match.start() - report.start < 8 or end - match.end() < 8:
            continue
        que = doc.char_span(match.end() - len(match.group(0).split()[-1].strip()),
                            match.end(), alignment_mode="expand")
        if que is not None and len(que) and que[0].lower_.startswith("qu") and \
                ("Rel" in que[0].morph.get("PronType") or que[0].pos_ == "PRON"):
            continue  # "des règles qui vont « trop loin » et qu'il juge …": a relative
        if match.group(0).rstrip().endswith(("de", "d'", "d’")):
            span = doc.char_span(match.end(), min(end, match.end() + 40),
                                 alignment_mode="expand")
            words = [t for t in span if not t.is_punct] if span is not None else []
            # "et de ne pas …", "et de se …": a clitic or negation may come first
            while words and words[0].lower_ in ("ne", "n'", "se", "s'", "le", "la", "les",
                                                 "l'", "lui", "leur", "y", "en", "pas"):
                words = words[1:]
            if not words or "Inf" not in words[0].morph.get("VerbForm"):
                continue
        if not any(r.open < match.start() and (report.start <= r.open or
                                                 r.start <= report.start < r.end)
                   for r in regions):
            # "a expliqué que A et que B « … »": an unmarked first complement stays
            # with the marked one in a single mixed report.
            continue
        head = doc.char_span(report.start, match.start(), alignment_mode="expand")
        if head is not None and any("Rel" in t.morph.get("PronType") and
                                    not any(r.open <= t.idx < r.outer_end for r in regions)
                                    for t in head):
            continue  # "des règles qui vont « trop loin » et qu'il juge …": a relative's
        first = replace(report, end=match.start())
        second = replace(report, start=match.end(), end=report.end)
        if report.end <= match.end():
            second.end = end
        return [first, second]
    return [report]


RELATIVES = frozenset({"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})


def _relative_frame(doc: Doc, first: QuoteRegion, end: int, text: str) -> bool:
    """Does the first marked part open right after a relative pronoun and its verb
    ("… qui est « … »"), with only marked parts until the end of the report?"""
    if not first.closed or text[first.outer_end:end].strip(" \u00a0\u202f,.;") and \
            not _fills_rest(doc, first, end, text):
        return False
    span = doc.char_span(max(0, first.open - 60), first.open, alignment_mode="contract")
    if span is None:
        return False
    words = [t for t in span if not t.is_space]
    for k, tok in enumerate(reversed(words[-4:])):
        if tok.is_punct:
            return False
        if tok.lower_ in RELATIVES and "Rel" in tok.morph.get("PronType"):
            return k > 0  # the relative's verb stands before the marks
    return False


def _fills_rest(doc: Doc, first: QuoteRegion, end: int, text: str) -> bool:
    """Only further marked parts (joined by "et" or commas) after the first one."""
    regions = [r for r in (doc._.quote_regions or []) if r.depth == 0 and
               first.open <= r.open < end]
    return _fills(regions, first.open, end, text)


def _without_restatements(reports: list[Candidate]) -> list[Candidate]:
    """"X a dit regretter que …": the inner report is the content of the outer one, by
    the same speaker, not a second quote."""
    kept = []
    for inner in reports:
        nested = any(
            outer is not inner and outer.start <= inner.cue_token.idx < outer.end
            and outer.speaker_token is not None and inner.speaker_token is not None
            and outer.speaker_token.i == inner.speaker_token.i
            for outer in reports if outer.cue_token is not None and inner.cue_token is not None)
        if not nested:
            kept.append(inner)
    return kept


CLAUSE_LINKS = frozenset({"tandis", "alors", "mais", "et", ";"})


def _stop_before_other_reports(reports: list[Candidate], regions: list[QuoteRegion],
                               quotes: list[Candidate] = ()) -> None:
    """"Pour Le Monde, ce blocage est « intolérable » et Louis Dreyfus estime que …": a
    report ends where another speaker's report begins (outside quoted words). So does
    a marked quote of another speaker in a clause of its own ("tandis que X s'« … »")."""
    for report in reports:
        for other in list(reports) + [q for q in quotes if _linked_clause(q.speaker_token)]:
            if other is report or other.cue_token is None or other.speaker_token is None:
                continue
            speaker = other.speaker_token
            if report.speaker_token is not None and speaker.i == report.speaker_token.i:
                continue
            if speaker.lower_ in ("qui", "lequel", "laquelle", "dont"):
                continue  # a relative clause belongs to the report it sits in
            if other.rule == "indirect-que-noun":
                continue  # "avoir eu l'information de X que …": nested in the report
            if other.rule == "indirect-selon" and report.cue_token is not None and \
                    other.end <= report.cue_token.idx:
                # "2000 selon la police et 9000 selon les syndicats": the final source
                # vouches for the whole clause, the interrupting one stays inside.
                continue
            if not (report.start < speaker.idx < report.end and
                    report.start < other.cue_token.idx < report.end):
                continue
            if any(r.start <= speaker.idx < r.end for r in regions):
                continue
            cut = min(t.idx for t in speaker.subtree if t.i <= speaker.i)
            doc = speaker.doc
            i = doc[speaker.i].left_edge.i - 1
            if other.kind == "direct":
                # The whole noun phrase of a marked quote's subject ("son avocat X").
                first = _phrase_start(speaker)
                cut = min(cut, doc[first].idx)
                i = min(i, first - 1)
            while i > 0 and doc[i].idx >= report.start and (
                    doc[i].is_space or doc[i].text in (",", "et", "mais", "puis", ";") or
                    doc[i].lower_ in ("que", "qu'", "qu’") and i > 0 and
                    doc[i - 1].lower_ in ("tandis", "alors") or
                    doc[i].lower_ in ("tandis", "alors") and i + 1 < len(doc) and
                    doc[i + 1].lower_ in ("que", "qu'", "qu’")):
                cut = doc[i].idx
                i -= 1
            if cut > report.start:
                report.end = min(report.end, cut)
                start, end = trimmed_offsets(doc, report.start, report.end)
                report.start, report.end = start, end


def _phrase_start(speaker) -> int:
    """The first token of the noun phrase ending with the speaker ("son avocat X")."""
    doc = speaker.doc
    i = min(speaker.left_edge.i, speaker.i) - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ in ("DET", "NOUN", "PROPN", "ADJ") or
                      doc[i].text == "-") and speaker.i - i <= 8:
        i -= 1
    return i + 1


def _linked_clause(speaker) -> bool:
    """Does the speaker's phrase open a clause of its own ("tandis que X", "et X")?"""
    doc = speaker.doc
    i = _phrase_start(speaker) - 1
    if i < 0:
        return False
    if doc[i].lower_ in ("que", "qu'", "qu’") and i > 0:
        return doc[i - 1].lower_ in ("tandis", "alors")
    return doc[i].lower_ in CLAUSE_LINKS


def _own_attribution(direct: Candidate, report: Candidate) -> bool:
    """A marked part with its own incise inside a longer report keeps its own record."""
    if direct.cue is None or direct.floating:
        return False
    if direct.rule not in ("direct-incise", "direct-colon"):
        return False
    verb = direct.cue_token
    if direct.rule == "direct-incise" and verb is not None and \
            "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        # "X affirme vouloir « … », arguant que …": a participle after the marks shares
        # the report's subject; the marked words stay in the report.
        return False
    return direct.cue_token is not None and report.cue_token is not None and \
        direct.cue_token.i != report.cue_token.i


def dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per span: the most confident, attributed one."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        key = (c.start, c.end)
        old = best.get(key)
        if old is None or _rank(c) > _rank(old):
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.start, c.end))


def _rank(c: Candidate) -> tuple:
    return (c.cue is not None, c.speaker_token is not None, c.confidence)
