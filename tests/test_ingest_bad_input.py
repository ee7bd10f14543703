"""Bad input: the corpus is refused only when nothing in it can be served;
otherwise each unusable file is skipped, logged and reported."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from retrieval.errors import CorpusError
from retrieval.ingest import read_corpus

ARTICLE = (
    "Kabul airport reopens\n"
    "Kabul airport resumed international flights on Friday after months of repair work.\n"
)


def test_missing_directory_is_a_corpus_error_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-corpus"
    with pytest.raises(CorpusError) as raised:
        read_corpus(missing)
    assert raised.value.path == missing
    assert str(missing) in str(raised.value)


def test_a_file_instead_of_a_directory_is_a_corpus_error(tmp_path: Path) -> None:
    file = tmp_path / "story.txt"
    file.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError, match="not a directory"):
        read_corpus(file)


def test_directory_with_only_a_binary_file_is_a_corpus_error(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CorpusError, match="no readable article"):
        read_corpus(tmp_path)


def test_empty_directory_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        read_corpus(tmp_path)


def test_a_file_in_an_undeclared_legacy_encoding_is_read_with_a_warning_naming_the_guess(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    story = (
        "Café reopens on the square\n"
        "The café on the main square reopened on Monday after a year of repairs, its owner "
        "said, and the terrace will open in the spring.\n"
    )
    (tmp_path / "legacy.txt").write_bytes(story.encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        result = read_corpus(tmp_path)
    legacy = next(d for d in result.documents if d.doc_id == "legacy.txt")
    assert "The café on the main square reopened" in legacy.text
    assert "legacy.txt is not UTF-8" in caplog.text


def test_bytes_that_are_no_text_are_skipped_and_the_rest_served(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40 + bytes(range(128, 256)) * 8)
    result = read_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["good.txt"]
    assert [s.path for s in result.skipped] == ["noise.txt"]


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    result = read_corpus(tmp_path)
    assert [(s.path, s.reason) for s in result.skipped] == [("empty.txt", "empty file")]


def test_page_of_only_furniture_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "menu.txt").write_text("Home\nWorld\nTrending\nBack to top\n", encoding="utf-8")
    result = read_corpus(tmp_path)
    assert [s.path for s in result.skipped] == ["menu.txt"]
    assert "no article text" in result.skipped[0].reason


def test_invalid_json_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"title": "x", ', encoding="utf-8")
    result = read_corpus(tmp_path)
    assert [s.path for s in result.skipped] == ["broken.json"]
    assert "invalid JSON" in result.skipped[0].reason


def test_skipped_files_are_hashed_too_so_a_reload_sees_them_change(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert sorted(read_corpus(tmp_path).file_hashes) == ["empty.txt", "good.txt"]


def test_sidecar_without_an_article_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.meta.json").write_text('{"source": "Pajhwok"}', encoding="utf-8")
    result = read_corpus(tmp_path)
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("gone.meta.json", "sidecar without an article")
    ]
