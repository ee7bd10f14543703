"""Paraphrase and meaning: how close in meaning a sentence's words, and a passage's parts,
are to the question's.

BM25 and coverage see only shared words, so "founded" never meets
"established". Static word embeddings close that gap cheaply: wordllama ships
256-dimension vectors (16 MB) inside its wheel, read from the installed package
(nothing is downloaded) on the first question that needs them. Word
vectors are kept once computed, so a sentence costs a small matrix product.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from functools import cache
from itertools import chain
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
_KEPT_WORDS = 50_000
"""Words whose vectors are kept (1 KB each), before the store starts anew."""
DIMENSIONS = 256
_WORD_START = "\u2581"
"""How the tokenizer marks a token that starts a word."""
_SHORTEST_WORD = 3
_TOKENIZER = "l2_supercat_tokenizer_config.json"
_WEIGHTS = f"l2_supercat_{DIMENSIONS}.safetensors"


class WordVectors:
    """Unit-length vectors of single words, computed in batches and kept.

    A word's vector is the mean of its subword tokens' vectors, normalised: what
    wordllama's ``embed(norm=True)`` computes. Its files are read directly (the
    tokenizer and the safetensors table) because importing and loading wordllama
    itself takes 0.75 s, most of a command's start-up, for the same arithmetic.
    Kept vectors are rows of one matrix, so a sentence's vectors are one
    fancy-indexing call rather than a stack of small arrays. The bot answers from
    several threads; a lock keeps the matrix and its row numbers in step.
    """

    def __init__(self, kept_words: int = _KEPT_WORDS) -> None:
        """``kept_words``: how many words' vectors are kept before the store starts anew."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        # A few words at a time: spreading them over threads costs more than it saves.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        package = _wordllama_folder()
        self._tokenizer = Tokenizer.from_file(str(package / "tokenizers" / _TOKENIZER))
        table = load_file(str(package / "weights" / _WEIGHTS))["embedding.weight"]
        self._table = np.ascontiguousarray(table, dtype=np.float32)
        self._kept_words = kept_words
        self._rows: dict[str, int] = {}
        # The whole store at once: zeroed pages take no memory until written, and growing
        # it had copied up to 32 MB in the middle of a question, a pause of 20-45 ms.
        self._kept: Vectors = np.zeros((kept_words, DIMENSIONS), dtype=np.float32)
        self._lock = threading.Lock()
        self._whole_words: tuple[list[str], Vectors] | None = None

    def of(self, words: list[str]) -> Vectors:
        """One row per word, in order."""
        with self._lock:
            self._learn(words)
            return self._kept[[self._rows[word] for word in words]]

    def _learn(self, words: list[str]) -> None:
        """Compute the vectors of the words not seen yet, in one batch. When they would
        overfill the store, it starts anew with the whole batch: the batch's known words
        must stay known too, since ``of`` reads them right after."""
        rows = self._rows
        missing = [word for word in dict.fromkeys(words) if word not in rows]
        if not missing:
            return
        if len(rows) + len(missing) > self._kept_words:
            rows.clear()
            missing = list(dict.fromkeys(words))
        means = _token_sums(self._table, self._token_ids(missing))
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
        first = len(rows)
        self._make_room(first + len(missing))
        self._kept[first : first + len(missing)] = means
        rows.update(zip(missing, range(first, first + len(missing)), strict=True))

    def _token_ids(self, words: list[str]) -> list[list[int]]:
        """Each word's tokens. A word that is one token of the vocabulary is split into
        that token (a test checks every one), so the tokenizer, at about 14 µs a word most
        of the cost of learning one, is asked only about the others."""
        vocabulary = self._tokenizer.token_to_id
        whole = [vocabulary(_WORD_START + word) if word else None for word in words]
        split = [word for word, row in zip(words, whole, strict=True) if row is None]
        encodings = iter(self._tokenizer.encode_batch_fast(split, add_special_tokens=False))
        return [[row] if row is not None else next(encodings).ids or [0] for row in whole]

    def neighbours(self, word: str, least: float, most: int) -> list[tuple[str, float]]:
        """Up to ``most`` English words closest to ``word`` (cosine at least ``least``),
        closest first, ``word`` left out."""
        with self._lock:
            self._learn([word])
            vector = self._kept[self._rows[word]]
            words, vectors = self._vocabulary()
        cosines = vectors @ vector
        nearest = np.argpartition(-cosines, most)[: most + 1]
        nearest = nearest[np.argsort(-cosines[nearest])]
        return [
            (words[row], float(cosines[row]))
            for row in nearest
            if cosines[row] >= least and words[row] != word
        ][:most]

    def load_vocabulary(self) -> None:
        """Build the whole-word vocabulary now, not on the first look for a neighbour."""
        with self._lock:
            self._vocabulary()

    def _vocabulary(self) -> tuple[list[str], Vectors]:
        """The tokenizer's whole lower-case words (about ten thousand) as unit vectors: the
        words a neighbour is looked for among, built on the first look."""
        if self._whole_words is None:
            rows = [
                (token[1:], row)
                for token, row in self._tokenizer.get_vocab().items()
                if token.startswith(_WORD_START)
                and len(token) > _SHORTEST_WORD
                and token[1:].isalpha()
                and token[1:].islower()
            ]
            rows.sort()
            vectors = self._table[[row for _, row in rows]]
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self._whole_words = ([word for word, _ in rows], vectors)
        return self._whole_words

    def _make_room(self, needed: int) -> None:
        """Only a single batch of more words than the store keeps needs more rows."""
        if needed > len(self._kept):
            grown = np.zeros((needed, DIMENSIONS), dtype=np.float32)
            grown[: len(self._kept)] = self._kept
            self._kept = grown


