"""``python -m retrieval held-out``: the whole answer path on articles nothing was fitted on.

Dev chooses the model's settings, and every change to the answer path has been
measured on it, so dev's figures may flatter the model. The piece with
unanswerable questions (``train-v2.0-*``) holds ten articles that the other
training piece holds too. Each half of those articles is judged in turn: the
model is fitted as ``make train`` fits it, on every training article but the
judged half's, chooses its settings on dev, and answers the judged half's
questions, answerable and unanswerable, from a corpus of those articles alone:
the nearest this data comes to unseen questions of the same kind, declining
included. Dev's questions are asked of the same corpus too, as off-topic
questions: about articles it lacks, written by people, and fitted on by no stage.
Both are asked again of each held-out article alone: a news archive often holds a
few stories, and what a question's words say about answering depends on how much
text the archive holds.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

from retrieval.answering.question import read_question
from retrieval.evaluation import QuestionResult, evaluate
from retrieval.index import build_index
from retrieval.library import Library
from retrieval.settings import RetrievalSettings
from retrieval.squad import SquadQuestion, SquadSet
from retrieval.training.train import Corpus, fit_model, squad_pieces

log = logging.getLogger(__name__)

OFF_TOPIC_SAMPLE = 5
"""Every fifth dev question is asked as an off-topic one: about 900 reach the model."""


class HeldOut(NamedTuple):
    judged: list[QuestionResult]
    """The held-out articles' questions, asked of a corpus of half of them."""
    off_topic: list[QuestionResult]
    """Dev's questions asked of that corpus."""
    alone: list[QuestionResult]
    """Each held-out article's questions asked of it alone, as of a news archive of few
    stories, where a fair question's ordinary word is more often one no passage uses."""
    alone_off_topic: list[QuestionResult]
    """Dev's questions asked of each held-out article alone, as many in all as of the
    corpus of half of them."""


def held_out(shared: Path, settings: RetrievalSettings) -> HeldOut:
    """Every question of the unanswerable piece, each answered by a model fitted without
    its article, from the half of the articles it is in and from its article alone; and
    off-topic questions asked of both."""
    training, dev_piece = squad_pieces(shared)
    judged_piece = next(p for p in training if any(not q.answers for q in p.questions))
    titles = sorted(judged_piece.titles)
    dev = Corpus(dev_piece, settings)
    measured = HeldOut([], [], [], [])
    for half in (titles[::2], titles[1::2]):
        log.info("held out: %s", ", ".join(half))
        kept = [_without(piece, half) for piece in training]
        model = fit_model([Corpus(piece, settings) for piece in kept], dev, settings)
        judged = judged_piece.only(half)
        library = Library(settings, build_index(judged.corpus, settings), model)
        measured.judged.extend(evaluate(library, judged.questions))
        measured.off_topic.extend(evaluate(library, _off_topic(library, dev_piece)))
        for title in half:
            article = judged_piece.only([title])
            alone = Library(settings, build_index(article.corpus, settings), model)
            measured.alone.extend(evaluate(alone, article.questions))
            asked = _off_topic(alone, dev_piece, OFF_TOPIC_SAMPLE * len(half))
            measured.alone_off_topic.extend(evaluate(alone, asked))
    return measured


def _off_topic(
    library: Library, dev: SquadSet, step: int = OFF_TOPIC_SAMPLE
) -> list[SquadQuestion]:
    """Every ``step``-th dev question as an unanswerable question of the
    library's articles, unless it names what they never mention: the model is not asked
    about those, and counting them would measure only that rule."""
    return [
        question.model_copy(update={"answers": []})
        for question in dev.questions[::step]
        if not read_question(library.index, question.question).evidence.unknown_names
    ]


def _without(piece: SquadSet, titles: list[str]) -> SquadSet:
    return piece.only([title for title in piece.titles if title not in titles])
