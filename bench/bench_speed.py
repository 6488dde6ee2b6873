"""Speed: whole-process recoupe against whole-process bare spaCy, on the same articles.

    python bench/bench_speed.py                  # 300 Wikinews articles, best of 2
    python bench/bench_speed.py --limit 100 --repeat 3
    python bench/bench_speed.py --workers 2      # also recoupe --workers 2
    python bench/bench_speed.py --profile        # in-process: where the time goes
    python bench/bench_speed.py --commit HEAD    # the committed code, not the work tree

Both sides are timed as a user would see them, start-up and model loading included:
(a) ``python -c`` that loads fr_core_news_md, runs ``nlp.pipe`` over the texts (with
recoupe's batch size) and writes one line per doc; (b) ``recoupe analyze ARTICLES.jsonl
--format jsonl -o OUT``. The runs alternate (a, b, a, b, …) so that a busy machine hurts
both alike; the best run counts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, load_articles, markdown_table, word_total  # noqa: E402

BARE_SPACY = """
import json, sys
import spacy
nlp = spacy.load("fr_core_news_md")
with open(sys.argv[1], encoding="utf-8") as lines:
    texts = [json.loads(line)["text"] for line in lines]
batch_size = int(sys.argv[3]) if len(sys.argv) > 3 else None
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.write(f"{len(doc)} {len(doc.ents)}\\n")
"""
# recoupe's batch size (core.BATCH_SIZE), given to bare spaCy too: spaCy's default (256)
# makes it ~30% slower on these articles, which would flatter the ratio.
BATCH_SIZE = 16


def recoupe_command() -> list[str]:
    script = Path(sys.executable).with_name("recoupe")
    return [str(script)] if script.exists() else [sys.executable, "-m", "recoupe.cli"]


def write_articles(articles: list[dict], folder: Path) -> Path:
    """The articles as recoupe reads them: id, title, text; the language is detected."""
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a["id"], "title": a["title"], "text": a["text"]},
                                 ensure_ascii=False) + "\n")
    return path


def export_commit(commit: str, folder: Path) -> Path:
    """The package sources of ``commit``, to measure them while others edit the tree."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "src"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def timed(command: list[str], expected_lines: int, output: Path,
          env=None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, child processes included)."""
    cpu_before = _children_cpu()
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=env)
    elapsed = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    with open(output, encoding="utf-8") as lines:
        produced = sum(1 for _ in lines)
    if produced != expected_lines:
        sys.exit(f"{' '.join(command)} wrote {produced} lines, not {expected_lines}")
    return elapsed, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(articles: list[dict], repeat: int, workers: int, commit: str | None,
            default_batch: bool) -> None:
    words = word_total(a["text"] for a in articles)
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        folder = Path(tmp)
        env = None
        if commit:
            # Sources on PYTHONPATH come before the editable install's.
            env = {**os.environ, "PYTHONPATH": str(export_commit(commit, folder))}
        source = write_articles(articles, folder)
        out = folder / "out.jsonl"
        bare = [sys.executable, "-c", BARE_SPACY, str(source), str(out)]
        runs = {"bare spaCy (a)": [*bare, str(BATCH_SIZE)],
                "recoupe (b)": [*recoupe_command(), "analyze", str(source), "--format",
                                "jsonl", "-o", str(out), "--no-progress"]}
        if default_batch:
            runs["bare spaCy, default batch size"] = bare
        if workers > 1:
            runs[f"recoupe --workers {workers}"] = [*runs["recoupe (b)"], "--workers",
                                                    str(workers)]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, command in runs.items():
                times[name].append(timed(command, len(articles), out, env))
                print(f"  {name}: {times[name][-1][0]:.1f} s", file=sys.stderr, flush=True)
    best = {name: min(t) for name, t in times.items()}  # the run with the best wall time
    rows = [[name, f"{best[name][0]:.1f}", " ".join(f"{t:.1f}" for t, _ in times[name]),
             f"{words / best[name][0]:,.0f}", f"{best[name][1]:.1f}"] for name in runs]
    print(f"{len(articles)} Wikinews articles, {words:,} words, {os.cpu_count()} CPUs; "
          f"whole process, best of {repeat}; recoupe from {commit or 'the work tree'}\n")
    print(markdown_table(["run", "best s", "runs s", "words/s", "CPU s"], rows))
    bare = best["bare spaCy (a)"]
    single = best["recoupe (b)"]
    print(f"\nratio recoupe/bare, single process: {bare[0] / single[0]:.2f} in words/s "
          f"(wall clock), {bare[1] / single[1]:.2f} in CPU time")
    if workers > 1:
        name = f"recoupe --workers {workers}"
        print(f"ratio {name}/bare: {bare[0] / best[name][0]:.2f} in words/s (wall clock)")


# --- in-process profile -------------------------------------------------------------------


def profile(articles: list[dict], batch_size: int) -> None:
    """Time every stage of an analysis in one process, stage by stage over all texts."""
    stages: list[tuple[str, float]] = []

    def stage(name: str, began: float) -> None:
        stages.append((name, time.perf_counter() - began))

    began = time.perf_counter()
    import recoupe.cli  # noqa: F401  (what the command line imports before any work)
    stage("import recoupe.cli", began)
    from recoupe import core, schema
    from recoupe.language import detect_language
    from recoupe.pipeline import get_pipeline
    from recoupe.text import normalize_for_model

    began = time.perf_counter()
    nlp = get_pipeline()
    stage("load pipeline", began)

    records = [core.to_input({"id": a["id"], "title": a["title"], "text": a["text"]}, i)
               for i, a in enumerate(articles)]
    texts = [core.analysed_text(r) for r in records]
    began = time.perf_counter()
    languages = [detect_language(t) for t in texts]
    stage("language detection", began)

    began = time.perf_counter()
    docs = []
    for text in texts:
        doc = nlp.make_doc(normalize_for_model(text))
        doc._.source_text = text
        docs.append(doc)
    stage("tokenizer", began)
    for name, proc in nlp.pipeline:
        began = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        stage(name, began)

    began = time.perf_counter()
    analyses = [core.analysis_from_doc(doc, r, lang, conf, [])
                for doc, r, (lang, conf) in zip(docs, records, languages)]
    stage("Analysis objects", began)
    began = time.perf_counter()
    size = sum(len(a.model_dump_json()) for a in analyses)
    stage("JSON output", began)
    assert all(isinstance(a, schema.Analysis) for a in analyses)

    words = word_total(texts)
    work = sum(t for name, t in stages if name not in {"import recoupe.cli", "load pipeline"})
    rows = [[name, f"{t:.2f}",
             "" if name in {"import recoupe.cli", "load pipeline"} else f"{100 * t / work:.1f}",
             "" if name in {"import recoupe.cli", "load pipeline"} else f"{words / t:,.0f}"]
            for name, t in stages]
    print(f"{len(articles)} articles, {words:,} words, {size / 1e6:.1f} MB of JSON; "
          f"in-process, batch size {batch_size}\n")
    print(markdown_table(["stage", "s", "% of work", "words/s"], rows))
    print(f"\nall work (no start-up): {work:.2f} s, {words / work:,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="Articles (default 300).")
    parser.add_argument("--repeat", type=int, default=2, help="Runs of each (best counts).")
    parser.add_argument("--workers", type=int, default=1,
                        help="Also time recoupe --workers N (reported apart).")
    parser.add_argument("--bare-default-batch", action="store_true",
                        help="Also time bare spaCy with nlp.pipe's default batch size.")
    parser.add_argument("--profile", action="store_true",
                        help="Time each stage in-process instead.")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help="Batch size for --profile (recoupe's own default: 16).")
    parser.add_argument("--commit", metavar="REV",
                        help="Measure the sources of this commit (git archive), not the "
                             "work tree, which other people may be editing.")
    args = parser.parse_args()
    articles = load_articles(0, args.limit)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
            if args.commit:
                sys.path.insert(0, str(export_commit(args.commit, Path(tmp))))
            profile(articles, args.batch_size)
    else:
        compare(articles, args.repeat, args.workers, args.commit, args.bare_default_batch)


if __name__ == "__main__":
    main()
