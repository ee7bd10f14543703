"""The last resort: log the failure in full, tell the user only that it happened."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError

from bot.services import Context

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong while answering. Please try again in a moment."


async def on_error(update: object, context: Context) -> None:
    """Registered with ``Application.add_error_handler``.

    The reply carries no detail from the exception: internals are for the log,
    whose formatter removes the token from tracebacks as well.
    """
    error = context.error
    if isinstance(error, Forbidden):
        log.warning("Not allowed to write to a chat: %s", error)
        return
    if isinstance(error, NetworkError | RetryAfter):
        # A reply is sent again until its deadline (bot.replies); what still failed is a
        # delivery failure, already logged, and an apology would not get through either.
        log.warning("Network trouble talking to the Bot API: %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("Update %s failed", update_id, exc_info=error)
    if isinstance(update, Update):
        await _apologise(update)


async def _apologise(update: Update) -> None:
    message = update.effective_message
    if message is None or update.callback_query is not None:
        return
    try:
        await message.reply_text(APOLOGY, do_quote=True)
    except TelegramError as error:
        log.error("Could not tell chat %s about the failure: %s", message.chat_id, error)
