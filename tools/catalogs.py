"""Extract, update and compile the interface's gettext catalogs with Babel.

    python tools/catalogs.py            # all three steps
    python tools/catalogs.py --check    # exit 1 if a .po or .mo is out of date (CI)

Messages come from strings.py (strings.messages(): the English text, with the
constant's name as context), and from the commands' --help texts (context
HELP: cli_words.help_messages, read from the command tree). Each language's
.po keeps its translations;
new messages arrive untranslated (English shows until they are translated),
changed ones are marked fuzzy (and so not compiled: English shows).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from depression_guide import strings  # noqa: E402
from depression_guide.catalogs import LOCALE_DIR, catalog_path, locale_name  # noqa: E402
from depression_guide.cli_words import HELP  # noqa: E402
from depression_guide.languages import DRAFTS  # noqa: E402

# Fixed, so that the same messages always give the same files (CI compares them).
DATE = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
HEADER = (
    "Interface strings of depression-guide. Drafts: not checked by a qualified health translator."
)


def template() -> Catalog:
    catalog = Catalog(
        project="depression-guide",
        header_comment=f"# {HEADER}",
        creation_date=DATE,
        revision_date=DATE,
    )
    for context, text in strings.messages():
        catalog.add(text, context=context)
    for context, forms in strings.PLURALS.items():
        catalog.add(forms, context=context)
    for text in help_texts():
        catalog.add(text, context=HELP)
    return catalog


def help_texts() -> list[str]:
    """Every --help text of the commands (context HELP), as cli_words looks them up:
    read from the command tree typer builds, lazy groups included."""
    import typer.main

    from depression_guide.cli import app
    from depression_guide.cli_words import help_messages
    from depression_guide.commands import LAZY_GROUPS, lazy_group

    found = list(help_messages(typer.main.get_command(app)))
    for name in LAZY_GROUPS:
        found += [text for text in help_messages(lazy_group(name)) if text not in found]
    return found


def updated(code: str, pot: Catalog) -> Catalog:
    path = catalog_path(code, ".po")
    if path.is_file():
        with path.open("rb") as file:
            catalog = read_po(file, locale=locale_name(code))
    else:
        catalog = Catalog(
            locale=locale_name(code),
            project="depression-guide",
            header_comment=f"# {HEADER}",
            creation_date=DATE,
            revision_date=DATE,
        )
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()  # a message strings.py no longer has
    catalog.revision_date = DATE
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compiled(code: str) -> bytes:
    """The .mo that the committed .po of a language compiles to."""
    with catalog_path(code, ".po").open("rb") as file:
        return mo_bytes(read_po(file, locale=locale_name(code)))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    pot = template()
    stale = []
    for code in sorted(DRAFTS):
        catalog = updated(code, pot)
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        for path, data in ((catalog_path(code, ".po"), po), (catalog_path(code, ".mo"), mo)):
            if path.is_file() and path.read_bytes() == data:
                continue
            if check:
                stale.append(str(path.relative_to(ROOT)))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    (LOCALE_DIR / "depression_guide.pot").write_bytes(po_bytes(pot)) if not check else None
    if stale:
        print("out of date (run python tools/catalogs.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
