"""`quiz` and `check phq9` at a terminal: the questions, one at a time.

Every PHQ-9 item starts on no answer: Enter alone never scores an item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from depression_guide import strings as S
from depression_guide.ui.output import screen_for, show, write_wrapped
from depression_guide.ui.prompts import choose, prompt_io

if TYPE_CHECKING:
    from depression_guide.ui.run import Run


def ask_quiz(run: Run, how_else: str) -> tuple[str, ...]:
    """Each statement in turn, with what the evidence says straight after it."""
    from depression_guide.views.selfcheck import quiz_feedback

    stream = run.prompt_stream(how_else)
    screen = screen_for(stream, run.settings)
    run.say_draft(stream)
    write_wrapped(f"{run.content.quiz.intro}\n{S.CTRL_C}\n\n", stream, screen.width)
    io = prompt_io(stream, run.plain, run.no_color)
    options = [(label, value) for value, label in S.QUIZ_CHOICES.items()]
    items = run.content.quiz.items
    given = []
    for number, item in enumerate(items, start=1):
        answer = choose(
            S.OF_TOTAL.format(number=number, total=len(items), text=item.statement), options, io
        )
        given.append(answer)
        show(quiz_feedback(run.content, item, answer), screen, stream)
    return tuple(given)


def ask_phq9(run: Run, how_else: str) -> tuple[tuple[int, ...], int | None]:
    """The nine items, then (if any scored above 0) how difficult things have been."""
    phq9 = run.content.phq9
    stream = run.prompt_stream(how_else)
    width = run.settings.width
    if S.lang != "en":  # the questions stay as published, and we say why
        run.say_draft(stream)
        write_wrapped(S.PHQ9_IN_ENGLISH + "\n\n", stream, width)
    write_wrapped(S.PHQ9_INTRO.format(stem=phq9.stem), stream, width)
    io = prompt_io(stream, run.plain, run.no_color)
    # The cursor starts on no answer: Enter alone must never score an item.
    options = [(S.PHQ9_NO_ANSWER, "")] + [
        (f"{label} ({score})", str(score)) for score, label in enumerate(phq9.answers)
    ]

    def ask(n: int, item: str) -> int:
        while not (picked := choose(S.OF_TOTAL.format(number=n, total=9, text=item), options, io)):
            write_wrapped(S.PHQ9_CHOOSE_ONE, stream, width)
        return int(picked)

    scores = tuple(ask(n, item) for n, item in enumerate(phq9.items, 1))
    difficulty: int | None = None
    if any(scores):
        picked = choose(
            phq9.difficulty_question,
            [(S.PREFER_NOT, "skip")] + [(a, str(i)) for i, a in enumerate(phq9.difficulty_answers)],
            io,
        )
        difficulty = None if picked == "skip" else int(picked)
    return scores, difficulty
