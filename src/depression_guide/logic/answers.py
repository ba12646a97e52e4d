"""Answers to the explore questions: matching conditions, and reading answers files.

Conditions are plain data ({question key: [answers]}) matched by one small
pure function. Nothing from a file is ever evaluated as code.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from depression_guide.content.model import Question, known_region
from depression_guide.content.yaml_io import decode_text, parse_yaml_or_json, read_text
from depression_guide.errors import GuideError

# One answer: a choice id (single), or a tuple of ids (several).
Answer = str | tuple[str, ...]
Answers = Mapping[str, Answer]


def matches(when: Mapping[str, tuple[str, ...]], answers: Answers) -> bool:
    """True when every key in `when` has an answer among its listed values.

    A question with several answers matches when any of them is listed.
    An unanswered question never matches.
    """
    for key, wanted in when.items():
        given = answers.get(key)
        if given is None:
            return False
        chosen = (given,) if isinstance(given, str) else given
        if not set(chosen) & set(wanted):
            return False
    return True


def applies(question: Question, answers: Answers) -> bool:
    """Whether a question is asked, given the answers so far."""
    return matches(question.when, answers) if question.when else True


def read_answers_file(location: str, empty_hint: str) -> tuple[str, Any]:
    """Read an answers file (YAML or JSON), or standard input for '-'.

    `empty_hint` says what to write in an empty one: it names the keys itself,
    because an example file in the source tree is not there in an installed copy.
    """
    if location == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise GuideError(
                "--answers - reads standard input, but it is closed.",
                "Pipe the answers in, or give a file name.",
            )
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        label = "standard input (--answers -)"
        text = decode_text(raw if isinstance(raw, bytes) else raw.encode(), label)
    else:
        text = read_text(Path(location), "answers file")
        label = f"answers file '{location}'"
    if not text.strip():
        raise GuideError(f"{label} is empty.", empty_hint)
    return label, parse_yaml_or_json(text, label)


def check_answers(data: Any, questions: tuple[Question, ...], label: str) -> dict[str, Answer]:
    """Validate raw answers: known keys, allowed values, right shapes. Missing = not answered."""
    if not isinstance(data, dict):
        raise GuideError(
            f"{label} must be a mapping of question keys to answers, not a {type(data).__name__}.",
            "For example:  risk_now: no",
        )
    by_key = {q.key: q for q in questions}
    answers: dict[str, Answer] = {}
    for key, value in data.items():
        question = by_key.get(str(key))
        if question is None:
            raise GuideError(
                f"{label}: unknown key '{key}'.", f"Allowed keys: {', '.join(by_key)}."
            )
        if value is None:
            continue  # written but left empty: not answered
        answer = _check_value(question, value, label)
        if answer is not None:
            answers[question.key] = answer
    return answers


def _check_value(question: Question, value: Any, label: str) -> Answer | None:
    """One answer, checked; None for a "prefer not to say" choice (not answered).

    Values match their ids whatever the case ('NO', 'au'); regions also by
    their other codes (GB, USA).
    """
    allowed = [c.id for c in question.choices]
    by_text = {c.id.lower(): c for c in question.choices}
    # Ids a choice had before still read as that choice (older answers files).
    for choice in question.choices:
        for old in choice.old_ids:
            by_text.setdefault(old.lower(), choice)
    hint = f"Allowed values for '{question.key}': {', '.join(allowed)}."
    renamed = [f"{old} as {c.id}" for c in question.choices for old in c.old_ids]
    if renamed:
        hint = hint[:-1] + f" (older ids still read: {', '.join(renamed)})."

    def choice_of(item: Any) -> Any:
        text = _as_text(item)
        if text is None:
            return None
        if question.key == "region":
            text = known_region(text) or text
        return by_text.get(text.lower())

    if question.type == "multiple":
        values = value if isinstance(value, list) else [value]
        chosen = []
        for item in values:
            choice = choice_of(item)
            if choice is None:
                raise GuideError(f"{label}: '{question.key}' has an invalid value {item!r}.", hint)
            if choice not in chosen:
                chosen.append(choice)
        alone = [c for c in chosen if c.exclusive]
        if alone and len(chosen) > 1:
            raise GuideError(
                f"{label}: '{question.key}' has '{alone[0].id}' with other values.",
                f"'{alone[0].id}' ({alone[0].label}) can't be combined with other answers.",
            )
        return tuple(c.id for c in chosen if not c.skip) or None
    choice = choice_of(value)
    if choice is None:
        shape = " (one value, not a list)" if isinstance(value, list) else ""
        raise GuideError(f"{label}: '{question.key}' has an invalid value {value!r}{shape}.", hint)
    return None if choice.skip else str(choice.id)


def _as_text(value: Any) -> str | None:
    """Scalars as the ids people write: YAML's `no` is False, `1` is 1, `AU` stays."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return None


def load_answers(location: str, questions: tuple[Question, ...]) -> dict[str, Answer]:
    """Read and validate an answers file."""
    keys = ", ".join(q.key for q in questions)
    hint = f"Write one answer a line, for example  risk_now: no  (the keys: {keys})."
    label, data = read_answers_file(location, hint)
    return check_answers(data, questions, label)
