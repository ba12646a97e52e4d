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
    from depression_guide import views

    def page(run: Run) -> Document:
        # The page is the help lines themselves (ending with the short panel
        # when long), so the presenter adds no second copy.
        lines = views.crisis_blocks(run.content, run.region.code, hint=True)
        return Document(S.CRISIS_TITLE).add(*lines)

    def data(run: Run) -> dict[str, object]:
        lines = views.crisis_json(run.content, run.region.code)
        return {"schema_version": views.JSON_SCHEMA_VERSION, **lines}

    return shown(ctx, fmt, page, data, ending=Ending.NONE)


def register(app: typer.Typer) -> None:
    app.command()(crisis)
