"""Questions: find the text addressed to the bot, answer it off the event loop, reply.

Private messages, group messages and channel posts all come through
``on_text``; ``bot.addressing`` decides which of them are questions, so group
chatter costs nothing but that check.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from bot.addressing import ASK, Me, addressed_question
from bot.render_html import Block, render_answer, render_blocks
from bot.replies import reply_html
from bot.services import Context, chat_turn, services

log = logging.getLogger(__name__)


async def on_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    me = Me(context.bot.id, context.bot.username)
    addressed = addressed_question(message, me)
    if addressed is None:
        if message.chat.type == ChatType.PRIVATE:
            await reply_html(message, render_blocks([Block.plain(_unknown_command())]))
        return
    if not addressed.question and message.chat.type != ChatType.PRIVATE:
        await reply_html(message, render_blocks([Block.plain(_usage(me))]))
        return
    await answer_question(message, addressed.question, context)


TYPING_AFTER_SECONDS = 0.5
"""Show 'typing' only for an answer not ready by then. Telegram recommends chat actions
only when a reply takes noticeably long; most answers take milliseconds, and a chat
action is a Bot API call of its own, as costly for the bot as the reply."""


async def answer_question(message: Message, question: str, context: Context) -> None:
    """Rank in a worker thread: one slow question must not stall the others. A chat's
    questions take turns, so its replies arrive in the order they were asked."""
    shared = services(context)
    async with chat_turn(shared, message.chat_id):
        answering = asyncio.ensure_future(asyncio.to_thread(shared.library.answer, question))
        if message.chat.type == ChatType.PRIVATE:
            await asyncio.wait({answering}, timeout=TYPING_AFTER_SECONDS)
            if not answering.done():
                await _show_typing(message)
        await reply_html(message, render_answer(await answering))


async def _show_typing(message: Message) -> None:
    """Private chats only: in groups the rate limiter counts chat actions against the
    20 messages a minute Telegram allows, which answers need more. Never worth failing
    the answer for."""
    try:
        await message.reply_chat_action(ChatAction.TYPING)
    except TelegramError as error:
        log.debug("No typing action in chat %s: %s", message.chat_id, error)


def _usage(me: Me) -> str:
    """Groups get a one-liner; a private chat gets the library's own usage hint."""
    return f"Usage: /{ASK}@{me.username} your question (or mention @{me.username})."


def _unknown_command() -> str:
    return "I don't know that command. Send me a question, or see /help."
