"""`references`: every export is read back by a real parser of its format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

from depression_guide import bibliography as export
from depression_guide.content import Content, builtin_data_dir
from depression_guide.content.model import Author, Reference

from .conftest import run_cli

CONTENT = Content(builtin_data_dir(), "data")
REFS = sorted(CONTENT.references.values(), key=export.sort_key)
SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text())


def families(ref: object) -> list[str]:
    return [a.family for a in ref.authors]  # type: ignore[attr-defined]


def test_bibtex_round_trip() -> None:
    text = run_cli(["references", "--format", "bibtex"]).stdout
    # Split authors before decoding LaTeX, as BibTeX does: the braces keep an
    # organisation ("... Health and Care Excellence") one name.
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert list(entries) == [r.id for r in REFS]
    for ref in REFS:
        entry = entries[ref.id]
        assert (
            entry.entry_type
            == {"article-journal": "article", "report": "techreport", "webpage": "misc"}[ref.type]
        )
        fields = entry.fields_dict
        names = [" ".join([*n.von, *n.last]).strip("{}") for n in fields["author"].value]
        expected = families(ref) + (["others"] if ref.et_al else [])
        assert names == expected, ref.id
        title = fields["title"].value.replace("{", "").replace("}", "")
        assert title == ref.title
        if ref.year:
            assert fields["year"].value == str(ref.year)
        else:  # no date known: none is made up
            assert "year" not in fields
        if ref.doi:
            assert fields["doi"].value == ref.doi
        if "-" in ref.pages:
            assert fields["pages"].value == ref.pages.replace("-", "--")


def test_bibtex_escapes_and_protects() -> None:
    from depression_guide.content.model import Author, Reference

    ref = Reference(
        id="x2020",
        type="article-journal",
        authors=(Author(family="O'Neil", given="A."),),
        title="Use of CBT & SSRIs: 50% of {cases} in_the #UK",
        container="J & K",
        year=2020,
        verified="V",
        checked="2026-11",
    )
    text = export.bibtex_entry(ref)
    assert r"{{Use} of {CBT} \& {SSRIs:} 50\% of \{cases\} in\_the {\#UK}}" in text
    assert r"journal = {J \& K}" in text
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []


def test_ris_round_trip() -> None:
    text = run_cli(["references", "--format", "ris"]).stdout
    entries = rispy.loads(text)
    assert len(entries) == len(REFS)
    for entry, ref in zip(entries, REFS, strict=True):
        assert (
            entry["type_of_reference"]
            == {"article-journal": "JOUR", "report": "RPRT", "webpage": "ELEC"}[ref.type]
        )
        assert [a.split(",")[0] for a in entry["authors"]] == families(ref)
        assert entry["title"] == ref.title
        assert entry.get("year") == (str(ref.year) if ref.year else None)
        if ref.doi:
            assert entry["doi"] == ref.doi
        if "-" in ref.pages:
            assert (entry["start_page"], entry["end_page"]) == tuple(ref.pages.split("-"))
    assert text.startswith("TY  - ") and text.endswith("ER  - \n")


def test_csl_json_is_valid_against_the_official_schema() -> None:
    items = json.loads(run_cli(["references", "--format", "csl-json"]).stdout)
    jsonschema.validate(items, SCHEMA)
    assert [i["id"] for i in items] == [r.id for r in REFS]
    for item, ref in zip(items, REFS, strict=True):
        assert item["title"] == ref.title
        if ref.year:
            assert item["issued"]["date-parts"][0][0] == ref.year
        else:
            assert "issued" not in item
        names = [a.get("family") or a.get("literal") for a in item["author"]]
        assert names == families(ref)
        if ref.doi:
            assert item["DOI"] == ref.doi and item["URL"] == f"https://doi.org/{ref.doi}"


def test_apa_is_numbered_with_doi_links() -> None:
    out = run_cli(["references"]).stdout
    lines = [line for line in out.strip().splitlines() if re.match(r"\d+\. ", line)]
    assert len(lines) == len(REFS)
    assert lines[0].startswith("1. Australian Government Department of Health. (2021).")
    assert "https://doi.org/10.1002/wps.21069" in out.split()
    assert (
        "Cuijpers, P., Miguel, C., Harrer, M., Plessen, C. Y., Ciharova, M., Ebert, D., & "
        "Karyotaki, E. (2023)." in " ".join(out.split())
    )


def test_markdown_links() -> None:
    out = run_cli(["references", "-f", "markdown"]).stdout
    assert out.startswith("# References\n\n1. ")
    assert "<https://doi.org/10.1136/bmj-2021-067606>" in out


def test_references_for_a_topic_are_only_what_it_cites() -> None:
    items = json.loads(run_cli(["references", "cbt", "-f", "csl-json"]).stdout)
    assert sorted(i["id"] for i in items) == sorted(CONTENT.options["cbt"].references)


def test_references_for_a_category_and_background() -> None:
    items = json.loads(run_cli(["references", "serotonin-theory", "-f", "csl-json"]).stdout)
    assert {"moncrieff2023", "jauhar2023", "ruhe2007"} <= {i["id"] for i in items}


def test_the_fabricated_references_never_appear() -> None:
    out = run_cli(["references", "-f", "bibtex"]).stdout
    assert "s41467-024-52342-4" not in out and "1234567" not in out
    assert "Volkow" not in out


def test_unknown_topic() -> None:
    result = run_cli(["references", "cbtx"])
    assert result.exit_code == 2 and "Did you mean 'cbt'" in result.stderr


def test_machine_formats_ignore_terminal_width() -> None:
    narrow = run_cli(["references", "-f", "bibtex"], env={"COLUMNS": "20"}).stdout
    wide = run_cli(["references", "-f", "bibtex"], env={"COLUMNS": "300"}).stdout
    assert narrow == wide and "\x1b" not in narrow


def test_output_file_and_no_clobber(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    result = run_cli(["references", "-f", "ris", "--output", str(path)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(rispy.loads(path.read_text())) == len(REFS)
    again = run_cli(["references", "-f", "bibtex", "--output", str(path)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert rispy.loads(path.read_text())
    assert run_cli(["references", "-f", "bibtex", "-o", str(path), "--force"]).exit_code == 0
    assert path.read_text().startswith("@")


@pytest.mark.parametrize("fmt", ["bibtex", "apa"])
def test_head_closes_without_a_traceback(fmt: str) -> None:
    result = subprocess.run(
        f"{sys.executable} -m depression_guide references --format {fmt} | head -n 3",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(result.stdout.splitlines()) == 3
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


# --- a reference with every field, of every type, through every format ------------


def full_reference(kind: str) -> Reference:
    """Every field set, a DOI included (no shipped report or web page has one)."""
    return Reference(
        id=f"full-{kind}",
        type=kind,  # type: ignore[arg-type]
        authors=(
            Author(family="Ng", given="K. L."),
            Author(family="World Health Organization"),
        ),
        et_al=True,
        title="Every field: a test title",
        container="The Container",
        year=2024,
        month=3,
        day=7,
        volume="12",
        issue="3",
        pages="101-109",
        doi="10.1234/full.5678",
        url="https://example.org/full",
        publisher="The Publisher",
        place="Sydney",
        verified="V",
        checked="2026-11",
    )


KINDS = ["article-journal", "report", "webpage"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_reaches_bibtex(kind: str) -> None:
    ref = full_reference(kind)
    library = bibtexparser.parse_string(
        export.bibtex_entry(ref), append_middleware=[LatexDecodingMiddleware()]
    )
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    assert fields["year"].value == "2024"
    for name, value in (("volume", "12"), ("number", "3"), ("pages", "101–109")):
        assert fields[name].value == value
    assert fields["doi"].value == ref.doi and fields["address"].value == "Sydney"
    where = {"article-journal": "journal", "report": "institution", "webpage": "howpublished"}
    assert where[kind] in fields


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_reaches_ris(kind: str) -> None:
    ref = full_reference(kind)
    entry = rispy.loads(export.ris_entry(ref))[0]
    assert entry["year"] == "2024" and entry["volume"] == "12" and entry["number"] == "3"
    assert (entry["start_page"], entry["end_page"]) == ("101", "109")
    assert entry["doi"] == ref.doi
    assert entry["urls"] == ["https://doi.org/10.1234/full.5678"]
    assert [a.split(",")[0] for a in entry["authors"]] == ["Ng", "World Health Organization"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_reaches_csl_json(kind: str) -> None:
    ref = full_reference(kind)
    item = export.csl_item(ref)
    jsonschema.validate([item], SCHEMA)
    assert item["issued"] == {"date-parts": [[2024, 3, 7]]}
    for key, value in (
        ("container-title", "The Container"),
        ("volume", "12"),
        ("issue", "3"),
        ("page", "101-109"),
        ("DOI", ref.doi),
        ("URL", "https://doi.org/10.1234/full.5678"),
        ("publisher", "The Publisher"),
        ("publisher-place", "Sydney"),
    ):
        assert item[key] == value, key
    authors = item["author"]
    assert isinstance(authors, list) and authors[1] == {"literal": "World Health Organization"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_reaches_apa_and_markdown(kind: str) -> None:
    ref = full_reference(kind)
    apa = export.apa(ref)
    assert "https://doi.org/10.1234/full.5678" in apa and "Every field: a test title" in apa
    assert "Ng, K. L., World Health Organization, et al." in apa
    markdown = export.to_markdown([ref])
    assert "<https://doi.org/10.1234/full.5678>" in markdown  # an autolink


@pytest.mark.parametrize("fmt", ["apa", "markdown"])
def test_formats_for_reading_are_wrapped_at_80_in_a_pipe(fmt: str, tmp_path: Path) -> None:
    """The README's promise: piped text is wrapped at 80 (web addresses stay whole)."""
    out = run_cli(["references", "-f", fmt]).stdout
    lines = out.splitlines()
    assert lines
    for line in lines:
        assert len(line) <= 80 or len(line.split()) == 1, line
    # Nothing lost: unwrapped, it is the file --output writes, one reference a line.
    saved = tmp_path / "refs.txt"
    assert run_cli(["references", "-f", fmt, "--output", str(saved)]).exit_code == 0
    numbered = re.compile(r"\n(?!\d+\. |\n|$)\s*")
    assert numbered.sub(" ", out) == saved.read_text()
    assert max(len(line) for line in saved.read_text().splitlines()) > 80
    for url in re.findall(r"https?://[^\s>]+", saved.read_text()):
        assert url in out  # never broken across lines


def test_apa_follows_the_terminal_width() -> None:
    narrow = run_cli(["references"], env={"COLUMNS": "40"}).stdout
    assert max(len(line) for line in narrow.splitlines() if len(line.split()) > 1) <= 40
