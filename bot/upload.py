"""Admins add an article by sending its file to the bot in a private chat.

The file is saved into ``CORPUS_DIR`` under its own (sanitised) name and the
corpus reloaded. If the reload fails, or cannot use the file, the directory is
put back as it was, so the files on disk keep matching the index that serves.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from telegram import Document, Message, Update

from bot.admin import is_admin, refuse
from bot.reload import failure_blocks, reload_library, report_blocks
from bot.render_html import Block, render_blocks
from bot.replies import reply_html
from bot.services import BotServices, Context, services
from retrieval.models import ReloadReport

log = logging.getLogger(__name__)

ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl")
MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\- ]+")


class UploadRefused(Exception):
    """A file the bot will not save; the message is shown to the admin."""


def safe_file_name(original: str | None) -> str:
    """A plain file name for the corpus directory: no directories, no hidden files.

    Raises ``UploadRefused`` for an extension the corpus cannot read.
    """
    name = unicodedata.normalize("NFKC", original or "").replace("\\", "/")
    name = PurePosixPath(name).name
    stem, dot, extension = _UNSAFE.sub("_", name).strip().rpartition(".")
    extension = f".{extension.lower()}" if dot else ""
    if extension not in ARTICLE_EXTENSIONS:
        raise UploadRefused(
            f"I can only add articles as {', '.join(ARTICLE_EXTENSIONS)} files."
        )
    stem = stem.strip(" .")[: MAX_NAME - len(extension)] or "article"
    return stem + extension


@dataclass
class _SavedFile:
    """A file written into the corpus, and what to put back if it must go."""

    path: Path
    previous: bytes | None

    def restore(self) -> None:
        if self.previous is None:
            self.path.unlink(missing_ok=True)
        else:
            self.path.write_bytes(self.previous)


async def on_document(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.document is None:
        return
    shared = services(context)
    if not is_admin(update, shared.settings):
        await refuse(update, "add articles")
        return
    try:
        name = safe_file_name(message.document.file_name)
        _check_size(message.document.file_size, shared)
        async with shared.corpus_lock:
            await _add_article(message, name, shared)
    except UploadRefused as refusal:
        await reply_html(message, render_blocks([Block.plain(str(refusal))]))


def _check_size(size: int | None, shared: BotServices) -> None:
    limit = shared.settings.max_upload_bytes
    if size is not None and size > limit:
        raise UploadRefused(f"That file is too large: articles may have at most {limit:,} bytes.")


async def _add_article(message: Message, name: str, shared: BotServices) -> None:
    """Call with the corpus lock held."""
    assert message.document is not None
    content = await _download(message.document)
    _check_size(len(content), shared)
    saved = _save(shared.library.settings.corpus_dir, name, content)
    log.info("Admin %s uploaded %s (%d bytes)", message.chat_id, name, len(content))
    try:
        report = await reload_library(shared)
    except Exception as error:
        saved.restore()
        await reply_html(message, render_blocks(
            [Block.plain(f"{name} was not added.", bold=True), *failure_blocks(error)]))
        return
    reason = _skip_reason(report, name)
    if reason is not None:
        saved.restore()
        await reload_library(shared)  # serve the restored file again, as before the upload
        await reply_html(message, render_blocks([
            Block.plain(f"{name} was not added: {reason}", bold=True),
            Block.plain("The file was removed again; the articles I know are unchanged."),
        ]))
        return
    await reply_html(message, render_blocks(
        [Block.plain(f"Added {name}.", bold=True), *report_blocks(report)]))


async def _download(document: Document) -> bytes:
    telegram_file = await document.get_file()
    return bytes(await telegram_file.download_as_bytearray())


def _save(directory: Path, name: str, content: bytes) -> _SavedFile:
    """Write via a temporary name so a half-written article is never read."""
    path = directory / name
    previous = path.read_bytes() if path.exists() else None
    partial = directory / f".{name}.partial"
    partial.write_bytes(content)
    partial.replace(path)
    return _SavedFile(path, previous)


def _skip_reason(report: ReloadReport, name: str) -> str | None:
    for skipped in report.skipped:
        if PurePosixPath(skipped.path).as_posix() == name:
            return skipped.reason
    return None
