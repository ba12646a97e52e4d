"""`decide`: weigh two to four options by what matters to you (OPDG, SURE test)."""

from pathlib import Path
from typing import Annotated

import typer

from depression_guide import strings as S
from depression_guide.commands import complete
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
def decide(
    ctx: typer.Context,
    options: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[OPTION]...",
            autocompletion=complete.topics("option"),
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
) -> Outcome:
    """Weigh two to four options by what matters to you, step by step.

    Follows the Ottawa Personal Decision Guide, with the SURE test before and
    after. It never adds up your answers or ranks the options. Press Ctrl-C at
    any time to stop; nothing is saved unless you ask.

    Examples:

    \b
      depression-guide decide cbt ssri exercise
      echo 'options: [cbt, ssri]' | depression-guide decide --answers - -f json
    """
    from depression_guide.logic.decide import (
        DecideAnswers,
        answers_hint,
        check_answers,
        guide,
        option_ids,
    )
    from depression_guide.present.outcome import OfferSave, Outcome, save_to
    from depression_guide.views.decide import decide_document

    run = run_of(ctx)
    formats = ("text", "markdown", "html", "json")
    target = save_to(save, fmt.value if fmt else None, formats, force, S.WHAT_DECISION_GUIDE)
    given = list(options or [])
    answers: DecideAnswers
    if answers_file is not None:
        from depression_guide.logic.answers import read_answers_file

        label, data = read_answers_file(answers_file, answers_hint())
        if isinstance(data, dict) and "region" in data:
            # The file's region is the run's (unless --region says otherwise).
            data = dict(data)
            run = run.with_answers_region(data.pop("region"))
        answers = check_answers(data, run.content, label, given or None)
    else:
        from depression_guide.ui.decide_interview import ask

        picked = option_ids(run.content, given, S.OPTIONS_GIVEN) if given else []
        answers = ask(run, picked, S.DECIDE_HOW_ELSE)
    result = guide(run.content, answers, made=run.settings.today)
    region = run.region.code
    return Outcome(
        run,
        lambda: decide_document(run.content, result, region),
        fmt=(fmt or ExploreFormat.text).value,
        save=target,
        offer=OfferSave("my-decision-guide", S.WHAT_DECISION_GUIDE)
        if answers_file is None
        else None,
    )


def register(app: typer.Typer) -> None:
    app.command()(decide)
