"""The people table: which person a quote's speaker is, and what kind of speaker.

A person is a speaker met across articles under one name key: "des témoins" and "Des
témoins" are one person, shown under the name first met. Their kind (person,
organisation, document, other) is the one most of their quotes give them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from recoupe.store.keys import name_key, slug
from recoupe.store.kinds import KINDS, OTHER
from recoupe.store.names import is_named
from recoupe.store.rows import Speaker, is_shortening


def person_for(conn: sqlite3.Connection, speaker: Speaker) -> str:
    """The id of the person a speaker is: same name key; else the one person of whose
    name this name is a capitalised shortening known as a variant ("Macron" after
    "Emmanuel Macron"); else a new person. Records the speaker's name variants."""
    key = name_key(speaker.name)
    row = conn.execute("SELECT id FROM people WHERE name_key = ?", (key,)).fetchone()
    if row:
        person_id = row[0]
    else:
        owners = []
        if is_named(speaker.name):
            owners = [r[0] for r in conn.execute(
                "SELECT DISTINCT p.id, p.name FROM person_variants v "
                "JOIN people p ON p.id = v.person_id WHERE v.variant_key = ?", (key,))
                if is_shortening(speaker.name, r[1])]
        if len(owners) == 1:
            person_id = owners[0]
        else:
            person_id = _new_person(conn, speaker, key)
    for variant in speaker.variants:
        variant_key = name_key(variant)
        # One variant per key: "L'Élysée" and "l’Élysée" are one name.
        if variant_key and not conn.execute(
                "SELECT 1 FROM person_variants WHERE person_id = ? AND variant_key = ?",
                (person_id, variant_key)).fetchone():
            conn.execute("INSERT INTO person_variants(person_id, variant, variant_key) "
                         "VALUES (?, ?, ?)", (person_id, variant, variant_key))
    return person_id


def _new_person(conn: sqlite3.Connection, speaker: Speaker, key: str) -> str:
    person_id = base = slug(speaker.name)
    n = 1
    while conn.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone():
        n += 1
        person_id = f"{base}-{n}"
    conn.execute("INSERT INTO people(id, name, name_key, kind) VALUES (?, ?, ?, ?)",
                 (person_id, speaker.name, key, speaker.kind))
    return person_id


# Most quotes decide; a specific kind wins over "other", then the order of KINDS.
_KIND_ORDER = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
_MAJORITY = (
    "SELECT speaker_kind FROM quotes WHERE person_id = people.id "
    "AND speaker_kind IS NOT NULL GROUP BY speaker_kind "
    f"ORDER BY speaker_kind = '{OTHER}', count(*) DESC, CASE speaker_kind {_KIND_ORDER} END "
    "LIMIT 1")


def update_kinds(conn: sqlite3.Connection, person_ids: Iterable[str] | None = None) -> None:
    """Set the kind of these people (of everyone when None) from their quotes."""
    sql = f"UPDATE people SET kind = coalesce(({_MAJORITY}), kind)"
    if person_ids is None:
        conn.execute(sql)
        return
    ids = sorted(set(person_ids))
    if ids:
        conn.execute(f"{sql} WHERE id IN ({','.join('?' * len(ids))})", ids)
