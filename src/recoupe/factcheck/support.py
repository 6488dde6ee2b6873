"""How far the body of an article supports each assertion of its headline.

For every content word of an assertion (a *term*), the body is searched for the same
lemma, a derived form, a synonym, or a weaker word of the same intensity scale; names
match by their words ("Poutine" ~ "Vladimir Poutine"). Then four general checks hold
the headline to the body's strength:

    plurality      a plural headline noun ("des appels") whose body mentions are all
                   singular with nothing that counts more than one
    single source  a term whose every supporting word is attributed to one piece of
                   evidence (a recording and the people recorded in it, say)
    strength       a term supported only by a weaker word ("guerre" / "conflit")
    figures        a number of the headline that the body never gives

Verdicts: ``not_supported`` when the core of the assertion (its predicate, or what a
light verb carries: "fait face à *une mutinerie*") has no support; ``supported`` when
the core and most of the rest are supported and no check fails; ``partly`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from recoupe import schema
from recoupe.factcheck.assertions import Assertion
from recoupe.factcheck.attribution import attributions
from recoupe.factcheck.chainflags import Graph
from recoupe.factcheck.evidence import Choice, Cover, choose
from recoupe.factcheck.hedges import (ALLEGED_WORDS, find_hedges, is_hedging_conditional,
                                      reported_future)
from recoupe.factcheck.words import (LIGHT_VERBS, is_content, key, multiword_at, phrase_key,
                                     relation, synonyms)
from recoupe.pipeline.entities import fold, name_words

STRENGTH = {"same": 1.0, "derived": 1.0, "name": 1.0, "synonym": 0.9, "weaker": 0.5}
SUPPORTED = 0.7  # weighted coverage for "supported"
PARTLY = 0.4  # below: not supported, whatever the core
# With its core word absent, an assertion whose other words are mostly in the body is
# only partly supported: the core may be paraphrased.
CORE_MISSING_PARTLY = 0.5
# Verbs whose object carries the assertion ("déclare la guerre", "fait face à").
CARRIER_VERBS = LIGHT_VERBS | frozenset("déclarer annoncer dire affirmer évoquer "
                                        "discuter parler connaître subir".split())
# Verbs whose "si" clause is a question: its content is asked, not asserted.
ASKING = frozenset("demander interroger ignorer savoir chercher vérifier "
                   "déterminer examiner".split())
# Editorial labels whose complement is what the headline is about ("le point sur …").
META_NOUNS = frozenset(fold(w) for w in """
    point retour focus zoom décryptage portrait chronologie récit questions question
    analyse éclairage regard résultats
""".split())
# Nouns that only build a preposition ("à la suite de", "en raison de", "face à").
LOCUTION_NOUNS = frozenset(fold(w) for w in """
    suite cours raison cadre faveur lieu face part côté niveau issue occasion approche
    veille lendemain terme moyen égard encontre profit sein fur mesure travers vue
""".split())
# Approximate quantities: singular value, and the least a plural means ("des dizaines").
APPROXIMATE = {fold(w): (n, p) for w, n, p in (
    ("dizaine", 10, 20), ("douzaine", 12, 24), ("quinzaine", 15, 30), ("vingtaine", 20, 40),
    ("trentaine", 30, 60), ("quarantaine", 40, 80), ("cinquantaine", 50, 100),
    ("soixantaine", 60, 120), ("centaine", 100, 200), ("millier", 1000, 2000),
    ("million", 1_000_000, 2_000_000), ("milliard", 10**9, 2 * 10**9))}
COUNT_WORDS = frozenset(fold(w) for w in """
    plusieurs nombreux nombreuses divers diverses quelques autres autre second seconde
    deuxième troisième nouvel nouveaux nouvelles série multiples différents différentes
