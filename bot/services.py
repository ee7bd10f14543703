"""What every handler shares: settings, the library, the corpus lock, seen updates.

Kept in ``application.bot_data`` under one key and read back through
``services(context)``, so handlers stay plain PTB callbacks while mypy still
knows the types.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes

from bot.settings import BotSettings
from retrieval.library import Library

_KEY = "citebot.services"
Context = ContextTypes.DEFAULT_TYPE
AnyApplication = Application[Any, Any, Any, Any, Any, Any]
"""The built Application's exact type depends on the builder calls made (rate limiter...)."""


class RecentUpdates:
    """Remembers recent updates so a duplicate delivery is answered only once.

    Telegram may deliver an update again (a webhook retry, a poller restarting
    before it confirmed an offset), and a gateway may wrap the same message in a
    new update id, so both the update id and the message's identity count.
    """

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._seen: OrderedDict[tuple[Any, ...], None] = OrderedDict()

    def first_time(self, update: Update) -> bool:
        keys = _identities(update)
        if any(key in self._seen for key in keys):
            return False
        for key in keys:
            self._seen[key] = None
        while len(self._seen) > self._capacity:
            self._seen.popitem(last=False)
        return True


def _identities(update: Update) -> list[tuple[Any, ...]]:
    keys: list[tuple[Any, ...]] = [("update", update.update_id)]
    if update.message is not None:
        keys.append(("message", update.message.chat_id, update.message.message_id))
    if update.channel_post is not None:
        keys.append(("message", update.channel_post.chat_id, update.channel_post.message_id))
    if update.inline_query is not None:
        keys.append(("inline", update.inline_query.id))
    if update.callback_query is not None:
        keys.append(("callback", update.callback_query.id))
    return keys


@dataclass
class BotServices:
    settings: BotSettings
    library: Library
    corpus_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    """Held while the corpus directory or index changes: one reload or upload at a time."""
    recent: RecentUpdates = field(default_factory=RecentUpdates)
    chat_turns: weakref.WeakValueDictionary[int, asyncio.Lock] = field(
        default_factory=weakref.WeakValueDictionary
    )
    """One lock per chat with a question in hand: a chat's replies leave in the order of its
    questions, while other chats go on (and a 429 in one chat holds up only that chat)."""
    token_rejected: bool = False
    """Telegram stopped accepting the token while the bot ran: it stops, and says so."""


def chat_turn(shared: BotServices, chat_id: int) -> asyncio.Lock:
    turn = shared.chat_turns.get(chat_id)
    if turn is None:
        turn = shared.chat_turns[chat_id] = asyncio.Lock()
    return turn


def install(bot_data: dict[Any, Any], shared: BotServices) -> None:
    bot_data[_KEY] = shared


def services(context: Context) -> BotServices:
    return services_in(context.bot_data)


def services_in(bot_data: dict[Any, Any]) -> BotServices:
    shared = bot_data[_KEY]
    assert isinstance(shared, BotServices)
    return shared


async def drop_duplicates(update: Update, context: Context) -> None:
    """Runs before every other handler; stops the update here if it was seen before."""
    if not services(context).recent.first_time(update):
        raise ApplicationHandlerStop
