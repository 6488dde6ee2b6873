"""recoupe: who said what, according to whom, and does the headline hold up.

    >>> import recoupe
    >>> analysis = recoupe.analyze("Titre\\n\\nLe ministre a déclaré : « Nous partirons. »")
    >>> analysis.quotes[0].speaker.text
    'Le ministre'
"""

from recoupe.schema import SCHEMA_VERSION, Analysis, Failure

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_batch", "Analysis", "Failure", "SCHEMA_VERSION", "__version__"]


def analyze(text_or_article):
    """Analyse one article (a string, a dict or an ``ArticleInput``) → ``Analysis``."""
    from recoupe.core import analyze as _analyze

    return _analyze(text_or_article)


def analyze_batch(records, **options):
    """Analyse many articles; yields an ``Analysis`` or a ``Failure`` per record."""
    from recoupe.core import analyze_batch as _analyze_batch

    return _analyze_batch(records, **options)
