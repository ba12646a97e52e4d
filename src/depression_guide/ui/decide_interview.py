"""`decide` at a terminal: the Ottawa Personal Decision Guide's steps, asked.

Every prompt starts on "Skip": Enter alone records nothing. Ctrl-C stops and
leaves nothing behind (nothing is written until the person asks).
"""

from __future__ import annotations

from typing import IO, Any

from depression_guide.content import Content
from depression_guide.logic.decide import FEWEST_OPTIONS, MOST_OPTIONS, DecideAnswers, reasons
from depression_guide.ui.output import write_wrapped
from depression_guide.ui.prompts import checkbox, choose

SKIP = ("Skip", "")
YES_NO = [SKIP, ("Yes", "yes"), ("No", "no")]
RATINGS = [
    SKIP,
    ("0 stars: does not matter", "0"),
    ("1 star", "1"),
    ("2 stars", "2"),
    ("3 stars", "3"),
    ("4 stars", "4"),
    ("5 stars: matters a lot", "5"),
]


def ask_decide(
    content: Content, options: list[str], stream: IO[str], io: dict[str, Any]
) -> DecideAnswers:
    """Ask the five steps; `options` (2 to 4 ids) when given on the command line."""
    decide = content.decide
    write_wrapped(f"{decide.intro}\nPress Ctrl-C at any time to stop.\n\n", stream)
    answers = DecideAnswers(options=options or _pick_options(content, io))
    write_wrapped("\nStep 1. The decision: " + decide.decision + "\n", stream)
    answers.stage = (
        choose("How far along are you?", [SKIP, *((c.label, c.id) for c in decide.stages)], io)
        or None
    )
    write_wrapped("\nStep 2. Your role.\n", stream)
    answers.role = (
        choose(
            "How would you like to decide?", [SKIP, *((c.label, c.id) for c in decide.roles)], io
        )
        or None
    )
    write_wrapped("\nStep 3. How sure do you feel now? Four yes-or-no questions.\n", stream)
    answers.sure_before = _sure(decide, io)
    write_wrapped(
        "\nStep 4. Weigh the options. For each reason, how much does it matter to you?\n",
        stream,
    )
    for option_id in answers.options:
        option = content.options[option_id]
        given: dict[str, int] = {}
        for reason, side in reasons(option):
            kind = "A reason to choose" if side == "for" else "A reason to avoid"
            picked = choose(f"{option.name}. {kind} it:\n{reason.text}", RATINGS, io)
            if picked:
                given[reason.id] = int(picked)
        answers.ratings[option_id] = given
    write_wrapped("\nNow the same four questions again.\n", stream)
    answers.sure_after = _sure(decide, io)
    write_wrapped("\nStep 5. Plan your next steps.\n", stream)
    answers.next_steps = checkbox(
        "What would you like to do next? (Choose any.)",
        [(c.label, c.id) for c in decide.next_steps],
        io,
    )
    return answers


def _pick_options(content: Content, io: dict[str, Any]) -> list[str]:
    def between(chosen: list[str]) -> bool | str:
        if FEWEST_OPTIONS <= len(chosen) <= MOST_OPTIONS:
            return True
        return f"Choose {FEWEST_OPTIONS} to {MOST_OPTIONS} options."

    return checkbox(
        f"Which options are you thinking about? (Choose {FEWEST_OPTIONS} to {MOST_OPTIONS}.)",
        [(o.name, o.id) for o in content.options.values()],
        io,
        valid=between,
    )


def _sure(decide: Any, io: dict[str, Any]) -> dict[str, bool]:
    answers: dict[str, bool] = {}
    for question in decide.sure:
        picked = choose(question.question, YES_NO, io)
        if picked:
            answers[question.id] = picked == "yes"
    return answers
