"""Is this message a question for me, and if so, which question?

In a private chat everything is. In groups and channels people talk to each
other, so the bot answers only when spoken to: ``/ask`` (bare or with its own
@username), a mention of its @username, or (in groups) a reply to one of its
messages. The rules work on the text itself, not only on Telegram's entities,
so a client or gateway that omits entities still gets its answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import Message, MessageEntity
from telegram.constants import ChatType

ASK = "ask"
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,32}))?(?=\s|$)")
_SPACES = re.compile(r"[ \t]{2,}")
_LEADING_PUNCTUATION = " \t\n,:;.!-\u2013\u2014"


@dataclass(frozen=True)
class Addressed:
    """A message meant for the bot; an empty ``question`` deserves the usage line."""

    question: str


@dataclass(frozen=True)
class Me:
    """What identifies the bot in a message."""

    user_id: int
    username: str


def addressed_question(message: Message, me: Me) -> Addressed | None:
    """The question ``message`` asks the bot, or None if it is not for the bot."""
    text = message.text
    if text is None or message.is_automatic_forward or _from_me(message, me):
        return None
    command = _COMMAND.match(text)
    if command is not None:
        return _from_command(command, text, me)
    if message.chat.type == ChatType.PRIVATE:
        return Addressed(text.strip())
    stripped = _without_mention(message, text, me)
    if stripped is not None:
        return Addressed(stripped)
    if message.chat.type != ChatType.CHANNEL and _replies_to_me(message, me):
        return Addressed(text.strip())
    return None


def _from_me(message: Message, me: Me) -> bool:
    """My own messages, should a server echo them: answering them could loop."""
    senders = (message.from_user, message.via_bot)
    return any(sender is not None and sender.id == me.user_id for sender in senders)


def _from_command(command: re.Match[str], text: str, me: Me) -> Addressed | None:
    """Only ``/ask`` and ``/ask@me`` are questions; other commands are not mine here."""
    name, target = command.group(1), command.group(2)
    if name.lower() != ASK or (target is not None and target.lower() != me.username.lower()):
        return None
    return Addressed(text[command.end() :].strip())


def _without_mention(message: Message, text: str, me: Me) -> str | None:
    """The text with the bot's mention taken out, or None if the bot is not mentioned."""
    for entity in message.entities:
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and (
            entity.user.id == me.user_id
        ):
            mention = message.parse_entity(entity)
            start = text.find(mention)
            return _tidy(text[:start] + text[start + len(mention) :])
    pattern = re.compile(rf"(?<![\w@])@{re.escape(me.username)}(?!\w)", re.IGNORECASE)
    if pattern.search(text) is None:
        return None
    return _tidy(pattern.sub(" ", text))


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lstrip(_LEADING_PUNCTUATION).strip()


def _replies_to_me(message: Message, me: Me) -> bool:
    """A reply to one of my messages, but not the implicit reply to a forum topic's root."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != me.user_id:
        return False
    return replied.forum_topic_created is None
