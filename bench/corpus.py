"""Benchmark corpora: generated news-like English with real word statistics.

No archive of real news large enough for a million passages is on this machine
(the seed corpus has five articles), so the text is generated:

* words are drawn from the 80,000 commonest English words with their real
  frequencies (the ``wordfreq`` package's data, compiled from news, Wikipedia,
  books, subtitles and the web), so stopwords, common and rare terms occur as
  often as in real English and the BM25 posting lists have realistic lengths;
* each article has its own topic words, drawn much more often inside it, the
  burstiness that makes real BM25 rankings decisive;
* named people, places and organisations (with defined acronyms), figures and
  dates recur within an article, as in reporting, and grow the vocabulary with
  the long tail of names a real archive has.

Paragraphs are 2-4 sentences of 200-1,000 characters, so each becomes one
passage. Questions take 4-6 informative words of one sentence, so each has a
real answer in a known passage.

The ``frequent`` style adds what an archive about one country looks like: a
few dozen content words (its name, its capital, its leaders' titles) recur
across the whole archive with Zipf-distributed rates, the commonest in about
two passages of three, and questions are full of them: 2-3 such words beside
2-3 words of the sentence that answers.
"""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt
from wordfreq import get_frequency_dict, top_n_list

GENERATOR_VERSION = 1
FREQUENT_WORDS = 40
"""How many archive-wide words the ``frequent`` style has."""
FREQUENT_RATE = 0.35
"""How often the commonest archive word is put in a sentence; the i-th, ``FREQUENT_RATE / i``."""
VOCABULARY_SIZE = 80_000
ARTICLES_PER_FILE = 5_000
PARAGRAPHS_PER_ARTICLE = (4, 13)
SOURCES = [
    "Harbour Times",
    "Daily Ledger",
    "Northern Courier",
    "Capital Wire",
    "Evening Standardist",
    "Coastal Herald",
    "Metro Bulletin",
    "Continental Post",
    "Valley Gazette",
    "Global Dispatch",
]
SYLLABLES = [
    "an",
    "ar",
    "bel",
    "cor",
    "da",
    "den",
    "el",
    "fa",
    "gor",
    "han",
    "is",
    "ka",
    "kel",
    "lan",
    "ma",
    "mir",
    "nor",
    "ol",
    "pa",
    "ra",
    "ren",
    "sa",
    "sel",
    "ta",
    "tor",
    "ul",
    "va",
    "ven",
    "wy",
    "za",
    "bri",
    "cha",
    "dro",
    "fen",
    "gla",
    "jun",
    "kov",
    "lis",
    "mon",
    "pet",
    "quin",
    "rus",
    "sto",
    "tev",
    "vik",
]
PLACE_SUFFIXES = ["ville", "stan", "burg", "ia", "port", "field", " City", "a"]
ORGANISATION_FORMS = [
    "Ministry of {}",
    "National {} Agency",
    "{} Workers Union",
    "Federal {} Council",
    "International {} Fund",
    "{} Development Bank",
    "Association of {} Producers",
]


@dataclass(frozen=True)
class Vocabulary:
    """The real English words and their cumulative frequencies, for sampling."""

    words: npt.NDArray[np.object_]
    cumulative: npt.NDArray[np.float64]
    informative: frozenset[str]
    """Words rare enough to be asked about (outside the commonest 1,000)."""

    @classmethod
    def english(cls) -> Vocabulary:
        words = [w for w in top_n_list("en", VOCABULARY_SIZE) if w.isalpha()]
        frequencies = get_frequency_dict("en")
        weights = np.array([frequencies[w] for w in words], dtype=np.float64)
        cumulative = np.cumsum(weights / weights.sum())
        cumulative[-1] = 1.0  # no draw may fall past the last word
        return cls(np.array(words, dtype=object), cumulative, frozenset(words[1000:]))


@dataclass(frozen=True)
class ArchiveWords:
    """Words that recur across a whole archive, each with its rate per sentence."""

    words: list[str]
    rates: npt.NDArray[np.float64]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> ArchiveWords:
        """The same words for every file of a corpus: content words from a fixed draw."""
        rng = np.random.default_rng(FREQUENT_WORDS)
        picks = rng.choice(np.arange(1500, 6000), FREQUENT_WORDS, replace=False)
        rates = FREQUENT_RATE / np.arange(1, FREQUENT_WORDS + 1)
        return cls(vocabulary.words[picks].tolist(), rates)


