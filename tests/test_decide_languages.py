"""`decide --answers` refuses a broken answers file in the reader's language.

Run for real (the CLI, a file on disk): the refusal is one or two lines on
stderr with exit code 2, in Chinese or Arabic, and the keys, ids and numbers
the person wrote come back exactly as written. In English the same files give
the same words as before the messages were translated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import as_read, run_cli

# name: (the answers file, what must come back as written, English message and hint)
CASES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "unknown key": (
        "colour: blue\noptions: [cbt, ssri]\n",
        ("'colour'", "sure_before", "next_steps"),
        "{label}: unknown key 'colour'.\nAllowed keys: options, stage, role, ratings, "
        "leaning, sure_before, sure_after, next_steps.",
    ),
    "not a mapping": (
        "- cbt\n",
        ("options: [cbt, ssri]", "sure_after"),
        "{label} must be a mapping of keys to answers, not a list.\nWrite one answer a line, "
        "for example  options: [cbt, ssri]  (the keys: options, stage, role, ratings, "
        "leaning, sure_before, sure_after, next_steps).",
    ),
    "wrong stage": (
        "options: [cbt, ssri]\nstage: maybe\n",
        ("'stage'", "'maybe'", "not-thought", "chosen"),
        "{label}: 'stage' has an invalid value 'maybe'.\n"
        "Allowed: not-thought, considering, close, chosen.",
    ),
    "one option only": (
        "options: [cbt]\n",
        ("'options'", "2", "4", "1", "depression-guide decide cbt ssri exercise"),
        "{label}: 'options' needs 2 to 4 different options, not 1.\n"
        "For example: depression-guide decide cbt ssri exercise",
    ),
    "a category, not one option": (
        "options: [cbt, psychotherapy]\n",
        ("'psychotherapy'", "exercise", "'depression-guide topics'"),
        "{label}: 'psychotherapy' is not one option.\n"
        "Name options such as cbt, ssri or exercise (see 'depression-guide topics').",
    ),
    "not a list of names": (
        "options: [cbt, ssri]\nnext_steps: [gp, {a: 1}]\n",
        ("'next_steps'", "next_steps: [one, two]"),
        "{label}: 'next_steps' must be a list of names.\nFor example  next_steps: [one, two]",
    ),
    "ratings not a mapping": (
        "options: [cbt, ssri]\nratings: [cbt]\n",
        ("'ratings'", "ratings: {cbt: {skills: 5}}"),
        "{label}: 'ratings' must map each option to its reasons' stars.\n"
        "For example:  ratings: {cbt: {skills: 5}}",
    ),
    "rated option not chosen": (
        "options: [cbt, ssri]\nratings: {tms: {evidence: 3}}\n",
        ("'ratings.tms'", "cbt", "ssri"),
        "{label}: 'ratings.tms' is not one of the options chosen.\nThe options: cbt, ssri.",
    ),
    "stars for an option": (
        "options: [cbt, ssri]\nratings: {cbt: 5}\n",
        ("'ratings.cbt'", "0", "5", "easier-test", "skills"),
        "{label}: 'ratings.cbt' must map reason ids to stars (0 to 5).\n"
        "Reasons of cbt: easier-test, evidence, not-all, skills.",
    ),
    "no such reason": (
        "options: [cbt, ssri]\nratings: {cbt: {nosuch: 3}}\n",
        ("'ratings.cbt.nosuch'", "'nosuch'", "not-all"),
        "{label}: 'ratings.cbt.nosuch': cbt has no reason 'nosuch'.\n"
        "Its reasons: easier-test, evidence, not-all, skills.",
    ),
    "bad stars": (
        "options: [cbt, ssri]\nratings: {cbt: {skills: 7}}\n",
        ("'ratings.cbt.skills'", "0", "5", "7"),
        "{label}: 'ratings.cbt.skills' must be 0 to 5 stars, not 7.\n"
        "Leave a reason out to skip it.",
    ),
    "sure not a mapping": (
        "options: [cbt, ssri]\nsure_before: yes\n",
        ("'sure_before'", "SURE", "yes", "no", "risk-benefit", "encouragement"),
        "{label}: 'sure_before' must map the SURE questions to yes or no.\n"
        "The questions: sure, understand, risk-benefit, encouragement.",
    ),
    "not a SURE question": (
        "options: [cbt, ssri]\nsure_after: {happy: yes}\n",
        ("'sure_after.happy'", "SURE", "understand"),
        "{label}: 'sure_after.happy' is not a SURE question.\n"
        "They are: sure, understand, risk-benefit, encouragement.",
    ),
    "bad sure answer": (
        "options: [cbt, ssri]\nsure_before: {sure: maybe}\n",
        ("'sure_before.sure'", "yes", "no", "'maybe'"),
        "{label}: 'sure_before.sure' must be yes or no, not 'maybe'.",
    ),
    "leaning not chosen": (
        "options: [cbt, ssri]\nleaning: exercise\n",
        ("'leaning'", "'exercise'", "cbt", "ssri", "not-sure"),
        "{label}: 'leaning' is 'exercise', which is not one of the options chosen.\n"
        "Allowed: cbt, ssri or not-sure.",
    ),
    "leaning not a name": (
        "options: [cbt, ssri]\nleaning: [cbt]\n",
        ("'leaning'", "['cbt']", "not-sure"),
        "{label}: 'leaning' must be one option's name, not ['cbt'].\n"
        "Allowed: cbt, ssri or not-sure.",
    ),
    "unknown step": (
        "options: [cbt, ssri]\nnext_steps: [fly]\n",
        ("'next_steps'", "'fly'", "read-more", "more-time"),
        "{label}: 'next_steps' has an unknown step 'fly'.\n"
        "Allowed: gp, read-more, family, psychologist, more-time, other.",
    ),
}

# A few words each refusal says in the language (the drafts' own words for
# the same thing as explore's refusals: 键/مفتاح for a key, 值/قيمة for a value).
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh-Hans": {
        "unknown key": ("不认识的键", "可用的键"),
        "not a mapping": ("必须是", "对应表", "每行写一个答案"),
        "wrong stage": ("的值", "无效", "可用的值"),
        "one option only": ("需要", "不同的选择", "例如"),
        "a category, not one option": ("不是治疗选项", "例如"),
        "not a list of names": ("名字列表", "例如"),
        "ratings not a mapping": ("每个选择", "星数", "例如"),
        "rated option not chosen": ("不是已选的治疗选项之一", "已选的治疗选项是"),
        "stars for an option": ("星数", "的理由"),
        "no such reason": ("没有叫", "的理由", "它的理由"),
        "bad stars": ("颗星", "而不是", "跳过"),
        "sure not a mapping": ("SURE 问题", "这些问题是"),
        "not a SURE question": ("不是 SURE 问题", "SURE 问题是"),
        "bad sure answer": ("必须是 yes 或 no", "而不是"),
        "leaning not chosen": ("不是已选的治疗选项之一", "可用的值"),
        "leaning not a name": ("一个选择的名字", "可用的值"),
        "unknown step": ("不认识的步骤", "可用的值"),
    },
    "ar": {
        "unknown key": ("مفتاح غير معروف", "المفاتيح المسموح بها"),
        "not a mapping": ("يجب أن يكون", "جدولًا", "اكتب إجابة واحدة"),
        "wrong stage": ("قيمة", "غير صالحة", "المسموح به"),
        "one option only": ("خيارات مختلفة", "مثلًا"),
        "a category, not one option": ("ليس من خيارات العلاج", "مثل"),
        "not a list of names": ("قائمة أسماء", "مثلًا"),
        "ratings not a mapping": ("كل خيار", "أسبابه", "مثلًا"),
        "rated option not chosen": ("ليس من الخيارات المختارة", "الخيارات المختارة"),
        "stars for an option": ("الأسباب بالنجوم", "أسباب"),
        "no such reason": ("سبب اسمه", "أسبابه"),
        "bad stars": ("نجوم", "لتخطّي"),
        "sure not a mapping": ("أسئلة SURE", "الأسئلة"),
        "not a SURE question": ("ليس سؤالًا", "أسئلة SURE هي"),
        "bad sure answer": ("يجب أن يكون", "yes أو no"),
        "leaning not chosen": ("ليست من الخيارات المختارة", "المسموح به"),
        "leaning not a name": ("اسم خيار واحد", "المسموح به"),
        "unknown step": ("خطوة غير معروفة", "المسموح به"),
    },
}
# The error line's own prefix in each language (ERROR_PREFIX, ANSWERS_FILE).
LABELS = {"zh-Hans": "错误", "ar": "خطأ"}


def refusal(path: Path, *lang: str) -> str:
    """What decide says on stderr about this answers file (exit 2, at most two lines)."""
    result = run_cli([*lang, "decide", "--answers", str(path)])
    said = as_read(result.stderr)
    assert result.exit_code == 2, said
    assert result.stdout == "", result.stdout
    assert len(said.strip().splitlines()) <= 2, said
    assert "Traceback" not in said, said
    return said


def left_in_english(said: str, path: Path, kept: tuple[str, ...]) -> list[str]:
    """English left in a refusal once what is kept as written is taken out (the
    path, anything in quotes, the YAML and command examples): two English words
    side by side, or ids joined by the English ", " instead of the language's."""
    rest = said.replace(str(path), "")
    for literal in kept:
        if " " in literal:
            rest = rest.replace(literal, "")
    rest = re.sub(r"'[^']*'", "", rest)
    return re.findall(r"[A-Za-z]{2,} [A-Za-z]{2,}|[\w-]+, [\w-]+", rest)


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_decide_answers_file_is_refused_in_english_as_before(
    tmp_path: Path, name: str
) -> None:
    text, _kept, english = CASES[name]
    answers = tmp_path / "decide.yaml"
    answers.write_text(text)
    said = refusal(answers)
    label = f"answers file '{answers}'"
    message = english.replace("{label}", label)  # the examples have braces of their own
    assert said == f"depression-guide: error: {message}\n", said


