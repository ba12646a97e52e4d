"""The interface's own words (strings.py): one place, safe wording, clean templates."""

from __future__ import annotations

import string
from typing import Any

import pytest

from depression_guide import strings
from depression_guide.content.checks import WORDING_RULES


def every_string(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in every_string(v)]
    if isinstance(value, tuple | list):
        return [s for v in value for s in every_string(v)]
    return []


NAMES = [n for n in vars(strings) if n.isupper() and not n.startswith("_")]


@pytest.mark.parametrize("name", NAMES)
def test_no_string_tells_people_what_to_do_about_treatment(name: str) -> None:
    for text in every_string(getattr(strings, name)):
        for why, _, pattern in WORDING_RULES:
            assert pattern.search(text) is None, (name, why, text)


@pytest.mark.parametrize("name", NAMES)
def test_templates_have_named_fields_only(name: str) -> None:
    for text in every_string(getattr(strings, name)):
        for _, field, _, _ in string.Formatter().parse(text):
            assert field is None or field.isidentifier(), (name, field)


def test_a_prescriptive_string_would_be_caught() -> None:
    text = "You should stop your medication."
    assert any(pattern.search(text) for _, _, pattern in WORDING_RULES)


def test_the_language_is_stated() -> None:
    assert strings.lang == "en"
