"""`check phq9`, `quiz` and `about`."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.logic.selfcheck import kind_words, parse_phq9, quiz_score, score_phq9

from .conftest import run_cli

CONTENT = Content(builtin_data_dir(), "data")

# Copied from ../shared/EVIDENCE.md part F, independently of data/phq9.yaml.
PUBLISHED_ITEMS = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself - or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite - "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
]


def scores_for(total: int, item9: int = 0) -> str:
    scores = [0] * 9
    scores[8] = item9
    remaining = total - item9
    for index in range(8):
        scores[index] = min(3, remaining)
        remaining -= scores[index]
    assert remaining == 0
    return ",".join(map(str, scores))


def test_items_are_exactly_as_published() -> None:
    phq9 = CONTENT.phq9
    assert list(phq9.items) == PUBLISHED_ITEMS
    assert phq9.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert list(phq9.answers) == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (24, "severe"),
    ],
)
def test_band_boundaries(total: int, band: str) -> None:
    scores, _ = parse_phq9(scores_for(total))
    assert score_phq9(CONTENT.phq9, scores, None).band.name == band
    data = json.loads(
        run_cli(["check", "phq9", "--answers", scores_for(total), "-f", "json"]).stdout
    )
    assert (data["total"], data["band"]["name"]) == (total, band)
    assert data["not_a_diagnosis"].startswith("This is not a diagnosis")


def test_maximum_score() -> None:
    result = score_phq9(CONTENT.phq9, (3,) * 9, None)
    assert (result.total, result.band.name) == (27, "severe")


def test_item_9_shows_the_crisis_panel_first_even_with_total_1() -> None:
    result = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--region", "AU"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("If you are in danger now") < out.index("Your total is 1")
    assert "Lifeline: call 13 11 14" in out.split("Your total")[0]
    # Issue 24: "minimal" next to thoughts of harm reads as reassurance.
    assert '"minimal"' not in out


def test_no_crisis_panel_first_when_item_9_is_0() -> None:
    out = run_cli(["check", "phq9", "--answers", "3,3,3,3,3,3,3,3,0"]).stdout
    assert out.index("Your total is 24") < out.index("If you are in danger now")


def test_result_wording() -> None:
    out = run_cli(["check", "phq9", "--answers", "1,1,1,1,1,1,1,1,0,2"]).stdout
    assert "This is not a diagnosis" in out
    assert "share this result with a GP" in out
    assert "depression-guide explore" in out
    assert "How difficult these problems have made things: Very difficult" in out
    for item in PUBLISHED_ITEMS:
        assert item[:40] in out.replace("\n  ", " ").replace("\n", " ")


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("0,1,2,0,1,0,0,1", "got 8 answers"),
        ("0,1,2,0,1,0,0,1,4", "'4' is not 0, 1, 2 or 3"),
        ("0,1,2,0,a,0,0,1,0", "'a' is not 0, 1, 2 or 3"),
        ("0,1,2,0,1,0,0,1,0,1,1", "got 11 answers"),
        ("", "got 1 answers"),
        ("0,1,2,0,1,0,0,1,-1", "'-1' is not"),
    ],
)
def test_malformed_answers(given: str, problem: str) -> None:
    result = run_cli(["check", "phq9", "--answers", given])
    assert result.exit_code == 2
    assert problem in result.stderr
    assert "nine numbers from 0 to 3" in result.stderr
    assert result.stdout == ""


def test_spaces_are_fine() -> None:
    assert parse_phq9(" 0, 1,2 ,0,1,0,0,1,0 ") == ((0, 1, 2, 0, 1, 0, 0, 1, 0), None)


def test_phq9_save(tmp_path: Path) -> None:
    path = tmp_path / "phq9.json"
    result = run_cli(["check", "phq9", "--answers", scores_for(12), "--save", str(path)])
    assert result.exit_code == 0
    assert json.loads(path.read_text())["total"] == 12
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = run_cli(["check", "phq9", "--answers", scores_for(3), "--save", str(path)])
    assert again.exit_code == 2 and json.loads(path.read_text())["total"] == 12
    text = tmp_path / "phq9.txt"
    run_cli(["check", "phq9", "--answers", scores_for(3), "--save", str(text)])
    assert text.read_text().startswith("Your PHQ-9 self-check")


def test_phq9_nothing_saved_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_cli(["check", "phq9", "--answers", scores_for(7)])
    assert list(tmp_path.iterdir()) == []


def test_phq9_without_a_terminal() -> None:
    result = run_cli(["check", "phq9"], input="")
    assert result.exit_code == 2 and "--answers" in result.stderr


def test_check_without_a_subcommand_shows_help() -> None:
    result = run_cli(["check"])
    assert result.exit_code == 0 and "phq9" in result.stdout


# --- quiz ----------------------------------------------------------------------


def right_answers() -> str:
    return ",".join(item.answer for item in CONTENT.quiz.items)


def test_quiz_has_8_to_12_statements_with_sources() -> None:
    items = CONTENT.quiz.items
    assert 8 <= len(items) <= 12
    assert {i.answer for i in items} <= {"myth", "fact", "partly"}


def test_quiz_scoring() -> None:
    items = CONTENT.quiz.items
    right = tuple(i.answer for i in items)
    wrong = tuple("fact" if a != "fact" else "myth" for a in right)
    assert quiz_score(items, right) == len(items)
    assert quiz_score(items, wrong) == 0
    assert quiz_score(items, (wrong[0], *right[1:])) == len(items) - 1


@pytest.mark.parametrize(
    ("score", "words"),
    [(10, "all 10 right"), (7, "a lot you already knew"), (2, "good chance to learn")],
)
def test_kind_words(score: int, words: str) -> None:
    assert words in kind_words(score, 10)


def test_quiz_with_answers() -> None:
    result = run_cli(["quiz", "--answers", right_answers()])
    assert result.exit_code == 0
    assert "You got all 10 right" in result.stdout
    assert result.stdout.count("Right:") == 10
    wrong = ",".join("fact" if a != "fact" else "myth" for a in right_answers().split(","))
    out = " ".join(run_cli(["quiz", "--answers", wrong]).stdout.split())
    assert "Not quite: it's a myth." in out and "good chance to learn" in out


@pytest.mark.parametrize(
    ("given", "problem"),
    [("myth,fact", "10 statements, but 2"), (",".join(["maybe"] * 10), "'maybe' is not")],
)
def test_quiz_bad_answers(given: str, problem: str) -> None:
    result = run_cli(["quiz", "--answers", given])
    assert result.exit_code == 2 and problem in result.stderr


def test_quiz_reveal() -> None:
    out = run_cli(["quiz", "--reveal"]).stdout
    for item in CONTENT.quiz.items:
        assert item.statement in out
    assert "Chatbots are not crisis services" in out
    assert "References" in out


def test_quiz_without_a_terminal() -> None:
    result = run_cli(["quiz"], input="")
    assert result.exit_code == 2 and "--reveal" in result.stderr


# --- about ---------------------------------------------------------------------


def test_about_lists_every_correction() -> None:
    out = run_cli(["about"]).stdout.replace("\n  ", " ").replace("\n", " ")
    for correction in CONTENT.about.corrections:
        assert correction.correction[:60] in out
    for part in (
        "Serotonin, Depression and SSRIs",
        "Gurprit Ganda",
        "9 August 2024",
        "Content last reviewed: 2026-11-28",
        "Funding: None",
        "Conflicts of interest",
        "Update policy",
        "grade 8",
        "Version: 0.1.0",
    ):
        assert part in out, part


def test_about_names_the_fabricated_references() -> None:
    out = run_cli(["about"]).stdout
    assert "Volkow" in out and "placeholder article number" in out  # named as errors
    refs = run_cli(["references"]).stdout
    assert "Volkow" not in refs


def test_about_json_and_markdown() -> None:
    data = json.loads(run_cli(["about", "-f", "json"]).stdout)
    assert data["schema_version"] == 2
    assert len(data["corrections"]) == len(CONTENT.about.corrections)
    assert run_cli(["about", "-f", "markdown"]).stdout.startswith("# About depression-guide")


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("total_before_item_9", [0, 3, 12])
def test_thoughts_of_harm_are_never_met_with_reassurance(
    fmt: str, total_before_item_9: int
) -> None:
    scores = [*scores_for(total_before_item_9).split(",")[:8], "1"]
    result = run_cli(["check", "phq9", "--answers", ",".join(scores), "-f", fmt])
    assert result.exit_code == 0
    said = " ".join(result.stdout.split()).lower()
    for reassurance in ("few or no symptoms", "no symptoms", "nothing to worry", "you are fine"):
        assert reassurance not in said
    assert "matter, whatever your total" in said
    # The band is still given, except the lowest one in text (issue 24: no
    # "minimal" next to thoughts of harm); JSON keeps the band as data.
    if fmt == "json" or total_before_item_9 + 1 > 4:
        assert "minimal" in said or "mild" in said or "moderate" in said
    else:
        assert "minimal" not in said


def test_phq9_at_risk_crisis_lines_reach_stderr_when_piped() -> None:
    result = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,3", "-f", "json"])
    assert "000" in result.stderr and "13 11 14" in result.stderr
    quiet = run_cli(["check", "phq9", "--answers", "1,0,0,0,0,0,0,0,0", "-f", "json"])
    assert quiet.stderr == ""


def test_phq9_answers_list_separates_item_and_answer() -> None:
    out = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,0"]).stdout
    assert "doing things: Not at all (0)" in out
