"""Errors the retrieval core reports to its callers."""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """The corpus cannot be served: missing directory, or no readable article in it.

    The message names the path, so a user can fix it; the CLI exits with status 2.
    """

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
