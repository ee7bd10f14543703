"""The admin-editable synonyms file.

One group of equivalent names a line, separated by "=" (``Daesh = ISIS =
Islamic State``); ``#`` starts a comment. Newsrooms name the same thing
differently, and only the people running the bot know which names matter.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def read_synonyms(path: Path | None) -> list[list[str]]:
    """The groups in ``path``; none when there is no such file (synonyms are optional)."""
    if path is None or not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        log.warning("synonyms file %s cannot be read (%s); going on without it", path, error)
        return []
    return parse_synonyms(lines)


def parse_synonyms(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for line in lines:
        names = [name.strip() for name in line.split("#", 1)[0].split("=")]
        names = [name for name in names if name]
        if len(names) >= 2:
            groups.append(names)
    return groups
