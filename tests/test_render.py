"""The renderers, on a hand-built analysis (every section filled, built straight from the
schema so that these tests do not depend on the extractors) and on a real analysis."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from recoupe import schema
from recoupe.render import render, render_terminal
from recoupe.render.colors import speaker_colors, speaker_name

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DESERTION = (EXAMPLES / "russian-troops-desertion.txt").read_text(encoding="utf-8")


def span_of(text: str, needle: str, cls=schema.Span, nth: int = 0, **fields):
    """The ``nth`` occurrence of ``needle`` in ``text`` as a schema span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return cls(start=start, end=start + len(needle), text=needle, **fields)


LEAD = ("Selon un appel intercepté depuis la ligne de front, les Russes sont en train de "
        "discuter d'une désertion massive des forces militaires de Vladimir Poutine, alors que "
        "le chef du Kremlin lutte pour garder le contrôle de ses propres troupes.")

# speaker canonical name, mention, cue, kind, quote text
QUOTES = [
    ("un appel intercepté", "un appel intercepté depuis la ligne de front", "Selon", "indirect",
     "les Russes sont en train de discuter d'une désertion massive des forces militaires de "
     "Vladimir Poutine"),
    ("Vladimir Poutine", "Vladimir Poutine", "a admis", "mixed",
     "il y a des \"problèmes d'équipement\" pour les troupes russes"),
    ("un soldat russe", "un soldat", "a raconté", "direct",
     "Ils partent, ils partent, les gens partent."),
    ("la mère du soldat", "La mère", "répond", "direct", "Partir ? Comme s'enfuir ?"),
    ("un soldat russe", "Le soldat", "confirme", "direct", "Oui, s'enfuir, quoi d'autre ?"),
    ("un soldat russe", "Le soldat", "confirme", "direct",
     "Cinq p****** de jours sous une pluie battante, sans dormir."),
    ("la mère du soldat", "la mère inquiète", "dit", "direct",
     "C'est une désertion, fais attention."),
    ("Vladimir Poutine", "le président Poutine", "a déclaré", "direct",
     "En ce qui concerne le problème de l'équipement pour autant que je sache, cela a déjà "
     "été réglé."),
    ("Erin Burnett", "Erin Burnett de CNN", "a déclaré", "direct",
     "Poutine a le dos fermement appuyé contre le mur car il sait que son invasion ne s'est "
     "pas déroulée comme prévu."),
]


