"""Helpers for the web tests: a real uvicorn server on loopback, hand-made analyses, and
a reader of the interface's own words (to check that it speaks English).

Hand-made analyses go through the real store; they let the corpus pages be tested on
known quotes and speakers, whatever the quote extractor finds.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from html.parser import HTMLParser
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
                       quotes: list[tuple[str, ...]], date: str | None = None,
                       source: str | None = None,
                       claims: list[tuple[str | None, str]] = ()) -> schema.Analysis:
    """An analysis whose quotes and claims are given, one paragraph each.

    A quote is (speaker name, words) or (speaker name, words, kind): a direct one is
    written ``Name a déclaré : « words »``, another ``Name a expliqué que words.``
    A claim is (who asserts it, or None for the journalist; words), written as is."""
    text = headline + "\n\n"
    made = []
    for n, (speaker, words, *rest) in enumerate(quotes, start=1):
        kind = rest[0] if rest else "direct"
        speaker_start = len(text)
        text += speaker + (" a déclaré : « " if kind == "direct" else " a expliqué que ")
        start = len(text)
        text += words
        made.append(schema.Quote(
            id=f"q{n}", kind=kind, start=start, end=start + len(words), text=words,
            speaker=schema.Speaker(text=speaker, start=speaker_start,
                                   end=speaker_start + len(speaker), name=speaker),
            confidence=0.9, rule="hand-made"))
        text += " »\n\n" if kind == "direct" else ".\n\n"
    made_claims = []
    for n, (asserted_by, words) in enumerate(claims, start=1):
        start = len(text)
        text += words + "\n\n"
        by = (schema.AssertedBy(kind="source", name=asserted_by) if asserted_by
              else schema.AssertedBy(kind="journalist"))
        made_claims.append(schema.Claim(id=f"c{n}", type="number", start=start,
                                        end=start + len(words), text=words, asserted_by=by,
                                        score=0.8))
    text = text.rstrip("\n")
    meta = schema.ArticleMeta(
        id=article_id, headline=schema.Span(start=0, end=len(headline), text=headline),
        credited_source=source, date=date, language="fr", word_count=len(text.split()))
    analysis = schema.Analysis(article=meta, text=text, quotes=made, claims=made_claims)
    for item in [*analysis.quotes, *analysis.claims]:
        assert analysis.text[item.start:item.end] == item.text
    return analysis


# --- the interface's language ------------------------------------------------------------

# Words of French that English never uses: any of them in the interface's own text means
# a string was left untranslated. (Article words are exempt: they carry lang="fr".)
FRENCH_WORDS = frozenset("""
    le la les un une des du de au aux et ou est sont être pas ne n d l qu que qui
    sur dans avec depuis vers chez cette ces ce sa ses leur vos votre
    aucun aucune rien personne personnes tout tous toutes résultat résultats
    citation citations affirmation affirmations locuteur locutrice rechercher
    recherche analyser analysez accueil erreur titre texte fichier lien
    précédent suivant mots langue filtrer vide trop volumineux autre autres nommé
    parle champ requis oui schémas paramètre où revenir chercher
    """.split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HIDDEN = frozenset(("script", "style", "title"))
_SHOWN_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")


class _InterfaceText(HTMLParser):
    """The text a page shows of its own: everything outside elements marked with a
    language other than English, outside scripts, styles and the <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, is foreign or hidden)
        self.parts: list[str] = []
        self.html_lang: str | None = None

    def _inside_foreign(self) -> bool:
        return any(foreign for _, foreign in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
            return
        lang = (attrs.get("lang") or "").lower()
        foreign = bool(lang) and not lang.startswith("en") or tag in _HIDDEN
        if not foreign and not self._inside_foreign():
            self.parts.extend(attrs[name] for name in _SHOWN_ATTRIBUTES
                              if attrs.get(name))
        if tag not in _VOID:
            self.open.append((tag, foreign))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if not self._inside_foreign():
            self.parts.append(data)


def interface_text(html: str) -> tuple[str | None, str]:
    """(the page's <html lang>, the text it shows of its own)."""
    parser = _InterfaceText()
    parser.feed(html)
    return parser.html_lang, " ".join(parser.parts)


def french_words(text: str) -> list[str]:
    """French words of ``text``, and the French quotation marks it uses."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return [w for w in words if w in FRENCH_WORDS] + re.findall(r"[«»]", text)
