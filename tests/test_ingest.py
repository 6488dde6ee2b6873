"""recoupe.ingest: real files in tmp_path, real trafilatura."""

from __future__ import annotations

import io
import json
import os
import random
import time
from pathlib import Path

import pytest

from recoupe.ingest import (
    MAX_INPUT_BYTES,
    article_from_html,
    article_from_text,
    count_inputs,
    decode_bytes,
    iter_inputs,
    sniff_format,
)
from recoupe.records import ArticleInput, InputError

FRENCH = (
    "Un été « caniculaire » : l’œuvre coûte 5 € à l’État.\n"
    "Deuxième ligne — Noël, maïs, Œdipe… « ça va ? »\n"
)
# Latin-1 has no ’, œ, € or —.
LATIN1 = "Un été « caniculaire » à Besançon : où est le maïs ?\n"



def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def read(path) -> ArticleInput | InputError:
    return only(iter_inputs([str(path)]))


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def expect_error(result, origin, reason_part: str) -> InputError:
    assert isinstance(result, InputError), result
    assert result.origin == str(origin)
    assert reason_part in result.reason
    assert str(result).startswith(f"{origin}: ")  # every message names its input
    return result


# --- encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix", "text"),
    [
        ("utf-8", b"", FRENCH),
        ("utf-8", b"\xef\xbb\xbf", FRENCH),
        ("utf-16", b"", FRENCH),  # Python writes a BOM
        ("utf-16-le", b"\xff\xfe", FRENCH),
        ("utf-16-be", b"\xfe\xff", FRENCH),
        ("utf-16-le", b"", FRENCH),  # no BOM: recognised from its NULs
        ("utf-16-be", b"", FRENCH),
        ("cp1252", b"", FRENCH),
        ("latin-1", b"", LATIN1),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "cp1252", "latin1"],
)
def test_every_encoding_decodes_to_the_original(tmp_path, encoding, prefix, text):
    path = write(tmp_path, "article.txt", prefix + text.encode(encoding))
    article = read(path)
    assert isinstance(article, ArticleInput), article
    assert article.text == text
    assert article.id == "article"
    assert article.origin == str(path)
    assert article.input_format == "text"


def test_cp1252_e_acute_is_e_acute():
    assert decode_bytes(b"caf\xe9 cr\xe8me", "x") == "café crème"
    # A legacy file whose only accent is its last byte is not "truncated UTF-8".
    assert decode_bytes(b"Le caf\xe9", "x") == "Le café"


def test_line_endings_are_normalised():
    assert decode_bytes(b"Titre\r\n\r\nUn.\rDeux.\nTrois.", "x") == "Titre\n\nUn.\nDeux.\nTrois."
    assert decode_bytes("Titre\r\nCorps".encode("utf-16"), "x") == "Titre\nCorps"


def test_iso_8859_15_declared_by_an_html_page(tmp_path):
    body = "L’œuvre coûte 5 € : les Français ont payé cette œuvre bien trop cher, dit-il."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        f"<title>Œuvre</title></head><body><article><p>{body.replace('’', chr(39))}</p>"
        "</article></body></html>"
    )
    article = read(write(tmp_path, "page.html", page.encode("iso-8859-15")))
    assert isinstance(article, ArticleInput), article
    assert "œuvre coûte 5 €" in article.text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xff\xfe", "  \n".encode("utf-16")])
def test_empty_input(tmp_path, data):
    path = write(tmp_path, "vide.txt", data)
    expect_error(read(path), path, "empty input")


def test_binary_file(tmp_path):
    noise = random.Random(1).randbytes(4000)
    png = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)
    expect_error(read(png), png, "looks like a binary file, not text")
    # No known signature: the NULs give it away.
    blob = write(tmp_path, "blob.txt", b"abc" + noise)
    expect_error(read(blob), blob, "looks like a binary file, not text")


def test_binary_without_nul_bytes_is_caught_by_its_control_characters():
    noise = bytes(b for b in random.Random(2).randbytes(4000) if b)
    with pytest.raises(InputError, match="binary"):
        decode_bytes(noise, "x")


def test_a_stray_control_character_is_tolerated():
    assert decode_bytes(b"Un texte ancien\x1a", "x") == "Un texte ancien\x1a"


