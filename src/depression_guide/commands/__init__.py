"""The commands, one module a group, each built only when it is used.

typer turns a command's function into a click command (reading its signature,
making a parameter with a type converter for each argument and option) when
the app starts. For a run that uses one command that was ~8 ms of building
and ~6 ms of importing the other modules, so the app's group builds a command
the first time it is named (click's "lazy loading subcommands" pattern):
`show cbt` builds `show` alone, while `--help`, completion and the docs build
every command, in the order of this table.
"""

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer

# Every command and group, in the order --help lists them -> the module (in
# this package) whose `register(app)` adds it.
COMMANDS = {
    "explore": "explore",
    "decide": "decide",
    "topics": "browse",
    "show": "browse",
    "compare": "browse",
    "references": "references",
    "crisis": "crisis",
    "quiz": "selfcheck",
    "about": "selfcheck",
    "validate": "validate",
    "check": "selfcheck",
}

# Groups listed after every other command and left out of typer's "Did you
# mean ...?" for a mistyped command name. Name -> module holding `config_app`.
LAZY_GROUPS = {"config": "depression_guide.commands.config"}


def lazy_group(name: str) -> Any:
    """The click group for a lazy command group, built now."""
    from typer.main import get_command

    module = importlib.import_module(LAZY_GROUPS[name])
    return get_command(module.config_app)


def build(name: str, app: typer.Typer) -> Any:
    """The click command (or group) `name` of COMMANDS, built with the app's settings."""
    from typer.main import get_command_from_info, get_command_name, get_group_from_info

    module = importlib.import_module(f"{__name__}.{COMMANDS[name]}")
    part = typer.Typer()  # only to collect what the module registers
    module.register(part)
    for info in part.registered_commands:
        if (info.name or get_command_name(info.callback.__name__)) == name:  # type: ignore[union-attr]
            return get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in part.registered_groups:
        if group.typer_instance is not None and group.typer_instance.info.name == name:
            return get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
            )
    raise LookupError(f"commands.{COMMANDS[name]} registers no command {name!r}")


class LazyCommands(MutableMapping[str, Any]):
    """The app group's commands by name: every name in COMMANDS, each command
    built on first use (typer's group reads its commands only through this
    mapping: listing, finding one, suggesting a name)."""

    def __init__(self, app: typer.Typer) -> None:
        self.app = app
        self.names = list(COMMANDS)
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.names:
            raise KeyError(name)
        if name not in self.built:
            self.built[name] = build(name, self.app)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:  # click's add_command
        if name not in self.names:
            self.names.append(name)
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        self.names.remove(name)
        self.built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self.names  # without building it

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)
