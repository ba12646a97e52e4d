"""JSON is derived from the same view objects as the text.

Goldens pin every `--format json` output of the frozen test pack byte for byte
(the keys, their order and their types are a documented contract); the
property tests check that the facts in the JSON (references, numbers, phone
numbers) are the facts the text of the same run shows, and the other way round.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depression_guide import bibliography
from depression_guide.content import Content

from .conftest import FIXTURE_PACK, ROOT, golden, run_cli

PATHS = ROOT / "examples" / "paths"

# name -> (arguments after --data-dir PACK, extra environment)
CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "topics": (["topics"], {}),
    "show_cbt_AU": (["--region", "AU", "show", "cbt"], {}),
    "show_psychotherapy_any_region": (["show", "psychotherapy"], {}),
    "show_background_UK": (["--region", "UK", "show", "serotonin-theory", "ssri"], {}),
    "compare_UK": (["--region", "UK", "compare", "cbt", "ssri", "exercise"], {}),
    "compare_US": (["--region", "US", "compare", "ssri", "ketamine", "tms"], {}),
    "crisis_any_region": (["crisis"], {}),
    "crisis_AU": (["--region", "AU", "crisis"], {}),
    "crisis_NZ": (["--region", "NZ", "crisis"], {}),
    "about": (["about"], {}),
    "phq9_low_AU": (["--region", "AU", "check", "phq9", "--answers", "0,1,0,0,1,0,0,0,0"], {}),
    "phq9_harm_UK": (["--region", "UK", "check", "phq9", "--answers", "2,2,1,3,1,2,0,1,2"], {}),
    "decide_example": (
        ["--region", "AU", "decide", "--answers", str(ROOT / "examples" / "decide.yaml")],
        {},
    ),
    **{
        f"explore_{path}": (["explore", "--answers", str(PATHS / f"{path}.yaml")], {})
        for path in (
            "default",
            "at-risk",
            "pregnant",
            "tried-two-antidepressants",
            "young-person-medication",
        )
    },
    "explore_any_region": (
        ["explore", "--answers", "-"],
        {},
    ),
    "show_cbt_review_due": (
        ["--region", "AU", "show", "cbt"],
        {"DEPRESSION_GUIDE_TODAY": "2028-01-02"},
    ),
    "show_cbt_guessed_region": (["show", "cbt"], {"TZ": "Australia/Sydney"}),
    "show_cbt_zh_AU": (["--lang", "zh-Hans", "--region", "AU", "show", "cbt"], {}),
    "crisis_ar_any_region": (["--lang", "ar", "crisis"], {}),
    "phq9_ar_any_region": (["--lang", "ar", "check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"], {}),
}
STDIN = {"explore_any_region": "risk_now: 'no'\nage_group: 26-64\n"}


def run_json(name: str) -> str:
    args, env = CASES[name]
    result = run_cli(
        ["--data-dir", str(FIXTURE_PACK), *args, "--format", "json"], STDIN.get(name), env
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_is_byte_identical_to_its_golden(name: str) -> None:
    golden(f"json/{name}.json", run_json(name))


# --- the same facts in the JSON and in the text ---------------------------------

PACK = Content(FIXTURE_PACK, "pack")
# A natural frequency as the text and the JSON's sentences write it: "42 in 100".
FREQUENCY = re.compile(r"\b(\d+) in (\d+)\b")
# Facts a page shows that its JSON (schema 2) has no key for; each is named,
# so a new gap fails the test until it is looked at.
NOT_IN_JSON: dict[str, set[str]] = {
    # decide's SURE note ("67 in 100 scored 4"): the JSON lists its reference
    # but has no `sure_note` key.
    "decide": {"67 in 100"},
}
# Commands whose JSON carries no records citing their references (cells of
# text with [n] markers, reasons): their CSL `references` list is the citation.
LISTS_ITS_CITATIONS = ("compare", "decide")


class Facts(NamedTuple):
    references: set[str]  # reference ids
    phones: set[str]  # emergency and phone numbers of the pack's crisis lines
    frequencies: set[str]  # "42 in 100"

    def missing_from(self, other: Facts) -> set[str]:
        return (
            (self.references - other.references)
            | (self.phones - other.phones)
            | (self.frequencies - other.frequencies)
        )


PHONES = {r.emergency for r in PACK.regions} | {
    line.phone for r in PACK.regions for line in r.lines if line.phone
}


def numbers_in(said: str) -> set[str]:
    """The pack's phone numbers said, whole (never digits inside a DOI)."""
    return {p for p in PHONES if re.search(rf"(?<![\d/.]){re.escape(p)}(?!\d)", said)}


