"""The words on either side of the question's wh-word, which an answering statement keeps
around its answer.

Turned into a statement, a question puts its answer where its wh-word stood:
"… reported to whom?" is answered by "… reported to Mueller", "Who stated that …"
by "Blackburne argued that …", "part owner of what service?" by "part-owner of
Hulu". The span model reads whether a candidate's neighbours are those words; which
neighbours matter for which question is what it learns.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.analysis import plain_terms
from retrieval.answering.kinds import asked_clause
from retrieval.answering.span_candidates import written_words

WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how"})
_PASSED_OVER = frozenset(
    {"do", "does", "did", "is", "was", "are", "were", "has", "have", "had", "can", "could"}
    | {"will", "would", "the", "a", "an"}
)
"""Auxiliaries and articles: "Where did the SCO meet?" is answered by a place before "SCO"
or "meet", not before any "the"."""
CONTEXT_WORDS = 2


@dataclass(frozen=True)
class WhContext:
    before: tuple[frozenset[str], ...] = ()
    """Up to ``CONTEXT_WORDS`` words just before the wh-word, the nearest last."""
    after: tuple[frozenset[str], ...] = ()
    """Up to ``CONTEXT_WORDS`` words of the clause after it, past "how"'s own word
    ("how many"), auxiliaries ("did") and articles: the words that follow a subject
    answer."""
    end: tuple[frozenset[str], ...] = ()
    """Up to ``CONTEXT_WORDS`` last words of the question, past those of ``after``, when
    the wh-word leads it: "What did Tesla say he did not believe in?" is answered by what
    follows "believe in"."""


def wh_context(question: str) -> WhContext:
    """The context of the first wh-word of the clause that asks (past a leading "When John
    Fox left, …"); none when the question has no wh-word."""
    tokens = written_words(asked_clause(question))
    lowered = [token.casefold() for token in tokens]
    wh = next((n for n, token in enumerate(lowered) if token in WH_WORDS), None)
    if wh is None:
        return WhContext()
    rest = wh + 1 + (lowered[wh] == "how")
    while rest < len(lowered) and lowered[rest] in _PASSED_OVER:
        rest += 1
    tail = max(rest + CONTEXT_WORDS, len(tokens) - CONTEXT_WORDS)
    return WhContext(
        before=tuple(map(word_keys, tokens[max(0, wh - CONTEXT_WORDS) : wh])),
        after=tuple(map(word_keys, tokens[rest : rest + CONTEXT_WORDS])),
        end=tuple(map(word_keys, tokens[tail:])) if wh == 0 else (),
    )


def word_keys(word: str) -> frozenset[str]:
    """What a word matches by: its terms (so "reported" meets "report") and, for function
    words, which have none, the word itself ("to", "of")."""
    return frozenset(plain_terms(word)) | {word.casefold()}
