"""The interface's translations: gettext catalogs compiled by Babel.

The English constants of strings.py are the message ids, each with its
constant's name as context. The `.po` files (in locale/<dir>/LC_MESSAGES/)
are what translators edit; `python tools/catalogs.py` extracts, updates and
compiles them with Babel into the `.mo` files read here, with the standard
library's gettext. A test checks that the `.mo` files match the `.po` files.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from depression_guide import strings
from depression_guide.languages import ENGLISH, PSEUDO

DOMAIN = "depression_guide"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def locale_name(code: str) -> str:
    """The catalog folder of a language: 'zh-Hans' -> 'zh_Hans' (Babel's spelling)."""
    return code.replace("-", "_")


def catalog_path(code: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / locale_name(code) / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def translations(code: str) -> gettext.NullTranslations:
    """A language's catalog; English (no translation) when there is none."""
    path = catalog_path(code)
    if code == ENGLISH or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


# --- the pseudo-language (tests only) --------------------------------------------------

_ACCENTS = str.maketrans(
    "aceinousyACEINOUSY", "áçéîñöûšýÁÇÉÎÑÖÛŠÝ"
)  # fmt: skip
# Placeholders, markup and numbers pass through untouched, as a translator keeps them.
_KEEP = re.compile(r"(\{[^}]*\}|\[/?[a-z ]+\]|<[^>]*>|--?[a-z-]+|\d[\d ,.:/]*\d|\d)")


def pseudo(text: str) -> str:
    """English made strange and about 30% longer, in ⟦ ⟧: a string that shows
    plain is one that bypassed the catalogs; one without its ⟧ was cut."""
    if not any(char.isalpha() for char in text):
        return text  # a separator such as ", " has no words to make strange
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    parts = _KEEP.split(text.strip())
    body = "".join(
        part if index % 2 else part.translate(_ACCENTS) for index, part in enumerate(parts)
    )
    padding = "·" * max(1, len(body) * 3 // 10)
    return f"{lead}⟦{body} {padding}⟧{tail}"


def install(code: str) -> None:
    """Put a language's interface strings in place for this run."""
    if code == PSEUDO:
        strings.install(code, lambda _context, text: pseudo(text))
        return
    catalog = translations(code)
    strings.install(code, catalog.pgettext, catalog.npgettext)
