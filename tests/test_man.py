"""The man page: generated from the same help as docs/cli.md, current, and clean in groff."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib

import pytest

from depression_guide import cli_docs

from .conftest import ROOT

MAN = ROOT / "man" / "depression-guide.1"


def test_man_page_is_up_to_date() -> None:
    # Regenerate with: python -m depression_guide.cli_docs --man > man/depression-guide.1
    assert MAN.read_text(encoding="utf-8") == cli_docs.man_page()


def test_man_page_has_every_command() -> None:
    text = MAN.read_text(encoding="utf-8")
    for words, _ in cli_docs.helps():
        title = cli_docs.roff(" ".join(["depression-guide", *words]))
        assert f".SS {title}\n" in text


def test_the_wheel_ships_the_man_page() -> None:
    hatch = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]
    shared = hatch["build"]["targets"]["wheel"]["shared-data"]
    assert shared["man/depression-guide.1"] == "share/man/man1/depression-guide.1"


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_renders_it_without_warnings() -> None:
    done = subprocess.run(
        ["groff", "-man", "-ww", "-z", "-Tutf8", str(MAN)], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stderr == ""


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
def test_man_shows_it_without_warnings() -> None:
    env = {**os.environ, "MANPAGER": "cat", "MANWIDTH": "80", "MAN_KEEP_FORMATTING": ""}
    done = subprocess.run(
        ["man", "--warnings", "-l", str(MAN)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "depression-guide config set" in done.stdout
    assert "--region CODE" in done.stdout


def test_roff_escapes_control_lines_and_backslashes() -> None:
    assert cli_docs.roff(".hidden\n'quoted\nback\\slash") == "\\&.hidden\n\\&'quoted\nback\\eslash"
    # Hyphens as \- so that options copied from the page are typed as ASCII minus.
    assert cli_docs.roff("--region") == "\\-\\-region"
