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
"""

from __future__ import annotations

import logging
from pathlib import Path

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


def held_out(
    shared: Path, settings: RetrievalSettings
) -> tuple[list[QuestionResult], list[QuestionResult]]:
    """Every question of the unanswerable piece, each answered by a model fitted without
    its article; and off-topic questions asked of those articles."""
    training, dev_piece = squad_pieces(shared)
    judged_piece = next(p for p in training if any(not q.answers for q in p.questions))
    titles = sorted(judged_piece.titles)
    dev = Corpus(dev_piece, settings)
    results: list[QuestionResult] = []
    off_topic: list[QuestionResult] = []
    for half in (titles[::2], titles[1::2]):
        log.info("held out: %s", ", ".join(half))
        kept = [_without(piece, half) for piece in training]
        model = fit_model([Corpus(piece, settings) for piece in kept], dev, settings)
        judged = judged_piece.only(half)
        library = Library(settings, build_index(judged.corpus, settings), model)
        results += evaluate(library, judged.questions)
        off_topic += evaluate(library, _off_topic(library, dev_piece))
    return results, off_topic


def _off_topic(library: Library, dev: SquadSet) -> list[SquadQuestion]:
    """Every ``OFF_TOPIC_SAMPLE``-th dev question as an unanswerable question of the
    library's articles, unless it names what they never mention: the model is not asked
    about those, and counting them would measure only that rule."""
    return [
        question.model_copy(update={"answers": []})
        for question in dev.questions[::OFF_TOPIC_SAMPLE]
        if not read_question(library.index, question.question).evidence.unknown_names
    ]


def _without(piece: SquadSet, titles: list[str]) -> SquadSet:
    return piece.only([title for title in piece.titles if title not in titles])
