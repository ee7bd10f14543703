"""Question → candidates → features → model → span → quote: the answer, or a decline.

Each step is a module of its own (``question``, ``candidates``, ``features``,
``model``, ``span``, ``quote``); this one runs them in order. The first quote is
the passage whose sentence the model finds likeliest to answer, or a close rival
that names an answer more clearly (its answering sentence may likewise be the
passage's next likeliest); further quotes are other passages that answer too (not copies of
one already quoted), while they are at least ``further_quote_share`` as likely.
The reply declines when the model's probability that its first quote answers is
below the threshold chosen on development data, and before any model is asked
when the question names something no article mentions (a name the corpus has
never seen): the articles cannot be about it.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.analysis import fold_for_matching
from retrieval.answering.candidates import (
    PassageCandidate,
    SentenceCandidate,
    read_sentences,
    retrieve,
)
from retrieval.answering.features import PASSAGE_FEATURES, SENTENCE_FEATURES, answerable_features
from retrieval.answering.model import AnswerModel, load_model, probability
from retrieval.answering.question import Question, read_question
from retrieval.answering.quote import ELLIPSIS, cut_quote
from retrieval.answering.span import MarkedSpan, choose_spans
from retrieval.index import SearchIndex
from retrieval.models import Answer, Quote
from retrieval.settings import RetrievalSettings

FIRST_QUOTE_SHARE = 0.7
"""The first quote may take this share of ``QUOTE_CHARS``; the rest share what is left."""
SHORTEST_QUOTE = 80
"""A further quote with less room than this is left out rather than cut to a fragment."""
WEIGHED_PASSAGES = 3
"""How many of the likeliest passages may give the first quote, weighed by their clearest
answers: on SQuAD dev, weighing three did as well as weighing all six read."""
SPAN_LOGIT_BOUND = 10.0
"""A span's logit counts as at most this far either side of 0 when passages are weighed,
so that a passage further behind the first than the weight times twice this cannot
overtake it and its spans need not be read (most questions' second passage)."""
RIVAL_MARGIN = 3.0
"""The first passage's runner-up sentence can take the answer from its best only within
this many logits of it. Further behind, letting it gained nothing on SQuAD dev, and
reading its spans is the cost: one in three questions is spared it. It was 2 until the
sentence trees read how close in meaning a passage's parts are to the question: their
logits spread wider, and "Who opened the festival?" no longer considered the sentence after
the one that repeats the question, "The mayor, Ingrid Solberg, opened it" (2.5 logits
behind). On dev, 2 and 3 answer as many questions and mark as well (F1 47.5 both)."""


@dataclass(frozen=True)
class Ranked:
    """What the model made of a question: the quotable sentences, best first, and how likely
    the best is to answer."""

    question: Question
    sentences: list[SentenceCandidate]
    """The answering sentence of each quoted passage, best first, copies left out."""
    spans: list[MarkedSpan]
    """The marked answer of each of ``sentences``."""
    answerable: float
    answerable_row: list[float]
    """The answerable model's features (what training learns declining from)."""
    passage_logits: dict[int, list[float]]
    """Each read passage's sentence logits, in passage order: a quote keeps the likelier."""


def answer_question(
    index: SearchIndex, question: str, settings: RetrievalSettings, model: AnswerModel | None = None
) -> Answer:
    """The cited answer to ``question`` from ``index``, or a decline, or a usage hint."""
    original_length = len(question)
    question = " ".join(question.split())[: settings.max_question_chars]
    reply = Answer(
        question=question,
        status="empty",
        quotes=[],
        document_count=len(index.documents),
        truncated_from=original_length if original_length > settings.max_question_chars else None,
    )
    read = read_question(index, question)
    if not read.english:
        return reply.model_copy(update={"status": "unsupported_language"})
    if not read.evidence.concepts:
        return reply
    if read.evidence.unknown_names:
        return reply.model_copy(update={"status": "declined", "confidence": 0.0})
    model = model or load_model()
    ranked = rank(index, read, model, settings.top_passages)
    threshold = (
        model.answer_threshold if settings.answer_threshold is None else settings.answer_threshold
    )
    confidence = round(ranked.answerable, 6)
    if not ranked.sentences or ranked.answerable < threshold:
        return reply.model_copy(update={"status": "declined", "confidence": confidence})
    return reply.model_copy(
        update={
            "status": "answered",
            "quotes": _quotes(index, ranked, settings),
            "confidence": confidence,
        }
    )


def rank(index: SearchIndex, question: Question, model: AnswerModel, wanted: int) -> Ranked:
    """Score passages, sentences and spans, and how likely the best quote is to answer."""
    passages = retrieve(index, question, model)
    sentences = read_sentences(index, question, passages, model)
    best = best_per_passage(sentences)
    if not best:
        return Ranked(question, [], [], 0.0, [], {})
    best, known = _clearest_first(question, best, model)
    first = probability(best[0].logit)
    quoted = [s for s in best[:wanted] if probability(s.logit) >= model.further_quote_share * first]
    quoted, spans = _answering_first(
        question, quoted, _runner_up(sentences, best[0]), model, known
    )
    row = answerable_features(
        question,
        best_sentence_logit=best[0].logit,
        second_passage_logit=best[1].logit if len(best) > 1 else best[0].logit - 10,
        best_passage_logit=passages[0].logit,
        best_span_logit=_clipped(spans[0]),
        passage_coverage=best[0].features[SENTENCE_FEATURES.index("passage_coverage")],
        sentence_coverage=best[0].features[SENTENCE_FEATURES.index("coverage")],
        heaviest_missing=_passage_feature(passages, best[0].passage, "heaviest_missing"),
        best_passage_terms=best[0].reading.all_terms,
        best_document_terms=index.document_holds(best[0].passage, question.evidence.name_terms),
    )
    return Ranked(
        question,
        quoted,
        spans,
        probability(model.answerable.logit(row)),
        row,
        _passage_logits(sentences),
    )


def _runner_up(
    sentences: list[SentenceCandidate], best: SentenceCandidate
) -> SentenceCandidate | None:
    """The likeliest sentence of the best sentence's passage after it, if it is a rival."""
    runner_up = next((s for s in sentences if s.passage == best.passage and s is not best), None)
    if runner_up is None or runner_up.logit < best.logit - RIVAL_MARGIN:
        return None
    return runner_up


def _clearest_first(
    question: Question, best: list[SentenceCandidate], model: AnswerModel
) -> tuple[list[SentenceCandidate], dict[tuple[int, int], MarkedSpan]]:
    """The passages' best sentences with the first quote's among the likeliest
    ``WEIGHED_PASSAGES`` put first, each weighed by its logit plus
    ``model.passage_span_weight`` times its clearest answer's; and the spans read for it,
    by passage and sentence number.

    The sentence model judges how each passage's best sentence covers the question; of
    close rivals from different passages, the one naming an answer of the sort asked more
    clearly more often holds it (SQuAD dev, chosen there with the weight)."""
    reach = model.passage_span_weight * 2 * SPAN_LOGIT_BOUND
    weighed = [s for s in best[:WEIGHED_PASSAGES] if s.logit >= best[0].logit - reach]
    if model.passage_span_weight == 0 or len(weighed) < 2:
        return best, {}
    spans = choose_spans(question, weighed, model)
    scores = [
        sentence.logit
        + model.passage_span_weight * min(SPAN_LOGIT_BOUND, max(-SPAN_LOGIT_BOUND, span.logit))
        for sentence, span in zip(weighed, spans, strict=True)
    ]
    chosen = max(range(len(weighed)), key=lambda n: (scores[n], -n))
    known = {_place(sentence): span for sentence, span in zip(weighed, spans, strict=True)}
    return [best[chosen], *best[:chosen], *best[chosen + 1 :]], known


def _answering_first(
    question: Question,
    quoted: list[SentenceCandidate],
    runner_up: SentenceCandidate | None,
    model: AnswerModel,
    known: dict[tuple[int, int], MarkedSpan],
) -> tuple[list[SentenceCandidate], list[MarkedSpan]]:
    """The quoted sentences with their marked spans; the first quote's answering sentence
    becomes its passage's runner-up when that one names an answer more clearly.

    The sentence model judges a sentence by how well it covers the question, the span model
    by whether one of its phrases is what is asked: of two close sentences, the one with
    the clearer answer is more often the one that holds it (``model.span_weight``, chosen on
    dev, says how much clearer)."""
    candidates = quoted + ([runner_up] if runner_up is not None else [])
    unread = [sentence for sentence in candidates if _place(sentence) not in known]
    read = dict(known)
    read.update(zip(map(_place, unread), choose_spans(question, unread, model), strict=True))
    spans = [read[_place(sentence)] for sentence in candidates]
    if runner_up is None:
        return quoted, spans
    runner_span = spans.pop()
    weight = model.span_weight
    if runner_up.logit + weight * _clipped(runner_span) > (
        quoted[0].logit + weight * _clipped(spans[0])
    ):
        return [runner_up, *quoted[1:]], [runner_span, *spans[1:]]
    return quoted, spans


def _place(sentence: SentenceCandidate) -> tuple[int, int]:
    return sentence.passage, sentence.number


def _clipped(span: MarkedSpan) -> float:
    """A span's logit, a sentence with no candidate (or a definition asked) counted as a
    very unlikely one rather than an impossible one."""
    return max(-10.0, span.logit)


def _passage_logits(sentences: list[SentenceCandidate]) -> dict[int, list[float]]:
    logits: dict[int, list[float]] = {}
    for sentence in sentences:
        places = logits.setdefault(sentence.passage, [0.0] * len(sentence.reading.sentences))
        places[sentence.number] = sentence.logit
    return logits


def _passage_feature(passages: list[PassageCandidate], passage: int, name: str) -> float:
    row = next(c.features for c in passages if c.passage == passage)
    return row[PASSAGE_FEATURES.index(name)]


def best_per_passage(sentences: list[SentenceCandidate]) -> list[SentenceCandidate]:
    """The best sentence of each passage, best first, leaving out passages that copy one
    already kept (the same article saved twice)."""
    seen_passages: set[int] = set()
    seen_texts: set[str] = set()
    kept = []
    for sentence in sentences:
        key = fold_for_matching(sentence.text)
        if sentence.passage in seen_passages or key in seen_texts:
            continue
        seen_passages.add(sentence.passage)
        seen_texts.add(key)
        kept.append(sentence)
    return kept


def _quotes(index: SearchIndex, ranked: Ranked, settings: RetrievalSettings) -> list[Quote]:
    numbers: dict[str, int] = {}
    quotes: list[Quote] = []
    room_left = settings.quote_chars
    for position, (sentence, span) in enumerate(zip(ranked.sentences, ranked.spans, strict=True)):
        others = len(ranked.sentences) - position - 1
        room = (
            int(settings.quote_chars * FIRST_QUOTE_SHARE)
            if position == 0 and others
            else room_left // (others + 1)
        ) - len(ELLIPSIS) * 2
        if quotes and room < SHORTEST_QUOTE:
            break
        excerpt = cut_quote(
            sentence.reading.text,
            sentence.reading.sentences,
            sentence.number,
            (span.start, span.end),
            room,
            ranked.passage_logits[sentence.passage],
        )
        room_left -= len(excerpt.text)
        document = index.document_of(sentence.passage)
        quotes.append(
            Quote(
                number=numbers.setdefault(document.doc_id, len(numbers) + 1),
                passage_id=index.passage_id(sentence.passage),
                document=document,
                text=excerpt.text,
                highlight=sentence.text,
                sentence_start=excerpt.sentence[0],
                sentence_end=excerpt.sentence[1],
                mark_start=excerpt.mark[0],
                mark_end=excerpt.mark[1],
                score=round(probability(sentence.logit), 6),
            )
        )
    return quotes
