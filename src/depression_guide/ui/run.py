"""One command run: the settings from flags and environment, and the content."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from depression_guide import strings
from depression_guide.content import Content
from depression_guide.content.model import REGIONS, known_region
from depression_guide.content.packs import open_content
from depression_guide.document import Document
from depression_guide.errors import GuideError
from depression_guide.languages import ENGLISH, PSEUDO, Choice, choose
from depression_guide.ui.output import Screen, page, render_as, screen_for, show, write


def region_code(value: str | None, codes: tuple[str, ...] = REGIONS) -> str:
    """A region code from a flag or the environment, checked; AU by default.

    `codes` are the regions there are (the built-in ones, and a pack's own).
    """
    raw = value or os.environ.get("DEPRESSION_GUIDE_REGION") or "AU"
    code = known_region(raw, codes)
    if code is None:
        raise GuideError(
            f"unknown region '{raw}'.",
            f"Use one of: {', '.join(codes)} (GB and USA work too).",
        )
    return code


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


@dataclass
class Run:
    """Everything a command needs to know about this run."""

    data_dir: Path | None = None
    region_flag: str | None = None  # None: not given (explore then asks)
    lang_flag: str | None = None  # --lang, before or after the command
    saved_lang: str | None = None  # a saved setting, when `config` has one
    plain: bool = False
    no_color: bool = False
    debug: bool = False
    pager: bool = True  # long output on a terminal goes through $PAGER
    _screen: Screen | None = field(default=None, repr=False)
    # The help lines and disclaimer that ended the last text shown at a
    # terminal: the save offer shows them again if its question scrolls them away.
    last_footer: Document | None = field(default=None, repr=False)

    @cached_property
    def language(self) -> Choice:
        """This run's language, chosen once (see languages.choose)."""
        return choose(self.lang_flag, os.environ, self.saved_lang)

    def start_language(self) -> None:
        """Say once if the language asked for is not there, and put the
        interface's words in place before anything is shown."""
        if self.language.warning:
            sys.stderr.write(self.language.warning + "\n")
        if self.language.code == ENGLISH and strings.lang == ENGLISH:
            return  # already in place: English start-up imports no catalogs
        from depression_guide import catalogs

        catalogs.install(self.language.code)

    @cached_property
    def content(self) -> Content:
        code = self.language.code
        if code == ENGLISH:
            return open_content(self.data_dir)
        if code == PSEUDO:
            from depression_guide.catalogs import pseudo

            return open_content(self.data_dir, code, pseudo)
        return open_content(self.data_dir, code, lambda text: strings.IN_ENGLISH.format(text=text))

    @cached_property
    def region(self) -> str:
        return region_code(self.region_flag, self.content.region_codes)

    @property
    def region_given(self) -> bool:
        return bool(self.region_flag or os.environ.get("DEPRESSION_GUIDE_REGION"))

    @property
    def screen(self) -> Screen:
        if self._screen is None:
            self._screen = screen_for(sys.stdout, self.plain, self.no_color)
        return self._screen

    @cached_property
    def review_warning(self) -> str | None:
        """'This content was due for review on ...' once today is past review_due."""
        from depression_guide.clock import today
        from depression_guide.views import review_warning

        return review_warning(self.content.about, today())

    # The region a document is about, when a command found it elsewhere than
    # --region (explore's answers); the draft notice's interpreter line uses it.
    shown_region: str | None = None
    shown_region_set: bool = False

    def about_region(self, code: str | None) -> None:
        self.shown_region, self.shown_region_set = code, True

    @property
    def notice_region(self) -> str | None:
        return self.shown_region if self.shown_region_set else self.region

    def checked(self, doc: Document) -> Document:
        """The document as shown: with the review warning when it is due, in
        this run's language, with the draft notice when that is a draft."""
        from depression_guide.views import with_draft_notice, with_review_warning

        doc = with_review_warning(doc, self.review_warning)
        if self.language.draft:
            doc = with_draft_notice(doc, self.notice_region)
        doc.lang = self.language.code
        return doc

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
            if long and self.pager and self.screen.is_tty and page(doc, self.screen):
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
        doc = result.document()
        if fmt == "text" and self.screen.is_tty:
            self.last_footer = footer or trailing_help(doc)
        self.emit(doc, fmt, long=result.long, footer=footer)

    def print_json(self, data: Any) -> None:
        write(json.dumps(self.checked_json(data), indent=2, ensure_ascii=False) + "\n")

    def checked_json(self, data: Any) -> Any:
        """JSON that shows crisis lines carries `review_warning` when the content is
        due; every JSON object says its language, and a draft language its notice."""
        shows_help = isinstance(data, dict) and ("crisis" in data or "emergency" in data)
        if shows_help and self.review_warning:
            data = {**data, "review_warning": self.review_warning}
        if isinstance(data, dict) and self.language.code != ENGLISH:
            # (English JSON stays as it was: the key is added only when needed.)
            data = {**data, "lang": self.language.code}
            if self.language.draft:
                from depression_guide.views import draft_notice_lines

                data["draft_notice"] = list(draft_notice_lines(self.notice_region))
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

        doc = views.crisis_document(self.content, region, strings.IF_YOU_NEED_HELP_NOW)
        stderr = Screen(is_tty=False, plain=True, color=False, width=80, encoding="utf-8")
        write(text_of(doc, stderr), sys.stderr)

    def say_draft(self, stream: Any) -> None:
        """Before questions in a draft language: the draft notice, in the
        language and in English (the answers' page says it again)."""
        if not self.language.draft:
            return
        from depression_guide import views
        from depression_guide.ui.output import write_wrapped

        region = self.region if self.region_given else None
        write_wrapped("\n".join(views.draft_notice_lines(region)) + "\n\n", stream)

    def note(self, text: str) -> None:
        """A one-line hint for people at a terminal (never in pipes or files)."""
        if self.screen.is_tty:
            sys.stderr.write(text + "\n")


def trailing_help(doc: Document) -> Document | None:
    """The disclaimer and help lines a document ends with, as a footer (or None)."""
    from depression_guide.document import Callout

    tail: list[Any] = []
    for block in reversed(doc.blocks):
        if not (isinstance(block, Callout) and block.kind in ("disclaimer", "crisis")):
            break
        tail.insert(0, block)
    return Document("", tail) if tail else None
