"""A quote while it is being found: offsets plus the tokens it hangs on.

The modules that find quotes (direct, indirect, mixed, dialogue) produce candidates;
``speakers`` gives them canonical names; ``recoupe.quotes.extract`` turns them into
``schema.Quote``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from recoupe.pipeline.quotemarks import QuoteRegion


@dataclass
class Candidate:
    kind: str  # direct | indirect | mixed
    start: int  # content, without the marks
    end: int
    rule: str
    confidence: float
    cue: tuple[int, int] | None = None
    cue_token: Token | None = None  # the verb, preposition or noun reporting the speech
    speaker: tuple[int, int] | None = None  # the mention carrying the cue
    speaker_token: Token | None = None  # head of that mention
    regions: list[QuoteRegion] = field(default_factory=list)
    # Filled by speaker resolution.
    name: str | None = None
    cluster: str | None = None
    # A floating quote: no speaker in its sentence; the reader takes the previous one.
    floating: bool = False
    # A quotation reopened in the next paragraph: same mention as the part before.
    continues: bool = False
    # The quote whose speaker a floating quote takes (canonical name only).
    inherit: "Candidate | None" = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def attribute(self, other: "Candidate") -> None:
        """Take ``other``'s cue and speaker (an incise shared by two quotations)."""
        self.cue, self.cue_token = other.cue, other.cue_token
        self.speaker, self.speaker_token = other.speaker, other.speaker_token
