"""The Telegram HTML renderer, on hand-built answers: escaping, markup, the 4096 limit."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render_html import MESSAGE_LIMIT, render_answer, render_quote, trim_excerpt
from retrieval.models import Answer, DocumentInfo, Quote
from tests.bot_api_standin import parse_telegram_html, utf16_length


def document(number: int = 1, url: str | None = "https://example.org/a?x=1&y=2",
             title: str = "Shoigu <writes> & SCO") -> DocumentInfo:
    return DocumentInfo(doc_id=f"d{number}", title=title, source="Gazette", url=url,
                        published=date(2024, 11, 21), path=f"{number}.txt")


def quote(text: str, mark: str, number: int = 1, doc: DocumentInfo | None = None,
          sentence: str | None = None) -> Quote:
    start = text.index(mark)
    sentence = sentence or mark
    said = text.index(sentence)
    return Quote(number=number, passage_id=f"d{number}#0", document=doc or document(number),
                 text=text, highlight=sentence, sentence_start=said,
                 sentence_end=said + len(sentence), mark_start=start,
                 mark_end=start + len(mark), score=1.0)


def answer(*quotes: Quote, question: str = "q?") -> Answer:
    return Answer(question=question, status="answered", quotes=list(quotes), document_count=5)


def test_quote_in_blockquote_with_bold_span_and_linked_numbered_source() -> None:
    html = render_answer(answer(quote("Before. Shoigu <met> A&B. After.", "Shoigu <met> A&B.")))
    expected = "<blockquote>Before. <u><b>Shoigu &lt;met&gt; A&amp;B.</b></u> After.</blockquote>"
    assert expected in html
    link = '<a href="https://example.org/a?x=1&amp;y=2">Shoigu &lt;writes&gt; &amp; SCO</a>'
    assert f"<b>[1] </b>{link}" in html
    assert " — Gazette, 21 November 2024" in html
    parse_telegram_html(html)


def test_the_answering_sentence_is_underlined_and_its_answer_bold() -> None:
    passage = "Before it. Shoigu met <Kabir> in Kabul. After it."
    html = render_answer(answer(quote(passage, "<Kabir>", sentence="Shoigu met <Kabir> in Kabul.")))
    assert (
        "<blockquote>Before it. <u>Shoigu met </u><u><b>&lt;Kabir&gt;</b></u><u> in Kabul.</u>"
        " After it.</blockquote>"
    ) in html
    parse_telegram_html(html)


def test_sources_listed_once_per_number_and_unlinked_without_web_url() -> None:
    doc = document(url="javascript:alert(1)")
    html = render_answer(answer(quote("One fact.", "One fact.", doc=doc),
                                quote("Two facts.", "Two facts.", doc=doc)))
    assert html.count("[1] ") == 1
    assert "<a " not in html


def test_declined_answer_says_so_in_plain_text() -> None:
    declined = Answer(question="x", status="declined", quotes=[], document_count=5)
    assert "not in the 5 articles I know" in parse_telegram_html(render_answer(declined))


@pytest.mark.parametrize("filler", ["word ", "😀 ", "<&> "])
def test_long_answers_are_trimmed_to_valid_html_within_the_limit(filler: str) -> None:
    quotes = [
        quote(filler * 400 + f"Answer number {n}." + filler * 400, f"Answer number {n}.", n)
        for n in range(1, 6)
    ]
    html = render_answer(answer(*quotes))
    shown = parse_telegram_html(html)
    assert utf16_length(shown) <= MESSAGE_LIMIT
    for n in range(1, 6):
        assert f"Answer number {n}." in shown
        assert f"[{n}] Shoigu" in shown


def test_quotes_that_cannot_fit_are_dropped_with_their_sources() -> None:
    quotes = [quote("x" * 3000, "x" * 3000, n) for n in range(1, 4)]
    shown = parse_telegram_html(render_answer(answer(*quotes), limit=300))
    assert utf16_length(shown) <= 300
    assert "[1]" in shown
    assert "[3]" not in shown


def test_inline_quote_fits_alone() -> None:
    html = render_quote(quote("a " * 3000 + "the point." + " b" * 3000, "the point."))
    shown = parse_telegram_html(html)
    assert "the point." in shown and utf16_length(shown) <= MESSAGE_LIMIT


def test_trim_excerpt_keeps_the_answering_span_and_marks_cuts() -> None:
    before, mark, after = trim_excerpt("one two three four ", "SPAN", " five six seven", 14)
    assert mark == "SPAN"
    assert before.startswith("…") and after.endswith("…")


def test_an_article_quoted_twice_is_numbered_once_above_both_quotes() -> None:
    doc = document()
    html = render_answer(answer(quote("One fact.", "One fact.", doc=doc),
                                quote("Two facts.", "Two facts.", doc=doc)))
    shown = parse_telegram_html(html)
    assert shown.count("[1]") == 2  # above the quotes, and in the sources
    assert shown.index("One fact.") < shown.index("Two facts.") < shown.index("Sources")
