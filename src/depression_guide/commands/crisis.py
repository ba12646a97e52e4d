"""`crisis`: the crisis and support lines for a region."""

from typing import Annotated

import typer

from depression_guide.commands.common import (
    ShowFormat,
    fmt_option,
    run_of,
    with_display_options,
)
from depression_guide.present.outcome import Ending, Outcome


@with_display_options()
def crisis(
    ctx: typer.Context,
    fmt: Annotated[ShowFormat, fmt_option()] = ShowFormat.text,
) -> Outcome:
    """Crisis and support lines for your region.

    Examples:

    \b
      depression-guide crisis --region UK
    """
    from depression_guide import views
    from depression_guide.document import Document

    run = run_of(ctx)
    # The page is the help lines themselves (ending with the short panel when
    # long), so the presenter adds no second copy.
    return Outcome(
        run,
        lambda: Document("Crisis and support lines").add(
            *views.crisis_blocks(run.content, run.region.code, hint=True)
        ),
        lambda: {
            "schema_version": views.JSON_SCHEMA_VERSION,
            **views.crisis_json(run.content, run.region.code),
        },
        fmt=fmt.value,
        ending=Ending.NONE,
    )


def register(app: typer.Typer) -> None:
    app.command()(crisis)
