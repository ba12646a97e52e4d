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
