"""Guards for the findings of the independent back-translation (plan: backtranslation.md).

Each test pins a wording that the review found unsafe or wrong, so that a later edit of
a draft translation cannot bring it back unnoticed. They read what the program shows:
the compiled catalogs, the content as the loader overlays it, and the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from depression_guide import strings as S
from depression_guide.catalogs import catalog_path, translations
from depression_guide.content import translations as tr
from depression_guide.content.yaml_io import parse_yaml

from .conftest import run_cli

DATA = Path(__file__).resolve().parent.parent / "data"

# "لا يجب" reads as "you must not" in common use (not "you do not have to"): in a
# line that should relieve ("you do not have to face this alone", "you do not have
# to decide today") it turns into an instruction.
MUST_NOT = "لا يجب"
NOT_OBLIGED = "لستَ مضطرًا"


def _arabic_fields() -> dict[str, str]:
    """Every translated field of the built-in Arabic content, by 'file: field'."""
    found: dict[str, str] = {}
    for path in sorted((DATA / tr.I18N / "ar").rglob("*.yaml")):
        translation = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        for key, entry in tr.entries(translation).items():
            found[f"{path.relative_to(DATA / tr.I18N / 'ar')}: {key}"] = entry["text"]
    return found


def _arabic_msgstrs() -> dict[str, str]:
    with catalog_path("ar", ".po").open("rb") as file:
        catalog = read_po(file)
    texts: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue
        raw = message.string
        strings = [raw] if isinstance(raw, str) else [str(part) for part in raw or ()]
        texts[f"{message.context}: {message.id}"] = " ".join(s for s in strings if s)
    return texts


def test_arabic_phq9_thoughts_relieves_rather_than_forbids() -> None:
    # Finding #3 (SAFETY): the item-9 response line, as the compiled catalog gives it.
    shown = translations("ar").pgettext("PHQ9_THOUGHTS", S.PHQ9_THOUGHTS)
    assert shown != S.PHQ9_THOUGHTS, "the Arabic item-9 line must be translated"
    assert MUST_NOT not in shown
    assert NOT_OBLIGED in shown


def test_arabic_decide_sure_if_no_does_not_forbid_deciding_today() -> None:
    # Finding #4: "You do not have to decide today", not "you must not decide today".
    shown = _arabic_fields()["decide.yaml: sure.sure.if_no"]
    assert MUST_NOT not in shown
    assert NOT_OBLIGED in shown


def test_no_arabic_text_uses_the_ambiguous_must_not() -> None:
    texts = {**_arabic_fields(), **_arabic_msgstrs()}
    offending = sorted(name for name, text in texts.items() if MUST_NOT in text)
    assert offending == []


def test_arabic_decision_keeps_trying_none_as_an_outcome() -> None:
    # Finding #5: "Which treatment, if any, to try next": choosing no treatment stays a
    # valid outcome ("or to try none of them"), not "which treatment, if one exists".
    shown = _arabic_fields()["decide.yaml: decision"]
    assert "أو ألّا تجرّب أيًّا منها" in shown
    assert "إن وُجد" not in shown


@pytest.mark.parametrize(
    ("lang", "name"),
    [("ar", "العلاج بمساعدة السيلوسيبين"), ("zh-Hans", "裸盖菇素辅助治疗")],
)
def test_psilocybin_is_named_not_called_narcotics(lang: str, name: str) -> None:
    # Finding #6: the option is psilocybin-assisted therapy; Arabic "مخدّرات" also means
    # illegal narcotics (stigmatising), zh "迷幻药" widens it to every psychedelic.
    result = run_cli(["--lang", lang, "show", "psychedelic-therapy", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    topic = json.loads(result.stdout)["topics"][0]
    assert topic["name"] == name
    assert "مخدّرات" not in result.stdout and "مخدرات" not in result.stdout
    assert "迷幻药" not in topic["name"]


# The second review (plan: bt2.md), of the fields retranslated after the first.


def _fields(lang: str, relative: str) -> dict[str, str]:
    path = DATA / tr.I18N / lang / relative
    translation = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return {key: entry["text"] for key, entry in tr.entries(translation).items()}


def test_chinese_keeps_can_in_a_contested_brain_theory() -> None:
    # Review 2, row 5: "stress can change how brain cells link up", not "does change".
    shown = _fields("zh-Hans", "background/neuroplasticity.yaml")["sections.0.text"]
    assert "压力可能会改变" in shown


def test_chinese_keeps_very_low_certainty_for_medicine_in_young_people() -> None:
    # Review 2, row 6: GRADE "very low" is 非常低; "low" (很低) overstates the evidence.
    shown = _fields("zh-Hans", "options/ssri.yaml")["downsides.8.text"]
    assert "确定性非常低" in shown and "确定性很低" not in shown


def test_arabic_ketamine_clinics_are_specialised_not_private() -> None:
    # Review 2, row 7: "عيادات خاصة" usually means private clinics (a cost the English
    # does not say); the English means specialised clinics.
    shown = _fields("ar", "options/ketamine.yaml")["access.AU.text"]
    assert "عيادات متخصصة" in shown and "عيادات خاصة" not in shown


# The third review (plan: bt3-zh.md, bt3-ar.md), of the fields added to complete the drafts.


def test_chinese_under_18_medicine_note_says_very_low_certainty() -> None:
    # Review 3 (zh), row 1 (SAFETY): a safety note; "very low" is 非常低, and the note and
    # the SSRI option say it the same way.
    note = _fields("zh-Hans", "explore.yaml")["notes.youth-medicine-under-18.text"]
    option = _fields("zh-Hans", "options/ssri.yaml")["downsides.8.text"]
    assert "确定性非常低" in note and "确定性非常低" in option
    assert "确定性很低" not in note


def test_chinese_waiting_may_suit_only_less_severe_depression() -> None:
    # Review 3 (zh), row 2: both groups are people with less severe depression, not
    # "anyone who feels they are getting better".
    shown = _fields("zh-Hans", "options/waiting.yaml")["may_suit.0"]
    assert shown.startswith("抑郁不太严重，并且")
    assert "，或觉得自己正在好转的人" not in shown


def test_arabic_quiz_exercise_myth_is_about_equal_benefit() -> None:
    # Review 3 (ar), row 1: the myth is "exactly as well as antidepressants"; "acts like
    # an antidepressant" (تعمل مثل) is partly true, so "myth" would read as "no help".
    statement = _fields("ar", "quiz.yaml")["items.exercise-same.statement"]
    assert "فائدة الرياضة تساوي تمامًا" in statement
    assert "تعمل تمامًا مثل" not in statement


def test_arabic_about_names_the_quiz_not_a_test() -> None:
    # Review 3 (ar), row 2: "الاختبار" alone reads as testing or the SURE test.
    assert 'اختبار "خرافة أم حقيقة؟"' in _fields("ar", "about.yaml")["changes.7"]
