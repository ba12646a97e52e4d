"""`python -m depression_guide.cli_docs > docs/cli.md`: the command reference,
generated from each command's --help, so the docs can't drift (a test checks)."""

from __future__ import annotations

import sys

HEADER = """# Command-line reference

Generated from each command's `--help` by `python -m depression_guide.cli_docs`;
do not edit by hand (a test fails when this file is out of date).
"""


def commands() -> list[list[str]]:
    """Every command and subcommand, in the order `--help` lists them."""
    from depression_guide.cli import app

    found: list[list[str]] = [[]]
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        found.append([name.replace("_", "-")])
    for group in app.registered_groups:
        typer_app = group.typer_instance
        if typer_app is None:
            continue
        group_name = group.name or typer_app.info.name or ""
        found.append([group_name])
        for command in typer_app.registered_commands:
            name = command.name or (command.callback.__name__ if command.callback else "")
            found.append([group_name, name])
    return found


def render() -> str:
    from typer.testing import CliRunner

    from depression_guide.cli import app

    runner = CliRunner()
    parts = [HEADER]
    env = {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    for words in commands():
        result = runner.invoke(app, [*words, "--help"], env=env, prog_name="depression-guide")
        title = " ".join(["depression-guide", *words])
        parts += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render())
