"""`decide` at a terminal: the Ottawa Personal Decision Guide's steps, asked.

Every prompt starts on "Skip": Enter alone records nothing. Ctrl-C stops and
leaves nothing behind (nothing is written until the person asks).
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from depression_guide import strings as S
from depression_guide.content import Content
from depression_guide.logic.decide import (
    FEWEST_OPTIONS,
    MOST_OPTIONS,
    NOT_SURE,
    DecideAnswers,
    reasons,
    what_may_help,
)
from depression_guide.ui.output import write_wrapped as wrapped
from depression_guide.ui.prompts import checkbox, choose

if TYPE_CHECKING:
    from depression_guide.ui.run import Run


def _skip() -> tuple[str, str]:
    # Built when asked, in the run's language (not at import).
    return (S.SKIP, "")


def ask(run: Run, picked: list[str], how_else: str) -> DecideAnswers:
    """`decide` at the terminal (the options given on the command line, if any)."""
    from depression_guide.ui.prompts import prompt_io

    stream = run.prompt_stream(how_else)
    run.say_draft(stream)
    io = prompt_io(stream, run.plain, run.no_color)
    return ask_decide(run.content, picked, stream, io, run.settings.width)


def ask_decide(
    content: Content, options: list[str], stream: IO[str], io: dict[str, Any], columns: int = 80
) -> DecideAnswers:
    """Ask the five steps; `options` (2 to 4 ids) when given on the command line."""
    decide = content.decide

    def write_wrapped(text: str, stream: IO[str]) -> None:
        wrapped(text, stream, columns)

    write_wrapped(f"{decide.intro}\n{S.CTRL_C}\n\n", stream)
    answers = DecideAnswers(options=options or _pick_options(content, io))
    write_wrapped(S.DECIDE_STEP_1.format(decision=decide.decision), stream)
    stages = [_skip(), *((c.label, c.id) for c in decide.stages)]
    answers.stage = choose(S.DECIDE_HOW_FAR, stages, io) or None
    write_wrapped(S.DECIDE_STEP_2, stream)
    roles = [_skip(), *((c.label, c.id) for c in decide.roles)]
    answers.role = choose(S.DECIDE_ROLE, roles, io) or None
    write_wrapped(S.DECIDE_STEP_3, stream)
    answers.sure_before = _sure(decide, io)
    _what_may_help(decide, answers.sure_before, stream, columns)
    write_wrapped(S.DECIDE_STEP_4, stream)
    for option_id in answers.options:
        option = content.options[option_id]
        given: dict[str, int] = {}
        for reason, side in reasons(option):
            template = S.REASON_FOR if side == "for" else S.REASON_AGAINST
            picked = choose(
                template.format(option=option.name, reason=reason.text), [_skip(), *S.RATINGS], io
            )
            if picked:
                given[reason.id] = int(picked)
        answers.ratings[option_id] = given
    # The Ottawa guide asks which option the person leans towards; their answer
    # is recorded as given, never worked out from the stars.
    leanings = [_skip(), *((content.options[o].name, o) for o in answers.options)]
    answers.leaning = choose(S.DECIDE_LEANING, [*leanings, (S.NOT_SURE_YET, NOT_SURE)], io) or None
    write_wrapped(S.DECIDE_AGAIN, stream)
    answers.sure_after = _sure(decide, io)
    _what_may_help(decide, answers.sure_after, stream, columns)
    write_wrapped(S.DECIDE_STEP_5, stream)
    answers.next_steps = checkbox(S.DECIDE_NEXT, [(c.label, c.id) for c in decide.next_steps], io)
    return answers


def _pick_options(content: Content, io: dict[str, Any]) -> list[str]:
    def between(chosen: list[str]) -> bool | str:
        if FEWEST_OPTIONS <= len(chosen) <= MOST_OPTIONS:
            return True
        return S.PICK_BETWEEN.format(least=FEWEST_OPTIONS, most=MOST_OPTIONS)

    return checkbox(
        S.PICK_OPTIONS.format(least=FEWEST_OPTIONS, most=MOST_OPTIONS),
        [(o.name, o.id) for o in content.options.values()],
        io,
        valid=between,
        hint=S.TICK_NEEDED_HINT,  # Enter alone can't skip this one
    )


def _what_may_help(
    decide: Any, answers: dict[str, bool], stream: IO[str], columns: int = 80
) -> None:
    """Right after the SURE test, one suggestion for each "no" (the content's own words)."""
    helps = what_may_help(decide, answers)
    if helps:
        text = f"\n{S.WHAT_MAY_HELP}:\n" + "\n".join(f"- {h}" for h in helps) + "\n"
        wrapped(text, stream, columns)


def _sure(decide: Any, io: dict[str, Any]) -> dict[str, bool]:
    answers: dict[str, bool] = {}
    for question in decide.sure:
        picked = choose(question.question, [_skip(), *S.YES_NO], io)
        if picked:
            answers[question.id] = picked == "yes"
    return answers
