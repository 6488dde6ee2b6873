"""The web app: paste or upload an article, read its dossier, search the corpus.

``create_app(db_path)`` builds the FastAPI application; ``recoupe serve`` runs it.
"""

from recoupe.web.app import create_app

__all__ = ["create_app"]
