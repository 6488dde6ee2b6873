"""Commands of this package, registered on the main ``recoupe`` app."""

import typer


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
