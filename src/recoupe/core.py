"""The engine-agnostic core: articles in, analyses out.

``analyze_batch`` is what the CLI, the web app, the store and the distributed runner
all call. It takes records (``ArticleInput`` or plain dicts) and yields, in order, an
``Analysis`` or a ``Failure`` for each, so that one bad article never stops a batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

from spacy.tokens import Doc

from recoupe import schema
from recoupe.language import detect_language
from recoupe.lifetime import children_die_with_parent
from recoupe.pipeline import get_pipeline
from recoupe.pipeline.extensions import make_span
from recoupe.records import ArticleInput
from recoupe.text import normalize_for_model, strip_span, word_count

# spaCy's own default; a longer text is refused with a clear message, not a crash.
MAX_TEXT_CHARS = int(os.environ.get("RECOUPE_MAX_TEXT_CHARS", 1_000_000))
BATCH_SIZE = 16


class ArticleError(ValueError):
    """An article that cannot be analysed; the message is shown to the user."""


def to_input(record: ArticleInput | dict | str, index: int = 0) -> ArticleInput:
    if isinstance(record, ArticleInput):
        return record
    if isinstance(record, str):
        return ArticleInput(id=f"article-{index + 1}", text=record, origin="<string>")
    data = dict(record)
    data.setdefault("id", f"article-{index + 1}")
    data["id"] = str(data["id"])
    return ArticleInput(**data)


def analysed_text(article: ArticleInput) -> str:
    """The text every offset points into: the headline, then the body."""
    return article.analysed_text()


def check_article(article: ArticleInput, text: str) -> None:
    if not text.strip():
        raise ArticleError(f"{article.origin or article.id}: empty article text")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(
            f"{article.origin or article.id}: article too long ({len(text):,} characters;"
            f" the limit is {MAX_TEXT_CHARS:,})"
        )


def analysis_from_doc(doc: Doc, article: ArticleInput, language: str,
                      confidence: float | None, notes: list[str]) -> schema.Analysis:
    text = doc._.source_text
    paragraphs = doc._.paragraphs or []
    sentences = []
    paragraph_index = 0
    for sent in doc.sents:
        start, end = strip_span(text, sent.start_char, sent.end_char)
        if end <= start:
            continue
        while (paragraph_index + 1 < len(paragraphs)
               and paragraphs[paragraph_index + 1].start <= start):
            paragraph_index += 1
        sentences.append(make_span(doc, start, end, schema.Sentence, index=len(sentences),
                                   paragraph=paragraph_index))
    meta = schema.ArticleMeta(
        id=article.id,
        headline=doc._.headline,
        credit=doc._.credit,
        credited_source=doc._.credited_source,
        date=article.date,
        url=article.url,
        site_name=article.source,
        origin=article.origin,
        input_format=article.input_format,
        language=language,
        language_confidence=confidence,
        word_count=word_count(text),
    )
    return schema.Analysis(
        article=meta,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=doc._.entity_clusters or [],
        quotes=doc._.quotes or [],
        sources=doc._.sources or schema.SourceChain(),
        claims=doc._.claims or [],
        headline_check=doc._.headline_check or schema.HeadlineCheck(headline=doc._.headline),
        loaded_language=doc._.loaded_language or schema.LoadedLanguage(),
        notes=notes,
    )



class _Prepared:
    __slots__ = ("article", "text", "language", "confidence", "notes", "error")

    def __init__(self, article, text="", language="fr", confidence=None, notes=(), error=None):
        self.article, self.text, self.language = article, text, language
        self.confidence, self.notes, self.error = confidence, list(notes), error


def _prepare(record, index: int) -> _Prepared:
    try:
        article = to_input(record, index)
    except Exception as exc:  # a malformed record: report it, go on
        return _Prepared(None, error=schema.Failure(id=None, error=f"invalid record: {exc}"))
    text = analysed_text(article)
    try:
        check_article(article, text)
    except ArticleError as exc:
        return _Prepared(article, error=schema.Failure(id=article.id, origin=article.origin,
                                                       error=str(exc)))
    if article.language:
        language, confidence = article.language, None
    else:
        language, confidence = detect_language(text)
    notes = []
    if language != "fr":
        notes.append(
            f"The article looks written in '{language}', not French: only segmentation "
            "(headline, paragraphs, sentences) was done; entities, quotes, sources, claims "
            "and the headline check need French."
        )
    return _Prepared(article, text, language, confidence, notes)


def _run(prepared: list[_Prepared]) -> Iterator[schema.Analysis | schema.Failure]:
    """Analyse one batch, isolating an article that makes a component fail."""
    work = [p for p in prepared if p.error is None]
    done: dict[int, schema.Analysis | schema.Failure] = {}
    for kind in ("fr", "neutral"):
        group = [p for p in work if (p.language == "fr") == (kind == "fr")]
        if not group:
            continue
        nlp = get_pipeline(kind)
        docs = []
        for p in group:
            doc = nlp.make_doc(normalize_for_model(p.text))
            doc._.source_text = p.text
            docs.append(doc)
        try:
            for p, doc in zip(group, nlp.pipe(docs, batch_size=BATCH_SIZE)):
                done[id(p)] = analysis_from_doc(doc, p.article, p.language, p.confidence,
                                                p.notes)
        except Exception:
            # One article broke the batch: redo it one by one to find and report it.
            for p in group:
                if id(p) in done:
                    continue
                done[id(p)] = _run_one(nlp, p)
    for p in prepared:
        yield p.error if p.error is not None else done[id(p)]


def _run_one(nlp, p: _Prepared) -> schema.Analysis | schema.Failure:
    try:
        doc = nlp.make_doc(normalize_for_model(p.text))
        doc._.source_text = p.text
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return analysis_from_doc(doc, p.article, p.language, p.confidence, p.notes)
    except Exception as exc:  # reported per article; the batch goes on
        return schema.Failure(id=p.article.id, origin=p.article.origin,
                              error=f"analysis failed: {type(exc).__name__}: {exc}")


def _chunks(records: Iterable, size: int) -> Iterator[list[_Prepared]]:
    chunk: list[_Prepared] = []
    for index, record in enumerate(records):
        chunk.append(_prepare(record, index))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def to_plain(result: schema.Analysis | schema.Failure) -> dict:
    """A result as plain data, to cross a process or network boundary (never a Doc)."""
    return {"ok": isinstance(result, schema.Analysis), "result": result.model_dump()}


def from_plain(item: dict) -> schema.Analysis | schema.Failure:
    """The result that ``to_plain`` sent."""
    model = schema.Analysis if item["ok"] else schema.Failure
    return model.model_validate(item["result"])


def _run_chunk_as_dicts(chunk: list[_Prepared]) -> list[dict]:
    return [to_plain(result) for result in _run(chunk)]


def analyze_batch(records: Iterable[ArticleInput | dict | str], *, workers: int = 1,
                  batch_size: int = BATCH_SIZE) -> Iterator[schema.Analysis | schema.Failure]:
    """Analyse many articles; yields one result per record, in order."""
    if workers <= 1:
        for chunk in _chunks(records, batch_size):
            yield from _run(chunk)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    if context.get_start_method() == "fork":
        # Loaded once here, the model reaches every worker with the fork, its memory
        # shared; otherwise each worker would load its own copy, all at the same time.
        get_pipeline()
    with children_die_with_parent(), ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=get_pipeline) as pool:
        pending = []
        for chunk in _chunks(records, batch_size):
            pending.append(pool.submit(_run_chunk_as_dicts, chunk))
            # Keep a bounded window of work in flight, so a huge corpus streams.
            while len(pending) > workers * 2:
                for item in pending.pop(0).result():
                    yield from_plain(item)
        for future in pending:
            for item in future.result():
                yield from_plain(item)


def analyze(record: ArticleInput | dict | str) -> schema.Analysis:
    """Analyse one article. Raises ``ArticleError`` when it cannot be analysed."""
    result = next(analyze_batch([record]))
    if isinstance(result, schema.Failure):
        raise ArticleError(result.error)
    return result
