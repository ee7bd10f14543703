"""Labelled rows for each stage of the answer model, made by the answer path itself.

The rows are the very features the answer path computes at run time (the same
functions, on an index built the same way), labelled by the answers people
gave: a passage or sentence is right when it contains one, a span when its
token F1 against one is at least ``SPAN_F1``. Stages are fitted in order, each
on what the fitted stages before it choose, as they will at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from retrieval.answering.builder import best_per_passage, rank
from retrieval.answering.candidates import PassageCandidate, read_sentences, retrieve
from retrieval.answering.model import AnswerModel
from retrieval.answering.question import Question, read_question
from retrieval.answering.span import scored_spans
from retrieval.answering.word_odds import Context
from retrieval.index import SearchIndex
from retrieval.scoring import contains_any, token_f1
from retrieval.squad import SquadQuestion

SPAN_F1 = 0.5
QUOTED_SENTENCES = 3
"""Spans are learnt in the answering sentences of this many passages per question."""


@dataclass
class Rows:
    """A stage's labelled rows, each choice's features kept as one array.

    Half a million rows of tens of columns as lists of Python floats took several
    gigabytes (a float object and a pointer to it, 32 bytes a number); as arrays, 8 bytes a
    number, so training fits the machine with room for larger choices."""

    blocks: list[npt.NDArray[np.float64]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    """The choice each row is an option of, its rows standing together: the question (its
    position in the question list) for passages and sentences, the sentence for spans."""
    contexts: list[Context] = field(default_factory=list)
    """Span rows only: each candidate's keys into the word odds."""
    articles: list[str] = field(default_factory=list)
    """Span rows only: the article each row's question is about."""

    @property
    def features(self) -> npt.NDArray[np.float64]:
        """Every row, as one read-only matrix (the blocks are joined once, on first use)."""
        if not self.blocks:
            return np.zeros((0, 0))
        if len(self.blocks) > 1:
            self.blocks = [np.concatenate(self.blocks)]
            self.blocks[0].setflags(write=False)
        return self.blocks[0]

    def add(self, row: Sequence[float], label: bool, group: int) -> None:
        self.add_choice([row], [label], group)

    def add_choice(self, rows: npt.ArrayLike, labels: Iterable[bool], group: int) -> None:
        """The options of one choice, in order (a choice without options adds nothing)."""
        labels = list(labels)
        if not labels:
            return
        block = np.array(rows, dtype=np.float64, ndmin=2)
        block.setflags(write=False)
        self.blocks.append(block)
        self.labels += map(int, labels)
        self.groups += [group] * len(block)

    def __add__(self, other: Rows) -> Rows:
        joined = Rows()
        joined.extend(self)
        joined.extend(other)
        return joined

    def extend(self, other: Rows) -> None:
        """Add another corpus's rows, its choice numbers moved past these."""
        offset = max(self.groups, default=-1) + 1
        self.blocks += other.blocks
        self.labels += other.labels
        self.groups += [offset + group for group in other.groups]
        self.contexts += other.contexts
        self.articles += other.articles


def passage_rows(index: SearchIndex, questions: list[SquadQuestion], model: AnswerModel) -> Rows:
    rows = Rows()
    for number, item, _, passages in _retrieved(index, questions, model):
        texts = [index.passages.texts[candidate.passage] for candidate in passages]
        rows.add_choice(
            [candidate.features for candidate in passages],
            [contains_any(text, item.answers) for text in texts],
            number,
        )
    return rows


def sentence_rows(index: SearchIndex, questions: list[SquadQuestion], model: AnswerModel) -> Rows:
    rows = Rows()
    for number, item, question, passages in _retrieved(index, questions, model):
        sentences = read_sentences(index, question, passages, model)
        rows.add_choice(
            [sentence.features for sentence in sentences],
            [contains_any(sentence.text, item.answers) for sentence in sentences],
            number,
        )
    return rows


def span_rows(index: SearchIndex, questions: list[SquadQuestion], model: AnswerModel) -> Rows:
    """Spans of the answering sentences the answer path quotes, where they hold an answer;
    each sentence's spans are one choice."""
    rows, choice = Rows(), 0
    for _, item, question, passages in _retrieved(index, questions, model):
        sentences = best_per_passage(read_sentences(index, question, passages, model))
        for sentence in sentences[:QUOTED_SENTENCES]:
            if not contains_any(sentence.text, item.answers):
                continue
            scored = scored_spans(question, sentence, model)
            text = sentence.text
            scores = [token_f1(text[c.start : c.end], item.answers) for c in scored.candidates]
            top = max(scores, default=0.0)
            labels = [score >= SPAN_F1 and score == top for score in scores]
            rows.add_choice(scored.features, labels, choice)
            rows.contexts += scored.contexts
            rows.articles += [item.article or ""] * len(scores)
            choice += 1
    return rows


def answerable_rows(
    index: SearchIndex, questions: list[SquadQuestion], model: AnswerModel, wanted: int
) -> Rows:
    """One row per question: can its best quote answer it? (No, when it is unanswerable.)
    A row's choice is its article, so that declining can be judged on articles apart. A
    question that names what no article mentions is left out: the answer path declines it
    before the model is asked."""
    rows = Rows()
    articles: dict[str | None, int] = {}
    for item in questions:
        question = read_question(index, item.question)
        if question.evidence.unknown_names:
            continue
        ranked = rank(index, question, model, wanted)
        if ranked.answerable_row:
            article = articles.setdefault(item.article, len(articles))
            rows.add(ranked.answerable_row, bool(item.answers), article)
    return rows


def _retrieved(
    index: SearchIndex, questions: list[SquadQuestion], model: AnswerModel
) -> Iterator[tuple[int, SquadQuestion, Question, list[PassageCandidate]]]:
    """Each answerable question with its number, its reading and its retrieved passages."""
    for number, item in enumerate(questions):
        if item.answers:
            question = read_question(index, item.question)
            yield number, item, question, retrieve(index, question, model)
