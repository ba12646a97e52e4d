"""`crisis`: the crisis and support lines for a region."""

import typer

from depression_guide.commands.common import ShowFormat, ShowFormatOpt, shown, with_display_options
from depression_guide.document import Document
from depression_guide.present.outcome import Ending, Outcome
from depression_guide.ui.run import Run


@with_display_options()
def crisis(ctx: typer.Context, fmt: ShowFormatOpt = ShowFormat.text) -> Outcome:
    """Crisis and support lines for your region (every region's, if it is not set).

    Examples:

    \b
      depression-guide crisis --region UK
    """
    from depression_guide import strings as S
    from depression_guide.views.crisis import crisis_page

    def page(run: Run) -> Document:
        return crisis_page(run.content, run.region.code, S.CRISIS_TITLE)

    return shown(ctx, fmt, page, ending=Ending.NONE)


def register(app: typer.Typer) -> None:
    app.command()(crisis)
