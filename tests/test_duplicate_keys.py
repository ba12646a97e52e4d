"""A key given twice is refused in every file the program reads (hazard H-dup).

YAML and JSON keep the last of two equal keys without a word: `risk_now: "yes"`
then `risk_now: "no"` would become "no" and hide the crisis panel.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from depression_guide.content import yaml_io
from depression_guide.errors import GuideError

from .conftest import ROOT, run_cli


@pytest.fixture(params=["C", "pure Python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with PyYAML's C loader and with its pure-Python one."""
    import yaml

    if request.param == "pure Python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


def test_a_duplicated_key_is_refused_with_both_lines(loader: str) -> None:
    with pytest.raises(GuideError) as caught:
        yaml_io.parse_yaml('risk_now: "yes"\nregion: AU\nrisk_now: "no"\n', "answers file 'd.yaml'")
    assert caught.value.message == (
        "answers file 'd.yaml' has the key 'risk_now' twice (line 1 and line 3)."
    )


def test_a_duplicated_key_in_a_nested_or_flow_mapping_is_refused(loader: str) -> None:
    with pytest.raises(GuideError, match=r"the key 'cbt' twice \(line 2 and line 3\)"):
        yaml_io.parse_yaml("ratings:\n  cbt: {evidence: 4}\n  cbt: {evidence: 1}\n", "f")
    with pytest.raises(GuideError, match=r"the key 'a' twice \(line 1 and line 1\)"):
        yaml_io.parse_yaml("{a: 1, a: 2}\n", "f")


def test_equal_keys_in_different_mappings_and_merges_are_allowed(loader: str) -> None:
    text = "a: {x: 1}\nb: {x: 2}\nbase: &b {y: 1}\nc:\n  <<: *b\n  y: 2\n"
    assert yaml_io.parse_yaml(text, "f") == {
        "a": {"x": 1},
        "b": {"x": 2},
        "base": {"y": 1},
        "c": {"y": 2},
    }


def test_a_duplicated_key_in_json_is_refused_with_its_lines() -> None:
    with pytest.raises(GuideError) as caught:
        yaml_io.parse_yaml_or_json('{"risk_now": "yes",\n "risk_now": "no"}\n', "answers")
    assert caught.value.message == "answers has the key 'risk_now' twice (line 1 and line 2)."
    assert yaml_io.parse_yaml_or_json('{"a": {"x": 1}, "b": {"x": 2}}', "f") == {
        "a": {"x": 1},
        "b": {"x": 2},
    }


def test_explore_refuses_a_duplicated_answer_and_saves_nothing(loader: str, tmp_path: Path) -> None:
    answers = tmp_path / "d.yaml"
    answers.write_text('risk_now: "yes"\nrisk_now: "no"\n')
    saved = tmp_path / "out.md"
    result = run_cli(["explore", "--answers", str(answers), "--save", str(saved)])
    assert result.exit_code == 2
    assert "the key 'risk_now' twice (line 1 and line 2)" in result.stderr
    assert str(answers) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not saved.exists()


def test_explore_refuses_a_duplicated_answer_on_stdin_as_json(tmp_path: Path) -> None:
    saved = tmp_path / "out.html"
    result = run_cli(
        ["explore", "--answers", "-", "--save", str(saved)],
        input='{"risk_now": "yes", "risk_now": "no"}',
    )
    assert result.exit_code == 2
    assert "standard input (--answers -) has the key 'risk_now' twice" in result.stderr
    assert not saved.exists()


def test_decide_refuses_a_duplicated_key_and_saves_nothing(loader: str, tmp_path: Path) -> None:
    text = (ROOT / "examples" / "decide.yaml").read_text()
    answers = tmp_path / "decide.yaml"
    answers.write_text(text + "stage: chosen\n")
    saved = tmp_path / "guide.md"
    result = run_cli(["decide", "--answers", str(answers), "--save", str(saved)])
    assert result.exit_code == 2
    assert "has the key 'stage' twice" in result.stderr
    assert str(answers) in result.stderr
    assert not saved.exists()


def test_a_pack_option_file_with_a_duplicated_key_is_refused(
    loader: str, pack: Path, tmp_path: Path
) -> None:
    option = pack / "options" / "cbt.yaml"
    lines = option.read_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines.insert(first + 1, "name: Something else")
    option.write_text("\n".join(lines) + "\n")
    saved = tmp_path / "out.md"
    answers = tmp_path / "a.yaml"
    shutil.copy(ROOT / "examples" / "answers.yaml", answers)
    result = run_cli(
        ["--data-dir", str(pack), "explore", "--answers", str(answers), "--save", str(saved)]
    )
    assert result.exit_code == 2
    assert "options/cbt.yaml" in result.stderr
    assert f"has the key 'name' twice (line {first + 1} and line {first + 2})" in result.stderr
    assert not saved.exists()
    checked = run_cli(["validate", str(pack)])
    assert checked.exit_code == 2
    assert "the key 'name' twice" in checked.stdout + checked.stderr


def _shipped_yaml(*folders: str) -> list[tuple[Path, str]]:
    """Every YAML file under these folders of the checkout, with its text."""
    files = [path for folder in folders for path in sorted((ROOT / folder).rglob("*.yaml"))]
    assert len(files) > 30
    return [(path, path.read_text(encoding="utf-8")) for path in files]


def test_every_shipped_yaml_file_reads_the_same_with_both_loaders() -> None:
    """The pure-Python loader (PyYAML without libyaml) must read the content as the C one does."""
    import yaml

    for path, text in _shipped_yaml("data", "examples", "tests/fixtures/pack"):
        assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(
            text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        ), path


