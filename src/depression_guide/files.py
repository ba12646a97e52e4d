"""Writing files the user asked for: atomic, owner-only, never clobbering by accident."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from depression_guide.errors import GuideError

# The document format each file ending means: `--save` and the save offer read
# the format from it, and refuse a name whose ending says another format.
ENDINGS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
}


def free_name(folder: Path, stem: str, ending: str) -> str:
    """`stem + ending`, or `stem-2 + ending`, `-3`... : the first name not taken in folder."""
    name, number = f"{stem}{ending}", 1
    while (folder / name).exists() or (folder / name).is_symlink():
        number += 1
        name = f"{stem}-{number}{ending}"
    return name


def check_writable(path: Path, force: bool) -> None:
    """Fail early (before any work) if the file can't or mustn't be written."""
    if path.is_dir():
        raise GuideError(
            f"'{path}' is a folder.",
            "Give a file name to save to.",
            ("IS_A_FOLDER_ERROR", "GIVE_A_FILE_NAME", {"path": str(path)}),
        )
    if path.exists() and not force:
        raise _not_replaced(path)
    folder = path.parent
    if not folder.is_dir():
        raise GuideError(
            f"the folder '{folder}' does not exist.",
            "Create it, or save elsewhere.",
            ("NO_SUCH_FOLDER_ERROR", "NO_SUCH_FOLDER_HINT", {"folder": str(folder)}),
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise GuideError(
            f"cannot write to the folder '{folder}'.",
            "Save somewhere you can write.",
            ("FOLDER_NOT_WRITABLE", "SAVE_ELSEWHERE", {"folder": str(folder)}),
        )


def _not_replaced(path: Path) -> GuideError:
    return GuideError(
        f"'{path}' already exists; it was not changed.",
        "Choose another name, or add --force to replace it.",
        ("FILE_NOT_REPLACED", "FILE_NOT_REPLACED_HINT", {"path": str(path)}),
    )


def _not_saved(path: Path, exc: OSError) -> GuideError:
    problem = exc.strerror or str(exc)
    return GuideError(
        f"could not save '{path}': {problem}.",
        "Save somewhere you can write.",
        ("COULD_NOT_SAVE", "SAVE_ELSEWHERE", {"path": str(path), "problem": problem}),
    )


def save(path: Path, text: str, force: bool = False, private: bool = True) -> None:
    """Write text to path atomically (temp file + rename); mode 0600 when private.

    Answers about mood are health data, so saved summaries are readable by the
    owner only. A crash or Ctrl-C leaves either the old file or none, never half.
    """
    check_writable(path, force)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _not_saved(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        if force:
            os.replace(temp, path)
        else:
            # link() fails if the name was taken since we checked: no clobbering.
            try:
                os.link(temp, path)
            except FileExistsError:
                raise _not_replaced(path) from None
            except OSError:
                # Some file systems have no hard links. Then check, then replace:
                # not atomic against another writer in between, but never
                # replaces a file that is there when we look.
                if path.exists():
                    raise
                os.replace(temp, path)
    except OSError as exc:
        raise _not_saved(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