""".split())
NUMBER_WORDS = {fold(w): n for n, w in enumerate(
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf vingt".split())}
NUMBER_WORDS.update({"trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
                     "cent": 100, "mille": 1000, "une": 1})
# Nouns whose plural says nothing about how many ("les forces", "des troupes").
COLLECTIVE = frozenset(fold(w) for w in """
    troupe force gens condition moyen donnée information affaire élection frais
    vacances funérailles obsèques mœurs environs archives représailles
""".split())


@dataclass
class Term:
    token: Token
    key: str
    core: bool
    name: bool
    weight: float
    phrase: tuple[int, int]  # character span shown to the reader ("exode massif")

    @property
    def text(self) -> str:
        return self.token.text


@dataclass
class Match:
    token: Token
    sentence: int
    relation: str


@dataclass
class Finding:
    verdict: str
    evidence: list[tuple[int, int]]
    explanation: str
    unsupported: list[tuple[Term, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Body:
    """The article below the headline: its sentences and content words, indexed."""

    def __init__(self, doc: Doc, headline_end: int):
        self.doc = doc
        credit = doc._.credit
        self.sentences: list[Span] = [
            s for s in doc.sents if s.start_char >= headline_end
            and not (credit is not None and s.start_char >= credit.start
                     and s.end_char <= credit.end + 1)]
        asking = _question_tokens(doc)
        # Words in a question assert nothing ("Partir ? Comme s'enfuir ?").
        self.words: list[tuple[int, Token, str]] = [
            (i, t, key(t)) for i, s in enumerate(self.sentences) for t in s
            if is_content(t) and t.i not in asking]
        # Every word of each sentence, for synonyms of several words ("ouvrir le feu").
        self.sequences: list[list[tuple[str, Token]]] = [
            [(phrase_key(t), t) for t in s if not (t.is_punct or t.is_space)]
            for s in self.sentences]
        # The lead: the first sentence that says something (not a dateline).
        self.lead: int | None = next((i for i, s in enumerate(self.sentences)
                                      if sum(t.is_alpha for t in s) >= 6), None)
        self.numbers: set[float] = set()
        for sentence in self.sentences:
            values = [v for t in sentence if (v := number_value(t)) is not None]
            self.numbers |= set(values)
            self.numbers |= {a + b for i, a in enumerate(values) for b in values[i + 1:]}

    def matches(self, term: Term) -> list[Match]:
        found = []
        for index, token, word in self.words:
            if term.name:
                kind = "name" if _same_name(term.token, token) else None
            else:
                kind = _relation(term.key, word)
            if kind is not None:
                found.append(Match(token, index, kind))
        if not term.name:
            phrases = {w for w in synonyms(term.key) if " " in w}
            for phrase in phrases:
                found.extend(self._phrase_matches(phrase.split(), "synonym"))
            if " " in term.key:  # the body uses the same expression
                found.extend(self._phrase_matches(term.key.split(), "same"))
        return found

    def figure_matches(self, token: Token) -> list[Match]:
        """Body figures equal to a headline figure (for choosing evidence)."""
        value = number_value(token)
        if value is None:
            return []
        return [Match(t, i, "same") for i, s in enumerate(self.sentences) for t in s
                if number_value(t) == value]

    def _phrase_matches(self, phrase: list[str], kind: str) -> list[Match]:
        found = []
        n = len(phrase)
        for index, sequence in enumerate(self.sequences):
            for start in range(len(sequence) - n + 1):
                if all(sequence[start + k][0] == phrase[k] for k in range(n)):
                    found.append(Match(sequence[start][1], index, kind))
        return found


@lru_cache(maxsize=20000)
def _relation(headline_word: str, body_word: str) -> str | None:
    return relation(headline_word, body_word)


def _question_tokens(doc: Doc) -> set[int]:
    """Tokens in a stretch that ends with a question mark, or in an indirect question
    ("les chercheurs se demandent si d'autres animaux sont porteurs")."""
    asking: set[int] = set()
    for token in doc:
        if token.dep_ == "mark" and fold(token.text) in {"si", "s'"}:
            clause = token.head
            governor = clause.head if clause.dep_ in {"ccomp", "conj", "obj"} else None
            while governor is not None and governor.dep_ == "conj":
                governor = governor.head
            if governor is not None and governor.lemma_ in ASKING:
                asking.update(t.i for t in clause.subtree)
    stretch: list[int] = []
    for token in doc:
        stretch.append(token.i)
        if token.text in {".", "!", "…", "?"}:
            if token.text == "?":
                asking.update(stretch)
            stretch = []
    return asking


def _same_name(a: Token, b: Token) -> bool:
    fa, fb = fold(a.text), fold(b.text)
    if fa == fb:
        return True
    if fa in name_words(b.text) and len(fa) > 2:
        return True
    # A country and its people or adjective: "Syrie" ~ "syrien", "Russie" ~ "russes".
    shared = 0
    for x, y in zip(fa, fb):
        if x != y:
            break
        shared += 1
    return (b.pos_ in {"ADJ", "NOUN", "PROPN"} and shared >= 4 and shared >= len(fa) - 2
            and len(fb) - shared <= 4)


def terms_of(assertion: Assertion) -> list[Term]:
    """The content words of an assertion, its shared subject included, with the core
    (the predicate, or what a carrier verb carries) marked. A lexicon term of several
    words ("cloués au sol") is one term, compared as a whole."""
    core = _core(assertion)
    terms = []
    for stretch in (assertion.tokens, assertion.shared):
        words = [t for t in stretch if not t.is_space]
        i = 0
        while i < len(words):
            length = multiword_at(words, i)
            if length:
                terms.append(_phrase_term(words[i:i + length], core))
                i += length
                continue
            token = words[i]
            i += 1
            if not is_content(token) or _in_locution(token):
                continue
            name = token.pos_ == "PROPN" or (token.text[:1].isupper() and token.i > 0
                                             and token.pos_ != "NUM")
            weight = 0.5 if name or token.pos_ in {"ADJ", "ADV"} or _classifier(token) else 1.0
            if fold(token.lemma_) in META_NOUNS and token.i not in core:
                weight = 0.25  # "le point sur": a label, not a fact
            terms.append(Term(token, key(token), core=token.i in core and not name,
                              name=name, weight=weight, phrase=_phrase(token)))
    return terms


def _phrase_term(tokens: list[Token], core: set[int]) -> Term:
    """One term for "cloués au sol": its head word stands for it, its key is the
    whole expression, and it is core when any of its words is."""
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    last = tokens[-1]
    return Term(head, " ".join(phrase_key(t) for t in tokens), core=bool(inside & core),
                name=False, weight=1.0, phrase=(tokens[0].idx, last.idx + len(last.text)))


def _core(assertion: Assertion) -> set[int]:
    """The predicate and its main complement; only the complement when a carrier verb
    ("fait face à", "déclare") or a label noun ("le point sur") carries nothing itself."""
    head = assertion.head
    if head.pos_ in {"NOUN", "PROPN"} and fold(head.lemma_) in META_NOUNS:
        about = [c for c in head.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
        return {about[0].i} if about else {head.i}
    if head.pos_ not in {"VERB", "AUX"}:
        # "un homme percuté", "des militaires agressés": the participle is the predicate.
        participles = [c for c in head.children if c.dep_.startswith("acl")
                       and ("Part" in c.morph.get("VerbForm") or c.pos_ == "ADJ")]
        return {participles[0].i} if participles else {head.i}
    # Arguments, not circumstances: "périssent dans une coulée de boue" asserts the
    # deaths; where they happened is detail.
    complements = [_through_locution(c) for c in head.children
                   if c.dep_ in {"obj", "obl:arg", "xcomp", "ccomp"}
                   and c.pos_ in {"NOUN", "VERB", "ADJ"}]
    carrier = key(head) in {fold(v) for v in CARRIER_VERBS} or head.lemma_ in {"être", "avoir"}
    if carrier and complements:
        return {complements[0].i}
    return {head.i} | ({complements[0].i} if complements else set())


def _classifier(token: Token) -> bool:
    """"voiture de course", "avion de combat": a bare noun that only says which kind."""
    return token.dep_ == "nmod" and token.pos_ == "NOUN" and not any(
        c.dep_ == "det" for c in token.children) and any(
        c.dep_ == "case" and c.lower_ in {"de", "d'", "à"} for c in token.children)


def _in_locution(token: Token) -> bool:
    """"face" in "fait face à", "suite" in "à la suite de": part of a preposition."""
    return fold(token.lemma_) in LOCUTION_NOUNS and (
        token.dep_ in {"case", "fixed", "mark"}
        or any(c.dep_ in {"case", "fixed"} for c in token.children))


def _through_locution(token: Token) -> Token:
    """"à la suite des malaises": the complement is "malaises", not "suite"."""
    if fold(token.lemma_) in LOCUTION_NOUNS:
        inner = [c for c in token.children if c.dep_ == "nmod" and c.pos_ in {"NOUN", "PROPN"}]
        if inner:
            return inner[0]
    return token


def _phrase(token: Token) -> tuple[int, int]:
    """A noun with the adjectives right next to it ("exode massif", "appels divulgués")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if token.pos_ in {"NOUN", "PROPN"}:
        while end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ in {
                "amod", "acl"} and doc[end].pos_ in {"ADJ", "VERB"}:
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def number_value(token: Token) -> float | None:
    """The value of a number written in figures or words ("12 700", "trois",
    "quarantaine"); None for anything else, "un" the article included."""
    return _number_value(token.text, token.pos_)


