"""Equivalent names, matched as term sequences.

A group of names that mean the same thing (an acronym and its long form, or a
line of the synonyms file) gets one *concept term*. Passages keep their own
terms and gain the concept term wherever a member occurs; questions have each
member replaced by it. So "SCO" in a question matches "Shanghai Cooperation
Organisation" in a passage, and the question counts it as one concept, not three
words, when the answer builder weighs how much of the question a passage covers.
"""

from __future__ import annotations

from collections.abc import Callable

CONCEPT_PREFIX = "="


class PhraseTable:
    def __init__(self, groups: list[list[str]], to_terms: Callable[[str], list[str]]) -> None:
        self.groups = groups
        # A member is found by its first term, then one look-up per member length
        # (longest first): an archive defines tens of thousands of acronyms, many
        # of whose long forms start alike ("national ..."), so scanning every
        # candidate at every occurrence of a first term would dominate indexing.
        self._concepts: dict[tuple[str, ...], str] = {}
        self._lengths: dict[str, list[int]] = {}
        self._member_terms: dict[str, set[str]] = {}
        for group in groups:
            members = [tuple(to_terms(name)) for name in group]
            members = [member for member in members if member]
            if not members:
                continue
            concept = CONCEPT_PREFIX + "_".join(members[0])
            for member in members:
                self._concepts.setdefault(member, concept)  # the first group naming it wins
                self._member_terms.setdefault(concept, set()).update(member)
        for member in self._concepts:
            self._lengths.setdefault(member[0], []).append(len(member))
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted(set(lengths), reverse=True)  # longest match first

    def add_concepts(self, terms: list[str]) -> list[str]:
        """``terms`` followed by the concept term of every member found in them."""
        if self._lengths.keys().isdisjoint(terms):
            return terms
        concepts = [concept for _, concept, _ in self._matches(terms)]
        return terms + concepts

    def replace_members(self, terms: list[str]) -> list[str]:
        """``terms`` with each member replaced by its concept term."""
        if self._lengths.keys().isdisjoint(terms):
            return terms
        replaced: list[str] = []
        position = 0
        for start, concept, length in self._matches(terms):
            replaced.extend(terms[position:start])
            replaced.append(concept)
            position = start + length
        replaced.extend(terms[position:])
        return replaced

    def member_terms(self, terms: list[str]) -> set[str]:
        """Every term of every member of the groups named in ``terms``: "SCO" brings
        "shanghai", "cooperation" and "organization"."""
        if self._lengths.keys().isdisjoint(terms):
            return set()
        found: set[str] = set()
        for _, concept, _ in self._matches(terms):
            found |= self._member_terms[concept]
        return found

    def terms_of(self, concept: str) -> set[str]:
        """The terms of every member of ``concept``'s group; none for a plain term."""
        return self._member_terms.get(concept, set())

    def _matches(self, terms: list[str]) -> list[tuple[int, str, int]]:
        """Non-overlapping ``(start, concept, length)`` matches, left to right, longest first."""
        lengths, concepts = self._lengths, self._concepts
        matches: list[tuple[int, str, int]] = []
        covered = 0  # terms before this are inside a match already
        for start in [i for i, term in enumerate(terms) if term in lengths]:
            if start < covered:
                continue
            for length in lengths[terms[start]]:
                concept = concepts.get(tuple(terms[start : start + length]))
                if concept is not None:
                    matches.append((start, concept, length))
                    covered = start + length
                    break
        return matches
