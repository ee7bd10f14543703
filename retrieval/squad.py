"""SQuAD-format question sets as a corpus and its questions.

SQuAD files (``{"data": [{"title", "paragraphs": [{"context", "qas"}]}]}``,
plain or gzipped) hold real questions written by people about Wikipedia
paragraphs: the material the answer model is fitted on and measured with.
Each article becomes one document whose passages are its paragraphs, so the
whole file is the corpus every question is asked of, as a newsroom's archive
would be.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Collection
from pathlib import Path

from pydantic import BaseModel

from retrieval.models import CorpusLoad, Document, EvalQuestion


class SquadQuestion(EvalQuestion):
    passage: str | None = None
    """The paragraph the question was written about (for training only)."""
    article: str | None = None
    """The title of the article it was asked about, answerable or not."""


class SquadSet(BaseModel):
    corpus: CorpusLoad
    questions: list[SquadQuestion]

    @property
    def titles(self) -> list[str]:
        return [document.doc_id for document in self.corpus.documents]

    def only(self, titles: Collection[str]) -> SquadSet:
        """These articles alone, with the questions asked about them: a corpus of its own."""
        documents = [d for d in self.corpus.documents if d.doc_id in titles]
        corpus = self.corpus.model_copy(update={"documents": documents})
        questions = [q for q in self.questions if q.article in titles]
        return SquadSet(corpus=corpus, questions=questions)


def read_squad(path: Path) -> SquadSet:
    """The articles of a SQuAD file as a corpus, and its questions in file order."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        data = json.load(stream)["data"]
    documents: list[Document] = []
    questions: list[SquadQuestion] = []
    for article in data:
        doc_id = article["title"]
        paragraphs = [" ".join(p["context"].split()) for p in article["paragraphs"]]
        documents.append(
            Document(
                doc_id=doc_id,
                title=doc_id.replace("_", " "),
                path=f"{path.name}#{doc_id}",
                text="\n\n".join(paragraphs),
            )
        )
        for paragraph, context in zip(article["paragraphs"], paragraphs, strict=True):
            for qa in paragraph["qas"]:
                answers = [] if qa.get("is_impossible") else _distinct_answers(qa["answers"])
                questions.append(
                    SquadQuestion(
                        id=qa["id"],
                        question=qa["question"],
                        answers=answers,
                        doc=doc_id if answers else None,
                        passage=context,
                        article=doc_id,
                    )
                )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    corpus = CorpusLoad(
        directory=str(path), documents=documents, skipped=[], file_hashes={path.name: digest}
    )
    return SquadSet(corpus=corpus, questions=questions)


def _distinct_answers(answers: list[dict[str, object]]) -> list[str]:
    return list(dict.fromkeys(" ".join(str(a["text"]).split()) for a in answers))