@lru_cache(maxsize=1 << 16)  # the headline check reads every body token, ~87k per 300 articles
def _number_value(text: str, pos: str) -> float | None:
    text = text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    word = fold(text)
    if word in NUMBER_WORDS and pos in {"NUM", "DET", "PRON"}:
        return float(NUMBER_WORDS[word]) if word not in {"un", "une"} or pos == "NUM" \
            else None
    singular = word[:-1] if word.endswith("s") else word
    if singular in APPROXIMATE and pos == "NOUN":
        value, least = APPROXIMATE[singular]
        return float(least if word.endswith("s") else value)
    if any(c.isdigit() for c in text):
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None
    return None


def _approximate(token: Token) -> bool:
    word = fold(token.text)
    return (word[:-1] if word.endswith("s") else word) in APPROXIMATE


def _figure_supported(token: Token, value: float, body: "Body") -> bool:
    """An exact figure must be in the body (or be a sum of figures of one body
    sentence: "trois grièvement blessés et trois autres" make 6); "des dizaines" needs
    a body figure of at least 20; "une quarantaine" one within a quarter of 40."""
    if not _approximate(token):
        return value in body.numbers
    if fold(token.text).endswith("s"):
        return any(n >= value for n in body.numbers)
    return any(abs(n - value) <= value / 4 for n in body.numbers)


