"""``python -m bot run`` as a separate process, configured only through the environment.

This is how the bot is deployed and checked: the real ``run_polling`` with its
signal handling, settings from the environment, logging as configured for
production, which must never print the token, even at DEBUG.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.bot_api_standin import BotApiStandIn, StandInThread, parse_telegram_html
from tests.bot_harness import copy_seeds

ROOT = Path(__file__).resolve().parent.parent


def bot_environment(directory: Path, **values: str) -> dict[str, str]:
    """A clean environment: nothing from the developer's shell or ``.env`` leaks in."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "HOME": str(directory),
        "INDEX_CACHE_DIR": str(directory / "cache"),
        **values,
    }


def start_bot(directory: Path, standin: BotApiStandIn, **values: str) -> subprocess.Popen[str]:
    """``python -m bot run`` on the seed corpus, pointed at ``standin``."""
    settings = {
        "TELEGRAM_BOT_TOKEN": standin.token,
        "TELEGRAM_API_BASE_URL": standin.api_root,
        "CORPUS_DIR": str(copy_seeds(directory)),
        **values,
    }
    environment = bot_environment(directory, **settings)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=directory, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_run_without_a_token_explains_what_to_do(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=bot_environment(tmp_path),
        capture_output=True, text=True, timeout=60,
    )
    assert finished.returncode != 0
    assert "TELEGRAM_BOT_TOKEN" in finished.stderr and "make ask" in finished.stderr


def health(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "health"], cwd=directory,
        env=bot_environment(directory), capture_output=True, text=True, timeout=60,
    )


def test_the_bot_process_answers_and_never_logs_its_token(tmp_path: Path) -> None:
    runner = StandInThread()
    assert health(tmp_path).returncode == 1  # no bot has polled yet
    with runner as standin:
        process = start_bot(tmp_path, standin, LOG_LEVEL="DEBUG")
        try:
            runner.queue_update(runner.call(
                lambda: standin.private_text("Who wants Afghanistan back in the SCO?")))
            [reply] = runner.wait_for("sendMessage", timeout=40)
            checked = health(tmp_path)
            assert checked.returncode == 0, checked.stdout
            assert checked.stdout.startswith("healthy")
        finally:
            process.send_signal(signal.SIGINT)
            try:
                _, log = process.communicate(timeout=20)
            finally:
                process.kill()
    assert "SCO" in parse_telegram_html(str(reply.params["text"]))
    assert process.returncode == 0, log[-2000:]
    assert "getUpdates" in log, "DEBUG logging should show the Bot API calls"
    assert standin.token not in log
    assert standin.token.split(":")[1] not in log


def ended(process: subprocess.Popen[str]) -> str:
    """What the process logged by the time it exited by itself (within a minute)."""
    try:
        _, log = process.communicate(timeout=60)
    finally:
        process.kill()
    return log


def test_a_rejected_token_stops_the_bot_with_one_line_and_no_token(tmp_path: Path) -> None:
    runner = StandInThread()
    with runner as standin:
        runner.call(lambda: standin.fail_next("getMe", 401, "Unauthorized"))
        process = start_bot(tmp_path, standin)
        log = ended(process)
    assert process.returncode == 1
    assert "error: Telegram rejected TELEGRAM_BOT_TOKEN" in log
    assert standin.token not in log
    assert standin.token.split(":")[1] not in log
    assert "Traceback" not in log


def test_an_api_url_without_a_scheme_is_one_line_without_the_token(tmp_path: Path) -> None:
    runner = StandInThread()
    with runner as standin:
        process = start_bot(tmp_path, standin, TELEGRAM_API_BASE_URL="127.0.0.1:1/bot")
        log = ended(process)
    assert process.returncode == 1
    assert "error: the bot could not start" in log
    assert standin.token.split(":")[1] not in log
    assert "Traceback" not in log


def test_a_token_revoked_while_running_ends_the_process_with_one_line(tmp_path: Path) -> None:
    runner = StandInThread()
    with runner as standin:
        process = start_bot(tmp_path, standin)
        try:
            runner.queue_update(runner.call(
                lambda: standin.private_text("Who wants Afghanistan back in the SCO?")))
            runner.wait_for("sendMessage", timeout=40)
            runner.call(lambda: standin.fail_next("getUpdates", 401, "Unauthorized"))
        finally:
            log = ended(process)
    assert process.returncode == 1
    assert "error: Telegram rejected TELEGRAM_BOT_TOKEN" in log
    assert standin.token.split(":")[1] not in log
