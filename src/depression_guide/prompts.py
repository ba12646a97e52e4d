"""The interactive questions: the only module that imports questionary.

Questions come from explore.yaml; this module only turns each one into a
prompt. Ctrl-C raises KeyboardInterrupt (we use unsafe_ask), which the CLI
turns into exit 130 with nothing saved.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.styles import Style

from depression_guide.answers import Answer, applies
from depression_guide.model import Question

PREFER_NOT = "__prefer_not__"
PLAIN_STYLE = Style([])  # no colours: for --plain and NO_COLOR


def fit_to_screen(text: str) -> str:
    """Wrap prompt text to the terminal: prompt_toolkit crops a long first line."""
    width = max(20, shutil.get_terminal_size((80, 24)).columns - 3)
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, subsequent_indent="  ")) or line
        for line in text.split("\n")
    )


def choose(message: str, options: list[tuple[str, str]], io: dict[str, Any]) -> str:
    """One choice from (label, value) pairs, with the arrow keys."""
    message = fit_to_screen(message)
    choices = [questionary.Choice(label, value=value) for label, value in options]
    return str(
        questionary.select(
            message, choices=choices, instruction="(use the arrow keys, then Enter)", **io
        ).unsafe_ask()
    )


def ask_one(question: Question, io: dict[str, Any]) -> Answer | None:
    """Ask one question; None means skipped ("prefer not to say")."""
    prompt = question.prompt + (f"\n  {question.help}" if question.help else "")
    if question.type == "single":
        options = [(c.label, c.id) for c in question.choices]
        if question.personal:
            options.append(("Prefer not to say", PREFER_NOT))
        value = choose(prompt, options, io)
        return None if value == PREFER_NOT else value
    choices = [questionary.Choice(c.label, value=c.id) for c in question.choices]
    values = questionary.checkbox(
        fit_to_screen(prompt),
        choices=choices,
        instruction="(Space to choose, Enter when done; Enter alone to skip)",
        **io,
    ).unsafe_ask()
    return tuple(values or ())


def confirm(message: str, io: dict[str, Any], default: bool = True) -> bool:
    return bool(questionary.confirm(fit_to_screen(message), default=default, **io).unsafe_ask())


def ask_all(
    questions: tuple[Question, ...],
    skip: set[str],
    on_risk: Callable[[str], bool],
    io: dict[str, Any] | None = None,
) -> dict[str, Answer] | None:
    """Ask every question that applies, in order. None if the person chose to stop.

    `on_risk` runs straight after the first question when the answer is
    yes or unsure: it shows the crisis lines and returns whether to go on.
    """
    io = dict(io or {})
    answers: dict[str, Answer] = {}
    for question in questions:
        if question.key in skip or not applies(question, answers):
            continue
        answer = ask_one(question, io)
        if answer is not None:
            answers[question.key] = answer
        if question.key == "risk_now" and answer in ("yes", "unsure") and not on_risk(answer):
            return None
    return answers


def prompt_io(stream: Any, plain: bool) -> dict[str, Any]:
    """Where prompts draw (the terminal, even when stdout goes to a file)."""
    from prompt_toolkit.output import create_output

    io: dict[str, Any] = {"output": create_output(stdout=stream)}
    if plain:
        io["style"] = PLAIN_STYLE
        io["qmark"] = ">"
    return io
