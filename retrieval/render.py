"""The reply as plain text: what the terminal prints and what ``--json`` calls ``text``.

The Telegram renderer says the same things in HTML; the wording lives here once
(``notice_lines``, ``source_line``) so the two faces never drift apart.
"""

from __future__ import annotations

from retrieval.answering.language import SUPPORTED_LANGUAGES
from retrieval.models import Answer, DocumentInfo, Quote

MARK_OPEN, MARK_CLOSE = "**", "**"
EXAMPLE_QUESTION = "Who met the foreign minister, and when?"


def notice_lines(answer: Answer) -> list[str]:
    """The sentences a reply says besides its quotes: usage, decline, truncation."""
    lines: list[str] = []
    if answer.truncated_from is not None:
        lines.append(
            f"Your question was {answer.truncated_from:,} characters long; "
            f"I read only the first {len(answer.question):,}."
        )
    if answer.status == "empty":
        lines.append(
            "Ask me a question about the news articles I know, for example: "
            f"“{EXAMPLE_QUESTION}” I answer with quotes and their sources."
        )
    elif answer.status == "unsupported_language":
        languages = " and ".join(SUPPORTED_LANGUAGES)
        lines.append(
            f"I answer questions in {languages}, the language of the articles I know "
            f"({languages} only for now). Please ask again in {languages}."
        )
    elif answer.status == "declined":
        count = answer.document_count
        articles = "article" if count == 1 else "articles"
        lines.append(f"That is not in the {count:,} {articles} I know, so I have no quote to give.")
    return lines


def source_line(document: DocumentInfo) -> str:
    """Title — outlet, date: how a quote's source is named everywhere."""
    parts = [document.title]
    details = ", ".join(value for value in (document.source, format_date(document)) if value)
    if details:
        parts.append(details)
    return " — ".join(parts)


def format_date(document: DocumentInfo) -> str | None:
    if document.published is None:
        return None
    return f"{document.published.day} {document.published:%B %Y}"


def location(document: DocumentInfo) -> str:
    """Where the article can be read: its url, or else its file."""
    return document.url or f"file {document.path}"


def marked(quote: Quote, opening: str = MARK_OPEN, closing: str = MARK_CLOSE) -> str:
    """The quote's text with its answering span between ``opening`` and ``closing``."""
    text, start, end = quote.text, quote.mark_start, quote.mark_end
    return f"{text[:start]}{opening}{text[start:end]}{closing}{text[end:]}"


def sources(answer: Answer) -> list[tuple[int, DocumentInfo]]:
    """The numbered sources of an answer's quotes, each once, in order."""
    seen: dict[int, DocumentInfo] = {}
    for quote in answer.quotes:
        seen.setdefault(quote.number, quote.document)
    return sorted(seen.items(), key=lambda item: item[0])


def by_source(quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes grouped by their source number, in the order each source is first quoted, so a
    reply names each article once above its quotes."""
    groups: dict[int, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(quote.number, []).append(quote)
    return list(groups.values())


def render_plain(answer: Answer) -> str:
    blocks = list(notice_lines(answer))
    for group in by_source(answer.quotes):
        blocks.append(f"[{group[0].number}] " + "\n".join(f"“{marked(q)}”" for q in group))
    if answer.quotes:
        listed = [
            f"[{number}] {source_line(document)} ({location(document)})"
            for number, document in sources(answer)
        ]
        blocks.append("Sources:\n" + "\n".join(listed))
    return "\n\n".join(blocks)


def answer_payload(answer: Answer) -> dict[str, object]:
    """The ``--json`` form of a reply, a contract other tools rely on."""
    return {
        "question": answer.question,
        "found": answer.found,
        "confidence": answer.confidence,
        "text": render_plain(answer),
        "passages": [
            {
                "doc_id": quote.document.doc_id,
                "title": quote.document.title,
                "source": quote.document.source,
                "published": quote.document.published.isoformat()
                if quote.document.published
                else None,
                "url": quote.document.url,
                "text": quote.text,
                "highlight": quote.highlight,
                "answer": quote.answer,
                "score": quote.score,
            }
            for quote in answer.quotes
        ],
    }
