"""Unicode normalisation shared by the analyzer and answer matching.

Scraped news text mixes no-break spaces, curly quotes and apostrophes, several
dashes and compatibility characters. Folding them to one form makes "Russia’s"
and "Russia's" the same token, and lets the evaluation compare answers the
same way the index does.
"""

from __future__ import annotations

import unicodedata

_PUNCTUATION = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u200b": "",  # zero-width space
        "\u00ad": "",  # soft hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2212": "-",  # minus sign
        "\u2012": " - ",  # figure dash
        "\u2013": " - ",  # en dash: a separator between words, not a hyphen
        "\u2014": " - ",  # em dash
        "\u2015": " - ",
        "\u2026": "...",
    }
)


def normalize_text(text: str) -> str:
    """NFKC plus one form for spaces, quotes, apostrophes and dashes."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)


def fold_for_matching(text: str) -> str:
    """Case-insensitive, whitespace-insensitive form used to compare answers."""
    return " ".join(normalize_text(text).casefold().split())
