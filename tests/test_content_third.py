"""The third edition of the content (issue 24): the whole decision (waiting and
watching, the usual next steps, the person's leaning) and an outside review's
findings, each with a test that would catch its return.

These tests read the shipped content on purpose (they guard facts, not
layout), and run under both YAML loaders (conftest.yaml_loader).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir

from .conftest import FIXTURE_PACK, run_cli

pytestmark = pytest.mark.usefixtures("yaml_loader")

DATA = builtin_data_dir()


def content() -> Content:
    """The shipped content, parsed afresh (under the loader of this run)."""
    return Content(DATA, "data")


def flat(text: str) -> str:
    """Output with line breaks, box edges and bullets folded to single spaces."""
    return " ".join(re.sub(r"[│┃|]", " ", text).split())


def show(topic: str, *flags: str) -> str:
    result = run_cli(["show", topic, *flags])
    assert result.exit_code == 0, result.stderr
    return flat(result.stdout)


# --- wrong, or could harm ------------------------------------------------------------


@pytest.mark.parametrize("root", [DATA, FIXTURE_PACK], ids=["data", "fixture-pack"])
def test_every_yaml_file_parses_the_same_under_both_loaders(root: Path) -> None:
    # '{name: 1737 Need to Talk?, ...}' parsed only under libyaml: the
    # pure-Python loader the program falls back to refused the whole file.
    import yaml

    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        pure = yaml.load(text, Loader=yaml.SafeLoader)
        assert pure == yaml.load(text, Loader=yaml.CSafeLoader), path.name


def test_nz_line_name_keeps_its_question_mark() -> None:
    nz = content().region("NZ")
    assert "1737 Need to Talk?" in [line.name for line in nz.lines]


def test_nhs_111_is_a_crisis_line_in_the_uk_panel() -> None:
    uk = content().region("UK")
    kinds = {line.name: line.kind for line in uk.lines}
    assert kinds["NHS 111"] == "crisis"
    # A person at risk in the UK gets the crisis lines on stderr too (piped
    # output); support lines are not among them.
    result = run_cli(["explore", "--answers", "-"], input="risk_now: 'yes'\nregion: UK\n")
    assert result.exit_code == 0, result.stderr
    assert "NHS 111" in flat(result.stderr) and "Samaritans" in flat(result.stderr)


def test_cbt_with_a_medicine_claims_only_what_the_evidence_says() -> None:
    out = show("cbt")
    assert "did better than a medicine alone" not in out
    assert "CBT together with an antidepressant as a first choice" in out


def test_psilocybin_side_effects_are_the_pooled_figure() -> None:
    out = show("psilocybin")
    assert "all three dose groups together, the tiny 1 mg dose included" in out
    assert "This was true in all three dose groups" not in out


def test_gut_study_mood_in_mice_babies_for_constipation() -> None:
    out = show("gut-brain")
    assert "The mood findings were in mice" in out
    assert "about constipation in babies whose mothers took an SSRI in pregnancy" in out
