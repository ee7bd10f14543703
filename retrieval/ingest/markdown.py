"""Markdown syntax is markup, not the article's words: it is removed before the
scraped-text rules run, so quotes never show asterisks or link targets."""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# *emphasis* or _emphasis_, but not the underscores inside snake_case words.
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+)")


def strip_markdown(text: str) -> str:
    lines = (_LINE_MARKUP.sub("", line) for line in text.splitlines())
    plain = "\n".join(lines)
    unlinked = _LINK.sub(r"\1", _IMAGE.sub("", plain))
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", unlinked))
