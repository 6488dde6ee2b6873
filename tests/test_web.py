"""The web app over HTTP: forms, dossier, corpus pages, JSON API, limits and safety.

Most tests talk to the app in-process through FastAPI's TestClient (real requests and
responses, real store, real pipeline); the path traversal tests go through a real
uvicorn server on loopback with raw HTTP, since HTTP clients tidy ``..`` away.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe import schema
from recoupe.store import Store
from recoupe.web import create_app
from recoupe.web.pagination import PAGE_SIZE, make_page
from web_fixtures import (
    DESERTION, LiveServer, french_words, hand_made_analysis, interface_text, raw_get,
)

ROOT = Path(__file__).resolve().parent.parent
SMALL_LIMIT = 20_000
HOSTILE_HTML = """<!doctype html><html><head><title>Le maire répond</title>
<meta property="og:url" content="javascript:alert('url')"></head>
<body><article><h1>Le maire répond à ses opposants</h1>
<p>Le maire Jean Dupont a déclaré : « Nous ne céderons rien <script>alert('x')</script>
aux vandales qui ont tagué la mairie cette semaine. »</p>
<p>Une image <img src="x" onerror="alert('img')"> et un
<a href="javascript:alert('lien')">lien piégé</a> accompagnaient le texte de l'article.</p>
<p>Les travaux de nettoyage de la façade dureront trois semaines selon la mairie.</p>
</article></body></html>"""
HOSTILE_TEXT = ("Titre <script>alert('titre')</script>\n\n"
                "Le ministre a déclaré : « <img src=x onerror=alert(1)> nous verrons ». "
                "Voir <a href=\"javascript:alert(2)\">ceci</a>.")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return tmp_path_factory.mktemp("web") / "recoupe.db"


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path, max_upload_bytes=SMALL_LIMIT)) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(db_path, client):
    """Hand-made articles in the store: 25 quotes by one person across 3 articles, and
    one article with a direct quote, an indirect one and two claims."""
    store = Store(db_path)
    articles = [
        hand_made_analysis("vaccins-1", "Les vaccins arrivent en pharmacie",
                           [("Agnès Buzyn", f"Le vaccin numéro {n} sera disponible")
                            for n in range(10)], date="2024-01-10", source="AFP"),
        hand_made_analysis("vaccins-2", "Deuxième vague de vaccins",
                           [("Agnès Buzyn", f"Le vaccin du groupe {n} arrive")
                            for n in range(10)]
                           + [("Olivier Véran", "Le vaccin est sûr")], date="2024-02-01"),
        hand_made_analysis("vaccins-3", "Les pharmaciens s'organisent",
                           [("Agnès Buzyn", f"Chaque vaccin {n} compte") for n in range(5)],
                           date="2023-05-01", source="Reuters"),
        hand_made_analysis("observatoire-1", "L'observatoire du pic rouvre",
                           [("Claire Dubois", "Cet observatoire rouvrira en mars"),
                            ("Claire Dubois", "cet observatoire manquait de crédits",
                             "indirect")],
                           claims=[(None, "Cet observatoire a coûté 12 millions d'euros"),
                                   ("Claire Dubois",
                                    "Cet observatoire reçoit 40 000 visiteurs par an")],
                           date="2022-03-01"),
    ]
    for analysis in articles:
        store.add(analysis)
    store.close()
    return articles


# --- the analyse form ----------------------------------------------------------------------


def test_home_page_offers_paste_and_upload(client):
    page = client.get("/")
    assert page.status_code == 200
    form = re.search(r'<form class="analyze"[^>]*>', page.text).group(0)
    assert 'action="/analyze"' in form and 'enctype="multipart/form-data"' in form
    for field in ('name="text"', 'name="file"', 'name="title"'):
        assert field in page.text


def test_pasting_an_article_gives_its_dossier_at_a_permanent_url(client):
    text = DESERTION.read_text(encoding="utf-8")
    response = client.post("/analyze", data={"text": text}, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/articles/w[0-9a-f]{16}", location)
    page = client.get(location)
    assert page.status_code == 200
    assert "exode massif" in page.text and "Express.co.uk" in page.text
    # The same text again lands on the same page, and the API serves the same analysis.
    again = client.post("/analyze", data={"text": text}, follow_redirects=False)
    assert again.headers["location"] == location
    stored = client.get("/api" + location).json()
    assert stored["text"] == text
    assert stored["article"]["credited_source"] == "Express.co.uk"


def test_uploading_a_legacy_encoded_text_file(client):
    text = "Grève à l'école\n\nLes élèves ont été accueillis malgré la grève des enseignants."
    response = client.post("/analyze", files={"file": ("greve.txt", text.encode("cp1252"),
                                                       "text/plain")})
    assert response.status_code == 200
    assert "Grève à l&#39;école" in response.text or "Grève à l'école" in response.text
    assert "malgré la grève" in response.text


def test_a_title_field_becomes_the_headline(client):
    response = client.post("/analyze", data={"title": "Un titre donné à part",
                                             "text": "Le corps de l'article tient en une phrase."})
    assert response.status_code == 200
    assert re.search(r"<h1[^>]*>\s*Un titre donné à part\s*</h1>", response.text)


def test_hostile_html_upload_is_shown_as_text_never_run(client):
    response = client.post("/analyze", files={"file": ("page.html", HOSTILE_HTML.encode(),
                                                       "text/html")})
    assert response.status_code == 200
    assert "vandales" in response.text
    body = response.text
    assert "<script>alert" not in body
    assert not re.search(r"<img[^>]*onerror", body)
    assert 'href="javascript:' not in body.lower()


def test_hostile_pasted_text_is_escaped(client):
    response = client.post("/analyze", data={"text": HOSTILE_TEXT})
    assert response.status_code == 200
    body = response.text
    assert "<script>alert('titre')" not in body
    assert "&lt;script&gt;" in body
    assert not re.search(r"<img[^>]*onerror", body)
    assert 'href="javascript:' not in body.lower()


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused_with_a_clear_message(client, text):
    page = client.post("/analyze", data={"text": text})
    assert page.status_code == 422
    assert "text is empty" in page.text and 'class="error-message"' in page.text
    api = client.post("/api/analyze", json={"text": text})
    assert api.status_code == 422
    assert "text is empty" in api.json()["detail"]


def test_empty_file_is_refused(client):
    page = client.post("/analyze", files={"file": ("vide.txt", b"", "text/plain")})
    assert page.status_code == 422
    assert "vide.txt is empty" in page.text


def test_oversized_text_file_and_json_are_refused_with_413(client):
    big = "Un mot de plus. " * (SMALL_LIMIT // 10)
    for response in (
        client.post("/analyze", data={"text": big}),
        client.post("/analyze", files={"file": ("long.txt", big.encode(), "text/plain")}),
        client.post("/api/analyze", json={"text": big}),
    ):
        assert response.status_code == 413
        assert "too large" in response.text
        assert "20 kB" in response.text  # the limit, as the person sees it
    assert client.post("/api/analyze", json={"text": big}).json()["status"] == 413


def test_escaped_json_within_the_limit_is_accepted(client):
    # "é" escaped as \u00e9 is 6 bytes on the wire for 2 of text: the limit is the text's.
    text = "Le député a été réélu. " * (SMALL_LIMIT // 40)
    body = ('{"text": "' + text.encode("ascii", "backslashreplace").decode()
            .replace("\\x", "\\u00") + '"}').encode()
    assert len(body) > SMALL_LIMIT and len(text.encode()) < SMALL_LIMIT
    response = client.post("/api/analyze", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["text"] == text


def test_a_huge_body_is_refused_before_it_is_parsed(db_path):
    with TestClient(create_app(db_path, warm_up=False)) as client:
        response = client.post("/analyze", content=b"x" * 3_000_000,
                               headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413
    assert "2.0 MB" in response.text


@pytest.mark.parametrize("name, data, mime", [
    ("rapport.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "text/plain"),
    ("donnees.bin", bytes(range(256)) * 4, "application/octet-stream"),
])
def test_files_that_are_not_text_are_refused_with_415(client, name, data, mime):
    response = client.post("/analyze", files={"file": (name, data, mime)})
    assert response.status_code == 415
    assert name in response.text


def test_an_unknown_page_is_a_404_page_and_an_unknown_api_path_json(client):
    page = client.get("/nulle-part")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "does not exist" in page.text
    api = client.get("/api/nulle-part")
    assert api.status_code == 404
    assert api.json()["status"] == 404


def test_unknown_article_and_person_are_404(client):
    assert client.get("/articles/inexistant").status_code == 404
    assert client.get("/people/personne-inconnue").status_code == 404
    missing = client.get("/api/articles/inexistant")
    assert missing.status_code == 404 and "inexistant" in missing.json()["detail"]


def test_invalid_page_and_date_filters_are_422(client):
    assert client.get("/articles?page=0").status_code == 422
    assert client.get("/search?q=vaccin&page=abc").status_code == 422
    bad_date = client.get("/articles?since=hier")
    assert bad_date.status_code == 422 and "hier" in bad_date.text


# --- safety ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/static/app.css", "/api/articles/inexistant",
                                  "/nulle-part", "/docs"])
def test_security_headers_everywhere(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"].startswith("default-src 'self' 'unsafe-inline' data:")
    assert headers["x-content-type-options"] == "nosniff"


def test_security_headers_on_a_refused_upload(client):
    response = client.post("/api/analyze", content=b"{" + b" " * 500_000 + b"}",
                           headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"


def test_path_traversal_never_reaches_a_file(db_path):
    attempts = [
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/../../etc/passwd",
        "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/people/..%2F..%2Fetc%2Fpasswd",
        "/static/../../etc/passwd",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/....//....//etc/passwd",
        "/static//etc/passwd",
    ]
    with LiveServer(create_app(db_path, warm_up=False)) as server:
        assert raw_get(server.port, "/static/app.css")[0] == 200
        for path in attempts:
            status, response = raw_get(server.port, path)
            assert status == 404, path
            assert "root:" not in response


# --- corpus pages ---------------------------------------------------------------------------


def test_article_list_filters_and_links(client, corpus):
    page = client.get("/articles?source=Reuters")
    assert page.status_code == 200
    assert "Les pharmaciens s&#39;organisent" in page.text
    assert "Deuxième vague" not in page.text
    recent = client.get("/articles?since=2024-01-01")
    assert "Deuxième vague" in recent.text and "pharmaciens" not in recent.text
    assert '/articles/vaccins-1' in client.get("/articles").text


def test_dossier_names_its_speakers_with_links_to_their_pages(client, corpus):
    page = client.get("/articles/vaccins-2")
    assert page.status_code == 200
    links = dict(re.findall(r'<a class="speaker-link" href="(/people/[^"]+)"[^>]*>([^<]+)</a>',
                            page.text))
    assert set(links.values()) == {"Agnès Buzyn", "Olivier Véran"}
    person = client.get(next(url for url, name in links.items() if name == "Olivier Véran"))
    assert person.status_code == 200
    assert "Le vaccin est sûr" in person.text


def test_person_page_lists_every_quote_across_articles(client, corpus):
    people = client.get("/people?q=buzyn")
    assert people.status_code == 200
    url = re.search(r'<a class="person-link" href="(/people/[^"]+)"[^>]*>Agnès Buzyn</a>',
                    people.text).group(1)
    page = client.get(url)
    assert page.status_code == 200
    assert page.text.count('<li class="person-quote ') == 25
    for article in ("vaccins-1", "vaccins-2", "vaccins-3"):
        assert f'href="/articles/{article}/quotes/q1"' in page.text


def test_search_paginates_and_keeps_its_filters(client, corpus):
    first = client.get("/search", params={"q": "vaccin", "kind": "quote"})
    assert first.status_code == 200
    assert first.text.count('class="result result-quote"') == PAGE_SIZE
    next_url = re.search(r'<a rel="next" href="([^"]+)"', first.text).group(1).replace("&amp;", "&")
    assert "kind=quote" in next_url and "page=2" in next_url
    second = client.get(next_url)
    assert second.status_code == 200
    total = int(re.search(r"(\d+) results", first.text).group(1))
    assert second.text.count('class="result result-quote"') == total - PAGE_SIZE
    assert 'rel="prev"' in second.text


def test_search_by_speaker_and_links_to_the_quote_in_its_article(client, corpus):
    page = client.get("/search", params={"speaker": "Véran"})
    assert page.status_code == 200
    assert page.text.count('class="result result-quote"') == 1
    assert 'href="/articles/vaccins-2/quotes/q11"' in page.text
    assert "Le vaccin est sûr" in page.text


def test_search_for_people(client, corpus):
    page = client.get("/search", params={"q": "buzyn", "kind": "person"})
    assert '<a class="person-link"' in page.text and "Agnès Buzyn" in page.text


def test_pages_of_links_keep_other_parameters():
    page = make_page("/search", 2, 45, {"q": "école", "kind": "quote", "speaker": None})
    assert page.count == 3
    assert page.previous_url == "/search?q=%C3%A9cole&kind=quote"
    assert page.next_url == "/search?q=%C3%A9cole&kind=quote&page=3"
    assert (page.first_item, page.last_item) == (21, 40)


# --- JSON API ------------------------------------------------------------------------------------


def test_api_analyze_returns_the_analysis_and_stores_it(client):
    body = {"text": "La mairie rouvre la piscine\n\nLe maire a annoncé que la piscine "
                    "rouvrira lundi après des travaux.", "date": "2024-06-01",
            "url": "https://example.org/piscine"}
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 200
    analysis = schema.Analysis.model_validate(response.json())
    assert analysis.text == body["text"]
    assert analysis.article.url == body["url"] and analysis.article.date == body["date"]
    stored = client.get(response.headers["location"])
    assert stored.status_code == 200
    assert stored.json() == response.json()


def test_api_rejects_unknown_fields_and_missing_text(client):
    missing = client.post("/api/analyze", json={"title": "sans texte"})
    assert missing.status_code == 422 and "text" in missing.json()["detail"]
    extra = client.post("/api/analyze", json={"text": "Un texte.", "colour": "bleu"})
    assert extra.status_code == 422
    not_json = client.post("/api/analyze", content=b"pas du json",
                           headers={"content-type": "application/json"})
    assert not_json.status_code == 422


def test_api_search_filters_and_paginates(client, corpus):
    page = client.get("/api/search", params={"q": "vaccin", "kind": "quote", "limit": 7,
                                             "offset": 21}).json()
    assert page["total"] == 26 and len(page["items"]) == 5
    assert all(item["kind"] == "quote" for item in page["items"])
    by_speaker = client.get("/api/search", params={"speaker": "Véran"}).json()
    assert [item["quote_id"] for item in by_speaker["items"] if item["kind"] == "quote"] == ["q11"]
    assert client.get("/api/search", params={"q": "x", "kind": "poème"}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "limit": 1000}).status_code == 422


def test_docs_are_self_contained_and_list_the_api(client):
    page = client.get("/docs")
    assert page.status_code == 200
    for endpoint in ("POST /api/analyze", "GET /api/articles/{article_id}", "GET /api/search"):
        assert endpoint in page.text
    assert "AnalyzeRequest" in page.text and "Analysis" in page.text
    # Nothing loaded from elsewhere: no absolute URL in a src or a stylesheet link.
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    openapi = client.get("/openapi.json").json()
    assert "/api/analyze" in openapi["paths"] and "/analyze" not in openapi["paths"]


def test_a_quote_link_redirects_to_its_place_in_the_dossier(client, corpus):
    response = client.get("/articles/vaccins-2/quotes/q11", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/articles/vaccins-2#q11"
    dossier = client.get("/articles/vaccins-2")
    assert 'id="q11"' in dossier.text
    assert client.get("/articles/vaccins-2/quotes/q99").status_code == 404


@pytest.mark.parametrize("url", [
    "/articles/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/people/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&speaker=%3Cb%3E",
    "/articles?source=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
])
def test_what_a_url_carries_is_escaped_when_shown(client, url):
    body = client.get(url).text
    assert "<script>alert(1)" not in body
    assert not re.search(r"<img[^>]*onerror", body)
    if "alert(1)" in body:  # shown back, then only as text
        assert "&lt;" in body


# --- one language: the interface in English, the articles' words marked French ------------


ENGLISH_PAGES = [
    "/", "/articles", "/articles?q=vaccin", "/articles?q=introuvable", "/search",
    "/search?q=vaccin", "/search?q=observatoire", "/search?q=buzyn&kind=person",
    "/search?q=introuvable", "/people", "/people?q=buzyn", "/people?q=introuvable",
    "/people/agnes-buzyn", "/articles/vaccins-2", "/articles/observatoire-1", "/docs",
    # error pages
    "/nulle-part", "/articles/inexistant", "/people/inconnu", "/articles/vaccins-2/quotes/q99",
    "/search?q=x&kind=bogus", "/people?page=999", "/articles?since=hier", "/articles?page=0",
]


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_every_page_speaks_english(client, corpus, url):
    page = client.get(url)
    assert page.headers["content-type"].startswith("text/html")
    lang, text = interface_text(page.text)
    assert lang == "en"
    assert text.split(), url  # the page does say something of its own
    assert french_words(text) == [], url


@pytest.mark.parametrize("url", ["/", "/articles", "/search", "/people", "/docs", "/nulle-part",
                                 "/people?page=999"])
def test_page_titles_are_english(client, corpus, url):
    title = re.search(r"<title>(.*?)</title>", client.get(url).text, re.S).group(1)
    assert french_words(title) == []


@pytest.mark.parametrize("name, data, mime", [
    ("notes.txt", b"", "text/plain"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "text/plain"),
    ("rapport.pdf", b"%PDF-1.4\n", "application/pdf"),
    ("long.txt", b"Un mot. " * SMALL_LIMIT, "text/plain"),
])
def test_refused_uploads_explain_themselves_in_english(client, name, data, mime):
    page = client.post("/analyze", files={"file": (name, data, mime)})
    assert page.status_code in (413, 415, 422)
    lang, text = interface_text(page.text)
    assert lang == "en"
    # Files over the limit are refused before they are read, name and all.
    assert name in text or page.status_code == 413
    assert french_words(text) == []


def test_a_binary_text_file_is_refused_in_one_sentence(client):
    page = client.post("/analyze", files={"file": ("bin.txt", bytes(range(256)) * 4,
                                                   "text/plain")})
    assert page.status_code == 415
    message = re.search(r'<p class="error-message">(.*?)</p>', page.text, re.S).group(1)
    assert message.startswith("bin.txt looks like a binary file, not text")
    assert ".txt" in message and ".html" in message  # what to send instead


@pytest.mark.parametrize("method, url, body", [
    ("GET", "/api/articles/inexistant", None),
    ("GET", "/api/people/inconnu", None),
    ("GET", "/api/nulle-part", None),
    ("GET", "/api/search?q=x&kind=bogus", None),
    ("GET", "/api/articles?since=hier", None),
    ("POST", "/api/analyze", {"text": "  "}),
    ("POST", "/api/analyze", {"text": "Un mot. " * SMALL_LIMIT}),
    ("POST", "/api/analyze", {"title": "sans texte"}),
])
def test_json_errors_are_english(client, method, url, body):
    response = client.request(method, url, json=body)
    assert response.status_code >= 400
    detail = response.json()["detail"]
    assert french_words(detail) == [], detail


def test_article_words_are_marked_as_french(client, corpus):
    search = client.get("/search", params={"q": "observatoire"}).text
    for kind in ("quote", "claim", "article"):
        item = re.search(rf'<li class="result result-{kind}".*?</li>', search, re.S).group(0)
        assert 'lang="fr"' in item, kind
    person = client.get("/people/agnes-buzyn").text
    assert re.search(r'<span class="quote-words" lang="fr">« Le vaccin numéro 0', person)
    home = client.get("/").text
    assert re.search(r'<a href="/articles/vaccins-1" lang="fr">Les vaccins arrivent', home)


# --- a refused parameter is a 422 page, never an empty answer -------------------------------


def error_page(response) -> tuple[str, str | None]:
    """(the message, the link the error page offers) of an HTML error page."""
    message = re.search(r'<p class="error-message">(.*?)</p>', response.text, re.S).group(1)
    link = re.search(r'<a class="error-next" href="([^"]+)"', response.text)
    return message, link.group(1).replace("&amp;", "&") if link else None


def test_an_unknown_search_kind_is_refused_like_the_api_does(client, corpus):
    page = client.get("/search", params={"q": "vaccin", "kind": "bogus"})
    assert page.status_code == 422
    assert client.get("/api/search", params={"q": "vaccin", "kind": "bogus"}).status_code == 422
    message, link = error_page(page)
    assert "bogus" in message
    assert all(kind in message for kind in ("quote", "claim", "article", "person"))
    assert link == "/search?q=vaccin"  # the same search over everything
    assert client.get(link).status_code == 200


@pytest.mark.parametrize("url, last", [
    ("/people?page=999", "/people"),
    ("/articles?page=999&since=2020-01-01", "/articles?since=2020-01-01"),
    ("/search?q=vaccin&kind=quote&page=999", "/search?q=vaccin&kind=quote&page=2"),
    ("/search?q=buzyn&kind=person&page=3", "/search?q=buzyn&kind=person"),
    ("/search?q=introuvable&page=2", "/search?q=introuvable"),
])
def test_a_page_past_the_last_is_refused_with_a_link_to_the_last(client, corpus, url, last):
    page = client.get(url)
    assert page.status_code == 422
    message, link = error_page(page)
    number = re.search(r"page=(\d+)", url).group(1)
    assert message.startswith(f"There is no page {number}:")
    assert link == last
    assert client.get(link).status_code == 200


def test_the_last_page_and_an_empty_first_page_are_shown(client, corpus):
    last = client.get("/search", params={"q": "vaccin", "kind": "quote", "page": 2})
    assert last.status_code == 200 and "Page 2 of 2" in last.text
    empty = client.get("/search", params={"q": "introuvable"})
    assert empty.status_code == 200 and "0 results" in empty.text and "No results" in empty.text


# --- search results: quotes with their speaker, claims as claims ----------------------------


def results_of(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, item in re.findall(r'<li class="result result-(\w+)".*?>(.*?)</li>', html, re.S):
        found.setdefault(kind, []).append(item)
    return found


def test_claims_are_labelled_claims_and_never_look_like_quotations(client, corpus):
    results = results_of(client.get("/search", params={"q": "observatoire"}).text)
    claims = results["claim"]
    assert len(claims) == 2
    for claim in claims:
        assert '<span class="badge badge-claim">Claim</span>' in claim
        assert "«" not in claim and "»" not in claim
    by_source = next(c for c in claims if "40 000 visiteurs" in c)
    assert "asserted by" in by_source and "Claire Dubois" in by_source
    by_journalist = next(c for c in claims if "12 millions" in c)
    assert "asserted by <span" in by_journalist and "the journalist" in by_journalist


def test_quotes_show_their_speaker_and_only_verbatim_words_take_quotation_marks(client, corpus):
    quotes = results_of(client.get("/search", params={"q": "observatoire"}).text)["quote"]
    assert len(quotes) == 2
    for quote in quotes:
        assert '<span class="badge badge-quote">Quote</span>' in quote
        assert re.search(
            r'<a class="speaker-link" href="/people/claire-dubois"[^>]*>Claire Dubois</a>', quote)
    direct = next(q for q in quotes if "rouvrira en mars" in q)
    assert re.search(r"« Cet <mark>observatoire</mark> rouvrira en mars »", direct)
    indirect = next(q for q in quotes if "manquait de crédits" in q)
    assert "«" not in indirect and '<span class="tag">indirect</span>' in indirect


def test_person_page_shows_reported_words_without_quotation_marks(client, corpus):
    page = client.get("/people/claire-dubois").text
    assert "« Cet observatoire rouvrira en mars »" in page
    assert re.search(r'lang="fr">cet observatoire manquait de crédits</span>', page)
    assert "« cet observatoire manquait" not in page


# --- a separate title and the text's own headline ----------------------------------------------


def test_a_title_that_repeats_the_first_line_is_not_doubled(client):
    text = "Le maire rouvre la piscine\n\nLe maire a annoncé que la piscine rouvrira lundi."
    for title in ("Le maire rouvre la piscine", "LE MAIRE ROUVRE  LA PISCINE."):
        analysis = client.post("/api/analyze", json={"text": text, "title": title}).json()
        assert analysis["text"] == text
        assert analysis["article"]["headline"]["text"] == "Le maire rouvre la piscine"


def test_a_different_title_goes_above_the_text(client):
    text = "Le maire a annoncé que la piscine rouvrira lundi après des travaux."
    body = {"text": text, "title": "Piscine : réouverture"}
    analysis = client.post("/api/analyze", json=body).json()
    assert analysis["text"] == "Piscine : réouverture\n\n" + text
    assert analysis["article"]["headline"]["text"] == "Piscine : réouverture"


def test_a_title_given_with_a_web_page_replaces_its_headline(client):
    page = ("<html><body><article><h1>Le maire répond</h1><p>Le maire Jean Dupont a "
            "annoncé que la piscine rouvrira lundi après trois mois de travaux.</p>"
            "</article></body></html>").encode()
    response = client.post("/analyze", data={"title": "La piscine rouvre lundi"},
                           files={"file": ("page.html", page, "text/html")},
                           follow_redirects=False)
    analysis = client.get("/api" + response.headers["location"]).json()
    assert analysis["article"]["headline"]["text"] == "La piscine rouvre lundi"
    assert analysis["text"].startswith("La piscine rouvre lundi\n\nLe maire Jean Dupont")
    assert "Le maire répond" not in analysis["text"]


def documented_form_uploads() -> list[list[str]]:
    """The ``-F`` fields of each ``curl`` upload to the form in docs/web.md."""
    uploads = []
    for line in (ROOT / "docs" / "web.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("curl") and "/analyze" in line and " -F " in line:
            words = shlex.split(line)
            uploads.append([words[i + 1] for i, word in enumerate(words) if word == "-F"])
    return uploads


def test_the_documented_uploads_keep_the_headline_a_headline(client, tmp_path):
    """Replays docs/web.md's curl examples on the founding article: the headline never
    ends up as body text under another title."""
    text = DESERTION.read_text(encoding="utf-8")
    headline, body = text.split("\n", 1)
    files = {"article.txt": text, "body.txt": body.lstrip("\n")}
    uploads = documented_form_uploads()
    assert any(any(f.startswith("title=") for f in fields) for fields in uploads)
    for fields in uploads:
        data, sent = {}, None
        for field in fields:
            name, value = field.split("=", 1)
            if value.startswith(("<", "@")):
                if value[1:] not in files:
                    break  # an HTML file: the headline is the page's, not the text's
                sent = files[value[1:]]
                data["text"] = sent
            else:
                data[name] = value
        else:
            response = client.post("/analyze", data=data, follow_redirects=False)
            assert response.status_code == 303, fields
            analysis = client.get("/api" + response.headers["location"]).json()
            shown = analysis["article"]["headline"]["text"]
            assert shown == data.get("title", headline), fields
            if headline in sent:  # the article's own headline stays its headline
                assert shown == headline and analysis["text"].count(headline) == 1, fields
