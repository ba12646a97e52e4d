"""`decide`: weigh options by what matters to you (Ottawa Personal Decision Guide).

Pure functions: answers in, a decision guide out; no I/O, no prompts. Stars
are never added up, options never ranked: the guide shows which reasons
matter to the person, side by side, and leaves the weighing to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from depression_guide import strings as S
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


def answers_hint() -> str:
    """What an answers file looks like, said in the error itself (an installed
    copy has no examples/ folder to point to); in this run's language, so
    made when asked, not when the module is imported."""
    return S.ANSWERS_FILE_HINT.format(example="options: [cbt, ssri]", keys=_ids(ANSWER_KEYS))


def _ids(ids: Any) -> str:
    """Ids, keys or names listed in an error, with the language's separator."""
    return S.LIST_SEPARATOR.join(str(i) for i in ids)


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
            S.DECIDE_NOT_A_MAPPING.format(label=label, kind=type(data).__name__),
            answers_hint(),
        )
    for key in data:
        if key not in ANSWER_KEYS:
            raise GuideError(
                S.UNKNOWN_KEY.format(label=label, key=key),
                S.ALLOWED_KEYS.format(keys=_ids(ANSWER_KEYS)),
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
                S.DECIDE_UNKNOWN_STEP.format(label=label, key="next_steps", step=step),
                S.ALLOWED.format(values=_ids(allowed)),
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
                S.DECIDE_NOT_ONE_OPTION.format(label=label, topic=topic.id),
                S.DECIDE_NOT_ONE_OPTION_HINT.format(
                    examples=S.NAMES_OR.format(names=_ids(("cbt", "ssri")), last="exercise")
                ),
            )
        if topic.id not in ids:
            ids.append(topic.id)
    if not FEWEST_OPTIONS <= len(ids) <= MOST_OPTIONS:
        raise GuideError(
            S.DECIDE_OPTIONS_COUNT.format(
                label=label,
                key="options",
                fewest=FEWEST_OPTIONS,
                most=MOST_OPTIONS,
                count=len(ids),
            ),
            S.DECIDE_OPTIONS_COUNT_HINT,
        )
    return ids


def check_leaning(value: Any, content: Content, picked: list[str], label: str) -> str | None:
    """The option the person leans towards (an id or alias of a chosen one), or 'not-sure'."""
    if value is None:
        return None
    allowed = S.ALLOWED.format(values=S.NAMES_OR.format(names=_ids(picked), last=NOT_SURE))
    if not isinstance(value, str) or not value.strip():
        raise GuideError(
            S.DECIDE_LEANING_NOT_A_NAME.format(label=label, key="leaning", value=repr(value)),
            allowed,
        )
    word = value.strip().lower()
    if word in (NOT_SURE, "not sure", "not sure yet", "not-sure-yet"):
        return NOT_SURE
    found = chosen_option(content, word, picked)
    if found is None:
        raise GuideError(
            S.DECIDE_LEANING_NOT_CHOSEN.format(label=label, key="leaning", value=repr(value)),
            allowed,
        )
    return found


def _list(value: Any, label: str, key: str) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in values):
        raise GuideError(
            S.DECIDE_NOT_A_LIST.format(label=label, key=key),
            S.FOR_EXAMPLE.format(example=f"{key}: [one, two]"),
        )
    return [v.strip() for v in values]


def _one_of(value: Any, choices: tuple[model.Choice, ...], label: str, key: str) -> str | None:
    if value is None:
        return None
    allowed = [c.id for c in choices]
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise GuideError(
            S.BAD_VALUE.format(label=label, key=key, value=repr(value)),
            S.ALLOWED.format(values=_ids(allowed)),
        )
    return value.strip().lower()


def _ratings(
    value: Any, content: Content, picked: list[str], label: str
) -> dict[str, dict[str, int]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GuideError(
            S.DECIDE_RATINGS_NOT_A_MAPPING.format(label=label, key="ratings"),
            S.FOR_EXAMPLE_COLON.format(example="ratings: {cbt: {skills: 5}}"),
        )
    ratings: dict[str, dict[str, int]] = {}
    for option_key, stars_by_reason in value.items():
        option_id = chosen_option(content, str(option_key), picked)
        if option_id is None:
            raise GuideError(
                S.DECIDE_RATED_NOT_CHOSEN.format(label=label, where=f"ratings.{option_key}"),
                S.DECIDE_THE_OPTIONS.format(options=_ids(picked)),
            )
        known = {r.id for r, _ in reasons(content.options[option_id])}
        if not isinstance(stars_by_reason, dict):
            raise GuideError(
                S.DECIDE_REASONS_NOT_A_MAPPING.format(label=label, where=f"ratings.{option_key}"),
                S.DECIDE_REASONS_OF.format(option=option_id, reasons=_ids(sorted(known))),
            )
        ratings[option_id] = {}
        for reason_id, stars in stars_by_reason.items():
            where = f"ratings.{option_key}.{reason_id}"
            if reason_id not in known:
                raise GuideError(
                    S.DECIDE_NO_SUCH_REASON.format(
                        label=label, where=where, option=option_id, reason=reason_id
                    ),
                    S.DECIDE_ITS_REASONS.format(reasons=_ids(sorted(known))),
                )
            if stars is None:
                continue  # left empty: skipped
            if isinstance(stars, bool) or not isinstance(stars, int) or stars not in STARS:
                raise GuideError(
                    S.DECIDE_BAD_STARS.format(label=label, where=where, value=repr(stars)),
                    S.DECIDE_BAD_STARS_HINT,
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
            S.DECIDE_SURE_NOT_A_MAPPING.format(label=label, key=key),
            S.DECIDE_THE_QUESTIONS.format(questions=_ids(ids)),
        )
    answers: dict[str, bool] = {}
    for question, answer in value.items():
        if question not in ids:
            raise GuideError(
                S.DECIDE_NOT_A_SURE_QUESTION.format(label=label, where=f"{key}.{question}"),
                S.DECIDE_THEY_ARE.format(questions=_ids(ids)),
            )
        if isinstance(answer, str) and answer.strip().lower() in ("yes", "no"):
            answer = answer.strip().lower() == "yes"
        if not isinstance(answer, bool):
            raise GuideError(
                S.DECIDE_BAD_SURE_ANSWER.format(
                    label=label, where=f"{key}.{question}", value=repr(answer)
                )
            )
        answers[str(question)] = answer
    return answers