def _token_sums(table: Vectors, ids: list[list[int]]) -> Vectors:
    """Each word's token vectors added up (its mean, once normalised, is the same vector).

    Words are one to a few tokens, so adding the first tokens of all words, then
    the second tokens of the longer ones, and so on, is a few vectorised steps;
    ``np.add.reduceat`` over rows does the same three times slower.
    """
    counts = np.fromiter(map(len, ids), np.int64, len(ids))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    tokens = table[np.fromiter(chain.from_iterable(ids), np.int64, int(counts.sum()))]
    sums = tokens[starts]
    for place in range(1, int(counts.max())):
        longer = counts > place
        sums[longer] += tokens[starts[longer] + place]
    return sums


@cache
def word_vectors() -> WordVectors:
    return WordVectors()


def closest_by_sentence(concepts: Vectors, words: Vectors, ends: list[int]) -> Vectors:
    """For each sentence (a row), each question concept's highest cosine to any of its words
    (a column): the sentence features use it for the concepts the sentence words
    differently, and ``closeness_around`` for the whole question.

    ``words`` holds a passage's word vectors, sentence after sentence; ``ends``
    where each sentence's rows end. One matrix product serves the whole passage.
    """
    closest = np.zeros((len(ends), len(concepts)), np.float32)
    if not len(concepts) or not len(words):
        return closest
    cosines = concepts @ words.T
    start = 0
    for number, end in enumerate(ends):
        if end > start:
            closest[number] = cosines[:, start:end].max(axis=1)
        start = end
    return closest


def _wordllama_folder() -> Path:
    """Where the wordllama wheel keeps its files, found without importing it."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise ImportError("wordllama is not installed")
    return Path(spec.origin).parent


def closeness_around(closest: Vectors, shares: npt.NDArray[np.float32]) -> list[float]:
    """For each sentence, the share of the question's weight that it and its neighbours say
    in the same or other words, each question concept counted as close as its nearest word
    there. ``closest`` is ``closest_by_sentence``'s; ``shares``, each concept's share of the
    question's weight."""
    if not len(closest) or not len(shares):
        return [0.0 for _ in closest]
    rows = np.pad(np.maximum(closest, 0.0), ((1, 1), (0, 0)))
    around = np.maximum(np.maximum(rows[:-2], rows[1:-1]), rows[2:])
    found: list[float] = (around @ shares).tolist()
    return found


def meaning_by_sentence(
    question: npt.NDArray[np.float32], words: Vectors, ends: list[int]
) -> list[float]:
    """For each sentence, the cosine between the question's meaning and that of the sentence
    with its neighbours: a text's meaning is the sum of its words' vectors, the question's
    the sum of its concepts', each weighted by its IDF.

    The answer often stands beside the sentence that repeats the question, in words that
    share little with it ("The game was played on …" after the sentence about the Super
    Bowl). Read over the neighbours, the closeness says that this part of a passage is about
    what is asked, and leaves it to the sentence's own columns to say which sentence in it
    answers; read over the sentence alone, it rewarded sentences that repeat the question.
    """
    if not len(words) or not np.any(question):
        return [0.0 for _ in ends]
    # Which words each sentence's window holds: one matrix product sums them all (a running
    # sum down the rows, ``np.cumsum(axis=0)``, is twenty times slower at this size).
    bounds = [0, *ends]
    window = np.zeros((len(ends), len(words)), np.float32)
    for number in range(len(ends)):
        window[number, bounds[max(number - 1, 0)] : bounds[min(number + 2, len(ends))]] = 1.0
    around = window @ words
    lengths = np.linalg.norm(around, axis=1) * float(np.linalg.norm(question))
    cosines: list[float] = np.where(
        lengths > 0, around @ question / np.maximum(lengths, 1e-12), 0.0
    ).tolist()
    return cosines
