"""A local stand-in for the Telegram Bot API, for tests and benchmarks.

The bot is tested as it runs in production: python-telegram-bot's real
``Application`` and HTTP request class talk HTTP to this server on 127.0.0.1
instead of api.telegram.org. The server answers the methods Citebot uses with
Telegram-shaped JSON, hands out the updates a test queues through
``getUpdates`` long polling, serves uploaded files, and records every call with
its parameters and a ``time.monotonic()`` timestamp so that a test can assert on
it and a benchmark can measure update-to-reply latency.

It checks what Telegram checks where a mistake would otherwise go unnoticed:
HTML in ``parse_mode=HTML`` texts must use supported, properly nested tags and
valid entities, and the text after entity parsing must fit 4096 UTF-16 code
units; a violation gets Telegram's 400 answer, so the bot's error path runs.

Usage inside one event loop (tests, an in-process benchmark)::

    standin = BotApiStandIn()
    await standin.start()                      # binds 127.0.0.1, port 0
    app = ApplicationBuilder().token(standin.token).base_url(standin.base_url)
    ...
    update_id = standin.queue_update(standin.private_text("Who is Shoigu?"))
    [call] = await standin.wait_for("sendMessage", count=1)
    latency = call.at - standin.queued_at[update_id]
    await standin.stop()

Faults on purpose: ``fail_next`` (an error answer, e.g. 500 or 429 with
``retry_after``), ``hang_next`` (answered late, but carried out), ``drop_next``
(the connection closed without an answer), or ``fault_mix`` for random faults
on every call of a method.

For a bot in another process, ``StandInThread`` runs the same server on its own
event loop in a background thread and offers blocking versions of these calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import re
import threading
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

JsonDict = dict[str, Any]
T = TypeVar("T")

MESSAGE_LIMIT = 4096
SUPPORTED_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji",
    }
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)(?:=\"([^\"]*)\")?")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_ENTITY_SOURCE = re.compile(
    r"(?<![\w/@])(/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{3,32})"
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# Parameters whose values are strings even when they look like JSON numbers or booleans.
_STRING_PARAMETERS = frozenset(
    {
        "text", "caption", "parse_mode", "url", "secret_token", "inline_query_id",
        "callback_query_id", "file_id", "query", "description", "next_offset",
        "switch_pm_text", "switch_pm_parameter", "language_code", "action",
    }
)


class TelegramHtmlError(ValueError):
    """Text Telegram would refuse with 'can't parse entities'."""


def utf16_length(text: str) -> int:
    """Telegram counts message length and entity offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def parse_telegram_html(html: str) -> str:
    """Return the visible text of ``html`` as Telegram parses it, or raise.

    Deliberately independent of the bot's renderer: it follows Telegram's
    documented HTML rules, so a renderer bug cannot hide behind its own parser.
    """
    visible: list[str] = []
    open_tags: list[str] = []
    position = 0
    while position < len(html):
        char = html[position]
        if char == "<":
            position = _consume_tag(html, position, open_tags)
        elif char == "&":
            match = _ENTITY.match(html, position)
            if match is None:
                raise TelegramHtmlError(f"unsupported entity at byte offset {position}")
            visible.append(_decode_entity(match.group(1)))
            position = match.end()
        else:
            visible.append(char)
            position += 1
    if open_tags:
        raise TelegramHtmlError(f"unclosed start tag {open_tags[-1]!r}")
    return "".join(visible)


def _consume_tag(html: str, position: int, open_tags: list[str]) -> int:
    match = _TAG.match(html, position)
    if match is None:
        raise TelegramHtmlError(f"unescaped '<' at offset {position}")
    closing, name, attributes = match.group(1) == "/", match.group(2).lower(), match.group(3)
    if name not in SUPPORTED_TAGS:
        raise TelegramHtmlError(f"unsupported start tag {name!r} at offset {position}")
    if closing:
        if not open_tags or open_tags[-1] != name:
            raise TelegramHtmlError(f"unmatched end tag {name!r} at offset {position}")
        open_tags.pop()
    else:
        if name == "a" and not dict(_ATTRIBUTE.findall(attributes)).get("href"):
            raise TelegramHtmlError(f"<a> without href at offset {position}")
        open_tags.append(name)
    return match.end()


def _decode_entity(name: str) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED_ENTITIES[name]


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text Telegram would show for ``text`` sent with ``parse_mode``."""
    if parse_mode is not None and parse_mode.upper() == "HTML":
        return parse_telegram_html(text)
    return text


