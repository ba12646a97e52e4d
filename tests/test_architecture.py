"""The architecture's rules that import-linter can't state (issue 23)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

SRC = ROOT / "src" / "depression_guide"


def test_only_the_command_line_reads_the_environment() -> None:
    # Settings are made once at start-up in cli.py and passed down.
    readers = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if re.search(r"os\.environ|getenv\(|environ\.get", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["cli.py"]
