"""The explore summary: an overview that fits on a page, details on demand.

Goldens render the frozen test pack (tests/fixtures/pack); the line-count and
region tests read the shipped content, since that is what people get.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.logic.explore import MAX_CARDS, share_cards

from .conftest import FIXTURE_PACK, ROOT, golden, run_cli

PATHS = sorted(p.stem for p in (ROOT / "examples" / "paths").glob("*.yaml"))
# Lines at 80 columns (DESIGN.md: a common path fits on a page); at 40, 2.5x.
TARGET = 90
AU_NUMBERS = tuple(
    line.phone for line in Content(builtin_data_dir(), "data").region("AU").lines if line.phone
)


def summary(path: str, columns: int = 80, *flags: str, data: Path | None = None) -> tuple[str, str]:
    args = ["explore", "--answers", str(ROOT / "examples" / "paths" / f"{path}.yaml"), *flags]
    if data is not None:
        args = ["--data-dir", str(data), *args]
    import os

    os.environ["COLUMNS"] = str(columns)
    result = run_cli(args)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_every_common_path_has_an_answers_file() -> None:
    assert PATHS == [
        "at-risk",
        "default",
        "pregnant",
        "tried-two-antidepressants",
        "young-person-medication",
    ]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("columns", [40, 80, 160])
def test_overview_golden(path: str, columns: int) -> None:
    out, _ = summary(path, columns, data=FIXTURE_PACK)
    golden(f"explore_{path}_{columns}.txt", out)


@pytest.mark.parametrize("path", PATHS)
def test_overview_fits_on_a_page(path: str) -> None:
    out80, _ = summary(path, 80)
    out40, _ = summary(path, 40)
    assert len(out80.splitlines()) <= TARGET
    assert len(out40.splitlines()) <= 2.5 * TARGET


@pytest.mark.parametrize("path", PATHS)
def test_the_last_lines_are_help_and_the_disclaimer(path: str) -> None:
    out, _ = summary(path, 80)
    # The young person's path also lists youth lines after the main line.
    last = "\n".join(out.splitlines()[-14:])
    assert "emergency number: 000" in last and "Lifeline: call 13 11 14" in last
    assert "not medical advice" in last


def test_the_order_of_the_summary() -> None:
    out, _ = summary("at-risk")
    parts = [
        "Thank you for telling us",
        "Made on 28 November 2026",
        "What you told us",
        "Your options at a glance",
        "Questions you could ask",
        "Next steps",
        "References",
        "See a professional",
        "If you need help (Australia)",
    ]
    positions = [out.index(part) for part in parts[:-2]] + [out.rindex(p) for p in parts[-2:]]
    assert positions == sorted(positions)
    # At risk, the help lines come first as well as last.
    assert out.index("If you need help (Australia)") < out.index("Made on")


def test_safety_notes_come_first() -> None:
    out, _ = summary("tried-two-antidepressants")
    assert out.index("SAFETY: If you take an antidepressant now") < out.index(
        "NOTE: You have tried two or more antidepressants"
    )
    young, _ = summary("young-person-medication")
    assert "SAFETY: If you are 18 to 25 and thinking about antidepressants" in young


def at_a_glance(path: str, *flags: str) -> list[str]:
    data = json.loads(summary(path, 80, "-f", "json", *flags)[0])
    return [o["id"] for c in data["categories"] for o in c["options"] if o["at_a_glance"]]


@pytest.mark.parametrize("path", PATHS)
def test_each_card_says_how_to_read_more_and_has_the_same_fields(path: str) -> None:
    out, _ = summary(path)
    shown = at_a_glance(path)
    assert 1 <= len(shown) <= MAX_CARDS
    for option in shown:
        assert f"(more: depression-guide show {option})" in out
    for field in ("What it is:", "How soon:", "Evidence:", "Downsides:", "Cost:"):
        assert out.count(field) == len(shown), field


def test_with_no_topics_chosen_each_main_kind_of_care_gets_a_card() -> None:
    assert at_a_glance("default") == ["cbt", "exercise", "ssri", "digital-cbt"]


def test_a_note_that_brings_in_options_gives_them_the_cards() -> None:
    # Two antidepressants tried: the options for that get the cards, and the
    # main kinds of care are still named, each one command away.
    # NICE's usual next steps come first (issue 24), then the first specialist option.
    assert at_a_glance("tried-two-antidepressants") == ["usual-next-steps", "tms"]
    out, _ = summary("tried-two-antidepressants")
    more = " ".join(out[out.index("More options") :].split())
    for name in ("Talking therapies: CBT,", "Lifestyle: Exercise,", "(psychotherapy)"):
        assert name in more
    assert "depression-guide decide usual-next-steps tms cbt exercise" in " ".join(out.split())


def test_cards_are_shared_out_when_many_topics_are_chosen() -> None:
    result = run_cli(
        ["explore", "--answers", "-", "-f", "json"],
        input="risk_now: no\ninterests: [psychotherapy, lifestyle, medication, digital]\n"
        "tried_without_relief: 2-plus\n",
    )
    data = json.loads(result.stdout)
    cards = {c["id"]: sum(o["at_a_glance"] for o in c["options"]) for c in data["categories"]}
    # Every topic asked for keeps a card, and the options the answers point to
    # have one too: more than four here, but no chosen topic is only a name.
    assert cards == {
        "psychotherapy": 1,
        "lifestyle": 1,
        "medication": 1,
        "digital": 1,
        "treatment-resistant": 1,
        "not-yet": 0,
    }


def test_a_small_topic_leaves_its_spare_cards_to_the_others() -> None:
    # Medication has one option in the content: the cards it can't use go to
    # talking therapies, not to waste.
    result = run_cli(
        ["explore", "--answers", "-", "-f", "json"],
        input="risk_now: no\ninterests: [medication, psychotherapy]\n",
    )
    data = json.loads(result.stdout)
    cards = {c["id"]: sum(o["at_a_glance"] for o in c["options"]) for c in data["categories"]}
    assert cards == {"medication": 1, "psychotherapy": 3, "not-yet": 0}


@pytest.mark.parametrize(
    ("wanted", "first", "given"),
    [
        ({"a": 1, "b": 1, "c": 1, "d": 1}, (), {"a": 1, "b": 1, "c": 1, "d": 1}),
        ({"a": 3, "b": 3}, (), {"a": 2, "b": 2}),
        ({"a": 3}, (), {"a": 3}),
        ({"a": 3, "b": 3, "t": 2}, ("t",), {"a": 1, "b": 1, "t": 2}),
        ({"a": 0, "b": 0, "t": 2}, ("t",), {"a": 0, "b": 0, "t": 2}),
        ({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, (), {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}),
        ({"a": 3, "b": 3, "c": 3, "t": 2}, ("t",), {"a": 1, "b": 1, "c": 1, "t": 1}),
        (
            {"a": 3, "b": 3, "c": 3, "d": 3, "t": 2},
            ("t",),
            {"a": 1, "b": 1, "c": 1, "d": 1, "t": 1},
        ),
    ],
)
def test_share_cards(wanted: dict[str, int], first: tuple[str, ...], given: dict[str, int]) -> None:
    assert share_cards(wanted, first) == given
    # At most MAX_CARDS, unless more categories than that want one each.
    assert sum(given.values()) <= max(MAX_CARDS, sum(1 for w in wanted.values() if w))
    assert all(given[c] >= 1 for c, w in wanted.items() if w)


def test_options_in_the_content_order_research_only_last() -> None:
    data = json.loads(summary("tried-two-antidepressants", 80, "-f", "json")[0])
    resistant = next(c for c in data["categories"] if c["id"] == "treatment-resistant")
    ids = [o["id"] for o in resistant["options"]]
    assert ids[:2] == ["usual-next-steps", "tms"] and ids[-1] == "dbs"


def test_at_most_eight_questions_and_no_repeats() -> None:
    for path in PATHS:
        data = json.loads(summary(path, 80, "-f", "json")[0])
        assert 1 <= len(data["questions"]) <= 8
        assert len(set(data["questions"])) == len(data["questions"])


def test_priorities_bring_their_questions() -> None:
    result = run_cli(
        ["explore", "--answers", "-", "-f", "json"],
        input="risk_now: no\npriorities: [low-cost]\n",
    )
    assert "Which options are free or low cost for me?" in json.loads(result.stdout)["questions"]


def test_detail_adds_every_option_in_full_after_the_overview() -> None:
    short, _ = summary("default")
    full, _ = summary("default", 80, "--detail")
    assert "The options in full" not in short
    assert full.index("Your options at a glance") < full.index("The options in full")
    for hidden in ("Interpersonal therapy (IPT)", "Staying connected with people"):
        assert f"\n{hidden}\n" in full
    # The help lines and the disclaimer still end it.
    last = "\n".join(full.splitlines()[-10:])
    assert "000" in last and "not medical advice" in last


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_saved_files_carry_the_appendix(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"summary.{'html' if fmt == 'html' else 'md'}"
    summary("default", 80, "--save", str(target))
    text = html.unescape(target.read_text())
    assert "The options in full" in text and "What it involves" in text
    # Read away from the terminal, the options without a card point to the
    # appendix, not to a command.
    more = " ".join(text[text.index("More options") :].split())[:200]
    assert 'each in full below under "The options in full"' in more
    assert "depression-guide show" not in text
    assert "in full below" in text
    short, _ = summary("default")
    assert "More options (depression-guide show TOPIC" in short


@pytest.mark.parametrize("region", ["US", "UK", "CA", "NZ", "IE", "OTHER"])
def test_no_australian_services_outside_australia(region: str) -> None:
    answers = (
        f"risk_now: yes\nregion: {region}\nage_group: 18-25\ncurrent_treatment: [antidepressant]\n"
        "tried_without_relief: 2-plus\npregnancy: 'yes'\n"
        "priorities: [culture-faith, low-cost]\n"
        "interests: [psychotherapy, lifestyle, medication, digital, treatment-resistant]\n"
    )
    for flags in ([], ["--detail"], ["-f", "markdown"], ["-f", "json"]):
        result = run_cli(["explore", "--answers", "-", *flags], input=answers)
        assert result.exit_code == 0
        if "json" in flags:
            data = json.loads(result.stdout)
            del data["references"]  # sources, named as published
            result.stdout = json.dumps(data)
        for word in (
            "Medicare",
            "Mental Health Treatment Plan",
            "Better Access",
            "PBS",
            *AU_NUMBERS,
        ):
            assert word not in result.stdout, (region, flags, word)
        # "Australia" only where the text says it is about Australia (reference
        # lists name Australian sources, such as the TGA, and may).
        flat = " ".join(result.stdout.split()).replace("In Australia", "in Australia")
        flat = re.sub(r"References \(.*?(?=IMPORTANT:)", "", flat)
        flat = re.sub(r"References \(.*?(?=### If you need help|IMPORTANT:|$)", "", flat)
        assert "Australia" not in flat.replace("in Australia", ""), (region, flags)


def test_not_paged_when_not_a_terminal() -> None:
    out = run_cli(["show", "psychotherapy"]).stdout
    assert "q to quit" not in out