def test_pdf_is_named(tmp_path):
    path = write(tmp_path, "rapport.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    error = expect_error(read(path), path, "binary")
    assert "PDF" in error.reason


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.txt"
    with open(path, "wb") as file:
        # Sparse and all NULs: were it read, it would be reported as binary instead.
        file.truncate(20_000_000)
    start = time.perf_counter()
    error = read(path)
    assert time.perf_counter() - start < 0.5
    expect_error(error, path, "input too large (20.0 MB; the limit is 5.0 MB)")


def test_size_limit_from_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "court.txt", "x" * 101)
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "100")
    expect_error(read(path), path, "input too large (101 bytes; the limit is 100 bytes)")
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "1000")
    assert read(path).text == "x" * 101
    assert MAX_INPUT_BYTES == 5_000_000


def test_bad_size_limit_in_the_environment_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "5MB")
    with pytest.raises(ValueError, match="RECOUPE_MAX_INPUT_BYTES"):
        decode_bytes(b"abc", "x")


def test_truncated_utf8_names_the_byte(tmp_path):
    data = "Un été à Besançon, où l’on écrit « œ »".encode()[:-1]  # half of the »
    path = write(tmp_path, "coupe.txt", data)
    expect_error(read(path), path, f"invalid UTF-8 at byte {len(data) - 1}")


def test_mostly_utf8_with_a_bad_byte_is_an_error_not_cp1252():
    good = "Un été à Besançon, où l’on écrit « œ ».".encode()
    with pytest.raises(InputError, match=f"invalid UTF-8 at byte {len(good) + 4}"):
        decode_bytes(good + b" caf\xe9 " + good, "x")


def test_utf8_bom_declares_utf8():
    with pytest.raises(InputError, match="invalid UTF-8 at byte 5"):
        decode_bytes(b"\xef\xbb\xbfab\xe9 caf\xe9", "x")


def test_odd_legacy_bytes_fall_back_to_detection():
    # 0x81 and 0x8d are undefined in cp1252: not cp1252, whatever it is.
    text = decode_bytes("Привет, как дела? Всё хорошо, спасибо.".encode("cp1251") + b"\x81", "x")
    assert isinstance(text, str) and text


# --- text and the API -------------------------------------------------------------------


def test_article_from_text():
    article = article_from_text(
        "Titre\r\n\r\nCorps.", id="a1", origin="api", title="Titre", url="https://x.fr/a"
    )
    assert article.text == "Titre\n\nCorps."
    assert (article.id, article.title, article.url, article.input_format) == (
        "a1", "Titre", "https://x.fr/a", "api",
    )
    with pytest.raises(InputError, match="^form: empty input$"):
        article_from_text(" \n ", id="a2", origin="form")


def test_article_from_text_size_limit(monkeypatch):
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "10")
    with pytest.raises(InputError, match="input too large"):
        article_from_text("é" * 6, id="a", origin="form")  # 12 bytes in UTF-8


# --- HTML ---------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Lyon : le maire annonce un plan vélo de 100 millions d’euros - Le Progrès</title>
  <meta property="og:site_name" content="Le Progrès">
  <meta property="og:title" content="Lyon : le maire annonce un plan vélo de 100 millions d’euros">
  <link rel="canonical" href="https://www.leprogres.fr/politique/2024/03/15/plan-velo">
  <meta property="article:published_time" content="2024-03-15T08:30:00+01:00">
  <style>.pub { display: none } /* STYLE_LEAK */</style>
  <script>window.dataLayer = [{"page": "TRACKING_LEAK"}];</script>
</head>
<body>
  <header class="site-header"><a href="/">Le Progrès</a></header>
  <nav><ul>
    <li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/meteo">Météo</a></li>
  </ul></nav>
  <main>
    <article>
      <h1>Lyon : le maire annonce un plan vélo de 100 millions d’euros</h1>
      <p class="byline">Par Marie Dupont — 15 mars 2024 à 8 h 30</p>
      <p>Le maire de Lyon a présenté jeudi un plan de 100 millions d’euros pour développer
      les pistes cyclables de la métropole d’ici 2030, a-t-on appris auprès de la mairie.</p>
      <p>« Nous voulons doubler la part du vélo dans les déplacements », a déclaré l’élu
      lors d’une conférence de presse. L’opposition dénonce un projet « coûteux et mal
      préparé », selon un communiqué publié dans la foulée.</p>
      <script>document.write("<p>SCRIPT_LEAK</p>"); alert("SCRIPT_LEAK");</script>
      <p>Selon l’AFP, les premiers travaux commenceront à l’automne. Les commerçants du
      centre-ville craignent une baisse de leur chiffre d’affaires pendant le chantier,
      qui doit durer au moins dix-huit mois.</p>
    </article>
  </main>
  <aside><h2>À lire aussi</h2><ul><li><a href="/x">Un autre article</a></li></ul></aside>
  <footer><p>© 2024 Le Progrès. Tous droits réservés. Mentions légales. FOOTER_LEAK</p></footer>