@dataclass(frozen=True)
class ApiCall:
    """One Bot API request the bot made, as the stand-in understood it."""

    method: str
    params: JsonDict
    at: float
    """``time.monotonic()`` when the request arrived."""
    ok: bool
    result: Any
    """What the stand-in answered (the ``result`` field, or the error description)."""


class ApiError(Exception):
    """A Telegram error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JsonDict:
        body: JsonDict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass(frozen=True)
class Hang:
    """The call is carried out and answered, but only after ``seconds``: a Bot API
    slower than the client's patience (the message exists even if the client gave up)."""

    seconds: float


class Drop(Exception):
    """The connection is closed without an answer, before the call is carried out."""


Fault = ApiError | Hang | Drop


@dataclass
class FaultMix:
    """Random faults on every call of a method, from a seeded generator so a failing
    run can be repeated: shares of 500s, 429s (``retry_after`` seconds), hangs
    (``hang_seconds``) and dropped connections."""

    server_errors: float = 0.0
    flood_waits: float = 0.0
    hangs: float = 0.0
    drops: float = 0.0
    hang_seconds: float = 6.0
    retry_after: int = 1
    seed: int = 0
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def draw(self) -> Fault | None:
        roll = self._random.random()
        for share, fault in (
            (self.server_errors, ApiError(500, "Internal Server Error")),
            (self.flood_waits, ApiError(429, f"Too Many Requests: retry after "
                                             f"{self.retry_after}", self.retry_after)),
            (self.hangs, Hang(self.hang_seconds)),
            (self.drops, Drop()),
        ):
            if roll < share:
                return fault
            roll -= share
        return None


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes


@dataclass
class _Chat:
    data: JsonDict
    next_message_id: int = 1


@dataclass
class _Poll:
    """The updates not yet confirmed by the bot, and who waits for new ones."""

    pending: list[JsonDict] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


