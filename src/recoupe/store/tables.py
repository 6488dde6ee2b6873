"""The SQLite schema of the store: plain tables, JSON as TEXT, FTS5 for search.

The schema is open on purpose (docs/store.md describes every column): a fact-checker
can browse the file with the ``sqlite3`` shell or Datasette. Each full-text table is an
FTS5 *external content* table named ``<table>_fts`` over ``<table>``, the layout
Datasette recognises, kept in step by triggers so that a row deleted by hand leaves no
ghost in the index.
"""

from __future__ import annotations

import sqlite3

from recoupe.store.migrate import MIGRATIONS, migrate

# Bump on any change of tables or columns, with a step in MIGRATIONS from the version
# before; a file of a version this code cannot migrate is refused with a clear message.
STORE_SCHEMA_VERSION = "2"

# Accent- and case-insensitive: "ecole" finds "École".
TOKENIZER = "unicode61 remove_diacritics 2"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    rowid             INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    input_id          TEXT NOT NULL,
    content_hash      TEXT NOT NULL UNIQUE,
    headline          TEXT,
    date              TEXT,
    date_iso          TEXT,
    url               TEXT,
    site_name         TEXT,
    credited_source   TEXT,
    origin            TEXT,
    input_format      TEXT NOT NULL,
    language          TEXT NOT NULL,
    word_count        INTEGER NOT NULL,
    n_quotes          INTEGER NOT NULL,
    n_claims          INTEGER NOT NULL,
    n_entities        INTEGER NOT NULL,
    n_sources         INTEGER NOT NULL,
    schema_version    TEXT NOT NULL,
    text              TEXT NOT NULL,
    analysis          TEXT NOT NULL CHECK (json_valid(analysis)),
    ingested_at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date_iso);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
CREATE INDEX IF NOT EXISTS articles_input_id ON articles(input_id);

CREATE TABLE IF NOT EXISTS people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL DEFAULT 'other'
);
CREATE INDEX IF NOT EXISTS people_kind ON people(kind);

CREATE TABLE IF NOT EXISTS person_variants (
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    variant     TEXT NOT NULL,
    variant_key TEXT NOT NULL,
    PRIMARY KEY (person_id, variant)
);
CREATE INDEX IF NOT EXISTS person_variants_key ON person_variants(variant_key);

CREATE TABLE IF NOT EXISTS quotes (
    rowid          INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    speaker_text   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_name   TEXT,
    person_id      TEXT REFERENCES people(id),
    speaker_kind   TEXT,
    cluster        TEXT,
    confidence     REAL NOT NULL,
    rule           TEXT NOT NULL,
    sentence       INTEGER,
    UNIQUE (article_id, quote_id)
);
CREATE INDEX IF NOT EXISTS quotes_person ON quotes(person_id);

CREATE TABLE IF NOT EXISTS sources (
    rowid       INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    type        TEXT NOT NULL,
    access      TEXT NOT NULL,
    cluster     TEXT,
    quote_ids   TEXT NOT NULL CHECK (json_valid(quote_ids)),
    mentions    TEXT NOT NULL CHECK (json_valid(mentions)),
    UNIQUE (article_id, source_id)
);
CREATE INDEX IF NOT EXISTS sources_name ON sources(name_key);

CREATE TABLE IF NOT EXISTS source_edges (
    rowid       INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id   TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    relation    TEXT NOT NULL,
    evidence    TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX IF NOT EXISTS source_edges_article ON source_edges(article_id);

CREATE TABLE IF NOT EXISTS claims (
    rowid               INTEGER PRIMARY KEY,
    article_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_id            TEXT NOT NULL,
    type                TEXT NOT NULL,
    text                TEXT NOT NULL,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    asserted_by_kind    TEXT NOT NULL,
    asserted_by_name    TEXT,
    asserted_by_source  TEXT,
    asserted_by_quote   TEXT,
    score               REAL NOT NULL,
    hedges              TEXT NOT NULL CHECK (json_valid(hedges)),
    features            TEXT NOT NULL CHECK (json_valid(features)),
    UNIQUE (article_id, claim_id)
);

CREATE TABLE IF NOT EXISTS entities (
    rowid       INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    type        TEXT NOT NULL,
    n_mentions  INTEGER NOT NULL,
    mentions    TEXT NOT NULL CHECK (json_valid(mentions)),
    UNIQUE (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_key);

CREATE TABLE IF NOT EXISTS errors (
    rowid       INTEGER PRIMARY KEY,
    origin      TEXT NOT NULL DEFAULT '',
    article_id  TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 1,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    UNIQUE (origin, article_id, message)
);
"""


def _fts_table(table: str, columns: list[str]) -> str:
    # content="table" in double quotes: the form Datasette looks for to offer a search
    # box on the table (it does not recognise content='table').
    return (f'CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5(\n'
            f'    {", ".join(columns)}, content="{table}", content_rowid="rowid", '
            f'tokenize="{TOKENIZER}");\n')


def _fts_triggers(table: str, columns: list[str]) -> str:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_fts_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old});
END;
"""


FTS_COLUMNS = {
    "articles": ["headline", "text"],
    "quotes": ["text", "speaker_name"],
    "claims": ["text"],
}
FTS = "".join(_fts_table(t, c) for t, c in FTS_COLUMNS.items())
TRIGGERS = "".join(_fts_triggers(t, c) for t, c in FTS_COLUMNS.items())


class SchemaMismatch(RuntimeError):
    """The file was written by another version of the store schema."""


def create_or_check(conn: sqlite3.Connection) -> None:
    """Create the tables of an empty file, migrate an older one, then check the version
    the file declares."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        # One transaction, and idempotent, so that two processes creating the same
        # file at once, or a crash half-way, leave a complete schema.
        conn.executescript(
            "BEGIN IMMEDIATE;" + TABLES + FTS + TRIGGERS
            + "INSERT OR IGNORE INTO meta(key, value) VALUES "
            f"('schema_version', '{STORE_SCHEMA_VERSION}'), ('fts_tokenizer', '{TOKENIZER}');"
            + "COMMIT;")
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    found = row[0] if row else None
    if found != STORE_SCHEMA_VERSION and found in MIGRATIONS:
        found = migrate(conn, STORE_SCHEMA_VERSION)
    if found != STORE_SCHEMA_VERSION:
        raise SchemaMismatch(
            f"this database has store schema version {found!r}; this recoupe writes "
            f"version {STORE_SCHEMA_VERSION!r}: ingest into a new file")
