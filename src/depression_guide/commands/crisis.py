"""`crisis`: the crisis and support lines for a region."""

from typing import Annotated

import typer

from depression_guide.commands.common import (
    ShowFormat,
    fmt_option,
    run_of,
    with_display_options,
)
from depression_guide.ui.run import Result


@with_display_options()
def crisis(
    ctx: typer.Context,
    fmt: Annotated[ShowFormat, fmt_option()] = ShowFormat.text,
) -> None:
    """Crisis and support lines for your region.

    Examples:

    \b
      depression-guide crisis --region UK
    """
    from depression_guide import strings, views
    from depression_guide.document import Document

    run = run_of(ctx)
    result = Result(
        lambda: Document(strings.CRISIS_TITLE).add(*views.crisis_blocks(run.content, run.region)),
        lambda: {
            "schema_version": views.JSON_SCHEMA_VERSION,
            **views.crisis_json(run.content, run.region),
        },
    )
    run.deliver(result, fmt.value)


def register(app: typer.Typer) -> None:
    app.command()(crisis)
