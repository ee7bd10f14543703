"""The README's plot: latency against corpus size, one panel per kind of corpus.

Each panel shows the whole answer path of both engines (p50 solid, p99 dotted)
and, dashed, ranking alone for the project and its two peers on the same
tokens, so the answer path can be read against the peers' ranking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: the plot is written to a file
import matplotlib.pyplot as plt

COLOURS = {
    "bm25s": "tab:blue",
    "rank-bm25": "tab:red",
    "project": "tab:blue",
    "bm25s peer": "tab:orange",
    "tantivy": "tab:green",
}


def plot_latency(
    runs: dict[str, dict[str, Any]], peers: dict[str, dict[str, Any]], path: Path
) -> None:
    kinds = {"English word frequencies": False, "frequent archive words": True}
    figure, panels = plt.subplots(1, 2, figsize=(11, 4.5), dpi=110, sharey=True)
    for axes, (title, frequent) in zip(panels, kinds.items(), strict=True):
        labels = [label for label in runs if label.endswith("-frequent") == frequent]
        _answer_lines(axes, runs, labels)
        _peer_lines(axes, peers, [label for label in labels if label in peers])
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("passages in the corpus")
        axes.set_title(title)
        axes.grid(True, which="both", alpha=0.3)
        if axes.get_legend_handles_labels()[0]:
            axes.legend(fontsize="small")
    panels[0].set_ylabel("latency (ms)")
    figure.suptitle("Answer path and ranking alone by corpus size (2 cores)")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _answer_lines(axes: Any, runs: dict[str, dict[str, Any]], labels: list[str]) -> None:
    for engine in ("bm25s", "rank-bm25"):
        shown = [label for label in labels if engine in runs[label]]
        if not shown:
            continue
        passages = [runs[label][engine]["passages"] for label in shown]
        for stat, style in (("p50", "-o"), ("p99", ":^")):
            values = [runs[label][engine]["answer_ms"][stat] for label in shown]
            name = f"answer path, {engine} engine, {stat}"
            axes.plot(passages, values, style, color=COLOURS[engine], label=name)


def _peer_lines(axes: Any, peers: dict[str, dict[str, Any]], labels: list[str]) -> None:
    if not labels:
        return
    passages = [peers[label]["passages"] for label in labels]
    for engine, key in (("project", "project"), ("bm25s", "bm25s peer"), ("tantivy", "tantivy")):
        values = [peers[label][engine]["ranking_ms"]["p50"] for label in labels]
        name = f"ranking alone, {engine}, p50"
        axes.plot(passages, values, "--s", color=COLOURS[key], label=name)
