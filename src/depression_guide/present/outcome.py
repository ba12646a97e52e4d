"""What a command returns: one Outcome, saying what to show and where.

A command parses, computes and returns an Outcome; it never prints, pages,
saves or writes to stderr. The presenter (present/presenter.py) turns the
Outcome into every destination and keeps every safety duty there, once.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from depression_guide import strings as S
from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.document import Document
    from depression_guide.ui.run import Run


class Ending(StrEnum):
    """What the presenter adds at the end of what is shown."""

    HELP = "help"  # the disclaimer, then the region's help lines (last)
    NONE = "none"  # lists and exports that show no options (topics, references)


class Destination(StrEnum):
    SCREEN = "screen"
    FILE = "file"
    BOTH = "both"


class SaveTo(msgspec.Struct, frozen=True):
    """A file to write: health data is private (0600) and never replaced
    without `force`."""

    path: Path
    fmt: str  # text, markdown, html, json; "as-is" for ready-made text
    force: bool = False
    what: str = "it"  # "the summary": for the line saying where it went
    private: bool = True


class OfferSave(msgspec.Struct, frozen=True):
    """At the end, when the person answered at a terminal: offer to save."""

    stem: str  # the suggested name, before the date and extension
    what: str


class Outcome(msgspec.Struct, frozen=True):
    """Everything the presenter needs: the run (settings, content, the one
    region), the view objects to show, and where they go."""

    run: Run
    # The view objects, made when asked: every format, JSON included, is made
    # from this one document (its blocks, and its facts).
    document: Callable[[], Document] | None = None
    fmt: str = "text"  # text, markdown, html or json, on the screen
    ending: Ending = Ending.HELP
    at_risk: bool = False  # the crisis lines go to stderr too when stdout is no terminal
    long: bool = False  # paged on a terminal
    to_screen: bool = True
    save: SaveTo | None = None
    offer: OfferSave | None = None
    # The document as saved, by format, when it differs from the one shown
    # (a saved summary carries every option in full).
    file_document: Callable[[str], Document] | None = None
    text: str | None = None  # ready-made text (exports, reports): shown as it is
    notes: tuple[str, ...] = ()  # lines for stderr (notices, counts)
    hint: str | None = None  # a one-line hint for people at a terminal
    exit_code: int = 0
    # Services for young people (crisis lines) listed with the help at the end
    # (explore, for a person whose age group they serve).
    youth: tuple[Any, ...] = ()

    @property
    def destination(self) -> Destination:
        if self.save is None:
            return Destination.SCREEN
        return Destination.BOTH if self.to_screen else Destination.FILE


def save_to(
    path: Path | None,
    fmt: str | None,
    allowed: tuple[str, ...],
    force: bool,
    what: str,
) -> SaveTo | None:
    """Where --save goes, checked before anything is asked: the format from
    --format or the file's extension, and a file that may be written."""
    from depression_guide.files import ENDINGS, check_writable

    if path is None:
        return None
    if path.is_dir():
        raise GuideError(S.IS_A_FOLDER_ERROR.format(path=path), S.GIVE_A_FILE_NAME)
    found = fmt if fmt is not None else ENDINGS.get(path.suffix.lower())
    if found not in allowed:
        endings = ", ".join(sorted(k for k, v in ENDINGS.items() if v in allowed))
        raise GuideError(
            S.UNKNOWN_SAVE_FORMAT.format(name=path.name),
            S.UNKNOWN_SAVE_FORMAT_HINT.format(endings=endings),
        )
    check_writable(path, force)  # fail before asking anything
    return SaveTo(path, found, force, what)


def export_to(path: Path | None, force: bool) -> SaveTo | None:
    """A file for ready-made text that is not health data (references)."""
    from depression_guide.files import check_writable

    if path is None:
        return None
    check_writable(path, force)
    return SaveTo(path, "as-is", force, "", private=False)
