"""The command line: parse, call one function, render, return an exit code.

Every expected problem is a GuideError: one or two lines on stderr, exit 2.
Anything else is a bug: one line and exit 1, with the traceback only on
request (--debug or DEPRESSION_GUIDE_DEBUG=1), and never with local values,
because answers about mood are health data.
"""

import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from depression_guide import __version__
from depression_guide.cli_values import check_params, check_quickly
from depression_guide.cli_words import WordsGroup, in_our_words
from depression_guide.commands import LAZY_GROUPS, LazyCommands, lazy_group
from depression_guide.commands.common import (
    LangOpt,
    NoColorOpt,
    NoPagerOpt,
    PlainOpt,
    RegionOpt,
    format_alias,
)
from depression_guide.errors import ExitCode, GuideError, Interrupted, ReaderGone
from depression_guide.languages import RIGHT_TO_LEFT, Choice
from depression_guide.settings import RegionChoice, RegionSource, Settings, choose_region

PROG = "depression-guide"


class GuideGroup(WordsGroup):
    """Typer turns Ctrl-C and broken pipes into silent exit codes; we want to
    say "Stopped. Nothing was saved." and to close quietly on `| head`, so
    both become the project's own exceptions, handled in main(). Its help,
    and its commands', is in the run's language (cli_words.WordsGroup).

    Its commands are built when first named (commands.LazyCommands): a run
    builds the one command it runs, --help builds them all. Values typed on
    the command line are checked without pydantic (cli_values.py)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(app)

    def get_params(self, ctx: Any) -> list[Any]:
        return check_params(super().get_params(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_GROUPS]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in LAZY_GROUPS:
            from depression_guide.cli_words import in_words

            return in_words(check_quickly(lazy_group(name), ctx))
        return check_quickly(super().get_command(ctx, name), ctx)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None
        except BrokenPipeError:
            raise ReaderGone from None


app = typer.Typer(
    name=PROG,
    cls=GuideGroup,
    help="A guide to depression treatment options, with honest evidence. "
    "Not medical advice; it does not diagnose or recommend.",
    no_args_is_help=True,
    # Completion (--install-completion) for bash, zsh, fish and PowerShell:
    # topics, options, regions and formats (commands/complete.py).
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={
        "help_option_names": ["-h", "--help"],
        "max_content_width": 100,
        # `--format md` means markdown (see commands.common.FORMAT_ALIASES).
        "token_normalize_func": format_alias,
    },
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    region: RegionOpt = None,
    lang: LangOpt = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            metavar="DIR",
            envvar="DEPRESSION_GUIDE_DATA",
            show_default=False,
            help="Use a content pack instead of the built-in content.",
        ),
    ] = None,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    no_pager: NoPagerOpt = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show full details of unexpected errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """A guide to depression treatment options, with honest evidence.

    Not medical advice; it does not diagnose or recommend. If you are in danger
    now, call your emergency number (000 in Australia).
    """
    # Saved settings (config.toml). Every command but `config` reads them
    # leniently: a broken file is a one-line warning, never a stop, so the help
    # lines always show. `config` keeps the problem to report it (exit 2).
    from depression_guide import config

    config_file = config.config_path(os.environ)
    problem: config.ConfigError | None = None
    if ctx.invoked_subcommand == "config":
        try:
            saved = config.load(config_file)
        except config.ConfigError as exc:
            saved, problem = {}, exc
    else:
        saved = config.load_or_warn(config_file)
    ctx.obj = settings_from(
        os.environ,
        data_dir=data_dir,
        region=region,
        lang=lang,
        plain=plain,
        saved=saved,
        config_file=config_file,
        config_problem=problem,
        no_color=no_color,
        no_pager=no_pager,
        debug=debug,
    )
    if ctx.obj.language.source == "saved":
        # Chosen by the saved setting, which main() could not read before
        # parsing: say so here if it is not there, and put it in place.
        if ctx.obj.language.warning:
            sys.stderr.write(ctx.obj.language.warning + "\n")
        _install_language(ctx.obj.language.code)


PAGER = "less -R -F -X"  # -F: short output is printed, not paged


def settings_from(
    env: Any,
    data_dir: Path | None = None,
    region: str | None = None,
    plain: bool = False,
    no_color: bool = False,
    no_pager: bool = False,
    debug: bool = False,
    saved: Mapping[str, str | bool] | None = None,
    config_file: Path | None = None,
    config_problem: GuideError | None = None,
    lang: str | None = None,
) -> Settings:
    """This run's settings from the flags, the environment, the saved settings
    and the time zone: the one place that reads them (flags win; the region's
    source is kept)."""
    import shutil

    from depression_guide.clock import TODAY_VARIABLE, today
    from depression_guide.time_zone import local_zone, region_for_zone

    saved = saved or {}
    saved_region = saved.get("region")
    saved_code = saved_region if isinstance(saved_region, str) else None
    zone = local_zone(env)
    plain = plain or env.get("TERM") == "dumb" or saved.get("plain") is True
    return Settings(
        data_dir=data_dir,
        region=choose_region(
            RegionChoice(region, RegionSource.FLAG),
            RegionChoice(env.get("DEPRESSION_GUIDE_REGION") or None, RegionSource.ENV),
            RegionChoice(saved_code, RegionSource.CONFIG),
            RegionChoice(region_for_zone(zone), RegionSource.TIMEZONE),
        ),
        language=language_of(lang, env, _saved_text(saved, "lang")),
        plain=plain,
        no_color=no_color or plain or bool(env.get("NO_COLOR")),
        pager=None if no_pager else (env.get("PAGER") or PAGER),
        width=shutil.get_terminal_size((80, 24)).columns,
        today=today(env.get(TODAY_VARIABLE)),
        debug=debug,
        saved=dict(saved),
        config_file=config_file,
        config_problem=config_problem,
        time_zone=zone,
    )


def _saved_text(saved: Mapping[str, str | bool], key: str) -> str | None:
    value = saved.get(key)
    return value if isinstance(value, str) and value else None


def language_of(flag: str | None, env: Any, saved: str | None = None) -> Choice:
    """This run's language from --lang and the environment's values (read
    here, and only here): DEPRESSION_GUIDE_LANG, then the locale variables."""
    from depression_guide.languages import LOCALE_VARIABLES, choose, locale_languages

    locales = locale_languages({name: env.get(name, "") for name in LOCALE_VARIABLES})
    return choose(flag, env.get("DEPRESSION_GUIDE_LANG") or None, locales, saved)


# --- running ---------------------------------------------------------------------


def _wants_json(args: list[str]) -> bool:
    """Whether the command line asked for --format json (also -f json, --format=json)."""
    for index, arg in enumerate(args):
        if arg in ("--format=json", "-fjson"):
            return True
        following = args[index + 1] if index + 1 < len(args) else ""
        if arg in ("--format", "-f") and following.lower() == "json":
            return True
    return False


def _fail(
    message: str, hint: str = "", code: int = ExitCode.USAGE, as_json: bool = False
) -> NoReturn:
    """One or two lines on stderr; with --format json, the same error as JSON on stdout
    too, so a program reading the output gets an answer it can parse."""
    from depression_guide import strings

    said, then = message, hint
    if strings.lang in RIGHT_TO_LEFT:  # flags, paths and numbers keep their order
        from depression_guide.text_safety import isolate_lines

        said, then = isolate_lines(message), isolate_lines(hint)
    sys.stderr.write(f"{strings.ERROR_PREFIX.format(prog=PROG)} {said}\n")
    if then:
        sys.stderr.write(then + "\n")
    if as_json:
        import json

        error = {"schema_version": 2, "error": message, "hint": hint, "exit_code": int(code)}
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    raise SystemExit(code)


def _in_the_language(error: GuideError) -> tuple[str, str]:
    """An error's message and hint; one raised below strings.py (files.py)
    names its templates there, and is said through them."""
    if error.said is None:
        return error.message, error.hint
    from depression_guide import strings

    message, hint, fields = error.said
    return getattr(strings, message).format(**fields), getattr(strings, hint).format(**fields)


def _interrupted() -> NoReturn:
    from depression_guide import strings

    sys.stderr.write(strings.STOPPED_NOTHING_SAVED)
    raise SystemExit(ExitCode.INTERRUPTED)


def _quiet_broken_pipe() -> NoReturn:
    # The reader (e.g. `head`) has gone: stop quietly, and stop Python
    # complaining when it flushes stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(ExitCode.OK)


def _plain_words(message: str) -> str:
    """A parsing error without the validator's jargon typer adds ("Value error, ")."""
    return message.replace("Value error, ", "")


