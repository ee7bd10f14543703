"""Telegram HTML for answers and the bot's other replies, always within 4096.

Replies are built as plain-text runs first and turned into HTML last, so every
piece of user or corpus text passes through ``html.escape`` exactly once and
trimming only ever cuts plain text: a tag or an entity can never be split.
Lengths are counted as Telegram counts them, over the visible text after entity
parsing, in UTF-16 code units.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval.models import Answer, DocumentInfo, Quote
from retrieval.render import by_source, notice_lines, source_line

MESSAGE_LIMIT = 4096
ELLIPSIS = "…"
MIN_EXCERPT = 40
"""Shortest excerpt worth keeping when trimming; below it a quote is dropped."""


@dataclass(frozen=True)
class Run:
    """A stretch of plain text with its inline style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One line (or paragraph) of a reply; ``quoted`` ones become a ``<blockquote>``."""

    runs: tuple[Run, ...]
    quoted: bool = False

    @classmethod
    def plain(cls, text: str, *, bold: bool = False, italic: bool = False) -> Block:
        return cls((Run(text, bold=bold, italic=italic),))


BLANK = Block(())


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def visible_length(blocks: Sequence[Block]) -> int:
    """Length after entity parsing: the runs' text plus one newline between blocks."""
    text = sum(utf16_length(run.text) for block in blocks for run in block.runs)
    return text + max(len(blocks) - 1, 0)


def to_html(blocks: Sequence[Block]) -> str:
    return "\n".join(_block_html(block) for block in blocks)


def _block_html(block: Block) -> str:
    inner = "".join(_run_html(run) for run in block.runs)
    return f"<blockquote>{inner}</blockquote>" if block.quoted else inner


def _run_html(run: Run) -> str:
    text = html.escape(run.text, quote=False)
    if run.bold:
        text = f"<b>{text}</b>"
    if run.underline:
        text = f"<u>{text}</u>"
    if run.italic:
        text = f"<i>{text}</i>"
    if run.href is not None:
        text = f'<a href="{html.escape(run.href, quote=True)}">{text}</a>'
    return text


def render_blocks(blocks: Sequence[Block], limit: int = MESSAGE_LIMIT) -> str:
    """HTML for ``blocks``, cut at the end with "…" if it would pass ``limit``."""
    return to_html(_cut_to(list(blocks), limit))


def _cut_to(blocks: list[Block], limit: int) -> list[Block]:
    if visible_length(blocks) <= limit:
        return blocks
    budget = limit - utf16_length(ELLIPSIS)
    kept: list[Block] = []
    for block in blocks:
        budget -= 1 if kept else 0
        runs: list[Run] = []
        for run in block.runs:
            size = utf16_length(run.text)
            if size > budget:
                runs.append(replace(run, text=_utf16_prefix(run.text, budget) + ELLIPSIS))
                kept.append(replace(block, runs=tuple(runs)))
                return kept
            runs.append(run)
            budget -= size
        kept.append(replace(block, runs=tuple(runs)))
    return kept


def _utf16_prefix(text: str, units: int) -> str:
    """The longest prefix of ``text`` within ``units`` UTF-16 code units."""
    prefix: list[str] = []
    for char in text:
        units -= utf16_length(char)
        if units < 0:
            break
        prefix.append(char)
    return "".join(prefix)


# -- answers -------------------------------------------------------------------------


def render_answer(answer: Answer, limit: int = MESSAGE_LIMIT) -> str:
    """The reply to a question: notices, the numbered quotes, then their sources.

    When the whole would pass ``limit``, excerpts are shortened evenly around
    their answering span; if even short excerpts do not fit, the last quotes are
    left out, and with them any source no remaining quote cites.
    """
    notices = [Block.plain(line, italic=True) for line in notice_lines(answer)]
    quotes = list(answer.quotes)
    while quotes:
        blocks = _fit_quotes(notices, quotes, limit)
        if blocks is not None:
            return to_html(blocks)
        quotes.pop()
    return render_blocks(notices, limit)


def render_quote(quote: Quote, limit: int = MESSAGE_LIMIT) -> str:
    """One quote with its source: what an inline result sends into a chat."""
    blocks = _fit_quotes([], [quote], limit)
    if blocks is None:
        return render_blocks(_quote_blocks([], [quote], MIN_EXCERPT), limit)
    return to_html(blocks)


