"""Who may change the corpus every chat shares.

Only the people listed in ``ADMIN_USER_IDS``. Being an admin of some group
grants nothing: the corpus is not that group's. A message sent on behalf of a
chat (the anonymous group admin, a channel) has no verifiable person behind it,
so it is never an admin's, whatever ids the settings list.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.settings import NEVER_ADMIN_IDS, BotSettings

log = logging.getLogger(__name__)


def is_admin(update: Update, settings: BotSettings) -> bool:
    user = update.effective_user
    message = update.effective_message
    if user is None or user.id in NEVER_ADMIN_IDS:
        return False
    if message is not None and message.sender_chat is not None:
        return False
    return user.id in settings.admin_user_ids


async def refuse(update: Update, action: str) -> None:
    """Decline politely and leave a trace for the operator."""
    user = update.effective_user
    chat = update.effective_chat
    log.warning(
        "Refused %s to user %s in chat %s: not in ADMIN_USER_IDS",
        action,
        user.id if user else None,
        chat.id if chat else None,
    )
    message = update.effective_message
    if message is not None:
        await message.reply_text(
            f"Sorry, only the bot's administrators can {action}.", do_quote=True
        )
