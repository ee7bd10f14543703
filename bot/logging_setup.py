"""Logging that never reveals the bot token.

The token is part of every Bot API URL, and httpx logs each request URL at
INFO; exception messages and tracebacks can carry it too. The httpx logger is
therefore kept at WARNING and every formatted record has the token replaced.
"""

from __future__ import annotations

import json
import logging

REDACTED = "[redacted]"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes the secrets from the finished line."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class JsonRedactingFormatter(RedactingFormatter):
    """One JSON object a line, for log collectors; redacted like the text format."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__("%(message)s", secrets)

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        text = json.dumps(entry, ensure_ascii=False)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class BootstrapFailureFilter(logging.Filter):
    """PTB logs a failed start-up or a polling loop it gives up (a rejected token, an
    unreachable Bot API), and a 429 it leaves to the caller, with a whole traceback before
    raising; the bot then says in one line what failed (or waits and sends again), so the
    log keeps only PTB's own line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(("Network Retry Loop (", "Rate limit hit after maximum")):
            record.exc_info = None
            record.exc_text = None
        return True


def configure_logging(level: str, secrets: list[str], as_json: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(BootstrapFailureFilter())
    handler.setFormatter(
        JsonRedactingFormatter(secrets) if as_json
        else RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    root = logging.getLogger()
    for existing in root.handlers[:]:
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
