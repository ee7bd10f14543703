"""The terminal faces, run as a user runs them: as processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_QUESTIONS, ROOT
from tests.corpus_builders import write_squad


def _run(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "INDEX_CACHE_DIR": str(ROOT / ".cache" / "test-cli"),
            **env,
        },
    )


def test_bad_settings_are_named_one_line_each_with_exit_2() -> None:
    result = _run("-m", "bot", "ask", "hi", TOP_PASSAGES="0", QUOTE_CHARS="many")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("error: bad setting TOP_PASSAGES='0': ")
    assert lines[1].startswith("error: bad setting QUOTE_CHARS='many': ")


def test_show_prints_the_passages_in_text_with_passages() -> None:
    result = _run("-m", "retrieval", "show", "--passages")
    assert result.returncode == 0
    assert "[0] " in result.stdout
    assert "July 3, 2025" in result.stdout


def test_both_commands_say_their_version() -> None:
    for module in ("bot", "retrieval"):
        result = _run("-m", module, "--version")
        assert result.returncode == 0
        assert result.stdout.startswith(f"python -m {module} ")


def test_ask_prints_the_marked_quote_and_its_source() -> None:
    result = _run("-m", "bot", "ask", "when did Russia recognise the IEA")
    assert result.returncode == 0
    assert "**July 3, 2025**" in result.stdout
    assert "000_7f4121f5e820f056.txt" in result.stdout


def test_ask_json_follows_the_contract() -> None:
    result = _run("-m", "bot", "ask", "--json", "when did Russia recognise the IEA")
    payload = json.loads(result.stdout)
    assert set(payload) == {"question", "found", "confidence", "text", "passages"}
    assert payload["found"] is True
    assert 0 < payload["confidence"] <= 1
    first = payload["passages"][0]
    assert set(first) == {
        "doc_id",
        "title",
        "source",
        "published",
        "url",
        "text",
        "highlight",
        "answer",
        "score",
    }
    assert "July 3, 2025" in first["text"]
    assert first["answer"] == "July 3, 2025"


def test_ask_on_a_missing_corpus_exits_2_naming_it() -> None:
    result = _run("-m", "bot", "ask", "--corpus", "no/such/dir", "anything")
    assert result.returncode == 2
    assert "no/such/dir" in result.stderr


def test_chat_answers_each_line_until_the_input_ends() -> None:
    result = _run(
        "-m",
        "bot",
        "chat",
        stdin="when did Russia recognise the IEA\nWho is Putin's special representative?\n",
    )
    assert result.returncode == 0
    assert "July 3, 2025" in result.stdout
    assert "Zamir Kabulov" in result.stdout


@pytest.mark.parametrize("command", ["ask", "chat", "run"])
def test_help_explains_every_command(command: str) -> None:
    overview = _run("-m", "bot", "--help").stdout
    assert command in overview
    assert "--corpus" in _run("-m", "bot", command, "--help").stdout


def test_run_without_a_token_says_what_to_do() -> None:
    result = _run("-m", "bot", "run")
    assert result.returncode != 0
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "make ask" in result.stderr


def test_show_json_lists_documents_with_metadata_and_passages() -> None:
    payload = json.loads(_run("-m", "retrieval", "show", "--json").stdout)
    documents = payload["documents"]
    assert len(documents) == 5
    assert {"doc_id", "title", "source", "published", "url", "passages"} <= set(documents[0])
    assert all(document["passages"] for document in documents)


@pytest.mark.skipif(
    not DEV_QUESTIONS.exists(), reason="the shared question set is not beside the project"
)
def test_the_shared_question_set_meets_the_floor() -> None:
    result = _run("-m", "retrieval", "eval", "--json", str(DEV_QUESTIONS))
    summary = json.loads(result.stdout)
    assert summary["top1"] >= 11
    assert summary["in_reply"] >= 11
    assert summary["declined"] == summary["unanswerable"] == 2
    assert summary["wrongly_declined"] == 0


def test_eval_reads_a_squad_file_as_corpus_and_questions(tmp_path: Path) -> None:
    squad = write_squad(tmp_path / "set.json.gz", unanswerable="Who painted the Velmar harbour?")
    result = _run("-m", "retrieval", "eval", "--json", "--squad", str(squad))
    summary = json.loads(result.stdout)
    assert summary["answerable"] == 3
    assert summary["unanswerable"] == 2
    assert {"exact_match", "f1", "baseline_top1", "by_kind", "mean_quoted_chars"} <= set(summary)


def test_eval_rejects_a_malformed_question_set_naming_the_line(tmp_path: Path) -> None:
    questions = tmp_path / "bad.jsonl"
    questions.write_text('{"id": "q1", "question": "x", "answers": []}\nnot json\n')
    result = _run("-m", "retrieval", "eval", str(questions))
    assert result.returncode == 2
    assert "bad.jsonl:2" in result.stderr
