"""Progress bars for long indexing work, shown only to a person at a terminal.

Indexing a million passages takes a minute; someone running the CLI should see
it move. A bar is noise everywhere else: in CI logs (``CI=true``), in files
and pipes (stderr is not a terminal), and under the bot, whose log is read by
machines; the bot turns bars off once at start with :func:`disable_progress`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")

_disabled = False


def disable_progress() -> None:
    """No progress bars in this process from now on (for the bot)."""
    global _disabled
    _disabled = True


def showing_progress() -> bool:
    if _disabled or os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        return False
    return sys.stderr.isatty()


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """``items``, with a bar on the terminal when :func:`showing_progress`."""
    if not showing_progress():
        yield from items
        return
    yield from tqdm(items, desc=description, total=total, unit_scale=True, leave=False)
