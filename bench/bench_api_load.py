"""Load check of the JSON API: N analyses through POST /api/analyze, C at a time.

Starts ``python -m recoupe.web`` on loopback with a fresh store, waits for the model to
load, then sends varied Wikinews articles (spread over the whole corpus, so short and
long ones alike) from C client threads. Bounded in count and in time; only loopback.
Prints latency percentiles and throughput; exits 1 on any error or on the deadline.

    .venv/bin/python bench/bench_api_load.py            # 200 requests, 8 at a time
    .venv/bin/python bench/bench_api_load.py -n 40 -c 4
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import WIKINEWS, load_articles, markdown_table, word_total  # noqa: E402

HOST = "127.0.0.1"  # loopback only, never anything else


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def pick_articles(n: int, path: Path) -> list[dict]:
    """``n`` articles spread evenly over the corpus (repeating it if ``n`` is larger)."""
    corpus = load_articles(path=path)
    step = max(1, len(corpus) // n)
    return [corpus[(i * step) % len(corpus)] for i in range(n)]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "recoupe.web", "--db", str(db), "--host", HOST,
               "--port", str(port)]
    return subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT)


def wait_ready(client: httpx.Client, server: subprocess.Popen, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            if client.get("/api/articles", params={"limit": 1}).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not ready within {timeout:.0f} s")


def post(client: httpx.Client, article: dict) -> tuple[float, int, str]:
    started = time.perf_counter()
    try:
        response = client.post("/api/analyze", json={
            "text": article["text"], "title": article.get("title"), "url": article.get("url")})
        status, detail = response.status_code, "" if response.is_success else response.text[:200]
    except httpx.HTTPError as error:
        status, detail = 0, f"{type(error).__name__}: {error}"
    return time.perf_counter() - started, status, detail


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--requests", type=int, default=200)
    parser.add_argument("-c", "--concurrency", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=WIKINEWS)
    parser.add_argument("--deadline", type=float, default=1200,
                        help="Seconds allowed for all the requests (default 1200).")
    parser.add_argument("--startup-timeout", type=float, default=180)
    args = parser.parse_args()
    if not 1 <= args.requests <= 2000 or not 1 <= args.concurrency <= 64:
        parser.error("requests must be 1–2000 and concurrency 1–64")

    articles = pick_articles(args.requests, args.corpus)
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        port = free_port()
        server = start_server(Path(tmp) / "bench.db", port, Path(tmp) / "server.log")
        limits = httpx.Limits(max_connections=args.concurrency)
        try:
            with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=300,
                              limits=limits) as client:
                ready = wait_ready(client, server, args.startup_timeout)
                print(f"server ready in {ready:.1f} s (model loaded); sending "
                      f"{len(articles)} analyses, {args.concurrency} at a time", flush=True)
                results, elapsed, late = run(client, articles, args.concurrency, args.deadline)
        except Exception:
            print((Path(tmp) / "server.log").read_text()[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return report(articles, results, elapsed, late, args.concurrency)


def run(client, articles, concurrency, deadline):
    """Send every article, keeping ``concurrency`` in flight, until done or the deadline."""
    results: list[tuple[float, int, str]] = []
    queue = list(articles)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        pending = set()
        while queue or pending:
            while queue and len(pending) < concurrency \
                    and time.perf_counter() - started < deadline:
                pending.add(pool.submit(post, client, queue.pop(0)))
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            results.extend(future.result() for future in done)
    return results, time.perf_counter() - started, len(queue)


def report(articles, results, elapsed, late, concurrency) -> int:
    latencies = [seconds for seconds, status, _ in results if status == 200]
    errors = [(status, detail) for _, status, detail in results if status != 200]
    words = word_total(a["text"] for a in articles)
    rows = [
        ["requests", len(results)], ["concurrency", concurrency], ["errors", len(errors)],
        ["not sent (deadline)", late],
        ["p50 latency (s)", percentile(latencies, 50) if latencies else float("nan")],
        ["p95 latency (s)", percentile(latencies, 95) if latencies else float("nan")],
        ["max latency (s)", max(latencies) if latencies else float("nan")],
        ["mean latency (s)", statistics.fmean(latencies) if latencies else float("nan")],
        ["wall time (s)", elapsed],
        ["throughput (req/s)", len(results) / elapsed if elapsed else 0.0],
        ["throughput (words/s)", words / elapsed if elapsed and not late else 0.0],
    ]
    print(markdown_table(["measure", "value"], rows))
    for status, detail in errors[:5]:
        print(f"error {status}: {detail}", file=sys.stderr)
    return 1 if errors or late else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
