"""Shell completion: the real bash script typer installs, run against partial words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from depression_guide.cli import app
from depression_guide.commands import complete
from depression_guide.content import builtin_content
from depression_guide.logic.topics import words_for

BIN = Path(sys.executable).parent
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def bash_complete(*words: str) -> list[str]:
    """What bash offers for the last word, through the script `--show-completion` prints in bash."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    # `--show-completion bash` ignores the word "bash" and looks for a shell
    # among the parent processes, which failed in runs started without one
    # ("Shell  not supported"). click's own variable names the shell instead;
    # the script is the same.
    shown = subprocess.run(
        [str(BIN / "depression-guide")],
        capture_output=True,
        text=True,
        env={**env, "_DEPRESSION_GUIDE_COMPLETE": "source_bash"},
    )
    assert shown.returncode == 0, shown.stderr
    script = shown.stdout
    assert "complete -o default -F _depression_guide_completion depression-guide" in script
    line = " ".join(f"'{w}'" for w in ("depression-guide", *words))
    probe = (
        f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words)}\n"
        "_depression_guide_completion depression-guide\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [word for word in done.stdout.splitlines() if word]


@needs_bash
def test_show_completes_topic_ids() -> None:
    assert bash_complete("show", "cb") == ["cbt"]


@needs_bash
def test_compare_completes_options_and_their_aliases() -> None:
    assert bash_complete("compare", "ss") == ["ssri", "ssris"]


@needs_bash
def test_compare_leaves_out_what_is_already_typed() -> None:
    offered = bash_complete("compare", "cbt", "c")
    assert "cbt" not in offered
    assert "citalopram" in offered


@needs_bash
def test_regions_and_formats_complete() -> None:
    assert bash_complete("crisis", "--region", "U") == ["US", "UK"]
    assert bash_complete("--region", "n") == ["nz"]
    assert bash_complete("show", "cbt", "--format", "m") == ["markdown"]


def test_decide_offers_options_only() -> None:
    content = builtin_content()
    offered = words_for(content, ("option",), "")
    assert "cbt" in offered
    assert "psychotherapy" in content.categories
    assert not set(offered) & {c.casefold() for c in content.categories}
    assert not set(offered) & {b.casefold() for b in content.background}


def test_the_content_is_loaded_once_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from depression_guide.content import packs

    calls: list[object] = []
    real = packs.open_content

    def counted(data_dir: Path | None) -> object:
        calls.append(data_dir)
        return real(data_dir)

    monkeypatch.setattr(packs, "open_content", counted)
    complete._content.cache_clear()
    show_topics = complete.topics("option", "category", "background")
    ctx = typer.Context(get_command(app))
    first = show_topics(ctx, [], "cb")
    second = show_topics(ctx, [], "ss")
    assert first == ["cbt"]
    assert second == ["ssri", "ssris"]
    assert len(calls) == 1
