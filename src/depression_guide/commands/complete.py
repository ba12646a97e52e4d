"""Shell completion: topic ids and aliases, option ids and regions.

Each press of Tab runs a new process, so the content is loaded at most once a
process (functools.cache) and only when a word that needs it is completed;
formats complete from their Enum choices without any content. A completion
never fails loudly: a content pack that does not load offers nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.content import Content
    from depression_guide.logic.topics import Kind


@functools.cache
def _content(data_dir: str | None) -> Content:
    from depression_guide.content.packs import open_content

    return open_content(Path(data_dir) if data_dir else None)


def _data_dir(ctx: typer.Context | None) -> str | None:
    root = ctx.find_root() if ctx is not None else None
    value = root.params.get("data_dir") if root is not None else None
    return str(value) if value else None


# typer reads each completion function's signature when it builds the command
# line, at every start-up: with annotations (get_type_hints) that costs ~0.3 ms
# a parameter, ~4 ms in all. So typer is handed unannotated lambdas, which it
# matches by parameter name (ctx, args, incomplete), calling the typed functions.


def topics(*kinds: Kind) -> Callable[..., list[str]]:
    """A completion function offering topics of these kinds not typed yet."""
    return lambda ctx, args, incomplete: complete_topics(kinds, ctx, args, incomplete)


def complete_topics(
    kinds: tuple[Kind, ...], ctx: typer.Context, args: list[str], incomplete: str
) -> list[str]:
    from depression_guide.logic.topics import words_for

    try:
        words = words_for(_content(_data_dir(ctx)), kinds, incomplete)
    except GuideError:
        return []
    # typer passes no args here; the words already typed are in ctx.params.
    typed = {str(arg).casefold() for arg in args}
    for value in ctx.params.values():
        if isinstance(value, list | tuple):
            typed.update(str(item).casefold() for item in value)
    return [word for word in words if word not in typed]


def regions() -> Callable[..., list[str]]:
    """A completion function offering region codes."""
    return lambda ctx, incomplete: complete_regions(ctx, incomplete)


def complete_regions(ctx: typer.Context, incomplete: str) -> list[str]:
    """Region codes: the built-in ones, or a content pack's own."""
    from depression_guide.content.model import REGIONS

    codes: tuple[str, ...] = REGIONS
    if _data_dir(ctx):
        try:
            codes = _content(_data_dir(ctx)).region_codes
        except GuideError:
            return []
    # typer keeps only what starts with the word as typed: answer in its case.
    lower = incomplete != incomplete.upper()
    found = [code for code in codes if code.startswith(incomplete.upper())]
    return [code.lower() for code in found] if lower else found
