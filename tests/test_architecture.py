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


COMMANDS = SRC / "commands"
# What writing to a stream, paging or saving looks like in source.
WRITES = re.compile(r"sys\.std(out|err)|\bprint\(|\.write\(|typer\.echo|page_text|os\.replace")


def test_no_command_prints_pages_saves_or_alerts() -> None:
    # Commands return an Outcome; the presenter does all of these. The
    # import contract "Commands only return outcomes" forbids the modules
    # that would; this catches a write through a module they may import.
    offenders = {
        path.name: [m.group(0) for m in WRITES.finditer(path.read_text(encoding="utf-8"))]
        for path in COMMANDS.glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}
