"""``python -m retrieval held-out``: the whole answer path on articles nothing was fitted on.

Dev chooses the model's settings, and every change to the answer path has been
measured on it, so dev's figures may flatter the model. The piece with
unanswerable questions (``train-v2.0-*``) holds ten articles that the other
training piece holds too. Each half of those articles is judged in turn: the
model is fitted as ``make train`` fits it, on every training article but the
judged half's, chooses its settings on dev, and answers the judged half's
questions, answerable and unanswerable, from a corpus of those articles alone:
the nearest this data comes to unseen questions of the same kind, declining
included.
"""

from __future__ import annotations

import logging
from pathlib import Path

from retrieval.evaluation import QuestionResult, evaluate
from retrieval.index import build_index
from retrieval.library import Library
from retrieval.settings import RetrievalSettings
from retrieval.squad import SquadSet
from retrieval.training.train import Corpus, fit_model, squad_pieces

log = logging.getLogger(__name__)


def held_out(shared: Path, settings: RetrievalSettings) -> list[QuestionResult]:
    """Every question of the unanswerable piece, each answered by a model fitted without
    its article."""
    training, dev_piece = squad_pieces(shared)
    judged_piece = next(p for p in training if any(not q.answers for q in p.questions))
    titles = sorted(judged_piece.titles)
    dev = Corpus(dev_piece, settings)
    results: list[QuestionResult] = []
    for half in (titles[::2], titles[1::2]):
        log.info("held out: %s", ", ".join(half))
        kept = [_without(piece, half) for piece in training]
        model = fit_model([Corpus(piece, settings) for piece in kept], dev, settings)
        judged = judged_piece.only(half)
        library = Library(settings, build_index(judged.corpus, settings), model)
        results += evaluate(library, judged.questions)
    return results


def _without(piece: SquadSet, titles: list[str]) -> SquadSet:
    return piece.only([title for title in piece.titles if title not in titles])
