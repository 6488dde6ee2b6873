"""Media outlets and news agencies named in a text, from the lexicon in
``data/media-outlets.tsv`` and from descriptions ("le quotidien britannique", "la
télévision d'État syrienne", "l'agence Anatolie")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from recoupe.factcheck.lexicons import Outlet, outlets
from recoupe.pipeline.extensions import original_text

# Head nouns that name an outlet by what it is.
MEDIA_NOUNS = frozenset("quotidien hebdomadaire mensuel magazine tabloïd tabloid télévision "
                        "radio journal gazette revue".split())
AGENCY_NOUN = "agence"
# Words just before an ambiguous name that make it an outlet ("la revue Science").
MEDIA_CONTEXT = re.compile(
    r"(?:revue|journal|magazine|hebdomadaire|quotidien|mensuel|chaîne|site|radio|"
    r"télévision|publiée?s?\s+dans|paru(?:e|es|s)?\s+dans|selon|d['’]après|cité\s+par|"
    r"à\s+en\s+croire)\s+(?:l['’]|le\s+|la\s+|les\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OutletMention:
    start: int  # character offsets into the original text
    end: int
    outlet: Outlet


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    forms = sorted(outlets(), key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # Whole words only; "+" and "." may end a name ("Canal+", "Express.co.uk").
    return re.compile(rf"(?<![\w@/.-])(?:{alternation})(?![\w-]|\.\w)")


def find_outlets(doc: Doc) -> list[OutletMention]:
    """Every lexicon outlet named in the text, left to right, longest name first."""
    text = original_text(doc)
    found = []
    for match in _pattern().finditer(text):
        outlet = outlets()[match.group(0)]
        if outlet.ambiguous and not _media_context(text, match.start()):
            continue
        found.append(OutletMention(match.start(), match.end(), outlet))
    return found


def _media_context(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start]
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        return False  # a capitalised word opening a line is no evidence
    return bool(MEDIA_CONTEXT.search(before))


def outlet_at(doc: Doc, start: int, end: int, overlapping: bool = False
              ) -> OutletMention | None:
    """The lexicon outlet named inside [start, end) (or overlapping it), if any."""
    for mention in outlet_index(doc):
        if start <= mention.start and mention.end <= end:
            return mention
        if overlapping and mention.start < end and start < mention.end:
            return mention
    return None


def outlet_index(doc: Doc) -> list[OutletMention]:
    # Cached on the doc: every source candidate asks.
    cached = doc.user_data.get("recoupe_outlets")
    if cached is None:
        cached = find_outlets(doc)
        doc.user_data["recoupe_outlets"] = cached
    return cached


def media_description(head: Token) -> str | None:
    """'news_agency' or 'media_outlet' when the noun ``head`` names an outlet by what
    it is ("le quotidien", "l'agence de presse", "la télévision d'État")."""
    lemma = head.lemma_.lower()
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if lemma == AGENCY_NOUN:
        # "l'agence Anatolie", "l'agence de presse": not "l'agence de l'eau".
        words = {t.lower_ for t in head.subtree}
        named = any(t.pos_ == "PROPN" for t in head.children)
        return "news_agency" if ("presse" in words or named) else None
    if lemma in {"média", "medias", "médias", "presse"} and head.pos_ == "NOUN":
        return "media_outlet"  # "selon les médias", "la presse locale": unnamed outlets
    if lemma in MEDIA_NOUNS:
        if lemma == "journal" and not _named_or_qualified(head):
            return None
        return "media_outlet"
    if lemma == "chaîne" and (_named_or_qualified(head) or
                              any(t.lower_ in {"télévision", "information", "publique"}
                                  for t in head.subtree)):
        return "media_outlet"
    return None


def _named_or_qualified(head: Token) -> bool:
    return any(t.dep_ in {"appos", "flat:name", "nmod", "amod"} and
               (t.pos_ == "PROPN" or t.lower_ in {"britannique", "américain", "local",
                                                   "télévisé", "régional", "national"})
               for t in head.children)
