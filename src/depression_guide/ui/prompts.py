"""The interactive questions: the only module that imports questionary.

Questions come from explore.yaml; this module only turns each one into a
prompt. Ctrl-C raises KeyboardInterrupt (we use unsafe_ask), which the CLI
turns into exit 130 with nothing saved.

Enter alone never records an answer the person did not choose: a
single-choice prompt starts on its "skip" entry, and a multiple-choice prompt
with nothing ticked is skipped.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.styles import Style

from depression_guide import strings as S
from depression_guide.content.model import Question
from depression_guide.logic.answers import Answer
from depression_guide.text_safety import cells, wrap

SKIPPED = "__skipped__"
# No colour and no bold: every class questionary styles is reset, so --plain,
# NO_COLOR and TERM=dumb get no attribute escape codes from the prompts.
PLAIN_STYLE = Style(
    [
        (name, "noinherit")
        for name in (
            "qmark",
            "question",
            "answer",
            "pointer",
            "highlighted",
            "selected",
            "separator",
            "instruction",
            "text",
            "disabled",
            "validation-toolbar",
        )
    ]
)


def fit_to_screen(text: str) -> str:
    """Wrap prompt text to the terminal: prompt_toolkit crops a long first line.

    Three columns are kept for the "? " in front of the first line; even at
    20 columns no character is cropped.
    """
    width = max(10, shutil.get_terminal_size((80, 24)).columns - 3)

    def fitted(line: str) -> str:
        if not line.isascii():  # display cells: Chinese characters take two
            return "\n".join(wrap(line, width, "", "  ")) or line
        wrapped = textwrap.wrap(line, width, subsequent_indent="  ", break_on_hyphens=False)
        return "\n".join(wrapped) or line

    return "\n".join(fitted(line) for line in text.split("\n"))


def _message(text: str, hint: str) -> str:
    # The hint on a line of its own, wrapped with the question: as questionary's
    # `instruction` it trails the question and breaks mid-word ("arro/w keys").
    return fit_to_screen(f"{text}\n{hint}")


def answered_height(message: str, answer: str, hint: str | None = "") -> int:
    """The lines a question takes once answered (its list of choices folds away);
    `hint` "" means the usual pick hint, None no hint."""
    from depression_guide.ui.output import text_height

    if hint == "":
        hint = S.PICK_HINT
    text = _message(message, hint) if hint else fit_to_screen(message)
    lines = text.split("\n")
    columns = shutil.get_terminal_size((80, 24)).columns
    last = f"? {lines[-1]} {answer}" if len(lines) == 1 else f"{lines[-1]} {answer}"
    return len(lines) - 1 + text_height(last, columns)


def waiting_height(question: Question) -> int:
    """The lines a single-choice question takes while it waits: its words, the
    hint, and every choice (a long label wraps onto more lines)."""
    options = [skip_entry(question)[0]] + [c.label for c in question.choices if not c.skip]
    asked = _message(prompt_of(question), S.PICK_HINT).count("\n") + 1
    return asked + sum(fit_label(label, 3).count("\n") + 1 for label in options)


def fit_label(label: str, indent: int) -> str:
    """A choice's label wrapped to the terminal, its lines under its start.

    prompt_toolkit crops a choice line at the screen's edge ("Skip this
    questio" at 20 columns); `indent` is what stands before the label (the
    pointer, and a tick box in a tick list).
    """
    width = max(8, shutil.get_terminal_size((80, 24)).columns - indent - 1)
    if cells(label) <= width:
        return label
    if label.isascii():
        lines = textwrap.wrap(label, width, break_on_hyphens=False) or [label]
    else:  # measured in display cells: a Chinese character takes two
        lines = wrap(label, width)
    return ("\n" + " " * indent).join(lines)


def choose(message: str, options: list[tuple[str, str]], io: dict[str, Any]) -> str:
    """One choice from (label, value) pairs, with the arrow keys; the first is the default."""
    choices = [questionary.Choice(fit_label(label, 3), value=value) for label, value in options]
    return str(
        _answer_on_screen(
            questionary.select(
                _message(message, S.PICK_HINT), choices=choices, instruction=" ", **io
            )
        ).unsafe_ask()
    )


def skip_entry(question: Question) -> tuple[str, str]:
    """The entry the cursor starts on: the question's own "prefer not to say", or "Skip"."""
    own = next((c for c in question.choices if c.skip), None)
    return (own.label if own else question.skip_label, SKIPPED)


def prompt_of(question: Question) -> str:
    """A question's words as asked: the prompt, and its help on the next line."""
    return question.prompt + (f"\n{question.help}" if question.help else "")


def ask_one(question: Question, io: dict[str, Any]) -> Answer | None:
    """Ask one question; None means skipped (nothing is recorded)."""
    prompt = prompt_of(question)
    if question.type == "single":
        options = [skip_entry(question)] + [(c.label, c.id) for c in question.choices if not c.skip]
        value = choose(prompt, options, io)
        return None if value == SKIPPED else value
    alone = {c.id: c.label for c in question.choices if c.exclusive}

    def valid(ticked: list[str]) -> bool | str:
        for choice_id, label in alone.items():
            if choice_id in ticked and len(ticked) > 1:
                return f'"{label}" goes alone: untick it or the others.'
        return True

    values = checkbox(prompt, [(c.label, c.id) for c in question.choices], io, valid)
    return tuple(values) or None


