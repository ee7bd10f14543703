"""Inline mode: ``@BotName question`` in any chat offers the best quotes to send.

Each result is one quote with its source, so whatever the user picks is still a
cited passage. When nothing answers, a button says so instead of a result.
"""

from __future__ import annotations

import asyncio
import hashlib

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode

from bot.render_html import render_quote
from bot.replies import NO_PREVIEW
from bot.services import Context, services
from retrieval.models import Answer, Quote
from retrieval.render import notice_lines

CACHE_SECONDS = 30
"""Short, because a reload can change the answer."""
DESCRIPTION_CHARS = 200


async def on_inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    question = query.query.strip()
    if not question:
        await query.answer([], cache_time=CACHE_SECONDS)
        return
    shared = services(context)
    answer = await asyncio.to_thread(shared.library.answer, question)
    quotes = answer.quotes[: shared.settings.inline_results] if answer.found else []
    await query.answer(
        [_result(index, quote) for index, quote in enumerate(quotes)],
        cache_time=CACHE_SECONDS,
        button=None if quotes else _not_found_button(answer),
    )


def _result(index: int, quote: Quote) -> InlineQueryResultArticle:
    single = quote.model_copy(update={"number": 1})
    description = quote.highlight
    if len(description) > DESCRIPTION_CHARS:
        description = description[: DESCRIPTION_CHARS - 1] + "…"
    return InlineQueryResultArticle(
        id=f"{index}-{hashlib.sha1(quote.passage_id.encode()).hexdigest()[:16]}",
        title=quote.document.title,
        description=description,
        input_message_content=InputTextMessageContent(
            render_quote(single), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
        ),
    )


def _not_found_button(answer: Answer) -> InlineQueryResultsButton:
    """Opens a private chat with /start help, where the user learns how to ask."""
    text = " ".join(notice_lines(answer)) or "No quote answers that"
    return InlineQueryResultsButton(text=text[:64], start_parameter="help")
