"""Question → answer: rank passages, choose the answering sentence, quote it, or decline.

BM25 finds candidate passages; each candidate's sentences are then scored on
how much of the question they cover (alone and with their neighbours), how much
the whole passage covers, and whether they hold an answer of the kind asked
for (a date for "when", a number for "how many", a name for "who", a place for
"where"). The best sentence of each of the best passages is quoted.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.analysis import fold_for_matching, plain_terms
from retrieval.analysis.terms import token_offsets
from retrieval.answering.entities import answer_strength, find_answers, is_ordinary_word
from retrieval.answering.evidence import QuestionEvidence, weigh_question
from retrieval.answering.excerpt import cut_excerpt
from retrieval.answering.kinds import AnswerKind, AskedFor, asked_for
from retrieval.index import SearchIndex
from retrieval.models import Answer, DocumentInfo, Quote
from retrieval.sentences import sentence_spans
from retrieval.settings import RetrievalSettings

RERANK_DEPTH = 50
"""How many of the ranker's best passages are read sentence by sentence."""

FOLLOWING_QUOTE_SHARE = 0.75
"""A quote after the first must score at least this share of the first's: more
quotes help only while they are about as good an answer."""

# Weights of a sentence's score; they sum to 1.
W_SENTENCE, W_CONTEXT, W_PASSAGE, W_RANK, W_KIND = 0.25, 0.25, 0.1, 0.1, 0.3


@dataclass(frozen=True)
class Candidate:
    passage: int
    score: float
    coverage: float
    sentence: int
    sentences: list[tuple[int, int]]
    mark: tuple[int, int]


def answer_question(index: SearchIndex, question: str, settings: RetrievalSettings) -> Answer:
    """The cited answer to ``question`` from ``index``, or a decline, or a usage hint."""
    original_length = len(question)
    question = " ".join(question.split())[: settings.max_question_chars]
    truncated = original_length if original_length > settings.max_question_chars else None
    reply = Answer(
        question=question,
        status="empty",
        quotes=[],
        document_count=len(index.documents),
        truncated_from=truncated,
    )
    asked = asked_for(question)
    evidence = weigh_question(question, index.analyzer, index.ranker, asked.target)
    if not evidence.concepts:
        return reply
    hits = index.ranker.search(evidence.concepts, RERANK_DEPTH)
    candidates = _read_candidates(
        index, hits, evidence, asked, set(plain_terms(question)), settings
    )
    chosen = [c for c in candidates if c.coverage >= settings.min_coverage]
    chosen = [c for c in chosen if c.score >= FOLLOWING_QUOTE_SHARE * chosen[0].score]
    if not chosen:
        return reply.model_copy(update={"status": "declined"})
    quotes = _quotes(index, _distinct(index, chosen)[: settings.top_passages], settings)
    return reply.model_copy(update={"status": "answered", "quotes": quotes})


def _read_candidates(
    index: SearchIndex,
    hits: list[tuple[int, float]],
    evidence: QuestionEvidence,
    asked: AskedFor,
    question_terms: set[str],
    settings: RetrievalSettings,
) -> list[Candidate]:
    """Read the ranked passages sentence by sentence, best possible first, while it matters.

    Reading a passage (splitting, analysing, looking for answers) is the costly
    step, so each hit first gets the best score it could reach, from the terms
    the index holds for it: its coverage with any answer assumed, full marks for
    its sentences and for the answer kind. Passages are read in that order, and
    reading stops when no unread one could still be quoted. The result is the
    same as reading them all.
    """
    if not hits:
        return []
    top_rank = hits[0][1]
    held = index.ranker.terms_in([passage for passage, _ in hits], evidence.concepts)
    kind_bonus = W_KIND if asked.kind is not AnswerKind.ANY else 0.0
    unread = []
    for (passage, score), terms in zip(hits, held, strict=True):
        reachable = evidence.coverage(terms, has_answer=True)
        if reachable >= settings.min_coverage:
            bound = (W_SENTENCE + W_CONTEXT + W_PASSAGE) * reachable + W_RANK * score / top_rank
            unread.append((bound + kind_bonus, passage, score / top_rank))
    unread.sort(key=lambda item: (-item[0], item[1]))
    read: list[Candidate] = []
    for bound, passage, rank in unread:
        if bound < _score_to_beat(read, settings.top_passages):
            break
        read.append(_best_sentence(index, passage, rank, evidence, asked, question_terms))
    return sorted(read, key=lambda c: (-c.score, c.passage))


def _score_to_beat(read: list[Candidate], wanted: int) -> float:
    """The least score a further passage needs to be quoted, given those read so far."""
    if not read:
        return 0.0
    scores = sorted((c.score for c in read), reverse=True)
    kth = scores[wanted - 1] if len(scores) >= wanted else 0.0
    return max(kth, FOLLOWING_QUOTE_SHARE * scores[0])


