"""Bytes → text in whatever encoding a scraper saved: declared first, else detected.

Old news sites serve windows-1251 and windows-1252; scrapers save the bytes as
they came. A file says its encoding with a byte-order mark, a ``<meta charset>``
or an XML declaration; failing that, UTF-8 is tried, then charset-normalizer
guesses, and the guess is logged with the file's name so a wrong one can be
found. Only what is no text at all (NUL bytes without a UTF-16/32 mark, or
bytes no encoding explains) is refused.
"""

from __future__ import annotations

import codecs
import logging
import re

from retrieval.ingest.article import UnreadableFile

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_MOST_CONTROLS = 0.1
"""Text has few control characters; a file where one in ten is one is binary."""
_DECLARATION_WINDOW = 4096
"""Browsers look for <meta charset> in the first 1024 bytes; scraped pages push it later."""


def decode(data: bytes, path: str = "") -> str:
    """Text of a file, or ``UnreadableFile`` with the reason it is not usable text."""
    text = _decoded(data, path)
    if not text.strip():
        raise UnreadableFile("empty file")
    if _controls(text) > _MOST_CONTROLS * len(text):
        raise UnreadableFile("binary file (mostly control characters)")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
"""Control characters but the four text uses (\\t \\n \\f \\r)."""


def _controls(text: str) -> int:
    """How many control characters ``text`` holds (found by the regex engine: a character
    loop in Python was half the time a large JSON Lines file took to read)."""
    return len(_CONTROL.findall(text))


def _decoded(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"binary file (not {encoding} after its mark)") from error
    if b"\x00" in data:
        raise UnreadableFile("binary file (contains NUL bytes)")
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            logger.warning("%s declares %s but is not: guessing its encoding", path, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guessed(data, path)


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guessed(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes  # only for the files that need a guess

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableFile("not text in any encoding that could be recognised")
    logger.warning("%s is not UTF-8 and declares no encoding: read as %s", path, best.encoding)
    return str(best)
