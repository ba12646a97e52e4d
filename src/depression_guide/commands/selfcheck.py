"""`quiz`, `about` and `check phq9`."""

from pathlib import Path
from typing import Annotated

import typer

from depression_guide import strings as S
from depression_guide.commands.common import (
    ForceOpt,
    ResultFormat,
    ShowFormat,
    ShowFormatOpt,
    answers_option,
    optional_format_option,
    run_of,
    save_option,
    shown,
    with_display_options,
)
from depression_guide.present.outcome import Outcome

check_app = typer.Typer(
    name="check",
    help="Self-checks (not a diagnosis).",
    no_args_is_help=True,
)


@with_display_options()
def about(ctx: typer.Context, fmt: ShowFormatOpt = ShowFormat.text) -> Outcome:
    """Sources, corrections to the source article, review date, update policy, funding.

    Examples:

    \b
      depression-guide about --format markdown
    """
    from depression_guide.views.selfcheck import about_document

    return shown(ctx, fmt, lambda run: about_document(run.content), long=True)


@with_display_options()
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
) -> Outcome:
    """Test your knowledge: myth or fact? Each answer comes with what the evidence says.

    Examples:

    \b
      depression-guide quiz
      depression-guide quiz --reveal > handout.txt
    """
    from depression_guide.logic.selfcheck import parse_quiz, quiz_score
    from depression_guide.views.selfcheck import (
        quiz_results_document,
        quiz_reveal_document,
        quiz_score_document,
    )

    run = run_of(ctx)
    content = run.content
    items = content.quiz.items
    if reveal:
        return Outcome(run, lambda: quiz_reveal_document(content))
    if answers is not None:
        given = parse_quiz(answers, len(items))
        score = quiz_score(items, given)
        return Outcome(run, lambda: quiz_results_document(content, items, given, score))
    from depression_guide.ui.selfcheck_interview import ask_quiz

    asked = ask_quiz(run, S.QUIZ_HOW_ELSE)
    return Outcome(run, lambda: quiz_score_document(content, quiz_score(items, asked)))


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
) -> Outcome:
    """The PHQ-9 self-check: nine questions about the last two weeks. Not a diagnosis.

    Examples:

    \b
      depression-guide check phq9
      depression-guide check phq9 --answers 0,1,2,0,1,0,0,1,0
    """
    from depression_guide.logic.selfcheck import parse_phq9, score_phq9
    from depression_guide.present.outcome import save_to
    from depression_guide.views.selfcheck import phq9_document

    run = run_of(ctx)
    content = run.content
    target = save_to(save, fmt.value if fmt else None, ("text", "json"), force, S.WHAT_RESULT)
    if answers is not None:
        scores, difficulty = parse_phq9(answers)
    else:
        from depression_guide.ui.selfcheck_interview import ask_phq9

        scores, difficulty = ask_phq9(run, S.PHQ9_HOW_ELSE)
    result = score_phq9(content.phq9, scores, difficulty)
    return Outcome(
        run,
        lambda: phq9_document(content, result, run.region.code),
        fmt=(fmt or ResultFormat.text).value,
        at_risk=result.thoughts_of_harm,
        save=target,
    )


def register(app: typer.Typer) -> None:
    app.command()(quiz)
    app.add_typer(check_app)
    app.command()(about)
