"""The real questionary prompts, driven with prompt_toolkit pipe input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from depression_guide.content import Content, builtin_data_dir
from depression_guide.prompts import ask_all, ask_one

QUESTIONS = {q.key: q for q in Content(builtin_data_dir(), "data").explore.questions}
DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


@pytest.fixture
def keys() -> Iterator[Any]:
    with create_pipe_input() as pipe:
        yield pipe


def io(pipe: Any) -> dict[str, Any]:
    return {"input": pipe, "output": DummyOutput()}


def test_single_choice_with_arrow_keys(keys: Any) -> None:
    keys.send_text(DOWN + ENTER)
    assert ask_one(QUESTIONS["risk_now"], io(keys)) == "yes"


def test_personal_single_choice_can_be_skipped(keys: Any) -> None:
    keys.send_text(DOWN * 3 + ENTER)  # 0, 1, 2-plus, Prefer not to say
    assert ask_one(QUESTIONS["tried_without_relief"], io(keys)) is None


def test_several_choices(keys: Any) -> None:
    keys.send_text(SPACE + DOWN + DOWN + SPACE + ENTER)
    assert ask_one(QUESTIONS["priorities"], io(keys)) == ("avoid-side-effects", "low-cost")


def test_several_choices_none_chosen(keys: Any) -> None:
    keys.send_text(ENTER)
    assert ask_one(QUESTIONS["interests"], io(keys)) == ()


def test_ctrl_c_raises_keyboard_interrupt(keys: Any) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask_one(QUESTIONS["age_group"], io(keys))


def test_ask_all_in_order_skipping_region(keys: Any) -> None:
    # risk no; age 25-64; using therapy; tried 0; not pregnant; no priorities; digital
    keys.send_text(
        ENTER
        + DOWN * 2
        + ENTER
        + DOWN * 2
        + SPACE
        + ENTER
        + ENTER
        + DOWN
        + ENTER
        + ENTER
        + DOWN * 3
        + SPACE
        + ENTER
    )
    called: list[str] = []
    answers = ask_all(
        tuple(QUESTIONS.values()), {"region"}, lambda a: called.append(a) or True, io(keys)
    )
    assert answers == {
        "risk_now": "no",
        "age_group": "25-64",
        "current_treatment": ("therapy",),
        "tried_without_relief": "0",
        "pregnancy": "no",
        "priorities": (),
        "interests": ("digital",),
    }
    assert called == []


def test_risk_yes_calls_the_crisis_step_first_and_can_stop(keys: Any) -> None:
    keys.send_text(DOWN + ENTER)
    seen: list[str] = []

    def on_risk(answer: str) -> bool:
        seen.append(answer)
        return False

    assert ask_all(tuple(QUESTIONS.values()), set(), on_risk, io(keys)) is None
    assert seen == ["yes"]
