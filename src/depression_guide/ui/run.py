"""One command run: the settings from flags and environment, and the content."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from depression_guide.content import Content
from depression_guide.content.model import REGIONS, known_region
from depression_guide.content.packs import open_content
from depression_guide.document import Document
from depression_guide.errors import GuideError
from depression_guide.settings import RegionChoice, RegionSource, Settings
from depression_guide.ui.output import Screen, page, render_as, screen_for, show, write


def checked_region(choice: RegionChoice, codes: tuple[str, ...] = REGIONS) -> RegionChoice:
    """A region as given, checked against the regions there are (the built-in
    ones and a pack's own) and written the one way ('gb' -> 'UK')."""
    if choice.code is None:
        return choice
    code = known_region(choice.code, codes)
    if code is None:
        where = {RegionSource.ENV: " (from DEPRESSION_GUIDE_REGION)"}.get(choice.source, "")
        raise GuideError(
            f"unknown region '{choice.code}'{where}.",
            f"Use one of: {', '.join(codes)} (GB and USA work too).",
        )
    return RegionChoice(code, choice.source)


@dataclass(frozen=True)
class Result:
    """What a command shows: a document to draw, and the same facts as JSON.

    Commands build a Result and hand it to Run.deliver, the one place that
    chooses between them; each is built only when it is the one asked for.
    """

    document: Callable[[], Document]
    data: Callable[[], dict[str, Any]]
    long: bool = False  # paged on a terminal
    footer: Callable[[], Document] | None = None  # shown again after the pager


@dataclass(frozen=True)
class Run:
    """Everything a command needs to know about this run: the settings (made
    once at start-up), the content, and the one region, resolved once."""

    settings: Settings = field(default_factory=Settings)
    loaded: Content | None = field(default=None, repr=False, compare=False)

    @cached_property
    def content(self) -> Content:
        return self.loaded or open_content(self.settings.data_dir)

    @cached_property
    def region(self) -> RegionChoice:
        """The region for everything in this run; `code` None when not known."""
        return checked_region(self.settings.region, self.content.region_codes)

    def with_answers_region(self, code: object) -> Run:
        """This run, with the region an answers file (or the region question)
        gave, unless a stronger source (--region) chose one already."""
        if not isinstance(code, str) or not code:
            return self
        settings = self.settings.with_answers_region(code)
        return Run(settings, self.content)

    @property
    def plain(self) -> bool:
        return self.settings.plain

    @property
    def no_color(self) -> bool:
        return self.settings.no_color

    @cached_property
    def screen(self) -> Screen:
        return screen_for(sys.stdout, self.settings)

    @cached_property
    def review_warning(self) -> str | None:
        """'This content was due for review on ...' once today is past review_due."""
        from depression_guide.views import review_warning

        return review_warning(self.content.about, self.settings.today)

    def checked(self, doc: Document) -> Document:
        """The document as shown: with the review warning when it is due."""
        from depression_guide.views import with_review_warning

        return with_review_warning(doc, self.review_warning)

    def show(self, doc: Document) -> None:
        show(self.checked(doc), self.screen)

    def emit(
        self, doc: Document, fmt: str, long: bool = False, footer: Document | None = None
    ) -> None:
        """Print a document as text (rich on a terminal), markdown or html.

        `long` output is paged on a terminal, unless --no-pager; the `footer`
        (help lines, disclaimer) is printed again after the pager closes, so
        the last screen still shows the emergency number.
        """
        doc = self.checked(doc)
        if fmt == "text":
            pager = self.settings.pager
            if long and pager and self.screen.is_tty and page(doc, self.screen, pager):
                if footer is not None:
                    show(footer, self.screen)
                return
            show(doc, self.screen)
        else:
            write(render_as(doc, fmt, self.screen))

    def deliver(self, result: Result, fmt: str) -> None:
        """Print a command's result in the format asked for."""
        if fmt == "json":
            self.print_json(result.data())
            return
        footer = result.footer() if result.footer else None
        self.emit(result.document(), fmt, long=result.long, footer=footer)

    def print_json(self, data: Any) -> None:
        write(json.dumps(self.checked_json(data), indent=2, ensure_ascii=False) + "\n")

    def checked_json(self, data: Any) -> Any:
        """Every JSON record carries `review_warning` when the content is due."""
        if isinstance(data, dict) and self.review_warning:
            return {**data, "review_warning": self.review_warning}
        return data

    @property
    def can_ask(self) -> bool:
        """Both ends are a terminal: a person is there to answer an offer."""
        try:
            return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def alert_if_piped(self, region: str | None) -> None:
        """A person at risk sees the crisis lines even when stdout goes to a file.

        The lines go to stderr as plain text (`region` None: every region's).
        """
        if self.screen.is_tty:
            return
        from depression_guide import views
        from depression_guide.ui.output import text_of

        doc = views.crisis_document(self.content, region, "If you need help now")
        stderr = Screen(is_tty=False, plain=True, color=False, width=80, encoding="utf-8")
        write(text_of(doc, stderr), sys.stderr)

    def note(self, text: str) -> None:
        """A one-line hint for people at a terminal (never in pipes or files)."""
        if self.screen.is_tty:
            sys.stderr.write(text + "\n")
