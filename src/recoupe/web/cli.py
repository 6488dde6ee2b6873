"""``recoupe serve``: the web app on uvicorn."""

from __future__ import annotations

from pathlib import Path

import typer

DEFAULT_DB = Path("recoupe.db")


def serve(
    db: Path = typer.Option(DEFAULT_DB, "--db", envvar="RECOUPE_DB",
                            help="The SQLite store, created if missing (env: RECOUPE_DB)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
):
    """Serve the web app: analyse articles, read dossiers, search the corpus."""
    import uvicorn

    from recoupe.store import Store, StoreError
    from recoupe.web import create_app

    try:  # a store of another version or a file that is no database: say so, plainly
        Store(db).close()
    except StoreError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"recoupe: store {db}; loading the model, then http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
