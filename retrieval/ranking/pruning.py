"""Exact top-k over precomputed BM25 columns, reading only what can reach the top.

Adding up every posting of every query term costs as much as its longest
column: a word in half the passages of a million-passage archive is half a
million additions, whatever else the question asks. Most of them cannot change
the result, and block-max pruning (Ding and Suel, 2011; the idea behind
Lucene's and tantivy's block-max WAND) finds which:

* Passages are grouped in blocks of consecutive numbers. Each column knows its
  best score in each block it has postings in (its ``BlockProfile``).
* A first guess of the k-th best score comes from scoring exactly a few
  passages likely to be near the top: each term's highest-scoring ones.
* A block whose column maxima add up to less than that guess holds no passage
  that can beat it, so none of its postings are read.
* In the blocks left, MaxScore (Turtle and Flood, 1995) splits the columns:
  the weakest, whose bounds together stay below the guess, are not added up
  but looked up, only for the passages that can still reach the guess.

Short queries skip all of this (``add_up``): with few postings, bounding costs
more than adding them up.

The guess is a real passage's score, so it never exceeds the true k-th best, and
whatever is skipped scores below it: the result is exactly the exhaustive one,
order and ties included (a test compares the two on random queries). All of it
is NumPy over whole arrays; no Python loop runs per posting or per block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

CHAMPIONS = 64
"""How many of a column's highest-scoring passages seed the first guess."""
TARGET_BLOCKS = 512
"""Blocks per index, about: finer blocks bound more tightly but cost more per query."""
MARGIN = 1e-9
"""Relative slack on the guess, so that no rounding can drop a passage that ties it."""


@dataclass(frozen=True)
class BlockProfile:
    """Where a column's postings fall, block by block, and the best score in each."""

    blocks: npt.NDArray[np.int64]
    """The blocks holding at least one posting, ascending."""
    maxima: npt.NDArray[np.float32]
    """The best score in each of ``blocks``."""
    starts: npt.NDArray[np.int64]
    """Where each block's postings start in the column, with the column's end last."""
    champions: npt.NDArray[np.int32]
    """The column's highest-scoring passages (all of them in a short column)."""
    best: float


@dataclass(frozen=True)
class Column:
    """One query term: its postings (passages ascending), their scores, how often it was asked."""

    rows: npt.NDArray[np.int32]
    scores: npt.NDArray[np.float32]
    repeats: int
    profile: BlockProfile

    @property
    def bound(self) -> float:
        """The best score this term gives any passage."""
        return float(np.float32(self.profile.best) * self.repeats)

    def within(
        self, open_blocks: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """The postings that fall in the open blocks, with their scores."""
        profile = self.profile
        keep = open_blocks[profile.blocks]
        if keep.all():
            return self.rows, self.scores
        chosen = np.flatnonzero(keep)
        picked = _ranges(profile.starts[chosen], profile.starts[chosen + 1])
        return self.rows[picked], self.scores[picked]


def block_shift(passages: int) -> int:
    """log2 of the rows per block, so that an index has about ``TARGET_BLOCKS`` blocks."""
    return max(6, (passages // TARGET_BLOCKS).bit_length())


def block_profile(
    rows: npt.NDArray[np.int32], scores: npt.NDArray[np.float32], shift: int
) -> BlockProfile:
    """A column's blocks and their maxima; one pass over the column."""
    blocks = rows.astype(np.int64) >> shift
    firsts = np.flatnonzero(np.concatenate(([True], blocks[1:] != blocks[:-1])))
    if rows.size <= CHAMPIONS:
        champions = rows
    else:
        champions = rows[np.argpartition(scores, rows.size - CHAMPIONS)[-CHAMPIONS:]]
    return BlockProfile(
        blocks=blocks[firsts],
        maxima=np.maximum.reduceat(scores, firsts),
        starts=np.append(firsts, rows.size),
        champions=champions,
        best=float(scores.max()),
    )


def add_up(
    postings: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float32], int]],
    k: int,
    totals: npt.NDArray[np.float64],
) -> list[tuple[int, float]]:
    """The k best by adding up every posting: cheaper than pruning when the columns are
    short, since nothing needs bounding. ``postings``: each term's rows, scores and repeats."""
    touched = []
    for rows, scores, repeats in postings:
        totals[rows] += scores * repeats
        touched.append(rows)
    rows = np.concatenate(touched)
    best = _best(rows, totals, k, len(postings))
    totals[rows] = 0.0
    return best


def top_k(
    columns: list[Column], k: int, shift: int, totals: npt.NDArray[np.float64]
) -> list[tuple[int, float]]:
    """The ``k`` best passages as ``(number, score)``, best first, ties in passage order.

    ``totals`` is a zeroed accumulator with a slot per passage; it is left zeroed.
    """
    guess = guess_kth_best(columns, k)
    readable = open_blocks(columns, guess, (totals.size >> shift) + 1)
    added, looked_up = _split_by_bound(columns, guess)
    touched = []
    for column in added:
        rows, scores = column.within(readable)
        totals[rows] += scores * column.repeats
        touched.append(rows)
    rows = np.concatenate(touched)
    if looked_up:
        best = _best_completed(rows, totals, len(added), looked_up, k, guess)
    else:
        best = _best(rows, totals, k, len(added))
    totals[rows] = 0.0
    return best


