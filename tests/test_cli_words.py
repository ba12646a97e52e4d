"""The command-line parser's own words in the run's language (issue 25).

typer 0.29 vendors click, whose messages are f-strings: cli_words reads each
error by its class and a strict pattern and says it again through our catalog;
the help pages are drawn by its formatter. English stays exactly as it was
(docs/cli.md is compared by test_docs).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer._click.exceptions import BadParameter, FileError

from depression_guide.cli_words import in_our_words

from .conftest import as_read, run_cli, speaking


@pytest.mark.parametrize(
    ("args", "said", "english"),
    [
        (["--lang", "zh-Hans", "show"], "depression-guide: 错误: 缺少参数 'TOPIC'。", "Missing"),
        (
            ["--lang", "ar", "nosuch"],
            "depression-guide: خطأ: لا يوجد أمر باسم 'nosuch'.",
            "No such",
        ),
        (["--lang", "zh-Hans", "shw"], "没有这个命令: 'shw'。 您是想输入 'show' 吗？", "Did you"),
        (["--lang", "ar", "show", "cbt", "--fromat"], "لا يوجد خيار باسم --fromat", "Possible"),
        (
            ["--lang", "zh-Hans", "show", "cbt", "--format", "pdf"],
            "'--format' / '-f' 的值无效: 'pdf' 不是这些之一: 'text', 'markdown', 'json'。",
            "Invalid",
        ),
        (
            ["--lang", "ar", "crisis", "--region"],
            "الخيار '--region' يحتاج إلى قيمة بعده.",
            "requires",
        ),
    ],
)
def test_parser_errors_in_the_language(args: list[str], said: str, english: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    lines = as_read(result.stderr).splitlines()
    assert said in lines[-2], lines
    assert english not in result.stderr and "error:" not in result.stderr
    assert len(lines) == 2  # one line and the hint, as in English


@pytest.mark.parametrize(
    ("lang", "extra", "said"),
    [
        ("ar", ["a"], "وسيط إضافي غير متوقع (a)"),  # one
        ("ar", ["a", "b"], "وسيطان إضافيان غير متوقعين (a b)"),  # two: Arabic's dual
        ("ar", ["a", "b", "c"], "وسائط إضافية غير متوقعة (a b c)"),  # few
        ("zh-Hans", ["a", "b"], "多余的参数（a b）"),
    ],
)
def test_extra_arguments_take_the_plural_form_of_the_catalog(
    lang: str, extra: list[str], said: str
) -> None:
    result = run_cli(["--lang", lang, "topics", *extra])
    assert result.exit_code == 2 and said in result.stderr


def test_english_errors_are_unchanged() -> None:
    result = run_cli(["show"])
    assert result.stderr.splitlines() == [
        "depression-guide: error: Missing argument 'TOPIC'.",
        "Try 'depression-guide show --help' for help.",
    ]
    extra = run_cli(["topics", "a"])
    assert "Got unexpected extra argument(s) (a)" in extra.stderr


@pytest.fixture
def chinese() -> Iterator[None]:
    yield from speaking("zh-Hans")


def test_an_error_not_understood_stays_english(chinese: None) -> None:
    odd = BadParameter("it was odd", param_hint="'--x'")  # not "... is not one of ..."
    assert in_our_words(odd) == "Invalid value for '--x': it was odd"
    assert in_our_words(FileError("f.txt", "gone")) == "Could not open file 'f.txt': gone"


@pytest.mark.parametrize(
    ("lang", "words", "english"),
    [
        ("zh-Hans", ["用法: depression-guide show", "参数:", "选项:", "显示这条帮助后退出。",
                     "显示选择、类别或背景主题的摘要。", "[默认: text]", "[必填]", "示例:"],
         ["Usage", "Options", "Arguments", "Show this message", "Print summaries", "default"]),
        ("ar", ["الاستخدام: depression-guide show", "الخيارات:", "اعرض هذه الرسالة ثم اخرج."],
         ["Usage", "Options", "Show this message"]),
    ],
)  # fmt: skip
def test_help_pages_in_the_language(lang: str, words: list[str], english: str) -> None:
    result = run_cli(["--lang", lang, "show", "--help"])
    assert result.exit_code == 0
    flat = " ".join(as_read(result.stdout).split())
    for word in words:
        assert word in flat, word
    for word in english:
        assert word not in result.stdout, word
    # the examples stay as typed
    assert "depression-guide show ssri exercise --format markdown" in as_read(result.stdout)


def test_the_command_list_in_the_language() -> None:
    result = run_cli(["--lang", "zh-Hans", "--help"])
    assert "命令:" in result.stdout and "一步步引导" in result.stdout  # explore's summary
    group = run_cli(["--lang", "ar", "config", "--help"])
    assert "اطبع مكان ملف الإعدادات" in group.stdout  # a lazy group's subcommand
