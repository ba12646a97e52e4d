"""One region for the whole run (issue 22): every command, every source of the region.

Precedence: --region, then the answers file's `region`, then
DEPRESSION_GUIDE_REGION, then unknown. Whatever the source, the recap, the
access text, the next steps and the help lines name the same region; with no
region, the help lines are every region's, and nothing is Australian.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from depression_guide.content import builtin_content
from depression_guide.content.model import access_for
from depression_guide.settings import RegionChoice, RegionSource, Settings, choose_region
from tests.conftest import ROOT, run_cli

CONTENT = builtin_content()
PREGNANT_AU = str(ROOT / "examples" / "paths" / "pregnant.yaml")  # region: AU
DECIDE = str(ROOT / "examples" / "decide.yaml")
QUIZ = ",".join(["myth"] * len(CONTENT.quiz.items))

# Every command that shows help lines, as a person would type it.
COMMANDS: dict[str, list[str]] = {
    "show": ["show", "cbt"],
    "compare": ["compare", "cbt", "ssri"],
    "decide": ["decide", "--answers", DECIDE],
    "quiz": ["quiz", "--answers", QUIZ],
    "about": ["about"],
    "check phq9": ["check", "phq9", "--answers", "0,1,0,0,0,0,0,0,1"],
    "crisis": ["crisis"],
    "explore": ["explore", "--answers", "-"],
}
# Australian services, numbers and schemes (Lifeline's 13 11 14 is in the
# every-region help, so it is only checked where another region is known).
AU_ONLY = ("Medicare", "Mental Health Treatment Plan", "1800", "PANDA", "TIS National")


def flat(text: str) -> str:
    return " ".join(text.split())


def answers_for(region: str | None) -> str:
    lines = ['risk_now: "no"', 'pregnancy: "yes"', "priorities: [culture-faith]"]
    if region:
        lines.append(f"region: {region}")
    return "\n".join(lines) + "\n"


def run(
    command: str, flag: str | None, answers: str | None, env: str | None, fmt: str = "text"
) -> str:
    args = [*(["--region", flag] if flag else []), *COMMANDS[command]]
    if fmt != "text":
        args += ["--format", fmt]
    result = run_cli(
        args,
        input=answers_for(answers) if command == "explore" else None,
        env={"DEPRESSION_GUIDE_REGION": env},
    )
    assert result.exit_code == 0, result.stderr
    return flat(result.stdout)


def assert_region(out: str, code: str, command: str) -> None:
    """Everything that names a region names `code` (the UK here), and no other."""
    region = CONTENT.region(code)
    assert f"({region.name})" in out, command  # the help lines' title
    assert f"emergency number: {region.emergency}" in out, command
    assert "--region CODE" not in out, command
    for word in (*AU_ONLY, "13 11 14", "(Australia)", "number: 000", "Where you are: Australia"):
        assert word not in out, (command, word)
    if command == "explore":
        assert f"Where you are: {region.name}" in out
        assert "Make an appointment with your GP" in out  # the UK's next steps
    if command == "show":
        access = access_for(CONTENT.options["cbt"], code).text
        assert flat(access)[:60] in out  # the region's access text (or `default`)


def assert_unknown(out: str, command: str) -> None:
    """Every region's emergency number, one line on setting it, nothing Australian."""
    for region in CONTENT.regions:
        assert f"{region.name}: {region.emergency}" in out, (command, region.code)
    assert out.count("--region CODE") == 1, command
    for word in AU_ONLY:
        assert word not in out, (command, word)
    if command == "show":
        assert flat(access_for(CONTENT.options["cbt"], None).text)[:60] in out
    if command == "explore":
        assert "Where you are" not in out
        assert "a doctor or a mental health professional" in out  # the neutral next steps


@pytest.mark.parametrize("command", COMMANDS)
def test_the_flag_names_the_one_region(command: str) -> None:
    # The answers file says AU and the environment says NZ: the flag beats both.
    assert_region(run(command, "UK", "AU", "NZ"), "UK", command)


def test_the_answers_file_beats_the_environment() -> None:
    assert_region(run("explore", None, "UK", "AU"), "UK", "explore")


def test_a_decide_file_region_is_the_run_s(tmp_path: Path) -> None:
    answers = tmp_path / "decide.yaml"
    answers.write_text(Path(DECIDE).read_text() + "region: UK\n")
    out = flat(run_cli(["decide", "--answers", str(answers)]).stdout)
    assert_region(out, "UK", "decide")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_environment_names_the_one_region(command: str) -> None:
    assert_region(run(command, None, None, "uk"), "UK", command)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_region_gives_every_region_s_help_and_nothing_australian(command: str) -> None:
    assert_unknown(run(command, None, None, None), command)


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_no_region_in_every_format_of_the_summary(fmt: str) -> None:
    out = run("explore", None, None, None, fmt)
    # (as read: in HTML each number is a tel: link, "112 or 999" two of them)
    read = re.sub(r"<[^>]+>", "", out) if fmt == "html" else out
    for region in CONTENT.regions:
        assert region.emergency in read
    for word in AU_ONLY:
        assert word not in out, word


def test_the_flag_beats_the_answers_file_of_an_example() -> None:
    # Issue 22, point 6: UK lines but "Where you are: Australia" and PANDA.
    out = flat(run_cli(["--region", "UK", "explore", "--answers", PREGNANT_AU]).stdout)
    assert "Where you are: United Kingdom" in out
    assert "Australia" not in out and "PANDA" not in out


def test_an_unknown_region_in_the_environment_is_named() -> None:
    result = run_cli(["crisis"], env={"DEPRESSION_GUIDE_REGION": "Atlantis"})
    assert result.exit_code == 2
    assert "unknown region 'Atlantis' (from DEPRESSION_GUIDE_REGION)" in result.stderr


def test_precedence_has_room_for_a_saved_setting_and_the_time_zone() -> None:
    config = RegionChoice("NZ", RegionSource.CONFIG)
    zone = RegionChoice("IE", RegionSource.TIMEZONE)
    assert choose_region(zone, config) == config
    assert choose_region(zone, RegionChoice("UK", RegionSource.ENV), config).code == "UK"
    assert choose_region(RegionChoice(None, RegionSource.FLAG), zone) == zone
    assert not choose_region().known
    flagged = Settings(region=RegionChoice("US", RegionSource.FLAG))
    assert flagged.with_answers_region("AU").region.code == "US"
    assert Settings(region=zone).with_answers_region("AU").region.source is RegionSource.ANSWERS
