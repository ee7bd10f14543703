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

STOPWORDS: frozenset[str] = frozenset(STOPWORDS_EN_PLUS) | _QUESTION_WORDS
