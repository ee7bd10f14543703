"""The built index on disk: loaded in seconds instead of rebuilt in a minute.

Indexing a newsroom archive (reading, cutting, analysing a million passages)
takes about a minute; the bot restarts and reloads far more often than the
archive changes. So each built index is saved under ``INDEX_CACHE_DIR`` in a
directory named by a fingerprint of everything that shaped it: the content of
every corpus file, the synonyms file, the settings that affect passages and
scores, the retrieval code itself and the versions of the libraries that
analyse and score. Same fingerprint, same index; any change, a rebuild.

Nothing is pickled: the corpus is outside data, and unpickling runs code. The
cache holds JSON, NumPy ``.npy`` arrays read with ``allow_pickle=False``, UTF-8
files of passage texts, document records and analysed titles (each with its
offsets, memory-mapped and read when asked for), and the bm25s engine's own
arrays, memory-mapped.
A cache that cannot be read for any reason is reported and rebuilt, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from array import array
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.analysis import Analyzer
from retrieval.index import PassageStore, SearchIndex
from retrieval.mapped_documents import MappedDocuments
from retrieval.mapped_texts import MappedTexts
from retrieval.models import SkippedFile
from retrieval.ranking import OkapiRanker, Ranker, SparseRanker
from retrieval.settings import RetrievalSettings

log = logging.getLogger(__name__)

FORMAT_VERSION = 3
_PREFIX = "index-"
_CODE_ROOT = Path(__file__).resolve().parent
_LIBRARIES = ("bm25s", "rank-bm25", "PyStemmer", "simplemma", "numpy")
_SHAPING_SETTINGS = (
    "retrieval_engine",
    "auto_engine_threshold",
    "bm25_k1",
    "bm25_b",
    "passage_min_chars",
    "passage_max_chars",
)


class CacheError(ValueError):
    """A saved index that does not match what it claims to be."""


def load_or_build(settings: RetrievalSettings, build: Callable[[], SearchIndex]) -> SearchIndex:
    """The saved index for the corpus as it is now, or ``build()``'s, saved for next time."""
    key = fingerprint(settings)
    directory = cache_directory(settings, key)
    if directory.is_dir():
        try:
            return load_index(directory, key)
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("index cache %s unusable (%s): rebuilding", directory, error)
    index = build()
    if fingerprint(settings) != key:
        log.info("corpus changed while indexing: not caching this index")
        return index
    try:
        save_index(index, directory, key)
    except OSError as error:
        log.warning("could not save the index to %s: %s", directory, error)
    return index


def cache_directory(settings: RetrievalSettings, key: str) -> Path:
    """Where the index with fingerprint ``key`` is saved."""
    return settings.index_cache_dir / f"{_PREFIX}{key[:32]}"


