"""Is the bot alive? A heartbeat file that polling refreshes, and the check that reads it;
with a webhook, the server's ``/healthz``.

A supervisor (Docker's HEALTHCHECK, systemd, a cron job) cannot ask a polling bot
anything: it makes only outgoing requests. So every successful getUpdates
refreshes a file's timestamp (at most every ``WRITE_EVERY_SECONDS``), and
``citebot health`` says whether that happened recently. Long polling returns at
least every ``POLL_TIMEOUT`` seconds even with no traffic, so a quiet bot
stays healthy and a wedged or disconnected one does not.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)

WRITE_EVERY_SECONDS = 10.0
HEALTHY_WITHIN_SECONDS = 120.0
"""Well past PTB's 10-second long-poll timeout plus its backoff after a blip."""


class Heartbeat:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._written = 0.0

    def beat(self) -> None:
        now = time.time()
        if now - self._written < WRITE_EVERY_SECONDS:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(f"{now:.0f}\n", encoding="ascii")
            self._written = now
        except OSError as error:
            log.warning("Cannot write the heartbeat file %s: %s", self.path, error)


def check(path: Path, within: float = HEALTHY_WITHIN_SECONDS) -> tuple[bool, str]:
    """Whether the heartbeat is fresh, and a line saying so."""
    try:
        age = time.time() - float(path.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return False, f"unhealthy: no heartbeat at {path} (is the bot polling?)"
    if age > within:
        return False, f"unhealthy: the last successful poll was {age:.0f} s ago"
    return True, f"healthy: the last successful poll was {age:.0f} s ago"


def check_webhook(port: int, timeout: float = 5.0) -> tuple[bool, str]:
    """Whether the webhook server on this machine answers ``/healthz`` with 200."""
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            state = json.loads(response.read())
    except urllib.error.HTTPError as error:
        return False, f"unhealthy: the webhook server answered {error.code}"
    except (OSError, ValueError) as error:
        return False, f"unhealthy: no webhook server answers on port {port} ({error})"
    return True, f"healthy: the webhook server is up ({state.get('undelivered', 0)} undelivered)"
