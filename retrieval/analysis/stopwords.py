"""English stopwords: words that carry no topic, in passages or in questions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

# Words of questions and hedges that the NLTK-derived list does not have.
_QUESTION_WORDS = {
    "also",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "would",
    "whose",
    "many",
    "much",
    "please",
    "tell",
    "know",
    "us",
}

# The list has "won" for "won't"; in news it is the verb of every election and final.
_CONTENT_WORDS = {"won"}



def _bm25s_english() -> tuple[str, ...]:
    """bm25s' NLTK-derived English list, read from its module file alone: importing the
    bm25s package for it would add a quarter of a second to every start."""
    package = importlib.util.find_spec("bm25s")
    if package is None or package.origin is None:
        raise ImportError("bm25s is not installed")
    spec = importlib.util.spec_from_file_location(
        "_bm25s_stopwords", Path(package.origin).with_name("stopwords.py")
    )
    if spec is None or spec.loader is None:
        raise ImportError("bm25s has no stopwords module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    words: tuple[str, ...] = module.STOPWORDS_EN_PLUS
    return words


STOPWORDS: frozenset[str] = (frozenset(_bm25s_english()) | _QUESTION_WORDS) - _CONTENT_WORDS
