"""Which language a run is in: pure functions, no I/O.

The order, first found wins: `--lang`, DEPRESSION_GUIDE_LANG, a saved setting
(a later `config` command fills that slot), the system locale (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG, read the way gettext reads them), then English.
A language we don't have falls back to English, and the caller says so in
one line (only when a person asked for it: a French system locale alone is
not a mistake worth a warning on every run).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import msgspec

ENGLISH = "en"
# The languages people can choose, each in its own words (and in English).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "zh-Hans": "简体中文 (Simplified Chinese)",
    "ar": "العربية (Arabic)",
}
# Written by this project and not yet checked by a qualified health
# translator: every output in them says so (EVIDENCE part N).
DRAFTS: frozenset[str] = frozenset({"zh-Hans", "ar"})
# A pseudo-language for tests: accented and longer English, so a string that
# bypasses the catalogs shows up as plain English. Chosen only by its code.
PSEUDO = "en-XA"
RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar"})

# gettext's order: LANGUAGE (a colon-separated list) first, then the first
# set one of LC_ALL, LC_MESSAGES, LANG.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_TRADITIONAL = {"hant", "tw", "hk", "mo"}  # Traditional Chinese: not offered yet


def normalise(raw: str) -> str | None:
    """A language code as people or locales write it -> ours, or None if we lack it.

    'zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh-SG' -> 'zh-Hans';
    'ar', 'ar_AE.UTF-8' -> 'ar'; 'en_AU', 'C', 'POSIX' -> 'en'.
    """
    code = raw.strip()
    if code.lower() == PSEUDO.lower():
        return PSEUDO
    code = re.split(r"[.@]", code, maxsplit=1)[0]  # drop '.UTF-8', '@euro'
    parts = [part.lower() for part in re.split(r"[-_]", code) if part]
    if not parts:
        return None
    language, rest = parts[0], set(parts[1:])
    if language in ("c", "posix", "en"):
        return ENGLISH
    if language == "zh":
        return None if rest & _TRADITIONAL else "zh-Hans"
    if language == "ar":
        return "ar"
    return None


class Choice(msgspec.Struct, frozen=True):
    """The language of this run, where it came from, and what was refused."""

    code: str
    source: str  # "flag", "env", "saved", "locale" or "default"
    refused: str | None = None  # an asked-for language we don't have

    @property
    def warning(self) -> str | None:
        """The one stderr line when an asked-for language fell back to English."""
        if self.refused is None:
            return None
        offered = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        return (
            f"depression-guide: no language '{self.refused}', so this is in English. "
            f"Languages: {offered}."
        )

    @property
    def draft(self) -> bool:
        return self.code in DRAFTS

    @property
    def rtl(self) -> bool:
        return self.code in RIGHT_TO_LEFT


def locale_languages(variables: Mapping[str, str]) -> list[str]:
    """The system's preferred languages, in gettext's order, from the locale
    variables' values (cli.py reads them; this only orders them)."""
    found: list[str] = []
    for name in LOCALE_VARIABLES:
        value = variables.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE":
            found += [part for part in value.split(":") if part]
            continue
        found.append(value)
        break  # only the first of LC_ALL, LC_MESSAGES, LANG counts
    # gettext ignores LANGUAGE when the locale itself is C.
    if found and variables.get("LANGUAGE") and found[-1].split(".")[0] in ("C", "POSIX"):
        return found[-1:]
    return found


def choose(
    flag: str | None,
    env: str | None = None,
    locales: Sequence[str] = (),
    saved: str | None = None,
) -> Choice:
    """The language of this run, from values read once at start-up: --lang,
    DEPRESSION_GUIDE_LANG, a saved setting, the system's locales (in
    gettext's order, see locale_languages), else English."""
    asked = (
        ("flag", flag),
        ("env", env),
        ("saved", saved),
    )
    for source, raw in asked:
        if raw:
            code = normalise(raw)
            if code is None:
                return Choice(ENGLISH, source, refused=raw)
            return Choice(code, source)
    for raw in locales:
        code = normalise(raw)
        if code is not None:
            return Choice(code, "locale")
    return Choice(ENGLISH, "default")


DEFAULT = Choice(ENGLISH, "default")
