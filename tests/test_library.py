"""The library: reloads swap corpora whole, and a failed reload changes nothing."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import py3langid.langid
import pytest

from retrieval import CorpusError
from retrieval.answering.semantic import word_vectors
from retrieval.answering.word_classes import _table as word_classes_table
from retrieval.gazetteer import _place_names as place_names
from tests.conftest import LibraryFactory
from tests.corpus_builders import COUNCIL_ARTICLE, PORT_ARTICLE, write_corpus


def test_reload_reports_files_added_removed_and_changed(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE, "old.txt": PORT_ARTICLE})
    library = make_library(corpus)
    (corpus / "old.txt").unlink()
    (corpus / "council.txt").write_text(COUNCIL_ARTICLE, encoding="utf-8")
    (corpus / "port.txt").write_text(PORT_ARTICLE.replace("1952", "1953"), encoding="utf-8")
    report = library.reload()
    assert (report.added, report.removed, report.changed) == (
        ["council.txt"],
        ["old.txt"],
        ["port.txt"],
    )
    assert (report.documents_before, report.documents_after) == (2, 2)
    assert report.seconds >= 0


def test_after_a_reload_the_new_facts_are_answered(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE})
    library = make_library(corpus)
    assert not library.answer("How many signatures did shop owners collect?").found
    (corpus / "council.txt").write_text(COUNCIL_ARTICLE, encoding="utf-8")
    library.reload()
    assert "4,100" in library.answer("How many signatures did shop owners collect?").quotes[0].text


def test_a_failed_reload_keeps_the_old_corpus_serving(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE})
    library = make_library(corpus)
    shutil.rmtree(corpus)
    with pytest.raises(CorpusError, match="corpus"):
        library.reload()
    assert library.answer("When was the VPA founded?").found
    assert len(library.documents) == 1


def test_a_missing_corpus_is_an_error_naming_the_path(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    with pytest.raises(CorpusError) as error:
        make_library(tmp_path / "nowhere")
    assert "nowhere" in str(error.value)


def test_an_unreadable_file_is_skipped_and_the_rest_served(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE})
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    library = make_library(corpus)
    assert [skipped.path for skipped in library.skipped] == ["broken.txt"]
    assert library.answer("When was the VPA founded?").found


def test_a_loaded_corpus_is_left_out_of_the_collector_s_full_passes(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    gc.unfreeze()
    make_library(write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE}))
    assert gc.get_freeze_count() > 0


def test_a_replaced_corpus_is_freed_after_a_reload(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    library = make_library(write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE}))
    replaced = weakref.ref(library.index)
    library.reload()
    assert replaced() is None


def test_warming_up_loads_what_the_first_question_would(
    tmp_path: Path, make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(write_corpus(tmp_path / "corpus", {"port.txt": PORT_ARTICLE}))
    loaded_on_first_use = (word_vectors, word_classes_table, place_names)
    for loaded in loaded_on_first_use:
        loaded.cache_clear()
    monkeypatch.setattr(py3langid.langid, "IDENTIFIER", None)
    library.warm_up()
    assert all(loaded.cache_info().currsize == 1 for loaded in loaded_on_first_use)
    assert word_vectors()._whole_words is not None
    assert py3langid.langid.IDENTIFIER is not None