def _language_from(args: list[str]) -> str | None:
    """--lang as given anywhere on the command line (--lang X or --lang=X)."""
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
    return None


def _put_language_in_place(args: list[str]) -> None:
    """The run's language before parsing, so that our own words around the
    parser's messages (and Ctrl-C's) are in it too; said once, here, if the
    language asked for is not there. The settings choose again from the same
    values with the same pure function, so both agree (a saved setting is
    read later, in main_options)."""
    choice = language_of(_language_from(args), os.environ)
    if choice.warning:
        sys.stderr.write(choice.warning + "\n")
    _install_language(choice.code)


def _install_language(code: str) -> None:
    from depression_guide import strings
    from depression_guide.languages import ENGLISH

    if code == ENGLISH and strings.lang == ENGLISH:
        return  # nothing to do: English start-up imports no catalogs
    from depression_guide import catalogs

    catalogs.install(code)  # (English too: undoes a run before this one in-process)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every outcome into an exit code."""
    args = sys.argv[1:] if argv is None else argv
    _put_language_in_place(args)
    debug = "--debug" in args or bool(os.environ.get("DEPRESSION_GUIDE_DEBUG"))
    try:
        code = app(args=args, prog_name=PROG, standalone_mode=False)
        if code is not None and not isinstance(code, int):
            # A command's Outcome: the presenter shows, pages, saves and alerts.
            from depression_guide.present.presenter import present

            code = present(code)
        sys.stdout.flush()
    except (BrokenPipeError, ReaderGone):
        _quiet_broken_pipe()
    except (KeyboardInterrupt, Interrupted):
        _interrupted()
    except GuideError as exc:
        _fail(*_in_the_language(exc), exc.exit_code, _wants_json(args))
    except Exception as exc:
        # typer vendors its own copy of click, so click's exceptions are matched
        # by class name: this works with the vendored and the plain package.
        kinds = {cls.__name__ for cls in type(exc).__mro__}
        if "Abort" in kinds:
            _interrupted()
        click_error: Any = exc
        if "NoArgsIsHelpError" in kinds:
            sys.stdout.write(click_error.ctx.get_help() + "\n")
            raise SystemExit(ExitCode.OK) from None
        if "ClickException" in kinds:
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx else PROG
            from depression_guide import strings

            _fail(
                _plain_words(in_our_words(click_error)),
                strings.TRY_HELP.format(command=command),
                click_error.exit_code,
                _wants_json(args),
            )
        if debug:
            raise
        _fail(
            f"something went wrong inside {PROG} ({type(exc).__name__}). This is a bug.",
            "Run again with --debug (or DEPRESSION_GUIDE_DEBUG=1) to see details.",
            ExitCode.ERROR,
        )
    raise SystemExit(code if isinstance(code, int) else ExitCode.OK)
