"""This run's settings: made once at start-up (cli.py) from flags and the
environment, then passed down and never changed. Nothing below the command
layer reads the environment; it reads these.

The region is chosen here too, with where it came from, so every part of a
run (recap, notes, access text, next steps, help lines) names the same one.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import msgspec

from depression_guide.languages import DEFAULT as ENGLISH_DEFAULT
from depression_guide.languages import Choice as LanguageChoice
from depression_guide.languages import choose as choose_language

# msgspec Structs rather than dataclasses: made at every start-up, and a
# dataclass exec()s generated code at import (a few ms each).


class RegionSource(StrEnum):
    """Where a region came from, strongest first (the order of PRECEDENCE)."""

    FLAG = "flag"  # --region
    ANSWERS = "answers"  # the answers file's `region` (or the region question)
    ENV = "env"  # DEPRESSION_GUIDE_REGION
    CONFIG = "config"  # a saved setting (a later step plugs it in here)
    TIMEZONE = "timezone"  # a guess from the time zone (likewise)
    NONE = "none"  # not known: help for every region is shown


PRECEDENCE: tuple[RegionSource, ...] = tuple(RegionSource)


class RegionChoice(msgspec.Struct, frozen=True):
    """A region code as given (checked against the content later) and its source.

    `code` None means the region is not known.
    """

    code: str | None = None
    source: RegionSource = RegionSource.NONE

    @property
    def known(self) -> bool:
        return self.code is not None


UNKNOWN = RegionChoice()


def choose_region(*candidates: RegionChoice) -> RegionChoice:
    """The strongest candidate that names a region; UNKNOWN when none does."""
    given = [c for c in candidates if c.code]
    if not given:
        return UNKNOWN
    return min(given, key=lambda c: PRECEDENCE.index(c.source))


class Settings(msgspec.Struct, frozen=True):
    """Everything about this run that comes from outside the program."""

    data_dir: Path | None = None
    region: RegionChoice = UNKNOWN
    # The language, with its source (--lang, DEPRESSION_GUIDE_LANG, the
    # locale, or English), chosen once from values cli.py read.
    language: LanguageChoice = ENGLISH_DEFAULT
    plain: bool = False  # --plain or TERM=dumb: no boxes, colour or pictures
    no_color: bool = False  # --no-color or NO_COLOR (or plain)
    pager: str | None = None  # the command long output is paged through; None: never
    width: int = 80  # the terminal's columns (COLUMNS, or asked of the terminal)
    today: dt.date = dt.date(2026, 1, 1)
    debug: bool = False
    # Saved settings (config.toml), where the file is, and for `config` the
    # problem that stopped it being read (other commands warned and went on).
    saved: dict[str, str | bool] = {}  # msgspec gives each Settings its own
    config_file: Path | None = None
    config_problem: Exception | None = None
    time_zone: str | None = None  # the computer's zone name, e.g. Europe/London

    def merged(
        self,
        region: str | None = None,
        plain: bool = False,
        no_color: bool = False,
        no_pager: bool = False,
        lang: str | None = None,
    ) -> Settings:
        """With the display options given after the command name (they win)."""
        chosen = choose_region(RegionChoice(region, RegionSource.FLAG), self.region)
        return msgspec.structs.replace(
            self,
            region=chosen,
            # --lang is the strongest source: given here, it alone decides.
            language=choose_language(lang) if lang else self.language,
            plain=self.plain or plain,
            no_color=self.no_color or no_color or plain,
            pager=None if no_pager else self.pager,
        )

    def with_answers_region(self, code: str | None) -> Settings:
        """With the region an answers file (or the region question) gave, where
        nothing stronger (--region) already chose one."""
        return msgspec.structs.replace(
            self, region=choose_region(RegionChoice(code, RegionSource.ANSWERS), self.region)
        )
