"""`decide`: weigh options by what matters to you (Ottawa Personal Decision Guide).

Pure functions: answers in, a decision guide out; no I/O, no prompts. Stars
are never added up, options never ranked: the guide shows which reasons
matter to the person, side by side, and leaves the weighing to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.content import Content, model

# A reason rated this many stars or more "matters" and is shown in the guide.
MATTERS = 4
STARS = range(6)  # 0 to 5
FEWEST_OPTIONS, MOST_OPTIONS = 2, 4
ANSWER_KEYS = (
    "options",
    "stage",
    "role",
    "ratings",
    "leaning",
    "sure_before",
    "sure_after",
    "next_steps",
)
# The leaning when the person is not sure yet (the Ottawa guide asks which
# option they lean towards; "not sure yet" is an answer, not a gap).
NOT_SURE: Final = "not-sure"
# What an answers file looks like, said in the error itself: an installed copy
# has no examples/ folder to point to.
ANSWERS_HINT = (
    f"Write one answer a line, for example  options: [cbt, ssri]  "
    f"(the keys: {', '.join(ANSWER_KEYS)})."
)

Side = Literal["for", "against"]


@dataclass(frozen=True)
class Rated:
    reason: model.Reason
    side: Side
    stars: int | None  # None: skipped


@dataclass(frozen=True)
class Weighed:
    """One option with the person's ratings of its reasons."""

    option: model.Option
    rated: tuple[Rated, ...]

    def matters(self, side: Side) -> tuple[Rated, ...]:
        """The reasons on one side rated 4 or 5 stars, in the content's order."""
        return tuple(r for r in self.rated if r.side == side and (r.stars or 0) >= MATTERS)


@dataclass
class DecideAnswers:
    """What the person said, from prompts or an answers file (all optional but options)."""

    options: list[str] = field(default_factory=list)
    stage: str | None = None
    role: str | None = None
    ratings: dict[str, dict[str, int]] = field(default_factory=dict)
    # Which way the person is leaning: one of `options`, NOT_SURE, or None
    # (not asked or skipped). Their own answer: never worked out from the stars.
    leaning: str | None = None
    sure_before: dict[str, bool] = field(default_factory=dict)
    sure_after: dict[str, bool] = field(default_factory=dict)
    next_steps: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionGuide:
    """ "My decision guide": everything the result shows."""

    options: tuple[Weighed, ...]
    stage: model.Choice | None
    role: model.Choice | None
    # The option the person said they lean towards, or NOT_SURE, or None.
    leaning: model.Option | Literal["not-sure"] | None
    sure_before: dict[str, bool]
    sure_after: dict[str, bool]
    next_steps: tuple[model.Choice, ...]
    made: dt.date | None = None


def reasons(option: model.Option) -> list[tuple[model.Reason, Side]]:
    """An option's reasons to weigh: for, then against, in the content's order."""
    return [(r, "for") for r in option.reasons_for] + [
        (r, "against") for r in option.reasons_against
    ]


def sure_yes(decide: model.Decide, answers: dict[str, bool]) -> int | None:
    """How many of the four SURE questions were answered yes; None unless all four were."""
    if any(q.id not in answers for q in decide.sure):
        return None
    return sum(answers[q.id] for q in decide.sure)


def latest_sure(before: dict[str, bool], after: dict[str, bool]) -> dict[str, bool]:
    """Each SURE question's latest answer: after if given, else before.

    A "no" before that was not answered again still wants its suggestion.
    """
    return {**before, **after}


def what_may_help(decide: model.Decide, answers: dict[str, bool]) -> list[str]:
    """For each SURE question answered no: what may help (a self-check, never a gate)."""
    return [q.if_no for q in decide.sure if answers.get(q.id) is False]


