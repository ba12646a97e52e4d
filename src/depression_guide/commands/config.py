"""`config`: show, set and unset the saved settings (config.toml), and say where it is.

Only these commands write the file. They read it strictly: a broken file is an
error here (exit 2), naming the file, the line and the key, where every other
command warns and carries on without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from depression_guide import config
from depression_guide.commands.common import run_of
from depression_guide.errors import GuideError
from depression_guide.present.outcome import Ending, Outcome
from depression_guide.settings import RegionSource
from depression_guide.ui.run import Run

config_app = typer.Typer(
    name="config",
    help="Show or change your saved settings (region, plain, lang).",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,  # the root command has the completion options
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

KeyArg = Annotated[
    str,
    typer.Argument(metavar="KEY", show_default=False, help="One of: region, plain, lang."),
]

# What `config show` says for each source of the region.
SOURCE_WORDS = {
    RegionSource.FLAG: "from the command line",
    RegionSource.ANSWERS: "from the answers",
    RegionSource.ENV: "from DEPRESSION_GUIDE_REGION",
    RegionSource.CONFIG: "from the config file",
    RegionSource.TIMEZONE: "guessed from your computer's time zone, {zone}",
    RegionSource.NONE: "not set: every region's help is shown",
}


def _known_key(key: str) -> str:
    key = key.strip().lower()
    if key not in config.SETTINGS:
        raise GuideError(
            f"unknown setting '{key}'.", f"Settings you can save: {', '.join(config.SETTINGS)}."
        )
    return key


def _strict(run: Run) -> Path:
    """The config file, read at start-up: its problem, if any, is an error here."""
    if run.settings.config_problem is not None:
        raise run.settings.config_problem
    return _path(run)


def _path(run: Run) -> Path:
    # Made at start-up from XDG_CONFIG_HOME (cli.py); config_path() for callers
    # that made their own Settings.
    return run.settings.config_file or config.config_path({})


@config_app.command("show")
def show(ctx: typer.Context) -> Outcome:
    """Each setting, its value, and where the value came from.

    Examples:

    \b
      depression-guide config show
    """
    run = run_of(ctx)
    path = _strict(run)
    saved = run.settings.saved
    region = run.region
    words = SOURCE_WORDS[region.source].format(zone=run.settings.time_zone)
    if saved.get("plain") is True:
        plain_source = "from the config file"
    elif run.plain:
        plain_source = "from the command line"
    else:
        plain_source = "the default"
    lang = saved.get("lang")
    lines = [
        f"Config file: {path}" + ("" if path.exists() else " (not made yet)"),
        f"region = {region.code or 'none'}  ({words})",
        f"plain = {'true' if run.plain else 'false'}  ({plain_source})",
        f"lang = {lang if lang else 'en'}  ({'from the config file' if lang else 'the default'})",
    ]
    return _said(run, "\n".join(lines))


@config_app.command("set")
def set_(
    ctx: typer.Context,
    key: KeyArg,
    value: Annotated[
        str, typer.Argument(metavar="VALUE", show_default=False, help="The value to save.")
    ],
) -> Outcome:
    """Save a setting (such as your region) for every later run.

    Examples:

    \b
      depression-guide config set region UK
      depression-guide config set plain true
    """
    from depression_guide.content.model import known_region

    run = run_of(ctx)
    key = _known_key(key)
    path = _strict(run)
    try:
        checked = config.check_value(key, value)
    except ValueError as exc:
        raise GuideError(f"{exc}.", "See 'depression-guide config set --help'.") from None
    if key == "region":
        codes = run.content.region_codes
        code = known_region(str(checked), codes)
        if code is None:
            raise GuideError(
                f"unknown region '{value}'.",
                f"Use one of: {', '.join(codes)} (GB and USA work too).",
            )
        checked = code
    config.store(path, {**run.settings.saved, key: checked})
    shown = ("true" if checked else "false") if isinstance(checked, bool) else checked
    return _said(run, f"Saved {key} = {shown} in {path}.")


@config_app.command("unset")
def unset(ctx: typer.Context, key: KeyArg) -> Outcome:
    """Forget a saved setting (the default applies again).

    Also removes a setting the file should not have, which is how to mend it.

    Examples:

    \b
      depression-guide config unset region
    """
    run = run_of(ctx)
    key = key.strip()
    path = _path(run)
    try:
        before = config.load(path)
    except config.ConfigError as exc:
        if exc.key != key:
            raise  # some other problem: unsetting this key would not mend the file
        before = {key: ""}  # the broken key is there, to be removed
    if key not in before:
        _known_key(key)
        return _said(run, f"{key} was not set; nothing changed.")
    config.store(path, config.load(path, drop=key))
    return _said(run, f"Removed {key} from {path}.")


@config_app.command("path")
def path(ctx: typer.Context) -> Outcome:
    """Print where the config file is (or would be).

    Examples:

    \b
      depression-guide config path
    """
    run = run_of(ctx)
    return _said(run, str(_path(run)))


def _said(run: Run, text: str) -> Outcome:
    """A line or two to print as they are (the presenter prints them)."""
    return Outcome(run, text=text + "\n", ending=Ending.NONE)
