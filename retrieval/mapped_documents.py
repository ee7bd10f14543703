"""Document records of a saved index, read from its file when a reply cites them.

At 1M passages an archive holds 125,000 articles, and their records (id, title, outlet,
date, address, file) as pydantic objects took 176 MB of a loaded index's memory, half of
it, for the few a reply cites. Kept as JSON texts in a mapped file, a record is
validated when asked for, in a few microseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from retrieval.models import DocumentInfo


class MappedDocuments(Sequence[DocumentInfo]):
    """Documents given as their JSON texts (a ``MappedTexts``), read as a list of them."""

    def __init__(self, records: Sequence[str]) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> DocumentInfo: ...

    @overload
    def __getitem__(self, index: slice) -> list[DocumentInfo]: ...

    def __getitem__(self, index: int | slice) -> DocumentInfo | list[DocumentInfo]:
        if isinstance(index, slice):
            return [DocumentInfo.model_validate_json(record) for record in self._records[index]]
        return DocumentInfo.model_validate_json(self._records[index])
