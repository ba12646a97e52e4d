"""Values typed on the command line are checked without pydantic (cli_values.py),
exactly as typer's own pydantic adapters check them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_command

from depression_guide.cli import app
from depression_guide.cli_values import QuickCheck

from .test_startup import ROOT, imported_by


def every_command() -> tuple[Any, list[tuple[str, Any]]]:
    """A context for the app, and every (command name, command) of the app and its groups."""
    root: Any = get_command(app)
    ctx = root.context_class(root, info_name="depression-guide", **root.context_settings)
    found = [("depression-guide", root)]
    for name in root.list_commands(ctx):
        command = root.get_command(ctx, name)
        found.append((name, command))
        found += [(f"{name} {sub}", part) for sub, part in getattr(command, "commands", {}).items()]
    return ctx, found


def every_parameter() -> Iterator[tuple[str, Any, Any]]:
    ctx, commands = every_command()
    for name, command in commands:
        for param in command.get_params(ctx):
            yield name, param, ctx


PARAMETERS = list(every_parameter())


def test_every_parameter_is_checked_quickly() -> None:
    # Also the help option and typer's completion options, which click and
    # typer add after a command is built. If a typer upgrade renames the two
    # names cli_values leans on, this fails rather than pydantic coming back.
    assert len(PARAMETERS) > 50
    slow = [
        f"{name}: {param.name}"
        for name, param, _ in PARAMETERS
        if not isinstance(param._runtime_param, QuickCheck)
    ]
    assert not slow


@pytest.mark.parametrize(
    "args",
    [
        ["show", "cbt"],
        ["--lang", "ar", "show", "cbt", "--format", "MARKDOWN"],
        ["references", "--format", "bibtex"],
        ["explore", "--answers", str(ROOT / "examples" / "answers.yaml"), "--format", "json"],
        ["--region", "UK", "crisis"],
        ["compare", "cbt", "ssri", "--format", "json"],
        ["--data-dir", str(ROOT / "data"), "topics"],
    ],
)
def test_common_commands_do_not_import_pydantic(args: list[str]) -> None:
    # typer imports pydantic for its adapters only when a value needs one.
    assert "pydantic" not in imported_by(args)


def outcome(check: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    """What a coercion makes of a value: the value (and its type) or the error's words."""
    try:
        made = check.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the exception itself is compared
        words = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        return "refused", (type(exc), words)
    kinds = [type(item) for item in made] if isinstance(made, list) else None
    return "made", (type(made), kinds, made)


# pydantic's words for yes and no, in odd cases and spacing, and near misses.
BOOL_WORDS = ["1", "0", "yes", "No", " TRUE ", "oFf", "t", "F", "Y", "n", "2", "yes!"]
BOOL_WORDS += ["\tno\n", "\u00a0on"]


def awkward_words(param: Any) -> list[str]:
    """Words near the edges: names from the list in odd cases, odd paths, yes and no."""
    words = ["", "-", " ", "a/../b//", "~/x", "\x00", "é", *BOOL_WORDS]
    annotation = param.type_descriptor.annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        words += [member.value for member in annotation]
        words += [member.value.upper() for member in annotation]
        words += [f" {member.value}" for member in annotation]
    return words


def test_every_awkward_word_is_made_as_typer_makes_it() -> None:
    for name, param, ctx in PARAMETERS:
        quick = param._runtime_param
        for word in awkward_words(param):
            typers = quick._typers_own()
            assert outcome(quick, word, param, ctx) == outcome(typers, word, param, ctx), (
                name,
                param.name,
                word,
            )


def values_for(param: Any) -> st.SearchStrategy[Any]:
    """Typed values, including the awkward ones, for one parameter."""
    annotation = param.type_descriptor.annotation
    text = st.one_of(st.sampled_from(awkward_words(param)), st.text(max_size=12))
    is_enum = isinstance(annotation, type) and issubclass(annotation, Enum)
    enums = st.sampled_from(list(annotation)) if is_enum else st.nothing()
    single = st.one_of(text, enums, st.booleans(), st.none(), st.integers(), st.binary(max_size=4))
    return st.one_of(single, st.lists(single, max_size=3).map(tuple), st.lists(text, max_size=3))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_quick_check_makes_what_typers_adapter_makes(data: st.DataObject) -> None:
    name, param, ctx = data.draw(st.sampled_from(PARAMETERS), label="parameter")
    quick = param._runtime_param
    value = data.draw(values_for(param), label=f"{name} {param.name}")
    typers = quick._typers_own()
    assert outcome(quick, value, param, ctx) == outcome(typers, value, param, ctx)


def test_the_values_it_checks_quickly_are_the_common_ones() -> None:
    # So the test above compares the quick path, not only the fallback.
    by_name = {(name, param.name): (param, ctx) for name, param, ctx in PARAMETERS}
    cases = [
        (("show", "topic"), ("cbt", "ssri"), ["cbt", "ssri"]),
        (("show", "fmt"), "MarkDown", "markdown"),
        (("explore", "answers_file"), "answers.yaml", "answers.yaml"),
        (("depression-guide", "data_dir"), "pack", Path("pack")),
        (("depression-guide", "plain"), True, True),
        (("show", "no_pager"), " Yes ", True),  # DEPRESSION_GUIDE_NO_PAGER
    ]
    for (command, name), value, expected in cases:
        param, ctx = by_name[command, name]
        quick = param._runtime_param
        assert quick._quick(value, param, ctx) == expected, (command, name)


def test_a_typer_without_those_parts_checks_values_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # typer's internals may move in a later release: then nothing is replaced,
    # and every value is checked by typer's own adapters, as before.
    from depression_guide import cli_values

    from .conftest import run_cli

    monkeypatch.setattr(cli_values, "_typer_has_its_parts", lambda: False)
    result = run_cli(["show", "cbt", "--format", "JSON"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["topics"][0]["id"] == "cbt"
    _, commands = every_command()
    assert not any(
        isinstance(param._runtime_param, QuickCheck)
        for _, command in commands
        for param in command.params
    )


def test_a_refused_path_is_named_as_it_was_typed(tmp_path: Path) -> None:
    # A path parameter with checks (none of ours has one yet): typer's refusal
    # names the path as typed ('./missing/'), not as Path() tidies it.
    from depression_guide.cli_values import check_params

    def command(folder: Annotated[Path, typer.Argument(exists=True)]) -> None:
        pass

    app = typer.Typer(add_completion=False)
    app.command()(command)
    built: Any = typer.main.get_command(app)
    ctx = built.context_class(built, info_name="x")
    (param,) = [p for p in check_params(built.get_params(ctx)) if p.name == "folder"]
    assert isinstance(param._runtime_param, QuickCheck)
    typed = f"{tmp_path}/missing/"
    quick = outcome(param._runtime_param, typed, param, ctx)
    assert quick == outcome(param._runtime_param._typers_own(), typed, param, ctx)
    assert quick[0] == "refused" and typed in quick[1][1]
