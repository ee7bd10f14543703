"""Credit lines and Markdown emphasis are metadata and markup, never quoted text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from retrieval.ingest import read_corpus
from tests.corpus_builders import ELECTION_ARTICLE, MINE_ARTICLE, write_corpus


def test_a_byline_with_its_outlet_leaves_the_body(tmp_path: Path) -> None:
    [article] = read_corpus(write_corpus(tmp_path, {"mine.txt": MINE_ARTICLE})).documents
    assert "Maria Keller" not in article.text
    assert article.text.startswith("TALLINOR (Reuters) - The Okavi copper mine")
    assert article.source == "Reuters"
    assert article.published == date(2024, 3, 3)


def test_a_markdown_date_in_italics_is_read_and_left_out(tmp_path: Path) -> None:
    [article] = read_corpus(write_corpus(tmp_path, {"vote.md": ELECTION_ARTICLE})).documents
    assert article.published == date(2023, 10, 12)
    assert "*" not in article.text
    assert "Published" not in article.text
    assert article.source == "Velland Daily"
