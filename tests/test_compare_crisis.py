"""`compare`, icon arrays and crisis lines by region."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.content.model import REGIONS, access_for
from depression_guide.render import terminal as render_terminal
from depression_guide.views.compare import compare_document
from tests.conftest import as_shown

from .conftest import FIXTURE_PACK, golden, run_cli

CONTENT = Content(builtin_data_dir(), "data")
FROZEN = Content(FIXTURE_PACK, "pack")  # goldens render the frozen test pack


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def rich_text(doc: object, width: int) -> str:
    buffer = io.StringIO()
    render_terminal.render(doc, buffer, color=False, width=width)  # type: ignore[arg-type]
    return buffer.getvalue()


def test_compare_gives_every_option_the_same_rows() -> None:
    data = json.loads(run_cli(["compare", "cbt", "ssri", "exercise", "-f", "json"]).stdout)
    assert data["schema_version"] == 2
    assert [o["id"] for o in data["options"]] == ["cbt", "ssri", "exercise"]
    questions = [row["question"] for row in data["rows"]]
    assert questions[:6] == [
        "What is it?",
        "What does it involve?",
        "How is it given?",
        "How long until it may help?",
        "What does the evidence show?",
        "What are the downsides?",
    ]
    assert "Who may it suit?" in questions
    assert "What does it cost, and how do I get it?" in questions
    for row in data["rows"]:
        assert set(row["answers"]) == {"cbt", "ssri", "exercise"}
        assert all(row["answers"].values())


def test_medicine_rows_when_a_medicine_is_compared() -> None:
    data = json.loads(run_cli(["compare", "cbt", "ssri", "-f", "json"]).stdout)
    rows = {row["question"]: row["answers"] for row in data["rows"]}
    for topic in ("weight", "sexual side effects", "sleep", "stopping"):
        assert f"Medicines: {topic}?" in rows
    assert rows["Medicines: stopping?"]["cbt"] == "Not a medicine."
    no_medicine = json.loads(run_cli(["compare", "cbt", "ipt", "-f", "json"]).stdout)
    assert not any(r["question"].startswith("Medicines") for r in no_medicine["rows"])


def test_compare_a_category() -> None:
    data = json.loads(run_cli(["compare", "psychotherapy", "-f", "json"]).stdout)
    expected = [o.id for o in CONTENT.options.values() if o.category == "psychotherapy"]
    assert len(expected) >= 5 and [o["id"] for o in data["options"]] == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "cbt"], "at least two options"),
        (["compare", "cbt", "cbt"], "at least two options"),
        (["compare", "cbt", "ipt", "mbct", "ssri", "tms"], "at most 4"),
        (["compare", "cbt", "serotonin-theory"], "background topic"),
        (["compare", "cbt", "ssrri"], "Did you mean"),
    ],
)
def test_compare_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("width", [40, 60, 80, 160])
def test_compare_golden_and_nothing_cut(width: int) -> None:
    options = [FROZEN.options[i] for i in ("cbt", "ssri", "exercise")]
    doc = as_shown(FROZEN, compare_document(FROZEN, options, "AU"))
    text = rich_text(doc, width)
    golden(f"compare_terminal_{width}.txt", text)
    assert max(len(line) for line in text.splitlines()) <= width
    if width < 100:
        # stacked: every cell appears whole, in reading order
        flat = squash(text)
        for option in options:
            assert squash(option.summary) in flat
            assert squash(access_for(option, "AU").text) in flat


def test_compare_wide_is_a_grid() -> None:
    options = [CONTENT.options[i] for i in ("cbt", "ssri")]
    text = rich_text(compare_document(CONTENT, options, "AU"), 160)
    header = next(line for line in text.splitlines() if "SSRI antidepressants" in line)
    assert "Cognitive behavioural therapy (CBT)" in header  # the options are columns


def test_compare_markdown_is_a_table() -> None:
    out = run_cli(["compare", "cbt", "ssri", "-f", "markdown"]).stdout
    assert "| | Cognitive behavioural therapy (CBT) | SSRI antidepressants |" in out
    assert "| **What is it?** |" in out


def test_show_ssri_has_an_icon_array_with_its_source() -> None:
    out = run_cli(["show", "ssri"]).stdout
    assert "25 in 100 people taking an antidepressant" in out
    assert "10 in 100 people taking a placebo" in out
    assert "● ● ● ● ●" in out
    picture = out.split("25 in 100 people taking an antidepressant:")[1]
    assert picture.split("\n")[1:4] == [
        "● ● ● ● ● ● ● ● ● ●",
        "● ● ● ● ● ● ● ● ● ●",
        "● ● ● ● ● ○ ○ ○ ○ ○",
    ]
    assert "Time: by the end of short-term treatment trials" in out
    assert "Source: [2]" in out and "[2] Stone, M. B." in out


def test_plain_icon_array_is_words_only() -> None:
    out = run_cli(["show", "ssri", "--plain"]).stdout
    assert "About 25 in 100 people taking an antidepressant had a large improvement." in out
    assert "About 10 in 100 people taking a placebo (dummy pill) had a large improvement." in out
    assert "●" not in out and "○" not in out and "#" not in out


def test_a_content_pack_can_add_its_own_icon_array() -> None:
    out = run_cli(["show", "dbs"]).stdout
    assert "About 20 in 100 people whose device was on felt much better" in out


def test_crisis_without_a_region_shows_every_region_and_how_to_set_it() -> None:
    out = " ".join(run_cli(["crisis"]).stdout.split())
    for region in CONTENT.regions:
        assert f"{region.name}: {region.emergency}" in out
    assert out.count("--region CODE") == 1 and "DEPRESSION_GUIDE_REGION" in out


def test_crisis_au() -> None:
    result = run_cli(["crisis", "--region", "AU"])
    assert result.exit_code == 0
    assert "000" in result.stdout and "Lifeline: call 13 11 14" in result.stdout
    assert result.stdout.index("000") < result.stdout.index("Lifeline")


def test_crisis_uk() -> None:
    out = run_cli(["crisis", "--region", "UK"]).stdout
    assert "999" in out and "Samaritans: call 116 123" in out


def test_crisis_bad_region() -> None:
    result = run_cli(["crisis", "--region", "XX"])
    assert result.exit_code == 2
    assert "AU, US, UK, CA, NZ, IE, OTHER" in result.stderr


def test_crisis_json() -> None:
    data = json.loads(run_cli(["crisis", "--region", "US", "-f", "json"]).stdout)
    assert data["schema_version"] == 2
    assert data["emergency"] == "911"
    assert data["lines"][0]["name"] == "988 Suicide & Crisis Lifeline"


def test_crisis_plain_reads_well() -> None:
    out = run_cli(["crisis", "--plain", "--region", "AU"]).stdout
    assert out.splitlines()[0] == "Crisis and support lines"
    assert "IMPORTANT: Help is available (Australia)" in out


@pytest.mark.parametrize("code", REGIONS)
def test_every_region_has_emergency_and_a_sourced_crisis_line(code: str) -> None:
    region = CONTENT.region(code)
    assert region.emergency
    crisis_lines = [line for line in region.lines if line.kind == "crisis"]
    assert crisis_lines
    for line in region.lines:
        assert line.source and line.checked == "2026-11"
    out = run_cli(["crisis", "--region", code]).stdout
    assert region.emergency in out


def test_disclaimers_follow_the_region_everywhere() -> None:
    for args in (["show", "cbt"], ["compare", "cbt", "ipt"], ["crisis"]):
        out = run_cli(["--region", "CA", *args]).stdout
        assert "911" in out and "988" in out and "000" not in out, args


def test_crisis_titles_fit_a_40_column_panel() -> None:
    from depression_guide import views

    for code in REGIONS:
        for full in (True, False):
            assert len(views.crisis_callout(CONTENT, code, full=full).title) <= 35


def test_a_pack_may_leave_out_a_region_and_gets_the_built_in_lines(pack: Path) -> None:
    text = (pack / "crisis.yaml").read_text()
    start = text.index("  - code: NZ\n")
    end = text.index("  - code:", start + 5)
    (pack / "crisis.yaml").write_text(text[:start] + text[end:])
    result = run_cli(["--data-dir", str(pack), "--region", "NZ", "crisis"])
    assert result.exit_code == 0, result.stderr
    assert "1737" in result.stdout and "111" in result.stdout
    assert run_cli(["validate", str(pack)]).exit_code == 0


def test_a_pack_may_add_its_own_region(pack: Path) -> None:
    # A pack that offers languages must translate its crisis lines too (see
    # test_translation_checks); this one offers English only.
    shutil.rmtree(pack / "i18n")
    # Test data only: a made-up region, with no real phone numbers.
    (pack / "crisis.yaml").write_text(
        (pack / "crisis.yaml").read_text() + "  - code: TEST\n"
        "    name: Testland\n"
        "    emergency: the Testland emergency number\n"
        "    lines:\n"
        "      - {name: Test Crisis Line, kind: crisis, website: example.org,"
        " hours: see website for hours, source: example.org, checked: 2026-11}\n"
    )
    assert run_cli(["validate", str(pack)]).exit_code == 0
    result = run_cli(["--data-dir", str(pack), "crisis", "--region", "test"])
    assert result.exit_code == 0, result.stderr
    assert "Testland" in result.stdout and "Test Crisis Line" in result.stdout
    world = run_cli(["--data-dir", str(pack), "explore", "--answers", "-"], input="risk_now: yes\n")
    assert "Testland: the Testland emergency number" in world.stdout
    unknown = run_cli(["--data-dir", str(pack), "crisis", "--region", "nowhere"])
    assert unknown.exit_code == 2 and "TEST" in unknown.stderr
