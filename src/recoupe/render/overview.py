"""What every renderer shows first and orders the same way: the dossier at a glance."""

from __future__ import annotations

from collections import Counter

from recoupe.render.colors import speaker_name
from recoupe.render.labels import LANGUAGES, LOADED_CATEGORIES, VERDICTS, plural
from recoupe.schema import Analysis, Claim, Quote

# Only French articles go through the whole pipeline; any other is only segmented
# (see recoupe.core), so its empty sections mean "not run", not "nothing found".
ANALYSED_LANGUAGES = frozenset({"fr"})
NOT_ANALYSED = "not analysed (article not in French)"
# How many unsupported headline terms the glance names before counting the rest.
GLANCE_TERMS = 3


def is_analysed(analysis: Analysis) -> bool:
    """Whether the extractors ran on the article (they need French)."""
    return analysis.article.language in ANALYSED_LANGUAGES


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)


def quotes_in_order(analysis: Analysis) -> list[Quote]:
    return sorted(analysis.quotes, key=lambda q: (q.start, q.end))


def claims_by_score(analysis: Analysis) -> list[Claim]:
    return sorted(analysis.claims, key=lambda c: (-c.score, c.start))


def speakers(analysis: Analysis) -> list[tuple[str, int]]:
    """Each speaker once, with its number of quotes, in order of first quote."""
    counts = Counter(speaker_name(q) for q in analysis.quotes)
    seen: list[str] = []
    for quote in quotes_in_order(analysis):
        name = speaker_name(quote)
        if name not in seen:
            seen.append(name)
    return [(name, counts[name]) for name in seen]


def loaded_counts(analysis: Analysis) -> list[tuple[str, int]]:
    """Counts per category, from the analysis when given, else from the terms."""
    counts = dict(analysis.loaded_language.counts) or dict(
        Counter(t.category for t in analysis.loaded_language.terms))
    order = {c: i for i, c in enumerate(LOADED_CATEGORIES)}
    return sorted(((c, n) for c, n in counts.items() if n),
                  key=lambda item: (order.get(item[0], len(order)), item[0]))


def headline_verdict(analysis: Analysis) -> str | None:
    """How the headline's assertions fare, in one phrase; None when none was checked."""
    check = analysis.headline_check
    if not check.assertions:
        return None
    if len(check.assertions) == 1:
        return VERDICTS.get(check.assertions[0].verdict, check.assertions[0].verdict)
    verdicts = Counter(a.verdict for a in check.assertions)
    weak = verdicts["not_supported"] + verdicts["partly"]
    return (f"{weak} of {len(check.assertions)} assertions not fully supported" if weak
            else "all assertions supported")


def unsupported_terms(analysis: Analysis) -> str | None:
    """The headline's unsupported terms, named: the reader should not have to look."""
    terms = list(dict.fromkeys(t.text for t in analysis.headline_check.unsupported_terms))
    if not terms:
        return None
    named = ", ".join(f"«{t}»" for t in terms[:GLANCE_TERMS])
    if len(terms) > GLANCE_TERMS:
        named += f" and {len(terms) - GLANCE_TERMS} more"
    return f"unsupported in the headline: {named}"


def not_analysed_glance(analysis: Analysis) -> list[str]:
    """What a non-French article's dossier holds: its language, and the segmentation."""
    meta = analysis.article
    body = [p for p in analysis.paragraphs if not p.is_headline and not p.is_credit]
    return [f"not analysed: article in {language_name(meta.language)} ({meta.language}), "
            "not French",
            f"segmented only: {plural(len(body), 'paragraph')}, "
            f"{plural(len(analysis.sentences), 'sentence')}"]


def glance(analysis: Analysis) -> list[str]:
    """The dossier in a few short facts, for the top of every rendering."""
    if not is_analysed(analysis):
        return not_analysed_glance(analysis)
    facts = []
    n_quotes, n_speakers = len(analysis.quotes), len(speakers(analysis))
    facts.append(f"{n_quotes} quote{'s' if n_quotes != 1 else ''}"
                 + (f" by {n_speakers} speaker{'s' if n_speakers != 1 else ''}"
                    if n_quotes else ""))
    n_sources = len([s for s in analysis.sources.sources if s.type != "this_article"])
    facts.append(f"{n_sources} source{'s' if n_sources != 1 else ''}")
    if analysis.sources.flags:
        n = len(analysis.sources.flags)
        facts.append(f"{n} source flag{'s' if n != 1 else ''}")
    n_claims = len(analysis.claims)
    facts.append(f"{n_claims} check-worthy claim{'s' if n_claims != 1 else ''}")
    verdict = headline_verdict(analysis)
    if verdict:
        facts.append(f"headline: {verdict}")
    terms = unsupported_terms(analysis)
    if terms:
        facts.append(terms)
    loaded = analysis.loaded_language
    if loaded.terms:
        facts.append(f"loaded language: {len(loaded.terms)} term"
                     f"{'s' if len(loaded.terms) != 1 else ''}"
                     f" ({loaded.per_1000_words:.1f} per 1,000 words)")
    return facts