def checkbox(
    message: str,
    options: list[tuple[str, str]],
    io: dict[str, Any],
    valid: Any = None,
    hint: str = "",  # "" for the usual hint (strings.TICK_HINT, read when asked)
) -> list[str]:
    """Any number of (label, value) choices, ticked with Space; Enter alone picks none
    (unless `valid` refuses none: then give a `hint` that does not promise a skip)."""
    choices = [questionary.Choice(fit_label(label, 5), value=value) for label, value in options]
    extra = {"validate": valid} if valid else {}
    values = _echo_ticked(
        questionary.checkbox(
            _message(message, hint or S.TICK_HINT),
            choices=choices,
            instruction=" ",
            **extra,
            **io,
        )
    ).unsafe_ask()
    return [str(v) for v in values or []]


def _answer_on_screen(question: questionary.Question) -> questionary.Question:
    """Once a choice is made, its label goes after the hint, or below it when
    it would not fit there (prompt_toolkit crops the line: "choose.) Skip (sho")."""
    found = _prompt_parts(question)
    if found is None:
        return question
    line = found[1]
    tokens_of: Callable[[], list[tuple[str, str]]] = line.message

    def message() -> list[tuple[str, str]]:
        tokens = list(tokens_of())
        if tokens and tokens[-1][0] == "class:answer":
            before = "".join(text for _, text in tokens[:-1]).split("\n")[-1]
            answer = tokens[-1][1]
            columns = shutil.get_terminal_size((80, 24)).columns
            first = answer.split("\n")[0]
            if len(before) + len(first) + 1 > columns:
                indented = answer.replace("\n   ", "\n  ")
                tokens[-1] = ("class:answer", "\n  " + indented.lstrip())
        return tokens

    line.message = message
    return question


def _prompt_parts(question: questionary.Question) -> tuple[Any, Any] | None:
    """A questionary list prompt's choices and its prompt line, or None if its
    layout is not the one known (then prompts are left as questionary makes them)."""
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.shortcuts import PromptSession
    from questionary.prompts.common import InquirerControl

    controls = [window.content for window in question.application.layout.find_all_windows()]
    ticks = next((c for c in controls if isinstance(c, InquirerControl)), None)
    sessions = {
        id(owner): owner
        for c in controls
        if isinstance(c, FormattedTextControl)
        and isinstance(owner := getattr(c.text, "__self__", None), PromptSession)
    }
    line = next((p for p in sessions.values() if callable(p.message)), None)
    if ticks is None or line is None:
        return None
    return ticks, line


def _echo_ticked(question: questionary.Question) -> questionary.Question:
    """Show what was ticked once a tick list is answered, or that it was skipped.

    questionary leaves "done (2 selections)" (or "done" for none) on the screen,
    so the person can't see what was recorded, and "done" hides a skip. That
    text is fixed inside its prompt line, so the line's message (a function of
    the prompt session) is wrapped: its last token, the answer, becomes the
    ticked labels. If questionary's layout ever changes, the prompt is left as
    it is (tests/test_prompts.py notices).
    """
    found = _prompt_parts(question)
    if found is None:
        return question
    ticks, line = found
    tokens_of: Callable[[], list[tuple[str, str]]] = line.message

    def message() -> list[tuple[str, str]]:
        tokens = list(tokens_of())
        if ticks.is_answered and tokens and tokens[-1][0] == "class:answer":
            # A label wrapped for the list (fit_label) is one line again here.
            ticked = [" ".join(str(c.title).split()) for c in ticks.get_selected_values()]
            # On lines of its own, wrapped: after the hint it would be cropped
            # at the screen's edge ("Skipped (nothing t" at 40 columns).
            answer = fit_to_screen("  " + (S.LIST_SEPARATOR.join(ticked) or S.NOTHING_TICKED))
            tokens[-1] = ("class:answer", "\n" + answer)
        return tokens

    line.message = message
    return question


def confirm(message: str, io: dict[str, Any], default: bool = True) -> bool:
    return bool(questionary.confirm(fit_to_screen(message), default=default, **io).unsafe_ask())


def file_name(message: str, default: str, check: Any, io: dict[str, Any]) -> str:
    """A file name, with a suggestion; `check` returns True or what is wrong."""
    return str(
        questionary.text(fit_to_screen(message), default=default, validate=check, **io).unsafe_ask()
    )


def prompt_io(stream: Any, plain: bool, no_color: bool = False) -> dict[str, Any]:
    """Where prompts draw (the terminal, even when stdout goes to a file), and how.

    `plain` and `no_color` come from the settings (TERM=dumb and NO_COLOR included)."""
    from prompt_toolkit.output import create_output

    io: dict[str, Any] = {"output": create_output(stdout=stream)}
    if plain or no_color:
        io["style"] = PLAIN_STYLE
    if plain:
        io["qmark"] = ">"
    return io
