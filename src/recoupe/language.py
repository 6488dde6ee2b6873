"""Language detection, offline (py3langid ships its model inside the package)."""

from __future__ import annotations

# Enough text to decide, little enough to stay cheap on long articles.
SAMPLE_CHARS = 2000


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and a confidence in [0, 1]."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < 20:
        # Too little text to tell; French is the tool's default.
        return "fr", 0.0
    return _classify(sample)


_identifier = None


def _classify(sample: str) -> tuple[str, float]:
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, probability = _identifier.classify(sample)
    return code, round(float(probability), 3)
