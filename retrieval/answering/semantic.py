"""Paraphrase: how close in meaning a sentence's words are to the question's missing ones.

BM25 and coverage see only shared words, so "founded" never meets
"established". Static word embeddings close that gap cheaply: wordllama ships
256-dimension vectors (16 MB) inside its wheel, read from the installed package
(nothing is downloaded) on the first question that needs them. Word
vectors are kept once computed, so a sentence costs a small matrix product.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
_KEPT_WORDS = 200_000
DIMENSIONS = 256
_TOKENIZER = "l2_supercat_tokenizer_config.json"
_WEIGHTS = f"l2_supercat_{DIMENSIONS}.safetensors"


class WordVectors:
    """Unit-length vectors of single words, computed in batches and kept.

    A word's vector is the mean of its subword tokens' vectors, normalised: what
    wordllama's ``embed(norm=True)`` computes. Its files are read directly (the
    tokenizer and the safetensors table) because importing and loading wordllama
    itself takes 0.75 s, most of a command's start-up, for the same arithmetic.
    """

    def __init__(self) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        # A few words at a time: spreading them over threads costs more than it saves.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        package = _wordllama_folder()
        self._tokenizer = Tokenizer.from_file(str(package / "tokenizers" / _TOKENIZER))
        table = load_file(str(package / "weights" / _WEIGHTS))["embedding.weight"]
        self._table = np.ascontiguousarray(table, dtype=np.float32)
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
        encodings = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
        ids = [encoding.ids or [0] for encoding in encodings]
        counts = np.fromiter(map(len, ids), np.int64, len(ids))
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        flat = np.fromiter((i for word in ids for i in word), np.int64, int(counts.sum()))
        means = np.add.reduceat(self._table[flat], starts, axis=0) / counts[:, None]
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
        self._kept.update(zip(missing, means.astype(np.float32), strict=True))


@cache
def word_vectors() -> WordVectors:
    return WordVectors()


def closest(missing: Vectors, sentence: Vectors) -> npt.NDArray[np.float32]:
    """For each missing question word, its highest cosine to any word of the sentence."""
    if not len(missing) or not len(sentence):
        return np.zeros(len(missing), dtype=np.float32)
    result: npt.NDArray[np.float32] = (missing @ sentence.T).max(axis=1)
    return result


def _wordllama_folder() -> Path:
    """Where the wordllama wheel keeps its files, found without importing it."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise ImportError("wordllama is not installed")
    return Path(spec.origin).parent
