"""Paraphrase: how close in meaning a sentence's words are to the question's missing ones.

BM25 and coverage see only shared words, so "founded" never meets
"established". Static word embeddings close that gap cheaply: wordllama ships
256-dimension vectors (16 MB) inside its wheel, loaded from the installed
package with downloads disabled, on the first question that needs them. Word
vectors are kept once computed, so a sentence costs a small matrix product.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.analysis.terms import content_tokens, surface_tokens

Vectors = npt.NDArray[np.float32]
_KEPT_WORDS = 200_000
DIMENSIONS = 256


class WordVectors:
    """Unit-length vectors of single words, computed in batches and kept."""

    def __init__(self) -> None:
        self._model = _load_wordllama()
        self._kept: dict[str, Vectors] = {}

    def of(self, words: list[str]) -> Vectors:
        """One row per word, in order."""
        self.learn(words)
        if not words:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._kept[word] for word in words])

    def learn(self, words: list[str]) -> None:
        """Compute the vectors of the words not seen yet, in one batch."""
        missing = [word for word in dict.fromkeys(words) if word not in self._kept]
        if not missing:
            return
        if len(self._kept) > _KEPT_WORDS:
            self._kept.clear()
        embedded = np.asarray(self._model.embed(missing, norm=True), dtype=np.float32)
        self._kept.update(zip(missing, embedded, strict=True))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (no stopwords, no numbers), lower-cased."""
    return [token.casefold() for token in content_tokens(surface_tokens(text))]


@cache
def word_vectors() -> WordVectors:
    return WordVectors()


def closest(missing: Vectors, sentence: Vectors) -> npt.NDArray[np.float32]:
    """For each missing question word, its highest cosine to any word of the sentence."""
    if not len(missing) or not len(sentence):
        return np.zeros(len(missing), dtype=np.float32)
    result: npt.NDArray[np.float32] = (missing @ sentence.T).max(axis=1)
    return result


def _load_wordllama() -> Any:
    import wordllama

    package = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(cache_dir=package, disable_download=True, dim=DIMENSIONS)
