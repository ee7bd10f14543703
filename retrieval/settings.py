"""Settings of the retrieval core, read from the environment and ``.env``.

Names are the environment variables listed in ``.env.example``; the bot has its
own settings class for what only the bot needs (tokens, admins, webhook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Engine = Literal["rank-bm25", "bm25s", "auto"]


class RetrievalSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    corpus_dir: Path = Path("seeds")
    synonyms_file: Path | None = Path("synonyms.txt")
    """Admin-editable equivalences, one group a line (``Daesh = ISIS = Islamic State``).
    A missing file means no synonyms."""
    retrieval_engine: Engine = "auto"
    auto_engine_threshold: int = Field(default=20_000, ge=0)
    """With ``auto``: rank-bm25 up to this many passages, the sparse engine above."""
    index_cache_dir: Path = Path(".cache/citebot")
    bm25_k1: float = Field(default=1.5, gt=0)
    bm25_b: float = Field(default=0.75, ge=0, le=1)
    top_passages: int = Field(default=3, ge=1, le=10)
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
