"""Is a sentence a claim worth checking, and of what kind?

Every decision comes from named features (the ``features`` of a ``Claim``), so that a
fact-checker can see why a sentence was listed and how it scored:

    number, date, entities, event, causal, prediction, speech,
    harm                                                         what can be verified
    hedged, weak_source, lead, topic                             why it matters
    opinion, question, background, short                         why it may not be one

Types follow docs/annotation-claims-headline.md, first that applies: prediction, causal,
number, statement (reported speech), event, statement (a state or conduct), date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from recoupe.factcheck.commentary import marks as commentary_marks
from recoupe.factcheck.vocabulary import REPORTING_VERBS
from recoupe.factcheck.words import is_content, key
from recoupe.pipeline.entities import DAYS_MONTHS, fold

MONTHS = frozenset(fold(m) for m in "janvier février mars avril mai juin juillet août "
                   "septembre octobre novembre décembre".split())
DATE_WORDS = frozenset(fold(w) for w in DAYS_MONTHS) | frozenset(
    "hier aujourd'hui demain avant-hier lendemain veille".split())
TIME_UNITS = frozenset("h heure heures minute minutes".split())
# Counts of time or of times in a quotation ("cinq p****** de jours sous la pluie",
# "je l'ai dit cent fois"): the complaint's rhetoric more often than a figure to check.
RHETORICAL_UNITS = frozenset(fold(w) for w in "jour nuit semaine mois an année heure "
                             "minute seconde siècle fois".split())
# Times that put a futur antérieur ahead of now ("aura terminé d'ici la fin de l'année"),
# with dates and weekdays; without one it sums up the past ("l'épidémie aura fait 11 000
# victimes").
FUTURE_TIMES = frozenset(fold(w) for w in "demain prochain prochaine prochains prochaines "
                         "bientôt ici lorsque quand dès".split())
# Marks of commentary (figures of speech, judgements, guesses) that make a sentence
# opinion rather than a claim.
COMMENTARY = 2
QUANTITY_NOUNS = frozenset(fold(w) for w in """
    moitié tiers quart dizaine douzaine vingtaine trentaine quarantaine cinquantaine
    centaine millier million milliard majorité minorité totalité pourcentage taux
    baisse hausse augmentation diminution recul croissance record bilan
""".split())
CAUSAL_PHRASES = [tuple(p.split()) for p in (
    "a cause de", "a cause d'", "en raison de", "en raison d'", "en raison du",
    "en raison des", "parce que", "parce qu'", "grace a", "du fait de", "du fait que",
    "du fait d'", "du fait du", "suite a", "a la suite de", "a la suite d'",
    "a la suite des", "a la suite du", "la raison", "c'est pourquoi", "par consequent",
    "en consequence", "a l'origine de", "a l'origine du", "a l'origine d'", "si bien que",
    "donne lieu", "donner lieu", "ont donne lieu", "a donne lieu", "fait suite",
    "faisant suite", "en reponse a", "etre la cause", "la cause", "les causes",
)]
CAUSAL_WORDS = frozenset("car puisque puisqu' causer provoquer entraîner engendrer "
                         "conduire occasionner déclencher expliquer résulter".split())
OPINION_VERBS = frozenset("""
    condamner saluer regretter déplorer féliciter remercier associer espérer souhaiter
    appeler inviter exhorter prier penser croire voir estimer juger considérer
    pointer crier fustiger tempérer nuancer louer
