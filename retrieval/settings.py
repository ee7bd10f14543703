"""Settings of the retrieval core, read from the environment and ``.env``.

Names are the environment variables listed in ``.env.example``; the bot has its
own settings class for what only the bot needs (tokens, admins, webhook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

Engine = Literal["rank-bm25", "bm25s", "auto"]


SAMPLE = Path(__file__).resolve().parent / "sample"
"""The sample corpus and synonyms file, shipped inside the package."""


def _beside_or_packaged(name: str) -> Path:
    """``name`` in the current directory when it is there (a source checkout), else the copy
    shipped in the package (an installed wheel, run from anywhere)."""
    here = Path(name)
    return here if here.exists() else SAMPLE / name


def settings_errors(error: ValidationError) -> list[str]:
    """One line per bad setting: its variable, the value given, and what is allowed."""
    lines = []
    for problem in error.errors():
        name = str(problem["loc"][0]).upper() if problem["loc"] else "settings"
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{name}={problem.get('input')!r}: {message}")
    return lines


class RetrievalSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", frozen=True, env_ignore_empty=True
    )

    corpus_dir: Path = Field(default_factory=lambda: _beside_or_packaged("seeds"))
    """Unset: ``seeds/`` in the current directory, else the sample corpus the package ships."""
    synonyms_file: Path | None = Field(default_factory=lambda: _beside_or_packaged("synonyms.txt"))
    """Admin-editable equivalences, one group a line (``Daesh = ISIS = Islamic State``).
    A missing file means no synonyms."""
    retrieval_engine: Engine = "auto"
    auto_engine_threshold: int = Field(default=20_000, ge=0)
    """With ``auto``: rank-bm25 up to this many passages, the sparse engine above."""
    index_cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir("citebot")))
    """Unset: the user's cache directory (``~/.cache/citebot`` on Linux)."""
    bm25_k1: float = Field(default=1.5, gt=0)
    bm25_b: float = Field(default=0.75, ge=0, le=1)
    top_passages: int = Field(default=4, ge=1, le=10)
    """How many passages a reply quotes at most."""
    answer_threshold: float | None = Field(default=None, ge=0, le=1)
    """Decline when the model's probability that the first quote answers is below this;
    unset, the threshold chosen on development data (stored in the model file)."""
    max_question_chars: int = Field(default=1000, ge=10)
    quote_chars: int = Field(default=1500, ge=200)
    """Most characters of quoted text in one reply; the first quote gets the most room."""
    passage_min_chars: int = Field(default=200, ge=0)
    """Paragraphs shorter than this are merged with their neighbour."""
    passage_max_chars: int = Field(default=1200, ge=200)
    """Paragraphs longer than this are split at sentence boundaries."""
