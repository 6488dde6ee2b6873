"""The output schema of an analysis.

Every span is a pair of character offsets into ``Analysis.text``, which is the decoded
input text (for HTML, the extracted headline and main text), so that a finding can be
highlighted where it stands: ``analysis.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the analysed text."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    text: str = Field(description="The text between start and end, verbatim.")


# --- article and segmentation ------------------------------------------------------


class ArticleMeta(Model):
    id: str
    headline: Span | None = Field(None, description="The headline, its own segment.")
    credit: Span | None = Field(
        None, description="A source credit line such as 'Source : Express.co.uk' or '(AFP)'."
    )
    credited_source: str | None = Field(None, description="The outlet named in the credit.")
    date: str | None = None
    url: str | None = None
    site_name: str | None = None
    origin: str | None = Field(None, description="Where the input came from: a path, '-', a URL.")
    input_format: Literal["text", "html", "jsonl", "api"] = "text"
    language: str = Field(description="ISO 639-1 code of the detected (or given) language.")
    language_confidence: float | None = None
    word_count: int


class Paragraph(Span):
    index: int
    is_headline: bool = False
    is_credit: bool = False


class Sentence(Span):
    index: int
    paragraph: int


EntityType = Literal["PER", "ORG", "LOC", "MISC"]


class Mention(Span):
    kind: Literal["name", "nominal", "pronoun"] = "name"


class EntityCluster(Model):
    """One real-world entity and every place the article mentions it."""

    id: str = Field(description="Stable within the analysis: 'e1', 'e2', ...")
    name: str = Field(description="The most informative name for the entity in the article.")
    type: EntityType
    mentions: list[Mention]


# --- quotes --------------------------------------------------------------------------


class Cue(Span):
    pass


class Speaker(Model):
    text: str | None = Field(None, description="The mention that carries the cue.")
    start: int | None = None
    end: int | None = None
    name: str | None = Field(None, description="The canonical speaker.")
    cluster: str | None = Field(None, description="Id of the entity cluster, if any.")


class Quote(Span):
    """Reported speech: the span is the content, without the quotation marks."""

    id: str
    kind: Literal["direct", "indirect", "mixed"]
    cue: Cue | None = None
    speaker: Speaker = Field(default_factory=Speaker)
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str = Field(description="The rule or evidence that produced the quote.")
    sentence: int | None = Field(None, description="Index of the sentence holding the quote.")


# --- sources ---------------------------------------------------------------------------

SourceType = Literal[
    "named_person",
    "anonymous_person",
    "institution",
    "media_outlet",
    "news_agency",
    "document",
    "recording",
    "this_article",
]


class Source(Model):
    id: str
    name: str
    type: SourceType
    access: Literal["first_hand", "relayed", "unknown"] = "unknown"
    mentions: list[Span] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list, description="Ids of the quotes it speaks.")
    cluster: str | None = None


class SourceEdge(Model):
    """``source`` passed information on to ``target``: source → target."""

    source: str
    target: str
    relation: str = "relayed_by"
    evidence: Span | None = None


class Flag(Model):
    kind: str
    message: str
    evidence: list[Span] = Field(default_factory=list)


class SourceChain(Model):
    sources: list[Source] = Field(default_factory=list)
    edges: list[SourceEdge] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


# --- claims -----------------------------------------------------------------------------


class Hedge(Span):
    kind: Literal["conditional", "attribution", "uncertainty", "alleged"]


class AssertedBy(Model):
    kind: Literal["journalist", "source"]
    name: str | None = None
    source: str | None = Field(None, description="Id of the source entry.")
    quote: str | None = Field(None, description="Id of the quote.")


class Claim(Span):
    id: str
    type: Literal["number", "date", "event", "causal", "prediction", "statement"]
    asserted_by: AssertedBy
    hedges: list[Hedge] = Field(default_factory=list)
    score: float = Field(ge=0.0, le=1.0)
    features: dict[str, float] = Field(default_factory=dict)


# --- headline check ------------------------------------------------------------------


class HeadlineAssertion(Span):
    verdict: Literal["supported", "partly", "not_supported"]
    evidence: list[Span] = Field(default_factory=list)
    explanation: str = ""


class UnsupportedTerm(Span):
    reason: str


class HeadlineCheck(Model):
    headline: Span | None = None
    assertions: list[HeadlineAssertion] = Field(default_factory=list)
    unsupported_terms: list[UnsupportedTerm] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


# --- loaded language ---------------------------------------------------------------------


class LoadedTerm(Span):
    category: Literal["intensifier", "emotional", "sensational", "profanity", "exaggeration"]


class LoadedLanguage(Model):
    terms: list[LoadedTerm] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    per_1000_words: float = 0.0
    summary: str = ""


# --- the whole analysis --------------------------------------------------------------


class Analysis(Model):
    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    text: str = Field(description="The analysed text; every offset points into it.")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[EntityCluster] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    sources: SourceChain = Field(default_factory=SourceChain)
    claims: list[Claim] = Field(default_factory=list)
    headline_check: HeadlineCheck = Field(default_factory=HeadlineCheck)
    loaded_language: LoadedLanguage = Field(default_factory=LoadedLanguage)
    notes: list[str] = Field(
        default_factory=list,
        description="What the analysis could not do, e.g. for a non-French article.",
    )


class Failure(Model):
    """An input that could not be analysed, and why."""

    id: str | None = None
    origin: str | None = None
    error: str


def json_schema() -> dict:
    return Analysis.model_json_schema()
