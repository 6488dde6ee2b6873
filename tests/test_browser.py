"""End-to-end, as a person uses the app: Debian's headless Chromium driven by Playwright
against a real uvicorn server on loopback, with a fresh store.

Screenshots of every step go to test-output/screenshots/; with
RECOUPE_DOCS_SCREENSHOTS=1 the home, dossier, search and person pages are also saved
to docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from recoupe.store.keys import name_key
from recoupe.web import create_app
from web_fixtures import DESERTION, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-output" / "screenshots"
DOCS_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytestmark = [pytest.mark.browser, pytest.mark.skip(
        reason="/usr/bin/chromium is missing (apt-get install chromium; in CI it must be there)")]
else:
    pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = create_app(tmp_path_factory.mktemp("browser") / "recoupe.db")
    with LiveServer(app) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # An error status is reported as a failed load: expected on the refusal pages.
    page.on("console", lambda message: message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and errors.append(message.text))
    yield page
    context.close()
    # A Content-Security-Policy violation or a broken script shows up here.
    assert errors == []


def shoot(page, name: str, *, docs: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=not docs)
    if docs and os.environ.get("RECOUPE_DOCS_SCREENSHOTS"):
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SHOTS / f"{name}.png")


def highlighted_quotes(page) -> dict[str, tuple[str, str]]:
    """Quote anchor → (speaker attribute, text) of the highlighted quotes on the page.

    A quote may be drawn as several pieces (another finding overlapping it): the pieces
    that name the same quote are joined."""
    pieces = page.eval_on_selector_all(
        "mark[data-speaker]",
        "marks => marks.map(m => [m.dataset.speaker, m.dataset.refs || m.id, m.textContent])")
    quotes: dict[str, tuple[str, str]] = {}
    for speaker, refs, text in pieces:
        anchor = next((ref for ref in refs.split() if re.fullmatch(r"q\d+", ref)), refs)
        previous = quotes.get(anchor, (speaker, ""))[1]
        quotes[anchor] = (speaker, previous + text)
    return quotes


def speaker_of(quotes: dict[str, tuple[str, str]], words: str) -> str | None:
    for speaker, text in quotes.values():
        if words in " ".join(text.split()):
            return speaker
    return None


def paste_desertion_article(page, server) -> str:
    page.goto(server.url + "/")
    page.fill("textarea[name=text]", DESERTION.read_text(encoding="utf-8"))
    page.click("form.analyze button[type=submit]")
    page.wait_for_url(re.compile(r"/articles/w[0-9a-f]{16}$"), timeout=120_000)
    return page.url


def test_home_page_invites_to_paste_or_upload(page, server):
    page.goto(server.url + "/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.is_visible("textarea[name=text]")
    assert page.is_visible("input[type=file][name=file]")
    assert page.locator("header.site nav a").all_text_contents() == [
        "Analyse", "Articles", "Search", "People", "API"]
    assert page.text_content("form.analyze button[type=submit]") == "Analyse"
    shoot(page, "home", docs=True)


def test_pasted_article_shows_its_quotes_highlighted_by_speaker(page, server):
    paste_desertion_article(page, server)
    assert "exode massif" in page.text_content("h1")
    quotes = highlighted_quotes(page)
    putin = speaker_of(quotes, "En ce qui concerne le problème de l'équipement")
    burnett = speaker_of(quotes, "Poutine a le dos fermement appuyé contre le mur")
    assert putin is not None and "poutine" in name_key(putin)
    assert burnett is not None and name_key(burnett) == "erin burnett"
    # Each highlighted quote names a speaker (or says it is unknown) and holds text.
    assert all(speaker and text.strip() for speaker, text in quotes.values())
    shoot(page, "dossier", docs=True)


def test_following_a_speaker_to_their_page(page, server):
    paste_desertion_article(page, server)
    link = page.locator("a.speaker-link", has_text="Erin Burnett").first
    link.click()
    page.wait_for_url(re.compile(r"/people/[^/]+$"))
    assert "Erin Burnett" in page.text_content("h1")
    quotes = page.locator(".person-quote").all_text_contents()
    assert any("dos fermement appuyé contre le mur" in q for q in quotes)
    shoot(page, "person", docs=True)
    # From the person page back to the quote, at its place in the article.
    page.locator(".person-quote a").first.click()
    page.wait_for_url(re.compile(r"/articles/w[0-9a-f]{16}#q\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_searching_tells_quotes_from_claims(page, server):
    paste_desertion_article(page, server)
    page.goto(server.url + "/")
    page.fill("header.site input[name=q]", "désertion")
    page.press("header.site input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    # A direct quote: the mother's words, between quotation marks, with their speaker.
    quote = page.locator("li.result-quote", has_text="fais attention").first
    assert quote.locator(".badge").text_content() == "Quote"
    words = " ".join(quote.locator("a.result-text").text_content().split())
    assert words.startswith("«") and words.endswith("»") and "désertion" in words
    assert "mère" in quote.locator(".said-by").text_content()
    # A claim: labelled as one, never dressed as a quotation.
    claims = page.locator("li.result-claim")
    assert claims.count() >= 1
    for claim in claims.all():
        assert claim.locator(".badge").text_content() == "Claim"
        assert not claim.locator("a.result-text").text_content().strip().startswith("«")
    shoot(page, "search", docs=True)
    quote.locator("a.result-text").click()
    page.wait_for_url(re.compile(r"/articles/w[0-9a-f]{16}#q\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
    assert "fais attention" in highlighted_quotes(page)[anchor][1]


def test_a_refused_upload_explains_itself(page, server, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    page.goto(server.url + "/")
    page.set_input_files("input[type=file][name=file]", str(pdf))
    page.click("form.analyze button[type=submit]")
    page.wait_for_selector(".error-message")
    assert "rapport.pdf" in page.text_content(".error-message")
    assert ".txt" in page.text_content(".error-message")
    shoot(page, "refused-upload")
