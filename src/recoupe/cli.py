"""The ``recoupe`` command line."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(
    name="recoupe",
    help="Who said what, according to whom, and does the headline hold up? "
    "French-first news analysis for fact-checkers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out_console = Console()
err_console = Console(stderr=True)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"


EXTENSIONS = {Format.text: ".txt", Format.json: ".json", Format.jsonl: ".jsonl",
              Format.md: ".md", Format.html: ".html"}


def _progress(total: int | None, enabled: bool):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=err_console,
                    disable=not enabled, transient=False)


def iter_results(paths: list[str], workers: int = 1, scheduler: str | None = None):
    """Analyse every input under ``paths``; yields an Analysis or a Failure for each."""
    from recoupe.core import analyze_batch
    from recoupe.ingest import iter_inputs
    from recoupe.records import InputError
    from recoupe.schema import Failure

    failures: list[Failure] = []

    def articles():
        for item in iter_inputs(paths, stdin=sys.stdin):
            if isinstance(item, InputError):
                failures.append(Failure(id=None, origin=item.origin, error=str(item)))
                continue
            yield item

    if scheduler:
        from recoupe.distributed import analyze_with_dask

        results = analyze_with_dask(articles(), scheduler)
    else:
        results = analyze_batch(articles(), workers=workers)
    for result in results:
        while failures:
            yield failures.pop(0)
        yield result
    while failures:
        yield failures.pop(0)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: str | None = typer.Option(
        None, "--output", "-o",
        help="A file, or a folder (an existing one, or a path ending in /) that gets one "
        "file per article. Default: standard output."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to use."),
    scheduler: str | None = typer.Option(
        None, "--scheduler",
        help="Run on Dask: 'processes' on this machine, or a cluster's scheduler address "
        "(tcp://host:8786)."),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress",
        help="Show a progress bar (default: when several inputs go to a terminal)."),
):
    """Analyse articles (text, HTML, JSON Lines, folders, stdin) into dossiers."""
    import time

    from recoupe.ingest import count_inputs
    from recoupe.schema import Analysis

    total = count_inputs(paths)
    show = progress if progress is not None else (
        (total is None or total > 1) and err_console.is_terminal)
    folder, sink = _open_output(output, total, format)
    ok = failed = 0
    started = time.perf_counter()
    try:
        with _progress(total, bool(show)) as bar:
            task = bar.add_task("analysing", total=total, rate="")
            for result in iter_results(paths, workers, scheduler):
                if isinstance(result, Analysis) and _emit_or_report(result, format, sink, folder):
                    ok += 1
                else:
                    failed += 1
                    if not isinstance(result, Analysis):
                        _report(result.origin or result.id, _reason(result))
                rate = (ok + failed) / max(time.perf_counter() - started, 1e-9)
                bar.update(task, advance=1, rate=f"{rate:.1f} art/s")
    except BrokenPipeError:
        # `recoupe analyze … | head`: the reader has gone; stop quietly, as Unix tools do.
        sys.stderr.close()
        raise typer.Exit(0)
    finally:
        if sink is not None:
            sink.close()
    if (ok + failed) > 1 or failed:
        err_console.print(f"{ok} analysed, {failed} failed"
                          + (f"; written to {output}" if output else ""), highlight=False,
                          soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def _open_output(output: str | None, total: int | None, format: Format):
    """Where results go: (a folder for one file per article, or an open file, or neither)."""
    if output is None:
        return None, None
    path = Path(output)
    several = (total or 0) > 1 and format != Format.jsonl
    if output.endswith(("/", "\\")) or path.is_dir() or (several and not path.suffix):
        path.mkdir(parents=True, exist_ok=True)
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True)
    return None, path.open("w", encoding="utf-8")


def _report(origin: str, reason: str) -> None:
    # One line per bad input, never wrapped: scripts grep these.
    err_console.print(f"[red]error[/red] {origin}: {reason}", highlight=False, soft_wrap=True)


def _emit_or_report(analysis, format: Format, sink, folder: Path | None) -> bool:
    try:
        _emit(analysis, format, sink, folder)
        return True
    except OSError:
        raise
    except Exception as exc:  # a renderer bug must not stop the batch
        _report(analysis.article.origin or analysis.article.id,
                f"could not render as {format.value}: {type(exc).__name__}: {exc}")
        return False


def _reason(failure) -> str:
    # Input errors already start with the origin; do not say it twice.
    origin = failure.origin or ""
    error = failure.error
    if origin and error.startswith(origin + ": "):
        return error[len(origin) + 2:]
    return error


def _emit(analysis, format: Format, sink, folder: Path | None) -> None:
    from recoupe.render import render, render_terminal

    if folder is not None:
        target = folder / f"{_safe_name(analysis.article.id)}{EXTENSIONS[format]}"
        target.write_text(render(analysis, format.value), encoding="utf-8")
        return
    if format == Format.text and sink is None:
        render_terminal(analysis, out_console)
        return
    text = render(analysis, format.value)
    if sink is not None:
        sink.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned[:120] or "article"


@app.command()
def schema(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
):
    """Print the JSON Schema of an analysis."""
    from recoupe.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def _register_commands() -> None:
    # Commands that live beside the code they drive.
    from recoupe.evaluate import cli as evaluate_cli
    from recoupe.store import cli as store_cli
    from recoupe.web import cli as web_cli

    evaluate_cli.register(app)
    store_cli.register(app)
    web_cli.register(app)


_register_commands()


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
