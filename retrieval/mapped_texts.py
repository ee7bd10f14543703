"""Passage texts of a saved index, read from its file when a question asks for them.

Decoded into Python strings at load, a million passages took most of a loaded index's
memory (about 550 MB at 1M passages) and most of its load time. Mapped, the file's
pages are the operating system's to keep or drop, and a passage is decoded when it is
read: a few dozen per question, about a microsecond each.
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from pathlib import Path
from typing import overload

import numpy as np
import numpy.typing as npt


class MappedTexts(Sequence[str]):
    """UTF-8 texts laid end to end in one file; text ``i`` is bytes ``offsets[i]`` to
    ``offsets[i + 1]``."""

    def __init__(self, path: Path, offsets: npt.NDArray[np.int64]) -> None:
        self._offsets = offsets
        self._blob: mmap.mmap | bytes = b""
        if int(offsets[-1]) > 0:  # an empty file cannot be mapped
            with path.open("rb") as file:
                self._blob = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        number = index + len(self) if index < 0 else index
        if not 0 <= number < len(self):
            raise IndexError(f"passage {index} of {len(self)}")
        start, end = self._offsets[number], self._offsets[number + 1]
        return self._blob[start:end].decode("utf-8")
