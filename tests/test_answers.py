"""Answers files: every error names the key and the allowed values; nothing is evaluated."""

from __future__ import annotations

from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.errors import GuideError
from depression_guide.logic.answers import check_answers, load_answers

QUESTIONS = Content(builtin_data_dir(), "data").explore.questions


def write(tmp_path: Path, text: str | bytes, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return str(path)


def error(tmp_path: Path, text: str | bytes, name: str = "answers.yaml") -> GuideError:
    with pytest.raises(GuideError) as caught:
        load_answers(write(tmp_path, text, name), QUESTIONS)
    return caught.value


def test_yaml_scalars_become_choice_ids(tmp_path: Path) -> None:
    answers = load_answers(
        write(
            tmp_path,
            "risk_now: no\ntried_without_relief: 1\npregnancy: yes\npriorities: low-cost\n",
        ),
        QUESTIONS,
    )
    assert answers == {
        "risk_now": "no",
        "tried_without_relief": "1",
        "pregnancy": "yes",
        "priorities": ("low-cost",),
    }


def test_json_answers(tmp_path: Path) -> None:
    answers = load_answers(
        write(tmp_path, '{"risk_now": "unsure", "interests": ["digital", "digital"]}', "a.json"),
        QUESTIONS,
    )
    assert answers == {"risk_now": "unsure", "interests": ("digital",)}


def test_missing_and_empty_keys_mean_not_answered(tmp_path: Path) -> None:
    assert load_answers(write(tmp_path, "risk_now:\nage_group: 26-64\n"), QUESTIONS) == {
        "age_group": "26-64"
    }


def test_unknown_key(tmp_path: Path) -> None:
    problem = error(tmp_path, "risk_now: no\nmood: low\n")
    assert "unknown key 'mood'" in problem.message
    assert "risk_now" in problem.hint and "interests" in problem.hint


def test_invalid_value_lists_allowed(tmp_path: Path) -> None:
    problem = error(tmp_path, "age_group: 30\n")
    assert "'age_group' has an invalid value 30" in problem.message
    assert (
        problem.hint
        == "Allowed values for 'age_group': under-18, 18-25, 26-64, 65-plus, prefer-not "
        "(older ids still read: 18-24 as 18-25, 25-64 as 26-64)."
    )


def test_list_for_a_single_answer(tmp_path: Path) -> None:
    problem = error(tmp_path, "risk_now: [no, yes]\n")
    assert "one value, not a list" in problem.message


def test_wrong_type_in_a_list(tmp_path: Path) -> None:
    problem = error(tmp_path, "priorities: [low-cost, {a: 1}]\n")
    assert "'priorities' has an invalid value" in problem.message


def test_empty_file(tmp_path: Path) -> None:
    assert "is empty" in error(tmp_path, "  \n").message


def test_invalid_yaml_has_a_line_number(tmp_path: Path) -> None:
    problem = error(tmp_path, "risk_now: no\npriorities: [low-cost\n")
    assert "not valid YAML (line 3" in problem.message


def test_invalid_json_has_a_line_number(tmp_path: Path) -> None:
    problem = error(tmp_path, '{"risk_now": "no",\n}', "a.json")
    assert "not valid JSON (line 2" in problem.message


def test_a_list_instead_of_a_mapping(tmp_path: Path) -> None:
    problem = error(tmp_path, "- risk_now\n- no\n")
    assert "must be a mapping" in problem.message and "not a list" in problem.message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 10):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problem = error(tmp_path, "\n".join(lines) + "\n")
    assert "too many YAML aliases" in problem.message


def test_python_tags_are_not_run(tmp_path: Path) -> None:
    problem = error(tmp_path, "risk_now: !!python/object/apply:os.system ['echo hi']\n")
    assert "not valid YAML" in problem.message


def test_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    problem = error(tmp_path, "# " + "x" * 1_100_000 + "\n")
    assert "too large" in problem.message


def test_binary_file(tmp_path: Path) -> None:
    assert "not a text file" in error(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00").message


def test_not_utf8(tmp_path: Path) -> None:
    assert "not UTF-8" in error(tmp_path, "risk_now: n\xf6\n".encode("latin-1")).message


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as caught:
        load_answers(str(tmp_path), QUESTIONS)
    assert "is a folder" in caught.value.message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as caught:
        load_answers(str(tmp_path / "nope.yaml"), QUESTIONS)
    assert "does not exist" in caught.value.message


def test_check_answers_directly() -> None:
    assert check_answers({"region": "NZ"}, QUESTIONS, "x") == {"region": "NZ"}


def test_values_and_regions_are_read_whatever_their_case(tmp_path: Path) -> None:
    answers = load_answers(
        write(tmp_path, "risk_now: NO\nregion: au\nage_group: 26-64\npriorities: [Low-Cost]\n"),
        QUESTIONS,
    )
    assert answers == {
        "risk_now": "no",
        "region": "AU",
        "age_group": "26-64",
        "priorities": ("low-cost",),
    }


@pytest.mark.parametrize(
    ("written", "code"), [("GB", "UK"), ("usa", "US"), ("NZL", "NZ"), ("aus", "AU"), ("Irl", "IE")]
)
def test_region_aliases(tmp_path: Path, written: str, code: str) -> None:
    assert load_answers(write(tmp_path, f"region: {written}\n"), QUESTIONS) == {"region": code}


def test_prefer_not_to_say_records_nothing(tmp_path: Path) -> None:
    answers = load_answers(
        write(tmp_path, "age_group: prefer-not\npregnancy: prefer-not\ninterests: []\n"),
        QUESTIONS,
    )
    assert answers == {}


def test_nothing_at_the_moment_goes_alone(tmp_path: Path) -> None:
    problem = error(tmp_path, "current_treatment: [none, antidepressant]\n")
    assert "'current_treatment' has 'none' with other values" in problem.message
    assert "can't be combined" in problem.hint


@pytest.mark.parametrize(
    ("old", "new"), [("18-24", "18-25"), ("25-64", "26-64"), ("18-25", "18-25")]
)
def test_old_age_ids_are_read_as_the_new_groups(tmp_path: Path, old: str, new: str) -> None:
    # Answers files written before the groups followed the evidence (18 to 25).
    assert load_answers(write(tmp_path, f"age_group: {old}\n"), QUESTIONS) == {"age_group": new}
