"""References as APA text, BibTeX, RIS, CSL-JSON and Markdown: pure functions to str.

Small formatters written here rather than bibtexparser/rispy at run time:
the formats we write are a narrow, fixed subset, this keeps `references`
fast (no heavy imports) and the tests parse every output with those real
libraries to prove reference managers accept it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from depression_guide.content.model import Author, Reference
from depression_guide.text_safety import wrap


def sort_key(ref: Reference) -> tuple[str, int, str]:
    """Sorted by first author, then year, then title: a stable order."""
    first = ref.authors[0].family if ref.authors else ref.title
    return (first.casefold(), ref.year or 0, ref.title.casefold())


def doi_url(ref: Reference) -> str:
    return f"https://doi.org/{ref.doi}" if ref.doi else ref.url


def pages_range(pages: str) -> tuple[str, str]:
    """('1357', '1366') for '1357-1366'; ('e067606', '') for an article number."""
    start, _, end = pages.partition("-")
    return start.strip(), end.strip()


# --- APA 7 ---------------------------------------------------------------------


def _apa_name(author: Author) -> str:
    return f"{author.family}, {author.given}" if author.given else author.family


def _apa_authors(ref: Reference) -> str:
    names = [_apa_name(a) for a in ref.authors]
    if ref.et_al:
        return ", ".join(names) + ", et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_date(ref: Reference) -> str:
    if ref.type == "webpage" and ref.month:
        months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        day = f" {ref.day}" if ref.day else ""
        return f"{ref.year}, {months[ref.month - 1]}{day}"
    return str(ref.year) if ref.year else "n.d."


def apa(ref: Reference) -> str:
    """One reference in APA 7 style (plain text; italics are not shown)."""
    authors = _apa_authors(ref)
    ends = "" if authors.endswith(".") else "."
    parts = [f"{authors}{ends} ({_apa_date(ref)}). {ref.title.rstrip('.')}."]
    if ref.type == "article-journal":
        source = ref.container
        if ref.volume:
            source += f", {ref.volume}"
            if ref.issue:
                source += f"({ref.issue})"
        if ref.pages:
            source += f", {ref.pages.replace('-', '–')}"
        parts.append(source + ".")
    elif ref.container or ref.publisher:
        parts.append(f"{ref.container or ref.publisher}.")
    link = doi_url(ref)
    if link:
        parts.append(link)
    return " ".join(parts)


def short(ref: Reference) -> str:
    """A reference in one short line, for the summary's overview: who, where,
    when, and the link to read it ('Cuijpers P, et al. World Psychiatry, 2023.')."""
    first = ref.authors[0]
    initials = first.given.replace(".", "").replace(" ", "")
    who = f"{first.family} {initials}".strip()
    if len(ref.authors) > 1 or ref.et_al:
        who += ", et al"
    where = ref.container or ref.publisher
    if not first.given:  # an organisation: its report's title says more than its name twice
        where = ref.title
    link = doi_url(ref)
    when = f", {ref.year}" if ref.year else ""
    return " ".join(part for part in (f"{who}.", f"{where}{when}.", link) if part)


def to_apa(refs: Iterable[Reference]) -> str:
    return "".join(f"{n}. {apa(ref)}\n" for n, ref in enumerate(refs, start=1))


def to_markdown(refs: Iterable[Reference]) -> str:
    lines = ["# References", ""]
    for n, ref in enumerate(refs, start=1):
        text = apa(ref)
        link = doi_url(ref)
        if link:
            text = text.replace(link, f"<{link}>")
        lines.append(f"{n}. {text}")
    return "\n".join(lines) + "\n"


# --- BibTeX --------------------------------------------------------------------

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIALS = re.compile("|".join(re.escape(k) for k in _LATEX_SPECIALS))


def bib_escape(text: str) -> str:
    """Escape LaTeX's special characters (UTF-8 letters are kept as they are)."""
    return _SPECIALS.sub(lambda m: _LATEX_SPECIALS[m[0]], text)


def bib_title(title: str) -> str:
    """Protect words with capitals ({CBT}, {Lancet}) so styles don't lower-case them."""
    return " ".join(
        "{" + word + "}" if any(ch.isupper() for ch in word) else word
        for word in bib_escape(title).split(" ")
    )


def _bib_author(author: Author) -> str:
    if not author.given:
        return "{" + bib_escape(author.family) + "}"  # an organisation: keep it whole
    return f"{bib_escape(author.family)}, {bib_escape(author.given)}"