def sample_analysis(text: str = DESERTION, article_id: str = "russian-troops-desertion",
                    url: str | None = "https://www.example.org/russian-troops") -> schema.Analysis:
    """Every section of the schema filled by hand, offsets into ``text``."""
    headline = span_of(text, text.split("\n", 1)[0], schema.Paragraph, index=0,
                       is_headline=True)
    credit = span_of(text, "Source : Express.co.uk")
    quotes = []
    for i, (name, mention, cue, kind, quoted) in enumerate(QUOTES, 1):
        content = span_of(text, quoted)
        cue_span = span_of(text, cue, schema.Cue)
        mention_span = span_of(text, mention)
        quotes.append(schema.Quote(
            id=f"q{i}", start=content.start, end=content.end, text=content.text, kind=kind,
            cue=cue_span, confidence=0.9, rule="hand-built",
            speaker=schema.Speaker(text=mention, start=mention_span.start,
                                   end=mention_span.end, name=name)))
    sources = schema.SourceChain(
        sources=[
            schema.Source(id="s1", name="this article", type="this_article"),
            schema.Source(id="s2", name="Express.co.uk", type="media_outlet", access="relayed",
                          mentions=[span_of(text, "Express.co.uk")]),
            schema.Source(id="s3", name="CNN", type="media_outlet", access="relayed",
                          mentions=[span_of(text, "CNN")]),
            schema.Source(id="s4", name="un appel intercepté depuis la ligne de front",
                          type="recording", access="first_hand", quotes=["q1"],
                          mentions=[span_of(text, "un appel intercepté")]),
            schema.Source(id="s5", name="Vladimir Poutine", type="named_person",
                          access="first_hand", quotes=["q2", "q8"]),
            schema.Source(id="s6", name="Erin Burnett", type="named_person",
                          quotes=["q9"], mentions=[span_of(text, "Erin Burnett")]),
        ],
        edges=[
            schema.SourceEdge(source="s2", target="s1",
                              evidence=span_of(text, "Source : Express.co.uk")),
            schema.SourceEdge(source="s3", target="s2"),
            schema.SourceEdge(source="s4", target="s3", relation="shared_by",
                              evidence=span_of(text, "partagé par CNN")),
            schema.SourceEdge(source="s6", target="s3", relation="speaks_for"),
            schema.SourceEdge(source="s5", target="s1"),
        ],
        flags=[schema.Flag(kind="single_origin",
                           message="The desertion story rests on one intercepted call.",
                           evidence=[span_of(text, "Un appel téléphonique intercepté")])],
    )
    claims = [
        span_of(text, "Le récent appel téléphonique, partagé par CNN, signale une tendance "
                      "croissante des troupes russes à fuir l'armée et sa guerre en Ukraine.",
                schema.Claim, id="c1", type="event", score=0.91,
                asserted_by=schema.AssertedBy(kind="journalist")),
        span_of(text, QUOTES[0][4], schema.Claim, id="c2", type="statement", score=0.74,
                asserted_by=schema.AssertedBy(kind="source", name="un appel intercepté",
                                              source="s4", quote="q1"),
                hedges=[span_of(text, "Selon", schema.Hedge, kind="attribution")]),
        span_of(text, "les températures descendent en dessous de zéro", schema.Claim,
                id="c3", type="number", score=0.35,
                asserted_by=schema.AssertedBy(kind="journalist")),
    ]
    check = schema.HeadlineCheck(
        headline=headline,
        assertions=[
            span_of(text, "Les troupes russes discutent d'un exode massif de la ligne de front",
                    schema.HeadlineAssertion, verdict="partly",
                    explanation="One soldier in one call says people leave.",
                    evidence=[span_of(text, QUOTES[2][4])]),
            # The body's closest sentence, which does not support it.
            span_of(text, "Poutine fait face à une mutinerie", schema.HeadlineAssertion,
                    verdict="not_supported", explanation="No mutiny in the body.",
                    evidence=[span_of(text, LEAD)]),
        ],
        unsupported_terms=[
            span_of(text, "massif", schema.UnsupportedTerm,
                    reason="the body reports one call"),
            span_of(text, "mutinerie", schema.UnsupportedTerm,
                    reason="never mentioned in the body"),
        ],
        # The first note says something new; the others restate an explanation and an
        # unsupported term, as the headline component's notes do.
        notes=["The headline is stronger than its single source.",
               "One soldier in one call says people leave.",
               "«mutinerie» has no support in the body."],
    )
    terms = [
        span_of(text, "massif", schema.LoadedTerm, category="exaggeration"),
        span_of(text, "mutinerie", schema.LoadedTerm, category="sensational"),
        span_of(text, "furieux", schema.LoadedTerm, category="emotional"),
        span_of(text, "p******", schema.LoadedTerm, category="profanity"),
    ]
    loaded = schema.LoadedLanguage(
        terms=terms, counts={"exaggeration": 1, "sensational": 1, "emotional": 1,
                             "profanity": 1},
        per_1000_words=10.1,
        summary="4 loaded terms (10.1 per 1,000 words): 1 exaggeration, 1 sensational, "
                "1 emotional, 1 profanity; 2 in the headline.")
    putin = [schema.Mention(start=m.start(), end=m.end(), text=m.group())
             for m in re.finditer(r"(Vladimir )?Poutine", text)]
    entities = [
        schema.EntityCluster(id="e1", name="Vladimir Poutine", type="PER", mentions=putin),
        schema.EntityCluster(id="e2", name="CNN", type="ORG",
                             mentions=[span_of(text, "CNN", schema.Mention)]),
        schema.EntityCluster(id="e3", name="Ukraine", type="LOC",
                             mentions=[span_of(text, "Ukraine", schema.Mention)]),
    ]
    meta = schema.ArticleMeta(
        id=article_id, headline=headline, credit=credit, credited_source="Express.co.uk",
        date="2022-11-25", url=url, language="fr", language_confidence=0.99,
        word_count=len(text.split()))
    return schema.Analysis(article=meta, text=text, quotes=quotes, sources=sources,
                           claims=claims, headline_check=check, loaded_language=loaded,
                           entities=entities, notes=["Translated from English."])