@pytest.mark.parametrize("lang", list(WORDS))
@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_decide_answers_file_is_refused_in_the_language(
    tmp_path: Path, lang: str, name: str
) -> None:
    text, kept, _english = CASES[name]
    answers = tmp_path / "decide.yaml"
    answers.write_text(text)
    said = refusal(answers, "--lang", lang)
    assert LABELS[lang] in said and str(answers) in said, said
    for word in WORDS[lang][name]:
        assert word in said, (word, said)
    for literal in kept:
        assert literal in said, (literal, said)
    assert not left_in_english(said, answers, kept), said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ((), ("Write one answer a line, for example  risk_now: no  (the keys: risk_now, region",)),
        (("--lang", "zh-Hans"), ("是空的", "每行写一个答案", "risk_now: no", "risk_now、region")),
        (("--lang", "ar"), ("فارغ", "اكتب إجابة واحدة", "risk_now: no", "risk_now، region")),
    ],
)
def test_an_empty_explore_answers_file_says_what_to_write_in_the_language(
    tmp_path: Path, lang: tuple[str, ...], words: tuple[str, ...]
) -> None:
    # The same hint as decide's, with explore's keys (it was an English f-string).
    answers = tmp_path / "explore.yaml"
    answers.write_text("")
    result = run_cli([*lang, "explore", "--answers", str(answers)])
    said = as_read(result.stderr)
    assert result.exit_code == 2 and len(said.strip().splitlines()) <= 2, said
    for word in words:
        assert word in said, (word, said)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ((), "the options given"),
        (("--lang", "zh-Hans"), "命令行中给出的治疗选项"),
        (("--lang", "ar"), "الخيارات المكتوبة في الأمر"),
    ],
)
def test_one_option_on_the_command_line_is_refused_in_the_language(
    lang: tuple[str, ...], label: str
) -> None:
    # No answers file: the refusal names the options typed after `decide`.
    result = run_cli([*lang, "decide", "cbt"])
    said = as_read(result.stderr)
    assert result.exit_code == 2 and len(said.strip().splitlines()) <= 2, said
    assert f"{label}: " in said and "'options'" in said, said
    assert "depression-guide decide cbt ssri exercise" in said, said
