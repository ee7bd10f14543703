"""From running text to index terms, one surface token at a time.

A news archive repeats the same few hundred thousand surface forms, so each
form is turned into terms once (case folding, stopwords, possessives, numbers,
hyphenated names, British spelling, lemma, Snowball stem) and remembered. The
same holds one level up: text split at whitespace repeats the same chunks
("Russia's", "(SCO),", "2025."), and no token spans whitespace, so each chunk's
terms are remembered too. Analysing a passage is then ``str.split`` and
dictionary look-ups, all in C; the regex runs only on chunks not seen before.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

import Stemmer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from retrieval.analysis.normalize import normalize_text
from retrieval.analysis.spelling import americanize
from retrieval.analysis.stopwords import STOPWORDS

# Numbers keep their grouping and decimals ("23,000", "3.5"); dotted acronyms
# ("U.S.") stay one token; words keep inner hyphens and apostrophes ("Nur-Sultan").
# The leading look-ahead rejects, in one test, the spaces and punctuation where
# no branch can match.
_TOKEN = re.compile(
    r"(?=[^\W_])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![^\W_])"
    r"|\d+(?:\.\d+)?(?![^\W_])"
    r"|(?:[^\W\d_]\.){2,}"
    r"|[^\W_]+(?:['-][^\W_]+)*)"
)

_STEMMER = Stemmer.Stemmer("english")
# simplemma's English form → lemma table, looked up directly: it knows the
# irregular forms (met → meet, said → say). Its Lemmatizer would add rule-based
# guesses for unknown words (mostly names) at forty times the cost of a look-up,
# and the stemmer does that job anyway.
_LEMMAS = DefaultDictionaryFactory().get_dictionary("en")
_CACHE_LIMIT = 2_000_000


class _TermCache(dict[str, tuple[str, ...]]):
    """Surface token → terms, computed on first sight.

    A dict whose misses fill themselves lets ``tokens_to_terms`` run as C-level
    ``map``/``chain`` over a passage instead of a Python loop per token.
    """

    def __missing__(self, token: str) -> tuple[str, ...]:
        terms = self[token] = token_terms(token)
        return terms


_cache = _TermCache()


class _ChunkCache(dict[str, tuple[str, ...]]):
    """Whitespace-free chunk of text, as written → the terms of its tokens."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        terms = self[chunk] = tuple(
            chain.from_iterable(map(_cache.__getitem__, surface_tokens(chunk)))
        )
        return terms


_chunks = _ChunkCache()


class _ContentChunkCache(dict[str, tuple[str, ...]]):
    """Whitespace-free chunk of text, as written → its content words, lower-cased."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        words = tuple(token.casefold() for token in content_tokens(surface_tokens(chunk)))
        self[chunk] = words
        return words


_content_chunks = _ContentChunkCache()


def text_terms(text: str) -> list[str]:
    """Index terms of running text, in order (stopwords dropped): the same as
    ``tokens_to_terms(surface_tokens(text))``, at a fraction of the cost."""
    if len(_chunks) > _CACHE_LIMIT:
        _chunks.clear()
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    return list(chain.from_iterable(map(_chunks.__getitem__, text.split())))


def surface_tokens(text: str) -> list[str]:
    """The word and number tokens of ``text``, as they are written."""
    return _TOKEN.findall(normalize_text(text))


def token_offsets(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, token)`` of the tokens in ``text[start:end]``, offsets in ``text`` as written.

    No normalisation first (it may change lengths), so a token with a curly
    apostrophe keeps it; close enough for telling where a word stands.
    """
    return [(match.start(), match.group()) for match in _TOKEN.finditer(text, start, end)]


def tokens_to_terms(tokens: list[str]) -> list[str]:
    """Index terms of a token sequence, in order (stopwords dropped)."""
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    return list(chain.from_iterable(map(_cache.__getitem__, tokens)))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (no stopwords, no numbers), lower-cased: the
    same as casefolding ``content_tokens(surface_tokens(text))``, chunk by chunk."""
    if len(_content_chunks) > _CACHE_LIMIT:
        _content_chunks.clear()
    return list(chain.from_iterable(map(_content_chunks.__getitem__, text.split())))


def content_tokens(tokens: list[str]) -> list[str]:
    """The tokens that carry meaning: words with terms (no stopwords), no numbers."""
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    return [token for token in tokens if not token[0].isdigit() and _cache[token]]


def token_terms(token: str) -> tuple[str, ...]:
    """The terms of one surface token; empty for a stopword."""
    if token[0].isdigit():
        return (token.replace(",", ""),)
    if "." in token:  # dotted acronym
        return (token.replace(".", "").casefold(),)
    if len(token) > 1 and token.isupper():  # acronyms are names: never stopwords, never stemmed
        return (token.casefold(),)
    word = _without_accents(token.casefold())
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    if not word or word in STOPWORDS:
        return ()
    if "-" not in word:
        return (_word_root(word),)
    parts = [part for part in word.split("-") if part]
    roots = [_word_root(part) for part in parts]
    return (
        "-".join(roots),
        *(root for part, root in zip(parts, roots, strict=True) if part not in STOPWORDS),
    )


def is_plural(word: str) -> bool:
    """Whether the dictionary reads ``word`` as an inflected form of another ("countries",
    "children"): after "which" or "what", a plural noun asks for more than one thing."""
    folded = word.casefold()
    lemma = _LEMMAS.get(folded)
    return lemma is not None and lemma.casefold() != folded


def _without_accents(word: str) -> str:
    """ "beyoncé" → "beyonce": people type names without their accents."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _word_root(word: str) -> str:
    """American spelling, then dictionary lemma (met → meet), then Snowball stem."""
    if word.isdigit():
        return word
    american = americanize(word)
    lemma = (_LEMMAS.get(american) or american).casefold()
    return str(_STEMMER.stemWord(lemma))
