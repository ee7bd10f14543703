"""Ranking beside two other engines, on the same passages and the same tokens, in one process.

The corpus is read and analysed once, as ``build_index`` does; then each engine
indexes those token lists and ranks each question's tokens (the terms the
answer path searches with) for its top ``TOP`` passages:

* ``project``: ``SparseRanker``, what answering runs (block-max pruned top-k);
* ``bm25s``: its own ``BM25.index``, then ``get_scores`` (a dense sum over the
  query terms' columns) and ``np.argpartition``, as its ``retrieve`` does;
* ``tantivy``: a Rust engine (Lucene's design) whose union queries use block-max
  WAND; the tokens go in joined by spaces under its whitespace tokenizer, and
  results are collected without counting all matches, which would disable WAND.

The engines share k1 and b (tantivy's fixed 1.2 and 0.75). tantivy's IDF differs
slightly from Lucene's, so its lists can differ in order; the share of
questions where each engine's first passage is the project's is printed as a
check that all three rank the same thing. Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bench.measure import percentiles
from retrieval.analysis import Analyzer
from retrieval.ingest import read_corpus
from retrieval.passage_analysis import analyse_documents
from retrieval.ranking.sparse import SparseRanker
from retrieval.settings import RetrievalSettings

TOP = 50
ENGINES = ("project", "bm25s", "tantivy")
K1, B = 1.2, 0.75
"""tantivy's own BM25 parameters, which it does not let a caller change."""

Search = Callable[[list[str]], Any]
"""An engine's top ``TOP`` for a query, in the engine's own form."""
First = Callable[[Any], int]
"""The passage number of a result's first hit (-1 for none), read after timing."""


def analysed_passages(corpus: Path) -> tuple[Analyzer, list[list[str]]]:
    settings = RetrievalSettings(corpus_dir=corpus, synonyms_file=None)
    load = read_corpus(corpus)
    analyzer = Analyzer.for_corpus((doc.text for doc in load.documents), [])
    passages: list[list[str]] = []
    for chunk in analyse_documents(
        load.documents, analyzer, settings.passage_min_chars, settings.passage_max_chars
    ):
        passages.extend(chunk.terms.passages())
    return analyzer, passages


def project(passages: list[list[str]]) -> tuple[Search, First]:
    ranker = SparseRanker.build(passages, K1, B)
    return lambda query: ranker.search(query, TOP), lambda found: found[0][0] if found else -1


def bm25s_engine(passages: list[list[str]]) -> tuple[Search, First]:
    import bm25s

    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(term, len(vocabulary)) for term in terms] for terms in passages]
    model = bm25s.BM25(k1=K1, b=B, method="lucene")
    model.index((ids, vocabulary), create_empty_token=False, show_progress=False)

    def search(query: list[str]) -> list[int]:
        known = [term for term in query if term in vocabulary]
        if not known:
            return []
        scores = model.get_scores(known)
        best = np.argpartition(scores, -TOP)[-TOP:]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [int(passage) for passage in best if scores[passage] > 0]

    return search, lambda found: found[0] if found else -1


def tantivy_engine(passages: list[list[str]], directory: Path) -> tuple[Search, First]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("passage", stored=True, indexed=False)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(directory))
    writer = index.writer(heap_size=1_000_000_000, num_threads=2)
    for number, terms in enumerate(passages):
        writer.add_document(tantivy.Document(body=" ".join(terms), passage=number))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(query: list[str]) -> Any:
        clauses = [
            (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", term))
            for term in dict.fromkeys(query)
        ]
        if not clauses:
            return []
        return searcher.search(tantivy.Query.boolean_query(clauses), TOP, count=False).hits

    def first(hits: Any) -> int:
        return int(searcher.doc(hits[0][1])["passage"][0]) if hits else -1

    return search, first


def timed(
    build: Callable[[], tuple[Search, First]], queries: list[list[str]]
) -> tuple[dict[str, Any], list[int]]:
    """The engine's build time and ranking latencies, and each query's first passage."""
    started = time.perf_counter()
    search, first = build()
    build_s = time.perf_counter() - started
    for query in queries[:5]:
        search(query)
    samples, firsts = [], []
    for query in queries:
        asked = time.perf_counter()
        found = search(query)
        samples.append((time.perf_counter() - asked) * 1000)
        firsts.append(first(found))
    return {"build_s": build_s, "ranking_ms": percentiles(samples)}, firsts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args(argv)
    analyzer, passages = analysed_passages(args.corpus)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    queries = [analyzer.question_terms(question["text"]) for question in questions]
    results: dict[str, Any] = {"passages": len(passages), "top": TOP}
    ours, firsts = timed(lambda: project(passages), queries)
    results["project"] = ours
    with tempfile.TemporaryDirectory() as directory:
        engines: dict[str, Callable[[], tuple[Search, First]]] = {
            "bm25s": lambda: bm25s_engine(passages),
            "tantivy": lambda: tantivy_engine(passages, Path(directory)),
        }
        for name, build in engines.items():
            figures, theirs = timed(build, queries)
            same = sum(a == b for a, b in zip(firsts, theirs, strict=True)) / len(queries)
            results[name] = {**figures, "same_first_as_project": same}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
