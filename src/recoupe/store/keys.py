"""Lookup keys: the forms under which names and dates are compared and indexed.

A key forgets what a fact-checker would not want to distinguish when searching:
case, accents, punctuation, typographic apostrophes, spacing. ``Élisabeth Borne``,
``elisabeth  borne`` and ``Elisabeth-Borne`` share a key.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str | None) -> str:
    """Lower case, no accents, letters and digits of any script, one space between words."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Ligatures and letters NFKD keeps whole.
    plain = plain.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _NOT_WORD.sub(" ", plain).strip()


def slug(name: str) -> str:
    """A URL-safe id for a name: ``Élisabeth Borne`` → ``elisabeth-borne``."""
    key = name_key(name)
    if key and key.isascii():
        return key.replace(" ", "-")[:80].strip("-")
    # A name in another script (Cyrillic, Arabic...) would need escaping in a URL:
    # a hash of its key is just as stable.
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def content_hash(text: str) -> str:
    """The identity of an analysed text: sha256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_WORDS = re.compile(r"(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})")


def date_key(value: str | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM``) for sorting and ``--since``.

    Accepts ISO dates and timestamps, ``dd/mm/yyyy`` and ``1er janvier 2016``; None for
    anything else, so that an unreadable date is never compared as if it were one.
    """
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
        return _valid(int(year), int(month), int(day) if day else None)
    match = _DMY.match(value)
    if match:
        day, month, year = match.groups()
        return _valid(int(year), int(month), int(day))
    match = _WORDS.search(name_key(value))
    if match and match.group(2) in _MONTHS:
        return _valid(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    return None


def _valid(year: int, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
