"""What every command shares: display options, format options, this run's settings."""

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from depression_guide.errors import GuideError
from depression_guide.ui.output import Screen
from depression_guide.ui.run import Run

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
            run = run_of(
                ctx, chosen.get("region"), chosen["plain"], chosen["no_color"], chosen["no_pager"]
            )
            run.lang_flag = chosen["lang"] or run.lang_flag
            run.start_language()
            return command(ctx, *args, **kwargs)

        added = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind
            )
            for name, (kind, default) in extra.items()
        ]
        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*signature.parameters.values(), *added]
        )
        wrapper.__annotations__ = {
            **command.__annotations__,
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
) -> Run:
    """This run's settings: options after the command win over those before it."""
    run: Run = ctx.find_root().obj
    run.region_flag = region or run.region_flag
    run.plain = plain or run.plain
    run.no_color = no_color or run.no_color
    run.pager = run.pager and not no_pager
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


# --- saving and prompting: shared by explore and check phq9 ------------------------

# Other names people type for a format (`--format md`, as a file would end).
FORMAT_ALIASES = {"md": "markdown", "txt": "text", "htm": "html"}


def format_alias(token: str) -> str:
    """A command-line word, with a format's other name turned into its own name.

    Used as click's token_normalize_func, which click applies to choice values
    (and option names, which never match these words).
    """
    return FORMAT_ALIASES.get(token.lower(), token)


# A saved text file is for reading later or printing: 80 columns, with pictures.
PAGE = Screen(is_tty=False, plain=False, color=False, width=80, encoding="utf-8")


def save_format(path: Path | None, fmt: str | None, allowed: tuple[str, ...]) -> str | None:
    """The format to save in: --format if given, else from the file's extension."""
    from depression_guide.files import ENDINGS

    if path is None:
        return None
    if path.is_dir():
        raise GuideError(f"'{path}' is a folder.", "Give a file name to save to.")
    if fmt is not None:
        return fmt
    found = ENDINGS.get(path.suffix.lower())
    if found not in allowed:
        endings = ", ".join(sorted(k for k, v in ENDINGS.items() if v in allowed))
        raise GuideError(
            f"can't tell which format to save '{path.name}' in.",
            f"Use a name ending {endings}, or add --format.",
        )
    return found


def save_private(path: Path, text: str, force: bool, what: str) -> None:
    """Save health data: owner-only, atomic, no clobbering; say where it went."""
    from depression_guide.files import save

    save(path, text, force=force, private=True)
    sys.stderr.write(f"Saved {what} to {path} (only you can read it).\n")


def save_or_offer(
    run: Run,
    save: Path | None,
    save_as: str | None,
    force: bool,
    render: Callable[[str], str],
    what: str,
    stem: str,
    asked: bool,
) -> None:
    """Save where --save said; else, when the person answered at a terminal,
    offer to save (no, HTML, Markdown, text) under a suggested name."""
    if save is not None and save_as is not None:
        save_private(save, render(save_as), force, what)
        if run.last_footer is not None:
            from depression_guide.ui.interview import footer_in_view

            # "Saved ... to NAME" (two lines at most) may push the help up.
            footer_in_view(run.last_footer, 2, run.screen)
    elif asked and run.can_ask:
        from depression_guide.clock import today
        from depression_guide.ui.interview import offer_to_save
        from depression_guide.ui.prompts import prompt_io

        offer_to_save(
            f"{stem}-{today().isoformat()}",
            render,
            lambda path, text: save_private(path, text, False, what),
            prompt_io(sys.stdout, run.plain, run.no_color),
            footer=run.last_footer,
            screen=run.screen,
        )


def prompt_terminal(how_else: str) -> IO[str]:
    """The stream prompts draw on: the terminal, even when stdout is a file.

    Raises a usage error naming `how_else` when there is no terminal to ask on.
    """
    no_terminal = GuideError(
        "this asks questions, but there is no terminal to ask them in.", how_else
    )
    if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
        raise no_terminal
    for stream in (sys.stdout, sys.stderr):
        if stream.isatty():
            return stream
    try:
        return open("/dev/tty", "w", encoding="utf-8")
    except OSError:
        raise no_terminal from None
