"""What every command shares: display options, format options, this run's settings."""

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from depression_guide.commands import complete
from depression_guide.document import Document
from depression_guide.present.outcome import Outcome
from depression_guide.settings import Settings
from depression_guide.ui.run import Run

# Options that every command also takes after its name, e.g. `crisis --region UK`.
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="CODE",
        show_default=False,
        autocompletion=complete.regions(),
        help="Where you are: AU, US, UK, CA, NZ, IE or OTHER (also DEPRESSION_GUIDE_REGION). "
        "Without it, help for every region is shown.",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="CODE",
        show_default=False,
        help="en (default), zh-Hans or ar (drafts, said so). Also DEPRESSION_GUIDE_LANG "
        "or the system's language.",
    ),
]
PlainOpt = Annotated[
    bool, typer.Option("--plain", help="Screen-reader friendly: no boxes, colour or pictures.")
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR).")]
NoPagerOpt = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        envvar="DEPRESSION_GUIDE_NO_PAGER",
        help="Never page long output (also DEPRESSION_GUIDE_NO_PAGER=1).",
    ),
]


def with_display_options(region: bool = True) -> Callable[[Callable[..., Any]], Any]:
    """Give a command --region (unless `region=False`), --plain, --no-color and
    --no-pager after its name (people type them there as often as before it),
    declared here once. They merge into this run's settings before the command
    runs, so the command reads them from `run_of(ctx)`."""
    import functools
    import inspect

    extra: dict[str, tuple[Any, Any]] = {
        "lang": (LangOpt, None),
        "plain": (PlainOpt, False),
        "no_color": (NoColorOpt, False),
        "no_pager": (NoPagerOpt, False),
    }
    if region:
        extra = {"region": (RegionOpt, None), **extra}

    def decorate(command: Callable[..., Any]) -> Any:
        signature = inspect.signature(command)

        @functools.wraps(command)
        def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
            chosen = {name: kwargs.pop(name, default) for name, (_, default) in extra.items()}
            run_of(
                ctx,
                chosen.get("region"),
                chosen["plain"],
                chosen["no_color"],
                chosen["no_pager"],
                chosen["lang"],
            )
            return command(ctx, *args, **kwargs)

        added = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind
            )
            for name, (kind, default) in extra.items()
        ]
        # typer reads the parameters' types only: the return type (an Outcome,
        # imported for type checking) is left out, as typer can't resolve it here.
        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*signature.parameters.values(), *added],
            return_annotation=inspect.Signature.empty,
        )
        wrapper.__annotations__ = {
            **{k: v for k, v in command.__annotations__.items() if k != "return"},
            **{name: kind for name, (kind, _) in extra.items()},
        }
        return wrapper

    return decorate


def run_of(
    ctx: typer.Context,
    region: str | None = None,
    plain: bool = False,
    no_color: bool = False,
    no_pager: bool = False,
    lang: str | None = None,
) -> Run:
    """This run: the settings made at start-up, with the options given after
    the command name (they win), made once per command and kept on the context."""
    root = ctx.find_root()
    run = root.meta.get(RUN_KEY)
    if run is None:
        settings: Settings = root.obj if isinstance(root.obj, Settings) else Settings()
        run = Run(settings.merged(region, plain, no_color, no_pager, lang))
        root.meta[RUN_KEY] = run
    return run


RUN_KEY = "depression_guide.run"


class ShowFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class ExploreFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class ResultFormat(StrEnum):
    text = "text"
    json = "json"


ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace an existing file (never replaced otherwise).")
]


def answers_option(metavar: str, help: str) -> Any:
    """--answers: answer without prompts (FILE for explore, LIST for the checks)."""
    return typer.Option("--answers", metavar=metavar, show_default=False, help=help)


def save_option(help: str) -> Any:
    """The --save PATH option (health data: saved for the owner only)."""
    return typer.Option("--save", metavar="PATH", show_default=False, help=help)


def optional_format_option(help: str) -> Any:
    """--format with no default, so an explicit choice can beat a file's extension."""
    return typer.Option("--format", "-f", case_sensitive=False, show_default=False, help=help)


def fmt_option() -> Any:
    """The --format option; its choices come from the Enum in the annotation."""
    return typer.Option("--format", "-f", case_sensitive=False, help="Output format.")


# The answers file and the document formats of explore and decide.
AnswersFileOpt = Annotated[
    str | None,
    answers_option(
        "FILE", "Answer from a YAML or JSON file ('-' for standard input) instead of prompts."
    ),
]
DocumentFormatOpt = Annotated[
    ExploreFormat | None,
    optional_format_option(
        "Output format: text (default), markdown, html, json (also md, txt, htm)."
    ),
]

# Other names people type for a format (`--format md`, as a file would end).
FORMAT_ALIASES = {"md": "markdown", "txt": "text", "htm": "html"}


def format_alias(token: str) -> str:
    """A command-line word, with a format's other name turned into its own name.

    Used as click's token_normalize_func, which click applies to choice values
    (and option names, which never match these words).
    """
    return FORMAT_ALIASES.get(token.lower(), token)


ShowFormatOpt = Annotated[ShowFormat, fmt_option()]


def shown(
    ctx: typer.Context, fmt: StrEnum, document: Callable[[Run], Document], **options: Any
) -> Outcome:
    """The Outcome of a command that only shows something: its page (the view
    objects every format is made from), made from this run when shown."""
    run = run_of(ctx)
    return Outcome(run, lambda: document(run), fmt=fmt.value, **options)