def fingerprint(settings: RetrievalSettings) -> str:
    """sha256 over everything that shapes the index, in a fixed order."""
    digest = hashlib.sha256(f"citebot-index {FORMAT_VERSION}\n".encode())
    for name in _SHAPING_SETTINGS:
        digest.update(f"setting {name}={getattr(settings, name)!r}\n".encode())
    for library in _LIBRARIES:
        digest.update(f"library {library}={_version(library)}\n".encode())
    for label, root in (("code", _CODE_ROOT), ("corpus", settings.corpus_dir)):
        for relative, content in _file_digests(root, "*.py" if label == "code" else "*"):
            digest.update(f"{label} {relative} {content}\n".encode())
    synonyms = settings.synonyms_file
    if synonyms is not None and synonyms.is_file():
        digest.update(f"synonyms {_file_digest(synonyms)}\n".encode())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _file_digests(root: Path, pattern: str) -> Iterator[tuple[str, str]]:
    """Every visible file under ``root`` (more than ingestion reads: safe, never stale)."""
    if not root.is_dir():
        return
    files = (
        path
        for path in root.rglob(pattern)
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    for path in sorted(files):
        yield path.relative_to(root).as_posix(), _file_digest(path)


def _file_digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def save_index(index: SearchIndex, directory: Path, key: str) -> None:
    """Write to a fresh directory, then rename it into place: a crash leaves no half index."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.with_name(f".{directory.name}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        _write(index, staging, key)
        shutil.rmtree(directory, ignore_errors=True)
        staging.rename(directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _forget_others(directory, str(index.corpus_dir))


def _write(index: SearchIndex, directory: Path, key: str) -> None:
    store = index.passages
    _write_texts(directory, "documents", [d.model_dump_json() for d in index.documents])
    _write_json(directory / "analyzer.json", index.analyzer.equivalences)
    _write_texts(directory, "titles", index.analysed_titles)
    _write_texts(directory, "passages", store.texts)
    _save_array(directory / "passage_documents.npy", np.asarray(store.documents, dtype=np.int32))
    _save_array(directory / "passage_positions.npy", np.asarray(store.positions, dtype=np.int32))
    _save_ranker(index.ranker, directory / "ranker")
    _write_json(
        directory / "manifest.json",
        {
            "format": FORMAT_VERSION,
            "fingerprint": key,
            "engine": index.ranker.engine,
            "corpus_dir": str(index.corpus_dir),
            "passages": len(store),
            "file_hashes": index.file_hashes,
            "skipped": [s.model_dump(mode="json") for s in index.skipped],
        },
    )


def _save_ranker(ranker: Ranker, directory: Path) -> None:
    if isinstance(ranker, SparseRanker):
        ranker.save(directory)
        return
    if not isinstance(ranker, OkapiRanker):
        raise TypeError(f"no saved form for the {ranker.engine} engine")
    # rank-bm25 has no file format; its per-passage term counts rebuild it in a moment.
    directory.mkdir()
    bags = ranker.term_counts()
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(term, len(vocabulary)) for bag in bags for term in bag]
    counts = [count for bag in bags for count in bag.values()]
    lengths = np.zeros(len(bags) + 1, dtype=np.int64)
    np.cumsum([len(bag) for bag in bags], out=lengths[1:])
    _write_json(directory / "vocabulary.json", list(vocabulary))
    _save_array(directory / "bag_terms.npy", np.asarray(ids, dtype=np.int32))
    _save_array(directory / "bag_counts.npy", np.asarray(counts, dtype=np.int32))
    _save_array(directory / "bag_offsets.npy", lengths)
    _write_json(directory / "okapi.json", ranker.parameters)


def _forget_others(kept: Path, corpus_dir: str) -> None:
    """Drop older saved indexes of the same corpus: only the current one is ever loaded."""
    for other in kept.parent.glob(f"{_PREFIX}*"):
        if other == kept:
            continue
        try:
            manifest = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
            same_corpus = manifest.get("corpus_dir") == corpus_dir
        except (OSError, ValueError):
            same_corpus = True  # unreadable: of no use to anyone
        if same_corpus:
            shutil.rmtree(other, ignore_errors=True)


def load_index(directory: Path, key: str) -> SearchIndex:
    """The saved index, checked against its fingerprint and for internal consistency."""
    manifest = _read_json(directory / "manifest.json")
    if manifest.get("format") != FORMAT_VERSION or manifest.get("fingerprint") != key:
        raise CacheError("saved for another corpus, settings or format")
    documents = MappedDocuments(_read_texts(directory, "documents"))
    _check_records(documents)
    titles = _read_texts(directory, "titles")
    if len(titles) != len(documents):
        raise CacheError("analysed titles disagree with the documents")
    store = _load_passages(directory)
    ranker = _load_ranker(directory / "ranker", manifest["engine"])
    if not len(store) == ranker.size == manifest["passages"]:
        raise CacheError("passage counts disagree")
    if store.documents and not 0 <= min(store.documents) <= max(store.documents) < len(documents):
        raise CacheError("a passage points past the documents")
    return SearchIndex(
        corpus_dir=Path(manifest["corpus_dir"]),
        documents=documents,
        passages=store,
        analyzer=Analyzer(_read_json(directory / "analyzer.json")),
        ranker=ranker,
        file_hashes=dict(manifest["file_hashes"]),
        skipped=[SkippedFile.model_validate(s) for s in manifest["skipped"]],
        analysed_titles=titles,
    )


def _load_passages(directory: Path) -> PassageStore:
    texts = _read_texts(directory, "passages")
    documents = _int_array(_load_array(directory / "passage_documents.npy"))
    positions = _int_array(_load_array(directory / "passage_positions.npy"))
    if not len(texts) == len(documents) == len(positions):
        raise CacheError("passage columns disagree")
    return PassageStore(texts=texts, documents=documents, positions=positions)


def _int_array(numbers: npt.NDArray[Any]) -> array[int]:
    """Four bytes a number, read back as Python ints: a list of a million numbers above
    256 held 36 MB of int objects."""
    return array("i", numbers.astype(np.intc).tobytes())


def _check_records(documents: MappedDocuments) -> None:
    """A record is read when a reply cites it; the first and the last are read now, so that
    a damaged file is rebuilt at load rather than failing a reply."""
    if len(documents):
        _ = documents[0], documents[-1]


def _write_texts(directory: Path, name: str, texts: Sequence[str]) -> None:
    """``name.txt``, the texts end to end in UTF-8, and ``name_offsets.npy``, where each
    starts, with the file's end last."""
    encoded = [text.encode("utf-8") for text in texts]
    with (directory / f"{name}.txt").open("wb") as file:
        file.writelines(encoded)
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(text) for text in encoded], out=offsets[1:])
    _save_array(directory / f"{name}_offsets.npy", offsets)


def _read_texts(directory: Path, name: str) -> MappedTexts:
    path = directory / f"{name}.txt"
    offsets = _load_array(directory / f"{name}_offsets.npy")
    if len(offsets) == 0 or path.stat().st_size != int(offsets[-1]):
        raise CacheError(f"{name} truncated")
    return MappedTexts(path, offsets)


def _load_ranker(directory: Path, engine: str) -> Ranker:
    if engine == SparseRanker.engine:
        return SparseRanker.load(directory, mmap=True)
    if engine != OkapiRanker.engine:
        raise CacheError(f"unknown engine {engine!r}")
    vocabulary = _read_json(directory / "vocabulary.json")
    terms = _load_array(directory / "bag_terms.npy").tolist()
    counts = _load_array(directory / "bag_counts.npy").tolist()
    offsets = _load_array(directory / "bag_offsets.npy").tolist()
    parameters = _read_json(directory / "okapi.json")
    passages = [
        [vocabulary[t] for t, n in zip(terms[a:b], counts[a:b], strict=True) for _ in range(n)]
        for a, b in pairwise(offsets)
    ]
    return OkapiRanker(passages, k1=float(parameters["k1"]), b=float(parameters["b"]))


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _save_array(path: Path, array: npt.NDArray[Any]) -> None:
    np.save(path, array, allow_pickle=False)


def _load_array(path: Path) -> npt.NDArray[Any]:
    array: npt.NDArray[Any] = np.load(path, allow_pickle=False)
    return array
