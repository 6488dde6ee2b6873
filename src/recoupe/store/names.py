"""Speaker names as the people table shows them: the words of a name, its leading
determiner, and whether it names someone or describes them.

A sentence capitalises its first word, so "Des météorologues américains" and "des
météorologues américains" are one description met in two places; "Le Monde" keeps its
capital, since the word after the determiner is a name.
"""

from __future__ import annotations

import re

from recoupe.store.keys import name_key

# Words that open a noun phrase before its noun, as keys (see ``words``).
DETERMINERS = frozenset("""
    le la les l un une des du de d ce cet cette ces son sa ses leur leurs mon ma mes
    notre nos votre vos certains certaines plusieurs quelques divers diverses tout tous
    toute toutes chaque aucun aucune nombre nombreux nombreuses
""".split())

_APOSTROPHE = re.compile(r"^([LlDd])['’](?=\w)")


def words(name: str) -> list[str]:
    """The keys of the words of ``name``, an elided article split off and hyphenated
    words kept whole: "L'avocate de Jean-Luc" → ["l", "avocate", "de", "jean-luc"]."""
    return [name_key(w).replace(" ", "-") for w in re.split(r"[\s'’]+", name)
            if name_key(w)]


def _split_article(name: str) -> tuple[str, str]:
    """(leading determiner as written, the rest), or ("", name) when there is none."""
    elided = _APOSTROPHE.match(name)
    if elided:
        return name[:2], name[2:]
    first, space, rest = name.partition(" ")
    if space and rest and name_key(first) in DETERMINERS:
        return first + " ", rest
    return "", name


def display_name(name: str) -> str:
    """``name`` with a sentence-initial capital taken off its determiner when what
    follows is a description: "Des témoins" → "des témoins", "Le Monde" unchanged."""
    article, rest = _split_article(name)
    if article[:1].isupper() and rest[:1].islower():
        return article.lower() + rest
    return name


def is_named(name: str) -> bool:
    """Whether ``name`` is a proper name (its first word after any determiner is
    capitalised: "Le Pen", "Dupont"), not a description ("Les autorités")."""
    _, rest = _split_article(name.strip())
    return rest[:1].isupper()
