"""Issue 22, point 11: the small edges (grammar, hints that hold in every install)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from .conftest import run_cli

# Bad answers of each kind, for both commands that read an answers file.
BAD_ANSWERS = [
    (["explore", "--answers", "-"], ""),
    (["explore", "--answers", "-"], "- risk_now\n"),
    (["explore", "--answers", "-"], "risk_now: maybe\n"),
    (["explore"], None),
    (["decide", "--answers", "-"], ""),
    (["decide", "--answers", "-"], "- cbt\n"),
    (["decide", "--answers", "-"], "options: cbt\nnext_steps: {a: 1}\n"),
    (["decide", "cbt", "ssri", "--answers", "-"], "stage: maybe\n"),
    (["decide"], None),
]


@pytest.mark.parametrize(("args", "stdin"), BAD_ANSWERS)
def test_answer_errors_never_point_to_a_file_an_install_lacks(
    args: list[str], stdin: str | None
) -> None:
    result = run_cli(args, input=stdin)
    assert result.exit_code == 2
    assert "examples/" not in result.stderr
    assert "Traceback" not in result.stderr
    assert " is empty" not in result.stderr or "standard input (--answers -) is empty." in (
        result.stderr
    )


def test_stdin_that_is_empty_is_said_in_plain_words() -> None:
    result = run_cli(["explore", "--answers", "-"], input="  \n")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "depression-guide: error: standard input (--answers -) is empty."
    )
    assert "answers on stdin is" not in result.stderr
    # The hint names the keys of the questions.
    assert "risk_now: no" in result.stderr and "age_group" in result.stderr


@pytest.mark.parametrize("command", ["explore", "decide"])
def test_the_example_the_no_terminal_error_gives_works(command: str) -> None:
    """The error shows a command that works anywhere; run it (its input piped)."""
    told = run_cli([command])
    assert told.exit_code == 2
    found = re.search(r"echo (.+?) \| depression-guide (.+)$", told.stderr, re.M)
    assert found, told.stderr
    stdin = shlex.split(found[1])[0] + "\n"
    result = run_cli(shlex.split(found[2]), input=stdin)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize("command", ["explore", "decide"])
def test_help_examples_work_in_every_install(command: str, tmp_path: Path) -> None:
    shown = run_cli([command, "--help"]).stdout
    assert "examples/" not in shown
    found = re.search(r"echo (.+?) \| depression-guide (.+)$", shown, re.M)
    assert found, shown
    result = run_cli(shlex.split(found[2]), input=shlex.split(found[1])[0] + "\n")
    assert result.exit_code == 0, result.stderr
