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
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for group in groups:
            members = [tuple(to_terms(name)) for name in group]
            members = [member for member in members if member]
            if not members:
                continue
            concept = CONCEPT_PREFIX + "_".join(members[0])
            for member in members:
                self._add(member, concept)
        for candidates in self._by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))  # longest match first

    def _add(self, member: tuple[str, ...], concept: str) -> None:
        candidates = self._by_first.setdefault(member[0], [])
        if all(existing != member for existing, _ in candidates):
            candidates.append((member, concept))

    def add_concepts(self, terms: list[str]) -> list[str]:
        """``terms`` followed by the concept term of every member found in them."""
        if self._by_first.keys().isdisjoint(terms):
            return terms
        concepts = [concept for _, concept, _ in self._matches(terms)]
        return terms + concepts

    def replace_members(self, terms: list[str]) -> list[str]:
        """``terms`` with each member replaced by its concept term."""
        if self._by_first.keys().isdisjoint(terms):
            return terms
        replaced: list[str] = []
        position = 0
        for start, concept, length in self._matches(terms):
            replaced.extend(terms[position:start])
            replaced.append(concept)
            position = start + length
        replaced.extend(terms[position:])
        return replaced

    def _matches(self, terms: list[str]) -> list[tuple[int, str, int]]:
        """Non-overlapping ``(start, concept, length)`` matches, left to right, longest first."""
        matches: list[tuple[int, str, int]] = []
        position = 0
        while position < len(terms):
            for member, concept in self._by_first.get(terms[position], ()):
                if tuple(terms[position : position + len(member)]) == member:
                    matches.append((position, concept, len(member)))
                    position += len(member)
                    break
            else:
                position += 1
        return matches