# --- helpers -------------------------------------------------------------------------------


class Page(HTMLParser):
    """Elements with their attributes and text; fails on badly nested tags."""

    VOID = {"meta", "input", "br", "img", "hr", "link", "path", "rect"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed: {[e['tag'] for e in self.stack]}"

    def _element(self, tag, attrs) -> dict:
        attrs = dict(attrs)
        # The language in force, as a browser or a screen reader inherits it.
        lang = attrs.get("lang") or (self.stack[-1]["lang"] if self.stack else None)
        element = {"tag": tag, "attrs": attrs, "text": "", "lang": lang}
        self.elements.append(element)
        return element

    def handle_starttag(self, tag, attrs):
        element = self._element(tag, attrs)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1]["tag"] == tag, \
            f"</{tag}> closes <{self.stack[-1]['tag'] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        # A badge's text (a quote number) belongs to the badge, not to the paragraph.
        badges = [i for i, e in enumerate(self.stack)
                  if "rd-badge" in (e["attrs"].get("class") or "").split()]
        for element in self.stack[badges[-1] if badges else 0:]:
            element["text"] += data

    def find(self, tag=None, cls=None):
        return [e for e in self.elements
                if (tag is None or e["tag"] == tag)
                and (cls is None or cls in (e["attrs"].get("class") or "").split())]

    def ids(self) -> list[str]:
        return [e["attrs"]["id"] for e in self.elements if e["attrs"].get("id")]


def quote_texts_in_page(page: Page, anchor: str) -> str:
    """The text of the highlight pieces of one quote, joined."""
    return "".join(m["text"] for m in page.find("mark", "rd-q")
                   if anchor in m["attrs"].get("data-refs", "").split())


def terminal_output(analysis, width=120) -> str:
    console = Console(record=True, width=width, file=open("/dev/null", "w"))
    render_terminal(analysis, console)
    return console.export_text()


def hostile_analysis() -> schema.Analysis:
    text = ("Titre <script>alert(1)</script>\n\n"
            "Le maire a déclaré : « <img src=x onerror=alert(1)> et [bold red]rien[/] | *ça* »."
            " Il a ajouté que <a href=\"https://evil.example\">tout</a> allait bien.")
    first = span_of(text, "<img src=x onerror=alert(1)> et [bold red]rien[/] | *ça*")
    second = span_of(text, "<a href=\"https://evil.example\">tout</a> allait bien")
    speaker = schema.Speaker(text="Le maire", start=text.index("Le maire"),
                             end=text.index("Le maire") + 8, name="<b>Le maire</b>")
    quotes = [schema.Quote(id="q1", start=first.start, end=first.end, text=first.text,
                           kind="direct", speaker=speaker, confidence=1.0, rule="test"),
              schema.Quote(id="q2", start=second.start, end=second.end, text=second.text,
                           kind="indirect", speaker=speaker, confidence=1.0, rule="test")]
    headline = span_of(text, "Titre <script>alert(1)</script>", schema.Paragraph, index=0,
                       is_headline=True)
    sources = schema.SourceChain(
        sources=[schema.Source(id="s1", name="this article", type="this_article"),
                 schema.Source(id="s2", name="<script>x</script>", type="named_person")],
        edges=[schema.SourceEdge(source="s2", target="s1")])
    meta = schema.ArticleMeta(id="<evil>", headline=headline, language="fr", word_count=20,
                              url="javascript:alert(1)")
    return schema.Analysis(article=meta, text=text, quotes=quotes, sources=sources)


@pytest.fixture(scope="module")
def sample() -> schema.Analysis:
    return sample_analysis()


# --- colours -------------------------------------------------------------------------------


def test_palette_is_readable():
    from recoupe.render.colors import PALETTE, TEXT_COLOR, UNKNOWN, contrast_ratio

    for color in (*PALETTE, UNKNOWN):
        assert contrast_ratio(color.ink, "#ffffff") >= 4.5, color
        assert contrast_ratio(color.tint, TEXT_COLOR) >= 7, color


