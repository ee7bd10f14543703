"""The deployment files: a systemd unit systemd accepts, a Dockerfile that runs the bot."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_the_systemd_unit_is_valid(tmp_path: Path) -> None:
    unit = (DEPLOY / "citebot.service").read_text(encoding="utf-8")
    # The unit names the installed command; here, an executable that exists stands in.
    unit = unit.replace("/opt/citebot/venv/bin/citebot", sys.executable)
    (tmp_path / "citebot.service").write_text(unit, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "citebot.service")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    problems = [line for line in result.stderr.splitlines() if "citebot.service" in line]
    assert problems == []


def test_everything_the_image_copies_is_in_the_repository() -> None:
    copied = [
        source
        for line in (DEPLOY / "Dockerfile").read_text(encoding="utf-8").splitlines()
        if line.startswith("COPY ")
        for source in line.split()[1:-1]
    ]
    assert "pyproject.toml" in copied
    assert [source for source in copied if not (ROOT / source).exists()] == []
