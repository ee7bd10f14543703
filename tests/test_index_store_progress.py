"""Progress bars appear on a terminal only, never in CI logs or under the bot."""

from __future__ import annotations

import io

import pytest

from retrieval import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def at_terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """In the test body: pytest's own capture replaces stderr again after fixtures."""
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress, "_disabled", False)
    return screen


def test_a_terminal_sees_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = at_terminal(monkeypatch)
    assert list(progress.progress(range(5), "indexing", total=5)) == [0, 1, 2, 3, 4]
    assert "indexing" in terminal.getvalue()


def test_ci_sees_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = at_terminal(monkeypatch)
    monkeypatch.setenv("CI", "true")
    assert list(progress.progress(range(5), "indexing")) == [0, 1, 2, 3, 4]
    assert terminal.getvalue() == ""


def test_the_bot_sees_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = at_terminal(monkeypatch)
    progress.disable_progress()
    assert list(progress.progress(range(5), "indexing")) == [0, 1, 2, 3, 4]
    assert terminal.getvalue() == ""


def test_a_pipe_sees_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    monkeypatch.delenv("CI", raising=False)
    assert list(progress.progress(range(3), "indexing")) == [0, 1, 2]
    assert pipe.getvalue() == ""