def test_speaker_colours_are_deterministic_distinct_and_keyed_by_name():
    from recoupe.render.colors import PALETTE, assign_colors

    names = [f"Personne {i}" for i in range(len(PALETTE))]
    forward, backward = assign_colors(names), assign_colors(reversed(names))
    assert forward == backward
    assert len({c.name for c in forward.values()}) == len(PALETTE)
    assert assign_colors(["Vladimir Poutine"]) == assign_colors(["Vladimir Poutine"])


def test_quotes_of_one_speaker_share_a_colour(sample):
    colors = speaker_colors(sample.quotes)
    assert len(colors) == len({speaker_name(q) for q in sample.quotes})
    assert len({c.ink for c in colors.values()}) == len(colors)


# --- flat pieces and the source chain ------------------------------------------------------


def test_overlapping_marks_cut_into_pieces_that_cover_the_text():
    from recoupe.render.highlight import Mark, cut

    text = "Un deux trois\nquatre cinq six"
    marks = [Mark(3, 20, "quote", "q1"), Mark(8, 13, "loaded", "l1"),
             Mark(0, 24, "claim", "c1"), Mark(13, 13, "evidence", "ev1")]
    blocks = cut(text, marks)
    assert ["".join(p.text for p in b.pieces) for b in blocks] == text.split("\n")
    for block in blocks:
        for piece in block.pieces:
            covering = {m.anchor for m in marks if m.start <= piece.start and piece.end <= m.end
                        and m.start < m.end}
            assert {m.anchor for m in piece.marks} == covering
    placed = [a for b in blocks for p in b.pieces for a in p.anchors]
    assert sorted(placed) == ["c1", "ev1", "l1", "q1"]


def test_source_tree_reads_back_from_this_article(sample):
    from recoupe.render.chain import source_trees, summary_lines

    trees = source_trees(sample.sources)
    assert trees[0].source.type == "this_article"
    shown = []

    def walk(node):
        if not node.repeated:
            shown.append(node.source.id)
        for child in node.children:
            walk(child)

    for tree in trees:
        walk(tree)
    assert sorted(shown) == sorted(s.id for s in sample.sources.sources)
    assert [s.name for s in summary_lines(sample.sources)[0]] == [
        "this article", "Express.co.uk", "CNN", "un appel intercepté depuis la ligne de front"]


