"""Renderers: one analysis → terminal, Markdown, self-contained HTML, JSON."""

from __future__ import annotations

from recoupe.schema import Analysis


def render(analysis: Analysis, fmt: str) -> str:
    """The analysis as text in ``fmt``: json, jsonl, md, html or text."""
    if fmt == "json":
        return analysis.model_dump_json(indent=2)
    if fmt == "jsonl":
        return analysis.model_dump_json()
    if fmt == "md":
        from recoupe.render.markdown import render_markdown

        return render_markdown(analysis)
    if fmt == "html":
        from recoupe.render.html import render_html

        return render_html(analysis)
    if fmt == "text":
        from recoupe.render.terminal import render_text

        return render_text(analysis)
    raise ValueError(f"unknown format: {fmt}")


def render_terminal(analysis: Analysis, console) -> None:
    from recoupe.render.terminal import print_dossier

    print_dossier(analysis, console)
