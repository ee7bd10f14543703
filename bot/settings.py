"""Settings only the Telegram bot needs, read from the environment and ``.env``.

The corpus and answer settings (``CORPUS_DIR``, ``TOP_PASSAGES``, ...) belong to
``retrieval.settings.RetrievalSettings``; both classes read the same ``.env``
and ignore each other's names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_cache_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

TELEGRAM_API_ROOT = "https://api.telegram.org"

GROUP_ANONYMOUS_BOT_ID = 1087968824
"""Telegram's stand-in sender for anonymous group admins: anyone could be behind it."""
CHANNEL_BOT_ID = 136817688
"""Telegram's stand-in sender for messages sent on behalf of a channel."""
TELEGRAM_SERVICE_ID = 777000
"""Telegram's own account, the sender of automatic forwards from channels."""
NEVER_ADMIN_IDS = frozenset({GROUP_ANONYMOUS_BOT_ID, CHANNEL_BOT_ID, TELEGRAM_SERVICE_ID})


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", frozen=True, env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = None
    """From @BotFather. Secret: never logged, never shown to users."""
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    """Telegram user ids allowed to /reload and upload articles, comma-separated."""
    telegram_api_base_url: str = TELEGRAM_API_ROOT
    """Root of the Bot API server: a self-hosted one, or the tests' stand-in."""
    telegram_api_file_base_url: str | None = None
    """Root for file downloads; defaults to ``{TELEGRAM_API_BASE_URL}/file/bot``."""
    telegram_api_local_mode: bool = False
    """Set when a self-hosted Bot API server runs with ``--local`` (files are on disk)."""
    telegram_http_client: Literal["aiohttp", "httpx"] = "aiohttp"
    """How the bot talks HTTP to the Bot API: ``bot.http_request.AiohttpRequest``, or
    PTB's own ``HTTPXRequest`` (slower under load; has proxy support)."""
    telegram_rate_limiter: bool = True
    """Keep within Telegram's flood limits; off only to measure the bot itself."""
    concurrent_updates: int = Field(default=64, ge=1, le=1024)
    """How many updates are processed at once, so a slow question stalls no other."""
    heartbeat_file: Path = Field(
        default_factory=lambda: Path(user_cache_dir("citebot")) / "heartbeat"
    )
    """Refreshed by every successful poll; ``citebot health`` checks its age."""
    telegram_read_timeout_seconds: float = Field(default=30.0, gt=0, le=300)
    """How long a Bot API call may take to answer. Generous on purpose: a call that
    times out is sent again, and if Telegram was only slow the chat would get the reply
    twice (PTB's default of 5 s did that under a slow API)."""
    reply_deadline_seconds: float = Field(default=60.0, gt=0, le=3600)
    """A reply that fails for a passing reason (5xx, timeout, 429) is tried again until
    this many seconds have passed, then counted as undelivered and logged."""
    inline_results: int = Field(default=3, ge=1, le=10)
    sources_page_size: int = Field(default=15, ge=1, le=50)
    max_upload_bytes: int = Field(default=2_000_000, ge=1, le=20_000_000)
    """Largest article file an admin may upload (the Bot API serves at most 20 MB)."""
    webhook_url: str | None = None
    """Public HTTPS URL Telegram posts updates to; unset means long polling."""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_path: str = "telegram"
    """Local path the webhook server listens on; the public URL should end with it."""
    webhook_secret_token: SecretStr | None = None
    """Checked on every webhook request; a random one is generated when unset."""
    help_examples: Annotated[tuple[str, ...], NoDecode] = ()
    """Example questions /help shows, separated by ``|``: pick ones your corpus answers.
    Unset, /help explains the kinds of question instead."""
    log_level: LogLevel = "INFO"
    log_format: Literal["text", "json"] = "text"
    """``json`` writes one JSON object a line (``python -m bot run --json`` sets it)."""

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept ``123,456`` (and spaces) as written in ``.env``."""
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("help_examples", mode="before")
    @classmethod
    def _split_examples(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split("|") if part.strip())
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def api_base_url(self) -> str:
        """The ``base_url`` PTB wants: the API root followed by ``/bot``."""
        return f"{_api_root(self.telegram_api_base_url)}/bot"

    @property
    def api_file_base_url(self) -> str:
        root = self.telegram_api_file_base_url
        if root is not None:
            return f"{_api_root(root).removesuffix('/file')}/file/bot"
        return f"{_api_root(self.telegram_api_base_url)}/file/bot"


def _api_root(url: str) -> str:
    """Accept the root with or without PTB's ``/bot`` suffix, as people write both."""
    return url.rstrip("/").removesuffix("/bot")
