"""Answers to the explore questions: matching conditions, and reading answers files.

Conditions are plain data ({question key: [answers]}) matched by one small
pure function. Nothing from a file is ever evaluated as code.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from depression_guide import strings as S
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
            raise GuideError(S.STDIN_CLOSED, S.STDIN_CLOSED_HINT)
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        label = S.FROM_STDIN
        text = decode_text(raw if isinstance(raw, bytes) else raw.encode(), label)
    else:
        text = read_text(Path(location), S.WHAT_ANSWERS_FILE)
        label = S.ANSWERS_FILE.format(path=location)
    if not text.strip():
        raise GuideError(S.IS_EMPTY.format(label=label), empty_hint)
    return label, parse_yaml_or_json(text, label)


def check_answers(data: Any, questions: tuple[Question, ...], label: str) -> dict[str, Answer]:
    """Validate raw answers: known keys, allowed values, right shapes. Missing = not answered."""
    if not isinstance(data, dict):
        raise GuideError(
            S.NOT_A_MAPPING.format(label=label, kind=type(data).__name__), S.NOT_A_MAPPING_HINT
        )
    by_key = {q.key: q for q in questions}
    answers: dict[str, Answer] = {}
    for key, value in data.items():
        question = by_key.get(str(key))
        if question is None:
            raise GuideError(
                S.UNKNOWN_KEY.format(label=label, key=key),
                S.ALLOWED_KEYS.format(keys=S.LIST_SEPARATOR.join(by_key)),
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
    renamed = [S.READ_AS.format(old=old, new=c.id) for c in question.choices for old in c.old_ids]
    hint = (S.ALLOWED_VALUES_OLDER if renamed else S.ALLOWED_VALUES).format(
        key=question.key,
        values=S.LIST_SEPARATOR.join(allowed),
        older=S.LIST_SEPARATOR.join(renamed),
    )

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
                raise GuideError(
                    S.BAD_VALUE.format(label=label, key=question.key, value=repr(item)), hint
                )
            if choice not in chosen:
                chosen.append(choice)
        alone = [c for c in chosen if c.exclusive]
        if alone and len(chosen) > 1:
            raise GuideError(
                S.NOT_WITH_OTHERS.format(label=label, key=question.key, choice=alone[0].id),
                S.NOT_WITH_OTHERS_HINT.format(choice=alone[0].id, label=alone[0].label),
            )
        return tuple(c.id for c in chosen if not c.skip) or None
    choice = choice_of(value)
    if choice is None:
        said = S.BAD_VALUE_LIST if isinstance(value, list) else S.BAD_VALUE
        raise GuideError(said.format(label=label, key=question.key, value=repr(value)), hint)
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
    keys = S.LIST_SEPARATOR.join(q.key for q in questions)
    hint = S.ANSWERS_FILE_HINT.format(example="risk_now: no", keys=keys)
    label, data = read_answers_file(location, hint)
    return check_answers(data, questions, label)
