"""The saved index answers as the built one did, and is never trusted when stale or broken."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from retrieval.answering.builder import answer_question
from retrieval.index import SearchIndex, build_index
from retrieval.index_store import fingerprint, load_or_build
from retrieval.models import CorpusLoad, Document
from retrieval.settings import Engine, RetrievalSettings

ARTICLES = {
    "sco.txt": (
        "SCO and Afghanistan",
        "Russian Security Council Secretary Sergey Shoigu says it is time to consider resuming "
        "relations between the Shanghai Cooperation Organization (SCO) and Afghanistan.\n\n"
        "On July 3, 2025, Russia became the first country to officially recognise the Islamic "
        "Emirate of Afghanistan (IEA), aiming to boost trade and regional security.",
    ),
    "floods.txt": (
        "Floods in the valley",
        "Heavy rain flooded 1,200 homes in the river valley on Monday, the regional governor "
        "said, and 300 people were moved to schools that serve as shelters.\n\n"
        "The national weather service expects the rain to ease by Thursday.",
    ),
}
QUESTIONS = [
    "When did Russia recognise the IEA?",
    "How many homes were flooded?",
    "What does Shoigu say about the SCO?",
    "Who won the football match?",
]


def write_corpus(directory: Path) -> None:
    directory.mkdir(exist_ok=True)
    for name, (title, text) in ARTICLES.items():
        (directory / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def read(directory: Path) -> CorpusLoad:
    """A stand-in for ingestion: the first line is the title, the rest the body."""
    documents, hashes = [], {}
    for path in sorted(directory.glob("*.txt")):
        content = path.read_text(encoding="utf-8")
        title, _, body = content.partition("\n\n")
        documents.append(Document(doc_id=path.stem, title=title, path=path.name, text=body))
        hashes[path.name] = hashlib.sha256(content.encode()).hexdigest()
    return CorpusLoad(directory=str(directory), documents=documents, skipped=[], file_hashes=hashes)


class Builds:
    """Counts how often the index had to be built rather than loaded."""

    def __init__(self, settings: RetrievalSettings) -> None:
        self.settings = settings
        self.count = 0

    def __call__(self) -> SearchIndex:
        self.count += 1
        return build_index(read(self.settings.corpus_dir), self.settings)


def settings_for(tmp_path: Path, engine: Engine = "bm25s", **extra: object) -> RetrievalSettings:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    return RetrievalSettings(
        corpus_dir=corpus,
        index_cache_dir=tmp_path / "cache",
        synonyms_file=None,
        retrieval_engine=engine,
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("engine", ["bm25s", "rank-bm25"])
def test_loaded_index_answers_as_the_built_one(tmp_path: Path, engine: Engine) -> None:
    settings = settings_for(tmp_path, engine)
    builds = Builds(settings)
    built = load_or_build(settings, builds)
    loaded = load_or_build(settings, builds)
    assert builds.count == 1
    assert loaded is not built and loaded.engine == engine
    assert list(loaded.documents) == built.documents
    assert loaded.passages == built.passages
    assert loaded.file_hashes == built.file_hashes
    for number, document in enumerate(built.documents):
        analysed = frozenset(built.analyzer.passage_terms(document.title))
        assert loaded.title_terms(number) == built.title_terms(number) == analysed
    for question in QUESTIONS:
        assert answer_question(loaded, question, settings) == answer_question(
            built, question, settings
        )


def test_a_changed_file_is_rebuilt(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    builds = Builds(settings)
    load_or_build(settings, builds)
    (settings.corpus_dir / "floods.txt").write_text("Floods\n\n4,000 homes were flooded.\n")
    index = load_or_build(settings, builds)
    assert builds.count == 2
    assert "4,000 homes were flooded." in index.passages.texts
    assert len(list(settings.index_cache_dir.iterdir())) == 1  # the stale one is gone


def test_other_scoring_settings_are_another_index(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    other = settings.model_copy(update={"bm25_k1": 1.2})
    assert fingerprint(settings) != fingerprint(other)
    assert fingerprint(settings) == fingerprint(settings.model_copy())


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / "manifest.json").write_text("{not json"),
        lambda d: (d / "passages.txt").write_bytes(b"short"),
        lambda d: (d / "passage_documents.npy").write_bytes(b"\x93NUMPY garbage"),
        lambda d: (d / "ranker" / "data.csc.index.npy").unlink(),
        lambda d: (d / "documents.txt").write_bytes(b"x" * (d / "documents.txt").stat().st_size),
    ],
)
def test_a_corrupt_cache_is_rebuilt_with_a_warning(
    tmp_path: Path, damage: object, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(tmp_path)
    builds = Builds(settings)
    load_or_build(settings, builds)
    (saved,) = settings.index_cache_dir.iterdir()
    damage(saved)  # type: ignore[operator]
    with caplog.at_level(logging.WARNING):
        index = load_or_build(settings, builds)
    assert builds.count == 2
    assert "rebuilding" in caplog.text
    assert answer_question(index, QUESTIONS[1], settings).found
    assert load_or_build(settings, builds) and builds.count == 2  # the rebuilt one was saved


def test_an_unwritable_cache_still_serves(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.index_cache_dir.write_text("a file where the cache directory should be")
    builds = Builds(settings)
    assert len(load_or_build(settings, builds).passages) > 0
