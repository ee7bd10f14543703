"""Scraped pages with other sites' furniture, date formats and bylines than the
seeds: the rules must be general, not fitted to five files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retrieval.ingest import read_corpus
from retrieval.models import Document

AIRPORT_BODY = [
    "Kabul airport resumed international flights on Friday after months of repair work "
    "funded by Qatar and Turkey.",
    "Officials said the first flight, from Dubai, landed at 9am with 180 passengers aboard.",
    "The airport had been closed to most foreign carriers since 2021.",
]
AIRPORT_PAGE = "\n".join(
    [
        "Skip to content",
        "Home › World › Asia",
        "AFGHANISTAN",
        "Kabul airport reopens to international flights after repairs",
        "By Jane Doe, Khaama Press",
        "Published on 3 March 2023",
        "Share on Facebook",
        "5 min read",
        AIRPORT_BODY[0],
        "Advertisement",
        AIRPORT_BODY[1],
        "Photo: Getty Images",
        AIRPORT_BODY[2],
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Tags: Afghanistan, Aviation, Kabul",
        "You May Also Like",
        "Snow Closes Salang Pass For Third Day",
        "Travellers were stranded as heavy snow blocked the main route north of the capital…",
        "Ministry Announces New Wheat Prices",
        "The ministry said prices would fall by ten percent next...",
    ]
)
LONG_PARAGRAPH = (
    "The talks, which lasted three days, covered trade corridors, water rights on the Amu "
    "Darya, the return of refugees from neighbouring countries and the security of the "
    "railway that is meant to link Uzbekistan with the ports of Pakistan, a project that "
    "diplomats from all sides described as the most ambitious of the decade."
)


def load_one(tmp_path: Path, text: str, name: str = "article.txt") -> Document:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (document,) = read_corpus(tmp_path).documents
    return document


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_headline_is_first_substantial_line_after_navigation_and_kicker(tmp_path: Path) -> None:
    document = load_one(tmp_path, AIRPORT_PAGE)
    assert document.title == "Kabul airport reopens to international flights after repairs"


def test_body_keeps_only_the_article_paragraphs(tmp_path: Path) -> None:
    document = load_one(tmp_path, AIRPORT_PAGE)
    assert document.text.split("\n\n") == AIRPORT_BODY


def test_date_comes_from_a_published_on_line(tmp_path: Path) -> None:
    assert load_one(tmp_path, AIRPORT_PAGE).published == date(2023, 3, 3)


def test_outlet_comes_from_a_by_name_comma_outlet_line(tmp_path: Path) -> None:
    assert load_one(tmp_path, AIRPORT_PAGE).source == "Khaama Press"


@pytest.mark.parametrize(
    "date_line",
    [
        "Mar. 3, 2023",
        "2023-03-03",
        "Friday, 03/03/2023",
        "Fri 3 Mar 2023 14.32 GMT",
        "Updated: 11:30 AM, 3 March 2023",
        "03.03.2023",
        "Posted on March 3rd, 2023 at 9:15 am",
        "By Ahmad Shah | March 3, 2023",
    ],
)
def test_header_date_lines_in_other_formats_are_read(tmp_path: Path, date_line: str) -> None:
    text = page("Taliban reopen girls' schools in two provinces", date_line, *AIRPORT_BODY)
    document = load_one(tmp_path, text)
    assert document.published == date(2023, 3, 3)
    assert date_line not in document.text


def test_ambiguous_numeric_date_is_left_out(tmp_path: Path) -> None:
    document = load_one(tmp_path, page("Taliban reopen schools", "04/03/2023", *AIRPORT_BODY))
    assert document.published is None


def test_published_stamp_beats_an_updated_stamp(tmp_path: Path) -> None:
    text = page(
        "Taliban reopen girls' schools in two provinces",
        "Updated 5 March 2023",
        "Published 3 March 2023",
        *AIRPORT_BODY,
    )
    assert load_one(tmp_path, text).published == date(2023, 3, 3)


def test_date_inside_a_body_sentence_is_not_the_published_date(tmp_path: Path) -> None:
    text = page(
        "Taliban reopen girls' schools in two provinces",
        "The decision was announced on March 3, 2023, by the education ministry in Kabul.",
        "March 9, 2023",
        "Teachers said classes would resume within a week of the announcement.",
    )
    assert load_one(tmp_path, text).published is None


def test_wire_dateline_names_the_outlet_and_stays_in_the_text(tmp_path: Path) -> None:
    first = "KABUL (AP) — The Taliban said on Monday they would reopen the Salang tunnel."
    document = load_one(tmp_path, page("Salang tunnel to reopen", first, *AIRPORT_BODY))
    assert document.source == "AP"
    assert document.text.startswith(first)


def test_em_dash_outlet_prefix_is_named_and_stripped(tmp_path: Path) -> None:
    first = "Amu TV — The Taliban have banned the sale of Western music in Herat province."
    document = load_one(tmp_path, page("Herat bans music sales", first, *AIRPORT_BODY))
    assert document.source == "Amu TV"
    assert document.text.startswith("The Taliban have banned the sale")


@pytest.mark.parametrize(
    "first",
    [
        "Zabihullah Mujahid – the group’s spokesman – said on Monday that talks would resume.",
        "Officials – including two ministers – met the delegation at the airport on Monday.",
        "Prices rose sharply – and the ministry said on Monday that no relief was planned.",
        "Afghanistan – a landlocked country of forty million – depends on imported fuel.",
    ],
)
def test_sentence_with_a_dash_is_not_a_byline(tmp_path: Path, first: str) -> None:
    document = load_one(tmp_path, page("Talks to resume next week", first, *AIRPORT_BODY))
    assert document.source is None
    assert document.text.startswith(first)


def test_parenthesised_source_tag_names_the_outlet_and_is_stripped(tmp_path: Path) -> None:
    last = "The airport had been closed to most foreign carriers since 2021. (Source: Tolo News)"
    document = load_one(tmp_path, page("Kabul airport reopens", *AIRPORT_BODY[:2], last))
    assert document.source == "Tolo News"
    assert document.text.endswith("since 2021.")


def test_standalone_source_line_names_the_outlet(tmp_path: Path) -> None:
    document = load_one(
        tmp_path, page("Kabul airport reopens", *AIRPORT_BODY, "Source: Ariana News")
    )
    assert document.source == "Ariana News"
    assert "Ariana" not in document.text


def test_staff_byline_names_the_outlet(tmp_path: Path) -> None:
    document = load_one(tmp_path, page("Kabul airport reopens", "By Reuters Staff", *AIRPORT_BODY))
    assert document.source == "Reuters"


def test_job_title_after_a_byline_is_not_an_outlet(tmp_path: Path) -> None:
    text = page("Kabul airport reopens", "By Jane Doe, Senior Correspondent", *AIRPORT_BODY)
    document = load_one(tmp_path, text)
    assert document.source is None
    assert "Jane Doe" not in document.text


def test_teaser_headline_standing_before_a_footer_label_is_removed(tmp_path: Path) -> None:
    text = page(
        "Kabul airport reopens",
        *AIRPORT_BODY,
        "Snow Closes Salang Pass For Third Day",
        "DON’T MISS",
        "Subscribe to our daily newsletter",
    )
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY


def test_teasers_with_complete_blurbs_after_a_label_are_removed(tmp_path: Path) -> None:
    text = page(
        "Kabul airport reopens",
        *AIRPORT_BODY,
        "Recommended for you",
        "Why are people leaving Paris?",
        "Rents in the French capital have doubled in a decade, a new study shows.",
        "Medvedev Wins First Round At Wimbledon",
        "The Russian beat his opponent in straight sets on Monday.",
    )
    document = load_one(tmp_path, text)
    assert document.text.split("\n\n") == AIRPORT_BODY


def test_more_from_outlet_label_starts_a_footer(tmp_path: Path) -> None:
    text = page(
        "Kabul airport reopens",
        *AIRPORT_BODY,
        "More from Khaama Press",
        "Kandahar Hosts First Trade Fair In Years",
        "Traders from six provinces displayed carpets, dried fruit and...",
    )
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY


def test_trailing_teaser_headlines_without_a_label_are_removed(tmp_path: Path) -> None:
    text = page("Kabul airport reopens", *AIRPORT_BODY, "Kandahar Hosts First Trade Fair In Years")
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY


def test_prose_after_a_stray_label_is_kept(tmp_path: Path) -> None:
    text = page("Kabul airport reopens", AIRPORT_BODY[0], "Read more", *AIRPORT_BODY[1:])
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY


def test_long_paragraph_after_a_mid_article_teaser_box_is_kept(tmp_path: Path) -> None:
    text = page(
        "Regional talks end in Tashkent",
        *AIRPORT_BODY,
        "Related",
        "Uzbekistan Signs Rail Deal With Kabul",
        LONG_PARAGRAPH,
    )
    assert load_one(tmp_path, text).text.split("\n\n") == [*AIRPORT_BODY, LONG_PARAGRAPH]


def test_one_line_read_more_teaser_is_removed(tmp_path: Path) -> None:
    text = page(
        "Kabul airport reopens",
        AIRPORT_BODY[0],
        "READ MORE: Snow closes Salang pass for third day",
        *AIRPORT_BODY[1:],
    )
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY


def test_whitespace_is_normalised_but_characters_are_kept(tmp_path: Path) -> None:
    text = page("Kabul airport reopens", "He said:\u00a0 “We   are\tready.”  ", *AIRPORT_BODY)
    assert load_one(tmp_path, text).text.split("\n\n")[0] == "He said: “We are ready.”"


def test_paragraphs_may_be_separated_by_blank_lines_or_not(tmp_path: Path) -> None:
    spaced = "\n\n".join(["Kabul airport reopens", *AIRPORT_BODY]) + "\n"
    assert load_one(tmp_path, spaced).text.split("\n\n") == AIRPORT_BODY


def test_page_without_a_headline_keeps_its_first_paragraph(tmp_path: Path) -> None:
    document = load_one(tmp_path, page(LONG_PARAGRAPH, *AIRPORT_BODY))
    assert document.text.split("\n\n")[0] == LONG_PARAGRAPH
    assert document.title.startswith("The talks, which lasted three days")


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    text = page(
        "# Kabul airport reopens",
        "**By Jane Doe, Khaama Press**",
        "Kabul airport resumed [international flights](https://example.com/f) on Friday "
        "after **months** of repair work.",
        *AIRPORT_BODY[1:],
    )
    document = load_one(tmp_path, text, name="article.md")
    assert document.title == "Kabul airport reopens"
    assert document.source == "Khaama Press"
    assert document.text.split("\n\n")[0] == (
        "Kabul airport resumed international flights on Friday after months of repair work."
    )


def test_a_list_introduced_by_a_colon_that_ends_the_article_is_kept(tmp_path: Path) -> None:
    tour = ["June 5 – Berlin, Mercedes-Benz Arena", "June 7 – Hamburg, Barclays Arena",
            "June 9 – Munich, Olympiahalle"]
    text = page("Band announces a tour of Germany", *AIRPORT_BODY,
                "The band will play these dates next summer:", *tour)
    assert load_one(tmp_path, text).text.split("\n\n")[-4:] == [
        "The band will play these dates next summer:", *tour
    ]


def test_bulleted_items_that_end_the_article_are_kept(tmp_path: Path) -> None:
    items = ["- a new terminal for domestic flights", "- a longer runway for cargo planes"]
    text = page("Kabul airport reopens", *AIRPORT_BODY, *items)
    assert load_one(tmp_path, text).text.split("\n\n")[-2:] == items


def test_an_embedded_post_at_the_end_of_the_article_is_kept(tmp_path: Path) -> None:
    post = [
        "Kabul airport is open again for international flights pic.twitter.com/a1B2c3",
        "— Civil Aviation Authority (@ACAA_Afg) March 3, 2023",
    ]
    text = page("Kabul airport reopens", *AIRPORT_BODY, *post)
    assert load_one(tmp_path, text).text.split("\n\n")[-2:] == post


def test_a_last_paragraph_without_a_closing_full_stop_is_kept(tmp_path: Path) -> None:
    unclosed = ("Officials said cargo flights would follow in the spring and that talks with "
                "three more airlines about routes to the Gulf were under way")
    text = page("Kabul airport reopens", *AIRPORT_BODY, unclosed)
    assert load_one(tmp_path, text).text.split("\n\n") == [*AIRPORT_BODY, unclosed]


def test_a_trailing_teaser_written_on_one_line_with_its_blurb_is_removed(
    tmp_path: Path,
) -> None:
    teaser = ("Snow Closes Salang Pass For Third Day Travellers were stranded as heavy snow "
              "blocked the main route north of the capital.")
    text = page("Kabul airport reopens", *AIRPORT_BODY, "Kandahar Hosts First Trade Fair",
                teaser)
    assert load_one(tmp_path, text).text.split("\n\n") == AIRPORT_BODY
