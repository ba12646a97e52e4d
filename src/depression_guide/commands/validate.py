"""`validate DIR`: check a content pack and report every problem."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from depression_guide.errors import ExitCode, GuideError

if TYPE_CHECKING:
    from depression_guide.content.checks import Report


def validate(
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
    from depression_guide.clock import today
    from depression_guide.content import Content
    from depression_guide.content.checks import check, stale_problems

    if not directory.is_dir():
        raise GuideError(f"'{directory}' is not a folder.", "Give the folder of a content pack.")
    content = Content(directory, str(directory).rstrip("/"))
    report = check(content)
    if not report.problems:  # dates can only be read from a pack that loads
        stale = stale_problems(content, today())
        if strict:
            report.problems += stale
        else:
            report.notices += [problem.message for problem in stale]
    _coverage(report)
    for notice in report.notices:
        sys.stderr.write(f"note: {notice}\n")
    if report.problems:
        for problem in report.problems:
            sys.stdout.write(f"{problem.message}\n")
        count = len(report.problems)
        sys.stderr.write(f"{count} problem{'s' if count != 1 else ''} found in '{directory}'.\n")
        raise typer.Exit(ExitCode.USAGE)
    sys.stdout.write(f"'{directory}' is a valid content pack.\n")


def _coverage(report: "Report") -> None:
    """Translation coverage: a percentage per language, then per file (on stderr,
    with the notices, so stdout stays the list of problems)."""
    for found in report.languages:
        stale = sum(len(c.stale) for c in found.files.values())
        missing = sum(len(c.missing) for c in found.files.values())
        sys.stderr.write(
            f"coverage {found.lang}: {found.percent:.0f}% ({found.current} of {found.total} "
            f"fields; {stale} stale, {missing} missing; stale and missing show English)\n"
        )
        for relative, cov in found.files.items():
            sys.stderr.write(
                f"  {relative}: {cov.percent:.0f}% ({len(cov.current)} of {cov.total}; "
                f"{len(cov.stale)} stale, {len(cov.missing)} missing)\n"
            )


def register(app: typer.Typer) -> None:
    app.command()(validate)
