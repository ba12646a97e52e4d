"""`explore`: the guided walk-through, safety first, with a summary to take to a GP."""

from pathlib import Path
from typing import Annotated, Any

import typer

from depression_guide.commands.common import (
    PAGE,
    AnswersFileOpt,
    DocumentFormatOpt,
    ExploreFormat,
    ForceOpt,
    prompt_terminal,
    run_of,
    save_format,
    save_option,
    save_or_offer,
    with_display_options,
)
from depression_guide.ui.run import Result, Run

HOW_ELSE = (
    "Give your answers with --answers FILE (YAML or JSON; '-' reads standard "
    "input), for example:  echo 'risk_now: no' | depression-guide explore --answers -"
)


@with_display_options()
def explore(
    ctx: typer.Context,
    answers_file: AnswersFileOpt = None,
    fmt: DocumentFormatOpt = None,
    save: Annotated[
        Path | None,
        save_option(
            "Also save the summary to a file (format from --format or the extension: "
            ".md .html .json .txt). Only you can read the file."
        ),
    ] = None,
    force: ForceOpt = False,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Add every option's full section after the overview (saved HTML and "
            "Markdown files always have it).",
        ),
    ] = False,
) -> None:
    """The guided walk-through: a few questions, then the options that fit.

    The first question asks about your safety. Enter alone skips a question.
    Press Ctrl-C at any time to stop; nothing is saved unless you ask.

    Examples:

    \b
      depression-guide explore
      depression-guide explore --save summary.md
      echo 'risk_now: no' | depression-guide explore --answers - -f json
    """
    from depression_guide.files import check_writable
    from depression_guide.logic.answers import load_answers
    from depression_guide.logic.explore import summarise
    from depression_guide.ui.run import region_code

    run = run_of(ctx)
    questions = run.content.explore.questions
    save_as = save_format(save, fmt.value if fmt else None, ("text", "markdown", "html", "json"))
    if save is not None:
        check_writable(save, force)  # fail before asking anything
    if answers_file is not None:
        answers = load_answers(answers_file, questions)
    else:
        interviewed = _interview(run, save)
        if interviewed is None:
            return
        answers = interviewed
    answered_region = answers.get("region")
    given = run.region_flag or (answered_region if isinstance(answered_region, str) else None)
    region_known = bool(given) or run.region_given
    code = region_code(given, run.content.region_codes)
    if region_known:
        answers.setdefault("region", code)
    run.about_region(code if region_known else None)
    from depression_guide.clock import today

    summary = summarise(run.content, answers, code, region_known, made=today())
    fmt_name = (fmt or ExploreFormat.text).value
    _print(run, summary, fmt_name, detail)
    if summary.at_risk:
        run.alert_if_piped(summary.region if region_known else None)
    save_or_offer(
        run,
        save,
        save_as,
        force,
        lambda as_fmt: _render(run, summary, as_fmt, PAGE, detail),
        "the summary",
        "depression-summary",
        asked=answers_file is None,
    )


def _render(run: Run, summary: Any, fmt: str, screen: Any, detail: bool = False) -> str:
    """The summary as a file's text. HTML and Markdown files, made to be kept
    and shared, always carry every option in full after the overview."""
    import json

    from depression_guide.ui.output import render_as
    from depression_guide.views.summary import summary_document, summary_json

    if fmt == "json":
        data = run.checked_json(summary_json(run.content, summary))
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    full = detail or fmt in ("html", "markdown")
    return render_as(run.checked(summary_document(run.content, summary, detail=full)), fmt, screen)


def _print(run: Run, summary: Any, fmt: str, detail: bool) -> None:
    from depression_guide import views
    from depression_guide.views.summary import summary_document, summary_json

    region = summary.region if summary.region_known else None
    result = Result(
        lambda: summary_document(run.content, summary, detail=detail),
        lambda: summary_json(run.content, summary),
        long=detail,
        footer=lambda: views.footer(run.content, region),
    )
    run.deliver(result, fmt)


def _interview(run: Run, save: Path | None) -> dict[str, Any] | None:
    """Ask the questions at the terminal. None if the person chose to stop."""
    from depression_guide.ui.interview import interview
    from depression_guide.ui.output import screen_for, write_wrapped
    from depression_guide.ui.prompts import prompt_io

    stream = prompt_terminal(HOW_ELSE)
    screen = screen_for(stream, run.plain, run.no_color)
    from depression_guide import strings as S

    saving = S.SAVED_AT_THE_END.format(path=save) if save else S.NOTHING_SAVED_UNLESS
    run.say_draft(stream)
    write_wrapped(S.EXPLORE_INTRO.format(saving=saving), stream)
    region = run.region if run.region_given else None
    return interview(
        run.content, region, stream, screen, prompt_io(stream, run.plain, run.no_color)
    )


def register(app: typer.Typer) -> None:
    app.command()(explore)
