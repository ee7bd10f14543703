"""Gradient-boosted trees as plain arrays: the sentence and span models.

Which phrase of a sentence answers depends on combinations (a number next to
the question's words answers "how many", the same number far from them does
not), which a sum of weights cannot express; a few hundred shallow trees can.
They are fitted by LightGBM to rank each choice's options (``training.fit``)
and stored as JSON node tables, so answering needs NumPy only. Every tree's
nodes sit in one table and a leaf points to itself, so all trees are walked at
once for all of a sentence's candidates: one vectorised step per level of depth.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

LEAF = -1
"""The feature of a leaf node in the stored tables."""


class TreeModel:
    def __init__(
        self,
        names: tuple[str, ...],
        tables: list[dict[str, list[float]]],
        scale: float = 1.0,
        baseline: float = 0.0,
    ) -> None:
        """``tables``: each tree's nodes, as stored: ``feature`` (``LEAF`` for a leaf),
        ``threshold`` (a value at most this goes left), ``left`` and ``right`` (node numbers
        in the tree), ``value`` (a leaf's). The trees' sum, times ``scale`` plus
        ``baseline``, is the log-odds that a row answers."""
        self.names = names
        self.tables = tables
        self.scale = scale
        self.baseline = baseline
        starts = np.cumsum([0, *(len(table["feature"]) for table in tables)], dtype=np.intp)
        self._roots = starts[:-1]
        nodes = [_nodes(table, first) for table, first in zip(tables, self._roots, strict=True)]
        self._features = _joined([features for features, *_ in nodes], np.intp)
        self._thresholds = _joined([thresholds for _, thresholds, *_ in nodes], np.float64)
        self._children = _joined([children for *_, children, _ in nodes], np.intp).ravel()
        """Node ``n``'s left child at ``2 * n``, its right at ``2 * n + 1``."""
        self._values = _joined([values for *_, values in nodes], np.float64)
        self._depth = max(map(_depth, tables), default=0)

    def logits(self, rows: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """The log-odds that each row of a table answers."""
        table = np.asarray(rows, dtype=np.float64)
        if not table.size:
            return np.zeros(len(table))
        if table.ndim != 2 or table.shape[1] != len(self.names):
            raise ValueError(f"rows must have {len(self.names)} features")
        flat = table.ravel()
        row_starts = (np.arange(len(table)) * table.shape[1])[:, None]
        nodes = np.broadcast_to(self._roots, (len(table), len(self._roots)))
        for _ in range(self._depth):
            above = flat[row_starts + self._features[nodes]] > self._thresholds[nodes]
            nodes = self._children[2 * nodes + above]
        result: npt.NDArray[np.float64] = self.baseline + self.scale * self._values[nodes].sum(
            axis=1
        )
        return result

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.names),
            "scale": self.scale,
            "baseline": self.baseline,
            "trees": self.tables,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TreeModel:
        names = data["features"]
        trees = data["trees"]
        if not isinstance(names, list) or not isinstance(trees, list):
            raise ValueError("a tree model needs its features and trees")
        scale, baseline = float(data["scale"]), float(data["baseline"])  # type: ignore[arg-type]
        return cls(tuple(names), trees, scale, baseline)


_Nodes = tuple[
    npt.NDArray[np.intp], npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.float64]
]


def _nodes(table: dict[str, list[float]], first: int) -> _Nodes:
    """One tree's features, thresholds, children (a pair per node, numbered from ``first``)
    and values. A leaf is its own child and its threshold infinite, so a walk that reaches
    it stays there."""
    feature = np.asarray(table["feature"], dtype=np.intp)
    leaf = feature == LEAF
    own = np.arange(len(feature), dtype=np.intp)
    left = np.where(leaf, own, np.asarray(table["left"], dtype=np.intp))
    right = np.where(leaf, own, np.asarray(table["right"], dtype=np.intp))
    return (
        np.where(leaf, 0, feature),
        np.where(leaf, np.inf, np.asarray(table["threshold"], dtype=np.float64)),
        np.stack([left, right], axis=1) + first,
        np.where(leaf, np.asarray(table["value"], dtype=np.float64), 0.0),
    )


def _joined(parts: list[npt.NDArray[Any]], dtype: type[np.generic]) -> npt.NDArray[Any]:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _depth(table: dict[str, list[float]]) -> int:
    """How many splits the longest path from the root passes."""
    deepest, pending = 0, [(0, 0)]
    while pending:
        node, depth = pending.pop()
        if table["feature"][node] == LEAF:
            deepest = max(deepest, depth)
        else:
            pending += [
                (int(table["left"][node]), depth + 1),
                (int(table["right"][node]), depth + 1),
            ]
    return deepest
