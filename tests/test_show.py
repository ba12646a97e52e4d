"""`show` and `topics` through the real CLI: every format, errors, plain output."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import run_cli

ESC = "\x1b"
BOX = re.compile("[\u2500-\u257f]")


def test_show_cbt_has_every_part() -> None:
    result = run_cli(["show", "cbt"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for part in (
        "What it is:",
        "What it involves:",
        "How it is given:",
        "How long until it may help:",
        "What the evidence shows:",
        "Downsides and risks:",
        "Things to think about:",
        "Who it may suit:",
        "Access and cost:",
        "References",
        "[1]",
        "g = 0.79",
        "https://doi.org/10.1002/wps.21069",
        "not medical advice",
        "000",
        "Lifeline",
        "13 11 14",
    ):
        assert part in out, part
    assert ESC not in out  # piped output is plain
    assert not BOX.search(out)


def test_show_several_topics_and_aliases() -> None:
    result = run_cli(["show", "SSRIs", "exercise"])
    assert result.exit_code == 0
    assert "SSRI antidepressants" in result.stdout and "Exercise" in result.stdout
    # one reference list for the whole page, numbered once
    assert result.stdout.count("\nReferences\n") == 1


def test_show_a_category_shows_all_its_options() -> None:
    out = run_cli(["show", "treatment-resistant"]).stdout
    for name in ("Esketamine", "Psilocybin", "TMS", "ECT", "DBS"):
        assert name in out


def test_show_background_topic() -> None:
    out = run_cli(["show", "serotonin-theory"]).stdout
    assert "Other experts disagree" in out and "Jauhar" in out


def test_show_unknown_topic() -> None:
    result = run_cli(["show", "cbtt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 2
    assert "unknown topic 'cbtt'. Did you mean 'cbt'" in lines[0]
    assert "depression-guide topics" in lines[1]


def test_show_without_topic_is_a_usage_error() -> None:
    result = run_cli(["show"])
    assert result.exit_code == 2 and "Missing argument" in result.stderr


def test_show_markdown() -> None:
    out = run_cli(["show", "cbt", "--format", "markdown", "--region", "AU"]).stdout
    assert out.startswith("# Cognitive behavioural therapy (CBT)\n")
    assert "**What it is:**" in out and "### References" in out
    assert "> **If you need help (Australia)**" in out


def test_show_json_is_stable_and_complete() -> None:
    data = json.loads(run_cli(["show", "cbt", "ssri", "--format", "json", "--region", "AU"]).stdout)
    assert data["schema_version"] == 2
    assert [t["id"] for t in data["topics"]] == ["cbt", "ssri"]
    cbt = data["topics"][0]
    assert cbt["kind"] == "option" and cbt["benefits"][0]["references"] == ["cuijpers2023"]
    assert {r["id"] for r in data["references"]} >= {"cuijpers2023", "stone2022"}
    assert data["crisis"]["emergency"] == "000"
    assert "not medical advice" in data["disclaimer"]


def test_show_json_for_a_category() -> None:
    data = json.loads(run_cli(["show", "lifestyle", "--format", "json"]).stdout)
    kinds = [t["kind"] for t in data["topics"]]
    assert kinds[0] == "category" and kinds.count("option") == 4


def test_show_bad_format() -> None:
    result = run_cli(["show", "cbt", "--format", "pdf"])
    assert result.exit_code == 2 and "pdf" in result.stderr


@pytest.mark.parametrize(
    "args", [["--region", "UK", "show", "cbt"], ["show", "cbt", "--region", "uk"]]
)
def test_show_region_changes_the_crisis_lines(args: list[str]) -> None:
    out = run_cli(args).stdout
    assert "999" in out and "Samaritans" in out and "Lifeline" not in out


def test_region_from_environment_and_flag_wins() -> None:
    assert "911" in run_cli(["show", "cbt"], env={"DEPRESSION_GUIDE_REGION": "US"}).stdout
    out = run_cli(["--region", "NZ", "show", "cbt"], env={"DEPRESSION_GUIDE_REGION": "US"}).stdout
    assert "111" in out and "988" not in out


def test_unknown_region() -> None:
    result = run_cli(["--region", "XX", "show", "cbt"])
    assert result.exit_code == 2
    assert "unknown region 'XX'" in result.stderr and "AU, US, UK" in result.stderr


def test_topics_text_lists_every_option_and_background() -> None:
    out = run_cli(["topics"]).stdout
    for topic in ("cbt", "ssri", "dbs", "digital-cbt", "serotonin-theory", "getting-started"):
        assert f"{topic}:" in out
    assert "Talking therapies (psychotherapy)" in out


def test_topics_markdown_and_json() -> None:
    md = run_cli(["topics", "-f", "markdown"]).stdout
    assert md.startswith("# Topics") and "- cbt: Cognitive behavioural therapy (CBT)" in md
    data = json.loads(run_cli(["topics", "--format", "json"]).stdout)
    assert data["schema_version"] == 2
    ids = {t["id"] for c in data["categories"] for t in c["topics"]}
    from depression_guide.content import Content, builtin_data_dir

    content = Content(builtin_data_dir(), "data")
    assert ids == {*content.options, *content.background} and len(ids) >= 21


def test_version_and_help() -> None:
    result = run_cli(["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("depression-guide ")
    for args in (["--help"], ["-h"], ["show", "--help"], ["topics", "-h"]):
        result = run_cli(args)
        assert result.exit_code == 0 and "Usage" in result.stdout, args
    assert "Example" in run_cli(["show", "--help"]).stdout


def test_no_arguments_shows_help() -> None:
    result = run_cli([])
    assert result.exit_code == 0 and "Usage" in result.stdout and "show" in result.stdout


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_plain_environments(env: dict[str, str]) -> None:
    out = run_cli(["show", "ssri"], env=env).stdout
    assert ESC not in out and not BOX.search(out)


def test_plain_flag_gives_words_not_pictures() -> None:
    out = run_cli(["--plain", "show", "ssri"]).stdout
    assert "About 25 in 100 people taking an antidepressant had a large improvement." in out
    assert "●" not in out and "○" not in out


def _every_topic_id() -> list[str]:
    from depression_guide.content import Content, builtin_data_dir

    content = Content(builtin_data_dir(), "data")
    return [*content.options, *content.background]


@pytest.mark.parametrize("topic", _every_topic_id())
def test_show_every_topic(topic: str) -> None:
    result = run_cli(["show", topic])
    assert result.exit_code == 0, result.stderr
    assert ("References" in result.stdout) is (topic != "culture")  # no empty heading
    assert "not medical advice" in result.stdout and "000" in result.stdout


def test_a_checkout_reads_data_in_place() -> None:
    # An editable install must see edits to data/ without reinstalling.
    from depression_guide.content import builtin_content, builtin_data_dir

    from .conftest import ROOT

    assert builtin_data_dir() == ROOT / "data"
    assert builtin_content().snapshot is None


@pytest.mark.parametrize(
    "flags",
    [["--plain"], [], ["--no-color"], ["--format", "markdown"]],
    ids=["plain", "text", "no-color", "markdown"],
)
@pytest.mark.parametrize(
    "command", [["show", "cbt"], ["show", "medication"], ["compare", "cbt", "ssri"]]
)
def test_the_disclaimer_and_help_end_every_page_of_options(
    flags: list[str], command: list[str]
) -> None:
    # In every mode, not only --plain: the disclaimer and the emergency number
    # are in the last lines.
    out = run_cli([*command, *flags, "--region", "AU"]).stdout
    last = " ".join(" ".join(out.splitlines()[-12:]).split())
    assert "not medical advice" in last and "000" in last and "13 11 14" in last
