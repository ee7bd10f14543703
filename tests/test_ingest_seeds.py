"""The seed corpus: five real scraped pages with their sites' furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retrieval.ingest import read_corpus
from retrieval.models import CorpusLoad, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    load = read_corpus(SEEDS)
    return {document.doc_id[:3]: document for document in load.documents}


@pytest.fixture(scope="module")
def seed_load() -> CorpusLoad:
    return read_corpus(SEEDS)


def test_every_seed_is_loaded_and_none_skipped(seed_load: CorpusLoad) -> None:
    assert len(seed_load.documents) == 5
    assert seed_load.skipped == []


@pytest.mark.parametrize(
    ("seed", "title"),
    [
        (
            "000",
            "Top Russian official says it’s time to consider resuming SCO-Afghanistan relations",
        ),
        ("001", "Russia Wants Taliban To Participate In SCO Meetings, Claims Group"),
        ("002", "Taliban Seeks SCO Summit Participation Amid Regional Security Talks"),
        (
            "003",
            "Russian Defense Minister: Security threats against regional countries "
            "originate from Afghanistan",
        ),
        ("004", "‘Strategic Shift’ – Russia decides to remove Afghan Taliban from terrorist list"),
    ],
)
def test_title_is_the_headline_not_the_navigation(
    seeds: dict[str, Document], seed: str, title: str
) -> None:
    assert seeds[seed].title == title


@pytest.mark.parametrize(
    ("seed", "published"),
    [
        ("000", None),
        ("001", date(2024, 11, 26)),
        ("002", None),
        ("003", None),
        ("004", date(2024, 11, 21)),
    ],
)
def test_published_comes_from_standalone_date_lines_only(
    seeds: dict[str, Document], seed: str, published: date | None
) -> None:
    assert seeds[seed].published == published


@pytest.mark.parametrize(
    ("seed", "source"),
    [("000", None), ("001", None), ("002", "Interfax"), ("003", "Bayan News"), ("004", None)],
)
def test_source_comes_from_bylines_and_source_tags(
    seeds: dict[str, Document], seed: str, source: str | None
) -> None:
    assert seeds[seed].source == source


def test_outlet_prefix_is_stripped_from_the_first_paragraph(seeds: dict[str, Document]) -> None:
    assert seeds["003"].text.startswith("Sergei Shoigu, the Defense Minister of Russia, stated")


def test_source_tag_is_stripped_from_the_text(seeds: dict[str, Document]) -> None:
    assert "[Source" not in seeds["002"].text
    assert seeds["002"].text.endswith("humanitarian responses at large.")


def test_headline_is_not_repeated_in_the_body(seeds: dict[str, Document]) -> None:
    for document in seeds.values():
        assert document.title not in document.text


@pytest.mark.parametrize(
    "furniture",
    [
        "Latest News",
        "Published",
        "Trending",
        "Exit mobile version",
        "More News",
        "No time to read",
        "Get a summary",
        "Previous Article",
        "Next Article",
        "Medvedev Opens Wimbledon",
        "Queen Camilla",
        "Former US Generals",
        "Related Articles",
        "Back to top button",
        "fbpx",
        "LATEST POSTS",
        "Why Are People Leaving Paris",
        "Pakistan on Edge",
        "Clash at G20",
        "Thousands of residents",
        "Most Popular",
    ],
)
def test_no_furniture_or_teaser_survives_in_any_body(
    seeds: dict[str, Document], furniture: str
) -> None:
    for document in seeds.values():
        assert furniture.casefold() not in document.text.casefold(), document.doc_id


def test_body_is_paragraphs_separated_by_blank_lines(seeds: dict[str, Document]) -> None:
    paragraphs = seeds["004"].text.split("\n\n")
    assert len(paragraphs) == 18
    assert paragraphs[0].startswith("In light of shifting geopolitical dynamics")
    assert paragraphs[-1].endswith("claimed by Daesh.")
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in paragraphs)


def test_no_break_spaces_become_plain_spaces(seeds: dict[str, Document]) -> None:
    assert "\u00a0" not in seeds["000"].text
    assert "relations between the Shanghai Cooperation Organization" in seeds["000"].text


def test_curly_quotes_and_dashes_are_kept(seeds: dict[str, Document]) -> None:
    assert "“made at the highest level,”" in seeds["004"].text
    assert "the world—an assertion" in seeds["000"].text


def test_ids_and_paths_are_file_names(seeds: dict[str, Document]) -> None:
    assert seeds["001"].doc_id == "001_adff4d60d976eb2f.txt"
    assert seeds["001"].path == "001_adff4d60d976eb2f.txt"


def test_every_seed_file_is_hashed(seed_load: CorpusLoad) -> None:
    assert sorted(seed_load.file_hashes) == sorted(path.name for path in SEEDS.iterdir())
    assert all(len(digest) == 64 for digest in seed_load.file_hashes.values())
