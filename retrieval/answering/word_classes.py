"""What a word can be: a noun, a verb, an adjective or adverb.

No tagger reads the sentence. The classes a word can take are enough to tell a
candidate that is a phrase ("private conferences") from one cut across a verb
("conferences were held") or before its noun ("smaller" of "smaller particles").
They come from lemminflect's lemma table (every inflected English form with its
classes), read once into one small number per word: the library's own look-up
also keeps every lemma and costs 49 MB, this 6 MB.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntFlag
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.analysis.stopwords import STOPWORDS


class WordClass(IntFlag):
    NOUN = 1
    VERB = 2
    MODIFIER = 4
    """An adjective or an adverb."""


@dataclass(frozen=True)
class WordFlags:
    """One flag per word of a sentence, for each class that matters to a span's edges."""

    verbs: npt.NDArray[np.bool_]
    """The word can only be a verb ("held", "were")."""
    nouns: npt.NDArray[np.bool_]
    """A content word that can be a noun, or one the table lacks (a name, a number)."""
    modifiers: npt.NDArray[np.bool_]
    """The word can only be an adjective or adverb ("smaller", "almost")."""


_CLASSES = {
    "noun": WordClass.NOUN,
    "verb": WordClass.VERB,
    "aux": WordClass.VERB,
    "adj": WordClass.MODIFIER,
    "adv": WordClass.MODIFIER,
}


def word_classes(word: str) -> WordClass:
    """The classes ``word`` can take; none for a word the table lacks (most names)."""
    return WordClass(_table().get(word.casefold(), 0))


def word_flags(words: Sequence[str]) -> WordFlags:
    """The flags of a sentence's words (plain numbers here: a sentence read for the first
    time looks up every word)."""
    table = _table()
    folded = [word.casefold() for word in words]
    classes = np.array([table.get(word, 0) for word in folded], np.int64)
    function_words = np.array([word in STOPWORDS for word in folded], bool)
    flags = WordFlags(
        classes == WordClass.VERB,
        ((classes == 0) | ((classes & WordClass.NOUN) > 0)) & ~function_words,
        classes == WordClass.MODIFIER,
    )
    for array in (flags.verbs, flags.nouns, flags.modifiers):
        array.setflags(write=False)
    return flags


@cache
def _table() -> dict[str, int]:
    tables = _package_folder("lemminflect") / "resources"
    table: dict[str, int] = {}
    with gzip.open(tables / "lemma_lu.csv.gz", "rt") as rows:
        _add(table, csv.reader(rows))
    overrides = (tables / "lemma_overrides.csv").read_text().splitlines()
    _add(table, csv.reader(line for line in overrides if line and not line.startswith("#")))
    return table


def _package_folder(name: str) -> Path:
    """Where an installed package lives, found without importing it (lemminflect's import
    loads its models: 0.19 s)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed")
    return Path(spec.submodule_search_locations[0])


def _add(table: dict[str, int], rows: Iterable[list[str]]) -> None:
    for word, category, *_ in rows:
        table[word] = table.get(word, 0) | _CLASSES.get(category.casefold(), 0)
