"""English stopwords: words that carry no topic, in passages or in questions."""

from __future__ import annotations

from bm25s.stopwords import STOPWORDS_EN_PLUS

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

STOPWORDS: frozenset[str] = (frozenset(STOPWORDS_EN_PLUS) | _QUESTION_WORDS) - _CONTENT_WORDS
