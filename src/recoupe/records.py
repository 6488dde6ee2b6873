"""What goes into an analysis: one article, already decoded, from any input format."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ArticleInput(BaseModel):
    """One article ready for analysis.

    ``text`` is the decoded article; when ``title`` is given and the text does not start
    with it, the analysis prepends it (title, blank line, text) so that the headline has
    offsets like everything else.
    """

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = Field(None, description="Outlet or site name, if known.")
    language: str | None = Field(None, description="Given language; detected when absent.")
    origin: str | None = Field(None, description="Path, '-' for stdin, or URL.")
    input_format: Literal["text", "html", "jsonl", "api"] = "text"

    def analysed_text(self) -> str:
        """The text every offset of the analysis points into: the headline, then the body.

        Lives here, free of spaCy, because the store hashes it to skip known articles
        before anything loads a model.
        """
        title = (self.title or "").strip()
        if title and not self.text.lstrip().startswith(title):
            return f"{title}\n\n{self.text}"
        return self.text


class InputError(Exception):
    """An input that cannot be read as an article. The message names the input."""

    def __init__(self, origin: str, reason: str):
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")
