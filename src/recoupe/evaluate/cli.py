"""``recoupe evaluate GOLD.jsonl``: score the extractor against a gold file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer


def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Gold file (JSON Lines: id, text, quotes|claims|headline)."),
    errors: bool = typer.Option(False, "--errors", "-e",
                                help="List every miss, false alarm and wrong speaker."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to use."),
    against: Path | None = typer.Option(
        None, "--against", exists=True, dir_okay=False,
        help="Score the quotes in this file (a second annotator's gold, or the output of "
             "`recoupe analyze --format jsonl`) instead of running the extractor."),
):
    """Score quotes (or claims, or headline checks) against a gold file."""
    from recoupe.evaluate import GoldError, gold_kind, read_records

    try:
        records = read_records(gold)
        kind = gold_kind(records)
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if kind in ("claims", "headline"):
        if against is not None:
            typer.echo(f"error: --against scores quote golds only; {gold} holds {kind}",
                       err=True)
            raise typer.Exit(2)
        typer.echo(_other_evaluation(kind, records, errors, as_json))
        return
    from recoupe.evaluate import score_quote_records
    from recoupe.evaluate.report import format_report

    try:
        if against is not None:
            from recoupe.evaluate.against import score_against

            scores = score_against(records, against)
        else:
            scores = score_quote_records(records, workers=workers)
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(format_report(scores, errors=errors))


def _other_evaluation(kind: str, records: list[dict], errors: bool, as_json: bool) -> str:
    """Claims and headline checks are scored by their own modules."""
    if kind == "claims":
        from recoupe.evaluate import claims as module

        report, scorer = module.evaluate_claims, getattr(module, "score_claim_records", None)
    else:
        from recoupe.evaluate import headline as module

        report, scorer = module.evaluate_headlines, getattr(module, "score_headline_records",
                                                             None)
    if as_json and scorer is not None:
        scores = scorer(records)
        if hasattr(scores, "as_dict"):
            return json.dumps(scores.as_dict(), ensure_ascii=False, indent=2)
    return report(records, errors=errors)


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.command("evaluate")(evaluate)