def bibtex_entry(ref: Reference) -> str:
    entry_type = {"article-journal": "article", "report": "techreport", "webpage": "misc"}[ref.type]
    authors = [_bib_author(a) for a in ref.authors]
    if ref.et_al:
        authors.append("others")
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(authors)),
        ("title", bib_title(ref.title)),
    ]
    if ref.type == "article-journal":
        fields.append(("journal", bib_escape(ref.container)))
    elif ref.type == "report":
        fields.append(("institution", bib_escape(ref.publisher or ref.container)))
    elif ref.container:
        fields.append(("howpublished", bib_escape(ref.container)))
    for name, value in (
        ("year", str(ref.year or "")),
        ("volume", ref.volume),
        ("number", ref.issue),
        ("pages", ref.pages.replace("-", "--")),
        ("address", ref.place),
    ):
        if value:
            fields.append((name, bib_escape(value)))
    if ref.doi:
        fields.append(("doi", ref.doi))
    if ref.url:
        fields.append(("url", ref.url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{ref.id},\n{body}\n}}\n"


def to_bibtex(refs: Iterable[Reference]) -> str:
    return "\n".join(bibtex_entry(ref) for ref in refs)


# --- RIS -----------------------------------------------------------------------


def ris_entry(ref: Reference) -> str:
    tags: list[tuple[str, str]] = [
        ("TY", {"article-journal": "JOUR", "report": "RPRT", "webpage": "ELEC"}[ref.type]),
        ("ID", ref.id),
    ]
    tags += [("AU", f"{a.family}, {a.given}" if a.given else a.family) for a in ref.authors]
    tags.append(("TI", ref.title))
    if ref.container:
        tags.append(("T2" if ref.type == "article-journal" else "PB", ref.container))
    if ref.year:
        tags.append(("PY", str(ref.year)))
    start, end = pages_range(ref.pages)
    for tag, value in (
        ("VL", ref.volume),
        ("IS", ref.issue),
        ("SP", start),
        ("EP", end),
        ("DO", ref.doi),
        ("UR", doi_url(ref)),
    ):
        if value:
            tags.append((tag, value))
    lines = [f"{tag}  - {value}" for tag, value in tags]
    return "\n".join(lines) + "\nER  - \n"  # the RIS end tag keeps its trailing space


def to_ris(refs: Iterable[Reference]) -> str:
    return "".join(ris_entry(ref) for ref in refs)


# --- CSL-JSON ------------------------------------------------------------------


def csl_item(ref: Reference) -> dict[str, object]:
    date = [ref.year] + [part for part in (ref.month, ref.day) if part] if ref.year else []
    item: dict[str, object] = {
        "id": ref.id,
        "type": ref.type,
        "author": [
            {"family": a.family, "given": a.given} if a.given else {"literal": a.family}
            for a in ref.authors
        ],
        "title": ref.title,
    }
    if date:
        item["issued"] = {"date-parts": [date]}
    for key, value in (
        ("container-title", ref.container),
        ("volume", ref.volume),
        ("issue", ref.issue),
        ("page", ref.pages),
        ("DOI", ref.doi),
        ("URL", doi_url(ref)),
        ("publisher", ref.publisher),
        ("publisher-place", ref.place),
    ):
        if value:
            item[key] = value
    if ref.et_al:
        item["note"] = "Author list shortened; see the DOI for all authors."
    return item


def to_csl_json(refs: Iterable[Reference]) -> str:
    return json.dumps([csl_item(ref) for ref in refs], indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Format:
    """One export format: everything the CLI and its help need to know about it."""

    name: str
    write: Callable[[list[Reference]], str]
    media_type: str
    for_people: bool  # to read (apa, markdown) rather than to import


# The one list of export formats: `references --format`, its help and hint read it.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("apa", to_apa, "text/plain", True),
        Format("bibtex", to_bibtex, "application/x-bibtex", False),
        Format("ris", to_ris, "application/x-research-info-systems", False),
        Format("csl-json", to_csl_json, "application/vnd.citationstyles.csl+json", False),
        Format("markdown", to_markdown, "text/markdown", True),
    )
}


def export(refs: Iterable[Reference], fmt: str) -> str:
    """All references in one format, in the order given."""
    return FORMATS[fmt].write(list(refs))


NUMBERED = re.compile(r"(\d+\. )(.*)")


def wrap_for_reading(text: str, width: int) -> str:
    """A format for people (APA, Markdown) wrapped to `width`, for a screen or a pipe.

    Each numbered reference keeps its number on the first line and hangs the
    rest under its text; web addresses and DOIs are never broken (a broken one
    can't be followed). Formats for programs are never wrapped.
    """
    out: list[str] = []
    for line in text.split("\n"):
        found = NUMBERED.fullmatch(line)
        if found is None or len(line) <= width:
            out.append(line)
            continue
        indent = " " * len(found[1])
        out += wrap(found[2], width, first=found[1], rest=indent)
    return "\n".join(out)
