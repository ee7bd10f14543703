"""Finding the outlet an article comes from in the ways news text names it.

Each rule demands a short, capitalised, name-like outlet so that an ordinary
sentence with a dash or a parenthesis is never mistaken for a byline.
"""

from __future__ import annotations

import re

from retrieval.gazetteer import is_country
from retrieval.ingest.text import word_set

_MAX_OUTLET_WORDS = 5
_MAX_OUTLET_CHARS = 40
_MIN_REST_WORDS = 6
_MAX_BYLINE_WORDS = 12
_DATELINE_PLACE_MIN_CHARS = 5
_CONNECTORS = word_set("of the and & de del la le al el di da du van von y")
_JOB_WORDS = word_set(
    """correspondent editor reporter writer staff contributor columnist analyst bureau chief
    producer journalist desk intern photographer editorial senior special"""
)
_STAFF_WORDS = word_set("staff newsroom desk team")
_SENTENCE_STOP = re.compile(r"[.!?]")
_OPENING_QUOTES = "\"'“‘«"

_LEADING_OUTLET = re.compile(r"(?P<outlet>\S.{0,39}?)\s+(?P<dash>[–—-])\s+(?P<rest>\S.*)")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][^\s(),]*(?:\s+[A-Z][^\s(),]*){0,3})(?:\s*,\s*[^()]{1,30}?)?"
    r"\s*\((?P<outlet>[^()]{2,40})\)\s*[-–—:]\s+\S"
)
_SOURCE_TAG = re.compile(
    r"\s*[\[(]\s*(?:source|via)\s*:\s*(?P<outlet>[^\])]{2,60}?)\s*[\])]", re.IGNORECASE
)
_SOURCE_LINE = re.compile(r"(?:source|via)\s*:\s*(?P<outlet>.{2,60})", re.IGNORECASE)
_BYLINE = re.compile(r"by\s+(?P<who>\S.*)", re.IGNORECASE)
_BYLINE_OUTLET = re.compile(r"\s+for\s+|\s*,\s*")


def is_outlet_like(name: str) -> bool:
    """Short and capitalised like a name: "Bayan News", "TASS", "The New York Times"."""
    words = name.split()
    if not 0 < len(words) <= _MAX_OUTLET_WORDS or len(name) > _MAX_OUTLET_CHARS:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()) or name[-1] in ",;:!?":
        return False
    return all(_is_name_word(word) for word in words) and not is_country(name)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word.lower() in _CONNECTORS


def split_leading_outlet(paragraph: str) -> tuple[str | None, str]:
    """ "Bayan News – Sergei Shoigu said…" → ("Bayan News", "Sergei Shoigu said…")."""
    match = _LEADING_OUTLET.fullmatch(paragraph)
    if match is None:
        return None, paragraph
    outlet, dash, rest = match["outlet"], match["dash"], match["rest"]
    if not (is_outlet_like(outlet) and _reads_as_sentence(rest)) or _is_place_dateline(outlet):
        return None, paragraph
    if dash in _first_sentence(rest):
        return None, paragraph
    return outlet, rest


def _reads_as_sentence(text: str) -> bool:
    first = text[0]
    return (first.isupper() or first.isdigit() or first in _OPENING_QUOTES) and len(
        text.split()
    ) >= _MIN_REST_WORDS


def _first_sentence(text: str) -> str:
    """A dash pair inside it marks an aside ("Putin – Russia's president – said")."""
    stop = _SENTENCE_STOP.search(text)
    return text if stop is None else text[: stop.start()]


def _is_place_dateline(name: str) -> bool:
    """ "KABUL —" opens many wire stories; outlets in capitals are short acronyms."""
    return name.isupper() and " " not in name and len(name) >= _DATELINE_PLACE_MIN_CHARS


def dateline_outlet(paragraph: str) -> str | None:
    """ "MOSCOW (Reuters) - …" names the outlet in parentheses; the text is kept."""
    match = _DATELINE.match(paragraph)
    if match is None or not is_outlet_like(match["outlet"]):
        return None
    return match["outlet"]


def strip_source_tags(paragraph: str) -> tuple[str | None, str]:
    """ "… at large. [Source: Interfax]" → ("Interfax", "… at large.")."""
    outlet: str | None = None

    def take(match: re.Match[str]) -> str:
        nonlocal outlet
        if not is_outlet_like(match["outlet"]):
            return match[0]
        outlet = outlet or match["outlet"]
        return ""

    stripped = _SOURCE_TAG.sub(take, paragraph).strip()
    return outlet, stripped


def source_line_outlet(segment: str) -> str | None:
    """A standalone "Source: Interfax" line."""
    match = _SOURCE_LINE.fullmatch(segment)
    if match is None or not is_outlet_like(match["outlet"]):
        return None
    return match["outlet"]


def parse_byline(segment: str) -> tuple[bool, str | None]:
    """Whether a segment is a "By …" credit, and the outlet it names if any
    ("By Jane Doe, Reuters", "By Jane Doe for Al Jazeera", "By Reuters Staff")."""
    match = _BYLINE.fullmatch(segment)
    if match is None:
        return False, None
    who = match["who"]
    names = [part for part in _BYLINE_OUTLET.split(who) if part]
    if len(who.split()) > _MAX_BYLINE_WORDS or not all(_is_name_words(part) for part in names):
        return False, None
    return True, _byline_outlet(names)


def _is_name_words(text: str) -> bool:
    words = text.split()
    return bool(words) and all(_is_name_word(word) or word.lower() == "and" for word in words)


def _byline_outlet(names: list[str]) -> str | None:
    last_words = names[-1].split()
    if len(names) == 1:
        if len(last_words) > 1 and last_words[-1].lower() in _STAFF_WORDS:
            candidate = " ".join(last_words[:-1])
            return candidate if is_outlet_like(candidate) else None
        return None
    candidate = names[-1]
    if any(word.lower() in _JOB_WORDS for word in last_words) or not is_outlet_like(candidate):
        return None
    return candidate
