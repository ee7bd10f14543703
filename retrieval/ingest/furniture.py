"""General rules that recognise page furniture: the lines a site wraps around
every article (navigation, share buttons, cookie notices, footer labels).

Whole-line labels are matched by set lookup on a normalised key; the few
patterns are precompiled and only tried on short lines, so a newsroom corpus of
tens of thousands of pages stays cheap to clean.
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.ingest.text import word_count, word_set

_EDGE_NOISE = re.compile(r"^[\W_]+|[\W_]+$")
_COUNTER = re.compile(r"\s*\(\d+\)$")
_NO_WORDS = re.compile(r"^[\W_]*$")


def _labels(text: str) -> frozenset[str]:
    return frozenset(label.strip() for label in text.split("|"))


_NAVIGATION = _labels(
    """home|news|world|world news|politics|business|economy|markets|sport|sports|tech|technology
    |science|health|culture|entertainment|lifestyle|travel|weather|opinion|opinions|editorial
    |analysis|features|feature|video|videos|photos|gallery|podcast|podcasts|live|menu|search
    |log in|login|sign in|register|subscribe|newsletter|newsletters|contact|contact us|about
    |about us|privacy policy|terms of use|terms of service|advertise|asia|europe|africa
    |americas|middle east|region|local|national|international|breaking|breaking news
    |headlines|featured|exclusive|main menu|navigation|sections|all sections|more|close|open
    |previous|next|prev|go|submit|loading|toggle navigation|skip to content
    |skip to main content|back to top|back to top button|scroll to top|exit mobile version
    |advertisement|advertisements|sponsored|sponsored content|ad|ads|fbpx|published|updated
    |posted|on|by|last updated|no time to read|get a summary|listen to this article|listen
    |share|share this|share this article|share this story|share this post|tweet|email|e-mail
    |print|copy link|link copied|accept|accept all|accept cookies|reject all|i agree|got it
    |manage preferences|cookie settings|privacy settings|font size|text size|print this page
    |save|save article|bookmark|comments off|view comments|show comments"""
)
_SOCIAL = word_set(
    """facebook twitter x whatsapp telegram linkedin reddit pinterest tumblr email e-mail print
    messenger viber vk instagram youtube tiktok threads bluesky flipboard pocket mastodon
    copy link share tweet on via"""
)
FOOTER_LABELS = _labels(
    """trending|trending now|trending news|trending stories|more news|more stories|more articles
    |previous article|next article|previous post|next post|previous story|next story
    |older post|newer post|related|related articles|related posts|related stories
    |related news|related content|related topics|related coverage|most popular|most read
    |most viewed|most shared|popular|popular posts|popular news|popular stories|popular now
    |read more|read next|read also|also read|see also|you may also like|you might also like
    |you may like|you might like|you may be interested in|we recommend|recommended
    |recommended for you|recommended stories|recommended articles|editor's picks
    |editors' picks|editor's choice|top stories|top news|don't miss|do not miss|must read
    |in case you missed it|what to read next|up next|more on this story|more on this topic
    |latest posts|latest news|latest stories|latest articles|latest|recent posts
    |recent news|recent articles|other news|other stories|comments|leave a comment
    |leave a reply|join the conversation|about the author|from the web|around the web
    |promoted stories|sponsored stories|more from our network"""
)
_SHORT_LINE_WORDS = 15
_FOOTER_LABEL_WITH_HEADLINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(label) for label in sorted(FOOTER_LABELS, key=len, reverse=True))
    + r")(?:\s*[:|»›>]|\s+[–—-])\s*\S",
    re.IGNORECASE,
)
_MORE_FROM = re.compile(
    r"^more (?:from|in|on|news from|stories from|articles from|by)\s+\S.{0,40}$", re.IGNORECASE
)
_SHORT_LINE_RULES = re.compile(
    "|".join(
        f"(?:{pattern})"
        for pattern in (
            r"^(?:share|tweet|post|send|pin)(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page|link))?"
            r"(?:\s+(?:on|via|to|with)\s+\S+)?$",
            r"^(?:subscribe|sign up|sign-up)\b|\b(?:our|free|daily|weekly)\s+newsletters?\b",
            r"^follow\s+\S+(?:\s+\S+)?\s+on\b",
            r"^(?:read more|continue reading|click here|tap here|see more|view more|load more"
            r"|show more|read the full (?:story|article))\b",
            r"^(?:published|updated|posted|last updated|first published)\s+(?:\d+|an?|one)\s+"
            r"(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago$",
            r"^(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago$",
            r"^(?:just now|\d+\s*(?:min|mins|minutes?)\s*(?:read|reading)?|reading time\b.*)$",
            r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?$",
            r"^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b",
            r"^(?:file\s+)?(?:photo|image|picture|photograph|illustration|video)s?(?:\s+credits?)?"
            r"\s*(?:[:|/©]|by\b)",
            r"^(?:tags?|topics?|categor(?:y|ies)|filed under|keywords)\s*:",
            r"\bjavascript\b.*\b(?:enable|disabled|required|support)",
        )
    ),
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we use|we and our partners|(?:this|our) (?:site|website) uses"
    r"|by (?:continuing|using)|you (?:agree|consent|accept)|accept (?:all )?cookies"
    r"|cookie (?:policy|settings|preferences))\b",
    re.IGNORECASE,
)
_COOKIE_NOTICE_MAX_WORDS = 80
_BREADCRUMB_SPLIT = re.compile(r"\s*[›»>|/]\s*")
_BREADCRUMB_MIN_PARTS = 3
_BREADCRUMB_PART_WORDS = 3


@lru_cache(maxsize=8192)
def label_key(line: str) -> str:
    """A line reduced to its wording, so "» Related Articles:" finds "related articles".

    Cached: each short line is asked about twice, and furniture repeats across pages.
    """
    key = _COUNTER.sub("", line) if line.endswith(")") else line
    key = key.replace("’", "'").lower()
    return " ".join(_EDGE_NOISE.sub("", key).split())


def is_footer_label(line: str) -> bool:
    """A heading that introduces teasers for other stories, not article text."""
    if word_count(line) > _SHORT_LINE_WORDS:
        return False
    key = label_key(line)
    return key in FOOTER_LABELS or _MORE_FROM.match(key) is not None


def is_furniture(line: str) -> bool:
    """A line no article would contain as text: it is removed wherever it stands."""
    if _NO_WORDS.match(line):
        return True
    words = word_count(line)
    if words <= _SHORT_LINE_WORDS and _is_short_furniture(line):
        return True
    return words <= _COOKIE_NOTICE_MAX_WORDS and _is_cookie_notice(line)


def _is_cookie_notice(line: str) -> bool:
    if "ookie" not in line and "OOKIE" not in line:
        return False
    return _COOKIE.search(line) is not None and _COOKIE_NOTICE.search(line) is not None


def _is_short_furniture(line: str) -> bool:
    key = label_key(line)
    if key in _NAVIGATION or _only_social_words(key) or _is_breadcrumb(line):
        return True
    if _FOOTER_LABEL_WITH_HEADLINE.match(line) is not None:
        return True
    return _SHORT_LINE_RULES.search(line) is not None


def _only_social_words(key: str) -> bool:
    words = key.replace(",", " ").split()
    return bool(words) and all(word in _SOCIAL for word in words)


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SPLIT.split(line)
    return len(parts) >= _BREADCRUMB_MIN_PARTS and all(
        0 < word_count(part) <= _BREADCRUMB_PART_WORDS and _has_letter(part) for part in parts
    )


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)
