"""The commands, one module a group; `register` adds them to the app in help order."""

import importlib
from typing import Any

import typer

# Command groups built only when named on the command line (or in help):
# typer builds every registered command's parser at start-up, and `config`'s
# four would add ~3 ms to every run. Name -> module holding `config_app`.
LAZY_GROUPS = {"config": "depression_guide.commands.config"}


def lazy_group(name: str) -> Any:
    """The click group for a lazy command group, built now."""
    from typer.main import get_command

    module = importlib.import_module(LAZY_GROUPS[name])
    return get_command(module.config_app)


def register(app: typer.Typer) -> None:
    from depression_guide.commands import (
        browse,
        crisis,
        decide,
        explore,
        references,
        selfcheck,
        validate,
    )

    for module in (explore, decide, browse, references, crisis, selfcheck, validate):
        module.register(app)
