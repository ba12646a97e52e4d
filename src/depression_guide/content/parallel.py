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
import select
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
    # The biggest first, so that neither process is left alone with one at the end.
    batches = queued(sorted(paths, key=lambda p: (-sizes[p], p)))
    queue_out, queue_in = os.pipe()
    # Every ticket is in the pipe before either process reads one, and a read
    # of one ticket takes it whole: each batch is taken by one process only.
    os.write(queue_in, b"".join(_ticket(number) for number in range(len(batches))))
    os.close(queue_in)  # so that a read of the empty queue ends (EOF)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: take batches until none is left, send, and leave
        try:
            os.close(read_end)
            found = _take_and_parse(queue_out, batches, parse)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)  # no atexit handlers, no flushing the parent's buffers
    os.close(write_end)
    incoming = os.fdopen(read_end, "rb")
    try:
        results = _take_and_parse(queue_out, batches, parse)
        # If the child failed, its files are parsed when loaded instead.
        with contextlib.suppress(EOFError, pickle.UnpicklingError):
            results.update(pickle.load(incoming))
    finally:
        incoming.close()  # (on Ctrl-C, a child still writing gets a broken pipe and leaves)
        os.close(queue_out)
        os.waitpid(pid, 0)
    return results


# A ticket is a batch's number. All of them go into the pipe in one write no
# read can split: at most PIPE_BUF bytes (512 or more on every POSIX system;
# Windows has no PIPE_BUF, and no fork: nothing is parsed ahead there).
TICKET_BYTES = 4
MAX_TICKETS = getattr(select, "PIPE_BUF", 512) // TICKET_BYTES


def queued(paths: list[Path]) -> list[list[Path]]:
    """The files in order, in at most MAX_TICKETS batches (one file each when they fit)."""
    size = max(1, -(-len(paths) // MAX_TICKETS))
    return [paths[start : start + size] for start in range(0, len(paths), size)]


def _ticket(number: int) -> bytes:
    return number.to_bytes(TICKET_BYTES, "little")


def _take_and_parse(
    queue: int, batches: list[list[Path]], parse: Callable[[Path], Any]
) -> dict[Path, Parsed]:
    """Take batches from the queue until it is empty; their files' results."""
    found: dict[Path, Parsed] = {}
    while ticket := os.read(queue, TICKET_BYTES):
        found.update(_parse_each(batches[int.from_bytes(ticket, "little")], parse))
    return found


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