def _best_sentence(
    index: SearchIndex,
    passage: int,
    rank_score: float,
    evidence: QuestionEvidence,
    asked: AskedFor,
    question_terms: set[str],
) -> Candidate:
    text = index.passages.texts[passage]
    spans = sentence_spans(text) or [(0, len(text))]
    analyzer = index.analyzer
    terms = [set(analyzer.passage_terms(text[start:end])) for start, end in spans]
    contexts = [
        sentence.union(*terms[max(0, number - 1) : number + 2])
        for number, sentence in enumerate(terms)
    ]
    # Looking for answer expressions is the costly part: only where the question is.
    answers = [
        _new_answers(text, span, asked, question_terms) if evidence.touches(context) else []
        for span, context in zip(spans, contexts, strict=True)
    ]
    strengths = [
        max((answer_strength(text[a:b], asked.kind, asked.plural) for a, b in found), default=0.0)
        for found in answers
    ]
    passage_terms = index.title_terms(index.passages.documents[passage]).union(*terms)
    coverage = evidence.coverage(passage_terms, has_answer=any(answers))
    best: tuple[float, int] = (-1.0, 0)
    for number, (sentence_terms, context) in enumerate(zip(terms, contexts, strict=True)):
        has_answer = bool(answers[number])
        score = (
            W_SENTENCE * evidence.coverage(sentence_terms, has_answer)
            + W_CONTEXT * evidence.coverage(context, has_answer)
            + W_PASSAGE * coverage
            + W_RANK * rank_score
            + W_KIND * strengths[number]
        )
        if score > best[0]:
            best = (score, number)
    score, number = best
    mark = (
        _closest_to_question(text, spans[number], answers[number], asked, evidence)
        if answers[number]
        else spans[number]
    )
    return Candidate(passage, score, coverage, number, spans, mark)


def _closest_to_question(
    text: str,
    sentence: tuple[int, int],
    answers: list[tuple[int, int]],
    asked: AskedFor,
    evidence: QuestionEvidence,
) -> tuple[int, int]:
    """Of a sentence's surest answers, the one nearest the question's own words.

    In "a group banned in Russia … the summit to be held in Kazakhstan", the
    question "where will the summit be held" is answered by the place by "held".
    """
    strengths = [answer_strength(text[a:b], asked.kind, asked.plural) for a, b in answers]
    surest = [
        span
        for span, strength in zip(answers, strengths, strict=True)
        if strength == max(strengths)
    ]
    anchors = evidence.positions(text, *sentence)
    if len(surest) == 1 or not anchors:
        return surest[0]
    return min(surest, key=lambda span: min(_distance(span, anchor) for anchor in anchors))


def _distance(span: tuple[int, int], position: int) -> int:
    if position < span[0]:
        return span[0] - position
    return max(0, position - span[1])


def _new_answers(
    text: str, sentence: tuple[int, int], asked: AskedFor, question_terms: set[str]
) -> list[tuple[int, int]]:
    """Answer spans (passage offsets) in a sentence that the question does not already say,
    the surest first (a full name before a surname, a list before one of its members)."""
    if asked.kind is AnswerKind.ANY:
        return []
    offset = sentence[0]
    found = find_answers(text[sentence[0] : sentence[1]], asked.kind, asked.plural)
    spans = [
        new
        for start, end in found
        if (new := _new_part(text, (offset + start, offset + end), asked.kind, question_terms))
    ]
    return sorted(
        spans, key=lambda span: -answer_strength(text[span[0] : span[1]], asked.kind, asked.plural)
    )


def _new_part(
    text: str, span: tuple[int, int], kind: AnswerKind, question_terms: set[str]
) -> tuple[int, int] | None:
    """The part of an answer the question does not already say, or None if it says it all.

    A name loses the ordinary words the question used around it ("Governor Pavel
    Lind" asked as "who is the governor" gives "Pavel Lind"); a name that still
    shares a word with the question is the question's own subject ("Sergei Shoigu"
    in "who did Shoigu meet") and no answer. A number or date must add something.
    """
    if kind not in (AnswerKind.NAME, AnswerKind.PLACE):
        return None if set(plain_terms(text[span[0] : span[1]])) <= question_terms else span
    words = token_offsets(text, *span)
    while words and _is_asked_word(words[0][1], question_terms):
        words.pop(0)
    while words and _is_asked_word(words[-1][1], question_terms):
        words.pop()
    if not words:
        return None
    trimmed = (words[0][0], words[-1][0] + len(words[-1][1]))
    remaining = set(plain_terms(text[trimmed[0] : trimmed[1]]))
    return None if not remaining or remaining & question_terms else trimmed


def _is_asked_word(word: str, question_terms: set[str]) -> bool:
    """An ordinary English word of the question, such as a title before a name."""
    terms = plain_terms(word)
    return bool(terms) and set(terms) <= question_terms and is_ordinary_word(word)


def _distinct(index: SearchIndex, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates without near-duplicates: the same sentence quoted from a copy of an article."""
    seen: set[str] = set()
    kept: list[Candidate] = []
    for candidate in candidates:
        start, end = candidate.sentences[candidate.sentence]
        key = fold_for_matching(index.passages.texts[candidate.passage][start:end])
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _quotes(
    index: SearchIndex, candidates: list[Candidate], settings: RetrievalSettings
) -> list[Quote]:
    numbers: dict[str, int] = {}
    quotes: list[Quote] = []
    for candidate in candidates:
        document: DocumentInfo = index.document_of(candidate.passage)
        number = numbers.setdefault(document.doc_id, len(numbers) + 1)
        text = index.passages.texts[candidate.passage]
        excerpt = cut_excerpt(
            text, candidate.sentences, candidate.sentence, candidate.mark, settings.excerpt_chars
        )
        start, end = candidate.sentences[candidate.sentence]
        quotes.append(
            Quote(
                number=number,
                passage_id=index.passage_id(candidate.passage),
                document=document,
                text=excerpt.text,
                highlight=text[start:end],
                mark_start=excerpt.mark_start,
                mark_end=excerpt.mark_end,
                score=round(candidate.score, 6),
            )
        )
    return quotes