def _fit_quotes(notices: list[Block], quotes: list[Quote], limit: int) -> list[Block] | None:
    """The longest even excerpt length that fits, found by bisection; None if none does."""
    full = _quote_blocks(notices, quotes, None)
    if visible_length(full) <= limit:
        return full
    low, high = MIN_EXCERPT, max(len(quote.text) for quote in quotes)
    if visible_length(_quote_blocks(notices, quotes, low)) > limit:
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if visible_length(_quote_blocks(notices, quotes, middle)) <= limit:
            low = middle
        else:
            high = middle - 1
    return _quote_blocks(notices, quotes, low)


def _quote_blocks(notices: list[Block], quotes: list[Quote], cap: int | None) -> list[Block]:
    blocks = [*notices, BLANK] if notices else []
    for group in by_source(quotes):
        blocks.append(Block.plain(f"[{group[0].number}]", bold=True))
        blocks += [_excerpt_block(quote, cap) for quote in group]
    blocks += [BLANK, Block.plain("Sources", bold=True)]
    cited: dict[int, DocumentInfo] = {}
    for quote in quotes:
        cited.setdefault(quote.number, quote.document)
    blocks += [_source_block(number, cited[number]) for number in sorted(cited)]
    return blocks


def _excerpt_block(quote: Quote, cap: int | None) -> Block:
    """The passage in a block quote: the answering sentence underlined, the answer in bold."""
    text = quote.text
    said_before = text[quote.sentence_start : quote.mark_start]
    said_after = text[quote.mark_end : quote.sentence_end]
    before = text[: quote.mark_start]
    mark = text[quote.mark_start : quote.mark_end]
    after = text[quote.mark_end :]
    if cap is not None:
        before, mark, after = trim_excerpt(before, mark, after, cap)
    # Trimming may have cut into the sentence: what is left of it is where the texts agree.
    underlined = _shared_length(before[::-1], said_before[::-1])
    lead, said_before = before[: len(before) - underlined], before[len(before) - underlined :]
    underlined = _shared_length(after, said_after)
    said_after, trail = after[:underlined], after[underlined:]
    runs = [
        Run(lead),
        Run(said_before, underline=True),
        Run(mark, bold=True, underline=True),
        Run(said_after, underline=True),
        Run(trail),
    ]
    return Block(tuple(run for run in runs if run.text), quoted=True)


def _shared_length(text: str, other: str) -> int:
    """How many leading characters the two strings share."""
    for position, (mine, theirs) in enumerate(zip(text, other, strict=False)):
        if mine != theirs:
            return position
    return min(len(text), len(other))


def trim_excerpt(before: str, mark: str, after: str, cap: int) -> tuple[str, str, str]:
    """Shorten an excerpt to about ``cap`` characters, keeping the answering span central.

    Cuts fall on word boundaries where possible and are shown with "…".
    """
    if len(before) + len(mark) + len(after) <= cap:
        return before, mark, after
    if len(mark) >= cap:
        return "", _cut_end(mark, cap), ""
    room = cap - len(mark)
    left = min(len(before), room // 2)
    right = min(len(after), room - left)
    left = min(len(before), room - right)
    return _cut_start(before, left), mark, _cut_end(after, right)


def _cut_start(text: str, keep: int) -> str:
    if keep >= len(text):
        return text
    kept = text[len(text) - keep :] if keep else ""
    space = kept.find(" ")
    if 0 <= space < len(kept) - 1:
        kept = kept[space + 1 :]
    return ELLIPSIS + kept


def _cut_end(text: str, keep: int) -> str:
    if keep >= len(text):
        return text
    kept = text[:keep]
    space = kept.rfind(" ")
    if space > 0:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def _source_block(number: int, document: DocumentInfo) -> Block:
    """``[n] Title — Outlet, date`` with the title linked when the article has a web url."""
    line = source_line(document)
    title, details = line[: len(document.title)], line[len(document.title) :]
    runs = [Run(f"[{number}] ", bold=True), Run(title, href=safe_url(document.url))]
    if details:
        runs.append(Run(details))
    return Block(tuple(run for run in runs if run.text))


def safe_url(url: str | None) -> str | None:
    """Only web links become ``<a href>``: other schemes Telegram rejects or should not open."""
    if (
        url
        and url.lower().startswith(("http://", "https://"))
        and not any(char.isspace() for char in url)
    ):
        return url
    return None