def check_assertion(doc: Doc, assertion: Assertion, body: Body,
                    chain: schema.SourceChain | None, headline_hedged: bool) -> Finding:
    terms = terms_of(assertion)
    if not terms:
        return Finding("not_supported", [], "The assertion has no content word to check.")
    matches = {id(t): body.matches(t) for t in terms}
    best = {id(t): max((STRENGTH[m.relation] for m in matches[id(t)]), default=0.0)
            for t in terms}
    for term in terms:
        value = number_value(term.token)
        if value is not None and _figure_supported(term.token, value, body):
            best[id(term)] = 1.0  # "des dizaines de morts" with 48 dead in the body
    core = [t for t in terms if t.core] or [t for t in terms if not t.name][:1]
    # A verb may be paraphrased ("se dote de" / "a fait l'acquisition de"): when its
    # complement is supported, the complement decides and the verb is not counted.
    nominal = [t for t in core if t.token.pos_ != "VERB"]
    deciding = nominal if nominal and any(best[id(t)] > 0 for t in nominal) else core
    paraphrased = {id(t) for t in core if t not in deciding and best[id(t)] == 0}
    counted = [t for t in terms if id(t) not in paraphrased]
    coverage = sum(t.weight * best[id(t)] for t in counted) / sum(t.weight for t in counted)
    core_ok = all(best[id(t)] > 0 for t in deciding)
    problems: list[str] = []
    unsupported: list[tuple[Term, str]] = []
    for term in terms:
        if best[id(term)] == 0:
            if number_value(term.token) is not None or id(term) in paraphrased:
                continue  # figures are checked by value below
            if term.core or term.name:
                unsupported.append((term, "never in the body: not the word, a derived form "
                                          "or a synonym"))
        elif best[id(term)] == STRENGTH["weaker"]:
            weaker = next(m.token.text for m in matches[id(term)] if m.relation == "weaker")
            reason = f"stronger than the body, which only says «{weaker}»"
            unsupported.append((term, reason))
            problems.append(f"«{_text(doc, term.phrase)}» is {reason}")
    problems += _figures(doc, terms, body, unsupported)
    problems += _plurality(doc, terms, matches, body)
    if not headline_hedged:
        problems += _hedged_only(doc, terms, matches, body)
    single = _single_source(doc, terms, matches, body, chain)
    notes = list(single)
    if single and not headline_hedged and _weak(single_source_ids(doc, terms, matches,
                                                                  body), chain):
        problems += single
    if not core_ok:
        missing = ", ".join(f"«{_words(doc, t)}»" for t in deciding if best[id(t)] == 0)
        verdict = "partly" if coverage >= CORE_MISSING_PARTLY else "not_supported"
        explanation = f"The body never says {missing}."
    elif coverage >= SUPPORTED and not problems:
        verdict = "supported"
        explanation = "The body states it" + (f": {notes[0]}" if notes else ".")
    elif coverage >= PARTLY:
        verdict = "partly"
        explanation = "; ".join(problems) + "." if problems else (
            f"The body supports only part of it ({coverage:.0%} of its words).")
    else:
        verdict = "not_supported"
        explanation = f"The body supports little of it ({coverage:.0%} of its words)."
    for term, reason in unsupported:
        if term.core and best[id(term)] == 0:
            notes.insert(0, f"«{_text(doc, term.phrase)}» has no support in the body.")
    choice = _evidence(terms, matches, body, supported=verdict != "not_supported")
    if verdict == "not_supported":
        explanation += " " + _closest(choice)
    return Finding(verdict, _evidence_spans(choice, body), explanation, unsupported,
                   notes + problems)