""".split())
# Verbs that state no event on their own ("est", "a", "semble").
STATIVE = frozenset("être avoir sembler paraître rester demeurer devenir exister "
                    "représenter constituer concerner porter".split())
BACKGROUND_PHRASES = [tuple(p.split()) for p in (
    "rappelons que", "pour rappel", "il s'agit", "jusqu'alors", "on considerait",
    "depuis des annees", "il y a des annees",
)]
DEONTIC = frozenset({"falloir"})
TOPIC_WORDS = 4  # shared content words with headline and lead that make full relevance
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
FULL_DATE = re.compile(r"\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|"
                       r"août|septembre|octobre|novembre|décembre)\s+((?:19|20)\d\d)\b")
ORDINAL = re.compile(r"^(\d+(e|er|ere|eme|ieme|nd|nde)|premier|premiere|second|seconde|\w+ieme)$")

WEIGHTS = {
    "number": 0.25, "date": 0.05, "entities": 0.12, "event": 0.12, "causal": 0.15,
    "prediction": 0.1, "speech": 0.1, "harm": 0.15, "hedged": 0.1, "weak_source": 0.15,
    "lead": 0.15, "topic": 0.3,
    "opinion": -0.3, "question": -0.45, "background": -0.2, "short": -0.05,
}
# Deaths, injuries and violence: what a reader most needs to be true.
HARM = frozenset(fold(w) for w in """
    mourir mort décès décéder tuer tué blesser blessé blessure victime survivre périr
    abattre agresser agression violer viol enlever otage disparaître disparu noyer
    égorger poignarder brûler
