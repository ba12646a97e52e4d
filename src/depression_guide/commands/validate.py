"""`validate DIR`: check a content pack and report every problem."""

from pathlib import Path
from typing import Annotated

import typer

from depression_guide.errors import ExitCode, GuideError
from depression_guide.present.outcome import Outcome


def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The content pack folder (same layout as data/).",
            show_default=False,
        ),
    ],
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Treat out-of-date content (review date passed, crisis lines checked more "
            "than 12 months ago) as errors, not notices.",
        ),
    ] = False,
) -> Outcome:
    """Check a content pack: schema, ids, references, wording, reading level, balance.

    Lists every problem, not just the first. Exit 0 when clean, 2 otherwise.

    Examples:

    \b
      depression-guide validate my-clinic-pack
    """
    from depression_guide.commands.common import run_of
    from depression_guide.content import Content
    from depression_guide.content.checks import check, stale_problems
    from depression_guide.present.outcome import Ending, Outcome

    if not directory.is_dir():
        raise GuideError(f"'{directory}' is not a folder.", "Give the folder of a content pack.")
    run = run_of(ctx)
    content = Content(directory, str(directory).rstrip("/"))
    report = check(content)
    if not report.problems:  # dates can only be read from a pack that loads
        stale = stale_problems(content, run.settings.today)
        if strict:
            report.problems += stale
        else:
            report.notices += [problem.message for problem in stale]
    notes = tuple(f"note: {notice}" for notice in report.notices)
    if report.problems:
        count = len(report.problems)
        return Outcome(
            run,
            text="".join(f"{problem.message}\n" for problem in report.problems),
            ending=Ending.NONE,
            notes=(*notes, f"{count} problem{'s' if count != 1 else ''} found in '{directory}'."),
            exit_code=ExitCode.USAGE,
        )
    return Outcome(
        run,
        text=f"'{directory}' is a valid content pack.\n",
        ending=Ending.NONE,
        notes=notes,
    )


def register(app: typer.Typer) -> None:
    app.command()(validate)
