"""``recoupe serve``: the web app on uvicorn."""

from __future__ import annotations

from pathlib import Path

import typer

DEFAULT_DB = Path("recoupe.db")


def serve(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The SQLite store (created if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
):
    """Serve the web app: analyse articles, read dossiers, search the corpus."""
    import uvicorn

    from recoupe.web import create_app

    typer.echo(f"recoupe: store {db}, http://{host}:{port}/ (the model loads first)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
