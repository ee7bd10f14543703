"""``AiohttpRequest``: PTB's Bot API calls, uploads, downloads and errors over aiohttp."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Literal

import pytest
from pydantic import SecretStr
from telegram import Bot, InputFile
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.app import build_application
from bot.http_request import AiohttpRequest
from bot.settings import BotSettings
from retrieval.library import Library
from tests.bot_api_standin import BotApiStandIn
from tests.bot_harness import run, running_bot

Reply = Callable[[bytes], Awaitable[bytes]]
"""Given the raw request, the raw response to write (or it sleeps, to time out)."""


@asynccontextmanager
async def raw_server(reply: Reply) -> AsyncIterator[tuple[str, list[bytes]]]:
    """An HTTP server on 127.0.0.1 answering every request with ``reply``; yields its
    URL and the raw requests it received."""
    received: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                 if line.lower().startswith(b"content-length:")), 0)
            request = head + await reader.readexactly(length)
            received.append(request)
            writer.write(await reply(request))
            await writer.drain()
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/botTOKEN/", received
    finally:
        server.close()
        await server.wait_closed()


def response(status: str, content_type: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


def test_api_calls_and_a_download_against_the_standin() -> None:
    async def scenario() -> None:
        standin = BotApiStandIn()
        await standin.start()
        try:
            bot = Bot(standin.token, base_url=standin.base_url,
                      base_file_url=standin.file_base_url, request=AiohttpRequest(),
                      get_updates_request=AiohttpRequest(connection_pool_size=1))
            async with bot:
                assert bot.username == standin.bot_username
                sent = await bot.send_message(1001, "<b>Hello</b> &amp; bye", parse_mode="HTML")
                assert sent.text == "Hello & bye"
                [call] = standin.calls_to("sendMessage")
                assert call.params["chat_id"] == 1001
                content = "Ünïcode article\n".encode() * 5000
                document = standin.add_file(content, "article.txt")
                telegram_file = await bot.get_file(document["file_id"])
                assert bytes(await telegram_file.download_as_bytearray()) == content
        finally:
            await standin.stop()

    run(scenario)


def test_a_slow_server_times_out() -> None:
    async def never(request: bytes) -> bytes:
        await asyncio.sleep(10)
        return b""

    async def scenario() -> None:
        async with raw_server(never) as (url, received), AiohttpRequest() as request:
            started = asyncio.get_running_loop().time()
            with pytest.raises(TimedOut):
                await request.post(url + "getMe", read_timeout=0.2)
            assert asyncio.get_running_loop().time() - started < 2
            assert len(received) == 1

    run(scenario)


def test_an_error_page_that_is_not_json() -> None:
    pages = iter([
        response("502 Bad Gateway", "text/html", b"<html>nginx: bad gateway</html>"),
        response("400 Bad Request", "text/plain", b"no"),
    ])

    async def error_page(request: bytes) -> bytes:
        return next(pages)

    async def scenario() -> None:
        async with raw_server(error_page) as (url, _), AiohttpRequest() as request:
            with pytest.raises(NetworkError, match=r"Bad Gateway \(502\)"):
                await request.post(url + "getMe")
            with pytest.raises(BadRequest, match=r"Bad Request \(400\)"):
                await request.post(url + "getMe")

    run(scenario)


def test_a_refused_connection_is_a_network_error() -> None:
    async def scenario() -> None:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        async with AiohttpRequest() as request:
            with pytest.raises(NetworkError) as raised:
                await request.post(f"http://127.0.0.1:{port}/botTOKEN/getMe")
            assert not isinstance(raised.value, TimedOut)

    run(scenario)


def test_parameters_are_form_encoded_and_files_go_multipart() -> None:
    async def ok(request: bytes) -> bytes:
        return response("200 OK", "application/json", b'{"ok": true, "result": true}')

    async def scenario() -> None:
        async with raw_server(ok) as (url, received), AiohttpRequest() as request:
            plain = RequestData([RequestParameter.from_input("chat_id", 7),
                                 RequestParameter.from_input("text", "a & b")])
            assert await request.post(url + "sendMessage", plain) is True
            upload = RequestData([
                RequestParameter.from_input("chat_id", 7),
                RequestParameter.from_input(
                    "document", InputFile(b"file body", filename="a.txt", attach=False)),
            ])
            assert await request.post(url + "sendDocument", upload) is True
        form, multipart = received
        assert b"application/x-www-form-urlencoded" in form
        assert form.endswith(b"chat_id=7&text=a+%26+b")
        assert b"multipart/form-data" in multipart
        assert b'filename="a.txt"' in multipart and b"file body" in multipart
        assert b'name="chat_id"' in multipart

    run(scenario)


def test_shutdown_closes_the_session_and_initialize_reopens_it() -> None:
    async def ok(request: bytes) -> bytes:
        return response("200 OK", "application/json", b'{"ok": true, "result": 1}')

    async def scenario() -> None:
        request = AiohttpRequest()
        async with raw_server(ok) as (url, _):
            async with request:
                assert await request.post(url + "getMe") == 1
            await request.shutdown()  # twice is harmless
            with pytest.raises(NetworkError, match="not initialized"):
                await request.post(url + "getMe")
            async with request:
                assert await request.post(url + "getMe") == 1

    run(scenario)


def test_the_running_bot_answers_and_leaves_no_session_open(
    seed_library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(seed_library) as standin:
            standin.queue_update(standin.private_text("/help"))
            await standin.wait_for("sendMessage", 1)
        gc.collect()

    run(scenario)
    gc.collect()
    assert not [r for r in caplog.records if "Unclosed" in r.getMessage()]


def test_the_application_uses_it_unless_told_otherwise(seed_library: Library) -> None:
    def requests(client: Literal["aiohttp", "httpx"]) -> set[type[object]]:
        settings = BotSettings(  # type: ignore[call-arg]
            _env_file=None, telegram_bot_token=SecretStr("1:x"), telegram_http_client=client)
        application = build_application(settings, seed_library, "1:x")
        bot = application.bot
        return {type(bot.request), type(bot._request[0])}

    assert requests("aiohttp") == {AiohttpRequest}
    assert AiohttpRequest not in requests("httpx")
