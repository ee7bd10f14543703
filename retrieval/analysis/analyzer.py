"""The analyzer: one analysis for passages and questions.

Passages and questions must be analysed alike or they will not meet; the only
difference is how equivalent names are applied (see ``phrases``). The analyzer
is built per corpus because it learns the corpus's acronyms.
"""

from __future__ import annotations

from collections.abc import Iterable

from retrieval.analysis.acronyms import learn_acronyms
from retrieval.analysis.phrases import PhraseTable
from retrieval.analysis.terms import text_terms


def plain_terms(text: str) -> list[str]:
    """Terms of ``text`` without equivalences: for the equivalences' own members."""
    return text_terms(text)


class Analyzer:
    def __init__(self, equivalences: list[list[str]]) -> None:
        self.equivalences = equivalences
        """Groups of equivalent names (acronyms learnt, synonyms read): the analyzer's state."""
        self._phrases = PhraseTable(equivalences, plain_terms)

    @classmethod
    def for_corpus(cls, texts: Iterable[str], synonyms: list[list[str]]) -> Analyzer:
        acronyms = [[short, long] for short, long in learn_acronyms(texts)]
        return cls(acronyms + synonyms)

    def passage_terms(self, text: str) -> list[str]:
        """The terms a passage is indexed under."""
        return self._phrases.add_concepts(plain_terms(text))

    def question_terms(self, text: str) -> list[str]:
        """The terms a question is searched with: one concept term per named thing."""
        return self._phrases.replace_members(plain_terms(text))

    def equivalent_terms(self, text: str) -> set[str]:
        """The terms of every name equivalent to one ``text`` names, its own included."""
        return self._phrases.member_terms(plain_terms(text))

    def concept_members(self, concept: str) -> set[str]:
        """The terms of the names a concept term stands for ("=sco": "sco", "shanghai",
        "cooperation", "organization")."""
        return self._phrases.terms_of(concept)
