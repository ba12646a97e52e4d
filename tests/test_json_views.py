"""JSON is derived from the same view objects as the text.

Goldens pin every `--format json` output of the frozen test pack byte for byte
(the keys, their order and their types are a documented contract); the
property tests check that the facts in the JSON (references, numbers, phone
numbers) are the facts the text of the same run shows, and the other way round.
"""

from __future__ import annotations

import pytest

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
