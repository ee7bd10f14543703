"""How the bot replies: HTML, as a reply to the message, without link previews, delivered.

One place for these choices so every handler's reply looks and behaves the same
(a preview of the first cited article would push the quotes out of view). A
reply that fails for a passing reason (Telegram's 5xx, a dropped connection, a
timeout, a 429 flood wait) is sent again with backoff until the delivery
deadline: the user gets the answer, not an apology.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 8.0

log = logging.getLogger(__name__)
Sent = TypeVar("Sent")


class Delivery:
    """How long a reply is tried for; ``REPLY_DEADLINE_SECONDS`` sets it for the bot."""

    deadline_seconds = 60.0
    undelivered = 0
    """Replies given up on since start, for the log and the health check."""


async def reply_html(
    message: Message, html: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Reply in the message's chat (and forum topic), quoting it if it still exists."""
    return await deliver(
        lambda: message.reply_text(
            html,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_parameters=ReplyParameters(
                message_id=message.message_id, allow_sending_without_reply=True
            ),
            reply_markup=markup,
        ),
        f"chat {message.chat_id}",
    )


async def deliver(send: Callable[[], Awaitable[Sent]], where: str) -> Sent:
    """``send()``, again after each passing failure, until ``Delivery.deadline_seconds``."""
    give_up = time.monotonic() + Delivery.deadline_seconds
    backoff = FIRST_BACKOFF_SECONDS
    while True:
        try:
            return await send()
        except (BadRequest, Forbidden, InvalidToken):
            raise  # the request itself is wrong: sending it again changes nothing
        except (RetryAfter, NetworkError) as error:
            wait = _wait_after(error, backoff)
            if time.monotonic() + wait > give_up:
                Delivery.undelivered += 1
                log.error("Gave up delivering a reply to %s: %s", where, error)
                raise
            log.warning("Reply to %s failed (%s); again in %.1f s", where, error, wait)
            await asyncio.sleep(wait)
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)


def _wait_after(error: Exception, backoff: float) -> float:
    if isinstance(error, RetryAfter):
        with warnings.catch_warnings():  # PTB 22.2 warns that the type will change: both work
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            seconds = error.retry_after
        return seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
    return backoff
