"""/reload: rebuild the index from the corpus directory without pausing answers.

The library builds the new index in a worker thread while the old one keeps
answering, then swaps it in at once; a failed build leaves the old one serving.
Reloads and uploads take the corpus lock, so two never interleave.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import PurePath

from telegram import Update

from bot.admin import is_admin, refuse
from bot.render_html import BLANK, Block, render_blocks
from bot.replies import reply_html
from bot.services import BotServices, Context, services
from retrieval.errors import CorpusError
from retrieval.models import ReloadReport

log = logging.getLogger(__name__)

LISTED_FILES = 20
"""Files named per list in a report; the rest are counted, to stay readable."""


async def on_reload(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    shared = services(context)
    if not is_admin(update, shared.settings):
        await refuse(update, "reload the corpus")
        return
    if shared.corpus_lock.locked():
        await reply_html(message, render_blocks([Block.plain(
            "Another reload is running; this one starts when it ends.")]))
    async with shared.corpus_lock:
        try:
            report = await reload_library(shared)
        except Exception as error:
            await reply_html(message, render_blocks(failure_blocks(error)))
            return
    await reply_html(message, render_blocks(report_blocks(report)))


async def reload_library(shared: BotServices) -> ReloadReport:
    """Call with ``shared.corpus_lock`` held."""
    report = await asyncio.to_thread(shared.library.reload)
    log.info(
        "Corpus reloaded: %d -> %d documents, %d -> %d passages in %.2f s",
        report.documents_before, report.documents_after,
        report.passages_before, report.passages_after, report.seconds,
    )
    return report


def failure_blocks(error: Exception) -> list[Block]:
    """Say why, as far as it is the admin's to fix; anything else goes to the log only."""
    log.error("Reload failed; the previous index keeps serving", exc_info=error)
    return [
        Block.plain("Reload failed; nothing changed, the previous articles keep serving.",
                    bold=True),
        Block.plain(f"Reason: {failure_reason(error)}"),
    ]


def failure_reason(error: Exception) -> str:
    """The reason without the server's paths: a reply may be read in a group; the log has
    the full story."""
    if isinstance(error, CorpusError):
        return f"the corpus directory: {error.problem}"
    if isinstance(error, OSError):
        name = PurePath(str(error.filename)).name if error.filename else "the corpus directory"
        return f"{error.strerror or 'file error'}: {name}"
    return "an unexpected error (the details are in the bot's log)"


def report_blocks(report: ReloadReport) -> list[Block]:
    blocks = [
        Block.plain(f"Corpus reloaded in {report.seconds:.2f} s (engine: {report.engine}).",
                    bold=True),
        Block.plain(f"Documents: {report.documents_before} → {report.documents_after}"),
        Block.plain(f"Passages: {report.passages_before} → {report.passages_after}"),
    ]
    for label, paths in (("Added", report.added), ("Removed", report.removed),
                         ("Changed", report.changed)):
        blocks += _file_list(label, paths)
    blocks += _file_list(
        "Skipped", [f"{skipped.path}: {skipped.reason}" for skipped in report.skipped]
    )
    return blocks


def _file_list(label: str, entries: list[str]) -> list[Block]:
    if not entries:
        return [Block.plain(f"{label}: none")]
    blocks = [BLANK, Block.plain(f"{label} ({len(entries)}):")]
    blocks += [Block.plain(f"• {entry}") for entry in entries[:LISTED_FILES]]
    if len(entries) > LISTED_FILES:
        blocks.append(Block.plain(f"… and {len(entries) - LISTED_FILES} more"))
    return blocks
