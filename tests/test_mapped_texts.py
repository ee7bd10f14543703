"""A loaded index reads its passages from the saved files, and they behave as lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval.index_store import load_or_build
from retrieval.mapped_documents import MappedDocuments
from retrieval.mapped_texts import MappedTexts
from tests.test_index_store import Builds, settings_for

TEXTS = ["Kabul airport reopened.", "", "Шойгу прибыл в Кабул.", "The rain eased."]


def mapped(tmp_path: Path, texts: list[str]) -> MappedTexts:
    encoded = [text.encode("utf-8") for text in texts]
    path = tmp_path / "passages.txt"
    path.write_bytes(b"".join(encoded))
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(text) for text in encoded], out=offsets[1:])
    return MappedTexts(path, offsets)


def test_a_loaded_index_reads_its_passages_from_the_saved_file(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    builds = Builds(settings)
    built = load_or_build(settings, builds)
    loaded = load_or_build(settings, builds)
    assert isinstance(loaded.passages.texts, MappedTexts)
    assert list(loaded.passages.texts) == built.passages.texts
    assert list(loaded.passages.documents) == built.passages.documents
    assert list(loaded.passages.positions) == built.passages.positions
    assert type(loaded.passages.documents[-1]) is int


def test_a_loaded_index_reads_its_documents_and_titles_from_the_saved_files(
    tmp_path: Path,
) -> None:
    settings = settings_for(tmp_path)
    builds = Builds(settings)
    built = load_or_build(settings, builds)
    loaded = load_or_build(settings, builds)
    assert isinstance(loaded.documents, MappedDocuments)
    assert isinstance(loaded.analysed_titles, MappedTexts)
    assert list(loaded.documents) == built.documents
    assert loaded.documents[1:] == built.documents[1:]
    assert loaded.documents[-1] == built.documents[-1]
    assert list(loaded.analysed_titles) == built.analysed_titles


def test_mapped_texts_index_slice_and_search_as_a_list_does(tmp_path: Path) -> None:
    texts = mapped(tmp_path, TEXTS)
    assert len(texts) == len(TEXTS)
    assert [texts[number] for number in range(-len(TEXTS), len(TEXTS))] == TEXTS + TEXTS
    assert texts[1:3] == TEXTS[1:3] and texts[::-1] == TEXTS[::-1]
    assert "Шойгу прибыл в Кабул." in texts and texts.index("The rain eased.") == 3
    with pytest.raises(IndexError):
        texts[len(TEXTS)]


def test_texts_that_are_all_empty_need_no_mapping(tmp_path: Path) -> None:
    assert list(mapped(tmp_path, ["", ""])) == ["", ""]
