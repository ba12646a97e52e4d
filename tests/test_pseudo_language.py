"""The pseudo-language en-XA: English made strange and ~30% longer, in ⟦ ⟧.

Run over every command and format at 40 columns: any plain English word left
is a string that bypassed the catalogs (or content that bypassed the
overlay); a ⟦ without its ⟧ is text that was cut.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pytest

from depression_guide.content import builtin_content
from depression_guide.content.yaml_io import parse_yaml

from .conftest import ROOT, run_cli

DEFAULT = str(ROOT / "examples" / "paths" / "default.yaml")
AT_RISK = str(ROOT / "examples" / "paths" / "at-risk.yaml")
DECIDE = str(ROOT / "examples" / "decide.yaml")
COMMANDS = [
    ["explore", "--answers", DEFAULT],
    ["explore", "--answers", DEFAULT, "--format", "markdown"],
    ["explore", "--answers", DEFAULT, "--format", "html"],
    ["explore", "--answers", AT_RISK],
    ["show", "cbt"],
    ["show", "ssri", "--format", "markdown"],
    ["show", "psychotherapy"],
    ["show", "serotonin-theory"],
    ["compare", "cbt", "ssri"],
    ["crisis"],
    ["crisis", "--region", "UK", "--format", "markdown"],
    ["topics"],
    ["decide", "--answers", DECIDE],
    ["check", "phq9", "--answers", "1,1,1,1,1,1,1,1,1"],
    ["about"],
]
# Words that stay English by design: what a person dials or types, and names.
COMMAND_WORDS = {
    "English",
    "depression-guide",
    "lang",
    "dir",
    "ltr",
    "en-XA",
    "TOPIC",
    "ID",
    "Ctrl-C",
}


def strings_in(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings_in(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings_in(value)]
    return [node] if isinstance(node, str) else []


@cache
def english_by_design() -> frozenset[str]:
    """Words of references, services' names and codes, the PHQ-9, ids and aliases."""
    data = Path(builtin_content().root)
    texts = strings_in(parse_yaml((data / "references.yaml").read_text(), "references"))
    crisis = parse_yaml((data / "crisis.yaml").read_text(), "crisis")
    texts += [
        str(line.get(key, ""))
        for region in crisis["regions"]
        for line in region["lines"]
        for key in ("name", "text", "website", "source")
    ]
    phq9 = parse_yaml((data / "phq9.yaml").read_text(), "phq9")
    texts += strings_in({k: phq9[k] for k in ("stem", "answers", "items", "difficulty_answers")})
    content = builtin_content()
    for option in content.options.values():
        texts += [option.id, *option.aliases]
    for category in content.categories.values():
        texts += [category.id, *category.aliases]
    texts += [*content.background, *COMMAND_WORDS]
    return frozenset(w for t in texts for w in re.findall(r"[A-Za-z][A-Za-z'+-]*", t))


def leftover_english(text: str) -> list[str]:
    while re.search(r"⟦[^⟦⟧]*⟧", text):
        text = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:org|com|au|uk|ca|nz|ie|gov)\S*", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z'+-]{2,}", text)
    allowed = english_by_design()
    return sorted({w for w in words if w not in allowed and w.strip("-'") not in allowed})


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:4]))
def test_no_plain_english_and_nothing_cut_at_40_columns(args: list[str]) -> None:
    result = run_cli(["--lang", "en-XA", *args], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if "--format" in args and "html" in args:
        out = html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", out, flags=re.S))
    if "json" in args:
        import json

        out = "\n".join(strings_in(json.loads(out)))
    else:
        assert out.count("⟦") == out.count("⟧") and "…" not in out
    assert leftover_english(out) == []


# --- --help pages and errors (issue 25: click's words, ours, GuideErrors) ---------

HELP_PAGES = [
    ["--help"],
    *([name, "--help"] for name in (
        "explore", "decide", "topics", "show", "compare", "references", "crisis", "quiz",
        "about", "validate", "check", "config",
    )),
    ["check", "phq9", "--help"],
    ["config", "set", "--help"],
]  # fmt: skip
ERRORS = [
    ["show"],  # click: missing argument
    ["nosuch"],  # click: no such command
    ["shw", "cbt"],  # ... with "did you mean"
    ["show", "cbt", "--fromat", "json"],  # click: no such option
    ["show", "cbt", "--format", "pdf"],  # click: invalid choice
    ["crisis", "--region"],  # click: option needs a value
    ["topics", "a", "b"],  # click: extra arguments (plural)
    ["show", "cbtt"],  # ours: unknown topic, did you mean
    ["compare", "cbt"],  # ours: compare needs two
    ["compare", "cbt", "serotonin-theory"],  # ours: a background topic
    ["--region", "ZZ", "crisis"],  # ours: unknown region
    ["explore"],  # ours: no terminal to ask on
    ["explore", "--answers", DEFAULT, "--save", "summary.pdf"],  # ours: which format
    ["explore", "--answers", DEFAULT, "--save", "taken.md"],  # files.py: never replaced
    ["explore", "--answers", "nowhere.yaml"],  # yaml_io: no such file
    ["explore", "--answers", "bad-value.yaml"],  # answers.py: a value not allowed
    ["explore", "--answers", "bad-key.yaml"],  # answers.py: a key not known
    ["check", "phq9", "--answers", "1,2"],  # selfcheck: PHQ-9 answers
    ["quiz", "--answers", "myth"],  # selfcheck: quiz answers
]


def without_names(text: str) -> str:
    """What is typed, not read: flags, metavars, types, quoted values, env
    variables and the examples' command lines stay as they are in every language."""
    text = re.sub(r"(?m)^\s+(?:\S.*)?\bdepression-guide .*$", " ", text)  # an example, as typed
    text = re.sub(r"depression-guide(?: [a-z][\w-]*)*", " ", text)  # a command line
    text = re.sub(r"(?m)^  [a-z][\w-]*(?=\s{2})", " ", text)  # a command's name in a list
    text = re.sub(r"--?[a-z][\w-]*|<[^>]*>|\{[^}]*\}|'[^']*'|\b[A-Z][A-Z0-9_]+\b", " ", text)
    return text


@pytest.mark.parametrize("args", HELP_PAGES, ids=" ".join)
def test_help_pages_have_no_plain_english(args: list[str]) -> None:
    result = run_cli(["--lang", "en-XA", *args])
    assert result.exit_code == 0, result.stderr
    assert leftover_english(without_names(result.stdout)) == []


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_errors_have_no_plain_english(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.md").write_text("keep me")
    (tmp_path / "bad-value.yaml").write_text("risk_now: maybe\n")
    (tmp_path / "bad-key.yaml").write_text("colour: red\n")
    result = run_cli(["--lang", "en-XA", *args])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("⟦") >= 2  # the error and its hint, both through the catalog
    assert leftover_english(without_names(result.stderr)) == []
