"""Whether a question is in English, the one language the analyzer reads.

A question in another language would find no passage and be told the articles
do not hold the answer, which is not true: it should be told which languages
are understood. Most questions settle cheaply: other scripts are not English,
and a question whose ordinary words an English dictionary knows is. Only the
rest are given to py3langid (its model loads on first use, ~0.4 s).
"""

from __future__ import annotations

import re
import unicodedata

import simplemma

from retrieval.analysis.stopwords import STOPWORDS

SUPPORTED_LANGUAGES = ("English",)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_KNOWN_SHARE = 0.6


def is_english(question: str) -> bool:
    words = _WORD.findall(question)
    if not words:
        return True
    if _latin_share(words) < 0.5:
        return False
    ordinary = [word for number, word in enumerate(words) if number == 0 or word.islower()]
    known = sum(_is_english_word(word.casefold()) for word in ordinary)
    if known >= _KNOWN_SHARE * len(ordinary):
        return True
    return _identify(question) == "en"


def _latin_share(words: list[str]) -> float:
    letters = [char for word in words for char in word]
    latin = sum("LATIN" in unicodedata.name(char, "") for char in letters)
    return latin / len(letters)


def _is_english_word(word: str) -> bool:
    return word in STOPWORDS or bool(simplemma.is_known(word, lang="en"))


def load_identifier() -> None:
    """Load py3langid's model now, not on the first question that needs it."""
    _identify("")


def _identify(text: str) -> str:
    import py3langid  # loads its model on first use: only for the questions that need it

    language, _ = py3langid.classify(text)
    return str(language)
