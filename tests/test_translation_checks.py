"""The checks that keep a translation from changing a number or hiding a help line.

Each rule has a fixture that breaks it and a test that sees `validate` fail.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

import pytest
import yaml

from depression_guide.content import translation_checks as checks

from .conftest import run_cli


@pytest.mark.parametrize(
    ("english", "translated", "problem"),
    [
        ("About 42 in 100 felt better.", "100 人中约 42 人好转。", None),
        ("About 42 in 100 felt better.", "100 人中约 24 人好转。", "lost number 42"),
        ("About 42 in 100 felt better.", "100 人中约 42 人好转，共 7 项。", "adds number 7"),
        ("Call 13 11 14.", "请拨打 13 1114。", "lost number 13 11 14"),
        ("Call 13 11 14.", "اتصل على ١٣ ١١ ١٤.", "uses digits"),
        ("Over 10 weeks.", "１０ 周。", "uses digits"),
        ("g = 0.79, 95% CI 0.70 to 0.89", "g = 0.79，95% CI 0.70 至 0.89", None),
        ("See lifeline.org.au.", "请看 lifeline.org", "lost URL lifeline.org.au"),
        ("https://doi.org/10.1002/wps.21069", "https://doi.org/10.1002/wps.2106", "lost DOI"),
        ("It helps [1].", "有帮助 [2]。", "lost marker [1]"),
        ("Run depression-guide show culture.", "运行 depression-guide show cbt。", "lost command"),
        ("Run depression-guide show culture.", "运行 depression-guide show。", "lost command"),
        ("Try depression-guide --lang en.", "试试 depression-guide。", "lost command"),
        # Prose that names the program is not a command: only the name must stay.
        ("depression-guide is a decision aid.", "depression-guide 是一个决策辅助工具。", None),
        ("depression-guide is a decision aid.", "本工具是一个决策辅助工具。", "lost command"),
    ],
)
def test_token_rules(english: str, translated: str, problem: str | None) -> None:
    found = checks.token_problems(english, translated)
    if problem is None:
        assert found == []
    else:
        assert any(problem in p for p in found), found


def test_the_command_list_is_the_programs() -> None:
    import typer

    from depression_guide.cli import app

    group = typer.main.get_command(app)
    with group.make_context("depression-guide", ["about"]) as ctx:
        assert set(checks.COMMANDS) == set(group.list_commands(ctx))  # type: ignore[attr-defined]


def test_interface_strings_keep_placeholders_and_markup() -> None:
    assert (
        checks.template_problems("Help is available ({region})", "可以得到帮助（{region}）") == []
    )
    assert checks.template_problems("Help is available ({region})", "可以得到帮助") == [
        "lost placeholder {region}"
    ]
    assert checks.template_problems("Use --lang en.", "请用 --lang en。") == []
    assert "lost markup --lang" in checks.template_problems("Use --lang en.", "请用英文。")


class FakeCatalog(gettext.NullTranslations):
    """A catalog whose translation of one message dropped its placeholder."""

    def pgettext(self, context: str, message: str) -> str:
        if context == "HELP_IS_AVAILABLE":
            return "可以得到帮助"
        return super().pgettext(context, message)


def test_the_catalog_check_finds_a_lost_placeholder(monkeypatch: pytest.MonkeyPatch) -> None:
    assert checks.catalog_problems("zh-Hans") == []  # the shipped catalog passes
    import depression_guide.catalogs

    monkeypatch.setattr(depression_guide.catalogs, "translations", lambda code: FakeCatalog())
    messages = [p.message for p in checks.catalog_problems("zh-Hans")]
    assert any("HELP_IS_AVAILABLE: lost placeholder {region}" in m for m in messages)
    # and, with no translations at all, every safety line is missing
    assert any("DRAFT_NOTICE: a safety line must be translated" in m for m in messages)


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["fields"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_validate_fails_on_a_changed_number(pack: Path) -> None:
    def change(fields: dict[str, Any]) -> None:
        entry = fields["glance.evidence"]
        entry["text"] = entry["text"].replace("42", "52")

    _edit(pack / "i18n" / "zh-Hans" / "options" / "cbt.yaml", change)
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "i18n/zh-Hans/options/cbt.yaml: fields.glance.evidence: lost number 42" in result.stdout
    assert "adds number 52" in result.stdout


def test_validate_fails_on_a_dropped_crisis_line(pack: Path) -> None:
    _edit(pack / "i18n" / "ar" / "crisis.yaml", lambda f: f.pop("danger_message"))
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert (
        "i18n/ar/crisis.yaml: fields.danger_message: a safety line must be translated"
        in result.stdout
    )


def test_validate_fails_on_a_phone_number_in_other_digits(pack: Path) -> None:
    def change(fields: dict[str, Any]) -> None:
        fields["notes.pregnancy-au.text"]["text"] = "تدعم PANDA (١٣٠٠ ٧٢٦ ٣٠٦) الحوامل."

    _edit(pack / "i18n" / "ar" / "explore.yaml", change)
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "notes.pregnancy-au.text: uses digits" in result.stdout
    assert "lost number 1300 726 306" in result.stdout


def test_a_stale_safety_line_is_counted_and_noticed(pack: Path) -> None:
    crisis = pack / "crisis.yaml"
    crisis.write_text(
        crisis.read_text(encoding="utf-8").replace(
            "hours: see website for hours, for_whom: LGBTIQ+ people",
            "hours: see website for hours, for_whom: LGBTIQ+ people and their families",
        ),
        encoding="utf-8",
    )
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 0, result.stdout
    assert "i18n/zh-Hans/crisis.yaml: 1 safety line(s) changed in English" in result.stderr
    assert "crisis.yaml: 97% (33 of 34; 1 stale, 0 missing)" in result.stderr


def test_a_translation_file_of_the_wrong_shape_is_refused(pack: Path) -> None:
    path = pack / "i18n" / "zh-Hans" / "categories.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["language"] = "ar"
    data["fields"]["categories.lifestyle.name"] = "生活方式"  # no source_hash
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "zh-Hans/categories.yaml: language: expected 'zh-Hans'" in result.stdout
    assert "fields.categories.lifestyle.name: expected {text, source_hash}" in result.stdout
