"""`explore`: the guided walk-through, safety first, with a summary to take to a GP."""

from pathlib import Path
from typing import Annotated

import typer

from depression_guide import strings as S
from depression_guide.commands.common import (
    AnswersFileOpt,
    DocumentFormatOpt,
    ExploreFormat,
    ForceOpt,
    run_of,
    save_option,
    with_display_options,
)
from depression_guide.present.outcome import Outcome


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
            "Markdown files always have it; a saved HTML page prints it only with --detail).",
        ),
    ] = False,
) -> Outcome | None:
    """The guided walk-through: a few questions, then the options that fit.

    The first question asks about your safety. Enter alone skips a question.
    Press Ctrl-C at any time to stop; nothing is saved unless you ask.

    Examples:

    \b
      depression-guide explore
      depression-guide explore --save summary.md
      echo 'risk_now: no' | depression-guide explore --answers - -f json
    """
    from depression_guide.logic.answers import load_answers
    from depression_guide.logic.explore import summarise
    from depression_guide.present.outcome import OfferSave, Outcome, save_to
    from depression_guide.views.summary import summary_document

    run = run_of(ctx)
    questions = run.content.explore.questions
    formats = ("text", "markdown", "html", "json")
    target = save_to(save, fmt.value if fmt else None, formats, force, S.WHAT_SUMMARY)
    if answers_file is not None:
        answers = load_answers(answers_file, questions)
    else:
        from depression_guide.ui.interview import ask_explore

        interviewed = ask_explore(run, save, S.EXPLORE_HOW_ELSE)
        if interviewed is None:
            return None
        answers = interviewed
    # One region for the whole run: --region, then the answers, then the
    # environment; the recap, notes and next steps all see the same one.
    run = run.with_answers_region(answers.get("region"))
    region = run.region.code
    answers = {key: value for key, value in answers.items() if key != "region"}
    if region is not None:
        answers["region"] = region
    summary = summarise(run.content, answers, region, made=run.settings.today)
    return Outcome(
        run,
        lambda: summary_document(run.content, summary, detail=detail),
        fmt=(fmt or ExploreFormat.text).value,
        at_risk=summary.at_risk,
        youth=summary.youth_lines,
        long=detail,
        save=target,
        # HTML and Markdown files, made to be kept and shared, always carry
        # every option in full after the overview. In HTML it is a section the
        # reader opens, printed only when open: a GP's printout is the
        # overview, unless saved with --detail.
        file_document=lambda as_fmt: summary_document(
            run.content,
            summary,
            detail=detail or as_fmt in ("html", "markdown"),
            fold="open" if detail else "closed",
        ),
        offer=OfferSave("depression-summary", S.WHAT_SUMMARY) if answers_file is None else None,
    )


def register(app: typer.Typer) -> None:
    app.command()(explore)