# The quick reader (yaml_io._quick_reader, libyaml's node tree) must read every
# document exactly as PyYAML's StrictLoader does, or hand it over to it.
TRICKY = [
    "a: yes\nb: no\nc: on\nd: Off\ne: 'yes'\nf: \"no\"\n",
    "i: 0o17\nj: 0x1F\nk: 1_000\nl: 1:20\nm: -7\nn: 012\n",
    "f: .inf\ng: -.Inf\nh: .nan\ni: 1e3\nj: 6.8e+5\nk: 1.5\n",
    "n: ~\no: null\np:\nq: ''\n",
    "d: 2026-12-03\nt: 2026-12-03 14:30:00\nz: 2001-12-14t21:59:43.10-05:00\n",
    "b: !!binary aGVsbG8=\ns: !!str 12\nn: !!int '3'\nf: !!float '2'\n",
    "[1, [2, {a: b}], {c: [d, e]}]\n",
    "1: one\n2.5: x\nnull: y\ntrue: t\n2026-01-01: date\n",
    "s: !!set {a, b}\n",
    "o: !!omap [a: 1, b: 2]\n",
    "base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n",
    "? [a, b]\n: complex\n",
    "= : value key\n",
    "plain text\n",
    "",
    "# only a comment\n",
    "- a\n- - b\n  - c\n",
    "k: !custom x\n",
    "d: !!timestamp 2026-13-45\n",
    "n: !!int abc\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    # Two duplicates: PyYAML names the shallower one first (it builds level by level).
    "a:\n  b:\n    x: 1\n    x: 2\nc:\n  y: 1\n  y: 2\n",
    "a:\n  x: 1\n  x: 2\na: 3\n",
    "1: a\ntrue: b\n",
    "{a: 1, a: 2}\n",
]


def _strict_outcome(text: str) -> tuple[str, object]:
    import yaml

    try:
        return "ok", yaml.load(text, Loader=yaml_io._strict_loader(yaml.CSafeLoader))
    except yaml_io._DuplicateKey as dup:
        return "duplicate", dup.describe("f")
    except Exception as exc:  # the same kind of error, with the same words
        return type(exc).__name__, str(exc)


def _quick_outcome(text: str) -> tuple[str, object]:
    quick = yaml_io._quick_reader()
    assert quick is not None
    try:
        return "ok", quick(text)
    except yaml_io._NotPlain:
        return _strict_outcome(text)  # what parse_yaml does with it
    except Exception as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("text", TRICKY)
def test_the_quick_reader_reads_as_pyyaml_or_hands_over(text: str) -> None:
    if yaml_io._quick_reader() is None:
        pytest.skip("PyYAML was built without libyaml")
    quick, strict = _quick_outcome(text), _strict_outcome(text)
    assert quick == strict
    assert repr(quick) == repr(strict)  # types too: 1 is not True, 1.0 is not 1


def test_the_quick_reader_hands_over_a_duplicated_key() -> None:
    quick = yaml_io._quick_reader()
    if quick is None:
        pytest.skip("PyYAML was built without libyaml")
    with pytest.raises(yaml_io._NotPlain):
        quick('risk_now: "yes"\nregion: AU\nrisk_now: "no"\n')
    with pytest.raises(GuideError, match=r"the key 'y' twice \(line 6 and line 7\)"):
        yaml_io.parse_yaml("a:\n  b:\n    x: 1\n    x: 2\nc:\n  y: 1\n  y: 2\n", "f")


def test_every_shipped_yaml_file_reads_the_same_quickly() -> None:
    if yaml_io._quick_reader() is None:
        pytest.skip("PyYAML was built without libyaml")
    for path, text in _shipped_yaml("data", "examples", "tests/fixtures"):
        assert repr(_quick_outcome(text)) == repr(_strict_outcome(text)), path


# Plain scalars near every implicit resolver: booleans, nulls, numbers in each
# base, sexagesimal, dates, merge and value keys, and words that only start
# like them.
_PLAIN = ["yes", "Yes", "YES", "no", "On", "off", "y", "n", "true", "True", "FALSE", "false."]
_PLAIN += ["~", "null", "Null", "NULL", "nullx", "0", "-0", "+12", "012", "0o17", "0x1f", "0b101"]
_PLAIN += ["1_000", "1:20", "-1:20:30", "1.5", ".5", "-.inf", ".NaN", "1e3", "6.8e+5", "1.0e-3"]
_PLAIN += ["2026-12-03", "2026-1-3 1:02:03", "2001-12-14t21:59:43.10-05:00", "2026-13-45"]
_PLAIN += ["<<", "=", "26-64", "2-plus", "65-plus", "Medicare", "tms", "é", "'quoted'", '"2"']


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PLAIN), st.from_regex(r"[A-Za-z0-9.:+~_-]{1,8}", fullmatch=True)
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["map", "list", "flow"]),
)
def test_the_quick_reader_resolves_plain_scalars_as_pyyaml(scalars: list[str], shape: str) -> None:
    if yaml_io._quick_reader() is None:
        pytest.skip("PyYAML was built without libyaml")
    if shape == "map":
        text = "".join(f"k{index}: {value}\n" for index, value in enumerate(scalars))
    elif shape == "list":
        text = "".join(f"- {value}\n" for value in scalars)
    else:
        text = "[" + ", ".join(scalars) + "]\n"
    quick, strict = _quick_outcome(text), _strict_outcome(text)
    assert repr(quick) == repr(strict)
