"""The ranker interface: what every BM25 engine offers its callers.

Callers (the index, the answer builder, the benchmark) see only this protocol,
so an engine can be swapped by a setting without touching them. Engines are
built from passages already analysed into tokens; they never see raw text.
"""

from __future__ import annotations

from typing import Protocol


class Ranker(Protocol):
    """A BM25 engine over a fixed list of tokenised passages."""

    engine: str
    """The name reported to users (``show``, ``/sources``)."""

    @property
    def size(self) -> int:
        """How many passages the engine holds."""
        ...

    def search(self, query: list[str], k: int) -> list[tuple[int, float]]:
        """The ``k`` best passages for ``query`` as ``(passage number, score)``.

        Best first; equal scores in passage order, so results are reproducible.
        Only passages with a positive score are returned.
        """
        ...

    def terms_in(self, passages: list[int], terms: list[str]) -> list[set[str]]:
        """For each of ``passages``, which of ``terms`` it was indexed with.

        Lets the answer builder bound a passage's score from the index alone and
        read only the passages that can still make the reply.
        """
        ...

    def document_frequency(self, term: str) -> int:
        """In how many passages ``term`` occurs (0 for an unknown term)."""
        ...
