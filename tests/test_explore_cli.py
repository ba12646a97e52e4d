"""`explore` through the real CLI: answers files, formats, saving safely."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

ANSWERS = str(ROOT / "examples" / "answers.yaml")


def test_answers_file_to_json() -> None:
    result = run_cli(["explore", "--answers", ANSWERS, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    assert data["region"] == "AU"
    assert [c["id"] for c in data["categories"]] == [
        "psychotherapy",
        "lifestyle",
        "digital",
        "not-yet",
    ]
    assert data["crisis"]["emergency"] == "000"


def test_answers_from_stdin() -> None:
    result = run_cli(["explore", "--answers", "-"], input="risk_now: unsure\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.index("000") < result.stdout.index("What you told us")


def test_no_terminal_and_no_answers() -> None:
    result = run_cli(["explore"], input="")
    assert result.exit_code == 2
    assert "no terminal" in result.stderr and "--answers" in result.stderr
    assert result.stdout == ""


def test_bad_answers_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("interests: [cooking]\n")
    result = run_cli(["explore", "--answers", str(path)])
    assert result.exit_code == 2
    assert "'interests' has an invalid value 'cooking'" in result.stderr
    assert "Allowed values for 'interests': psychotherapy" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2


def test_region_flag_beats_the_answers_file() -> None:
    data = json.loads(
        run_cli(["explore", "--answers", ANSWERS, "--region", "IE", "-f", "json"]).stdout
    )
    assert data["region"] == "IE" and data["crisis"]["emergency"] == "112 or 999"


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("summary.md", "# Your depression treatment options"),
        ("summary.html", "<!DOCTYPE html>"),
        ("summary.json", "{"),
        ("summary.txt", "Your depression treatment options"),
    ],
)
def test_save_picks_the_format_from_the_extension(tmp_path: Path, name: str, starts: str) -> None:
    path = tmp_path / name
    result = run_cli(["explore", "--answers", ANSWERS, "--save", str(path)])
    assert result.exit_code == 0, result.stderr
    assert path.read_text().startswith(starts)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "Saved the summary" in result.stderr
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left behind


def test_save_twice_without_force_keeps_the_first(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    assert run_cli(["explore", "--answers", ANSWERS, "--save", str(path)]).exit_code == 0
    first = path.read_text()
    result = run_cli(["explore", "--answers", "-", "--save", str(path)], input="risk_now: yes\n")
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text() == first
    assert result.stdout == ""  # refused before any work


def test_force_replaces(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("old")
    result = run_cli(["explore", "--answers", ANSWERS, "--save", str(path), "--force"])
    assert result.exit_code == 0
    assert path.read_text().startswith("# Your depression")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_format_beats_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    run_cli(["explore", "--answers", ANSWERS, "--save", str(path), "--format", "json"])
    assert json.loads(path.read_text())["schema_version"] == 2


def test_unknown_extension_without_format(tmp_path: Path) -> None:
    result = run_cli(["explore", "--answers", ANSWERS, "--save", str(tmp_path / "s.docx")])
    assert result.exit_code == 2 and "can't tell which format" in result.stderr


@pytest.mark.parametrize("where", ["missing/summary.md", "adir", "/proc/summary.md"])
def test_bad_save_paths(tmp_path: Path, where: str) -> None:
    # /proc refuses new files even for root (CI runs as root, so a 0500
    # folder would not do).
    (tmp_path / "adir").mkdir()
    result = run_cli(["explore", "--answers", ANSWERS, "--save", str(tmp_path / where)])
    assert result.exit_code == 2
    assert result.stderr.startswith("depression-guide: error:")
    assert "Traceback" not in result.stderr


def test_html_is_self_contained(tmp_path: Path) -> None:
    html = run_cli(["explore", "--answers", ANSWERS, "--format", "html"]).stdout
    assert html.startswith("<!DOCTYPE html>")
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in html
    assert "@media print" in html


def test_markdown_output() -> None:
    out = run_cli(["explore", "--answers", ANSWERS, "-f", "markdown"]).stdout
    assert "## Questions you could ask your GP or psychologist" in out
    assert "**Evidence:**" in out  # the overview's cards
    assert "**Why this is shown:**" not in out
    full = run_cli(["explore", "--answers", ANSWERS, "-f", "markdown", "--detail"]).stdout
    assert "**Why this is shown:**" in full  # the appendix: every option in full


def test_region_aliases_on_the_command_line() -> None:
    result = run_cli(["--region", "GB", "crisis"])
    assert result.exit_code == 0 and "Samaritans" in result.stdout
    result = run_cli(["crisis", "--region", "usa"])
    assert result.exit_code == 0 and "988" in result.stdout
    result = run_cli(["crisis", "--region", "mars"])
    assert result.exit_code == 2 and "GB and USA work too" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
def test_at_risk_the_crisis_lines_reach_stderr_when_stdout_is_a_file(fmt: str) -> None:
    result = run_cli(["explore", "--answers", "-", "--format", fmt], input="risk_now: yes\n")
    assert result.exit_code == 0
    # No region given: every region's emergency number and main line.
    for number in ("000", "911", "988", "999", "116 123", "111"):
        assert number in result.stderr, result.stderr


def test_at_risk_with_a_region_stderr_has_that_region() -> None:
    result = run_cli(
        ["explore", "--answers", "-", "-f", "json"], input="risk_now: unsure\nregion: NZ\n"
    )
    assert "1737" in result.stderr and "111" in result.stderr
    assert "13 11 14" not in result.stderr


def test_not_at_risk_stderr_stays_quiet() -> None:
    result = run_cli(["explore", "--answers", "-", "-f", "json"], input="risk_now: no\n")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_skipped_region_is_not_in_the_recap_and_help_covers_every_region() -> None:
    result = run_cli(["explore", "--answers", "-"], input="risk_now: no\n")
    assert "Where you are" not in result.stdout
    tail = result.stdout[result.stdout.rindex("References") :]
    assert "911" in tail and "999" in tail and "000" in tail


def test_the_summary_ends_with_help_and_the_disclaimer() -> None:
    result = run_cli(["--region", "UK", "explore", "--answers", "-"], input="risk_now: no\n")
    last = result.stdout.rstrip().splitlines()[-12:]
    assert any("999" in line for line in last), last
    assert any("not medical advice" in line for line in last), last


def test_no_save_offer_without_a_terminal() -> None:
    result = run_cli(["explore", "--answers", "-"], input="risk_now: no\n")
    assert "Save this" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", "nosuch", "-f", "json"],
        ["explore", "--answers", "-", "--format=json"],
        ["references", "-f", "json"],
        ["decide", "cbt", "--answers", "-", "--format", "json"],
    ],
)
def test_errors_are_json_when_json_was_asked_for(args: list[str]) -> None:
    result = run_cli(args, input="colour: blue\n")
    assert result.exit_code == 2
    error = json.loads(result.stdout)
    assert error["exit_code"] == 2 and error["error"] and error["schema_version"] == 2
    assert "error:" in result.stderr  # and still the usual lines for people


def test_errors_without_json_leave_stdout_empty() -> None:
    result = run_cli(["show", "nosuch"])
    assert result.exit_code == 2 and result.stdout == ""