def _split_by_bound(columns: list[Column], guess: float) -> tuple[list[Column], list[Column]]:
    """MaxScore's split (Turtle and Flood, 1995): the columns whose postings are added up,
    and the weakest ones, whose bounds together stay below the guess, so that a passage
    holding none of the others cannot reach the top. Those are looked up, only for the
    passages that can still make it. The order of ``columns`` is kept in each list."""
    by_bound = sorted(range(len(columns)), key=lambda i: columns[i].bound)
    total, weak = 0.0, set()
    for i in by_bound[:-1]:  # at least one column is always added up
        total += columns[i].bound
        if total >= guess * (1 - MARGIN):
            break
        weak.add(i)
    added = [column for i, column in enumerate(columns) if i not in weak]
    return added, [column for i, column in enumerate(columns) if i in weak]


def open_blocks(columns: list[Column], guess: float, blocks: int) -> npt.NDArray[np.bool_]:
    """The blocks that may hold a passage scoring at least ``guess``: those whose column
    maxima add up to it."""
    upper = np.zeros(blocks, dtype=np.float64)
    for column in columns:
        upper[column.profile.blocks] += column.profile.maxima * column.repeats
    return upper >= guess * (1 - MARGIN) if guess > 0 else upper > 0


def guess_kth_best(columns: list[Column], k: int) -> float:
    """The k-th best exact score among the champions: a lower bound of the true k-th best."""
    seeds = np.unique(np.concatenate([column.profile.champions for column in columns]))
    if seeds.size < k:
        return 0.0
    scores = np.zeros(seeds.size, dtype=np.float64)
    for column in columns:
        places = np.searchsorted(column.rows, seeds).clip(max=column.rows.size - 1)
        found = column.rows[places] == seeds
        scores[found] += column.scores[places[found]] * column.repeats
    return float(np.partition(scores, seeds.size - k)[seeds.size - k])


def _best(
    rows: npt.NDArray[np.int32], totals: npt.NDArray[np.float64], k: int, terms: int
) -> list[tuple[int, float]]:
    """The k best of the touched passages, best first, ties in passage order.

    ``rows`` lists a passage once per query term it contains, so the
    ``k * terms``-th best entry is a safe lower bound for the k-th best
    passage: only entries at or above it are deduplicated and sorted.
    """
    scores = totals[rows]
    enough = k * terms
    if scores.size > enough:
        floor = np.partition(scores, scores.size - enough)[scores.size - enough]
        keep = scores >= floor
        rows, scores = rows[keep], scores[keep]
    rows, first = np.unique(rows, return_index=True)
    return _ordered(rows, scores[first], k)


def _best_completed(
    rows: npt.NDArray[np.int32],
    totals: npt.NDArray[np.float64],
    added: int,
    looked_up: list[Column],
    k: int,
    guess: float,
) -> list[tuple[int, float]]:
    """The k best, when some columns were not added up.

    A partial score never exceeds the full one, and ``rows`` lists a passage at
    most once per added column, so its ``k * added``-th best entry is a lower
    bound of the k-th best full score: it sharpens the guess. Then the weak
    columns are looked up, strongest first, each only for the passages whose
    score so far plus the bounds of the columns still to come reaches the guess.
    """
    partial = totals[rows]
    guess = max(guess, _kth_best_entry(partial, k * added))
    weakest_last = sorted(looked_up, key=lambda column: -column.bound)
    rows = _distinct(rows[partial >= _reachable(guess, weakest_last)])
    scores = totals[rows]
    for done, column in enumerate(weakest_last, 1):
        places = np.searchsorted(column.rows, rows).clip(max=column.rows.size - 1)
        found = column.rows[places] == rows
        scores[found] += column.scores[places[found]] * column.repeats
        guess = max(guess, _kth_best_entry(scores, k))
        keep = scores >= _reachable(guess, weakest_last[done:])
        rows, scores = rows[keep], scores[keep]
    return _ordered(rows, scores, k)


def _reachable(guess: float, columns: list[Column]) -> float:
    """The least score so far that ``columns`` could still lift to the guess."""
    return guess * (1 - MARGIN) - sum(column.bound for column in columns)


def _ordered(
    rows: npt.NDArray[np.int32], scores: npt.NDArray[np.float64], k: int
) -> list[tuple[int, float]]:
    """The k best of distinct passages, best first, ties in passage order; only those
    at or above the k-th best score are sorted."""
    if scores.size > k:
        keep = scores >= np.partition(scores, scores.size - k)[scores.size - k]
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return [(int(rows[i]), float(scores[i])) for i in order]


def _kth_best_entry(values: npt.NDArray[np.float64], n: int) -> float:
    """The n-th largest of ``values``, or 0 when there are fewer."""
    if values.size < n:
        return 0.0
    return float(np.partition(values, values.size - n)[values.size - n])


def _distinct(rows: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """``rows`` sorted, each once (a sort beats ``np.unique``'s hashing on these sizes)."""
    rows = np.sort(rows)
    return rows[np.concatenate(([True], rows[1:] != rows[:-1]))] if rows.size else rows


def _ranges(starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Every position in ``[start, end)`` for each pair, concatenated, without a Python loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    shifts = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return shifts + np.arange(total, dtype=np.int64)
