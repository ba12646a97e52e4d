"""What every command shares: display options, format options, this run's settings."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from depression_guide.run import Run

# Options that every command also takes after its name, e.g. `crisis --region UK`.
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="CODE",
        show_default=False,
        help="AU (default), US, UK, CA, NZ, IE or OTHER. Also DEPRESSION_GUIDE_REGION.",
    ),
]
PlainOpt = Annotated[
    bool, typer.Option("--plain", help="Screen-reader friendly: no boxes, colour or pictures.")
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR).")]


def run_of(
    ctx: typer.Context, region: str | None = None, plain: bool = False, no_color: bool = False
) -> Run:
    """This run's settings: options after the command win over those before it."""
    run: Run = ctx.find_root().obj
    run.region_flag = region or run.region_flag
    run.plain = plain or run.plain
    run.no_color = no_color or run.no_color
    return run


class ShowFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class ExploreFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class ReferenceFormat(StrEnum):
    apa = "apa"
    bibtex = "bibtex"
    ris = "ris"
    csl_json = "csl-json"
    markdown = "markdown"


class ResultFormat(StrEnum):
    text = "text"
    json = "json"


def fmt_option() -> Any:
    """The --format option; its choices come from the Enum in the annotation."""
    return typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
