"""Start-up: what each command imports (deterministic), and the compiled content snapshot.

Timings live in benchmarks/startup.py, never in a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import msgspec
import pytest

from depression_guide.content import Content, builtin_data_dir, compile_snapshot, model

ROOT = Path(__file__).resolve().parent.parent

HEAVY = ("rich", "questionary", "prompt_toolkit", "textstat")


def imported_by(args: list[str], snapshot: Path | None = None) -> set[str]:
    """The top-level packages loaded while running a command (output piped)."""
    return {name.split(".")[0] for name in modules_loaded_by(args, snapshot)}


def modules_loaded_by(args: list[str], snapshot: Path | None = None) -> set[str]:
    """Every module loaded while running a command (output piped)."""
    patch = ""
    if snapshot is not None:
        patch = (
            "import msgspec, depression_guide.content as c\n"
            f"c.builtin_content = lambda: c.Content(c.builtin_data_dir(), 'data', "
            f"msgspec.json.decode(open({str(snapshot)!r}, 'rb').read()))\n"
        )
    script = (
        f"import sys, json\n{patch}"
        "from depression_guide.cli import main\n"
        "code = 0\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code or 0\n"
        "sys.stderr.write(json.dumps([code, sorted(sys.modules)]))\n"
    )
    # From another folder, with absolute paths: the command must really run.
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(tempfile.gettempdir()),
    )
    code, modules = json.loads(result.stderr.strip().splitlines()[-1])
    assert code == 0, result.stderr
    return set(modules)


@pytest.mark.parametrize(
    "args",
    [
        ["references", "--format", "bibtex"],
        ["references", "--format", "csl-json"],
        ["show", "cbt"],
        ["explore", "--answers", str(ROOT / "examples" / "answers.yaml"), "--format", "json"],
        ["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--format", "json"],
    ],
)
def test_piped_commands_import_nothing_heavy(args: list[str]) -> None:
    loaded = imported_by(args)
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_a_command_builds_and_imports_only_its_own_module() -> None:
    # commands.LazyCommands: `show` is built from commands/browse.py alone.
    loaded = modules_loaded_by(["show", "cbt"])
    commands = {name for name in loaded if name.startswith("depression_guide.commands.")}
    assert commands == {
        "depression_guide.commands.browse",
        "depression_guide.commands.common",
        "depression_guide.commands.complete",
    }


def test_chinese_is_measured_without_wcwidth() -> None:
    # text_safety's narrow and surely wide characters cover the Chinese content.
    loaded = imported_by(["--lang", "zh-Hans", "show", "cbt"])
    assert "wcwidth" not in loaded


def test_with_the_compiled_snapshot_yaml_is_not_even_imported(tmp_path: Path) -> None:
    snapshot = tmp_path / "content.json"
    snapshot.write_bytes(compile_snapshot(builtin_data_dir()))
    loaded = imported_by(["show", "cbt"], snapshot)
    assert "yaml" not in loaded
    assert not loaded & set(HEAVY)
    # English is measured without wcwidth (text_safety's narrow characters).
    assert "wcwidth" not in loaded


def test_the_snapshot_holds_the_same_content_as_the_yaml() -> None:
    root = builtin_data_dir()
    from_yaml = Content(root, "data")
    compiled = Content(root, "data", msgspec.json.decode(compile_snapshot(root)))
    assert compiled.options == from_yaml.options
    assert compiled.background == from_yaml.background
    assert compiled.references == from_yaml.references
    assert compiled.categories == from_yaml.categories
    for part in ("crisis", "explore", "quiz", "about", "phq9"):
        assert getattr(compiled, part) == getattr(from_yaml, part), part
    assert isinstance(compiled.about.reviewed, type(from_yaml.about.reviewed))
    assert isinstance(compiled.options["cbt"], model.Option)


def test_the_snapshot_reports_a_missing_file() -> None:
    from depression_guide.errors import ContentError

    broken = Content(builtin_data_dir(), "data", {})
    with pytest.raises(ContentError, match="file is missing"):
        _ = broken.quiz


def test_every_command_a_module_registers_is_in_the_table() -> None:
    # A command added to a module's register() but not to commands.COMMANDS
    # would never be built: no one could run it, and --help would not list it.
    import importlib
    import pkgutil

    import typer
    from typer.main import get_command_name

    from depression_guide import commands

    registered: set[str] = set()
    for found in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"depression_guide.commands.{found.name}")
        if not hasattr(module, "register"):
            continue
        part = typer.Typer()
        module.register(part)
        registered |= {
            info.name or get_command_name(info.callback.__name__)  # type: ignore[union-attr]
            for info in part.registered_commands
        }
        registered |= {
            group.typer_instance.info.name
            for group in part.registered_groups
            if group.typer_instance is not None and isinstance(group.typer_instance.info.name, str)
        }
    assert registered == set(commands.COMMANDS)


def test_a_command_added_later_is_listed_and_found() -> None:
    # click's add_command writes into the group's commands: the lazy table takes it.
    from typer.main import get_command

    from depression_guide.cli import app

    root: Any = get_command(app)
    extra = root.get_command(None, "crisis")
    root.add_command(extra, "help-now")
    assert root.list_commands(None)[-3:] == ["check", "help-now", "config"]
    assert root.get_command(None, "help-now") is extra
    del root.commands["help-now"]
    assert "help-now" not in root.list_commands(None)