def _closest(choice: Choice) -> str:
    """What the sentences shown for an unsupported assertion have in common with it."""
    if not choice.sentences:
        return "No body sentence shares a content word with it, so none is given as evidence."
    shared = ", ".join(f"«{w}»" for w in choice.shared)
    if len(choice.sentences) == 1:
        return f"Evidence: the closest body sentence, which shares only {shared} with it."
    return f"Evidence: the closest body sentences, which share only {shared} with it."


def _evidence(terms: list[Term], matches: dict, body: Body, supported: bool) -> Choice:
    """The body sentences that bear on the assertion (see ``recoupe.factcheck.evidence``)."""
    covers = [Cover(id(t), (1.0 if t.name else t.weight) * (2 if t.core else 1), t.name)
              for t in terms]
    support: dict[int, dict[int, float]] = {}
    words: dict[int, dict[int, str]] = {}
    for term in terms:
        found = list(matches[id(term)]) + body.figure_matches(term.token)
        for match in found:
            slot = support.setdefault(match.sentence, {})
            strength = STRENGTH[match.relation]
            if strength > slot.get(id(term), 0.0):
                slot[id(term)] = strength
                words.setdefault(match.sentence, {})[id(term)] = match.token.text
    return choose(covers, support, body.lead, supported, words)


