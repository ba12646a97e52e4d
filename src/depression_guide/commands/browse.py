"""`topics` and `show`: browse the options and background topics."""

from typing import Annotated

import typer

from depression_guide.commands import complete
from depression_guide.commands.common import (
    ShowFormat,
    ShowFormatOpt,
    fmt_option,
    run_of,
    shown,
    with_display_options,
)
from depression_guide.document import Document
from depression_guide.present.outcome import Ending, Outcome
from depression_guide.ui.run import Run


@with_display_options()
def topics(ctx: typer.Context, fmt: ShowFormatOpt = ShowFormat.text) -> Outcome:
    """List categories and topic ids.

    Examples:

    \b
      depression-guide topics --format json
    """
    from depression_guide.views.topics import topic_list_document

    def page(run: Run) -> Document:
        return topic_list_document(run.content)

    return shown(ctx, fmt, page, ending=Ending.NONE)


@with_display_options()
def show(
    ctx: typer.Context,
    topic: Annotated[
        list[str],
        typer.Argument(
            metavar="TOPIC",
            autocompletion=complete.topics("category", "option", "background"),
            help="Option, category or background topic ids (see 'topics').",
            show_default=False,
        ),
    ],
    fmt: Annotated[ShowFormat, fmt_option()] = ShowFormat.text,
) -> Outcome:
    """Print summaries of options, categories or background topics.

    Examples:

    \b
      depression-guide show cbt
      depression-guide show ssri exercise --format markdown
    """
    from depression_guide import views
    from depression_guide.logic.topics import resolve

    run = run_of(ctx)
    chosen = resolve(run.content, topic)
    return Outcome(
        run,
        lambda: views.topics_document(run.content, chosen, run.region.code),
        fmt=fmt.value,
        long=len(chosen) > 1 or any(t.kind == "category" for t in chosen),
    )


@with_display_options()
def compare(
    ctx: typer.Context,
    option: Annotated[
        list[str],
        typer.Argument(
            metavar="OPTION",
            autocompletion=complete.topics("option", "category"),
            show_default=False,
            help="Two to four option ids, or one category id (see 'topics').",
        ),
    ],
    fmt: Annotated[ShowFormat, fmt_option()] = ShowFormat.text,
) -> Outcome:
    """Compare options side by side: the same questions for each.

    On a narrow screen (under 100 columns) or in a pipe the grid is stacked, so
    nothing is cut.

    Examples:

    \b
      depression-guide compare cbt ssri exercise
      depression-guide compare psychotherapy
    """
    from depression_guide.logic.topics import resolve
    from depression_guide.views.compare import chosen_options, compare_document

    run = run_of(ctx)
    options = chosen_options(run.content, resolve(run.content, option))
    return Outcome(
        run,
        lambda: compare_document(run.content, options, run.region.code),
        fmt=fmt.value,
    )


def register(app: typer.Typer) -> None:
    app.command()(topics)
    app.command()(show)
    app.command()(compare)