class BotApiStandIn:
    """The Bot API server the tests start. See the module docstring for usage."""

    def __init__(
        self,
        *,
        token: str = "123456789:TEST-token_for_the_standin",
        bot_username: str = "CitebotTestBot",
        bot_name: str = "Citebot",
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_user: JsonDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": True,
            "supports_inline_queries": True,
        }
        self.calls: list[ApiCall] = []
        self.queued_at: dict[int, float] = {}
        """``time.monotonic()`` when each update was queued, by update id."""
        self._update_ids = itertools.count(1)
        self._ids = itertools.count(1)
        self._chats: dict[int, _Chat] = {}
        self._files: dict[str, _StoredFile] = {}
        self._failures: dict[str, list[Fault]] = {}
        self._fault_mixes: dict[str, FaultMix] = {}
        self._poll = _Poll()
        self._call_recorded = asyncio.Condition()
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve_connection, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Close the listener and every open connection, waking any long poll."""
        if self._server is None:
            return
        self._server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    @property
    def api_root(self) -> str:
        """What ``TELEGRAM_API_BASE_URL`` is set to for a bot using this stand-in."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.api_root}/bot"

    @property
    def file_base_url(self) -> str:
        return f"{self.api_root}/file/bot"

    # -- what a test feeds in ------------------------------------------------------

    def queue_update(self, update: JsonDict) -> int:
        """Queue one update for ``getUpdates``; an ``update_id`` is assigned if missing."""
        return self.queue_updates([update])[0]

    def queue_updates(self, updates: Iterable[JsonDict]) -> list[int]:
        """Queue updates to be delivered together (e.g. the same update twice)."""
        ids = []
        now = time.monotonic()
        for update in updates:
            update.setdefault("update_id", next(self._update_ids))
            self.queued_at.setdefault(update["update_id"], now)
            self._poll.pending.append(update)
            ids.append(update["update_id"])
        self._poll.arrived.set()
        return ids

    def add_file(self, content: bytes, file_name: str) -> JsonDict:
        """Store a file the bot can fetch; returns a Telegram ``Document`` for an update."""
        number = next(self._ids)
        stored = _StoredFile(f"file-{number}", f"unique-{number}", f"documents/{number}", content)
        self._files[stored.file_id] = stored
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "file_size": len(content),
        }

    def fail_next(self, method: str, code: int, description: str, retry_after: int | None = None
                  ) -> None:
        """Make the next call of ``method`` fail the way Telegram fails it."""
        self._failures.setdefault(method, []).append(ApiError(code, description, retry_after))

    def hang_next(self, method: str, seconds: float) -> None:
        """Answer the next call of ``method`` only after ``seconds``."""
        self._failures.setdefault(method, []).append(Hang(seconds))

    def drop_next(self, method: str) -> None:
        """Close the connection of the next call of ``method`` without an answer."""
        self._failures.setdefault(method, []).append(Drop())

    def fault_mix(self, method: str, mix: FaultMix) -> None:
        """From now on, every call of ``method`` may meet one of ``mix``'s faults."""
        self._fault_mixes[method] = mix

    # -- update builders: Telegram-shaped, with the entities Telegram would add ------

    def user(self, user_id: int = 1001, first_name: str = "Ada") -> JsonDict:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}

    def private_chat(self, chat_id: int = 1001) -> JsonDict:
        return {"id": chat_id, "type": "private", "first_name": "Ada"}

    def group_chat(self, chat_id: int = -1001000000001, *, forum: bool = False) -> JsonDict:
        chat: JsonDict = {"id": chat_id, "type": "supergroup", "title": "Readers"}
        if forum:
            chat["is_forum"] = True
        return chat

    def channel_chat(self, chat_id: int = -1002000000001) -> JsonDict:
        return {"id": chat_id, "type": "channel", "title": "News desk", "username": "newsdesk"}

    def message(self, chat: JsonDict, text: str | None = None, *, sender: JsonDict | None = None,
                **extra: Any) -> JsonDict:
        """A ``Message`` object in ``chat``; ``extra`` adds any other field verbatim."""
        message: JsonDict = {
            "message_id": self._next_message_id(chat),
            "date": int(time.time()),
            "chat": chat,
        }
        if sender is not None:
            message["from"] = sender
        if text is not None:
            message["text"] = text
            entities = telegram_entities(text)
            if entities:
                message["entities"] = entities
        message.update(extra)
        return message

    def private_text(self, text: str | None, *, user_id: int = 1001, **extra: Any) -> JsonDict:
        chat = self.private_chat(user_id)
        return {"message": self.message(chat, text, sender=self.user(user_id), **extra)}

    def group_text(self, text: str | None, *, chat_id: int = -1001000000001, user_id: int = 1002,
                   **extra: Any) -> JsonDict:
        chat = self.group_chat(chat_id, forum="message_thread_id" in extra)
        return {"message": self.message(chat, text, sender=self.user(user_id, "Bob"), **extra)}

    def channel_post(self, text: str, *, chat_id: int = -1002000000001, **extra: Any) -> JsonDict:
        chat = self.channel_chat(chat_id)
        return {"channel_post": self.message(chat, text, sender_chat=chat, **extra)}

    def inline_query(self, query: str, *, user_id: int = 1001) -> JsonDict:
        return {
            "inline_query": {
                "id": str(next(self._ids)),
                "from": self.user(user_id),
                "query": query,
                "offset": "",
                "chat_type": "sender",
            }
        }

    def private_document(self, content: bytes, file_name: str, *, user_id: int = 1001) -> JsonDict:
        chat = self.private_chat(user_id)
        document = self.add_file(content, file_name)
        return {"message": self.message(chat, sender=self.user(user_id), document=document)}

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    def bot_messages(self, chat_id: int | None = None) -> list[ApiCall]:
        """Successful ``sendMessage`` calls, optionally only those to ``chat_id``."""
        return [
            call for call in self.calls
            if call.method == "sendMessage" and call.ok
            and (chat_id is None or int(call.params["chat_id"]) == chat_id)
        ]

    # -- waiting -------------------------------------------------------------------

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        *,
        timeout: float = 5.0,
        where: Callable[[ApiCall], bool] = lambda call: True,
    ) -> list[ApiCall]:
        """Wait until ``count`` calls of ``method`` matching ``where`` were recorded."""

        def matching() -> list[ApiCall]:
            return [c for c in self.calls if c.method == method and where(c)]

        async with self._call_recorded:
            await asyncio.wait_for(
                self._call_recorded.wait_for(lambda: len(matching()) >= count), timeout
            )
        return matching()

    async def settle(self, quiet: float = 0.3) -> None:
        """Wait until no call has arrived for ``quiet`` seconds: proof of silence."""
        while True:
            seen = len(self.calls)
            await asyncio.sleep(quiet)
            if len(self.calls) == seen and not self._poll.pending:
                return

    # -- HTTP ------------------------------------------------------------------------

    async def _serve_connection(self, reader: asyncio.StreamReader,
                                writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while await self._serve_request(reader, writer):
                pass
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError, Drop):
            pass
        finally:
            self._connections.discard(task)
            writer.close()

    async def _serve_request(self, reader: asyncio.StreamReader,
                             writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        _method, target, _version = request_line.split(" ", 2)
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in header_lines if line)
        }
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        path = unquote(urlsplit(target).path)
        status, content_type, payload = await self._route(path, headers, body)
        writer.write(
            f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n"
            "Connection: keep-alive\r\n\r\n".encode("latin-1") + payload
        )
        await writer.drain()
        return headers.get("connection", "").lower() != "close"

    async def _route(self, path: str, headers: dict[str, str], body: bytes
                     ) -> tuple[int, str, bytes]:
        file_prefix = f"/file/bot{self.token}/"
        if path.startswith(file_prefix):
            return self._download(path[len(file_prefix):])
        api_prefix = f"/bot{self.token}/"
        if not path.startswith(api_prefix):
            error = ApiError(401 if path.startswith("/bot") else 404,
                             "Unauthorized" if path.startswith("/bot") else "Not Found")
            return error.code, "application/json", json.dumps(error.payload()).encode()
        method = path[len(api_prefix):]
        params = _decode_parameters(headers.get("content-type", ""), body)
        answer = await self._call(method, params)
        status = 200 if answer["ok"] else int(answer["error_code"])
        return status, "application/json", json.dumps(answer).encode()

    def _download(self, file_path: str) -> tuple[int, str, bytes]:
        for stored in self._files.values():
            if stored.file_path == file_path:
                return 200, "application/octet-stream", stored.content
        return 404, "text/plain", b"Not Found"

    async def _call(self, method: str, params: JsonDict) -> JsonDict:
        arrived = time.monotonic()
        fault = self._next_fault(method)
        if isinstance(fault, Drop):
            await self._record(ApiCall(method, params, arrived, False, "connection dropped"))
            raise fault
        if isinstance(fault, Hang):
            await asyncio.sleep(fault.seconds)
        try:
            if isinstance(fault, ApiError):
                raise fault
            result = await self._answer(method, params)
        except ApiError as error:
            await self._record(ApiCall(method, params, arrived, False, error.description))
            return error.payload()
        await self._record(ApiCall(method, params, arrived, True, result))
        return {"ok": True, "result": result}

    def _next_fault(self, method: str) -> Fault | None:
        queued = self._failures.get(method)
        if queued:
            return queued.pop(0)
        mix = self._fault_mixes.get(method)
        return mix.draw() if mix is not None else None

    async def _record(self, call: ApiCall) -> None:
        async with self._call_recorded:
            self.calls.append(call)
            self._call_recorded.notify_all()

    async def _answer(self, method: str, params: JsonDict) -> Any:
        if method == "getUpdates":
            return await self._get_updates(params)
        handler = self._methods().get(method)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    def _methods(self) -> dict[str, Callable[[JsonDict], Any]]:
        always_true: Callable[[JsonDict], Any] = lambda params: True  # noqa: E731
        return {
            "getMe": lambda params: self.bot_user,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "answerInlineQuery": self._answer_inline_query,
            "getFile": self._get_file,
            "deleteWebhook": always_true,
            "setWebhook": always_true,
            "deleteMyCommands": always_true,
            "answerCallbackQuery": always_true,
            "logOut": always_true,
            "close": always_true,
        }

    async def _get_updates(self, params: JsonDict) -> list[JsonDict]:
        offset = int(params.get("offset", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        timeout = float(params.get("timeout", 0) or 0)
        if offset:
            self._poll.pending = [u for u in self._poll.pending if u["update_id"] >= offset]
        if not self._poll.pending and timeout > 0:
            self._poll.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poll.arrived.wait(), timeout)
        return self._poll.pending[:limit]

    def _send_message(self, params: JsonDict) -> JsonDict:
        chat_id = _require(params, "chat_id")
        text = _require(params, "text")
        shown = self._checked_text(str(text), params.get("parse_mode"))
        chat = self._chat(chat_id)
        message = {
            "message_id": self._next_message_id(chat.data),
            "date": int(time.time()),
            "chat": chat.data,
            "from": self.bot_user,
            "text": shown,
        }
        thread = params.get("message_thread_id")
        if thread is not None:
            message["message_thread_id"] = int(thread)
        if chat.data["type"] == "channel":
            message["sender_chat"] = chat.data
            del message["from"]
        return message

    def _edit_message_text(self, params: JsonDict) -> JsonDict:
        chat_id = _require(params, "chat_id")
        shown = self._checked_text(str(_require(params, "text")), params.get("parse_mode"))
        return {
            "message_id": int(_require(params, "message_id")),
            "date": int(time.time()),
            "edit_date": int(time.time()),
            "chat": self._chat(chat_id).data,
            "from": self.bot_user,
            "text": shown,
        }

    def _send_chat_action(self, params: JsonDict) -> bool:
        _require(params, "chat_id")
        if _require(params, "action") not in {"typing", "upload_document", "choose_sticker"}:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _set_my_commands(self, params: JsonDict) -> bool:
        commands = _require(params, "commands")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        return True

    def _answer_inline_query(self, params: JsonDict) -> bool:
        _require(params, "inline_query_id")
        results = _require(params, "results")
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result.get("id", "") for result in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            self._checked_text(str(content.get("message_text", "")), content.get("parse_mode"))
        return True

    def _get_file(self, params: JsonDict) -> JsonDict:
        stored = self._files.get(str(_require(params, "file_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    def _checked_text(self, text: str, parse_mode: Any) -> str:
        try:
            shown = visible_text(text, parse_mode if isinstance(parse_mode, str) else None)
        except TelegramHtmlError as error:
            raise ApiError(400, f"Bad Request: can't parse entities: {error}") from error
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(shown) > MESSAGE_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        return shown

    def _chat(self, chat_id: Any) -> _Chat:
        chat_number = int(chat_id)
        if chat_number not in self._chats:
            kind = "private" if chat_number > 0 else "supergroup"
            self._chats[chat_number] = _Chat({"id": chat_number, "type": kind})
        return self._chats[chat_number]

    def _next_message_id(self, chat: JsonDict) -> int:
        known = self._chats.setdefault(int(chat["id"]), _Chat(chat))
        known.data = chat
        message_id = known.next_message_id
        known.next_message_id += 1
        return message_id


def telegram_entities(text: str) -> list[JsonDict]:
    """The ``bot_command`` and ``mention`` entities Telegram attaches to ``text``."""
    entities = []
    for match in _ENTITY_SOURCE.finditer(text):
        kind = "bot_command" if match.group(1).startswith("/") else "mention"
        entities.append({
            "type": kind,
            "offset": utf16_length(text[: match.start()]),
            "length": utf16_length(match.group(1)),
        })
    return entities


def _require(params: JsonDict, name: str) -> Any:
    if name not in params or params[name] in ("", None):
        raise ApiError(400, f"Bad Request: {name} is empty")
    return params[name]


def _decode_parameters(content_type: str, body: bytes) -> JsonDict:
    """Bot API parameters arrive form-encoded (PTB), as JSON, or as multipart."""
    if content_type.startswith("application/json"):
        decoded: JsonDict = json.loads(body or b"{}")
        return decoded
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        pairs = [
            (part.get_param("name", header="content-disposition"), part.get_content())
            for part in message.iter_parts()
        ]
        return {str(name): _decode_value(str(name), str(value)) for name, value in pairs}
    return {
        name: _decode_value(name, value)
        for name, value in parse_qsl(body.decode(), keep_blank_values=True)
    }


def _decode_value(name: str, value: str) -> Any:
    if name in _STRING_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class StandInThread:
    """The stand-in on its own event loop in a background thread.

    For a bot running in another process (``python -m bot run``), or a
    benchmark that wants the server's work off its own loop. Methods block and
    are safe to call from the owning thread.
    """

    def __init__(self, standin: BotApiStandIn | None = None) -> None:
        self.standin = standin or BotApiStandIn()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def _run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def __enter__(self) -> BotApiStandIn:
        self._run(self.standin.start())
        return self.standin

    def __exit__(self, *exc_info: object) -> None:
        self._run(self.standin.stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def call(self, function: Callable[[], T]) -> T:
        """Run ``function`` on the server's loop, e.g. one of the update builders."""
        return self._run(_call_soon(function))

    def queue_update(self, update: JsonDict) -> int:
        return self.call(lambda: self.standin.queue_update(update))

    def wait_for(self, method: str, count: int = 1, *, timeout: float = 10.0,
                 where: Callable[[ApiCall], bool] = lambda call: True) -> list[ApiCall]:
        return self._run(self.standin.wait_for(method, count, timeout=timeout, where=where),
                         timeout + 1)


async def _call_soon(function: Callable[[], T]) -> T:
    return function()
