"""``python -m recoupe.web [--db FILE] [--host H] [--port P]``: same as ``recoupe serve``."""

import typer

from recoupe.web.cli import serve

if __name__ == "__main__":
    typer.run(serve)
