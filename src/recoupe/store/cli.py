"""Commands of this package, registered on the main ``recoupe`` app:
``ingest``, ``search``, ``people``, ``show``, ``export``, ``errors``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

DEFAULT_DB = Path("recoupe.db")
DB_HELP = "The SQLite database (env: RECOUPE_DB)."

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class Kind(str, Enum):
    quote = "quote"
    claim = "claim"
    article = "article"


class SpeakerKind(str, Enum):
    person = "person"
    organisation = "organisation"
    document = "document"
    other = "other"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def _db_option():
    return typer.Option(DEFAULT_DB, "--db", help=DB_HELP, envvar="RECOUPE_DB")


def _error(message: str) -> None:
    """One error on one line: a path or a command in it must not break at the edge
    of the terminal, where copying it would pick up a line break."""
    err.print(f"[red]error[/red] {escape(message)}", soft_wrap=True)


def _open(db: Path):
    """The store of an existing database, or a clear message and exit code 2."""
    from recoupe.store import Store, StoreError

    try:
        return Store(db, create=False)
    except StoreError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


def _json_out(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _listing(items: list[dict], total: int, limit: int, offset: int) -> dict:
    """A page of results in the shape of the HTTP API's listings (``GET /api/search``,
    ``GET /api/people``), so that one parser reads both."""
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin."),
    db: Path = _db_option(),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Processes to analyse with (default: all cores)."),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
):
    """Analyse articles into the database (reruns skip what is stored, and resume)."""
    from recoupe.store import StoreError, ingest_paths

    show = progress if progress is not None else err.is_terminal
    try:
        summary = ingest_paths(paths, db, workers=workers, progress=show, console=err)
    except StoreError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    for origin, message in summary.errors:
        _error(f"{origin}: {message}")
    if summary.failed > len(summary.errors):
        err.print(f"… and {summary.failed - len(summary.errors)} more errors")
    rate = f" ({summary.rate:.1f} articles/s)" if summary.stored else ""
    known = f" ({summary.known_failures} as in an earlier run)" if summary.known_failures else ""
    err.print(
        f"{summary.stored} stored, {summary.skipped} already stored (skipped), "
        f"{summary.failed} failed{known} in {summary.seconds:.1f} s{rate} → "
        f"{escape(str(db))}", soft_wrap=True)
    if summary.failed:
        err.print(f"`recoupe errors --db {escape(str(db))}` lists every failure.",
                  soft_wrap=True)
    if summary.interrupted:
        err.print("Interrupted: run the same command again to resume.")
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)


def search(
    text: str = typer.Argument(..., help="Words to find (accents and case ignored; "
                               "word* for a prefix). \"\" with a filter lists everything."),
    speaker: str | None = typer.Option(None, "--speaker", help="Quotes by this person."),
    source: str | None = typer.Option(None, "--source", help="Articles from or citing this source."),
    kind: Kind | None = typer.Option(None, "--kind", help="Only quotes, claims or articles."),
    since: str | None = typer.Option(None, "--since", help="Articles dated on or after YYYY-MM-DD."),
    limit: int = typer.Option(20, "--limit", "-n", min=1),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    db: Path = _db_option(),
):
    """Search quotes, claims and articles; matches are marked with square brackets."""
    store = _open(db)
    try:
        results, total = store.search(text, speaker=speaker, source=source,
                                      kind=kind.value if kind else None, since=since,
                                      limit=limit, offset=offset)
    except ValueError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()
    if as_json:
        _json_out(_listing(results, total, limit, offset))
        return
    for r in results:
        where = f"{r['article_id']}"
        if r["start"] is not None:
            where += f" [{r['start']}:{r['end']}]"
        who = f"  {r['speaker']}:" if r.get("speaker") else ""
        out.print(f"[bold]{r['kind']:<7}[/bold] {escape(where)}{escape(who)}")
        out.print(f"        {escape(r['snippet'])}")
    shown = f"{offset + 1}–{offset + len(results)} of {total}" if results else f"0 of {total}"
    err.print(f"{shown} results")


def people(
    limit: int = typer.Option(30, "--limit", "-n", min=1),
    offset: int = typer.Option(0, "--offset", min=0),
    q: str | None = typer.Option(None, "--name", help="Only people with this name or variant."),
    kind: SpeakerKind | None = typer.Option(
        None, "--kind", help="Only persons, organisations, documents or other speakers."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    db: Path = _db_option(),
):
    """Speakers ranked by number of quotes, with their kind and the names they go by."""
    from recoupe.store.keys import name_key

    store = _open(db)
    try:
        rows, total = store.people(limit=limit, offset=offset, q=q,
                                   kind=kind.value if kind else None)
    finally:
        store.close()
    if as_json:
        _json_out(_listing(rows, total, limit, offset))
        return
    table = Table("#", "speaker", "kind", "quotes", "articles", "also named")
    for rank, row in enumerate(rows, offset + 1):
        others = [v for v in row["variants"] if name_key(v) != name_key(row["name"])]
        table.add_row(str(rank), escape(row["name"]), row["kind"], str(row["n_quotes"]),
                      str(row["n_articles"]), escape(", ".join(others)))
    out.print(table)
    shown = f"{offset + 1}–{offset + len(rows)} of {total}" if rows else f"0 of {total}"
    err.print(f"{shown} speakers")


def show(
    article_id: str = typer.Argument(..., metavar="ID", help="The article id (see `search`)."),
    format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    db: Path = _db_option(),
):
    """Show the stored analysis of one article."""
    from recoupe.render import render, render_terminal

    store = _open(db)
    try:
        analysis = store.get(article_id)
    finally:
        store.close()
    if analysis is None:
        _error(f"no article {article_id!r} in {db}; `recoupe search` gives article ids")
        raise typer.Exit(1)
    if format == ShowFormat.text and output is None:
        render_terminal(analysis, out)
        return
    text = render(analysis, format.value)
    text = text if text.endswith("\n") else text + "\n"
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def export(
    format: ExportFormat = typer.Option(..., "--format", "-f",
                                        help="jsonl: one analysis a line; csv: one quote a row."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Default: standard output."),
    db: Path = _db_option(),
):
    """Export the database: every analysis (jsonl) or every quote (csv)."""
    from recoupe.store.export import EXPORTERS

    store = _open(db)
    try:
        if output is None:
            n = EXPORTERS[format.value](store, sys.stdout)
            sys.stdout.flush()
        else:
            with output.open("w", encoding="utf-8", newline="") as sink:
                n = EXPORTERS[format.value](store, sink)
    finally:
        store.close()
    what = "analyses" if format == ExportFormat.jsonl else "quotes"
    err.print(f"{n} {what} exported" + (f" to {output}" if output else ""))


def errors(
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    db: Path = _db_option(),
):
    """Inputs that could not be read or analysed, most recent first."""
    store = _open(db)
    try:
        rows = store.errors()
    finally:
        store.close()
    if as_json:
        _json_out(rows)
        return
    if not rows:
        err.print("no errors")
        return
    table = Table("time", "origin", "id", "error", "times")
    for row in rows:
        table.add_row(row["time"].replace("T", " ")[:19], escape(row["origin"]), escape(row["id"]),
                      escape(row["message"]), str(row["occurrences"]))
    out.print(table)
    err.print(f"{len(rows)} errors")


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    for command in (ingest, search, people, show, export, errors):
        app.command()(command)
