"""``recoupe evaluate``: matching, speaker comparison, scores, and the command."""

import json

import pytest
from typer.testing import CliRunner

from recoupe import schema
from recoupe.cli import app
from recoupe.evaluate.gold import GoldArticle, GoldError, GoldQuote, gold_kind, quote_articles
from recoupe.evaluate.matching import LOOSE, STRICT, covers, match_spans
from recoupe.evaluate.names import normalise_name, same_name
from recoupe.evaluate.quotes import QuoteScores, score_article
from recoupe.evaluate.report import format_report

# --- matching -------------------------------------------------------------------------


def test_loose_and_strict_thresholds():
    gold = (0, 100)
    assert covers(gold, (0, 40), LOOSE)  # 40 % of both
    assert not covers(gold, (0, 40), STRICT)
    assert covers(gold, (5, 95), STRICT)
    assert not covers(gold, (0, 1000), LOOSE)  # covers the gold, but 10 % of the prediction


def test_matching_is_one_to_one_and_greedy_by_overlap():
    gold = [(0, 100), (200, 300)]
    predicted = [(10, 100), (0, 60), (200, 290)]
    # (0, 100) takes (10, 100), the larger overlap; (0, 60) is left unmatched.
    assert match_spans(gold, predicted, LOOSE) == [(0, 0), (1, 2)]


def test_no_pair_without_overlap():
    assert match_spans([(0, 10)], [(10, 20)], LOOSE) == []


# --- names ------------------------------------------------------------------------------


def test_normalised_names_fold_case_accents_and_determiners():
    assert normalise_name("L'Élysée") == "elysee"
    assert normalise_name("la mère du soldat") == "mere soldat"


@pytest.mark.parametrize("gold, predicted, same", [
    ("Vladimir Poutine", "Poutine", True),
    ("la mère du soldat", "sa mère", True),
    ("un soldat russe", "un soldat russe furieux", True),
    ("Bruno Le Roux", "le ministre de l'Intérieur", False),
    (None, None, True),
    (None, "Jean Dupont", False),
    ("Jean Dupont", None, False),
])
def test_same_name(gold, predicted, same):
    assert same_name(gold, predicted) is same


# --- scores -------------------------------------------------------------------------------

TEXT = "Jean Dupont a déclaré : « Nous partirons. » Selon lui, la ville est prête."


def gold_quote(start, end, speaker=None, canonical=None, kind="direct"):
    sp_start, sp_end = (TEXT.index(speaker), TEXT.index(speaker) + len(speaker)) if speaker \
        else (None, None)
    return GoldQuote(start, end, TEXT[start:end], kind, sp_start, sp_end, speaker,
                     canonical, None)


def predicted(start, end, speaker=None, name=None, kind="direct"):
    if speaker:
        s = TEXT.index(speaker)
        sp = schema.Speaker(text=speaker, start=s, end=s + len(speaker), name=name)
    else:
        sp = schema.Speaker(name=name)
    return schema.Quote(id="q", kind=kind, start=start, end=end, text=TEXT[start:end],
                        speaker=sp, confidence=0.9, rule="test")


def test_scores_count_matches_speakers_and_kinds():
    direct = (TEXT.index("Nous"), TEXT.index("partirons.") + len("partirons."))
    indirect = (TEXT.index("la ville"), len(TEXT) - 1)
    article = GoldArticle("a", TEXT, [
        gold_quote(*direct, "Jean Dupont", "Jean Dupont"),
        gold_quote(*indirect, "lui", "Jean Dupont", kind="indirect"),
    ])
    quotes = [
        predicted(*direct, "Jean Dupont", "Dupont"),
        predicted(indirect[0], indirect[1], "Jean Dupont", "Jean Dupont", kind="mixed"),
        predicted(0, 11),  # a false alarm
    ]
    scores = QuoteScores()
    score_article(article, quotes, scores)
    assert (scores.loose.gold, scores.loose.predicted, scores.loose.matched) == (2, 3, 2)
    assert scores.loose.precision == pytest.approx(2 / 3)
    assert scores.loose.recall == 1.0
    assert (scores.speaker.correct, scores.speaker.total) == (1, 2)  # "lui" ≠ "Jean Dupont"
    assert (scores.canonical.correct, scores.canonical.total) == (2, 2)
    assert (scores.kind.correct, scores.kind.total) == (1, 2)
    types = sorted(e.type for e in scores.errors)
    assert types == ["false_alarm", "kind", "speaker"]


def test_a_null_gold_speaker_is_matched_only_by_a_null_speaker():
    span = (TEXT.index("Nous"), TEXT.index("partirons.") + 10)
    article = GoldArticle("a", TEXT, [gold_quote(*span, None, "Jean Dupont")])
    scores = QuoteScores()
    score_article(article, [predicted(*span, None, "Jean Dupont")], scores)
    assert scores.speaker.correct == 1
    scores = QuoteScores()
    score_article(article, [predicted(*span, "Jean Dupont", "Jean Dupont")], scores)
    assert scores.speaker.correct == 0


