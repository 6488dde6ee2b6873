"""Bring a file written by an older store schema up to date, in place.

Each step takes the file from one version to the next inside the transaction that
checks the version, so a file is never left half-migrated and two processes opening
the same old file migrate it once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from recoupe.store.kinds import speaker_kind
from recoupe.store.people import update_kinds


def _1_to_2(conn: sqlite3.Connection) -> None:
    """Speaker kinds, one name variant per key, Datasette-visible full-text tables."""
    from recoupe.store.tables import FTS, FTS_COLUMNS, TRIGGERS

    conn.execute("ALTER TABLE people ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'")
    conn.execute("CREATE INDEX IF NOT EXISTS people_kind ON people(kind)")
    conn.execute("ALTER TABLE quotes ADD COLUMN speaker_kind TEXT")
    rows = conn.execute(
        "SELECT q.rowid, q.speaker_name, e.type, ("
        "  SELECT s.type FROM sources s, json_each(s.quote_ids) j"
        "  WHERE s.article_id = q.article_id AND j.value = q.quote_id LIMIT 1) "
        "FROM quotes q LEFT JOIN entities e "
        "ON e.article_id = q.article_id AND e.entity_id = q.cluster "
        "WHERE q.person_id IS NOT NULL").fetchall()
    conn.executemany("UPDATE quotes SET speaker_kind = ? WHERE rowid = ?",
                     [(speaker_kind(name or "", entity, source), rowid)
                      for rowid, name, entity, source in rows])
    update_kinds(conn)
    # Keep one variant per key: the person's own name if it is one, else the first met.
    conn.execute(
        "DELETE FROM person_variants WHERE rowid IN ("
        "  SELECT v.rowid FROM person_variants v JOIN people p ON p.id = v.person_id"
        "  WHERE EXISTS (SELECT 1 FROM person_variants w"
        "    WHERE w.person_id = v.person_id AND w.variant_key = v.variant_key"
        "    AND w.rowid != v.rowid"
        "    AND (w.variant = p.name OR (v.variant != p.name AND w.rowid < v.rowid))))")
    for table in FTS_COLUMNS:
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_insert")
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_delete")
        conn.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for statement in _statements(FTS + TRIGGERS):
        conn.execute(statement)
    for table in FTS_COLUMNS:
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def _statements(script: str) -> list[str]:
    """The statements of an SQL script (executescript would commit the transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements


# version found → (the version it becomes, the step)
MIGRATIONS: dict[str, tuple[str, Callable[[sqlite3.Connection], None]]] = {
    "1": ("2", _1_to_2),
}


def migrate(conn: sqlite3.Connection, target: str) -> str:
    """Migrate the file to ``target`` if it can be; returns the version it ends at."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = _version(conn)
        while found != target and found in MIGRATIONS:
            found, step = MIGRATIONS[found][0], MIGRATIONS[found][1]
            step(conn)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (found,))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found


def _version(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return row[0] if row else None
