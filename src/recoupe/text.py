"""Text normalisation that keeps every character offset where it was."""

from __future__ import annotations

# Each replacement is one character for one character, so offsets computed on the
# normalised text are offsets into the original.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",  # no-break space, French typography before : ; ! ? »
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2007": " ",
        "\u2019": "'",  # typographic apostrophe: the French tokenizer knows "l'", "qu'"
        "\u02bc": "'",
        "\r": "\n",
        "\t": " ",
    }
)


def normalize_for_model(text: str) -> str:
    """The text spaCy should see: same length, same offsets, plainer characters."""
    out = text.translate(_SAME_LENGTH)
    assert len(out) == len(text)
    return out


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space, so a span never begins or ends
    with a space or a line break."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
