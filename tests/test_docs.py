"""Docs that can't drift: the command reference is generated, and must match."""

from __future__ import annotations

from depression_guide import cli_docs

from .conftest import ROOT


def test_cli_reference_is_up_to_date() -> None:
    # Regenerate with: python -m depression_guide.cli_docs > docs/cli.md
    assert (ROOT / "docs" / "cli.md").read_text() == cli_docs.render()


def test_every_command_is_in_the_reference() -> None:
    text = (ROOT / "docs" / "cli.md").read_text()
    for command in ("explore", "decide", "show", "compare", "references", "crisis", "check phq9"):
        assert f"## depression-guide {command}\n" in text