def _evidence_spans(choice: Choice, body: Body) -> list[tuple[int, int]]:
    spans = []
    text = body.doc._.source_text or body.doc.text
    for index in choice.sentences:
        sent = body.sentences[index]
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _figures(doc: Doc, terms: list[Term], body: Body, unsupported) -> list[str]:
    problems = []
    for term in terms:
        value = number_value(term.token)
        if value is None or _figure_supported(term.token, value, body):
            continue
        if not any(u[0] is term for u in unsupported):
            unsupported.append((term, "this figure is not in the body"))
        problems.append(f"the figure «{term.text}» is not in the body")
    return problems


def _plurality(doc: Doc, terms: list[Term], matches: dict, body: Body) -> list[str]:
    """A plural headline noun whose body mentions all speak of one thing."""
    problems = []
    for term in terms:
        token = term.token
        if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number") or term.name:
            continue
        if term.key in COLLECTIVE or _approximate(token) or _counted(token):
            continue
        same = [m for m in matches[id(term)] if m.relation in {"same", "derived"}
                and m.token.pos_ == "NOUN"]
        others = [m for m in matches[id(term)] if m.relation == "synonym"
                  and m.token.pos_ == "NOUN"]
        if not same:
            continue
        if all(_one(m.token) for m in same + others):
            problems.append(f"«{_text(doc, term.phrase)}» is plural, but the body mentions "
                            f"only one «{same[0].token.lemma_}»")
    return problems


def _hedged_only(doc: Doc, terms: list[Term], matches: dict, body: Body) -> list[str]:
    """A headline fact the body only states in the conditional or as an allegation."""
    problems = []
    for term in terms:
        found = matches[id(term)]
        if term.name or not found or not all(hedged_word(m.token) for m in found):
            continue
        problems.append(f"the body only says «{_text(doc, term.phrase)}» with a hedge "
                        f"(conditional or alleged), the headline as a fact")
    return problems


def _counted(token: Token) -> bool:
    """"deux bacilles", "des dizaines de morts": the headline gives its own count."""
    if any(c.dep_ == "nummod" for c in token.children):
        return True
    head = token.head
    return head.i != token.i and (number_value(head) is not None or _approximate(head))


def hedged_word(token: Token) -> bool:
    """Is this word stated at a distance: under a conditionnel journalistique on its
    own clause chain ("Lucy aurait fait une chute", but not "un homme, qui aurait 30
    ans, a poignardé"), or under an allegation on its own phrase ("les emplois présumés
    fictifs")?"""
    for word in [token, token.head]:
        if fold(word.text) in ALLEGED_WORDS or any(
                fold(c.text) in ALLEGED_WORDS for c in word.children):
            return True
    current = token
    for _ in range(12):
        if any(c.dep_ == "mark" and fold(c.text) in {"si", "s'"} for c in current.children):
            return False  # "se demandent si … serait": a question, not a hedge
        verbs = [current] + [c for c in current.children
                             if c.dep_ in {"aux", "aux:tense", "aux:pass", "cop"}]
        if any(is_hedging_conditional(v) and not reported_future(v) for v in verbs):
            return True
        if current.head.i == current.i:
            break
        current = current.head
    # The parser sometimes hangs the auxiliary on a noun of an incise ("Lucy aurait,
    # selon des experts, fait une chute"): such a stray conditional rules the sentence.
    return any(is_hedging_conditional(t) and t.pos_ == "AUX"
               and t.head.pos_ not in {"VERB", "AUX", "ADJ"} for t in token.sent)


def _one(token: Token) -> bool:
    """Does this mention speak of a single thing (singular, nothing counting more)?"""
    if "Plur" in token.morph.get("Number"):
        return False
    for child in token.children:
        if fold(child.text) in COUNT_WORDS:
            return False
        value = number_value(child) if child.dep_ == "nummod" else None
        if value is not None and value > 1:
            return False
    return True


