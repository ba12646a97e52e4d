"""`explore`: the guided walk-through, safety first, with a summary to take to a GP."""

from pathlib import Path
from typing import Annotated, Any

import typer

from depression_guide.commands.common import (
    PAGE,
    ExploreFormat,
    ForceOpt,
    NoColorOpt,
    PlainOpt,
    RegionOpt,
    answers_option,
    optional_format_option,
    prompt_terminal,
    run_of,
    save_format,
    save_option,
    save_private,
)
from depression_guide.run import Run

HOW_ELSE = (
    "Give your answers with --answers FILE (YAML or JSON; '-' reads standard "
    "input). See examples/answers.yaml."
)


FORMAT_HELP = "Output format: text (default), markdown, html, json."
SAVE_HELP = (
    "Also save the summary to a file (format from --format or the extension: "
    ".md .html .json .txt). Only you can read the file."
)


def explore(
    ctx: typer.Context,
    answers_file: Annotated[
        str | None,
        answers_option(
            "FILE", "Answer from a YAML or JSON file ('-' for standard input) instead of prompts."
        ),
    ] = None,
    fmt: Annotated[
        ExploreFormat | None,
        optional_format_option("Output format: text (default), markdown, html, json."),
    ] = None,
    save: Annotated[
        Path | None,
        save_option(
            "Also save the summary to a file (format from --format or the extension: "
            ".md .html .json .txt). Only you can read the file."
        ),
    ] = None,
    force: ForceOpt = False,
    region: RegionOpt = None,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """The guided walk-through: a few questions, then the options that fit.

    The first question asks about your safety. Personal questions can be skipped.
    Press Ctrl-C at any time to stop; nothing is saved.

    Examples:

    \b
      depression-guide explore
      depression-guide explore --save summary.md
      depression-guide explore --answers examples/answers.yaml --format json
    """
    from depression_guide.answers import load_answers
    from depression_guide.explore import summarise
    from depression_guide.files import check_writable
    from depression_guide.run import region_code

    run = run_of(ctx, region, plain, no_color)
    questions = run.content.explore.questions
    save_as = save_format(save, fmt.value if fmt else None, ("text", "markdown", "html", "json"))
    if save is not None:
        check_writable(save, force)  # fail before asking anything
    if answers_file is not None:
        answers = load_answers(answers_file, questions)
    else:
        interviewed = _interview(run)
        if interviewed is None:
            return
        answers = interviewed
    answered_region = answers.get("region")
    code = region_code(
        run.region_flag or (answered_region if isinstance(answered_region, str) else None)
    )
    answers.setdefault("region", code)
    summary = summarise(run.content, answers, code)
    _print(run, summary, (fmt or ExploreFormat.text).value)
    if save is not None and save_as is not None:
        save_private(save, _render(run, summary, save_as, PAGE), force, "the summary")


def _render(run: Run, summary: Any, fmt: str, screen: Any) -> str:
    import json

    from depression_guide.output import render_as
    from depression_guide.summary_view import summary_document, summary_json

    if fmt == "json":
        return json.dumps(summary_json(run.content, summary), indent=2, ensure_ascii=False) + "\n"
    return render_as(summary_document(run.content, summary), fmt, screen)


def _print(run: Run, summary: Any, fmt: str) -> None:
    from depression_guide.output import write
    from depression_guide.summary_view import summary_document

    if fmt == "json":
        write(_render(run, summary, fmt, run.screen))
    else:
        run.emit(summary_document(run.content, summary), fmt)


def _interview(run: Run) -> dict[str, Any] | None:
    """Ask the questions at the terminal. None if the person chose to stop."""
    from depression_guide import views
    from depression_guide.document import Document, Paragraph
    from depression_guide.output import screen_for, show, write_wrapped
    from depression_guide.prompts import ask_all, prompt_io

    stream = prompt_terminal(HOW_ELSE)
    screen = screen_for(stream, run.plain, run.no_color)
    write_wrapped(
        "A few questions about your situation. You can skip the personal ones.\n"
        "Press Ctrl-C at any time to stop; nothing is saved.\n\n",
        stream,
    )

    def on_risk(_: str) -> bool:
        # Safety first: the crisis lines before anything else, then a choice.
        region = run.region if run.region_given else "AU"
        panel = Document("Thank you for telling us").add(
            Paragraph("You are not alone, and help is available right now, day or night."),
            views.crisis_callout(run.content, region, support=False),
        )
        if not run.region_given:
            other = views.crisis_callout(run.content, "OTHER", full=False)
            panel.add(other)
        show(panel, screen, stream)
        from depression_guide.prompts import confirm

        carry_on = confirm(
            "Would you like to carry on to the treatment options?", prompt_io(stream, run.plain)
        )
        if not carry_on:
            write_wrapped("\nThat's okay. These lines are there for you any time.\n", stream)
        return carry_on

    skip = {"region"} if run.region_given else set()
    return ask_all(run.content.explore.questions, skip, on_risk, prompt_io(stream, run.plain))


def register(app: typer.Typer) -> None:
    app.command()(explore)