class ArticleWriter:
    """Writes one article at a time from a seeded generator (reproducible corpora)."""

    def __init__(
        self, vocabulary: Vocabulary, seed: int, archive: ArchiveWords | None = None
    ) -> None:
        self._vocabulary = vocabulary
        self._rng = np.random.default_rng(seed)
        self._archive = archive

    def pick(self, options: list[str]) -> str:
        return options[int(self._rng.integers(0, len(options)))]

    def name(self, parts: int) -> str:
        return "".join(self.pick(SYLLABLES) for _ in range(parts)).capitalize()

    def words(self, count: int) -> list[str]:
        picks = np.searchsorted(self._vocabulary.cumulative, self._rng.random(count), side="right")
        words: list[str] = self._vocabulary.words[picks].tolist()
        return words

    def article(self, number: int) -> dict[str, str]:
        rng = self._rng
        # Words this article is about: neither function words nor oddities.
        vocabulary = self._vocabulary.words
        topic: list[str] = vocabulary[rng.integers(1500, min(len(vocabulary), 30_000), 8)].tolist()
        people = [f"{self.name(2)} {self.name(int(rng.integers(2, 4)))}" for _ in range(3)]
        place = self.name(2) + self.pick(PLACE_SUFFIXES)
        organisation = self.pick(ORGANISATION_FORMS).format(self.name(2))
        acronym = "".join(w[0] for w in organisation.split() if w[0].isupper())
        entities = [*people, place, organisation, acronym, f"{place}'s"]
        published = date(2015, 1, 1) + timedelta(days=int(rng.integers(0, 3900)))
        paragraphs = [
            self.paragraph(topic, entities)
            for _ in range(int(rng.integers(*PARAGRAPHS_PER_ARTICLE)))
        ]
        paragraphs[0] = (
            f"The {organisation} ({acronym}) in {place} said on {published:%B %-d}. "
            + paragraphs[0]
        )
        source = self.pick(SOURCES)
        return {
            "title": " ".join(w.capitalize() for w in [place, *topic[:4]]),
            "text": "\n\n".join(paragraphs),
            "source": source,
            "published": published.isoformat(),
            "url": f"https://news.example/{source.split()[0].lower()}/{number}",
        }

    def paragraph(self, topic: list[str], entities: list[str]) -> str:
        while True:
            text = " ".join(self.sentence(topic, entities) for _ in range(self._rng.integers(2, 5)))
            if 200 <= len(text) <= 1000:
                return text

    def sentence(self, topic: list[str], entities: list[str]) -> str:
        rng = self._rng
        words = self.words(int(rng.integers(9, 26)))
        for _ in range(int(rng.integers(1, 4))):
            words.insert(int(rng.integers(1, len(words))), self.pick(topic))
        words.insert(int(rng.integers(0, len(words))), self.pick(entities))
        if self._archive is not None:
            drawn = np.flatnonzero(rng.random(FREQUENT_WORDS) < self._archive.rates)
            for word in drawn.tolist():
                words.insert(int(rng.integers(1, len(words))), self._archive.words[word])
        if rng.random() < 0.3:
            words.insert(int(rng.integers(1, len(words))), self.figure())
        return " ".join(words).capitalize()[:1] + " ".join(words)[1:] + "."

    def figure(self) -> str:
        rng = self._rng
        kind = rng.integers(0, 4)
        if kind == 0:
            return f"{int(rng.integers(1000, 90000)):,}"
        if kind == 1:
            return f"{rng.random() * 20:.1f} percent"
        if kind == 2:
            return str(int(rng.integers(1990, 2026)))
        return f"${int(rng.integers(2, 900))} million"


@dataclass(frozen=True)
class Question:
    text: str
    url: str
    """The article the answer comes from."""


def question_from(
    article: dict[str, str],
    rng: np.random.Generator,
    vocabulary: Vocabulary,
    archive: ArchiveWords | None = None,
) -> Question | None:
    """4-6 informative words of one sentence of the article, as a person might ask;
    with archive words, 2-3 of them beside 2-3 of the sentence's own words."""
    paragraphs = article["text"].split("\n\n")
    paragraph = paragraphs[int(rng.integers(0, len(paragraphs)))]
    sentences = [s for s in paragraph.split(". ") if s]
    sentence = sentences[int(rng.integers(0, len(sentences)))]
    words = [w.removesuffix("'s").strip(".,$") for w in sentence.split()]
    content = list(
        dict.fromkeys(
            w
            for position, w in enumerate(words)
            if w.lower() in vocabulary.informative or (position > 0 and w[:1].isupper())
        )
    )
    if archive is not None:
        content = [w for w in content if w not in archive.words]
    if len(content) < 4:
        return None
    count = min(len(content), int(rng.integers(4, 7) if archive is None else rng.integers(2, 4)))
    picked: list[int] = sorted(rng.choice(len(content), count, replace=False).tolist())
    terms = [content[i] for i in picked]
    if archive is not None:
        weights = archive.rates / archive.rates.sum()
        common = rng.choice(FREQUENT_WORDS, int(rng.integers(2, 4)), replace=False, p=weights)
        terms += [archive.words[i] for i in common.tolist()]
    return Question(f"What about {' '.join(terms)}?", article["url"])


def write_corpus(
    directory: Path, articles: int, seed: int, *, frequent: bool = False
) -> list[Question]:
    """Write ``articles`` articles as JSON Lines files; return questions about them.

    Files are written by two processes (this machine's cores), each seeded by
    its file number, so the corpus is the same whatever the scheduling.
    """
    directory.mkdir(parents=True, exist_ok=True)
    ask_every = max(1, articles // 400)
    jobs = [
        _FileJob(
            directory,
            start // ARTICLES_PER_FILE,
            start,
            min(articles, start + ARTICLES_PER_FILE),
            seed,
            ask_every,
            frequent,
        )
        for start in range(0, articles, ARTICLES_PER_FILE)
    ]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        return [q for questions in pool.map(_write_file, jobs) for q in questions]


@dataclass(frozen=True)
class _FileJob:
    directory: Path
    number: int
    start: int
    end: int
    seed: int
    ask_every: int
    frequent: bool


def _write_file(job: _FileJob) -> list[Question]:
    vocabulary = Vocabulary.english()
    archive = ArchiveWords.of(vocabulary) if job.frequent else None
    writer = ArticleWriter(vocabulary, job.seed * 100_003 + job.number, archive)
    asker = np.random.default_rng(job.seed * 100_019 + job.number)
    batch = [writer.article(number) for number in range(job.start, job.end)]
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in batch)
    (job.directory / f"part-{job.number:04d}.jsonl").write_text(lines, encoding="utf-8")
    picked = (a for n, a in enumerate(batch, job.start) if n % job.ask_every == 0)
    return [q for a in picked if (q := question_from(a, asker, vocabulary, archive))]