</body>
</html>
"""
TITLE = "Lyon : le maire annonce un plan vélo de 100 millions d’euros"


def test_html_article(tmp_path):
    path = write(tmp_path, "plan-velo.html", NEWS_PAGE)
    article = read(path)
    assert isinstance(article, ArticleInput), article
    assert (article.id, article.origin, article.input_format) == ("plan-velo", str(path), "html")
    assert article.title == TITLE
    assert article.source == "Le Progrès"
    assert article.date == "2024-03-15"
    assert article.url == "https://www.leprogres.fr/politique/2024/03/15/plan-velo"
    # Headline, blank line, then paragraphs separated by blank lines; the headline once.
    assert article.text.startswith(TITLE + "\n\nPar Marie Dupont") or article.text.startswith(
        TITLE + "\n\nLe maire de Lyon"
    )
    assert article.text.count(TITLE) == 1
    assert "\n\n« Nous voulons doubler la part du vélo" in article.text
    assert "qui doit durer au moins dix-huit mois." in article.text
    for leak in ("SCRIPT_LEAK", "TRACKING_LEAK", "STYLE_LEAK", "FOOTER_LEAK", "Accueil", "dataLayer"):
        assert leak not in article.text
    paragraphs = article.text.split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


def test_html_from_a_string():
    article = article_from_html(NEWS_PAGE, id="web-1", origin="https://www.leprogres.fr/x")
    assert article.id == "web-1"
    assert article.origin == "https://www.leprogres.fr/x"
    assert article.title == TITLE
    assert "SCRIPT_LEAK" not in article.text


def test_html_page_without_an_article(tmp_path):
    links = "".join(
        f'<li><a href="/{w}">{w}</a></li>'
        for w in "Accueil Politique Économie International Culture Sport Météo Contact".split()
    )
    for name, body in [
        ("nav.html", f"<nav><ul>{links}</ul></nav>"),
        ("menu.html", f'<div class="menu"><ul>{links}</ul></div>'),
        ("titre.html", "<h1>Un titre sans article</h1>"),
    ]:
        path = write(tmp_path, name, f"<!DOCTYPE html><html><head><title>Le Site</title></head><body>{body}</body></html>")
        expect_error(read(path), path, "no article text found in the HTML page")


HOSTILE_BODY = (
    "<p>Le gouvernement a annoncé mardi une réforme des retraites qui suscite une vive "
    "opposition des syndicats, réunis en intersyndicale depuis plusieurs semaines.</p>"
)
HOSTILE_PAGES = {
    "scripts": (
        "<html><body><article><h1>Réforme</h1>" + HOSTILE_BODY * 3
        + "<script>alert('SCRIPT_LEAK')</script><SCRIPT>UPPER_SCRIPT_LEAK</SCRIPT>"
        + "<scr<script>SPLIT_SCRIPT_LEAK</script>ipt>"
        + "<svg><script>SVG_SCRIPT_LEAK</script></svg><noscript>NOSCRIPT_LEAK</noscript>"
        + "<style>STYLE_LEAK{}</style><template><p>TEMPLATE_LEAK</p></template>"
        + "<script type='application/ld+json'>{\"LDJSON_LEAK\": 1}</script>"
        + "<p onclick=\"HANDLER_LEAK()\">" + HOSTILE_BODY[3:] + "</article></body></html>"
    ),
    "unclosed": "<html><body><article><p>Unclosed <b>bold <i>italic " + HOSTILE_BODY * 3 + "<div><table><tr><td>",
    "deep": "<html><body>" + HOSTILE_BODY + "<div>" * 100_000 + "fond" + "</span>" * 1000,
    "nul": "<html><body>\x00<p>\x00" + HOSTILE_BODY * 2 + "\x00",
    "soup": "<<<>>><!-- <p>COMMENT_LEAK</p> --><?xml encoding='rot13'?><!DOCTYPE x [<!ENTITY a 'b'>]>"
    + "<p>" + HOSTILE_BODY + "&#0; &#xD800; &bogus; &amp;</p>]]></html></html><html>",
    "script-only": "<html><head><script>" + "var x = 'SCRIPT_LEAK';" * 1000 + "</script></head></html>",
}


@pytest.mark.parametrize("name", list(HOSTILE_PAGES))
def test_hostile_html_neither_crashes_nor_leaks_scripts(tmp_path, name):
    path = write(tmp_path, f"{name}.html", HOSTILE_PAGES[name])
    result = read(path)
    if isinstance(result, InputError):
        assert result.origin == str(path)
        return
    assert "Le gouvernement a annoncé mardi" in result.text
    assert "LEAK" not in result.text


def test_hostile_html_string():
    for html in HOSTILE_PAGES.values():
        try:
            article = article_from_html(html, id="h", origin="form")
        except InputError as error:
            assert error.origin == "form"
        else:
            assert "LEAK" not in article.text


# --- JSON Lines ----------------------------------------------------------------------------


def jsonl(*lines) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path):
    path = write(
        tmp_path,
        "corpus.jsonl",
        jsonl(
            {"id": "a", "title": "Titre A", "text": "Titre A\n\nCorps A.", "url": "https://a.fr", "date": "2024-01-02", "source": "A", "language": "fr"},
            '{"id": "b", "text": "pas fini',
            "",
            {"text": "Sans identifiant."},
            ["pas", "un", "objet"],
            {"id": "e", "title": "Sans texte"},
            {"id": "f", "text": "   "},
            {"id": 7, "text": "Identifiant numérique."},
            {"id": "h", "text": "Titre mal typé.", "title": 12},
            {"id": "z", "text": "Fin\r\ndu fichier."},
        ),
    )
    results = list(iter_inputs([path]))
    articles = [r for r in results if isinstance(r, ArticleInput)]
    errors = [r for r in results if isinstance(r, InputError)]

    assert [a.id for a in articles] == ["a", "corpus-4", "7", "z"]
    first = articles[0]
    assert (first.title, first.url, first.date, first.source, first.language) == (
        "Titre A", "https://a.fr", "2024-01-02", "A", "fr",
    )
    assert first.origin == f"{path}:1" and first.input_format == "jsonl"
    assert articles[-1].text == "Fin\ndu fichier."

    assert [e.origin for e in errors] == [f"{path}:{n}" for n in (2, 5, 6, 7, 9)]
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("invalid JSON")
    assert reasons[1] == "expected a JSON object, got an array"
    assert reasons[2] == 'missing "text" field'
    assert reasons[3] == 'empty "text" field'
    assert reasons[4] == '"title" must be a string, got a number'
    assert count_inputs([path]) == len(results) == 9


def test_jsonl_line_over_the_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "1000")
    path = write(tmp_path, "gros.jsonl", jsonl({"text": "x" * 5000}, {"id": "ok", "text": "Court."}))
    first, second = iter_inputs([path])
    expect_error(first, f"{path}:1", "input too large")
    assert second.id == "ok"


def test_jsonl_in_utf16_as_powershell_writes_it(tmp_path):
    path = write(tmp_path, "ps.jsonl", jsonl({"id": "p", "text": "Été « œ »"}).encode("utf-16"))
    assert read(path).text == "Été « œ »"


def test_jsonl_binary_file_is_one_error(tmp_path):
    path = write(tmp_path, "data.jsonl", b"\x00\x01\x02\n" * 1000)
    expect_error(read(path), path, "binary")


def test_wikinews_corpus_reads_whole(shared_dir):
    corpus = str(shared_dir / "corpora" / "wikinews-fr.jsonl")
    results = list(iter_inputs([corpus]))
    assert all(isinstance(r, ArticleInput) for r in results)
    assert len(results) == count_inputs([corpus]) > 1000
    first = results[0]
    assert first.id == "2016_01_01-002"
    assert first.text.startswith(first.title + "\n")


# --- paths, folders, stdin ----------------------------------------------------------------


def test_folder_recursion_is_sorted_and_filtered(tmp_path):
    write(tmp_path, "b.txt", "Texte B.")
    write(tmp_path, "a.TXT", "Texte A.")
    write(tmp_path, "sous/c.htm", NEWS_PAGE)
    write(tmp_path, "sous/d.jsonl", jsonl({"id": "d1", "text": "D1."}, {"id": "d2", "text": "D2."}))
    write(tmp_path, "sous/image.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path, "sous/notes.md", "ignoré")
    write(tmp_path, ".git/HEAD.txt", "caché")
    write(tmp_path, "sous/._c.htm", b"\x00\x05\x16\x07 resource fork")
    write(tmp_path, "z.txt", "Texte Z.")
    results = list(iter_inputs([tmp_path]))
    assert [r.id for r in results] == ["a", "b", "c", "d1", "d2", "z"]
    assert results[2].input_format == "html"
    assert count_inputs([tmp_path]) == 6


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "vide").mkdir()
    write(tmp_path, "vide/notes.md", "rien")
    expect_error(read(tmp_path / "vide"), tmp_path / "vide", "no .txt, .html, .htm, .jsonl files")


def test_missing_path_and_the_batch_goes_on(tmp_path):
    good = write(tmp_path, "ok.txt", "Bonjour.")
    missing = tmp_path / "absent.txt"
    results = list(iter_inputs([str(missing), str(good), str(tmp_path / "absent")]))
    expect_error(results[0], missing, "no such file or directory")
    assert results[1].text == "Bonjour."
    expect_error(results[2], tmp_path / "absent", "no such file or directory")
    assert count_inputs([str(missing), str(good)]) == 2


def test_unknown_extension_is_sniffed(tmp_path):
    html = read(write(tmp_path, "page", NEWS_PAGE))
    assert html.input_format == "html" and html.title == TITLE
    text = read(write(tmp_path, "note.md", "< pas du HTML > juste un texte."))
    assert text.input_format == "text" and text.text == "< pas du HTML > juste un texte."
    lines = list(iter_inputs([write(tmp_path, "export.ndjson", jsonl({"id": "n", "text": "N."}))]))
    assert [a.id for a in lines] == ["n"]


def test_sniff_format():
    assert sniff_format(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff_format("<html><body>".encode("utf-16")) == "html"
    assert sniff_format(b'{"text": "a"}\n{"text": "b"}') == "jsonl"
    assert sniff_format(b"{pas du json}\nsuite") == "text"
    assert sniff_format(b"<3 mon texte") == "text"


@pytest.mark.parametrize("binary", [True, False])
def test_stdin_text(binary):
    data = "Titre\r\n\r\nUn été « chaud ».\n"
    stdin = io.BytesIO(data.encode("cp1252")) if binary else io.StringIO(data)
    article = only(iter_inputs(["-"], stdin=stdin))
    assert (article.id, article.origin, article.input_format) == ("stdin", "-", "text")
    assert article.text == "Titre\n\nUn été « chaud ».\n"


def test_stdin_html():
    article = only(iter_inputs(["-"], stdin=io.BytesIO(NEWS_PAGE.encode())))
    assert (article.id, article.origin, article.input_format) == ("stdin", "-", "html")
    assert article.title == TITLE


def test_stdin_jsonl_is_streamed_past_the_sniffed_bytes():
    lines = [{"id": f"n{i}", "text": f"Article {i} " + "x" * 500} for i in range(100)]
    data = jsonl(*lines[:50], "{cassé", *lines[50:])
    results = list(iter_inputs(["-"], stdin=io.BytesIO(data.encode())))
    assert len(results) == 101
    expect_error(results[50], "stdin:51", "invalid JSON")
    assert [r.id for r in results if isinstance(r, ArticleInput)] == [f"n{i}" for i in range(100)]


def test_stdin_errors_are_named():
    expect_error(only(iter_inputs(["-"], stdin=io.BytesIO(b""))), "stdin", "empty input")


def test_iter_inputs_accepts_path_objects(tmp_path):
    path = write(tmp_path, "p.txt", "Texte.")
    assert only(iter_inputs([path])).id == "p"
    assert os.fspath(path) == only(iter_inputs([path])).origin


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_read_once(tmp_path):
    # As with `recoupe analyse <(curl ...)`: no extension, and no second chance to read.
    import threading

    fifo = tmp_path / "entree"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(NEWS_PAGE.encode(),))
    writer.start()
    article = read(fifo)
    writer.join()
    assert article.input_format == "html" and article.title == TITLE


def test_stdin_over_the_limit_is_not_read_to_its_end(monkeypatch):
    monkeypatch.setenv("RECOUPE_MAX_INPUT_BYTES", "1000")

    class Endless(io.RawIOBase):  # like `cat /dev/urandom | recoupe analyse -`
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    error = only(iter_inputs(["-"], stdin=io.BufferedReader(Endless())))
    expect_error(error, "stdin", "input too large (more than the 1,000 bytes limit)")
