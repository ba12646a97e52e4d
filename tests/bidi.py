"""A real implementation of the Unicode bidirectional algorithm for tests:
the machine's GNU FriBidi (libfribidi), through ctypes.

`display(text)` is the line as a bidi-aware terminal or editor shows it, left
to right on the screen. Tests read numbers and flags off that, so a check
that "13 11 14" is shown in dialling order is the algorithm's answer, not ours.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache

import pytest

LTR, RTL = 0x00000110, 0x00000111  # FRIBIDI_PAR_LTR, FRIBIDI_PAR_RTL


@cache
def _library() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def fribidi() -> ctypes.CDLL:
    """libfribidi, or the test is skipped (Debian: libfribidi0)."""
    library = _library()
    if library is None:
        if os.environ.get("CI"):  # .ci/run installs it: a skip there would hide a failure
            pytest.fail("libfribidi is not installed (Debian: libfribidi0)")
        pytest.skip("libfribidi is not installed")
    return library


def display(text: str, base: int = LTR) -> str:
    """One line in visual order (as shown on screen, left to right)."""
    library = fribidi()
    if not text:
        return text
    size = len(text)
    logical = (ctypes.c_uint32 * size)(*map(ord, text))
    visual = (ctypes.c_uint32 * (size + 1))()
    direction = ctypes.c_uint32(base)
    ok = library.fribidi_log2vis(logical, size, ctypes.byref(direction), visual, None, None, None)
    assert ok, "fribidi_log2vis failed"
    # The isolates themselves are invisible: drop them from what is "seen".
    return "".join(chr(visual[i]) for i in range(size)).translate(
        {0x2066: None, 0x2067: None, 0x2068: None, 0x2069: None}
    )
