"""Helpers for the web tests: a real uvicorn server on loopback, and hand-made analyses.

Hand-made analyses go through the real store; they let the corpus pages be tested on
known quotes and speakers, whatever the quote extractor finds.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from recoupe import schema

DATA = Path(__file__).parent / "data"
DESERTION = DATA / "russian-troops-desertion.txt"


class LiveServer:
    """The app served by uvicorn on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, app, startup_timeout: float = 180.0):
        self.app = app
        self.startup_timeout = startup_timeout
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]},
                                       daemon=True)
        self.thread.start()
        deadline = time.monotonic() + self.startup_timeout
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the server stopped during start-up")
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start in time")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        assert self.server is not None and self.thread is not None
        self.server.should_exit = True
        self.thread.join(timeout=30)


def raw_get(port: int, raw_path: str) -> tuple[int, str]:
    """GET ``raw_path`` exactly as written: HTTP clients would normalise ``..`` away."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Connection: close\r\n\r\n".encode("latin-1"))
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks).decode("utf-8", "replace")
    status = int(response.split(" ", 2)[1])
    return status, response


def hand_made_analysis(article_id: str, headline: str,
                       quotes: list[tuple[str, str]], date: str | None = None,
                       source: str | None = None) -> schema.Analysis:
    """An analysis whose quotes are given: (speaker name, words) pairs, one paragraph
    each, written ``Name a déclaré : « words »``."""
    text = headline + "\n\n"
    made = []
    for n, (speaker, words) in enumerate(quotes, start=1):
        speaker_start = len(text)
        text += f"{speaker} a déclaré : « "
        start = len(text)
        text += words
        made.append(schema.Quote(
            id=f"q{n}", kind="direct", start=start, end=start + len(words), text=words,
            speaker=schema.Speaker(text=speaker, start=speaker_start,
                                   end=speaker_start + len(speaker), name=speaker),
            confidence=0.9, rule="hand-made"))
        text += " »\n\n"
    text = text.rstrip("\n")
    meta = schema.ArticleMeta(
        id=article_id, headline=schema.Span(start=0, end=len(headline), text=headline),
        credited_source=source, date=date, language="fr", word_count=len(text.split()))
    analysis = schema.Analysis(article=meta, text=text, quotes=made)
    for quote in analysis.quotes:
        assert analysis.text[quote.start:quote.end] == quote.text
    return analysis
