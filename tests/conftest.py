"""Shared fixtures: libraries over the seed corpus and over corpora the tests write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Library, RetrievalSettings
from tests.corpus_builders import write_news_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"

LibraryFactory = Callable[..., Library]


@pytest.fixture
def make_library(tmp_path: Path) -> LibraryFactory:
    """A library over ``corpus`` with its own index cache, away from the project's."""

    def make(corpus: Path, **settings: object) -> Library:
        return Library(
            RetrievalSettings(
                corpus_dir=corpus,
                index_cache_dir=tmp_path / "cache",
                synonyms_file=None,
                **settings,  # type: ignore[arg-type]
            )
        )

    return make


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    cache = tmp_path_factory.mktemp("seed-cache")
    return Library(RetrievalSettings(corpus_dir=SEEDS, index_cache_dir=cache, synonyms_file=None))


@pytest.fixture(scope="session")
def news_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    corpus = write_news_corpus(tmp_path_factory.mktemp("news"))
    cache = tmp_path_factory.mktemp("news-cache")
    return Library(RetrievalSettings(corpus_dir=corpus, index_cache_dir=cache, synonyms_file=None))
