"""The webhook server: Telegram posts updates here, a supervisor asks ``/healthz``.

Our own small aiohttp server rather than PTB's ``run_webhook`` (python-telegram-bot's
"custom webhook" pattern), because PTB's answers a body that is not JSON with a 500
and has no route a health check could ask. Here:

- ``POST /{WEBHOOK_PATH}`` with the right ``X-Telegram-Bot-Api-Secret-Token``:
  200 once the update is queued; 400 for a body that is not a JSON object; 403 for
  a wrong or missing secret. An update PTB cannot parse is logged once and answered
  200, since Telegram would otherwise deliver it again and again.
- ``GET /healthz``: 200 while the Application is running, 503 otherwise, with the
  count of replies given up on.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import web
from telegram import Update
from telegram.error import NetworkError

from bot.replies import Delivery
from bot.services import AnyApplication
from bot.settings import BotSettings

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
MAX_UPDATE_BYTES = 1_000_000
"""Telegram's updates are a few kilobytes; a bigger body is refused with 413."""
START_BACKOFF_SECONDS = 1.0

Result = TypeVar("Result")


def webhook_app(application: AnyApplication, path: str, secret: str) -> web.Application:
    """The aiohttp routes; built apart from serving so tests can call them directly."""

    async def on_update(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return _json(403, "wrong or missing secret token")
        try:
            data = json.loads(await request.read())
        except ValueError:
            return _json(400, "the body is not JSON")
        if not isinstance(data, dict):
            return _json(400, "an update is a JSON object")
        update = _parsed(data, application)
        if update is not None:
            await application.update_queue.put(update)
        return _json(200, "ok")

    async def on_health(_: web.Request) -> web.Response:
        running = application.running
        body = {"status": "ok" if running else "stopped", "undelivered": Delivery.undelivered}
        return web.json_response(body, status=200 if running else 503)

    app = web.Application(client_max_size=MAX_UPDATE_BYTES)
    app.router.add_post(f"/{path.strip('/')}", on_update)
    app.router.add_get(HEALTH_PATH, on_health)
    return app


def _parsed(data: dict[str, Any], application: AnyApplication) -> Update | None:
    try:
        return Update.de_json(data, application.bot)
    except Exception:  # anything PTB raises while parsing means it cannot read the update
        log.warning("Skipping update %s: it cannot be parsed", data.get("update_id"))
        return None


def _json(status: int, description: str) -> web.Response:
    return web.json_response({"ok": status == 200, "description": description}, status=status)


async def serve_webhook(
    application: AnyApplication, settings: BotSettings, secret: str, allowed: list[str],
    retries: int,
) -> None:
    """Register the webhook, serve until SIGINT or SIGTERM, then stop in order: the
    server first (no new updates), then the Application (handlers finish)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    await with_retries(application.initialize, retries)
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await with_retries(lambda: application.bot.set_webhook(
            settings.webhook_url or "", secret_token=secret, allowed_updates=allowed,
        ), retries)
        await application.start()
        runner = web.AppRunner(webhook_app(application, settings.webhook_path, secret),
                               access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
            log.info("Webhook server listening on port %d", settings.webhook_port)
            await stop.wait()
        finally:
            await runner.cleanup()
            await application.stop()
    finally:
        await application.shutdown()


async def with_retries(call: Callable[[], Awaitable[Result]], retries: int) -> Result:
    """``call()``, again after a network blip, at most ``retries`` more times."""
    wait = START_BACKOFF_SECONDS
    for _ in range(retries):
        try:
            return await call()
        except NetworkError as error:
            log.warning("Start-up call failed (%s); again in %.0f s", error, wait)
            await asyncio.sleep(wait)
            wait *= 2
    return await call()
