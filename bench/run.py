"""``make bench``: the engines at 10k, 100k and 1M passages, against the scaling goals.

Two kinds of generated corpus (``bench.corpus``): English with real word
frequencies at 10k, 100k and 1M passages, and the ``frequent`` style (archive
words in most passages, questions full of them) at 100k and 1M.

For each corpus and engine, one process builds and saves the index and a fresh
one loads it and answers the questions through the full answer path (analysis,
ranking, sentence choice: what ``Library.answer`` runs). rank-bm25 answers
every question up to 100k passages and a sample at 1M, where each answer takes
about a second; it is not run on the frequent-word corpora. At 100k and 1M,
``bench.peers`` also ranks the same tokens with bm25s and tantivy in one
process. Writes ``bench/results.json`` and ``bench/latency.png``; prints every
goal beside its figure.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.bot_throughput import CHATS
from bench.bot_throughput import QUESTIONS as BOT_QUESTIONS
from bench.corpus import GENERATOR_VERSION, write_corpus
from bench.goals import Goal, check_goals
from bench.peers import ENGINES as PEER_ENGINES
from bench.peers import TOP as PEERS_TOP
from bench.plot import plot_latency
from bench.startup import measure_startup

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
SIZES = {
    "10k": 10_000,
    "100k": 100_000,
    "1m": 1_000_000,
    "100k-frequent": 100_000,
    "1m-frequent": 1_000_000,
}
PASSAGES_PER_ARTICLE = 8  # the generator's mean: 4-12 paragraphs of one passage each
ENGINES = ("bm25s", "rank-bm25")
PEERS_FROM = 100_000
"""Corpora this large are also ranked by bm25s and tantivy (``bench.peers``)."""
QUESTIONS = 250
SAMPLED_QUESTIONS = {("rank-bm25", "1m"): 25}
LONG_SERVING = 3000
"""Further questions answered before memory is read again: what answering keeps for reuse
(passage readings, sentence parses, word vectors) grows over the first few thousand."""
SEED = 2024


def prepare(label: str, passages: int) -> Path:
    """The generated corpus for ``label``, made once and reused while the generator is unchanged."""
    root = CORPORA / label
    frequent = is_frequent(label)
    articles = passages // PASSAGES_PER_ARTICLE
    stamp = {
        "generator": GENERATOR_VERSION,
        "articles": articles,
        "style": "frequent" if frequent else "english",
    }
    stamp_file = root / "corpus.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == stamp:
        return root
    shutil.rmtree(root, ignore_errors=True)
    say(f"generating the {label} corpus ({articles:,} articles)")
    questions = write_corpus(root / "articles", articles, SEED + passages, frequent=frequent)
    (root / "questions.json").write_text(json.dumps([asdict(q) for q in questions[:QUESTIONS]]))
    stamp_file.write_text(json.dumps(stamp))
    return root


def measure(
    step: str, root: Path, engine: str, limit: int = 0, key: str = "", long_serving: int = 0
) -> dict[str, Any]:
    cache = root / f"cache-{engine}"
    if step == "build":
        shutil.rmtree(cache, ignore_errors=True)
    command = [
        sys.executable, "-m", "bench.measure", step, "--engine", engine,
        "--corpus", str(root / "articles"), "--cache", str(cache),
        "--questions", str(root / "questions.json"), "--limit", str(limit), "--key", key,
        "--long-serving", str(long_serving),
    ]  # fmt: skip
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=BENCH.parent)
    result: dict[str, Any] = json.loads(done.stdout)
    if step == "build":
        result["disk_mb"] = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file()) / 2**20
    return result


def is_frequent(label: str) -> bool:
    return label.endswith("-frequent")


def measure_peers(root: Path) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "bench.peers",
        "--corpus", str(root / "articles"), "--questions", str(root / "questions.json"),
    ]  # fmt: skip
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=BENCH.parent)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_bot(root: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.bot_throughput", str(root)]
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=BENCH.parent)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run_engine(label: str, root: Path, engine: str) -> dict[str, Any]:
    say(f"{label} {engine}: building")
    built = measure("build", root, engine)
    limit = SAMPLED_QUESTIONS.get((engine, label), 0)
    say(f"{label} {engine}: loading and answering" + (f" (a sample of {limit})" if limit else ""))
    # Memory after long serving is the bm25s engine's goal; rank-bm25 at 1M would take an hour.
    long_serving = LONG_SERVING if engine == "bm25s" else 0
    served = measure("serve", root, engine, limit, built["cache_key"], long_serving)
    return {**built, **served, "sampled": bool(limit)}


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main() -> None:
    chosen = os.environ.get("BENCH_SIZES", ",".join(SIZES)).split(",")
    started = time.perf_counter()
    runs: dict[str, dict[str, Any]] = {}
    peers: dict[str, dict[str, Any]] = {}
    for label in chosen:
        root = prepare(label, SIZES[label])
        engines = ENGINES[:1] if is_frequent(label) else ENGINES
        runs[label] = {engine: run_engine(label, root, engine) for engine in engines}
        if SIZES[label] >= PEERS_FROM:
            say(f"{label}: the project, bm25s and tantivy ranking the same tokens")
            peers[label] = measure_peers(root)
    bot_corpus = "100k" if "100k" in runs else chosen[0]
    say(f"bot throughput: {CHATS} chats, {BOT_QUESTIONS:,} questions on the {bot_corpus} corpus")
    bot = measure_bot(CORPORA / bot_corpus)
    say("start-up: python -m bot ask on the bundled corpus, saved index")
    startup = measure_startup(BENCH.parent)
    goals = check_goals(runs, peers, bot, startup)
    results = {
        "machine": machine(),
        "corpus": CORPUS_NOTE,
        "sizes": {label: SIZES[label] for label in chosen},
        "runs": runs,
        "peers": peers,
        "bot": {"corpus": bot_corpus, **bot},
        "startup": startup,
        "goals": [asdict(goal) for goal in goals],
        "minutes": round((time.perf_counter() - started) / 60, 1),
    }
    (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    plot_latency(runs, peers, BENCH / "latency.png")
    report(runs, peers, bot, goals)


CORPUS_NOTE = (
    "Generated news-like English (bench/corpus.py): words drawn with their real frequencies "
    "from the 80,000 commonest English words (wordfreq), per-article topic words, named "
    "people, places and organisations with defined acronyms, figures and dates; one passage "
    "per paragraph. Questions: 4-6 informative words of one sentence of a known article."
)


def report(
    runs: dict[str, dict[str, Any]],
    peers: dict[str, dict[str, Any]],
    bot: dict[str, Any],
    goals: list[Goal],
) -> None:
    header = f"{'corpus':>13} {'engine':>9} {'passages':>9} {'build s':>8} {'disk MB':>8} "
    header += f"{'load s':>7} {'RSS MB':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'q/s':>8}"
    print(header)
    for label, engines in runs.items():
        for engine, r in engines.items():
            a = r["answer_ms"]
            print(
                f"{label:>13} {engine:>9} {r['passages']:>9,} {r['build_s']:>8.1f} "
                f"{r['disk_mb']:>8.0f} {r['load_s']:>7.2f} {r['rss_serving_mb']:>7.0f} "
                f"{a['p50']:>8.2f} {a['p95']:>8.2f} {a['p99']:>8.2f} {r['qps']:>8.1f}"
                + ("  (sampled)" if r["sampled"] else "")
            )
    if peers:
        print(f"\nranking alone, top {PEERS_TOP}, the same tokens (ms):")
        print(f"{'corpus':>14} {'engine':>8} {'build s':>8} {'p50':>7} {'p99':>7} {'same 1st':>9}")
    for label, engines in peers.items():
        for engine in PEER_ENGINES:
            r = engines[engine]
            same = f"{r['same_first_as_project']:>9.0%}" if "same_first_as_project" in r else ""
            print(
                f"{label:>14} {engine:>8} {r['build_s']:>8.1f} {r['ranking_ms']['p50']:>7.2f} "
                f"{r['ranking_ms']['p99']:>7.2f} {same}"
            )
    latency = bot["update_to_reply_ms"]
    print(
        f"\nbot: {bot['answered_per_s']:.0f} answered questions/s, update to reply "
        f"p50 {latency['p50']:.0f} ms, p99 {latency['p99']:.0f} ms ({bot['chats']} chats at once)\n"
    )
    for goal in goals:
        print(
            f"{'PASS' if goal.passed else 'MISS'}  {goal.name}: {goal.figure} (goal {goal.target})"
        )
        if goal.note:
            print(f"      {goal.note}")


if __name__ == "__main__":
    main()
