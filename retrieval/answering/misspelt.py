"""Names the question writes otherwise than the articles: a slip of the keyboard
("Euorpeans", "Manhatten", "Kaddafi") or a compound of known words ("New York-based").

A name no article mentions makes the question unanswerable from them, and it is
declined at once. People asking misspell names the articles do hold, though: on
SQuAD's train-v2.0 articles, a fifth of the answerable questions that rule
declined (30 of 143) named a misspelt or compound name the articles hold. A
capitalised name term one edit (a letter left out, added, changed, or two
swapped) from a term the corpus holds, or made of known parts, is taken as that
term; short terms are left alone, since one edit turns one short name into
another ("Gaza" and "Gama").
"""

from __future__ import annotations

from string import ascii_lowercase

from retrieval.ranking import Ranker

SHORTEST = 5
"""Terms shorter than this are never taken for another."""
_LETTERS = ascii_lowercase


def written_otherwise(term: str, ranker: Ranker) -> dict[str, float]:
    """The corpus terms ``term`` stands for, each with the share of it that it carries:
    the parts of a compound share it, a misspelt word's likeliest spelling carries it all.
    Empty when it stands for none."""
    parts = [part for part in term.split("-") if part]
    if len(parts) > 1 and all(ranker.document_frequency(part) for part in parts):
        return dict.fromkeys(parts, 1 / len(parts))
    if len(term) < SHORTEST:
        return {}
    spellings = [(ranker.document_frequency(edit), edit) for edit in _one_edit(term)]
    frequency, spelling = max(spellings, default=(0, ""))
    return {spelling: 1.0} if frequency else {}


def _one_edit(term: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion from ``term``."""
    splits = [(term[:cut], term[cut:]) for cut in range(len(term) + 1)]
    deleted = [left + right[1:] for left, right in splits if right]
    swapped = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaced = [left + letter + right[1:] for left, right in splits if right for letter in _LETTERS]
    inserted = [left + letter + right for left, right in splits for letter in _LETTERS]
    return set(deleted + swapped + replaced + inserted) - {term}
