"""The README's plot: answer latency against corpus size, one line per engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: the plot is written to a file
import matplotlib.pyplot as plt


def plot_latency(runs: dict[str, dict[str, Any]], sizes: dict[str, int], path: Path) -> None:
    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=110)
    engines = sorted({engine for by_engine in runs.values() for engine in by_engine})
    for engine, colour in zip(engines, ("tab:blue", "tab:red", "tab:green"), strict=False):
        labels = [label for label in runs if engine in runs[label]]
        passages = [runs[label][engine]["passages"] for label in labels]
        for stat, style in (("p50", "-o"), ("p99", ":^")):
            values = [runs[label][engine]["answer_ms"][stat] for label in labels]
            axes.plot(passages, values, style, color=colour, label=f"{engine} {stat}")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("passages in the corpus")
    axes.set_ylabel("full answer latency (ms)")
    axes.set_title("Answer latency by corpus size (2 cores; rank-bm25 sampled at 1M)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
