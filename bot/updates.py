"""getUpdates answers with updates PTB cannot parse, made harmless.

PTB parses a getUpdates answer as a whole: one update it cannot read (a field of
an unexpected type, a new kind of object) fails the call, the offset never moves
past it, and polling asks for the same batch forever. Each such update is
replaced by its bare ``update_id`` here, logged once: the batch parses, the
offset moves on, and no handler sees the update.
"""

from __future__ import annotations

import json
import logging

from telegram import Update

log = logging.getLogger(__name__)


def defuse(body: bytes) -> bytes:
    """The answer with every unreadable update reduced to its id (unchanged if none is)."""
    try:
        answer = json.loads(body)
        updates = answer["result"]
    except (ValueError, KeyError, TypeError):
        return body  # not a getUpdates success: PTB reports it as it is
    if not isinstance(updates, list):
        return body
    changed = False
    for number, update in enumerate(updates):
        if not isinstance(update, dict) or _readable(update):
            continue
        log.warning("Skipping update %s: it cannot be parsed", update.get("update_id"))
        updates[number] = {"update_id": update.get("update_id")}
        changed = True
    return json.dumps(answer).encode() if changed else body


def _readable(update: dict[str, object]) -> bool:
    try:
        Update.de_json(update, None)
    except Exception:  # anything PTB raises while parsing means it cannot read the update
        return False
    return True
