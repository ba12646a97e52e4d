"""`decide`: weigh two to four options by what matters to you (OPDG, SURE test)."""

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
    "Give your answers with --answers FILE (YAML or JSON; '-' reads standard input), "
    "for example:  echo 'options: [cbt, ssri]' | depression-guide decide --answers -"
)


@with_display_options()
def decide(
    ctx: typer.Context,
    options: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[OPTION]...",
            help="Two to four options to weigh, e.g. cbt ssri exercise (asked if left out).",
            show_default=False,
        ),
    ] = None,
    answers_file: AnswersFileOpt = None,
    fmt: DocumentFormatOpt = None,
    save: Annotated[
        Path | None,
        save_option(
            "Also save your guide to a file (format from --format or the extension: "
            ".md .html .json .txt). Only you can read the file."
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Weigh two to four options by what matters to you, step by step.

    Follows the Ottawa Personal Decision Guide, with the SURE test before and
    after. It never adds up your answers or ranks the options. Press Ctrl-C at
    any time to stop; nothing is saved unless you ask.

    Examples:

    \b
      depression-guide decide cbt ssri exercise
      echo 'options: [cbt, ssri]' | depression-guide decide --answers - -f json
    """
    from depression_guide.clock import today
    from depression_guide.files import check_writable
    from depression_guide.logic.decide import (
        ANSWERS_HINT,
        DecideAnswers,
        check_answers,
        guide,
        option_ids,
    )

    run = run_of(ctx)
    content = run.content
    save_as = save_format(save, fmt.value if fmt else None, ("text", "markdown", "html", "json"))
    if save is not None:
        check_writable(save, force)  # fail before asking anything
    given = list(options or [])
    answers: DecideAnswers
    if answers_file is not None:
        from depression_guide.logic.answers import read_answers_file

        label, data = read_answers_file(answers_file, ANSWERS_HINT)
        answers = check_answers(data, content, label, given or None)
    else:
        picked = option_ids(content, given, "the options given") if given else []
        answers = _ask(run, picked)
    result = guide(content, answers, made=today())
    fmt_name = (fmt or ExploreFormat.text).value
    _print(run, result, fmt_name)
    save_or_offer(
        run,
        save,
        save_as,
        force,
        lambda as_fmt: _render(run, result, as_fmt),
        "your decision guide",
        "my-decision-guide",
        asked=answers_file is None,
    )


def _ask(run: Run, picked: list[str]) -> Any:
    from depression_guide.ui.decide_interview import ask_decide
    from depression_guide.ui.prompts import prompt_io

    stream = prompt_terminal(HOW_ELSE)
    run.say_draft(stream)
    return ask_decide(run.content, picked, stream, prompt_io(stream, run.plain, run.no_color))


def _render(run: Run, result: Any, fmt: str) -> str:
    import json

    from depression_guide.ui.output import render_as
    from depression_guide.views.decide import decide_document, decide_json

    if fmt == "json":
        data = run.checked_json(decide_json(run.content, result, run.region))
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return render_as(run.checked(decide_document(run.content, result, run.region)), fmt, PAGE)


def _print(run: Run, result: Any, fmt: str) -> None:
    from depression_guide.views.decide import decide_document, decide_json

    run.deliver(
        Result(
            lambda: decide_document(run.content, result, run.region),
            lambda: decide_json(run.content, result, run.region),
        ),
        fmt,
    )


def register(app: typer.Typer) -> None:
    app.command()(decide)
