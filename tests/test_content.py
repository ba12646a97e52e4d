"""Loading content: the shipped files load, and broken files name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir, model
from depression_guide.content.packs import open_content
from depression_guide.errors import ContentError, ContentErrors

from .conftest import run_cli

DATA = builtin_data_dir()
# Every test here runs under both YAML loaders (see conftest.yaml_loader).
pytestmark = pytest.mark.usefixtures("yaml_loader")


# The content's own files; its translations (i18n/) have their own checks
# (test_translation_checks.py).
ENGLISH = sorted(p for p in DATA.rglob("*.yaml") if "i18n" not in p.relative_to(DATA).parts)


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name)
def test_every_shipped_file_loads(path: Path) -> None:
    content = Content(DATA, "data")
    kinds: dict[str, type[model.Record]] = {"options": model.Option, "background": model.Background}
    if path.parent.name in kinds:
        record = content.load_path(path, kinds[path.parent.name])
        assert isinstance(record, model.Option | model.Background)
        # The file's record is the one the content knows by its id.
        assert record.id == path.stem
        known = content.options if path.parent.name == "options" else content.background
        assert known[record.id] == record
    else:
        import msgspec

        from depression_guide.content.checks import PARTS

        part = content.load(path.name, PARTS[path.name])
        assert isinstance(part, PARTS[path.name])
        fields = msgspec.structs.asdict(part)
        assert fields and all(value not in (None, "", (), []) for value in fields.values()), [
            name for name, value in fields.items() if value in (None, "", (), [])
        ]


def test_builtin_content_has_every_topic_in_the_contract() -> None:
    content = Content(DATA, "data")
    assert set(content.categories) == {
        "psychotherapy",
        "lifestyle",
        "medication",
        "digital",
        "treatment-resistant",
        "not-yet",
        "background",
    }
    assert set(content.options) >= {
        "cbt",
        "ipt",
        "problem-solving-therapy",
        "mbct",
        "behavioural-activation",
        "exercise",
        "nutrition",
        "sleep",
        "social-connection",
        "digital-cbt",
        "ssri",
        "ketamine",
        "psychedelic-therapy",
        "tms",
        "ect",
        "dbs",
    }
    assert set(content.background) >= {
        "serotonin-theory",
        "neuroplasticity",
        "gut-brain",
        "culture",
        "getting-started",
    }


def _error_of(pack: Path) -> ContentError:
    with pytest.raises(ContentErrors) as caught:
        open_content(pack)
    return caught.value.problems[0]


def test_bad_yaml_names_file_and_line(pack: Path) -> None:
    (pack / "options" / "cbt.yaml").write_text("schema_version: 1\nid: [unclosed\n")
    problem = _error_of(pack)
    assert problem.file.endswith("options/cbt.yaml")
    assert "not valid YAML" in problem.message and "line" in problem.message


def test_unknown_key_names_the_key_path(pack: Path) -> None:
    path = pack / "options" / "cbt.yaml"
    path.write_text(
        path.read_text().replace(
            "    references: [cuijpers2023]\n",
            "    references: [cuijpers2023]\n    colour: blue\n",
            1,
        )
    )
    problem = _error_of(pack)
    assert problem.file.endswith("options/cbt.yaml")
    assert problem.key == "benefits[0].colour"
    assert "unknown key" in problem.problem


def test_missing_field_is_named(pack: Path) -> None:
    path = pack / "options" / "exercise.yaml"
    text = path.read_text()
    start = text.index("summary:")
    path.write_text(text[:start] + text[text.index("involves:") :])
    problem = _error_of(pack)
    assert (problem.file.endswith("options/exercise.yaml"), problem.key) == (True, "summary")
    assert "missing" in problem.problem


def test_dangling_reference_is_named(pack: Path) -> None:
    path = pack / "options" / "cbt.yaml"
    path.write_text(
        path.read_text().replace(
            "    references: [cuijpers2023]\n    frequency",
            "    references: [cuijpers2032]\n    frequency",
            1,
        )
    )
    problem = _error_of(pack)
    assert problem.message.endswith(
        "options/cbt.yaml: benefits[0].references: unknown reference 'cuijpers2032'"
    )


def test_wrong_type_is_named(pack: Path) -> None:
    path = pack / "categories.yaml"
    path.write_text(path.read_text().replace("name: Lifestyle", "name: [1, 2]"))
    problem = _error_of(pack)
    assert problem.key == "categories[1].name"
    assert "expected str" in problem.problem


def test_a_list_instead_of_a_mapping(pack: Path) -> None:
    (pack / "about.yaml").write_text("- just\n- a list\n")
    problem = _error_of(pack)
    assert problem.file.endswith("about.yaml") and "mapping" in problem.problem


def test_wrong_schema_version(pack: Path) -> None:
    path = pack / "quiz.yaml"
    path.write_text(path.read_text().replace("schema_version: 1", "schema_version: 9"))
    assert _error_of(pack).key == "schema_version"


def test_broken_pack_exits_2_naming_file_and_key(pack: Path) -> None:
    path = pack / "options" / "cbt.yaml"
    path.write_text(path.read_text().replace("category: psychotherapy", "category: psychotherap"))
    result = run_cli(["--data-dir", str(pack), "show", "cbt"])
    assert result.exit_code == 2
    assert "options/cbt.yaml: category: unknown category 'psychotherap'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_data_dir_from_the_environment(pack: Path) -> None:
    path = pack / "options" / "cbt.yaml"
    path.write_text(
        path.read_text().replace("name: Cognitive behavioural therapy (CBT)", "name: Clinic CBT")
    )
    result = run_cli(["show", "cbt"], env={"DEPRESSION_GUIDE_DATA": str(pack)})
    assert result.exit_code == 0, result.stderr
    assert "Clinic CBT" in result.stdout


def test_data_dir_that_is_not_a_folder(tmp_path: Path) -> None:
    result = run_cli(["--data-dir", str(tmp_path / "nope"), "topics"])
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr
