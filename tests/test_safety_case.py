"""The clinical safety case: the hazard log names real tests, and content that is
past its review date says so.

The log (docs/safety/hazard-log.md) is parsed here; every control must name at
least one pytest node id that pytest collects, so renaming or deleting a test
that proves a control fails this file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

LOG = ROOT / "docs" / "safety" / "hazard-log.md"
CASE = ROOT / "docs" / "safety" / "safety-case.md"
COLUMNS = (
    "ID",
    "Hazard",
    "Cause",
    "Effect on the person",
    "Severity",
    "Likelihood",
    "Initial risk",
    "Controls",
    "Tests",
    "Residual risk",
)


def hazards(text: str) -> list[dict[str, str]]:
    """The hazard table's rows, by column name."""
    rows = []
    for line in text.splitlines():
        if line.startswith("| HAZ-"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append(dict(zip(COLUMNS, cells, strict=False)))
    return rows


def problems(text: str, collected: set[str]) -> list[str]:
    """What is wrong with a hazard log, given the test ids pytest collects."""
    found = []
    rows = hazards(text)
    if len(rows) < 12:
        found.append(f"only {len(rows)} hazards; the log needs at least 12")
    for row in rows:
        hazard = row.get("ID", "?")
        if len(row) != len(COLUMNS):
            found.append(f"{hazard}: expected {len(COLUMNS)} columns, found {len(row)}")
            continue
        if not row["Controls"]:
            found.append(f"{hazard}: no control")
        tests = re.findall(r"`(tests/[^`]+)`", row["Tests"])
        if not tests:
            found.append(f"{hazard}: no test proves its controls")
        for test in tests:
            if test not in collected:
                found.append(f"{hazard}: {test} is not a test pytest collects")
        for scale in ("Severity", "Likelihood", "Initial risk", "Residual risk"):
            if not re.match(r"[1-5]\b", row[scale]):
                found.append(f"{hazard}: {scale} is not on the 1 to 5 scale")
    return found


@cache
def collected_tests() -> set[str]:
    """Every test id pytest collects, with and without its parameters."""
    listing = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    ids = {line.strip() for line in listing.splitlines() if "::" in line}
    return ids | {test.split("[", 1)[0] for test in ids}


def test_every_hazard_has_controls_and_collected_tests() -> None:
    assert problems(LOG.read_text(), collected_tests()) == []


def test_the_log_names_the_hazards_the_issue_lists() -> None:
    text = LOG.read_text().lower()
    for hazard in (
        "not shown crisis help",
        "wrong or outdated crisis number",
        "wrong region",
        "recommendation",
        "false reassurance",
        "misleading number",
        "did not give",
        "too long",
        "without consent",
        "broken content pack",
        "out-of-date content",
        "screen reader",
        "youth lines promised",
        "medication caution",
    ):
        assert hazard in text, hazard


def test_a_renamed_test_breaks_the_log() -> None:
    # The test of the test: the same log, with one test renamed, must fail.
    text = LOG.read_text()
    first_row = next(line for line in text.splitlines() if line.startswith("| HAZ-"))
    first = re.search(r"`(tests/[^`]+)`", first_row)
    assert first is not None
    renamed = text.replace(first[1], first[1] + "_renamed", 1)
    found = problems(renamed, collected_tests())
    assert any(f"{first[1]}_renamed is not a test pytest collects" in p for p in found)


def test_a_hazard_without_a_test_or_control_breaks_the_log() -> None:
    row = "| HAZ-99 | x | x | x | 3 | 3 | 3 | | (none) | 2 |"
    found = problems(LOG.read_text() + "\n" + row + "\n", collected_tests())
    assert "HAZ-99: no control" in found
    assert "HAZ-99: no test proves its controls" in found


def test_the_readme_links_the_safety_case() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "docs/safety/safety-case.md" in readme and "docs/safety/hazard-log.md" in readme
    assert CASE.is_file()


# --- content that is past its review date -------------------------------------------

DUE = "2027-11-28"  # data/about.yaml review_due
WARNING = f"This content was due for review on {DUE}"


@pytest.mark.parametrize(
    "args",
    [
        ["show", "cbt"],
        ["crisis"],
        ["explore", "--answers", str(ROOT / "examples" / "paths" / "default.yaml")],
        ["compare", "cbt", "ssri"],
        ["decide", "--answers", str(ROOT / "examples" / "decide.yaml")],
        ["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,0"],
    ],
)
def test_review_warning_after_the_due_date(args: list[str]) -> None:
    before = run_cli(args, env={"DEPRESSION_GUIDE_TODAY": DUE})
    after = run_cli(args, env={"DEPRESSION_GUIDE_TODAY": "2027-11-29"})
    assert before.exit_code == after.exit_code == 0
    assert WARNING not in " ".join(before.stdout.split())
    assert WARNING in " ".join(after.stdout.split())


def test_review_warning_in_json() -> None:
    after = run_cli(["crisis", "-f", "json"], env={"DEPRESSION_GUIDE_TODAY": "2028-01-01"})
    assert WARNING in after.stdout
    before = run_cli(["crisis", "-f", "json"])
    assert "review_warning" not in before.stdout


def test_a_bad_clock_is_a_clear_error() -> None:
    result = run_cli(["crisis"], env={"DEPRESSION_GUIDE_TODAY": "soon"})
    assert result.exit_code == 2 and "DEPRESSION_GUIDE_TODAY='soon' is not a date" in result.stderr


def _pack_checked_in(pack: Path, month: str) -> None:
    path = pack / "crisis.yaml"
    text = path.read_text()
    old = "source: samaritans.org, checked: 2026-11}"
    assert old in text
    path.write_text(text.replace(old, f"source: samaritans.org, checked: {month}}}", 1))


def test_validate_notes_an_old_check_and_strict_fails_on_it(pack: Path) -> None:
    # Checked a month before the review date (fine then), 13 months before today.
    _pack_checked_in(pack, "2026-10")
    env = {"DEPRESSION_GUIDE_TODAY": "2027-11-01"}
    relaxed = run_cli(["validate", str(pack)], env=env)
    assert relaxed.exit_code == 0
    assert "note:" in relaxed.stderr and "Samaritans was last checked in 2026-10" in relaxed.stderr
    strict = run_cli(["validate", "--strict", str(pack)], env=env)
    assert strict.exit_code == 2
    assert "pack/crisis.yaml: regions[2].lines[0].checked: Samaritans" in strict.stdout
    fresh = run_cli(
        ["validate", "--strict", str(pack)], env={"DEPRESSION_GUIDE_TODAY": "2027-10-15"}
    )
    assert fresh.exit_code == 0, fresh.stdout


def test_validate_strict_fails_after_the_review_date(pack: Path) -> None:
    strict = run_cli(
        ["validate", "--strict", str(pack)], env={"DEPRESSION_GUIDE_TODAY": "2027-11-29"}
    )
    assert strict.exit_code == 2
    assert "about.yaml: review_due: the content was due for review on 2027-11-28" in strict.stdout
