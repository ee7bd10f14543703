"""python-telegram-bot's Bot API requests over aiohttp instead of httpx.

Why: under load the bot spent most of its event-loop time in PTB's default
``HTTPXRequest``. httpcore's connection pool checks every pooled connection
(``getpeername`` and ``poll``) on each request and hands one idle connection to
several requests that arrive together, which then retry (encode/httpcore#822).
aiohttp's ``TCPConnector`` keeps idle keep-alive connections in a queue and
hands each to one request. Measured with ``bench/bot_throughput.py`` on the
100k corpus: 170 → 298 answered questions a second, p50 update to reply
218 → 138 ms (means of alternating runs; ``docs/scaling.md``, "Last measured").

``AiohttpRequest`` follows ``HTTPXRequest``'s behaviour where the bot can see
it: form-encoded parameters, multipart uploads when a request carries files,
the same default timeouts, no redirects followed, ``TimedOut`` for any timeout
and ``NetworkError`` for other transport failures. aiohttp has no write
timeout of its own, so ``write_timeout`` is not enforced; proxies are not
supported (the bot talks to Telegram or a Bot API server directly).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_POOL_SIZE = 256
"""Connections for the API calls, as ``HTTPXRequest``; ``getUpdates`` needs one."""


_open: weakref.WeakSet[AiohttpRequest] = weakref.WeakSet()


class AiohttpRequest(BaseRequest):
    """A ``BaseRequest`` over one ``aiohttp.ClientSession``, opened by ``initialize``."""

    __slots__ = (
        "_connect_timeout",
        "_on_response",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = DEFAULT_POOL_SIZE,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        on_response: Callable[[int, bytes], bytes] | None = None,
    ) -> None:
        """``on_response`` sees every response's status and body and returns the body PTB
        is to read (the getUpdates request watches the token and defuses bad updates)."""
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._on_response = on_response

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session; it must be made inside the running event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0),
                cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": self.USER_AGENT},
            )
            _open.add(self)

    @classmethod
    async def shutdown_all(cls) -> None:
        """Close every session still open: PTB leaves them open when its start-up fails."""
        for request in list(_open):
            await request.shutdown()

    async def shutdown(self) -> None:
        """Close the session and its connections; calling it twice is harmless."""
        session, self._session = self._session, None
        _open.discard(self)
        if session is not None and not session.closed:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        timeout = self._timeout(read_timeout, connect_timeout, pool_timeout)
        try:
            async with session.request(
                method, url, data=_body(request_data), timeout=timeout, allow_redirects=False
            ) as response:
                body = await response.read()
                if self._on_response is not None:
                    body = self._on_response(response.status, body)
                return response.status, body
        except TimeoutError as error:  # aiohttp's timeouts subclass it
            raise TimedOut(f"Timed out: {error!r}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    def _timeout(
        self,
        read_timeout: ODVInput[float],
        connect_timeout: ODVInput[float],
        pool_timeout: ODVInput[float],
    ) -> aiohttp.ClientTimeout:
        """PTB's timeouts in aiohttp's terms.

        aiohttp's ``connect`` covers waiting for a pooled connection and opening a
        new one, so it is PTB's pool and connect timeouts together.
        """
        read = _given(read_timeout, self._read_timeout)
        connect = _given(connect_timeout, self._connect_timeout)
        pool = _given(pool_timeout, self._pool_timeout)
        waiting = None if connect is None or pool is None else connect + pool
        return aiohttp.ClientTimeout(
            total=None, connect=waiting, sock_connect=connect, sock_read=read
        )


def _given(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form-encoded parameters, or multipart when the request uploads files."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (file_name, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=file_name, content_type=mime_type)
    return form
