"""Runs the real Citebot Application against the Bot API stand-in, in one event loop.

The Application is built by ``bot.app.build_application`` exactly as
``run_bot`` builds it, and started the way ``Application.run_polling`` starts
it (initialize, post_init, start polling, start), minus the signal handling
that only a main program may install. Everything stops by itself on exit.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from bot.app import ALLOWED_UPDATES, build_application
from bot.settings import BotSettings
from retrieval.library import Library
from retrieval.settings import RetrievalSettings
from tests.bot_api_standin import BotApiStandIn

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ADMIN_ID = 4242
T = TypeVar("T")


def copy_seeds(directory: Path) -> Path:
    """A private corpus directory a test may change."""
    corpus = directory / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus


def make_library(corpus: Path) -> Library:
    """A library over ``corpus`` whose index cache lives beside it, not in the repository."""
    settings = RetrievalSettings(  # type: ignore[call-arg]
        _env_file=None, corpus_dir=corpus, synonyms_file=None,
        index_cache_dir=corpus.parent / "index-cache",
    )
    return Library(settings)


@asynccontextmanager
async def running_bot(library: Library, **settings: Any) -> AsyncIterator[BotApiStandIn]:
    """The stand-in with a polling Citebot attached; ``settings`` override BotSettings."""
    standin = BotApiStandIn()
    await standin.start()
    scratch = Path(tempfile.mkdtemp(prefix="citebot-heartbeat-"))
    values: dict[str, Any] = {
        "telegram_bot_token": standin.token,
        "telegram_api_base_url": standin.api_root,
        "telegram_rate_limiter": False,
        "admin_user_ids": frozenset({ADMIN_ID}),
        "heartbeat_file": scratch / "heartbeat",
        **settings,
    }
    application = build_application(BotSettings(_env_file=None, **values), library, standin.token)  # type: ignore[call-arg]
    try:
        async with application:
            assert application.post_init is not None
            await application.post_init(application)
            assert application.updater is not None
            await application.updater.start_polling(
                poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES
            )
            await application.start()
            try:
                yield standin
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        await standin.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def run(scenario: Callable[[], Awaitable[T]], timeout: float = 30.0) -> T:
    """Run one async scenario with a hard time bound, so no test can hang."""

    async def bounded() -> T:
        return await asyncio.wait_for(scenario(), timeout)

    return asyncio.run(bounded())
