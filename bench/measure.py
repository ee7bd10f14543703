"""One measurement in a fresh process: build an index, or load one and answer questions.

Each step runs in its own process so its time and memory are its own: a load
is not helped by what a build left in the heap, and resident memory while
serving is that of a process that did nothing but load and answer, as the bot
does. Prints one JSON object on stdout; ``bench.run`` collects them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from retrieval.answering.builder import answer_question
from retrieval.answering.candidates import RETRIEVE_DEPTH
from retrieval.index import SearchIndex, build_index
from retrieval.index_store import cache_directory, fingerprint, load_index, save_index
from retrieval.ingest import read_corpus
from retrieval.library import settle_memory
from retrieval.settings import Engine, RetrievalSettings

_MB = 1024 * 1024
WARM_UP = 5
"""Questions answered before the timed ones: caches warmed as a running bot's would be."""


def settings_for(corpus: Path, cache: Path, engine: Engine) -> RetrievalSettings:
    return RetrievalSettings(
        corpus_dir=corpus, index_cache_dir=cache, retrieval_engine=engine, synonyms_file=None
    )


def build(settings: RetrievalSettings) -> dict[str, Any]:
    """From files to a saved index, timed step by step."""
    started = time.perf_counter()
    load = read_corpus(settings.corpus_dir)
    read = time.perf_counter()
    index = build_index(load, settings)
    built = time.perf_counter()
    key = fingerprint(settings)
    save_index(index, cache_directory(settings, key), key)
    saved = time.perf_counter()
    return {
        "engine": index.engine,
        "documents": len(index.documents),
        "passages": len(index.passages),
        "read_s": read - started,
        "index_s": built - read,
        "build_s": built - started,
        "save_s": saved - built,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cache_key": key,
    }


def serve(
    settings: RetrievalSettings, key: str, questions: list[dict[str, str]], long_serving: int = 0
) -> dict[str, Any]:
    """Load the saved index, then answer every question through the full answer path, and
    ``long_serving`` more to read the memory of a process that has served a while.

    The load is timed as ``Library`` does it, fingerprinting the corpus first,
    but opens the index the build step saved under ``key``: in a shared work
    tree someone may edit the code (part of the fingerprint) in between.
    """
    process = psutil.Process()
    rss_before = process.memory_info().rss
    started = time.perf_counter()
    fingerprint(settings)
    index = load_index(cache_directory(settings, key), key)
    settle_memory()
    load_s = time.perf_counter() - started
    rss_loaded = process.memory_info().rss
    for question in questions[:WARM_UP]:
        answer_question(index, question["text"], settings)
    answer_ms, found, right = [], 0, 0
    serving_started = time.perf_counter()
    for question in questions:
        asked = time.perf_counter()
        answer = answer_question(index, question["text"], settings)
        answer_ms.append((time.perf_counter() - asked) * 1000)
        found += answer.found
        right += bool(answer.quotes) and answer.quotes[0].document.url == question["url"]
    serving_s = time.perf_counter() - serving_started
    ranking_ms = []
    for question in questions:
        terms = index.analyzer.question_terms(question["text"])
        asked = time.perf_counter()
        index.ranker.search(terms, RETRIEVE_DEPTH)
        ranking_ms.append((time.perf_counter() - asked) * 1000)
    served = {
        "engine": index.engine,
        "load_s": load_s,
        "rss_loaded_mb": rss_loaded / _MB,
        "rss_serving_mb": process.memory_info().rss / _MB,
        "rss_interpreter_mb": rss_before / _MB,
        "questions": len(questions),
        "answer_ms": percentiles(answer_ms),
        "ranking_ms": percentiles(ranking_ms),
        "qps": len(questions) / serving_s,
        "answered": found / len(questions),
        "right_article_first": right / len(questions),
    }
    long_started = time.perf_counter()
    for text in corpus_questions(index, long_serving):
        answer_question(index, text, settings)
    return {
        "long_serving_questions": long_serving,
        "long_serving_s": time.perf_counter() - long_started,
        "rss_long_serving_mb": process.memory_info().rss / _MB,
        "anonymous_long_serving_mb": anonymous_mb(),
        **served,
    }


def anonymous_mb() -> float:
    """The resident memory that is the process's own (Linux's ``RssAnon``): the rest of
    its RSS is pages of memory-mapped index files, which the system can take back."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def corpus_questions(index: SearchIndex, count: int) -> Iterator[str]:
    """Questions made of six words of random passages (a fixed seed): they read passages
    from all over the corpus, as a long-serving bot's questions do."""
    chosen = random.Random(0)
    texts = index.passages.texts
    for _ in range(count):
        words = texts[chosen.randrange(len(texts))].split()
        start = chosen.randrange(max(1, len(words) - 6))
        yield "What " + " ".join(words[start : start + 6]) + "?"


def percentiles(samples: list[float]) -> dict[str, float]:
    values = np.asarray(samples)
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "mean": float(values.mean())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=["build", "serve"])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--engine", choices=["rank-bm25", "bm25s"], required=True)
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--key", help="the fingerprint the build step saved the index under")
    parser.add_argument(
        "--long-serving", type=int, default=0, help="questions answered before memory is read again"
    )
    args = parser.parse_args(argv)
    settings = settings_for(args.corpus, args.cache, args.engine)
    if args.step == "build":
        result = build(settings)
    else:
        questions = json.loads(args.questions.read_text(encoding="utf-8"))
        asked = questions[: args.limit] if args.limit else questions
        result = serve(settings, args.key, asked, args.long_serving)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
