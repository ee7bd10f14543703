"""Start-up to the first printed answer, as a user runs it, beside the interpreter alone.

``python -m bot ask`` on the bundled corpus with its index already saved (one
untimed run saves it), timed as a whole process: imports, loading the saved
index, the first answer. ``python -c pass`` in the same run is the floor no
Python command can go below.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUNS = 7
QUESTION = "when did Russia recognise the IEA"


def measure_startup(root: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as cache:
        env = {"PATH": "/usr/bin:/bin", "INDEX_CACHE_DIR": cache}
        ask = [sys.executable, "-m", "bot", "ask", QUESTION]
        subprocess.run(ask, cwd=root, env=env, check=True, capture_output=True)
        answer = _median_seconds(ask, root, env)
    floor = _median_seconds([sys.executable, "-c", "pass"], root, {"PATH": "/usr/bin:/bin"})
    return {"ask_s": answer, "python_s": floor, "runs": RUNS}


def _median_seconds(command: list[str], root: Path, env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)
