"""Scraped article text → headline, date, outlet and clean body paragraphs.

The page is read top to bottom as a news page is laid out: header furniture and
facts, the headline, header facts again (date, byline), the article's
paragraphs, then footers. Every rule is about the shape of a line, never about a
particular site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from retrieval.ingest.article import UnreadableFile
from retrieval.ingest.bylines import dateline_outlet, split_leading_outlet
from retrieval.ingest.footer import remove_teaser_blocks
from retrieval.ingest.lines import Kind, Line, classify
from retrieval.ingest.metalines import DateKind
from retrieval.ingest.text import (
    PROSE_MIN_WORDS,
    clean_lines,
    ends_sentence,
    is_headline_like,
    is_paragraph,
    is_truncated,
    join_paragraphs,
    word_count,
)

HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
SCRAP_MAX_WORDS = 3
_LIST_ITEM = re.compile(r"(?:[-–•*·▪]|\d{1,2}[.)])\s+\S")
_POST_ATTRIBUTION = re.compile(r"[—–-]\s*\S.*\(@\w{1,15}\)")
"""An embedded post's byline: "— Civil Aviation Authority (@ACAA_Afg) March 3, 2023"."""
_TITLE_CASE_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+){5,}[a-z]")
"""Five or more capitalised words, then a lower-case one: a headline glued to its blurb."""


@dataclass(frozen=True, slots=True)
class ScrapedArticle:
    title: str | None
    text: str
    source: str | None
    published: date | None


def parse_scraped(text: str, known_headline: str | None = None) -> ScrapedArticle:
    """Raises UnreadableFile when no article text is left after cleaning."""
    return parse_lines(clean_lines(text), known_headline)


def parse_lines(raw_lines: list[str], known_headline: str | None = None) -> ScrapedArticle:
    lines = classify(raw_lines)
    headline_at = _headline_index(lines, known_headline)
    before_headline = lines[:headline_at] if headline_at is not None else []
    body = remove_teaser_blocks(lines[headline_at + 1 :] if headline_at is not None else lines)
    header_meta = [line for line in before_headline if line.kind is Kind.META]
    paragraphs = _trim_scraps([line for line in body if line.kind is Kind.TEXT])
    if not paragraphs:
        raise UnreadableFile("no article text left after removing page furniture")
    texts = [line.text for line in paragraphs]
    lead = _lead_index(texts)
    leading_outlet, texts[lead] = split_leading_outlet(texts[lead])
    header_meta += _header_part(body)
    title = known_headline or (lines[headline_at].text if headline_at is not None else None)
    return ScrapedArticle(
        title=title,
        text=join_paragraphs(texts),
        source=leading_outlet
        or dateline_outlet(texts[lead])
        or _tagged_outlet(paragraphs)
        or _meta_outlet(body + header_meta),
        published=_published(header_meta, body),
    )


def _headline_index(lines: list[Line], known_headline: str | None) -> int | None:
    if known_headline is not None:
        return _index_of_text(lines, known_headline)
    fallback: int | None = None
    for index, line in enumerate(lines):
        if line.kind is not Kind.TEXT:
            continue
        words = word_count(line.text)
        if words > HEADLINE_MAX_WORDS or len(line.text) > HEADLINE_MAX_CHARS:
            break
        if is_truncated(line.text):
            continue
        if words >= HEADLINE_MIN_WORDS:
            return index
        if words > 1 and fallback is None:
            fallback = index
    return fallback


def _index_of_text(lines: list[Line], wanted: str) -> int | None:
    """Where a headline known from the page's markup repeats in its text, if it does."""
    key = wanted.casefold()
    for index, line in enumerate(lines):
        if line.kind is Kind.TEXT and line.text.casefold() == key:
            return index
        if line.kind is Kind.TEXT and is_paragraph(line.text):
            return None
    return None


