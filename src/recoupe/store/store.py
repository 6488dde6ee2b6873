"""``Store``: analyses in a SQLite file, one transaction per article, and the queries
the command line and the web app ask of them.

Threads: each thread gets its own connection (SQLite connections are not meant to be
shared), writes are serialised by a lock within the process and by ``BEGIN IMMEDIATE``
across processes, and WAL mode lets readers go on while an ingest writes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from recoupe import schema
from recoupe.store import fts
from recoupe.store.keys import content_hash, date_key, name_key
from recoupe.store.kinds import KINDS as PERSON_KINDS
from recoupe.store.people import person_for, update_kinds
from recoupe.store.rows import ArticleRows, rows_of
from recoupe.store.tables import STORE_SCHEMA_VERSION, SchemaMismatch, create_or_check

KINDS = ("quote", "claim", "article")


class StoreError(RuntimeError):
    """The database cannot be used: missing, unreadable, or of another schema version."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _word_pattern(value: str) -> str | None:
    """A LIKE pattern matching ``value``'s key as whole words inside ' ' || key || ' '."""
    key = name_key(value)
    return f"% {key} %" if key else None


class Store:
    """The analyses stored in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"no database at {self.path}: create one with "
                             f"`recoupe ingest FILES --db {self.path}`")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        try:
            create_or_check(self._conn())
        except SchemaMismatch as exc:
            self.close()
            raise StoreError(f"{self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self.path}: not a recoupe database ({exc})") from exc

    # --- connections and transactions ------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # Autocommit mode: transactions are explicit (see _write).
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL survives a killed process; only a power cut can lose
            # the last commits, which a rerun of the ingest then redoes.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.create_function("name_key", 1, name_key, deterministic=True)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------

    def has_hash(self, h: str) -> bool:
        """Whether an article whose analysed text has this sha256 is stored."""
        row = self._conn().execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (h,)).fetchone()
        return row is not None

    def id_for_hash(self, h: str) -> str | None:
        """The id of the article whose analysed text has this sha256, if stored."""
        row = self._conn().execute(
            "SELECT id FROM articles WHERE content_hash = ?", (h,)).fetchone()
        return row[0] if row else None

    def add(self, analysis: schema.Analysis) -> bool:
        """Store an analysis and all its rows in one transaction.

        Returns False, storing nothing, when the same text is already stored. An
        article whose id is taken by another text is stored as ``<id>-<hash prefix>``.
        """
        h = content_hash(analysis.text)
        input_id = analysis.article.id
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                            (h,)).fetchone():
                return False
            article_id = self._free_id(conn, input_id, h)
            if article_id != input_id:
                article = analysis.article.model_copy(update={"id": article_id})
                analysis = analysis.model_copy(update={"article": article})
            self._insert(conn, rows_of(analysis, now(), input_id))
            _clear_failures(conn, analysis.article.origin, input_id)
        return True

    def add_failure(self, origin: str | None, id: str | None, error: str) -> bool:
        """Record why an input failed. The same failure again (same origin, id and
        message) adds no row: it counts one more occurrence and updates ``last_seen``.
        Returns True for a failure not recorded before."""
        stamp = now()
        with self._write() as conn:
            (occurrences,) = conn.execute(
                "INSERT INTO errors(origin, article_id, message, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(origin, article_id, message) DO UPDATE "
                "SET occurrences = occurrences + 1, last_seen = excluded.last_seen "
                "RETURNING occurrences",
                (origin or "", id or "", error, stamp, stamp)).fetchone()
        return occurrences == 1

    def clear_failures(self, origin: str | None, id: str | None) -> None:
        """Forget the failures of an input that is now stored (see ``add``)."""
        with self._write() as conn:
            _clear_failures(conn, origin, id)

    def failed_origins(self) -> set[str]:
        """The origins of the inputs that have failed."""
        return {r[0] for r in self._conn().execute("SELECT DISTINCT origin FROM errors")}

    @staticmethod
    def _free_id(conn: sqlite3.Connection, article_id: str, h: str) -> str:
        candidate, n = article_id, 1
        while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{article_id}-{h[:8]}" + (f"-{n}" if n > 2 else "")
        return candidate

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: ArticleRows) -> None:
        _insert_row(conn, "articles", rows.article)
        for quote, speaker in zip(rows.quotes, rows.speakers):
            if speaker is not None:
                quote["person_id"] = person_for(conn, speaker)
                quote["speaker_name"] = speaker.name
                quote["speaker_kind"] = speaker.kind
            _insert_row(conn, "quotes", quote)
        update_kinds(conn, [q["person_id"] for q in rows.quotes if q["person_id"]])
        for table, items in (("sources", rows.sources), ("source_edges", rows.edges),
                             ("claims", rows.claims), ("entities", rows.entities)):
            for row in items:
                _insert_row(conn, table, row)

    # --- reading one thing -------------------------------------------------------------

    def get(self, article_id: str) -> schema.Analysis | None:
        row = self._conn().execute(
            "SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        return schema.Analysis.model_validate_json(row[0]) if row else None

    def person(self, person_id: str) -> dict | None:
        conn = self._conn()
        row = conn.execute("SELECT id, name, kind FROM people WHERE id = ?",
                           (person_id,)).fetchone()
        if row is None:
            return None
        quotes = [dict(r) for r in conn.execute(
            "SELECT q.article_id, a.headline, a.date, q.quote_id, q.text, q.kind, q.cue, "
            "q.speaker_text, q.start, q.\"end\", q.confidence FROM quotes q "
            "JOIN articles a ON a.id = q.article_id WHERE q.person_id = ? "
            "ORDER BY a.rowid, q.start", (person_id,))]
        return {
            "id": row["id"],
            "name": row["name"],
            "variants": self._variants(conn, [person_id])[person_id],
            "n_quotes": len(quotes),
            "n_articles": len({q["article_id"] for q in quotes}),
            "kind": row["kind"],
            "quotes": quotes,
        }

    @staticmethod
    def _variants(conn: sqlite3.Connection, person_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {p: [] for p in person_ids}
        if not person_ids:
            return found
        marks = ",".join("?" * len(person_ids))
        for r in conn.execute(
                f"SELECT person_id, variant FROM person_variants WHERE person_id IN ({marks}) "
                "ORDER BY person_id, length(variant) DESC, variant", person_ids):
            found[r[0]].append(r[1])
        return found

    # --- listing -------------------------------------------------------------------------

    def list_articles(self, *, q: str | None = None, since: str | None = None,
                      source: str | None = None, language: str | None = None,
                      limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """Articles, newest ingested first; ``q`` searches headline and text."""
        where, params = _article_filters(since=since, source=source, language=language)
        join = ""
        if q:
            expression = fts.match_expression(q)
            if expression is None:
                return [], 0
            join = "JOIN articles_fts ON articles_fts.rowid = a.rowid"
            where.append("articles_fts MATCH :q")
            params["q"] = expression
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        conn = self._conn()
        total = conn.execute(f"SELECT count(*) FROM articles a {join} {clause}",
                             params).fetchone()[0]
        rows = conn.execute(
            "SELECT a.id, a.headline, a.date, a.url, a.language, a.site_name, "
            "a.credited_source, coalesce(a.credited_source, a.site_name) AS source, "
            "a.n_quotes, a.n_claims, a.n_entities, a.n_sources, a.word_count, a.ingested_at "
            f"FROM articles a {join} {clause} ORDER BY a.rowid DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset}).fetchall()
        return [dict(r) for r in rows], total

    def people(self, *, limit: int = 100, offset: int = 0, q: str | None = None,
               kind: str | None = None) -> tuple[list[dict], int]:
        """Speakers ranked by number of quotes; ``q`` matches a name or a variant,
        ``kind`` keeps one kind of speaker (``person``, ``organisation``, ``document``,
        ``other``)."""
        if kind is not None and kind not in PERSON_KINDS:
            raise ValueError(f"kind must be one of {', '.join(PERSON_KINDS)}, not {kind!r}")
        params: dict = {"limit": limit, "offset": offset}
        where = []
        if q:
            pattern = _word_pattern(q)
            if pattern is None:
                return [], 0
            where.append("(p.id IN (SELECT person_id FROM person_variants "
                         "WHERE ' ' || variant_key || ' ' LIKE :pattern) "
                         "OR ' ' || p.name_key || ' ' LIKE :pattern)")
            params["pattern"] = pattern
        if kind:
            where.append("p.kind = :kind")
            params["kind"] = kind
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        conn = self._conn()
        total = conn.execute(f"SELECT count(*) FROM people p {clause}", params).fetchone()[0]
        rows = [dict(r) for r in conn.execute(
            "SELECT p.id, p.name, count(q.rowid) AS n_quotes, "
            "count(DISTINCT q.article_id) AS n_articles, p.kind FROM people p "
            f"LEFT JOIN quotes q ON q.person_id = p.id {clause} GROUP BY p.id "
            "ORDER BY n_quotes DESC, n_articles DESC, p.name_key LIMIT :limit OFFSET :offset",
            params)]
        variants = self._variants(conn, [r["id"] for r in rows])
        for r in rows:
            r["variants"] = variants[r["id"]]
        return rows, total

    def errors(self) -> list[dict]:
        """Inputs that failed, most recent first."""
        return [dict(r) for r in self._conn().execute(
            "SELECT origin, article_id AS id, message, occurrences, first_seen, "
            "last_seen AS time, last_seen FROM errors ORDER BY last_seen DESC, rowid DESC")]

    def stats(self) -> dict:
        conn = self._conn()
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("articles", "quotes", "claims", "people", "sources",
                                "entities", "errors")}
        languages = dict(conn.execute(
            "SELECT language, count(*) FROM articles GROUP BY language "
            "ORDER BY count(*) DESC, language").fetchall())
        first, last = conn.execute(
            "SELECT min(ingested_at), max(ingested_at) FROM articles").fetchone()
        return {
            **counts,
            "languages": languages,
            "first_ingested": first,
            "last_ingested": last,
            "schema_version": STORE_SCHEMA_VERSION,
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    # --- bulk reading, for export ----------------------------------------------------------

    def iter_analysis_json(self) -> Iterator[str]:
        """Each stored analysis as its JSON text, in the order stored."""
        for row in self._conn().execute("SELECT analysis FROM articles ORDER BY rowid"):
            yield row[0]

    def iter_quotes(self) -> Iterator[dict]:
        """Every quote with its article and speaker, in the order stored."""
        for row in self._conn().execute(
                "SELECT q.article_id, a.headline, q.quote_id, q.kind, q.speaker_name, "
                "q.person_id, q.speaker_text, q.cue, q.text, q.start, q.\"end\", "
                "q.confidence FROM quotes q JOIN articles a ON a.id = q.article_id "
                "ORDER BY a.rowid, q.rowid"):
            yield dict(row)

    # --- search ------------------------------------------------------------------------------

    def search(self, text: str, *, speaker: str | None = None, source: str | None = None,
               kind: str | None = None, since: str | None = None, limit: int = 20,
               offset: int = 0) -> tuple[list[dict], int]:
        """Quotes, claims and articles matching ``text`` (accent- and case-insensitive).

        Results come quotes first, then claims, then articles, each by relevance.
        ``snippet`` marks matches with square brackets, ``snippet_html`` with
        ``<mark>`` (escaped HTML). An empty ``text`` lists everything the filters let
        through. ``speaker`` keeps quotes by that person, claims asserted by them, and
        articles where they are quoted.
        """
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        matching = bool(text and text.strip())
        if matching and fts.match_expression(text) is None:
            return [], 0
        article_where, params = _article_filters(since=since, source=source)
        if speaker:
            params["speaker"] = _word_pattern(speaker)
            if params["speaker"] is None:
                return [], 0
        if matching:
            params["match"] = fts.match_expression(text)
        parts = [build(matching, bool(speaker), article_where)
                 for name, build in (("quote", _quote_select), ("claim", _claim_select),
                                     ("article", _article_select))
                 if kind in (None, name)]
        union = " UNION ALL ".join(parts)
        conn = self._conn()
        total = conn.execute(f"SELECT count(*) FROM ({union})", params).fetchone()[0]
        rows = conn.execute(
            f"SELECT * FROM ({union}) ORDER BY kind_order, rank, article_rowid, item_rowid "
            "LIMIT :limit OFFSET :offset", {**params, "limit": limit, "offset": offset})
        return [_result(dict(r)) for r in rows], total


# --- SQL pieces ------------------------------------------------------------------------------


def _clear_failures(conn: sqlite3.Connection, origin: str | None, id: str | None) -> None:
    """A success supersedes the failures of the same input: those recorded with its id,
    and those of its origin that had no id (an unreadable line, now readable)."""
    if origin:
        conn.execute("DELETE FROM errors WHERE origin = ? AND article_id IN (?, '')",
                     (origin, id or ""))
    elif id:
        conn.execute("DELETE FROM errors WHERE origin = '' AND article_id = ?", (id,))


def _insert_row(conn: sqlite3.Connection, table: str, row: dict) -> None:
    columns = ", ".join(f'"{c}"' for c in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                 list(row.values()))


def _article_filters(*, since: str | None = None, source: str | None = None,
                     language: str | None = None) -> tuple[list[str], dict]:
    """WHERE conditions on the article ``a``, and their parameters."""
    where: list[str] = []
    params: dict = {}
    if since:
        since_key = date_key(since)
        if since_key is None:
            raise ValueError(f"unreadable date {since!r}: use YYYY-MM-DD")
        where.append("a.date_iso >= :since")
        params["since"] = since_key
    if source:
        pattern = _word_pattern(source)
        if pattern is None:
            where.append("0")
        else:
            where.append(
                "(' ' || name_key(a.credited_source) || ' ' LIKE :source "
                "OR ' ' || name_key(a.site_name) || ' ' LIKE :source "
                "OR EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id "
                "AND ' ' || s.name_key || ' ' LIKE :source))")
            params["source"] = pattern
    if language:
        where.append("a.language = :language")
        params["language"] = language
    return where, params


_SPEAKER_PEOPLE = ("SELECT person_id FROM person_variants "
                   "WHERE ' ' || variant_key || ' ' LIKE :speaker")
_COLUMNS = ("kind, kind_order, article_id, headline, text, marked, speaker, person_id, "
            "start, \"end\", item_id, rank, article_rowid, item_rowid")


def _select(columns: list[str], table: str, alias: str, matching: bool,
            where: list[str]) -> str:
    source = (f"{table}_fts JOIN {table} {alias} ON {alias}.rowid = {table}_fts.rowid"
              if matching else f"{table} {alias}")
    if alias != "a":
        source += f" JOIN articles a ON a.id = {alias}.article_id"
    if matching:
        where = [f"{table}_fts MATCH :match", *where]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    named = ", ".join(f"{expr} AS {name}" for expr, name in
                      zip(columns, [c.strip() for c in _COLUMNS.split(",")]))
    return f"SELECT {named} FROM {source} {clause}"


def _quote_select(matching: bool, by_speaker: bool, article_where: list[str]) -> str:
    where = list(article_where)
    if by_speaker:
        where.append(f"q.person_id IN ({_SPEAKER_PEOPLE})")
    return _select(
        ["'quote'", "0", "q.article_id", "a.headline", "q.text",
         fts.snippet_sql("quotes_fts", 0) if matching else "NULL", "q.speaker_name",
         "q.person_id", "q.start", "q.\"end\"", "q.quote_id",
         "bm25(quotes_fts)" if matching else "0", "a.rowid", "q.rowid"],
        "quotes", "q", matching, where)


def _claim_select(matching: bool, by_speaker: bool, article_where: list[str]) -> str:
    where = list(article_where)
    if by_speaker:
        where.append(
            "(' ' || name_key(c.asserted_by_name) || ' ' LIKE :speaker OR EXISTS ("
            "SELECT 1 FROM quotes q2 WHERE q2.article_id = c.article_id "
            f"AND q2.quote_id = c.asserted_by_quote AND q2.person_id IN ({_SPEAKER_PEOPLE})))")
    return _select(
        ["'claim'", "1", "c.article_id", "a.headline", "c.text",
         fts.snippet_sql("claims_fts", 0) if matching else "NULL", "c.asserted_by_name",
         "NULL", "c.start", "c.\"end\"", "c.claim_id",
         "bm25(claims_fts)" if matching else "0", "a.rowid", "c.rowid"],
        "claims", "c", matching, where)


def _article_select(matching: bool, by_speaker: bool, article_where: list[str]) -> str:
    where = list(article_where)
    if by_speaker:
        where.append("EXISTS (SELECT 1 FROM quotes q2 WHERE q2.article_id = a.id "
                     f"AND q2.person_id IN ({_SPEAKER_PEOPLE}))")
    return _select(
        ["'article'", "2", "a.id", "a.headline", "substr(a.text, 1, 300)",
         fts.snippet_sql("articles_fts", -1) if matching else "NULL", "NULL", "NULL",
         "NULL", "NULL", "NULL", "bm25(articles_fts)" if matching else "0", "a.rowid",
         "a.rowid"],
        "articles", "a", matching, where)


def _result(row: dict) -> dict:
    marked = row.pop("marked")
    if marked is None:
        marked = fts.excerpt(row["text"] or "")
    result = {
        "kind": row["kind"],
        "article_id": row["article_id"],
        "headline": row["headline"],
        "text": row["text"],
        "snippet": fts.plain(marked),
        "snippet_html": fts.as_html(marked),
        "speaker": row["speaker"],
        "person_id": row["person_id"],
        "start": row["start"],
        "end": row["end"],
    }
    if row["kind"] == "quote":
        result["quote_id"] = row["item_id"]
    elif row["kind"] == "claim":
        result["claim_id"] = row["item_id"]
    return result
