"""The `recoupe analyze` and `recoupe schema` commands, as a user runs them."""

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from recoupe.cli import app

ROOT = Path(__file__).resolve().parent.parent
DESERTION = ROOT / "examples" / "russian-troops-desertion.txt"
runner = CliRunner()


def test_json_output_is_the_schema_and_offsets_hold():
    result = runner.invoke(app, ["analyze", str(DESERTION), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert data["article"]["id"] == "russian-troops-desertion"
    assert data["article"]["credited_source"] == "Express.co.uk"
    text = data["text"]
    assert text == DESERTION.read_text(encoding="utf-8")
    for paragraph in data["paragraphs"]:
        assert text[paragraph["start"]:paragraph["end"]] == paragraph["text"]


def test_every_format_renders(tmp_path):
    for fmt, needle in [("md", "Poutine"), ("html", "<html"), ("jsonl", '"schema_version"'),
                        ("text", "Poutine")]:
        target = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["analyze", str(DESERTION), "--format", fmt, "-o", str(target)])
        assert result.exit_code == 0, (fmt, result.output)
        assert needle in target.read_text(encoding="utf-8"), fmt


def test_folder_to_directory_one_file_per_article(tmp_path):
    result = runner.invoke(app, ["analyze", str(ROOT / "examples"), "--format", "json",
                                 "-o", str(tmp_path / "reports"), "--no-progress"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert "russian-troops-desertion.json" in names
    assert "2016_08_06-007.json" in names  # the HTML example
    assert "2016_07_29-003.json" in names  # a record of the JSON Lines example
    assert "8 analysed, 0 failed" in result.stderr


def test_bad_inputs_are_reported_by_name_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "good.txt").write_text("Titre\n\nLe maire a parlé hier soir.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 1
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["good"]
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert "1 analysed, 2 failed" in result.stderr


def test_stdin_and_missing_file_in_a_real_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "recoupe.cli", "analyze", "-", "--format", "jsonl"],
                          input="Titre\n\nLa ministre a répondu aux députés.", text=True,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["headline"]["text"] == "Titre"
    proc = subprocess.run([sys.executable, "-m", "recoupe.cli", "analyze", str(tmp_path / "nope.txt")],
                          text=True, capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr and "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_schema_command_prints_a_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Analysis"
    assert {"article", "text", "quotes", "sources", "claims", "headline_check"} <= set(schema["properties"])


def test_output_path_ending_in_a_slash_is_a_folder_even_for_one_input(tmp_path):
    target = tmp_path / "reports"
    result = runner.invoke(app, ["analyze", str(DESERTION), "--format", "html", "-o", f"{target}/"])
    assert result.exit_code == 0, result.output
    assert (target / "russian-troops-desertion.html").is_file()


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.run(f"'{sys.executable}' -m recoupe.cli analyze '{ROOT / 'examples'}' "
                          "--format jsonl --no-progress | head -c 10", shell=True,
                          capture_output=True, text=True, timeout=300)
    assert proc.stdout == '{"schema_v'
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