def _trim_scraps(paragraphs: list[Line]) -> list[Line]:
    """Drop what an article cannot start or end with: before its first sentence,
    stray names and labels of a few words; after its end, headline-like lines and
    truncated blurbs (teasers without a label)."""
    closed = [index for index, line in enumerate(paragraphs) if _closes(line.text)]
    if not closed:
        return paragraphs
    first_closed = closed[0]
    leading = [
        line
        for line in paragraphs[:first_closed]
        if word_count(line.text) > SCRAP_MAX_WORDS or not is_headline_like(line.text)
    ]
    end = _without_glued_teasers(paragraphs, _article_end(paragraphs, closed[-1]))
    return leading + paragraphs[first_closed:end]


def _closes(text: str) -> bool:
    return ends_sentence(text) or _introduces_list(text)


def _introduces_list(text: str) -> bool:
    """"The band will play these dates:": what follows belongs to the article."""
    return text.endswith(":") and word_count(text) >= PROSE_MIN_WORDS


def _article_end(paragraphs: list[Line], last_closed: int) -> int:
    """Where the article ends: past its last sentence, a list it introduced,
    bulleted items, an embedded post with its attribution and a paragraph that
    lacks only its full stop still belong to it; a headline-like line or a
    truncated blurb does not."""
    end = last_closed + 1
    in_list = _introduces_list(paragraphs[last_closed].text)
    while end < len(paragraphs):
        text = paragraphs[end].text
        following = paragraphs[end + 1].text if end + 1 < len(paragraphs) else ""
        if is_truncated(text):
            break
        belongs = (
            in_list
            or _LIST_ITEM.match(text) is not None
            or _POST_ATTRIBUTION.match(text) is not None
            or _POST_ATTRIBUTION.match(following) is not None
            or not is_headline_like(text)
        )
        if not belongs:
            break
        end += 1
    return end


def _without_glued_teasers(paragraphs: list[Line], end: int) -> int:
    """A teaser block at the very end, its headlines standing alone or glued to their
    blurbs ("Snow Closes Salang Pass For Third Day Travellers were stranded …"), is
    cut; a glued-looking line alone stays (a sentence may open with a long name)."""
    start = end
    while start > 0 and _teaser_shaped(paragraphs[start - 1].text):
        start -= 1
    block = [paragraphs[index].text for index in range(start, end)]
    has_headline = any(is_headline_like(text) for text in block)
    has_glued = any(_TITLE_CASE_RUN.match(text) for text in block)
    return start if has_headline and has_glued and start > 0 else end


def _teaser_shaped(text: str) -> bool:
    return is_headline_like(text) or _TITLE_CASE_RUN.match(text) is not None


def _lead_index(texts: list[str]) -> int:
    """The first real paragraph: where bylines and datelines stand, past any standfirst."""
    return next((index for index, text in enumerate(texts) if ends_sentence(text)), 0)


def _header_part(body: list[Line]) -> list[Line]:
    """The META lines above the first paragraph: plain dates count only there."""
    header: list[Line] = []
    for line in body:
        if line.kind is Kind.TEXT and is_paragraph(line.text):
            break
        if line.kind is Kind.META:
            header.append(line)
    return header


def _published(header_meta: list[Line], body: list[Line]) -> date | None:
    """The header's best stamp; below the header only labelled stamps
    ("Published on …") count, since a lone date there may belong to anything."""
    candidates = [
        (line.meta.date_kind, line.meta.published)
        for line in header_meta
        if line.meta is not None and line.meta.published is not None
    ]
    candidates += [
        (line.meta.date_kind, line.meta.published)
        for line in body
        if line.meta is not None
        and line.meta.published is not None
        and line.meta.date_kind is DateKind.PUBLISHED
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: candidate[0])[1]


def _tagged_outlet(paragraphs: list[Line]) -> str | None:
    return next((line.tagged_outlet for line in paragraphs if line.tagged_outlet), None)


def _meta_outlet(lines: list[Line]) -> str | None:
    return next(
        (line.meta.outlet for line in lines if line.meta is not None and line.meta.outlet),
        None,
    )
