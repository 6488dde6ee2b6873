"""Entity quality: bare fr_core_news_md against recoupe, on French Wikinews gold.

    python bench/bench_entities.py                 # all 1,148 articles, dev and held-out
    python bench/bench_entities.py --limit 300     # the first 300 only
    python bench/bench_entities.py --split dev --errors 15

Gold: the corpus' Person/Organization/Location entities (WiNER-fr). Bare: the model's
PER/ORG/LOC ents on the raw text. recoupe: every mention of every entity cluster of the
``Analysis``, typed by its cluster. Exact match needs the same span and type; lenient
match only an overlapping span of the same type.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from _common import SPLITS, load_articles, markdown_table

GOLD_TYPES = {"Person": "PER", "Organization": "ORG", "Location": "LOC"}
TYPES = ["PER", "ORG", "LOC"]

Mention = tuple[int, int, str]  # start, end, type


def gold_mentions(article: dict) -> list[Mention]:
    return [(e["start"], e["end"], GOLD_TYPES[e["type"]])
            for e in article["entities"] if e["type"] in GOLD_TYPES]


def bare_mentions(articles: list[dict]) -> list[list[Mention]]:
    import spacy

    from recoupe.pipeline import MODEL

    nlp = spacy.load(MODEL)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES]
            for doc in nlp.pipe((a["text"] for a in articles), batch_size=16)]


def recoupe_mentions(articles: list[dict]) -> list[list[Mention]]:
    from recoupe.core import analyze_batch
    from recoupe.schema import Analysis

    records = ({"id": a["id"], "title": a["title"], "text": a["text"], "language": "fr"}
               for a in articles)
    out = []
    for result in analyze_batch(records):
        if not isinstance(result, Analysis):
            sys.exit(f"recoupe failed on {result.id}: {result.error}")
        out.append([(m.start, m.end, c.type) for c in result.entities for m in c.mentions
                    if c.type in TYPES])
    return out


class Score:
    """Counts for one type: predictions matched, gold found, and the totals."""

    def __init__(self):
        self.matched = self.found = self.predicted = self.gold = 0

    def add(self, predicted: list[Mention], gold: list[Mention], lenient: bool) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        if lenient:
            self.matched += sum(any(_overlap(p, g) for g in gold) for p in predicted)
            self.found += sum(any(_overlap(p, g) for p in predicted) for g in gold)
        else:
            hits = len(set(predicted) & set(gold))
            self.matched += hits
            self.found += hits

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a: Mention, b: Mention) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(predictions: list[list[Mention]], golds: list[list[Mention]],
          lenient: bool) -> dict[str, Score]:
    scores = {t: Score() for t in TYPES}
    for predicted, gold in zip(predictions, golds):
        for t in TYPES:
            scores[t].add([m for m in predicted if m[2] == t], [m for m in gold if m[2] == t],
                          lenient)
    return scores


def table(systems: dict[str, list[list[Mention]]], golds, lenient: bool) -> str:
    rows = []
    for t in TYPES:
        for name, predictions in systems.items():
            s = score(predictions, golds, lenient)[t]
            rows.append([t, name, *s.prf, s.predicted, s.gold])
    return markdown_table(["type", "system", "P", "R", "F1", "predicted", "gold"], rows)


def show_errors(articles, predictions, golds, top: int) -> None:
    """The most frequent exact-match errors of recoupe, to see what to fix next."""
    for t in TYPES:
        false_pos, false_neg = Counter(), Counter()
        for article, predicted, gold in zip(articles, predictions, golds):
            p = {m for m in predicted if m[2] == t}
            g = {m for m in gold if m[2] == t}
            gold_types = {(m[0], m[1]): m[2] for m in gold}
            for m in p - g:
                other = gold_types.get((m[0], m[1]), "-")
                false_pos[f"{article['text'][m[0]:m[1]]!r} (gold {other})"] += 1
            for m in g - p:
                false_neg[repr(article["text"][m[0]:m[1]])] += 1
        print(f"\n{t} false positives: " + ", ".join(f"{k} ×{n}" for k, n in
                                                     false_pos.most_common(top)))
        print(f"{t} false negatives: " + ", ".join(f"{k} ×{n}" for k, n in
                                                   false_neg.most_common(top)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--limit", type=int, help="Only the first N articles of the split.")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="Also print recoupe's N most frequent errors per type.")
    parser.add_argument("--no-bare", action="store_true",
                        help="Skip the bare model (faster, when only recoupe changed).")
    args = parser.parse_args()

    start, stop = SPLITS[args.split]
    if args.limit is not None:
        stop = start + args.limit if stop is None else min(stop, start + args.limit)
    articles = load_articles(start, stop)
    golds = [gold_mentions(a) for a in articles]
    systems = {}
    timings = []
    if not args.no_bare:
        began = time.perf_counter()
        systems["bare"] = bare_mentions(articles)
        timings.append(f"bare {time.perf_counter() - began:.0f} s")
    began = time.perf_counter()
    systems["recoupe"] = recoupe_mentions(articles)
    timings.append(f"recoupe {time.perf_counter() - began:.0f} s")

    first = start
    last = start + len(articles) - 1
    print(f"French Wikinews, articles {first}–{last} ({len(articles)}); "
          + ", ".join(timings))
    # Report the held-out articles apart whenever the range reaches them.
    parts = [(f"articles {first}–{last}", 0, len(articles))]
    dev_stop = SPLITS["dev"][1]
    if first < dev_stop <= last:
        parts += [(f"dev {first}–{dev_stop - 1}", 0, dev_stop - first),
                  (f"held-out {dev_stop}–{last}", dev_stop - first, len(articles))]
    for label, lo, hi in parts:
        subset = {name: p[lo:hi] for name, p in systems.items()}
        for lenient in (False, True):
            kind = "lenient (overlap)" if lenient else "exact"
            print(f"\n### {label}, {kind} match\n")
            print(table(subset, golds[lo:hi], lenient))
    if args.errors:
        show_errors(articles, systems["recoupe"], golds, args.errors)


if __name__ == "__main__":
    main()