def test_report_ends_with_the_table():
    scores = QuoteScores()
    article = GoldArticle("a", TEXT, [gold_quote(0, 11)])
    score_article(article, [], scores)
    report = format_report(scores, errors=True).splitlines()
    assert report[0].startswith("MISS")
    assert report[-1].startswith("kind")
    assert any(line.startswith("loose") for line in report[-12:])
    assert any(line.startswith("strict") for line in report[-12:])


# --- gold files -----------------------------------------------------------------------------


def test_gold_kind_dispatch():
    assert gold_kind([{"id": "a", "text": "x", "quotes": []}]) == "quotes"
    assert gold_kind([{"id": "a", "text": "x", "claims": []}]) == "claims"
    assert gold_kind([{"id": "a", "text": "x", "headline": {}}]) == "headline"
    with pytest.raises(GoldError):
        gold_kind([{"id": "a", "text": "x"}])


def test_gold_offsets_are_checked():
    with pytest.raises(GoldError):
        quote_articles([{"id": "a", "text": "abc", "quotes": [
            {"quote_start": 0, "quote_end": 10, "kind": "direct"}]}])


# --- the command ----------------------------------------------------------------------------

ARTICLE = ("Un ministre s'exprime\n\n"
           "Le ministre a déclaré : « Nous partirons demain. » "
           "Selon le syndicat, la grève continuera.")


def gold_record():
    text = ARTICLE
    content = "Nous partirons demain."
    start = text.index(content)
    sp = text.index("Le ministre")
    missed = text.index("la grève continuera")
    return {"id": "one", "text": text, "quotes": [
        {"kind": "direct", "quote": content, "quote_start": start,
         "quote_end": start + len(content), "speaker": "Le ministre", "speaker_start": sp,
         "speaker_end": sp + len("Le ministre"), "speaker_canonical": "le ministre",
         "cue": "a déclaré"},
        {"kind": "indirect", "quote": "la grève continuera", "quote_start": missed,
         "quote_end": missed + len("la grève continuera"), "speaker": "le syndicat",
         "speaker_start": text.index("le syndicat"),
         "speaker_end": text.index("le syndicat") + len("le syndicat"),
         "speaker_canonical": "le syndicat", "cue": "Selon"},
    ]}


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_command_prints_the_table(gold_file):
    result = CliRunner().invoke(app, ["evaluate", str(gold_file)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    loose = next(line for line in lines if line.startswith("loose"))
    assert loose.split()[-4:] == ["1.000", "1.000", "1.000", "2"]
    assert lines[-3].startswith("speaker mention")


def test_evaluate_json(gold_file):
    result = CliRunner().invoke(app, ["evaluate", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["loose"]["matched"] == 2
    assert data["speaker_mention"]["accuracy"] == 1.0
    assert set(data) >= {"strict", "canonical_speaker", "kind"}


def test_evaluate_errors_lists_false_alarms(tmp_path):
    record = gold_record()
    record["quotes"] = record["quotes"][:1]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "FALSE ALARM" in result.output and "la grève continuera" in result.output


def test_evaluate_rejects_a_file_that_is_not_gold(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 2


# --- --against: score saved quotes instead of running the extractor -------------------------

def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_against_a_second_annotation_scores_its_agreement(tmp_path, gold_file):
    second = gold_record()
    kept = second["quotes"][0]
    # The second annotator drops the indirect quote and names the speaker differently.
    second["quotes"] = [dict(kept, speaker_canonical="le porte-parole")]
    other = _write(tmp_path / "second.jsonl", [second])
    result = CliRunner().invoke(app, ["evaluate", str(gold_file), "--against", str(other),
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["loose"]["matched"] == 1 and data["loose"]["recall"] == 0.5
    assert data["loose"]["precision"] == 1.0
    assert data["speaker_mention"]["accuracy"] == 1.0
    assert data["canonical_speaker"]["accuracy"] == 0.0


def test_against_saved_recoupe_output_gives_the_same_scores_as_a_live_run(tmp_path, gold_file):
    saved = tmp_path / "saved.jsonl"
    analysed = CliRunner().invoke(app, ["analyze", str(gold_file), "--format", "jsonl",
                                        "-o", str(saved), "--no-progress"])
    assert analysed.exit_code == 0, analysed.output
    live = CliRunner().invoke(app, ["evaluate", str(gold_file), "--json"])
    stored = CliRunner().invoke(app, ["evaluate", str(gold_file), "--json",
                                      "--against", str(saved)])
    assert stored.exit_code == 0, stored.output
    assert json.loads(stored.output) == json.loads(live.output)


def test_against_names_an_article_whose_text_differs(tmp_path, gold_file):
    other = gold_record()
    other["text"] = other["text"].replace("demain", "bientôt")
    path = _write(tmp_path / "other.jsonl", [other])
    result = CliRunner().invoke(app, ["evaluate", str(gold_file), "--against", str(path)])
    assert result.exit_code == 2
    assert "one: text differs" in result.output


def test_against_counts_a_missing_article_as_a_failure(tmp_path, gold_file):
    empty = _write(tmp_path / "other.jsonl", [{"id": "another", "text": "x", "quotes": []}])
    result = CliRunner().invoke(app, ["evaluate", str(gold_file), "--against", str(empty),
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["failures"] == 1 and data["loose"]["recall"] == 0.0
