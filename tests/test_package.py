"""The package as users install it: a wheel that answers from anywhere, with its sample corpus."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this tree installed in it.

    The dependencies come from the project's own environment (a .pth line), so the test
    needs no download beyond the build backend; the package itself only from the wheel.
    """
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work), str(ROOT)],
        check=True,
        timeout=300,
    )
    environment = work / "env"
    venv.create(environment, with_pip=False)
    packages = next((environment / "lib").glob("python*/site-packages"))
    (packages / "dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    wheel = next(work.glob("citebot-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(environment / "bin" / "python"),
         "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    return environment / "bin"


def _run_in(directory: Path, command: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    return subprocess.run(
        command, cwd=directory, capture_output=True, text=True, timeout=120, env=env
    )


def test_the_installed_command_answers_from_the_packaged_corpus(
    installed: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    question = "when did Russia recognise the IEA"
    result = _run_in(empty, [str(installed / "citebot"), "ask", question], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "**July 3, 2025**" in result.stdout
    assert list(empty.iterdir()) == []
    assert (tmp_path / "home" / ".cache" / "citebot").is_dir()


def test_the_installed_commands_say_their_names_and_version(
    installed: Path, tmp_path: Path
) -> None:
    for name in ("citebot", "citebot-retrieval"):
        result = _run_in(tmp_path, [str(installed / name), "--version"], tmp_path)
        assert result.returncode == 0
        assert result.stdout.startswith(f"{name} 0.")
        usage = _run_in(tmp_path, [str(installed / name), "--help"], tmp_path)
        assert usage.stdout.startswith(f"usage: {name} ")
