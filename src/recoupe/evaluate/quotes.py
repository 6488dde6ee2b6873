"""Scoring predicted quotes against gold quotes.

Precision, recall and F1 under a loose (30 %) and a strict (80 %) one-to-one matching;
then, over the loosely matched pairs, how often the speaker mention, the canonical
speaker and the kind are right.

Speaker mention: right when both are null, or both are given and overlap. A gold null
speaker (a floating quote) is only matched by a predicted null speaker, and vice versa.
Canonical speaker: right when both are null, or the normalised names (lower case, accents
folded, determiners and punctuation dropped) are such that one contains the other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from recoupe import schema
from recoupe.evaluate.gold import GoldArticle, GoldQuote
from recoupe.evaluate.matching import LOOSE, STRICT, match_spans, overlap
from recoupe.evaluate.names import same_name


@dataclass
class Error:
    article: str
    type: str  # miss | false_alarm | speaker | canonical | kind
    start: int
    end: int
    excerpt: str
    expected: str = ""
    got: str = ""


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class QuoteScores:
    articles: int = 0
    failures: int = 0
    loose: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    speaker: Accuracy = field(default_factory=Accuracy)
    canonical: Accuracy = field(default_factory=Accuracy)
    kind: Accuracy = field(default_factory=Accuracy)
    recall_by_kind: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "articles": self.articles, "failures": self.failures,
            "loose": self.loose.as_dict(), "strict": self.strict.as_dict(),
            "speaker_mention": self.speaker.as_dict(),
            "canonical_speaker": self.canonical.as_dict(),
            "kind": self.kind.as_dict(),
            "recall_by_kind": {k: v.as_dict() for k, v in sorted(self.recall_by_kind.items())},
        }


def _excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    piece = text[start:end].replace("\n", " ⏎ ")
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def _speaker_mention_ok(gold: GoldQuote, quote: schema.Quote) -> bool:
    speaker = quote.speaker
    if gold.speaker_start is None or gold.speaker_end is None:
        return speaker.start is None
    if speaker.start is None or speaker.end is None:
        return False
    return overlap((gold.speaker_start, gold.speaker_end), (speaker.start, speaker.end)) > 0


def _describe(quote: schema.Quote) -> str:
    s = quote.speaker
    return f"{s.text!r} → {s.name!r} [{quote.kind}, {quote.rule}]"


def score_article(article: GoldArticle, quotes: list[schema.Quote], scores: QuoteScores) -> None:
    gold_spans = [(q.start, q.end) for q in article.quotes]
    pred_spans = [(q.start, q.end) for q in quotes]
    loose = match_spans(gold_spans, pred_spans, LOOSE)
    strict = match_spans(gold_spans, pred_spans, STRICT)
    for counts, pairs in ((scores.loose, loose), (scores.strict, strict)):
        counts.gold += len(gold_spans)
        counts.predicted += len(pred_spans)
        counts.matched += len(pairs)
    matched_gold = {i for i, _ in loose}
    matched_pred = {j for _, j in loose}
    for i, g in enumerate(article.quotes):
        scores.recall_by_kind.setdefault(g.kind, Accuracy()).add(i in matched_gold)
    text = article.text
    for i, j in loose:
        g, p = article.quotes[i], quotes[j]
        mention_ok = _speaker_mention_ok(g, p)
        canonical_ok = same_name(g.canonical, p.speaker.name)
        scores.speaker.add(mention_ok)
        scores.canonical.add(canonical_ok)
        scores.kind.add(g.kind == p.kind)
        expected = f"{g.speaker!r} → {g.canonical!r} [{g.kind}]"
        if not mention_ok:
            scores.errors.append(Error(article.id, "speaker", g.start, g.end,
                                       _excerpt(text, g.start, g.end), expected, _describe(p)))
        elif not canonical_ok:
            scores.errors.append(Error(article.id, "canonical", g.start, g.end,
                                       _excerpt(text, g.start, g.end), expected, _describe(p)))
        if g.kind != p.kind:
            scores.errors.append(Error(article.id, "kind", g.start, g.end,
                                       _excerpt(text, g.start, g.end), g.kind, p.kind))
    for i, g in enumerate(article.quotes):
        if i not in matched_gold:
            scores.errors.append(Error(
                article.id, "miss", g.start, g.end, _excerpt(text, g.start, g.end),
                f"{g.speaker!r} → {g.canonical!r} [{g.kind}] cue={g.cue!r}"))
    for j, p in enumerate(quotes):
        if j not in matched_pred:
            scores.errors.append(Error(article.id, "false_alarm", p.start, p.end,
                                       _excerpt(text, p.start, p.end), "", _describe(p)))


def score(articles: list[GoldArticle], results: list) -> QuoteScores:
    """``results`` holds, in the order of ``articles``, a Failure or anything with
    ``quotes`` (an Analysis, saved quotes) each."""
    scores = QuoteScores()
    for article, result in zip(articles, results, strict=True):
        scores.articles += 1
        if isinstance(result, schema.Failure):
            scores.failures += 1
            quotes = []
        else:
            quotes = result.quotes
        score_article(article, quotes, scores)
    order = {"miss": 0, "false_alarm": 1, "speaker": 2, "canonical": 3, "kind": 4}
    scores.errors.sort(key=lambda e: (e.article, e.start, order[e.type]))
    return scores


def kind_counts(articles: list[GoldArticle]) -> Counter:
    return Counter(q.kind for a in articles for q in a.quotes)