def guide(content: Content, answers: DecideAnswers, made: dt.date | None = None) -> DecisionGuide:
    """The decision guide for checked answers (see check_answers)."""
    decide = content.decide
    weighed = []
    for option_id in answers.options:
        option = content.options[option_id]
        given = answers.ratings.get(option_id, {})
        weighed.append(
            Weighed(option, tuple(Rated(r, side, given.get(r.id)) for r, side in reasons(option)))
        )
    return DecisionGuide(
        options=tuple(weighed),
        stage=_choice(decide.stages, answers.stage),
        role=_choice(decide.roles, answers.role),
        leaning=_leaning(content, answers.leaning),
        sure_before=dict(answers.sure_before),
        sure_after=dict(answers.sure_after),
        next_steps=tuple(c for c in decide.next_steps if c.id in answers.next_steps),
        made=made,
    )


def _leaning(content: Content, leaning: str | None) -> model.Option | Literal["not-sure"] | None:
    if leaning is None:
        return None
    if leaning == NOT_SURE:
        return NOT_SURE
    return content.options[leaning]


def _choice(choices: tuple[model.Choice, ...], chosen: str | None) -> model.Choice | None:
    return next((c for c in choices if c.id == chosen), None)


# --- answers files --------------------------------------------------------------


def check_answers(
    data: Any, content: Content, label: str, options: list[str] | None = None
) -> DecideAnswers:
    """Check a decide answers file strictly: every problem names its key.

    `options` from the command line, when given, replace the file's.
    """
    if not isinstance(data, dict):
        raise GuideError(
            f"{label} must be a mapping of keys to answers, not a {type(data).__name__}.",
            ANSWERS_HINT,
        )
    for key in data:
        if key not in ANSWER_KEYS:
            raise GuideError(
                f"{label}: unknown key '{key}'.", f"Allowed keys: {', '.join(ANSWER_KEYS)}."
            )
    decide = content.decide
    chosen = options if options else _list(data.get("options"), label, "options")
    picked = option_ids(content, chosen, label)
    answers = DecideAnswers(options=picked)
    answers.stage = _one_of(data.get("stage"), decide.stages, label, "stage")
    answers.role = _one_of(data.get("role"), decide.roles, label, "role")
    answers.ratings = _ratings(data.get("ratings"), content, picked, label)
    answers.leaning = check_leaning(data.get("leaning"), content, picked, label)
    for key in ("sure_before", "sure_after"):
        setattr(answers, key, _sure(data.get(key), decide, label, key))
    steps = _list(data.get("next_steps"), label, "next_steps")
    allowed = [c.id for c in decide.next_steps]
    for step in steps:
        if step not in allowed:
            raise GuideError(
                f"{label}: 'next_steps' has an unknown step '{step}'.",
                f"Allowed: {', '.join(allowed)}.",
            )
    answers.next_steps = steps
    return answers


def option_ids(content: Content, given: list[str], label: str) -> list[str]:
    """2 to 4 option ids (aliases allowed), each an option, none twice."""
    from depression_guide.logic.topics import resolve

    topics = resolve(content, given)
    ids: list[str] = []
    for topic in topics:
        if topic.kind != "option":
            raise GuideError(
                f"{label}: '{topic.id}' is not one option.",
                "Name options such as cbt, ssri or exercise (see 'depression-guide topics').",
            )
        if topic.id not in ids:
            ids.append(topic.id)
    if not FEWEST_OPTIONS <= len(ids) <= MOST_OPTIONS:
        raise GuideError(
            f"{label}: 'options' needs {FEWEST_OPTIONS} to {MOST_OPTIONS} different options, "
            f"not {len(ids)}.",
            "For example: depression-guide decide cbt ssri exercise",
        )
    return ids


