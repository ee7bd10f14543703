"""The search index: passages, their documents, the analyzer and the ranker.

Built once per corpus load and never changed afterwards: a reload builds a new
one and swaps it in, so a question is always answered from one consistent
snapshot. Passages are kept as plain sequences (not models) because a newsroom
archive holds a million of them; a loaded index reads their texts from its saved
file when asked (``retrieval.mapped_texts``).
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.analysis import Analyzer, read_synonyms
from retrieval.models import CorpusLoad, DocumentInfo, SkippedFile
from retrieval.passage_analysis import analyse_documents
from retrieval.ranking import Ranker, build_ranker
from retrieval.ranking.term_ids import TermIdsJoiner
from retrieval.settings import RetrievalSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassageStore:
    """Passage texts with the number of their document and their place in it: lists when
    built; when loaded, texts read from the saved file (``MappedTexts``) and numbers in
    compact arrays."""

    texts: Sequence[str] = field(default_factory=list)
    documents: Sequence[int] = field(default_factory=list)
    positions: Sequence[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def __eq__(self, other: object) -> bool:
        """The same passages, whether built or loaded."""
        if not isinstance(other, PassageStore):
            return NotImplemented
        columns = zip(
            (self.texts, self.documents, self.positions),
            (other.texts, other.documents, other.positions),
            strict=True,
        )
        return all(list(mine) == list(theirs) for mine, theirs in columns)


@dataclass(frozen=True)
class SearchIndex:
    corpus_dir: Path
    documents: Sequence[DocumentInfo]
    """A list when built; when loaded, read from the saved file (``MappedDocuments``)."""
    passages: PassageStore
    analyzer: Analyzer
    ranker: Ranker
    file_hashes: dict[str, str]
    skipped: list[SkippedFile]
    analysed_titles: Sequence[str] = field(repr=False)
    """Each document's title terms, joined by spaces, as the index was built with them."""
    readings: dict[int, object] = field(default_factory=dict, repr=False)
    """Passages read closely while answering, kept by ``answering.reading``."""

    @property
    def engine(self) -> str:
        return self.ranker.engine

    def document_of(self, passage: int) -> DocumentInfo:
        return self.documents[self.passages.documents[passage]]

    def title_terms(self, document: int) -> frozenset[str]:
        """The terms of a document's title, as analysed when the index was built (analysing
        again the titles of thirty candidates was a seventh of answering a question). Not
        kept: splitting costs a microsecond, and a serving process had kept a set for every
        document of a large archive, which each full pass of the garbage collector walked."""
        return frozenset(self.analysed_titles[document].split())

    def passage_id(self, number: int) -> str:
        """``doc_id:position``: stable while the document's text is unchanged."""
        return f"{self.document_of(number).doc_id}:{self.passages.positions[number]}"

    def passages_of(self, doc_number: int) -> list[str]:
        """The texts of a document's passages, in order."""
        numbers = self._passage_numbers(doc_number)
        return list(self.passages.texts[numbers.start : numbers.stop])

    def document_holds(self, passage: int, terms: list[str]) -> set[str]:
        """Those of ``terms`` that the document of ``passage`` holds, its title included."""
        document = self.passages.documents[passage]
        held = set().union(*self.ranker.terms_in(list(self._passage_numbers(document)), terms))
        return held | (self.title_terms(document) & set(terms))

    def _passage_numbers(self, doc_number: int) -> range:
        """The numbers of a document's passages: they are stored in document order, so
        found by bisection."""
        documents = self.passages.documents
        start = bisect_left(documents, doc_number)
        return range(start, bisect_right(documents, doc_number, lo=start))


def build_index(load: CorpusLoad, settings: RetrievalSettings) -> SearchIndex:
    """Cut the documents into passages, learn the analyzer, and index every passage.

    Each passage is indexed with its document's title, so a question naming an
    article's subject finds that article's passages (the title itself is never
    quoted: it is a headline, not an answer).
    """
    synonyms = read_synonyms(settings.synonyms_file)
    analyzer = Analyzer.for_corpus((doc.text for doc in load.documents), synonyms)
    texts: list[str] = []
    numbers: list[int] = []
    positions: list[int] = []
    terms = TermIdsJoiner()
    titles: list[str] = []
    analysed = analyse_documents(
        load.documents, analyzer, settings.passage_min_chars, settings.passage_max_chars
    )
    number = 0
    for chunk in analysed:
        for pieces in chunk.pieces:
            texts += pieces
            numbers += [number] * len(pieces)
            positions += range(len(pieces))
            number += 1
        terms.add(chunk.terms)
        titles.extend(chunk.titles)
    store = PassageStore(texts, numbers, positions)
    documents = [document.info() for document in load.documents]
    log.info("indexing %d passages of %d documents", len(store), len(documents))
    return SearchIndex(
        corpus_dir=Path(load.directory),
        documents=documents,
        passages=store,
        analyzer=analyzer,
        ranker=build_ranker(terms.joined(), settings),
        file_hashes=load.file_hashes,
        skipped=load.skipped,
        analysed_titles=titles,
    )
