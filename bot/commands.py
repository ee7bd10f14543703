"""/start, /help and /sources: what the bot knows and how to ask it."""

from __future__ import annotations

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.render_html import BLANK, Block, render_blocks
from bot.replies import NO_PREVIEW, reply_html
from bot.services import Context, services
from retrieval.render import source_line

SOURCES_PAGE = "sources:"
"""Callback data prefix of the /sources page buttons, followed by the page number."""

PUBLIC_COMMANDS = (
    BotCommand("ask", "Ask a question about the articles"),
    BotCommand("sources", "List the articles I quote from"),
    BotCommand("help", "How to ask me, in chats, groups and inline"),
    BotCommand("start", "What this bot does"),
)
KINDS_OF_QUESTION = (
    "When…? — I quote the sentence with the date in bold.",
    "How many…? / How much…? — the number in bold.",
    "Who…? — the name in bold; Where…? — the place.",
    "Anything else — the sentence that answers it, in bold.",
)
"""What /help shows when no HELP_EXAMPLES are set: the kinds of question, for any corpus."""

ADMIN_COMMANDS = (*PUBLIC_COMMANDS, BotCommand("reload", "Re-read the corpus directory"))


async def on_start(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    if context.args and context.args[0] == "help":
        await on_help(update, context)
        return
    count = len(services(context).library.documents)
    blocks = [
        Block.plain("Hello! I answer questions about the news", bold=True),
        Block.plain(
            f"I know {count} articles. Ask me anything about them and I reply with the "
            "passages that answer it, quoted word for word, each with its source. "
            "I never write an answer of my own."
        ),
        BLANK,
        Block.plain("Just send me a question. /help shows more ways to ask; "
                    "/sources lists the articles."),
    ]
    await reply_html(message, render_blocks(blocks))


async def on_help(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    shared = services(context)
    name = context.bot.username
    blocks = [
        Block.plain(
            f"I know {len(shared.library.documents)} news articles "
            f"({shared.library.passage_count} passages). I answer only by quoting them, "
            "with the source of every quote; if they do not answer you, I say so."
        ),
        BLANK,
        Block.plain("How to ask", bold=True),
        Block.plain("• Here: just send the question."),
        Block.plain(f"• In groups: /ask@{name} question, mention @{name}, "
                    "or reply to one of my answers."),
        Block.plain(f"• In channels where I am an admin: a post starting with /ask "
                    f"or mentioning @{name}."),
        Block.plain(f"• In any chat: type @{name} question and pick a quote."),
        BLANK,
        Block.plain("Commands", bold=True),
        Block.plain("/sources — the articles I know"),
        Block.plain("/reload — re-read the corpus (administrators); administrators may "
                    "also send me .txt, .md, .html, .json or .jsonl files to add articles"),
    ]
    examples = shared.settings.help_examples or KINDS_OF_QUESTION
    blocks += [BLANK, Block.plain("Examples", bold=True)]
    blocks += [Block.plain(f"• {example}") for example in examples]
    await reply_html(message, render_blocks(blocks))


async def on_sources(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    asked = context.args[0] if context.args else "1"
    page = _page_number(asked)
    note = None if page else f"“{asked}” is not a page number; here is the first page."
    text, markup = sources_page(context, page or 1, note)
    await reply_html(message, text, markup)


def _page_number(text: str) -> int | None:
    """A page number as people type it ("2"), not any character Unicode calls a digit."""
    return int(text) if text.isascii() and text.isdecimal() else None


async def on_stale_button(update: Update, context: Context) -> None:
    """Any other button press (an old or forged one) is acknowledged, so no spinner turns."""
    query = update.callback_query
    if query is not None:
        await query.answer("That button no longer does anything. Send /sources again.")


async def on_sources_page(update: Update, context: Context) -> None:
    """The page buttons under /sources edit that message in place."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await query.answer()
    text, markup = sources_page(context, _page_number(query.data.removeprefix(SOURCES_PAGE)) or 1)
    await query.edit_message_text(
        text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, reply_markup=markup
    )


def sources_page(
    context: Context, page: int, note: str | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    shared = services(context)
    documents = shared.library.documents
    size = shared.settings.sources_page_size
    pages = max(1, -(-len(documents) // size))
    page = min(max(page, 1), pages)
    first = (page - 1) * size
    heading = f"The {len(documents)} articles I know"
    if pages > 1:
        heading += f" (page {page} of {pages})"
    blocks = [Block.plain(note, italic=True), BLANK] if note else []
    blocks.append(Block.plain(heading, bold=True))
    blocks += [
        Block.plain(f"{first + offset + 1}. {source_line(document)}")
        for offset, document in enumerate(documents[first : first + size])
    ]
    return render_blocks(blocks), _page_buttons(page, pages)


def _page_buttons(page: int, pages: int) -> InlineKeyboardMarkup | None:
    buttons = []
    if page > 1:
        buttons.append(InlineKeyboardButton("Previous", callback_data=f"{SOURCES_PAGE}{page - 1}"))
    if page < pages:
        buttons.append(InlineKeyboardButton("Next", callback_data=f"{SOURCES_PAGE}{page + 1}"))
    return InlineKeyboardMarkup([buttons]) if buttons else None
