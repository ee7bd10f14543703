"""HTML pages → the article's lines and the facts the page states about itself.

trafilatura finds the article in the markup (its content heuristics, with
readability and jusText as fallbacks, measured far ahead of element rules by
class name) and reads the page's metadata: the title, the site name, the
published date through htmldate (JSON-LD, meta tags, ``<time>``, the URL, the
visible dateline, as the page writes it) and the canonical URL. The lines it
keeps then go through the scraped-text rules, which still catch furniture that
markup does not label (teaser blocks, share lines, a byline's outlet), unless
they would throw away most of what trafilatura kept.

A page trafilatura cannot read, or one too short for its heuristics (it then
returns the whole page as one flat line, its "baseline"), is read from its
visible text by the scraped-text rules alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag
from trafilatura import bare_extraction
from trafilatura.settings import Document as Extraction

from retrieval.ingest.article import UnreadableFile
from retrieval.ingest.scraped import ScrapedArticle, parse_lines
from retrieval.ingest.text import join_paragraphs, normalise_space, word_set

log = logging.getLogger(__name__)

KEPT_SHARE = 0.5
"""The line rules may remove furniture, never most of the article trafilatura found."""

_NEVER_TEXT = tuple(word_set("script style noscript template svg head iframe object"))
_BLOCK_ELEMENTS = word_set(
    "p div section article main aside nav header footer form h1 h2 h3 h4 h5 h6 li ul ol "
    "dl dt dd blockquote pre table tr td th caption address hr center details summary "
    "figure figcaption"
)


@dataclass(frozen=True, slots=True)
class PageFacts:
    title: str | None
    source: str | None
    published: date | None
    url: str | None


def parse_html(markup: str) -> tuple[PageFacts, ScrapedArticle]:
    """The page's own facts and its article text, cleaned.

    Raises UnreadableFile when no article text is found.
    """
    extraction = _extract(markup)
    facts = _page_facts(extraction)
    text = extraction.text if extraction is not None else None
    if not text or "\n" not in text.strip():
        if extraction is None:
            log.warning("trafilatura found no article; reading the page's visible text")
        article = parse_lines(visible_lines(markup), facts.title)
    else:
        article = _cleaned(text.splitlines(), facts.title)
    return _with_outlet(facts, article), article


def _extract(markup: str) -> Extraction | None:
    try:
        extraction = bare_extraction(
            markup, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception as error:  # any failure inside the extractor: use the fallback
        log.warning("trafilatura failed on a page (%s)", error)
        return None
    return extraction if isinstance(extraction, Extraction) else None


def _page_facts(extraction: Extraction | None) -> PageFacts:
    if extraction is None:
        return PageFacts(None, None, None, None)
    return PageFacts(
        title=_headline(extraction),
        source=_site_name(extraction),
        published=_date(extraction.date),
        url=extraction.url or None,
    )


def _headline(extraction: Extraction) -> str | None:
    """The article's own heading when the extracted text starts with one: the
    page's <title> often carries the site's name, the first <h1> is often a logo."""
    body = extraction.body
    if body is not None and len(body) and body[0].tag == "head":
        heading = normalise_space("".join(body[0].itertext()))
        if heading:
            return heading
    return normalise_space(extraction.title or "") or None


def _site_name(extraction: Extraction) -> str | None:
    return normalise_space(extraction.sitename or "") or None


def _with_outlet(facts: PageFacts, article: ScrapedArticle) -> PageFacts:
    """A bare host name is only trafilatura's guess at the outlet: an outlet named in
    the article's byline or dateline is better."""
    guessed = facts.source is None or (" " not in facts.source and "." in facts.source)
    if guessed and article.source:
        return replace(facts, source=article.source)
    return facts


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _cleaned(lines: list[str], title: str | None) -> ScrapedArticle:
    """trafilatura's lines through the scraped-text rules, unless those would keep
    less than ``KEPT_SHARE`` of the article's text."""
    body = [line for line in lines if line.strip() and line.strip() != title]
    whole = join_paragraphs([normalise_space(line) for line in body])
    try:
        cleaned = parse_lines(lines, title)
    except UnreadableFile:
        return ScrapedArticle(title=title, text=whole, source=None, published=None)
    if len(cleaned.text) >= KEPT_SHARE * len(whole):
        return cleaned
    return ScrapedArticle(
        title=cleaned.title, text=whole, source=cleaned.source, published=cleaned.published
    )


def visible_lines(markup: str) -> list[str]:
    """The page's text as a browser lays it out: a new line at every block and <br>.

    Walked with an explicit stack, so absurdly nested markup cannot overflow.
    """
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_NEVER_TEXT):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    root = soup.body or soup
    lines: list[str] = []
    current: list[str] = []
    pending: list[tuple[Iterator[PageElement], bool]] = [(iter(root.children), False)]
    while pending:
        children, is_block = pending[-1]
        child = next(children, None)
        if child is None:
            pending.pop()
            if is_block:
                _end_line(current, lines)
        elif isinstance(child, NavigableString):
            current.append(str(child))
        elif isinstance(child, Tag):
            opens_block = child.name in _BLOCK_ELEMENTS
            if opens_block or child.name == "br":
                _end_line(current, lines)
            pending.append((iter(child.children), opens_block))
    _end_line(current, lines)
    return lines


def _end_line(current: list[str], lines: list[str]) -> None:
    line = normalise_space("".join(current))
    if line:
        lines.append(line)
    current.clear()
