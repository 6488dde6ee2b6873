"""Words a reader sees for the schema's codes, shared by every renderer."""

from __future__ import annotations

SOURCE_TYPES = {
    "named_person": "named person",
    "anonymous_person": "anonymous person",
    "institution": "institution",
    "media_outlet": "media outlet",
    "news_agency": "news agency",
    "document": "document",
    "recording": "recording",
    "this_article": "this article",
}
ACCESS = {"first_hand": "first-hand", "relayed": "relayed", "unknown": "access unknown"}
VERDICTS = {"supported": "supported", "partly": "partly supported",
            "not_supported": "not supported"}
VERDICT_SYMBOLS = {"supported": "✓", "partly": "≈", "not_supported": "✗"}
QUOTE_KINDS = {"direct": "direct", "indirect": "indirect", "mixed": "mixed"}
LOADED_CATEGORIES = ("sensational", "exaggeration", "emotional", "intensifier", "profanity")
ENTITY_TYPES = {"PER": "people", "ORG": "organisations", "LOC": "places", "MISC": "other"}
# Names for the languages a non-French article is most often in; others show their code.
LANGUAGES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish",
             "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ca": "Catalan",
             "ar": "Arabic", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
             "ro": "Romanian", "tr": "Turkish", "zh": "Chinese", "ja": "Japanese"}


def label(table: dict[str, str], code: str | None) -> str:
    """The reader's word for ``code``; an unknown code is shown as itself."""
    if not code:
        return ""
    return table.get(code, code.replace("_", " "))


def relation_label(relation: str) -> str:
    return relation.replace("_", " ")


def asserted_by_label(asserted_by) -> str:
    if asserted_by.kind == "journalist":
        return "the journalist"
    return asserted_by.name or "a source"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "3 quotes"."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"
