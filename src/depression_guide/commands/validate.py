"""`validate DIR`: check a content pack and report every problem."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from depression_guide.errors import ExitCode, GuideError
from depression_guide.present.outcome import Outcome

if TYPE_CHECKING:
    from depression_guide.content.checks import Report


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
    notes = tuple(f"note: {notice}" for notice in report.notices) + _coverage(report)
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


def _coverage(report: "Report") -> tuple[str, ...]:
    """Translation coverage: a percentage per language, then per file (lines
    for stderr, with the notices, so stdout stays the list of problems)."""
    lines: list[str] = []
    for found in report.languages:
        stale = sum(len(c.stale) for c in found.files.values())
        missing = sum(len(c.missing) for c in found.files.values())
        lines.append(
            f"coverage {found.lang}: {found.percent}% ({found.current} of {found.total} "
            f"fields; {stale} stale, {missing} missing; stale and missing show English)"
        )
        for relative, cov in found.files.items():
            lines.append(
                f"  {relative}: {cov.percent}% ({len(cov.current)} of {cov.total}; "
                f"{len(cov.stale)} stale, {len(cov.missing)} missing)"
            )
    return tuple(lines)


def register(app: typer.Typer) -> None:
    app.command()(validate)
