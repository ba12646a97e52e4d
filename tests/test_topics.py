"""Resolving what people type to topics."""

from __future__ import annotations

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.errors import GuideError
from depression_guide.logic.topics import Topic, options_of, resolve

CONTENT = Content(builtin_data_dir(), "data")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("cbt", Topic("option", "cbt")),
        ("CBT", Topic("option", "cbt")),
        ("SSRIs", Topic("option", "ssri")),
        ("sertraline", Topic("option", "ssri")),
        ("Zoloft", Topic("option", "ssri")),
        ("esketamine", Topic("option", "ketamine")),
        ("psilocybin", Topic("option", "psychedelic-therapy")),
        ("pst", Topic("option", "problem-solving-therapy")),
        ("talking-therapy", Topic("category", "psychotherapy")),
        ("TRD", Topic("category", "treatment-resistant")),
        ("serotonin-theory", Topic("background", "serotonin-theory")),
        (" exercise ", Topic("option", "exercise")),
    ],
)
def test_aliases_resolve_case_insensitively(typed: str, expected: Topic) -> None:
    assert resolve(CONTENT, [typed]) == [expected]


def test_repeats_are_dropped_and_order_kept() -> None:
    assert resolve(CONTENT, ["ssri", "cbt", "zoloft"]) == [
        Topic("option", "ssri"),
        Topic("option", "cbt"),
    ]


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [("cbtt", "'cbt'"), ("sertralin", "'sertraline'"), ("excercise", "'exercise'")],
)
def test_unknown_topic_suggests(typed: str, suggestion: str) -> None:
    with pytest.raises(GuideError) as caught:
        resolve(CONTENT, [typed])
    assert f"unknown topic '{typed}'" in caught.value.message
    assert suggestion in caught.value.message
    assert "depression-guide topics" in caught.value.hint


def test_unknown_topic_without_a_close_match() -> None:
    with pytest.raises(GuideError) as caught:
        resolve(CONTENT, ["zzzzzz"])
    assert "Did you mean" not in caught.value.message


def test_category_expands_to_its_options() -> None:
    ids = [o.id for o in options_of(CONTENT, resolve(CONTENT, ["treatment-resistant"]))]
    assert set(ids) >= {"dbs", "ect", "ketamine", "psychedelic-therapy", "tms"}
    assert all(CONTENT.options[i].category == "treatment-resistant" for i in ids)
