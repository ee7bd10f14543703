"""HTML pages → the same lines a scraper would produce, plus the metadata the
page declares in <meta>, <time>, <h1> and <title>.

Markup tells more than text does: navigation, asides, forms and share widgets
are dropped by element, the article is taken from <article>/<main> when the
page has one, and the lines then go through the scraped-text rules, which
catch the furniture that markup does not label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

from retrieval.ingest.dates import parse_date
from retrieval.ingest.scraped import ScrapedArticle, parse_lines
from retrieval.ingest.text import normalise_space, word_set

_DROPPED_ELEMENTS = tuple(
    word_set(
        "script style noscript template nav header footer aside form iframe svg button select "
        "input textarea figure menu dialog"
    )
)
_BLOCK_ELEMENTS = word_set(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table "
    "tr td th caption address hr center details summary"
)
_FURNITURE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|related|newsletter|comments?|advert\w*|ads?|cookie\w*"
    r"|promo|sidebar|breadcrumbs?|subscribe|popup|modal|recommend\w*|trending|most-popular)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+")
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publish-date",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
)
_OUTLET_META = ("og:site_name", "application-name", "publisher")


@dataclass(frozen=True, slots=True)
class PageFacts:
    title: str | None
    source: str | None
    published: date | None
    url: str | None


def parse_html(markup: str) -> tuple[PageFacts, ScrapedArticle]:
    """The page's declared facts and its text cleaned as scraped text.

    Raises UnreadableFile when no article text is left after cleaning.
    """
    soup = BeautifulSoup(markup, "lxml")
    facts = _page_facts(soup)
    _drop_furniture_elements(soup)
    lines = _block_lines(_content_root(soup))
    return facts, parse_lines(lines, facts.title)


def _page_facts(soup: BeautifulSoup) -> PageFacts:
    meta = _meta_contents(soup)
    outlet = _first(meta, _OUTLET_META)
    return PageFacts(
        title=_headline(soup, meta, outlet),
        source=outlet,
        published=_published(soup, meta),
        url=_canonical_url(soup) or meta.get("og:url"),
    )


def _meta_contents(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta> by its name, property or itemprop, lower-cased (sites vary)."""
    contents: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = normalise_space(_attribute(tag, "content"))
        for attribute in ("property", "name", "itemprop"):
            key = _attribute(tag, attribute).lower()
            if key and content:
                contents.setdefault(key, content)
    return contents


def _attribute(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if key in meta), None)


def _headline(soup: BeautifulSoup, meta: dict[str, str], outlet: str | None) -> str | None:
    heading = soup.find("h1")
    if isinstance(heading, Tag):
        text = normalise_space(heading.get_text())
        if text:
            return text
    declared = meta.get("og:title") or meta.get("twitter:title")
    if declared:
        return declared
    if soup.title is not None:
        return _without_site_name(normalise_space(soup.title.get_text()), outlet) or None
    return None


def _without_site_name(title: str, outlet: str | None) -> str:
    """<title> often reads "Headline | Outlet"; the outlet is not the headline."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if outlet and separators:
        last = separators[-1]
        if title[last.end() :].casefold() == outlet.casefold():
            return title[: last.start()]
    return title


def _published(soup: BeautifulSoup, meta: dict[str, str]) -> date | None:
    for key in _PUBLISHED_META:
        if key in meta and (published := parse_date(meta[key])) is not None:
            return published
    for time in soup.find_all("time"):
        published = parse_date(_attribute(time, "datetime") or time.get_text())
        if published is not None:
            return published
    return None


def _canonical_url(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link"):
        if "canonical" in _attribute(link, "rel").lower().split():
            return _attribute(link, "href") or None
    return None


def _drop_furniture_elements(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_DROPPED_ELEMENTS):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in soup.find_all(_is_furniture_element):
        tag.decompose()


def _is_furniture_element(tag: Tag) -> bool:
    if tag.name in ("html", "body", "article", "main"):
        return False
    if tag.has_attr("hidden") or _attribute(tag, "aria-hidden") == "true":
        return True
    marks = f"{_attribute(tag, 'class')} {_attribute(tag, 'id')}"
    return _FURNITURE_CLASS.search(marks) is not None


def _content_root(soup: BeautifulSoup) -> Tag:
    """The longest <article>, else <main>, else the body: teaser cards are often
    <article>s too, but shorter than the story."""
    articles = [tag for tag in soup.find_all("article") if isinstance(tag, Tag)]
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text()))
    for candidate in (soup.find("main"), soup.find(attrs={"role": "main"}), soup.body):
        if isinstance(candidate, Tag):
            return candidate
    return soup


def _block_lines(root: Tag) -> list[str]:
    """Text as a browser lays it out: a new line at every block and <br>.

    Walked with an explicit stack, so absurdly nested markup cannot overflow.
    """
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
