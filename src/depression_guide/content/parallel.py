"""Parse a large pack's files on two cores (for `validate` and --data-dir).

Parsing YAML is most of the time `validate` takes on a large pack, and each
file parses on its own. So a forked child parses about half of the files (by
size) while this process parses the rest, and sends its results back pickled
through a pipe. Only the parsing moves: every file is still read with the same
reader (duplicate keys refused, the same messages), and the results are used
by the same code, in the same order, as when files are parsed one by one.
Where fork is missing, the pack is small, or the child fails, nothing is parsed
ahead and each file is parsed when it is loaded, as before.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from depression_guide.errors import GuideError

# Below this much YAML, starting a child costs more than it saves.
MIN_BYTES = 1_000_000

# A file's result: (True, the parsed data) or (False, (message, hint)) for a
# GuideError. A file whose parsing raised anything else is left out, so it is
# parsed again when loaded and raises there, as it always did.
Parsed = tuple[bool, Any]


def parse_all(paths: list[Path], parse: Callable[[Path], Any]) -> dict[Path, Parsed]:
    """Each file's result, parsed ahead on two processes; {} when not worth it."""
    sizes = {path: _size(path) for path in paths}
    if not hasattr(os, "fork") or sum(sizes.values()) < MIN_BYTES:
        return {}
    mine, theirs = halves(sizes)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse its half, send it, and leave at once
        try:
            os.close(read_end)
            found = _parse_each(theirs, parse)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)  # no atexit handlers, no flushing the parent's buffers
    os.close(write_end)
    incoming = os.fdopen(read_end, "rb")
    try:
        results = _parse_each(mine, parse)
        # If the child failed, its files are parsed when loaded instead.
        with contextlib.suppress(EOFError, pickle.UnpicklingError):
            results.update(pickle.load(incoming))
    finally:
        incoming.close()  # (on Ctrl-C, a child still writing gets a broken pipe and leaves)
        os.waitpid(pid, 0)
    return results


def halves(sizes: dict[Path, int]) -> tuple[list[Path], list[Path]]:
    """The files in two lists of about the same total size (largest first)."""
    mine: list[Path] = []
    theirs: list[Path] = []
    totals = [0, 0]
    for path in sorted(sizes, key=lambda p: (-sizes[p], p)):
        side = 0 if totals[0] <= totals[1] else 1
        (mine if side == 0 else theirs).append(path)
        totals[side] += sizes[path]
    return mine, theirs


def _parse_each(paths: list[Path], parse: Callable[[Path], Any]) -> dict[Path, Parsed]:
    found: dict[Path, Parsed] = {}
    for path in paths:
        try:
            found[path] = (True, parse(path))
        except GuideError as exc:
            found[path] = (False, (exc.message, exc.hint))
        except Exception:  # raised again, in its place, when the file is loaded
            continue
    return found


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
