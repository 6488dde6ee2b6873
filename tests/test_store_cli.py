"""The store's commands, run through the real ``recoupe`` app on a real database."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe import schema
from recoupe.cli import app
from recoupe.core import analyze
from recoupe.store import Store
from recoupe.web import create_app
from web_fixtures import LiveServer

runner = CliRunner()
PRESS = ("Conférence de presse à Paris\n\n"
         "« L'hôpital manque de bras », a déclaré la ministre Agnès Buzyn mardi.")


def press_analysis() -> schema.Analysis:
    """A real analysis with one quote set by hand and no claim, whatever the extractors
    find."""
    analysis = analyze({"id": "press", "text": PRESS, "date": "2024-02-01"})
    text = "L'hôpital manque de bras"
    start, at = PRESS.index(text), PRESS.index("Agnès Buzyn")
    quote = schema.Quote(
        id="q1", kind="direct", text=text, start=start, end=start + len(text),
        cue=schema.Cue(text="a déclaré", start=PRESS.index("a déclaré"),
                       end=PRESS.index("a déclaré") + len("a déclaré")),
        speaker=schema.Speaker(text="Agnès Buzyn", start=at, end=at + len("Agnès Buzyn"),
                               name="Agnès Buzyn"),
        confidence=0.95, rule="test")
    return analysis.model_copy(update={"quotes": [quote], "claims": []})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared_dir) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("cli")
    source = shared_dir / "corpora" / "wikinews-fr.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:3]
    path = folder / "three.jsonl"
    path.write_text("\n".join(lines + ['{"id": 5}']) + "\n", encoding="utf-8")
    return path, folder / "recoupe.db", [json.loads(line)["id"] for line in lines]


@pytest.fixture(scope="module")
def db(corpus) -> Path:
    path, db, _ = corpus
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    # One line of the file is not an article: recorded, reported, exit code 1.
    assert result.exit_code == 1, result.output
    assert "3 stored, 0 already stored (skipped), 1 failed" in result.stderr
    with Store(db) as store:
        assert store.add(press_analysis())
    return db


def test_ingest_again_stores_nothing_twice(corpus, db):
    path, _, _ = corpus
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert "0 stored, 3 already stored (skipped), 1 failed" in result.stderr
    assert "recoupe errors" in result.stderr


def test_search_json_is_accent_insensitive(db):
    result = runner.invoke(app, ["search", "hopital", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["total"], data["limit"], data["offset"]) == (2, 20, 0)
    quote, article = data["items"]
    assert (quote["kind"], quote["speaker"], quote["quote_id"]) == ("quote", "Agnès Buzyn", "q1")
    assert quote["snippet"] == "L'[hôpital] manque de bras"
    assert (article["kind"], article["article_id"]) == ("article", "press")


def test_search_text_output_and_filters(db):
    result = runner.invoke(app, ["search", "hopital", "--kind", "quote", "--db", str(db)])
    assert result.exit_code == 0
    assert "[hôpital]" in result.stdout and "Agnès Buzyn" in result.stdout
    assert "1–1 of 1 results" in result.stderr
    result = runner.invoke(app, ["search", "", "--speaker", "agnes buzyn", "--since",
                                 "2024-01-01", "--json", "--db", str(db)])
    assert {r["article_id"] for r in json.loads(result.stdout)["items"]} == {"press"}
    result = runner.invoke(app, ["search", "x", "--since", "soon", "--db", str(db)])
    assert result.exit_code == 2 and "unreadable date" in result.stderr


def test_read_commands_refuse_a_missing_database(tmp_path):
    missing = tmp_path / "nope.db"
    for args in (["search", "x"], ["people"], ["show", "a"], ["export", "-f", "jsonl"],
                 ["errors"]):
        result = runner.invoke(app, [*args, "--db", str(missing)])
        assert result.exit_code == 2, args
        assert "no database" in result.stderr
    assert not missing.exists()


def test_people(db):
    result = runner.invoke(app, ["people", "--db", str(db), "--json"])
    data = json.loads(result.stdout)
    assert data["total"] == len(data["items"]) >= 1
    buzyn = next(p for p in data["items"] if p["id"] == "agnes-buzyn")
    assert buzyn | {"variants": None} == {
        "id": "agnes-buzyn", "name": "Agnès Buzyn", "n_quotes": 1, "n_articles": 1,
        "kind": "person", "variants": None}
    table = runner.invoke(app, ["people", "--db", str(db)])
    assert table.exit_code == 0 and "Agnès Buzyn" in table.stdout
    assert "kind" in table.stdout and "person" in table.stdout


def test_people_kind_filter(db):
    with Store(db) as store:
        kinds = {p["kind"] for p in store.people(limit=1000)[0]}
    for kind in ("person", "organisation", "document", "other"):
        result = runner.invoke(app, ["people", "--kind", kind, "--json", "--db", str(db)])
        assert result.exit_code == 0, result.output
        items = json.loads(result.stdout)["items"]
        assert {p["kind"] for p in items} == ({kind} if kind in kinds else set())
    wrong = runner.invoke(app, ["people", "--kind", "robot", "--db", str(db)])
    assert wrong.exit_code == 2


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


def test_json_listings_have_the_shape_of_the_http_api(db):
    """One parser reads ``recoupe search --json`` and ``GET /api/search`` alike."""
    with LiveServer(create_app(db, warm_up=False)) as server:
        for command, path in ((["search", "hopital"], "/api/search?q=hopital"),
                              (["search", "", "--limit", "2", "--offset", "1"],
                               "/api/search?limit=2&offset=1"),
                              (["people", "--limit", "20"], "/api/people")):
            result = runner.invoke(app, [*command, "--json", "--db", str(db)])
            assert result.exit_code == 0, result.output
            from_cli, from_api = json.loads(result.stdout), _get_json(server.url + path)
            assert from_cli == from_api, command
            assert list(from_cli) == ["total", "limit", "offset", "items"]
            assert from_cli["items"], command


def test_one_line_errors_do_not_wrap(tmp_path):
    # Longer than the 80 columns a terminal (or CliRunner) gives rich.
    missing = tmp_path / ("a-rather-long-folder-name-" * 2) / "missing.db"
    result = runner.invoke(app, ["people", "--db", str(missing)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line == (f"error no database at {missing}: create one with "
                    f"`recoupe ingest FILES --db {missing}`")
    assert len(line) > 80


def test_show_json_is_the_stored_analysis(db, corpus):
    _, _, ids = corpus
    result = runner.invoke(app, ["show", ids[0], "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert schema.Analysis.model_validate_json(result.stdout) == store.get(ids[0])
    missing = runner.invoke(app, ["show", "no-such-id", "--db", str(db)])
    assert missing.exit_code == 1 and "no article" in missing.stderr


@pytest.mark.parametrize("fmt, module", [("md", "recoupe.render.markdown"),
                                         ("html", "recoupe.render.html"),
                                         ("text", "recoupe.render.terminal")])
def test_show_renders_through_the_renderers(db, fmt, module):
    pytest.importorskip(module)
    result = runner.invoke(app, ["show", "press", "--format", fmt, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "hôpital" in result.stdout or "h&ocirc;pital" in result.stdout


def test_export_jsonl_parses_back(db, tmp_path):
    out = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    analyses = [schema.Analysis.model_validate_json(line)
                for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(analyses) == 4 and analyses[-1].article.id == "press"
    assert "4 analyses exported" in result.stderr


def test_export_csv_has_one_row_per_quote(db):
    result = runner.invoke(app, ["export", "--format", "csv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    with Store(db) as store:
        assert len(rows) == store.stats()["quotes"]
    [row] = [r for r in rows if r["article_id"] == "press"]
    assert (row["article_id"], row["speaker"], row["kind"], row["quote_id"]) == \
        ("press", "Agnès Buzyn", "direct", "q1")
    assert PRESS[int(row["start"]):int(row["end"])] == row["text"] == "L'hôpital manque de bras"
    assert row["cue"] == "a déclaré"


def test_errors_lists_the_bad_line(db, corpus):
    path, _, _ = corpus
    result = runner.invoke(app, ["errors", "--json", "--db", str(db)])
    assert result.exit_code == 0
    [error] = json.loads(result.stdout)
    assert error["origin"] == f"{path}:4" and "text" in error["message"]
    table = runner.invoke(app, ["errors", "--db", str(db)])
    assert table.exit_code == 0 and "1 errors" in table.stderr
