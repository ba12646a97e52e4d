"""Saving can't surprise: folders, format names, and the words of a bad --format."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

ANSWERS = str(ROOT / "examples" / "answers.yaml")
DECIDE = str(ROOT / "examples" / "decide.yaml")
SAVING_COMMANDS = {
    "explore": ["explore", "--answers", ANSWERS],
    "decide": ["decide", "--answers", DECIDE],
    "check phq9": ["check", "phq9", "--answers", "1,1,1,1,1,1,1,1,1"],
}


@pytest.mark.parametrize("command", SAVING_COMMANDS)
@pytest.mark.parametrize("folder", ["plain-folder", "looks-like.md"])
def test_save_to_an_existing_folder_says_it_is_a_folder(
    command: str, folder: str, tmp_path: Path
) -> None:
    target = tmp_path / folder
    target.mkdir()
    result = run_cli([*SAVING_COMMANDS[command], "--save", str(target)])
    assert result.exit_code == 2
    assert f"'{target}' is a folder." in result.stderr
    assert "can't tell which format" not in result.stderr
    assert list(target.iterdir()) == []


@pytest.mark.parametrize(
    ("alias", "name", "start"),
    [
        ("md", "markdown", "# "),
        ("MD", "markdown", "# "),
        ("htm", "html", "<!DOCTYPE html>"),
        ("txt", "text", "Your depression treatment options"),
    ],
)
def test_format_aliases_mean_their_format(alias: str, name: str, start: str) -> None:
    by_alias = run_cli(["explore", "--answers", ANSWERS, "--format", alias])
    by_name = run_cli(["explore", "--answers", ANSWERS, "--format", name])
    assert by_alias.exit_code == 0, by_alias.stderr
    assert by_alias.stdout == by_name.stdout
    assert by_alias.stdout.startswith(start)


def test_a_format_alias_saves_in_its_format(tmp_path: Path) -> None:
    target = tmp_path / "summary.htm"
    result = run_cli(["decide", "--answers", DECIDE, "-f", "htm", "--save", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("command", SAVING_COMMANDS)
def test_a_wrong_format_is_told_in_plain_words(command: str) -> None:
    result = run_cli([*SAVING_COMMANDS[command], "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.stderr
    assert "Value error" not in result.stderr
    assert "Traceback" not in result.stderr


def test_help_names_the_formats_by_their_own_names() -> None:
    result = run_cli(["explore", "--help"])
    assert "<text|markdown|html|json>" in result.stdout
    assert "also md, txt, htm" in " ".join(result.stdout.split())
