"""One command run: the settings (made once at start-up), the content, the region."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import IO

from depression_guide import strings
from depression_guide import strings as S
from depression_guide.content import Content
from depression_guide.content.model import REGIONS, known_region
from depression_guide.content.packs import open_content
from depression_guide.errors import GuideError
from depression_guide.languages import ENGLISH, PSEUDO, Choice
from depression_guide.settings import UNKNOWN, RegionChoice, RegionSource, Settings
from depression_guide.ui.output import Screen, screen_for


def checked_region(choice: RegionChoice, codes: tuple[str, ...] = REGIONS) -> RegionChoice:
    """A region as given, checked against the regions there are (the built-in
    ones and a pack's own) and written the one way ('gb' -> 'UK')."""
    if choice.code is None:
        return choice
    code = known_region(choice.code, codes)
    if code is None and choice.source is RegionSource.TIMEZONE:
        return UNKNOWN  # a guess the content has no lines for: no guess
    if code is None and choice.source is RegionSource.CONFIG:
        # A saved region the content lacks must not stop the help lines.
        sys.stderr.write(
            f"depression-guide: warning: the saved region '{choice.code}' is not one of "
            f"{', '.join(codes)}; it was left out.\n"
        )
        return UNKNOWN
    if code is None:
        said = S.UNKNOWN_REGION_FROM_ENV if choice.source == RegionSource.ENV else S.UNKNOWN_REGION
        raise GuideError(
            said.format(code=choice.code), S.REGION_HINT.format(codes=", ".join(codes))
        )
    return RegionChoice(code, choice.source)


@dataclass(frozen=True)
class Run:
    """Everything a command needs to know about this run: the settings (made
    once at start-up), the content, and the one region, resolved once."""

    settings: Settings = field(default_factory=Settings)
    loaded: Content | None = field(default=None, repr=False, compare=False)

    @property
    def language(self) -> Choice:
        """This run's language, chosen once at start-up (settings)."""
        return self.settings.language

    @cached_property
    def content(self) -> Content:
        """The content in this run's language: a translated field missing or
        stale (the English changed since) is the English, marked as English."""
        if self.loaded is not None:
            return self.loaded
        code = self.language.code
        if code == ENGLISH:
            return open_content(self.settings.data_dir)
        if code == PSEUDO:
            from depression_guide.catalogs import pseudo

            return open_content(self.settings.data_dir, code, pseudo)
        return open_content(
            self.settings.data_dir, code, lambda text: strings.IN_ENGLISH.format(text=text)
        )

    @cached_property
    def region(self) -> RegionChoice:
        """The region for everything in this run; `code` None when not known."""
        return checked_region(self.settings.region, self.content.region_codes)

    def with_answers_region(self, code: object) -> Run:
        """This run, with the region an answers file (or the region question)
        gave, unless a stronger source (--region) chose one already."""
        if not isinstance(code, str) or not code:
            return self
        return Run(self.settings.with_answers_region(code), self.content)

    @property
    def region_note(self) -> str | None:
        """Where the region came from, when nobody chose it this time: 'Region:
        United Kingdom, from your computer's time zone. Change it with --region.'"""
        from depression_guide import strings as S

        where = {
            RegionSource.TIMEZONE: S.FROM_TIME_ZONE,
            RegionSource.CONFIG: S.FROM_SAVED_SETTINGS,
        }.get(self.region.source)
        if where is None or self.region.code is None:
            return None
        name = self.content.region(self.region.code).name
        return S.REGION_FROM.format(region=name, source=where)

    @property
    def plain(self) -> bool:
        return self.settings.plain

    @property
    def no_color(self) -> bool:
        return self.settings.no_color

    @cached_property
    def screen(self) -> Screen:
        return screen_for(sys.stdout, self.settings)

    def say_draft(self, stream: IO[str]) -> None:
        """Before questions in a draft language: the draft notice, in the
        language and in English (the presenter puts it on the answers' page
        again). Interactive flows only: like their prompts, it goes to the
        prompt stream."""
        if not self.language.draft:
            return
        from depression_guide import views
        from depression_guide.ui.output import write_wrapped

        lines = views.draft_notice_lines(self.region.code)
        write_wrapped("\n".join(lines) + "\n\n", stream, self.settings.width)

    @property
    def can_ask(self) -> bool:
        """Both ends are a terminal: a person is there to answer an offer."""
        try:
            return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def prompt_stream(self, how_else: str) -> IO[str]:
        """The stream prompts draw on: the terminal, even when stdout is a file.

        Raises a usage error naming `how_else` when there is no terminal to ask on.
        """
        no_terminal = GuideError(S.NO_TERMINAL, how_else)
        if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
            raise no_terminal
        for stream in (sys.stdout, sys.stderr):
            if stream.isatty():
                return stream
        try:
            return open("/dev/tty", "w", encoding="utf-8")
        except OSError:
            raise no_terminal from None
