"""Builds the python-telegram-bot Application and runs it by polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from http import HTTPStatus
from typing import Any

from telegram import BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.commands import (
    ADMIN_COMMANDS,
    PUBLIC_COMMANDS,
    SOURCES_PAGE,
    on_help,
    on_sources,
    on_sources_page,
    on_stale_button,
    on_start,
)
from bot.errors import on_error
from bot.handlers import on_text
from bot.health import Heartbeat
from bot.http_request import AiohttpRequest
from bot.inline import on_inline_query
from bot.logging_setup import configure_logging
from bot.reload import on_reload
from bot.replies import Delivery
from bot.services import AnyApplication, BotServices, drop_duplicates, install, services_in
from bot.settings import BotSettings
from bot.updates import defuse
from bot.upload import on_document
from bot.webhook import serve_webhook
from retrieval.library import Library

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE, Update.CHANNEL_POST, Update.INLINE_QUERY, Update.CALLBACK_QUERY
]
"""Only what the bot acts on; Telegram then need not send the rest."""

AnyBuilder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]

MISSING_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and put it in .env "
    "(see .env.example). To try the answers without Telegram, run `make ask`."
)


def require_token(settings: BotSettings) -> str:
    """The token, or exit with a message that says what to do instead."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token.strip():
        raise SystemExit(MISSING_TOKEN)
    return token.strip()


def build_application(settings: BotSettings, library: Library, token: str) -> AnyApplication:
    builder: AnyBuilder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_base_url)
        .local_mode(settings.telegram_api_local_mode)
        .concurrent_updates(settings.concurrent_updates)
        .post_init(_register_commands)
    )
    watch = PollWatch(Heartbeat(settings.heartbeat_file))
    timeout = settings.telegram_read_timeout_seconds
    if settings.telegram_http_client == "aiohttp":
        builder = builder.request(AiohttpRequest(read_timeout=timeout)).get_updates_request(
            AiohttpRequest(connection_pool_size=1, on_response=watch.saw)
        )
    else:
        builder = builder.read_timeout(timeout)
    if settings.telegram_rate_limiter:
        # No retries here: a 429 would pause every chat; replies retry per chat instead.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=0))
    application = builder.build()
    watch.application = application
    Delivery.deadline_seconds = settings.reply_deadline_seconds
    install(application.bot_data, BotServices(settings, library))
    add_handlers(application)
    return application


class PollWatch:
    """Sees every getUpdates answer before PTB does. A 200 refreshes the heartbeat
    (``citebot health``) and has its unreadable updates defused; a 401 stops the bot: the
    token was revoked while running, and PTB would otherwise stop polling and stay up,
    deaf (``run_bot`` then exits non-zero)."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        self.heartbeat = heartbeat
        self.application: AnyApplication | None = None

    def saw(self, status: int, body: bytes) -> bytes:
        if status == HTTPStatus.OK:
            self.heartbeat.beat()
            return defuse(body)
        if status == HTTPStatus.UNAUTHORIZED and self.application is not None:
            log.error("Telegram rejected the token while running; stopping")
            services_in(self.application.bot_data).token_rejected = True
            self.application.stop_running()
        return body


def add_handlers(application: AnyApplication) -> None:
    new_message = filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, drop_duplicates), group=-1)
    application.add_handlers([
        CommandHandler("start", on_start, filters=new_message),
        CommandHandler("help", on_help, filters=new_message),
        CommandHandler("sources", on_sources, filters=new_message),
        CommandHandler("reload", on_reload, filters=new_message),
        CallbackQueryHandler(on_sources_page, pattern=rf"^{SOURCES_PAGE}[0-9]+$"),
        CallbackQueryHandler(on_stale_button),
        MessageHandler(filters.ChatType.PRIVATE & filters.Document.ALL & new_message,
                       on_document),
        MessageHandler(filters.TEXT & (new_message | filters.UpdateType.CHANNEL_POST), on_text),
        InlineQueryHandler(on_inline_query),
    ])
    application.add_error_handler(on_error)


async def _register_commands(application: AnyApplication) -> None:
    """setMyCommands at start-up: everyone sees the public list, admins also /reload."""
    bot = application.bot
    await bot.set_my_commands(PUBLIC_COMMANDS, scope=BotCommandScopeDefault())
    for admin_id in sorted(services_in(application.bot_data).settings.admin_user_ids):
        try:
            await bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id))
        except TelegramError as error:
            log.warning("No admin command list for %s (has it started the bot?): %s",
                        admin_id, error)


BOOTSTRAP_RETRIES = 5
"""Start-up tries again this many times (with PTB's backoff) when the network blips."""


def run_bot(bot_settings: BotSettings, library: Library) -> None:
    """Run until interrupted: long polling, or a webhook when ``WEBHOOK_URL`` is set."""
    token = require_token(bot_settings)
    webhook_secret = _webhook_secret(bot_settings)
    configure_logging(
        bot_settings.log_level, [token, webhook_secret], bot_settings.log_format == "json"
    )
    application = build_application(bot_settings, library, token)
    threading.Thread(target=library.warm_up, name="warm-up", daemon=True).start()
    if bot_settings.webhook_url is not None:
        log.info("Answering by webhook on port %d", bot_settings.webhook_port)
        asyncio.run(_webhook(application, bot_settings, webhook_secret))
        return
    log.info("Answering by long polling")
    try:
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=BOOTSTRAP_RETRIES,
            close_loop=False,
        )
    finally:
        loop = asyncio.get_event_loop()
        loop.run_until_complete(AiohttpRequest.shutdown_all())
        loop.close()
    if services_in(application.bot_data).token_rejected:
        raise InvalidToken("Telegram rejected the token while the bot was running")


async def _webhook(application: AnyApplication, settings: BotSettings, secret: str) -> None:
    try:
        await serve_webhook(application, settings, secret, ALLOWED_UPDATES, BOOTSTRAP_RETRIES)
    finally:
        await AiohttpRequest.shutdown_all()


def _webhook_secret(settings: BotSettings) -> str:
    """Telegram sends it back with every update, so strangers cannot post fake ones."""
    if settings.webhook_secret_token is not None:
        return settings.webhook_secret_token.get_secret_value()
    return secrets.token_urlsafe(32)
