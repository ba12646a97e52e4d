"""Content translations: files beside the English, laid over it by fingerprint."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import msgspec
import pytest

from depression_guide.content import Content, builtin_content, compile_snapshot
from depression_guide.content import translations as tr
from depression_guide.content.yaml_io import parse_yaml

from .conftest import run_cli

MARK = "[EN] {}".format


def test_fingerprint_is_the_first_12_hex_of_sha256() -> None:
    text = "If you are in danger now, call the emergency number."
    assert tr.fingerprint(text) == hashlib.sha256(text.encode()).hexdigest()[:12]


def test_ids_numbers_services_and_the_phq9_are_never_translatable() -> None:
    crisis = {
        "danger_message": "Call now.",
        "regions": [
            {
                "code": "AU",
                "name": "Australia",
                "emergency": "000",
                "lines": [{"name": "Lifeline", "text": "text 0477 13 11 14", "hours": "24/7",
                           "for_whom": "men", "phone": "13 11 14", "website": "lifeline.org.au"}],
            }
        ],
    }  # fmt: skip
    assert tr.translatable("crisis.yaml", crisis) == {
        "danger_message": "Call now.",
        "regions.AU.name": "Australia",
        "regions.AU.lines.0.for_whom": "men",
    }
    phq9 = {"stem": "Over the last 2 weeks", "items": ["Little interest"], "share": "Share it."}
    assert tr.translatable("phq9.yaml", phq9) == {"share": "Share it."}
    assert tr.translatable("references.yaml", {"references": [{"title": "A"}]}) == {}


def test_note_titles_are_words_to_translate_but_the_corrected_articles_title_is_not() -> None:
    # A note's title is a heading a person reads (three notes are safety notes);
    # the article about.yaml corrects is cited by its own title.
    notes = {"notes": [{"id": "youth", "title": "If you are under 18", "text": "Bring someone."}]}
    assert tr.translatable("explore.yaml", notes) == {
        "notes.youth.title": "If you are under 18",
        "notes.youth.text": "Bring someone.",
    }
    about = {"source": {"title": "Serotonin, Depression and SSRIs"}, "tools": "Made with care."}
    assert tr.translatable("about.yaml", about) == {"tools": "Made with care."}


@pytest.mark.parametrize("lang", ["zh-Hans", "ar"])
def test_every_explore_note_has_its_title_in_the_language(lang: str) -> None:
    root = builtin_content().root
    english = Content(root, "data").explore.notes
    shown = Content(root, "data", lang=lang, mark=MARK).explore.notes
    for before, after in zip(english, shown, strict=True):
        assert after.title != before.title, before.id
        assert not after.title.startswith("[EN]"), before.id


ENGLISH = {"id": "cbt", "name": "CBT", "glance": {"what": "A talking therapy."}, "order": 10}


def test_overlay_uses_a_current_translation_and_marks_missing_english() -> None:
    translation = {
        "fields": {"name": {"text": "认知行为治疗", "source_hash": tr.fingerprint("CBT")}}
    }
    shown = tr.overlay("options/cbt.yaml", ENGLISH, translation, MARK)
    assert shown == {
        "id": "cbt",
        "name": "认知行为治疗",
        "glance": {"what": "[EN] A talking therapy."},
        "order": 10,
    }


def test_a_stale_translation_is_never_shown() -> None:
    old = {"fields": {"name": {"text": "旧的翻译", "source_hash": tr.fingerprint("CBT (old)")}}}
    shown = tr.overlay("options/cbt.yaml", ENGLISH, old, MARK)
    assert shown["name"] == "[EN] CBT"
    report = tr.coverage("options/cbt.yaml", ENGLISH, old)
    assert (report.total, report.stale, report.missing) == (2, ["name"], ["glance.what"])
    assert report.percent == 0


def _with_translation(pack: Path, lang: str, relative: str, fields: dict[str, str]) -> None:
    english = parse_yaml((pack / relative).read_text(encoding="utf-8"), relative)
    texts = tr.translatable(relative, english)
    target = pack / "i18n" / lang / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = {
        key: {"text": text, "source_hash": tr.fingerprint(texts[key])}
        for key, text in fields.items()
    }
    body = msgspec.json.encode({"schema_version": 1, "language": lang, "fields": entries}).decode()
    target.write_text(body, encoding="utf-8")  # JSON is YAML


def test_a_pack_carries_its_own_translations(tmp_path: Path) -> None:
    from .conftest import FIXTURE_PACK

    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE_PACK, pack)
    _with_translation(pack, "zh-Hans", "options/cbt.yaml", {"glance.what": "一种谈话治疗。"})
    content = Content(pack, "pack", lang="zh-Hans", mark=MARK)
    option = content.options["cbt"]
    assert option.glance is not None and option.glance.what == "一种谈话治疗。"
    assert option.name.startswith("[EN] ")  # not translated: English, marked
    english = Content(pack, "pack").options["cbt"].glance
    assert english is not None and english.what != "一种谈话治疗。"


def test_the_snapshot_carries_the_translations(tmp_path: Path) -> None:
    root = builtin_content().root
    snapshot = msgspec.json.decode(compile_snapshot(root))
    assert "i18n/zh-Hans/crisis.yaml" in snapshot and "i18n/ar/crisis.yaml" in snapshot
    compiled = Content(root, "data", snapshot, "ar", MARK)
    from_yaml = Content(root, "data", lang="ar", mark=MARK)
    assert compiled.crisis == from_yaml.crisis
    assert compiled.crisis.danger_message == "إذا كنت في خطر الآن، اتصل برقم الطوارئ."


def test_stale_field_shows_english_marked_on_the_command_line(pack: Path) -> None:
    # The English changes after the translation was made: the English shows, marked.
    cbt = pack / "options" / "cbt.yaml"
    text = cbt.read_text(encoding="utf-8")
    cbt.write_text(
        text.replace("CBT is a talking therapy.", "CBT is a kind of talking therapy."),
        encoding="utf-8",
    )
    result = run_cli(["--data-dir", str(pack), "--lang", "zh-Hans", "show", "cbt"])
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "CBT 是一种谈话治疗" not in flat  # the old translation
    assert "[英文] CBT is a kind of talking therapy." in flat
    assert "您定期和治疗师见面" in flat  # fields whose English is unchanged stay translated


@pytest.mark.parametrize("lang", ["zh-Hans", "ar"])
def test_validate_reports_coverage_for_each_language(lang: str) -> None:
    result = run_cli(["validate", "data"])
    assert result.exit_code == 0, result.stdout
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith(f"coverage {lang}:"))
    assert "%" in line and "stale" in line and "missing" in line
    assert "  crisis.yaml: 100%" in result.stderr


def test_coverage_is_100_only_when_nothing_is_left_in_english() -> None:
    # 903 of 904 rounded to "100%" beside a field shown in English.
    coverage = tr.Coverage(total=904, current=["f"] * 903, missing=["what_it_is"])
    assert coverage.percent == 99
    assert tr.Coverage(total=904, current=["f"] * 904).percent == 100
    assert tr.Coverage(total=3, current=["f"]).percent == 33
