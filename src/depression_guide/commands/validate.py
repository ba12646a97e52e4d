"""`validate DIR`: check a content pack and report every problem."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from depression_guide.errors import ExitCode, GuideError


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
) -> None:
    """Check a content pack: schema, ids, references, wording, reading level, balance.

    Lists every problem, not just the first. Exit 0 when clean, 2 otherwise.

    Examples:

    \b
      depression-guide validate my-clinic-pack
    """
    from depression_guide.commands.common import run_of
    from depression_guide.content import Content
    from depression_guide.content.checks import check, stale_problems

    if not directory.is_dir():
        raise GuideError(f"'{directory}' is not a folder.", "Give the folder of a content pack.")
    content = Content(directory, str(directory).rstrip("/"))
    report = check(content)
    if not report.problems:  # dates can only be read from a pack that loads
        stale = stale_problems(content, run_of(ctx).settings.today)
        if strict:
            report.problems += stale
        else:
            report.notices += [problem.message for problem in stale]
    for notice in report.notices:
        sys.stderr.write(f"note: {notice}\n")
    if report.problems:
        for problem in report.problems:
            sys.stdout.write(f"{problem.message}\n")
        count = len(report.problems)
        sys.stderr.write(f"{count} problem{'s' if count != 1 else ''} found in '{directory}'.\n")
        raise typer.Exit(ExitCode.USAGE)
    sys.stdout.write(f"'{directory}' is a valid content pack.\n")


def register(app: typer.Typer) -> None:
    app.command()(validate)
