"""`references`: print or export the references, for reading or for reference managers."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from depression_guide.bibliography import FORMATS
from depression_guide.commands import complete
from depression_guide.commands.common import ForceOpt, run_of, with_display_options
from depression_guide.present.outcome import Outcome

# The choices typer offers, made from the one list of formats in bibliography.py.
ReferenceFormat = StrEnum(  # type: ignore[misc]
    "ReferenceFormat", [(name.replace("-", "_"), name) for name in FORMATS]
)
DEFAULT_FORMAT = ReferenceFormat("apa")

if TYPE_CHECKING:
    from depression_guide.content import Content
    from depression_guide.content.model import Background, Option, Reference


@with_display_options(region=False)
def references(
    ctx: typer.Context,
    topic: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TOPIC",
            show_default=False,
            autocompletion=complete.topics("category", "option", "background"),
            help="Only the references these options, categories or background topics cite.",
        ),
    ] = None,
    fmt: Annotated[
        ReferenceFormat,
        typer.Option("--format", "-f", case_sensitive=False, help=", ".join(FORMATS) + "."),
    ] = DEFAULT_FORMAT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            show_default=False,
            help="Write to a file instead of the screen.",
        ),
    ] = None,
    force: ForceOpt = False,
) -> Outcome:
    """Print or export references, sorted by first author and year.

    Examples:

    \b
      depression-guide references cbt
      depression-guide references --format bibtex > refs.bib
      depression-guide references --format ris --output refs.ris
    """
    from depression_guide import bibliography
    from depression_guide.present.outcome import Ending, Outcome, export_to

    run = run_of(ctx)
    target = export_to(output, force)
    refs = sorted(cited_by(run.content, topic or []), key=bibliography.sort_key)
    text = bibliography.export(refs, fmt.value)
    if target is None and FORMATS[fmt.value].for_people:
        # Prose for reading: wrapped to the screen (80 columns in a pipe).
        text = bibliography.wrap_for_reading(text, run.screen.width)
    others = [name for name in FORMATS if name != fmt.value]
    return Outcome(
        run,
        text=text,
        ending=Ending.NONE,
        long=True,
        to_screen=target is None,
        save=target,
        notes=(f"Wrote {len(refs)} references to {output}.",) if target else (),
        hint=(
            f"Export them for a reference manager with --format {', '.join(others[:-1])} "
            f"or {others[-1]}."
        )
        if fmt.value == "apa" and target is None
        else None,
    )


def cited_by(content: "Content", words: list[str]) -> list["Reference"]:
    """Every reference, or only those the named topics cite (in any part of them)."""
    from depression_guide.content.model import cited_in
    from depression_guide.logic.topics import options_of, resolve

    if not words:
        return list(content.references.values())
    topics = resolve(content, words)
    records: list[Option | Background] = list(options_of(content, topics))
    records += [content.background[t.id] for t in topics if t.kind == "background"]
    return [content.references[r] for r in cited_in(*records)]


def register(app: typer.Typer) -> None:
    app.command()(references)
