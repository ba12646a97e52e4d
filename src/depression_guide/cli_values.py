"""Checking the values typed on the command line, without importing pydantic.

typer 0.29 checks every value through a pydantic TypeAdapter. Importing
pydantic and building those adapters was about half of `show cbt`'s start-up
(0.2 s of 0.45 s on a 2-core machine) and 10 MB of its 35 MB of memory, for
values that are only text, a name from a short list, a file path or a flag.

So each of our parameters gets a `QuickCheck`: it checks those common values
with typer's own functions (the ones its adapters call) and gives everything
else, and every value it would refuse, to typer's adapter, which then
imports pydantic as before. Results and error messages are typer's own;
tests/test_cli_values.py checks the two agree, value for value.

This leans on names inside typer (`_TyperParameter._runtime_param`,
`typer._coercion.build_runtime_param`, `typer._param_types`' coercions,
`BadParameter`). With a typer that lacks them, every value goes through
typer's own checks, as before; the tests fail if the typer in
constraints.txt loses them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

_UNCHECKED = object()  # "not a common value: ask typer's adapter"

# The words pydantic reads as a yes or a no (typer strips the value first and
# reads nothing as no); anything else goes to typer's adapter.
_BOOL_WORDS = {
    **dict.fromkeys(("1", "on", "t", "true", "y", "yes"), True),
    **dict.fromkeys(("", "0", "off", "f", "false", "n", "no"), False),
}


@dataclass(frozen=True)
class QuickCheck:
    """typer's coercion of one parameter's value (its RuntimeParam's `coerce`),
    without pydantic for common values."""

    descriptor: Any  # typer's TypeDescriptor: what its own coercion is built from

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # as typer's RuntimeParam.coerce, before it converts
            return () if param.multiple or param.nargs == -1 else None
        checked = self._quick(value, param, ctx)
        if checked is _UNCHECKED:
            return self._typers_own().coerce(value, param=param, ctx=ctx)
        return checked

    def _typers_own(self) -> Any:
        from typer._coercion import build_runtime_param

        return build_runtime_param(self.descriptor)

    def _quick(self, value: Any, param: Any, ctx: Any) -> Any:
        from typer._click.exceptions import BadParameter
        from typer._param_types import coerce_cli_choice, coerce_cli_path

        kind, info = self.descriptor.annotation, self.descriptor.parameter_info
        if info.parser is not None:
            return _UNCHECKED  # the parameter's own converter decides
        # (A single str for a list is refused by typer before it gets here.)
        if kind == list[str] and isinstance(value, (list, tuple)):
            return list(value) if all(type(item) is str for item in value) else _UNCHECKED
        if kind is str:
            return value if type(value) is str else _UNCHECKED
        if kind is bool:
            if type(value) is str:  # from an environment variable, e.g. NO_PAGER=1
                return _BOOL_WORDS.get(value.strip().lower(), _UNCHECKED)
            return value if type(value) is bool else _UNCHECKED
        if isinstance(kind, type) and issubclass(kind, Enum) and isinstance(value, (kind, str)):
            try:
                return coerce_cli_choice(
                    value, choices=list(kind), case_sensitive=info.case_sensitive, ctx=ctx
                )
            except ValueError:
                return _UNCHECKED  # typer's adapter words the refusal
        if kind is Path and info.path_type is None and type(value) is str:
            # pydantic makes a Path from text as Path() does (the tests compare
            # them); the checks for existence and the like are typer's own.
            try:
                return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
            except (ValueError, BadParameter):
                # A NUL in the name, or a path the parameter refuses: typer's
                # adapter words the refusal, with the path as it was typed.
                return _UNCHECKED
        return _UNCHECKED


def check_quickly(command: Any, ctx: Any) -> Any:
    """Give a click command's parameters (its help option and typer's
    completion options too: `get_params` makes them) and, for a group whose
    commands are built, theirs, a QuickCheck; returns the command."""
    if command is None:
        return None
    check_params(command.params if ctx is None else command.get_params(ctx))
    subcommands = getattr(command, "commands", None)
    if isinstance(subcommands, dict):  # not the app's LazyCommands: each is checked when named
        for sub in subcommands.values():
            check_quickly(sub, ctx)
    return command


def check_params(params: list[Any]) -> list[Any]:
    """The parameters, each typer parameter not yet given a coercion given a QuickCheck."""
    if not _typer_has_its_parts():
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", _UNCHECKED) is not None:
            continue  # a plain click parameter, one already in use, or another typer
        if descriptor.file_annotation is None:  # an opened file is typer's alone
            param._runtime_param = QuickCheck(descriptor)
    return params


@functools.cache
def _typer_has_its_parts() -> bool:
    """Whether this typer has the functions a QuickCheck calls (0.29 does)."""
    try:
        from typer._click.exceptions import BadParameter
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:
        return False
    parts = (build_runtime_param, coerce_cli_choice, coerce_cli_path, BadParameter)
    return all(map(callable, parts))
