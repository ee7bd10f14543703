"""Reading a corpus directory: walk it, read each file by its format, fold in
sidecars, and skip (and report) what cannot be read so the rest is served."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path, PurePosixPath

from retrieval.errors import CorpusError
from retrieval.ingest.article import (
    Article,
    FileArticles,
    UnreadableFile,
    fallback_title,
)
from retrieval.ingest.encoding import decode
from retrieval.ingest.html_page import parse_html
from retrieval.ingest.markdown import strip_markdown
from retrieval.ingest.scraped import ScrapedArticle, parse_scraped
from retrieval.ingest.sidecar import (
    NO_OVERRIDES,
    Overrides,
    apply_overrides,
    is_sidecar,
    parse_sidecar,
    sidecar_path,
)
from retrieval.ingest.structured import parse_json, parse_jsonl
from retrieval.models import CorpusLoad, Document, SkippedFile
from retrieval.passage_analysis import start_method
from retrieval.progress import progress

logger = logging.getLogger(__name__)

FileParser = Callable[[str, str], FileArticles]
NOT_AN_ARTICLE = "not an article format"


PARALLEL_FROM_FILES = 400
"""Below this many files, starting worker processes costs more than it saves..."""
PARALLEL_FROM_BYTES = 64 * 2**20
"""...unless they are this large together (an archive exported as a few JSON Lines files)."""
CHUNK_FILES = 50


def read_corpus(directory: Path) -> CorpusLoad:
    """Every article in ``directory`` and its subdirectories.

    Raises CorpusError if the directory is missing or holds no readable article.
    """
    if not directory.exists():
        raise CorpusError(directory, "corpus directory does not exist")
    if not directory.is_dir():
        raise CorpusError(directory, "corpus path is not a directory")
    load = _Load(directory)
    paths = sorted(_visible_files(directory))
    sidecars = {path for path in paths if is_sidecar(path)}
    jobs = [(path, sidecar_path(path) if sidecar_path(path) in sidecars else None)
            for path in paths if path not in sidecars]
    for read in progress(_read_all(directory, jobs), "reading files", total=len(jobs)):
        load.keep(read)
    for orphan in sorted(sidecars - load.used_sidecars):
        load.skip(orphan, "sidecar without an article", load.file_bytes(orphan))
    if not load.documents:
        raise CorpusError(directory, f"no readable article ({len(load.skipped)} files skipped)")
    return CorpusLoad(
        directory=str(directory),
        documents=load.documents,
        skipped=load.skipped,
        file_hashes=load.hashes,
    )


def _read_all(directory: Path, jobs: list[tuple[str, str | None]]) -> Iterator[FileRead]:
    """Each file read and parsed, in order; by worker processes, one a core, when there
    are many (HTML extraction is most of the time a large corpus takes to read)."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(jobs) < 2 or not _worth_workers(directory, jobs):
        yield from (read_file(directory, path, sidecar) for path, sidecar in jobs)
        return
    size = max(1, min(CHUNK_FILES, len(jobs) // (workers * 4)))  # a few chunks per worker
    chunks = [jobs[start : start + size] for start in range(0, len(jobs), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context(start_method())) as pool:
        for chunk in pool.map(_read_chunk, [directory] * len(chunks), chunks):
            yield from chunk


def _worth_workers(directory: Path, jobs: list[tuple[str, str | None]]) -> bool:
    if len(jobs) >= PARALLEL_FROM_FILES:
        return True
    total = 0
    for path, _ in jobs:
        try:
            total += (directory / path).stat().st_size
        except OSError:
            continue  # reported when the file is read
    return total >= PARALLEL_FROM_BYTES


def _read_chunk(directory: Path, jobs: list[tuple[str, str | None]]) -> list[FileRead]:
    return [read_file(directory, path, sidecar) for path, sidecar in jobs]


@dataclass(frozen=True)
class FileRead:
    """One file as read (by this process or a worker): what it holds, or why not."""

    path: str
    digest: str | None
    """sha256 of the file and its sidecar; None when the file could not be read."""
    found: FileArticles | None = None
    skip_reason: str | None = None
    sidecar: str | None = None
    sidecar_data: bytes | None = None
    sidecar_error: str | None = None


def read_file(directory: Path, path: str, sidecar: str | None) -> FileRead:
    """Read, decode and parse one article file, with its sidecar's bytes."""
    try:
        data = (directory / path).read_bytes()
    except OSError as error:
        return FileRead(path, None, skip_reason=f"cannot be read: {error.strerror}")
    parser = PARSERS.get(PurePosixPath(path).suffix.lower())
    if parser is None:
        return FileRead(path, hashlib.sha256(data).hexdigest(), skip_reason=NOT_AN_ARTICLE)
    sidecar_data, sidecar_error = None, None
    if sidecar is not None:
        try:
            sidecar_data = (directory / sidecar).read_bytes()
        except OSError as error:
            sidecar_error = f"cannot be read: {error.strerror}"
    digest = hashlib.sha256(data + (sidecar_data or b"")).hexdigest()
    try:
        found = parser(decode(data, path), path)
    except UnreadableFile as error:
        return FileRead(path, digest, skip_reason=str(error), sidecar=sidecar,
                        sidecar_error=sidecar_error)
    return FileRead(path, digest, found, None, sidecar, sidecar_data, sidecar_error)


def _visible_files(directory: Path) -> Iterator[str]:
    """Relative POSIX paths of all files, leaving out hidden files and folders."""
    for folder, subfolders, files in os.walk(directory):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = PurePosixPath(Path(folder).relative_to(directory).as_posix())
        for name in files:
            if not name.startswith("."):
                yield str(relative / name)


def _scraped_articles(text: str, path: str) -> FileArticles:
    return _from_scraped(parse_scraped(text), path)


def _markdown_articles(text: str, path: str) -> FileArticles:
    return _from_scraped(parse_scraped(strip_markdown(text)), path)


def _html_articles(markup: str, path: str) -> FileArticles:
    facts, scraped = parse_html(markup)
    article = Article(
        doc_id=path,
        title=facts.title or scraped.title or fallback_title(scraped.text),
        text=scraped.text,
        source=facts.source or scraped.source,
        published=facts.published or scraped.published,
        url=facts.url,
    )
    return FileArticles([article], [])


def _from_scraped(scraped: ScrapedArticle, path: str) -> FileArticles:
    article = Article(
        doc_id=path,
        title=scraped.title or fallback_title(scraped.text),
        text=scraped.text,
        source=scraped.source,
        published=scraped.published,
    )
    return FileArticles([article], [])


PARSERS: dict[str, FileParser] = {
    ".txt": _scraped_articles,
    ".md": _markdown_articles,
    ".html": _html_articles,
    ".htm": _html_articles,
    ".json": parse_json,
    ".jsonl": parse_jsonl,
}


class _Load:
    """The documents, skips and hashes gathered while reading one directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.documents: list[Document] = []
        self.skipped: list[SkippedFile] = []
        self.hashes: dict[str, str] = {}
        self.used_sidecars: set[str] = set()

    def file_bytes(self, path: str) -> bytes:
        return (self.directory / path).read_bytes()

    def skip(self, path: str, reason: str, data: bytes | None = None) -> None:
        logger.warning("Skipping %s: %s", path, reason)
        self.skipped.append(SkippedFile(path=path, reason=reason))
        if data is not None:
            self.hashes[path] = hashlib.sha256(data).hexdigest()

    def keep(self, read: FileRead) -> None:
        """Fold one file's reading in: its hash, its sidecar, its articles or its skip."""
        if read.sidecar is not None:
            self.used_sidecars.add(read.sidecar)
            if read.sidecar_error is not None:
                self.skip(read.sidecar, read.sidecar_error)
        if read.digest is not None:
            self.hashes[read.path] = read.digest
        if read.found is None:
            self.skip(read.path, read.skip_reason or "no article in file")
            return
        overrides = self._overrides(read.sidecar, read.sidecar_data)
        self._keep(read.path, read.found, overrides)

    def _overrides(self, sidecar: str | None, data: bytes | None) -> Overrides:
        if sidecar is None or data is None:
            return NO_OVERRIDES
        try:
            return parse_sidecar(decode(data, sidecar))
        except UnreadableFile as error:
            self.skip(sidecar, str(error))
            return NO_OVERRIDES

    def _keep(self, path: str, found: FileArticles, overrides: Overrides) -> None:
        for rejected in found.rejected:
            self.skip(rejected.path, rejected.reason)
        if not found.articles and not found.rejected:
            self.skip(path, "no article in file")
        for article in found.articles:
            final = apply_overrides(article, overrides)
            self.documents.append(
                Document(
                    doc_id=final.doc_id,
                    title=final.title,
                    source=final.source,
                    published=final.published,
                    url=final.url,
                    path=path,
                    text=final.text,
                )
            )
