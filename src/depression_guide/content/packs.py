"""Open the content a command shows: the built-in content, or a pack checked whole.

Kept apart from the loader so that loading never depends on the checks: the
checks build on the loader (content -> checks -> packs), never the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from depression_guide.content import Content, builtin_content
from depression_guide.errors import ContentErrors, GuideError


def open_content(
    data_dir: Path | None, lang: str | None = None, mark: Callable[[str], str] | None = None
) -> Content:
    """The built-in content, or a content pack checked whole before use, in
    `lang` (None: the English as written)."""
    if data_dir is None:
        return builtin_content() if lang is None else builtin_content(lang, mark)
    if not data_dir.is_dir():
        raise GuideError(
            f"content pack '{data_dir}' is not a folder.",
            "Give the folder that holds categories.yaml and options/.",
        )
    label = str(data_dir).rstrip("/")
    pack = Content(data_dir, label)
    # A pack has not been through our tests: every file is loaded and its
    # structure checked before anything is shown (checks only load here).
    from depression_guide.content.checks import structure_problems

    problems = structure_problems(pack)
    if problems:
        raise ContentErrors(problems)
    if lang is not None:
        # The English passed; a translation only replaces text with text (ids,
        # numbers and structure are never translatable), so it keeps the shape.
        return Content(data_dir, label, lang=lang, mark=mark)
    return pack
