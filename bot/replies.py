"""How the bot replies: HTML, as a reply to the message, without link previews.

One place for these choices so every handler's reply looks and behaves the same
(a preview of the first cited article would push the quotes out of view).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def reply_html(
    message: Message, html: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Reply in the message's chat (and forum topic), quoting it if it still exists."""
    return await message.reply_text(
        html,
        parse_mode=ParseMode.HTML,
        link_preview_options=NO_PREVIEW,
        reply_parameters=ReplyParameters(
            message_id=message.message_id, allow_sending_without_reply=True
        ),
        reply_markup=markup,
    )