def _supporting_attributions(doc: Doc, terms: list[Term], matches: dict,
                             body: Body) -> dict[int, list[set[str]]]:
    """For each core or strong term, the sources behind each supporting word (an empty
    set for a word in the journalist's own voice)."""
    spans = attributions(doc)
    mentions = [(m.start, m.end) for s in (doc._.sources.sources if doc._.sources else [])
                for m in s.mentions]
    result: dict[int, list[set[str]]] = {}
    for term in terms:
        if term.name or not matches[id(term)]:
            continue
        per_match = []
        for match in matches[id(term)]:
            if any(start <= match.token.idx < end for start, end in mentions):
                continue  # "selon un appel": the source's own name supports nothing
            sentence = body.sentences[match.sentence]
            sources = {a.source for a in spans
                       if (a.how == "quote" and a.start <= match.token.idx < a.end)
                       or (a.how != "quote" and a.start <= sentence.start_char < a.end)}
            per_match.append(sources)
        result[id(term)] = per_match
    return result


def single_source_ids(doc, terms, matches, body) -> set[str]:
    ids: set[str] = set()
    for per_match in _supporting_attributions(doc, terms, matches, body).values():
        for sources in per_match:
            ids |= sources
    return ids


def _single_source(doc: Doc, terms: list[Term], matches: dict, body: Body,
                   chain: schema.SourceChain | None) -> list[str]:
    """"«exode massif» rests on one source": every word supporting a core term comes
    from one piece of evidence (a recording with the people recorded in it)."""
    if chain is None or not chain.sources:
        return []
    graph = Graph(chain)
    notes = []
    supports = _supporting_attributions(doc, terms, matches, body)
    for term in terms:
        per_match = supports.get(id(term))
        if not per_match or not term.core:
            continue
        if any(not sources for sources in per_match):
            continue  # the journalist states it too
        origins: set[str] = set()
        for sources in per_match:
            for source in sources:
                origins |= graph.origins(source)
        origins.discard(graph.unit.get("s0", "s0"))
        if len(origins) != 1:
            continue
        unit = next(iter(origins))
        speakers = [n for n in _quoted_speakers(graph, per_match, unit)
                    if n != graph.unit_name(unit)]
        who = f" (the words of {', '.join(speakers)})" if speakers else ""
        notes.append(f"«{_text(doc, term.phrase)}» rests on a single source, "
                     f"“{graph.unit_name(unit)}”{who}")
    return notes


def _quoted_speakers(graph: Graph, per_match: list[set[str]], unit: str) -> list[str]:
    """The people of the unit whose words support the term, most supporting first."""
    counts: dict[str, int] = {}
    for sources in per_match:
        for source in sources:
            s = graph.by_id[source]
            if graph.unit[source] == unit and s.type not in {"recording", "document"}:
                counts[s.name] = counts.get(s.name, 0) + 1
    quoted = {s.name: len(s.quotes) for s in graph.chain.sources}
    return sorted(counts, key=lambda name: (-counts[name], -quoted.get(name, 0)))


def _weak(source_ids: set[str], chain: schema.SourceChain | None) -> bool:
    """Anonymous people or material of unknown origin: too little for a headline fact."""
    if chain is None:
        return False
    flagged = {m.start for f in chain.flags if f.kind == "unknown_origin" for m in f.evidence}
    for source in chain.sources:
        if source.id not in source_ids:
            continue
        if source.type == "anonymous_person" or any(m.start in flagged for m in source.mentions):
            return True
    return False


def headline_is_hedged(span: Span) -> bool:
    return bool(find_hedges(span))


def _words(doc: Doc, term: Term) -> str:
    """The term as the headline writes it: the whole of an idiom ("cloués au sol")."""
    return _text(doc, term.phrase) if " " in term.key else term.text


def _text(doc: Doc, span: tuple[int, int]) -> str:
    text = doc._.source_text or doc.text
    return text[span[0]:span[1]]
