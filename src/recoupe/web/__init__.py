"""The web app: paste or upload an article, read its dossier, search the corpus.

``create_app(db_path)`` builds the FastAPI application; ``recoupe serve`` runs it.
Imported on first use, so that registering the ``serve`` command costs the CLI nothing.
"""

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from recoupe.web.app import create_app

        return create_app
    raise AttributeError(f"module 'recoupe.web' has no attribute {name!r}")