def flat(text: str) -> str:
    return " ".join(text.split())


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def cited(value: Any) -> Iterator[str]:
    """Every reference id a JSON value cites (`references` lists of ids)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "references" and all(isinstance(ref, str) for ref in item):
                yield from item
            elif key == "markers":  # compare: "[n]" in the rows -> reference id
                yield from item.values()
            else:
                yield from cited(item)
    elif isinstance(value, list):
        for item in value:
            yield from cited(item)


def frequencies_in(value: Any) -> Iterator[str]:
    """Natural frequencies given as numbers (a benefit's `frequency`)."""
    if isinstance(value, dict):
        if "arms" in value and "denominator" in value:
            for arm in value["arms"]:
                yield f"{arm['count']} in {value['denominator']}"
        for item in value.values():
            yield from frequencies_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from frequencies_in(item)


def text_facts(text: str) -> Facts:
    # As read: right-to-left text keeps numbers, flags and addresses in
    # invisible left-to-right isolates (U+2066...U+2069).
    said = flat(text.translate({0x2066: None, 0x2069: None}))
    return Facts(
        {
            ref.id
            for ref in PACK.references.values()
            if flat(bibliography.short(ref)) in said or flat(bibliography.apa(ref)) in said
        },
        numbers_in(said),
        {f"{a} in {b}" for a, b in FREQUENCY.findall(said)},
    )


def json_facts(data: dict[str, Any], command: str = "") -> Facts:
    """The facts in JSON; with `command`, the CSL list counts as citations
    for the commands that cite by list alone."""
    said = flat(" ".join(strings_in(data)))
    # Cited by the records themselves: elsewhere the CSL list alone is no
    # proof that the JSON carries what cites it.
    listed = [r["id"] for r in data.get("references", []) if isinstance(r, dict)]
    return Facts(
        set(cited(data)) | set(listed if command in LISTS_ITS_CITATIONS else ()),
        numbers_in(said),
        {f"{a} in {b}" for a, b in FREQUENCY.findall(said)} | set(frequencies_in(data)),
    )


def as_shown_in_text(data: dict[str, Any]) -> dict[str, Any]:
    """The part of the JSON that the README says the text shows: the JSON
    `crisis` has every line of the region, the page ends with the short panel
    (the emergency number, the main line; the `crisis` command shows them
    all); `show`'s options have `access` for every region, the page this
    region's, and a background topic's sections for this region only; decide's
    JSON has every reason rated, the page those that matter."""
    import copy

    from depression_guide.logic.decide import MATTERS

    shown = copy.deepcopy(data)
    help = shown.get("crisis")
    if isinstance(help, dict) and "lines" in help:
        main = [line for line in help["lines"] if line["kind"] == "crisis"][:1]
        help["lines"] = main
    region = help.get("region") if isinstance(help, dict) else None
    for topic in shown.get("topics", []):
        if "access" in topic:
            access = topic["access"]
            topic["access"] = access.get(region or "default") or access.get("default")
        if "sections" in topic:  # a background topic's sections for other regions
            topic["sections"] = [s for s in topic["sections"] if s["region"] in ("", region)]
    for option in shown.get("options", []):
        for side in ("reasons_for", "reasons_against"):
            if side in option:
                option[side] = [r for r in option[side] if (r["stars"] or 0) >= MATTERS]
    return shown


def text_of_run(args: list[str], stdin: str | None, env: dict[str, str]) -> str:
    result = run_cli(["--data-dir", str(FIXTURE_PACK), *args], stdin, {**env, "COLUMNS": "3000"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def check_same_facts(command: str, args: list[str], stdin: str | None, env: dict[str, str]) -> None:
    data = json.loads(text_of_run([*args, "--format", "json"], stdin, env))
    # explore's JSON has every option in full, as its saved files do: the
    # text to match is the one with the appendix (--detail).
    detail = ["--detail"] if command == "explore" else []
    text = text_of_run([*args, *detail], stdin, env)
    in_text, in_json = text_facts(text), json_facts(data, command)
    missing = in_text.missing_from(in_json) - NOT_IN_JSON.get(command, set())
    assert not missing, f"shown in the text, not in the JSON: {sorted(missing)}"
    unshown = json_facts(as_shown_in_text(data)).missing_from(in_text)
    assert not unshown, f"in the JSON, not shown in the text: {sorted(unshown)}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_and_text_give_the_same_facts(name: str) -> None:
    args, env = CASES[name]
    command = next(a for a in args if a in COMMANDS)
    check_same_facts(command, args, STDIN.get(name), env)


COMMANDS = ("topics", "show", "compare", "crisis", "about", "check", "decide", "explore")
OPTIONS = sorted(PACK.options)
REGION_CODES = [None, *(r.code for r in PACK.regions)]


@st.composite
def any_command(draw: st.DrawFn) -> tuple[str, list[str], str | None]:
    """Any command with --format json, with any region and any choice of topics."""
    command = draw(st.sampled_from(COMMANDS))
    region = draw(st.sampled_from(REGION_CODES))
    args = ["--region", region] if region else []
    stdin = None
    if command == "show":
        topics = sorted(PACK.options) + sorted(PACK.background) + sorted(PACK.categories)
        args += ["show", *draw(st.lists(st.sampled_from(topics), min_size=1, max_size=3))]
    elif command == "compare":
        args += [
            "compare",
            *draw(st.lists(st.sampled_from(OPTIONS), min_size=2, max_size=4, unique=True)),
        ]
    elif command == "check":
        scores = draw(st.lists(st.integers(0, 3), min_size=9, max_size=9))
        args += ["check", "phq9", "--answers", ",".join(map(str, scores))]
    elif command == "explore":
        args += ["explore", "--answers", "-"]
        answers = {
            q.key: draw(st.sampled_from([c.id for c in q.choices]))
            for q in PACK.explore.questions
            if q.key != "region" and draw(st.booleans())
        }
        stdin = json.dumps(answers)
    elif command == "decide":
        chosen = draw(st.lists(st.sampled_from(OPTIONS), min_size=2, max_size=4, unique=True))
        ratings = {
            o: {
                r.id: draw(st.integers(0, 5))
                for r in (*PACK.options[o].reasons_for, *PACK.options[o].reasons_against)
            }
            for o in chosen
        }
        args += ["decide", "--answers", "-"]
        stdin = json.dumps({"options": chosen, "ratings": ratings})
    else:
        args += [command]
    return command, args, stdin


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=any_command())
def test_any_command_gives_the_same_facts_in_json_and_text(
    case: tuple[str, list[str], str | None],
) -> None:
    command, args, stdin = case
    check_same_facts(command, args, stdin, {})


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_the_disclaimer_is_in_the_language_in_json_and_text_with_no_region(lang: str) -> None:
    """Without a region the disclaimer names the doctor in the run's language
    (never the English word), and the JSON's is the very text the page shows."""
    # The built-in content: its translations carry the "somewhere else"
    # region's word (a pack without them shows it in English, marked).
    args = ["--lang", lang, "show", "cbt"]
    as_json = run_cli([*args, "--format", "json"], env={"COLUMNS": "3000"})
    as_text = run_cli(args, env={"COLUMNS": "3000"})
    assert as_json.exit_code == as_text.exit_code == 0, as_json.stderr + as_text.stderr
    data, text = json.loads(as_json.stdout), flat(as_text.stdout)
    assert "doctor" not in data["disclaimer"]
    assert flat(data["disclaimer"]) in text
