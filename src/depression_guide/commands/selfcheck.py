"""`quiz`, `about` and `check phq9`."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from depression_guide import strings as S
from depression_guide.commands.common import (
    PAGE,
    ForceOpt,
    ResultFormat,
    ShowFormat,
    answers_option,
    fmt_option,
    optional_format_option,
    prompt_terminal,
    run_of,
    save_format,
    save_option,
    save_private,
    with_display_options,
)
from depression_guide.ui.run import Result

check_app = typer.Typer(
    name="check",
    help="Self-checks (not a diagnosis).",
    no_args_is_help=True,
)


@with_display_options(region=False)
def about(
    ctx: typer.Context,
    fmt: Annotated[ShowFormat, fmt_option()] = ShowFormat.text,
) -> None:
    """Sources, corrections to the source article, review date, update policy, funding.

    Examples:

    \b
      depression-guide about --format markdown
    """
    from depression_guide.views.selfcheck import about_document, about_json

    run = run_of(ctx)
    result = Result(lambda: about_document(run.content), lambda: about_json(run.content), long=True)
    run.deliver(result, fmt.value)


@with_display_options(region=False)
def quiz(
    ctx: typer.Context,
    answers: Annotated[
        str | None,
        answers_option(
            "LIST", "Answer without prompts: myth, fact or partly per statement, comma-separated."
        ),
    ] = None,
    reveal: Annotated[
        bool,
        typer.Option(
            "--reveal",
            help="Print every statement with its answer (for handing out).",
        ),
    ] = False,
) -> None:
    """Test your knowledge: myth or fact? Each answer comes with what the evidence says.

    Examples:

    \b
      depression-guide quiz
      depression-guide quiz --reveal > handout.txt
    """
    from depression_guide.logic.selfcheck import parse_quiz, quiz_score
    from depression_guide.views.selfcheck import (
        quiz_feedback,
        quiz_reveal_document,
        quiz_score_document,
    )

    run = run_of(ctx)
    content = run.content
    items = content.quiz.items
    if reveal:
        run.show(quiz_reveal_document(content))
        return
    if answers is not None:
        given = parse_quiz(answers, len(items))
        for item, answer in zip(items, given, strict=True):
            run.show(quiz_feedback(content, item, answer))
        run.show(quiz_score_document(content, quiz_score(items, given)))
        return
    given = _ask_quiz(run, items)
    run.show(quiz_score_document(content, quiz_score(items, given)))


def _ask_quiz(run: Any, items: Any) -> tuple[str, ...]:
    from depression_guide.logic.selfcheck import QUIZ_CHOICES
    from depression_guide.ui.output import screen_for, show, write_wrapped
    from depression_guide.ui.prompts import choose, prompt_io
    from depression_guide.views.selfcheck import quiz_feedback

    stream = prompt_terminal("Use --answers myth,fact,... or --reveal to see them all.")
    screen = screen_for(stream, run.plain, run.no_color)
    run.say_draft(stream)
    write_wrapped(f"{run.content.quiz.intro}\n{S.CTRL_C}\n\n", stream)
    io = prompt_io(stream, run.plain, run.no_color)
    options = [(label, value) for value, label in QUIZ_CHOICES.items()]
    given = []
    for number, item in enumerate(items, start=1):
        answer = choose(
            S.OF_TOTAL.format(number=number, total=len(items), text=item.statement), options, io
        )
        given.append(answer)
        show(quiz_feedback(run.content, item, answer), screen, stream)
    return tuple(given)


@check_app.command("phq9")
@with_display_options()
def phq9(
    ctx: typer.Context,
    answers: Annotated[
        str | None,
        answers_option(
            "LIST", "Nine scores 0-3, comma-separated, and optionally a tenth (0-3) for item 10."
        ),
    ] = None,
    fmt: Annotated[
        ResultFormat | None, optional_format_option("Output format: text (default) or json.")
    ] = None,
    save: Annotated[
        Path | None,
        save_option("Also save the result (.txt or .json). Only you can read the file."),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """The PHQ-9 self-check: nine questions about the last two weeks. Not a diagnosis.

    Examples:

    \b
      depression-guide check phq9
      depression-guide check phq9 --answers 0,1,2,0,1,0,0,1,0
    """
    from depression_guide.files import check_writable
    from depression_guide.logic.selfcheck import parse_phq9, score_phq9
    from depression_guide.ui.output import render_as
    from depression_guide.views.selfcheck import phq9_document, phq9_json

    run = run_of(ctx)
    content = run.content
    save_as = save_format(save, fmt.value if fmt else None, ("text", "json"))
    if save is not None:
        check_writable(save, force)
    if answers is not None:
        scores, difficulty = parse_phq9(answers)
    else:
        scores, difficulty = _ask_phq9(run)
    result = score_phq9(content.phq9, scores, difficulty)
    document = phq9_document(content, result, run.region)
    run.deliver(
        Result(lambda: document, lambda: phq9_json(content, result, run.region)),
        (fmt or ResultFormat.text).value,
    )
    if result.thoughts_of_harm:
        run.alert_if_piped(run.region)
    if save is not None and save_as is not None:
        text = (
            json.dumps(run.checked_json(phq9_json(content, result, run.region)), indent=2) + "\n"
            if save_as == "json"
            else render_as(run.checked(document), "text", PAGE)
        )
        save_private(save, text, force, "your result")


def _ask_phq9(run: Any) -> tuple[tuple[int, ...], int | None]:
    from depression_guide.ui.output import write_wrapped
    from depression_guide.ui.prompts import choose, prompt_io

    phq9 = run.content.phq9
    stream = prompt_terminal(
        "Use --answers with nine numbers from 0 to 3, e.g. --answers 0,1,2,0,1,0,0,1,0"
    )
    if S.lang != "en":  # the questions stay as published, and we say why
        run.say_draft(stream)
        write_wrapped(S.PHQ9_IN_ENGLISH + "\n\n", stream)
    write_wrapped(S.PHQ9_INTRO.format(stem=phq9.stem), stream)
    io = prompt_io(stream, run.plain, run.no_color)
    # The cursor starts on no answer: Enter alone must never score an item.
    options = [(S.PHQ9_NO_ANSWER, "")] + [
        (f"{label} ({score})", str(score)) for score, label in enumerate(phq9.answers)
    ]

    def ask(n: int, item: str) -> int:
        while not (picked := choose(S.OF_TOTAL.format(number=n, total=9, text=item), options, io)):
            write_wrapped(S.PHQ9_CHOOSE_ONE, stream)
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


def register(app: typer.Typer) -> None:
    app.command()(quiz)
    app.add_typer(check_app)
    app.command()(about)