def check_leaning(value: Any, content: Content, picked: list[str], label: str) -> str | None:
    """The option the person leans towards (an id or alias of a chosen one), or 'not-sure'."""
    if value is None:
        return None
    allowed = f"{', '.join(picked)} or {NOT_SURE}"
    if not isinstance(value, str) or not value.strip():
        raise GuideError(
            f"{label}: 'leaning' must be one option's name, not {value!r}.", f"Allowed: {allowed}."
        )
    word = value.strip().lower()
    if word in (NOT_SURE, "not sure", "not sure yet", "not-sure-yet"):
        return NOT_SURE
    found = chosen_option(content, word, picked)
    if found is None:
        raise GuideError(
            f"{label}: 'leaning' is {value!r}, which is not one of the options chosen.",
            f"Allowed: {allowed}.",
        )
    return found


def _list(value: Any, label: str, key: str) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in values):
        raise GuideError(
            f"{label}: '{key}' must be a list of names.", f"For example  {key}: [one, two]"
        )
    return [v.strip() for v in values]


def _one_of(value: Any, choices: tuple[model.Choice, ...], label: str, key: str) -> str | None:
    if value is None:
        return None
    allowed = [c.id for c in choices]
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise GuideError(
            f"{label}: '{key}' has an invalid value {value!r}.", f"Allowed: {', '.join(allowed)}."
        )
    return value.strip().lower()


def _ratings(
    value: Any, content: Content, picked: list[str], label: str
) -> dict[str, dict[str, int]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GuideError(
            f"{label}: 'ratings' must map each option to its reasons' stars.",
            "For example:  ratings: {cbt: {skills: 5}}",
        )
    ratings: dict[str, dict[str, int]] = {}
    for option_key, stars_by_reason in value.items():
        option_id = chosen_option(content, str(option_key), picked)
        if option_id is None:
            raise GuideError(
                f"{label}: 'ratings.{option_key}' is not one of the options chosen.",
                f"The options: {', '.join(picked)}.",
            )
        known = {r.id for r, _ in reasons(content.options[option_id])}
        if not isinstance(stars_by_reason, dict):
            raise GuideError(
                f"{label}: 'ratings.{option_key}' must map reason ids to stars (0 to 5).",
                f"Reasons of {option_id}: {', '.join(sorted(known))}.",
            )
        ratings[option_id] = {}
        for reason_id, stars in stars_by_reason.items():
            where = f"ratings.{option_key}.{reason_id}"
            if reason_id not in known:
                raise GuideError(
                    f"{label}: '{where}': {option_id} has no reason '{reason_id}'.",
                    f"Its reasons: {', '.join(sorted(known))}.",
                )
            if stars is None:
                continue  # left empty: skipped
            if isinstance(stars, bool) or not isinstance(stars, int) or stars not in STARS:
                raise GuideError(
                    f"{label}: '{where}' must be 0 to 5 stars, not {stars!r}.",
                    "Leave a reason out to skip it.",
                )
            ratings[option_id][str(reason_id)] = stars
    return ratings


def chosen_option(content: Content, name: str, picked: list[str]) -> str | None:
    """The chosen option a name means (an id or alias of one of `picked`), or
    None: the leaning and the ratings keys name options this way."""
    from depression_guide.logic.topics import resolve

    try:
        topic = resolve(content, [name])[0]
    except GuideError:
        return None
    return topic.id if topic.id in picked else None


def _sure(value: Any, decide: model.Decide, label: str, key: str) -> dict[str, bool]:
    if value is None:
        return {}
    ids = [q.id for q in decide.sure]
    if not isinstance(value, dict):
        raise GuideError(
            f"{label}: '{key}' must map the SURE questions to yes or no.",
            f"The questions: {', '.join(ids)}.",
        )
    answers: dict[str, bool] = {}
    for question, answer in value.items():
        if question not in ids:
            raise GuideError(
                f"{label}: '{key}.{question}' is not a SURE question.",
                f"They are: {', '.join(ids)}.",
            )
        if isinstance(answer, str) and answer.strip().lower() in ("yes", "no"):
            answer = answer.strip().lower() == "yes"
        if not isinstance(answer, bool):
            raise GuideError(f"{label}: '{key}.{question}' must be yes or no, not {answer!r}.")
        answers[str(question)] = answer
    return answers