""".split())
OLD_YEARS = 2  # a year this much before the article's is background
BIAS = 0.05
CHECK_WORTHY = 0.5  # at or above: check-worthy


@dataclass
class SentenceReading:
    features: dict[str, float] = field(default_factory=dict)
    type: str | None = None
    score: float = 0.0
    is_claim: bool = False


def read_sentence(sent: Span, *, quoted: set[int], topic_keys: set[str],
                  lead: bool, hedged: bool, weak_source: bool,
                  speech: bool, year: int | None = None,
                  doc_ents: tuple[Span, ...] | None = None) -> SentenceReading:
    """Features, type and score of one body sentence.

    ``quoted`` holds the token indexes inside quotation marks; ``topic_keys`` the content
    words of the headline and the lead; ``speech`` says a quote carries most of the
    sentence; ``weak_source`` that it is attributed to an anonymous source or to
    material of unknown origin. ``doc_ents`` may pass ``sent.doc.ents`` read once for
    the whole article: ``sent.ents`` rebuilds every entity of the doc at each sentence.
    """
    tokens = [t for t in sent if not t.is_space]
    words = [fold(t.text) for t in tokens]
    outside = [t for t in tokens if t.i not in quoted]
    f: dict[str, float] = {}
    f["number"] = _number(tokens, quoted)
    f["date"] = 1.0 if _date(tokens) else 0.0
    ents = sent.ents if doc_ents is None else [
        e for e in doc_ents if e.start >= sent.start and e.end <= sent.end]
    names = [e for e in ents if e.label_ in {"PER", "ORG", "LOC", "MISC"}]
    f["entities"] = min(len(names), 3) / 3
    f["event"] = 1.0 if any(_eventive(t) for t in tokens) else 0.0
    f["causal"] = 1.0 if _causal(tokens, words) else 0.0
    f["prediction"] = 1.0 if any(_future(t) for t in tokens) else 0.0
    f["speech"] = 1.0 if speech or any(_speech_root(t) for t in outside) else 0.0
    f["harm"] = 1.0 if any(key(t) in HARM for t in tokens) else 0.0
    f["hedged"] = 1.0 if hedged else 0.0
    f["weak_source"] = 1.0 if weak_source else 0.0
    f["lead"] = 1.0 if lead else 0.0
    content = {key(t) for t in tokens if is_content(t)}
    f["topic"] = (min(len(content & topic_keys), TOPIC_WORDS) / TOPIC_WORDS
                  if topic_keys else 0.0)
    comment = len(commentary_marks(tokens, quoted))
    f["opinion"] = 1.0 if _opinion(tokens, quoted) else min(comment / COMMENTARY, 1.0)
    f["question"] = 1.0 if _question(tokens) else 0.0
    f["background"] = 1.0 if _background(tokens, words) or _old(tokens, year) else 0.0
    f["short"] = 1.0 if sum(t.is_alpha for t in tokens) < 6 else 0.0
    reading = SentenceReading(features=f)
    reading.score = max(0.0, min(1.0, BIAS + sum(WEIGHTS[k] * v for k, v in f.items())))
    factual = max(f["number"], f["date"], f["event"], f["causal"], f["prediction"],
                  f["speech"], 1.0 if f["entities"] and _has_finite_verb(tokens) else 0.0)
    reading.type = claim_type(f)
    # Opinion, questions and background are not claims, unless a figure or an event
    # in them can still be checked.
    dismissed = f["question"] or ((f["opinion"] or f["background"])
                                  and not (f["number"] >= 1.0 or f["event"]))
    # A commentator's reading (a metaphor, a judgement, a guess at what someone knows)
    # stays opinion even when it is told as an event ("a déclaré : « Poutine a le dos
    # au mur … »").
    dismissed = dismissed or (comment >= COMMENTARY and f["number"] < 1.0)
    # A line with no verb ("30 août 2016 .", a caption) asserts nothing to check.
    verbless = not any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    reading.is_claim = bool(factual) and not dismissed and not verbless
    return reading


def claim_type(f: dict[str, float]) -> str:
    if f["prediction"]:
        return "prediction"
    if f["causal"]:
        return "causal"
    if f["number"] >= 1.0:
        return "number"
    if f["speech"]:
        return "statement"
    if f["event"]:
        return "event"
    if f["date"] and not f["entities"]:
        return "date"
    return "statement"


def _number(tokens: list[Token], quoted: set[int] = frozenset()) -> float:
    """1 for a quantity written as a number, 0.5 for one written as a word ("la
    moitié", "une baisse") or for a count of days or of times in a quotation, 0 for
    numbers that only date or time something."""
    best = 0.0
    for i, token in enumerate(tokens):
        word = fold(token.text)
        if token.like_num or any(c.isdigit() for c in token.text):
            if _dating(tokens, i) or word in {"un", "une"} or ORDINAL.search(word):
                continue
            if token.i in quoted and _counted_noun(tokens, i) in RHETORICAL_UNITS:
                best = 0.5
                continue
            return 1.0
        if word in QUANTITY_NOUNS or word.rstrip("s") in QUANTITY_NOUNS or word == "%":
            best = 0.5
    return best


def _counted_noun(tokens: list[Token], i: int) -> str:
    """The lemma of the noun a number counts ("cinq p****** de jours" → "jour"), looking
    past adjectives, "de" and masked words."""
    for token in tokens[i + 1:i + 10]:
        if token.text in {",", ".", ";", ":", "!", "?"}:
            break
        if "*" in token.text or (len(token.text) == 1 and token.is_alpha):
            continue  # a masked word: "p******"
        if token.pos_ == "NOUN":
            return fold(token.lemma_)
        if token.pos_ in {"VERB", "AUX"}:
            break
    return ""


def _dating(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    word = token.text
    before = fold(tokens[i - 1].text) if i > 0 else ""
    after = fold(tokens[i + 1].text) if i + 1 < len(tokens) else ""
    if YEAR.match(word):
        return True
    if after in MONTHS or after in TIME_UNITS or before in MONTHS:
        return True
    if after in {"e", "er", "eme", "ere"}:  # "7 e étape": an ordinal
        return True
    if before in {"vers", "a"} and after in TIME_UNITS:
        return True
    return False


def _date(tokens: list[Token]) -> bool:
    for token in tokens:
        word = fold(token.text)
        if word in DATE_WORDS or word in MONTHS or YEAR.match(token.text):
            return True
    return False


def _eventive(token: Token) -> bool:
    """A verb that reports something happening or done: past tense, passive, or a
    historic present with a subject, not a state."""
    if token.pos_ != "VERB" or key(token) in _STATIVE:
        return False
    tense = token.morph.get("Tense")
    form = token.morph.get("VerbForm")
    has_aux = any(c.dep_ in {"aux:tense", "aux:pass", "aux"} for c in token.children)
    if "Part" in form and has_aux:
        return True
    if "Fin" in form and "Past" in tense:  # passé simple
        return True
    return "Fin" in form and token.dep_ == "ROOT" and any(
        c.dep_.startswith("nsubj") for c in token.children) and "Pres" in tense \
        and any(c.dep_ in {"obj", "obl:arg", "obl:mod"} for c in token.children)


def _future(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if "Fut" in token.morph.get("Tense"):
        if token.dep_ == "aux:tense" and "Part" in token.head.morph.get("VerbForm"):
            # The futur antérieur sums up ("aura fait 11 000 victimes") unless a time
            # ahead is named ("d'ici demain", "le 26 janvier"); "sera entendu" (aux:pass)
            # is a plain future.
            return any(fold(t.text) in _AHEAD for t in token.sent)
        return True
    lemma = token.lemma_
    infinitive = any(c.pos_ in {"VERB", "AUX"} and "Inf" in c.morph.get("VerbForm")
                     for c in token.children) or (
        token.dep_ in {"aux", "aux:tense"} and "Inf" in token.head.morph.get("VerbForm"))
    if lemma == "devoir" and "Cnd" in token.morph.get("Mood") and (
            infinitive or token.head.pos_ == "VERB"):
        return True
    if lemma == "aller" and "Pres" in token.morph.get("Tense") and infinitive:
        return True
    return lemma in {"prévoir", "envisager", "programmer"} and infinitive


_AHEAD = FUTURE_TIMES | frozenset(fold(w) for w in DAYS_MONTHS)
_CAUSAL_WORDS = frozenset(fold(w) for w in CAUSAL_WORDS)
_OPINION_VERBS = frozenset(fold(w) for w in OPINION_VERBS)
_STATIVE = frozenset(fold(w) for w in STATIVE) | _OPINION_VERBS


def _has_phrase(words: list[str], phrases: list[tuple[str, ...]]) -> bool:
    firsts = {p[0] for p in phrases}
    for i, word in enumerate(words):
        if word in firsts:
            for phrase in phrases:
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return True
    return False


def _causal(tokens: list[Token], words: list[str]) -> bool:
    if _has_phrase(words, CAUSAL_PHRASES):
        return True
    return any(t.pos_ in {"VERB", "SCONJ", "CCONJ"} and key(t) in _CAUSAL_WORDS
               for t in tokens)


def _speech_root(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_ in REPORTING_VERBS and token.dep_ == "ROOT" \
        and any(c.dep_.startswith("nsubj") for c in token.children)


def _opinion(tokens: list[Token], quoted: set[int]) -> bool:
    for token in tokens:
        if token.i in quoted:
            continue
        if token.pos_ == "VERB" and token.dep_ == "ROOT" and key(token) in _OPINION_VERBS:
            return True
        if key(token) in DEONTIC:
            return True
    # A sentence that is mostly a first-person quotation with no fact in it.
    inside = [t for t in tokens if t.i in quoted]
    if inside and len(inside) >= 0.6 * len(tokens):
        first_person = any(t.lower_ in {"je", "j'", "nous", "on"} for t in inside)
        return first_person and not any(_eventive(t) for t in inside)
    return False


def _question(tokens: list[Token]) -> bool:
    last = [t for t in tokens if not t.is_punct or t.text in {"?", "!"}]
    return bool(last) and last[-1].text == "?" or (
        len(tokens) > 1 and tokens[-1].text in {"»", '"', "”"} and tokens[-2].text == "?")


def _background(tokens: list[Token], words: list[str]) -> bool:
    if _has_phrase(words, BACKGROUND_PHRASES):
        return True
    # The pluperfect of a main verb: what had happened before the news.
    for token in tokens:
        if token.dep_ == "ROOT" and token.pos_ == "VERB":
            return any(c.dep_ == "aux:tense" and "Imp" in c.morph.get("Tense")
                       for c in token.children)
    return False


def _old(tokens: list[Token], year: int | None) -> bool:
    """Every year the sentence names lies well before the article's own."""
    if year is None:
        return False
    years = [int(t.text) for t in tokens if YEAR.match(t.text)]
    return bool(years) and max(years) <= year - OLD_YEARS


def article_year(text: str) -> int | None:
    """The year of the dateline, or of the first full date of the article."""
    match = FULL_DATE.search(text[:600])
    return int(match.group(1)) if match else None


def _has_finite_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm") for t in tokens)