def test_graph_layout_puts_each_source_before_whom_it_told(sample):
    from recoupe.render.graph import layout

    plan = layout(sample.sources)
    for edge in sample.sources.edges:
        assert plan.boxes[edge.source].x + plan.boxes[edge.source].width \
            < plan.boxes[edge.target].x
    boxes = list(plan.boxes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (a.x + a.width <= b.x or b.x + b.width <= a.x
                     or a.y + a.height <= b.y or b.y + b.height <= a.y)
            assert apart, (a.source.name, b.source.name)


def test_graph_survives_a_cycle_and_escapes_labels():
    from recoupe.render.graph import source_graph_svg

    chain = schema.SourceChain(
        sources=[schema.Source(id="a", name="A & <b>", type="media_outlet"),
                 schema.Source(id="b", name="B", type="media_outlet"),
                 schema.Source(id="c", name="C", type="document")],
        edges=[schema.SourceEdge(source="a", target="b"),
               schema.SourceEdge(source="b", target="a"),
               schema.SourceEdge(source="a", target="zz")])
    svg = str(source_graph_svg(chain))
    assert svg.startswith("<svg") and "A &amp; &lt;b&gt;" in svg and "<b>" not in svg
    assert "Not linked" in svg  # C has no edge
    Page(svg)


# --- terminal --------------------------------------------------------------------------------


def test_terminal_shows_every_section_speaker_and_quote(sample):
    out = terminal_output(sample)
    for name in {speaker_name(q) for q in sample.quotes}:
        assert name in out
    for title in ("Quotes", "Source chain", "Check-worthy claims", "Headline check",
                  "Loaded language", "Entities"):
        assert title in out
    # The notes come in the header, before any section.
    assert out.index("Translated from English.") < out.index("Quotes")
    assert "this article ← Express.co.uk ← CNN ← un appel intercepté" in out
    assert "not supported" in out and "mutinerie" in out
    wide = terminal_output(sample, width=2000)
    for quote in sample.quotes:
        assert quote.text in wide


def test_terminal_says_when_sections_are_empty_and_ignores_markup_in_text():
    text = "Titre [bold]gras[/bold]\n\nRien à signaler :smile: ici."
    meta = schema.ArticleMeta(id="x", language="fr", word_count=6,
                              headline=span_of(text, "Titre [bold]gras[/bold]"))
    out = terminal_output(schema.Analysis(article=meta, text=text))
    assert "Titre [bold]gras[/bold]" in out
    for message in ("no quotes found", "no sources found", "no check-worthy claims found",
                    "the headline was not checked", "no loaded language found",
                    "no named entities found"):
        assert message in out


def test_plain_text_has_no_colour_codes(sample):
    text = render(sample, "text")
    assert "\x1b[" not in text
    assert "Erin Burnett" in text and text.endswith("\n")
    assert all(line == line.rstrip() for line in text.splitlines())


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_has_every_quote_escaped(sample):
    from recoupe.render.markdown import escape_md

    md = render(sample, "md")
    for quote in sample.quotes:
        assert escape_md(quote.text) in md
    assert r"p\*\*\*\*\*\*" in md
    for title in ("## Quotes (9)", "## Source chain", "## Check-worthy claims (3)",
                  "## Headline check", "## Loaded language", "## Entities"):
        assert title in md
    assert md.index("Translated from English.") < md.index("## Quotes")


def test_markdown_escapes_hostile_text_and_keeps_tables_whole():
    md = render(hostile_analysis(), "md")
    assert not re.search(r"(?<!\\)<", md)  # every "<" escaped
    assert r"\<script\>" in md and r"\[bold red\]" in md and r"\*ça\*" in md
    assert "<javascript:" not in md  # the url is shown, not linked
    rows = [line for line in md.splitlines() if line.startswith("| ") and "Le maire" in line]
    assert rows
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6  # 5 columns


def test_markdown_escape_handles_line_starts():
    from recoupe.render.markdown import escape_md

    assert escape_md("- pas une liste", line_start=True) == r"\- pas une liste"
    assert escape_md("1. pas une liste", line_start=True) == r"1\. pas une liste"
    assert escape_md("# titre\n_et_ `code`") == r"\# titre \_et\_ \`code\`"


# --- HTML --------------------------------------------------------------------------------


def test_html_highlights_every_quote_in_its_speaker_colour(sample):
    html = render(sample, "html")
    page = Page(html)
    colors = speaker_colors(sample.quotes)
    marks = page.find("mark", "rd-q")
    assert marks
    for mark in marks:
        color = colors[mark["attrs"]["data-speaker"]]
        assert color.ink in mark["attrs"]["style"] and color.tint in mark["attrs"]["style"]
    ordered = sorted(sample.quotes, key=lambda q: q.start)
    for number, quote in enumerate(ordered, 1):
        assert quote_texts_in_page(page, f"q{number}") == quote.text
    assert sorted(legend_names(page)) == sorted({speaker_name(q) for q in sample.quotes})


def legend_names(page: Page) -> list[str]:
    return [e["text"] for e in page.find("span", "rd-legend-name")]


def test_html_keeps_the_article_text_whole(sample):
    page = Page(render(sample, "html"))
    shown = [p["text"] for p in page.find("p", "rd-p")]
    assert shown == [line for line in sample.text.split("\n") if line.strip()]
    classes = [p["attrs"]["class"] for p in page.find("p", "rd-p")]
    assert classes[0] == "rd-p rd-p-headline" and classes[-1] == "rd-p rd-p-credit"
    assert set(classes[1:-1]) == {"rd-p"}


def test_html_is_self_contained_and_links_resolve(sample):
    html = render(sample, "html")
    page = Page(html)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    for element in page.elements:
        assert "src" not in element["attrs"], element
        href = element["attrs"].get("href")
        if href is None:
            continue
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert href == sample.article.url
    assert "@import" not in html and "url(" not in html.replace("url(#rc-arrow)", "")
    for anchor in ("q1", "c1", "l1", "u1", "a1", "ev1", "e1", "s2"):
        assert anchor in ids
    assert html.count("<script") == 1  # ours, inline


def test_html_escapes_hostile_article_text():
    analysis = hostile_analysis()
    html = render(analysis, "html")
    page = Page(html)
    assert html.count("<script") == 1
    assert "<img" not in html and "evil.example\">" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not [e for e in page.elements if e["tag"] in ("img", "iframe", "object")]
    assert not [e for e in page.elements if any(k.startswith("on") for k in e["attrs"])]
    for element in page.elements:
        href = element["attrs"].get("href")
        assert href is None or href.startswith("#"), href  # the javascript: url is text
    assert quote_texts_in_page(page, "q1") == analysis.quotes[0].text
    assert "&lt;script&gt;x&lt;/script&gt;" in html  # a source name, in the SVG


def test_html_graph_only_when_there_are_sources(sample):
    assert "<svg" in render(sample, "html")
    text = "Titre\n\nRien."
    bare = schema.Analysis(article=schema.ArticleMeta(id="b", language="fr", word_count=2),
                           text=text)
    html = render(bare, "html")
    assert "<svg" not in html and "No sources found." in html and "No quotes found." in html
    Page(html)


def test_html_nested_and_straddling_spans_stay_well_formed():
    text = "Titre\n\nIl a dit « elle a dit « non » hier » puis « oui ».\nFin."
    outer = span_of(text, "elle a dit « non » hier")
    inner = span_of(text, "non")
    last = span_of(text, "oui")
    claim = span_of(text, "hier » puis « oui ».\nFin", schema.Claim, id="c1",
                    type="statement", score=0.5,
                    asserted_by=schema.AssertedBy(kind="journalist"))
    quotes = [schema.Quote(id=f"q{i}", start=s.start, end=s.end, text=s.text, kind="direct",
                           speaker=schema.Speaker(name=name), confidence=1, rule="t")
              for i, (s, name) in enumerate([(outer, "Il"), (inner, "Elle"), (last, "Il")], 1)]
    analysis = schema.Analysis(
        article=schema.ArticleMeta(id="n", language="fr", word_count=12), text=text,
        quotes=quotes, claims=[claim])
    page = Page(render(analysis, "html"))
    assert quote_texts_in_page(page, "q1") == outer.text
    assert quote_texts_in_page(page, "q2") == "non"
    assert [m["attrs"]["data-speaker"] for m in page.find("mark", "rd-q")
            if "q2" in m["attrs"]["data-refs"]] == ["Elle"]
    claim_text = "".join(e["text"] for e in page.elements
                         if "c1" in (e["attrs"].get("data-refs") or "").split())
    assert claim_text == claim.text.replace("\n", "")


def test_fragment_and_css_for_the_web_app(sample):
    from recoupe.render.html import DOSSIER_CSS, render_dossier_fragment

    fragment = render_dossier_fragment(sample)
    page = Page(fragment)
    assert not page.find("html") and not page.find("head") and not page.find("script")
    assert fragment.lstrip().startswith('<div class="recoupe-dossier"')
    assert isinstance(DOSSIER_CSS, str) and ".recoupe-dossier" in DOSSIER_CSS


# --- saying each thing once, where a reader looks -------------------------------------------


def section_of(out: str, title: str, following: str) -> str:
    """The text of one terminal section, from its rule to the next one's."""
    start = re.search(rf"^ ?{title}\b.*─", out, re.M).start()
    end = re.search(rf"^ ?{following}\b.*─", out[start:], re.M).start() + start
    return out[start:end]


def test_glance_names_the_unsupported_headline_terms(sample):
    from recoupe.render.overview import glance

    assert "unsupported in the headline: «massif», «mutinerie»" in glance(sample)
    assert "«massif», «mutinerie»" in terminal_output(sample)
    assert "«massif», «mutinerie»" in render(sample, "md")
    assert "«massif», «mutinerie»" in render(sample, "html")


def test_headline_findings_and_loaded_summary_are_said_once(sample):
    out = terminal_output(sample)
    md = render(sample, "md")
    page = Page(render(sample, "html"))
    check_card = next(e["text"] for e in page.find("section", "rd-headline-check"))
    for text in (section_of(out, "Headline check", "Loaded language"), md, check_card):
        flat = " ".join(text.split())
        # A note that restates an explanation, or only names an unsupported term, is gone;
        # a note that says something new stays.
        assert flat.count("One soldier in one call says people leave") == 1
        assert "has no support in the body" not in flat
        assert "The headline is stronger than its single source." in flat
        # Each unsupported term once, with its reason, under the assertion it belongs to.
        assert flat.count("the body reports one call") == 1
        assert flat.count("never mentioned in the body") == 1
    loaded = " ".join(section_of(out, "Loaded language", "Entities").split())
    assert loaded.count("10.1 per 1,000 words") == 1
    assert loaded.count(sample.loaded_language.summary) == 1
    md_loaded = md[md.index("## Loaded language"):md.index("## Entities")]
    assert md_loaded.count("10.1 per 1,000 words") == 1
    html_loaded = next(e["text"] for e in page.find("section", "rd-loaded"))
    assert html_loaded.count("per 1,000 words") == 1


def test_closest_sentence_of_an_unsupported_assertion_is_not_shown_as_support(sample):
    lead = " ".join(LEAD.split()[:6])
    out = section_of(terminal_output(sample, width=2000), "Headline check", "Loaded language")
    closest = next(line for line in out.splitlines() if lead in line)
    assert "closest body sentence:" in closest and "↳" not in closest
    supporting = next(line for line in out.splitlines() if "Ils partent" in line)
    assert "↳" in supporting and "closest" not in supporting
    md = render(sample, "md")
    assert re.search(r"_closest body sentence \(not support\):_ “Selon un appel", md)
    assert re.search(r"evidence: “Ils partent", md)
    page = Page(render(sample, "html"))
    closest_lists = page.find("ul", "rd-evidence-closest")
    assert len(closest_lists) == 1 and lead in closest_lists[0]["text"]
    assert [e["text"] for e in page.find("p", "rd-evidence-label")] == [
        "Closest body sentence (not support):"]
    # Without evidence, nothing is shown under it: "no evidence" is for a partial match.
    bare = sample.model_copy(deep=True)
    bare.headline_check.assertions[1].evidence = []
    from recoupe.render.html import render_dossier_fragment

    for text in (terminal_output(bare), render(bare, "md"), render_dossier_fragment(bare)):
        assert "closest body sentence" not in text.casefold()
        assert "no evidence in the body" not in text.casefold()


def test_terminal_lays_quotes_out_for_its_width(desertion):
    narrow = terminal_output(desertion, width=80)
    wide = terminal_output(desertion, width=130)
    assert max(len(line) for line in narrow.splitlines()) <= 80
    lines = narrow.splitlines()
    quotes = section_of(narrow, "Quotes", "Source chain").splitlines()
    for number, quote in enumerate(sorted(desertion.quotes, key=lambda q: (q.start, q.end)), 1):
        name = speaker_name(quote)
        # At 80 columns the speaker, with the cue, is on a line of its own above the words,
        # which take the whole width: the quote's first words open the next line.
        head = next(i for i, line in enumerate(quotes)
                    if re.match(rf"^ +{number} {re.escape(name)}\b", line))
        if quote.cue:
            assert quote.cue.text in quotes[head]
        first_words = " ".join(quote.text.split()[:3])
        assert first_words in quotes[head + 1]
    # On a wide terminal, speakers are a column beside the quotes.
    assert re.search(r"^ *# +speaker +quote", wide, re.M)
    assert not re.search(r"^ *# +speaker", narrow, re.M)
    # Dense: the 80-column dossier of the founding example used to take 224 lines.
    assert len(lines) < 170, len(lines)


ENGLISH = ("Russian troops discuss mass exodus from front line in leaked calls\n"
           "According to an intercepted call from the front line, Russians are discussing a "
           "mass desertion from Vladimir Putin's military forces, as the Kremlin chief "
           "struggles to keep control of his own troops.\n"
           "\"They are leaving, they are leaving, people are leaving,\" a soldier told his "
           "mother, according to CNN.\n")


def test_a_non_french_article_says_so_up_front_and_in_every_section():
    import recoupe

    analysis = recoupe.analyze({"id": "english", "text": ENGLISH})
    assert analysis.article.language == "en" and analysis.notes
    out = terminal_output(analysis, width=100)
    md = render(analysis, "md")
    page = Page(render(analysis, "html"))
    header = out[:out.index("Quotes")]
    assert "not analysed: article in English (en)" in header
    assert " ".join(analysis.notes[0].split()[:6]) in " ".join(header.split())
    assert out.count("not analysed (article not in French)") == 6
    assert md.index("> ⚠️ **Note:**") < md.index("## Quotes")
    assert "not analysed: article in English (en)" in md[:md.index("## Quotes")]
    assert md.count("_Not analysed (article not in French)._") == 6
    notes = page.find("aside", "rd-notes")
    assert notes and notes[0] in [e for e in page.elements
                                  if e["tag"] == "aside"]  # inside the header, first thing
    assert page.elements.index(notes[0]) < page.elements.index(page.find("section")[0])
    empties = [e["text"] for e in page.find("p", "rd-empty")]
    assert empties == ["Not analysed (article not in French)."] * 6
    for text in (out, md, render(analysis, "html")):
        for phrase in ("no quotes found", "no sources found", "0 quotes", "0 sources",
                       "was not checked"):
            assert phrase not in text.casefold()
    assert not page.find("span", "rd-count")


FRENCH_WORDS = {"le", "la", "les", "des", "du", "une", "et", "est", "pas", "aucun", "aucune",
                "citation", "citations", "titre", "selon", "affirmation", "terme", "termes",
                "entités", "personnes", "lieux", "non", "oui", "voir", "mots"}


def test_html_interface_is_english_and_article_text_is_marked_french(sample):
    page = Page(render(sample, "html"))
    assert page.find("html")[0]["attrs"]["lang"] == "en"
    assert page.find("div", "recoupe-dossier")[0]["lang"] == "en"
    for tag, cls in (("h1", "rd-title"), ("div", "rd-text"), ("mark", "rd-q"),
                     ("blockquote", None), ("strong", "rd-speaker"), ("span", "rd-mention"),
                     ("a", "rd-claim-text"), ("a", "rd-assertion"), ("span", "rd-legend-name"),
                     ("a", "rd-term")):
        found = page.find(tag, cls)
        assert found, (tag, cls)
        assert {e["lang"] for e in found} == {"fr"}, (tag, cls)
    for quote in sample.quotes:
        holders = [e for e in page.elements if quote.text in e["text"] and e["lang"] == "fr"]
        assert holders, quote.text
    # What is not marked as the article's is the interface, and it speaks English. (An
    # element's text holds its children's: the article's words are taken out.)
    def words(lang: str) -> set[str]:
        return {w for e in page.elements if e["lang"] == lang
                for w in re.findall(r"[a-zà-ÿ]+", e["text"].casefold())}

    assert not (words("en") - words("fr")) & FRENCH_WORDS


# --- the real thing ---------------------------------------------------------------------


def test_real_analysis_renders_in_every_format(desertion):
    from recoupe.render.markdown import escape_md

    page = Page(render(desertion, "html"))
    ordered = sorted(desertion.quotes, key=lambda q: (q.start, q.end))
    for number, quote in enumerate(ordered, 1):
        assert quote_texts_in_page(page, f"q{number}") == quote.text
    names = {speaker_name(q) for q in desertion.quotes}
    assert sorted(legend_names(page)) == sorted(names)
    md = render(desertion, "md")
    wide = terminal_output(desertion, width=2000)
    for quote in desertion.quotes:
        assert escape_md(quote.text) in md
        assert " ".join(quote.text.split()) in " ".join(wide.split())
    for name in names:
        assert name in terminal_output(desertion)
    assert render(desertion, "json").startswith("{")


def test_unknown_format_is_refused(sample):
    with pytest.raises(ValueError):
        render(sample, "pdf")
