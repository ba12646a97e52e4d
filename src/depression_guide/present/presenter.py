"""The one presenter: an Outcome -> every destination, with every safety duty, once.

The duties, kept here so no command (and no new format) can forget one:

- the disclaimer and the region's help lines end what is shown (Ending.HELP),
  in every format, on the screen and in saved files, JSON included;
- after the review date, the review warning, in every destination (screen,
  saved file, JSON);
- a person at risk whose stdout is not a terminal gets the crisis lines on
  stderr too;
- long output is paged on a terminal, and the help lines are printed again
  after the pager closes, so the last screen shows the emergency number;
- in a draft language (a translation not checked by a qualified health
  translator), the draft notice near the top and again beside the
  disclaimer, in every destination (JSON: `draft_notice`); every document
  carries its language (HTML's `lang` and `dir`, JSON's `lang`);
- the view objects are shown in the order the command made them (the order
  the person gave); nothing here sorts them.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import msgspec

from depression_guide import document as d
from depression_guide.present.outcome import Ending, Outcome, SaveTo
from depression_guide.ui.output import Screen, page, page_text, render_as, show, text_of, write
from depression_guide.ui.run import Run

# A saved text file is for reading later or printing: 80 columns, with pictures.
PAGE = Screen(is_tty=False, plain=False, color=False, width=80, encoding="utf-8")
STDERR = Screen(is_tty=False, plain=True, color=False, width=80, encoding="utf-8")


def present(outcome: Outcome) -> int:
    """Show, page, save and alert as the outcome says; the exit code to end with."""
    run = outcome.run
    shown_last = to_screen(outcome) if outcome.to_screen else None
    if outcome.at_risk:
        alert_if_piped(run)
    if outcome.save is not None:
        save(outcome, outcome.save)
        if shown_last is not None:
            from depression_guide.ui.interview import footer_in_view

            # "Saved ... to NAME" (two lines at most) may push the help up.
            footer_in_view(shown_last, 2, run.screen)
    for line in outcome.notes:
        sys.stderr.write(line + "\n")
    if outcome.hint and run.screen.is_tty:
        sys.stderr.write(outcome.hint + "\n")
    if outcome.offer is not None and outcome.save is None and run.can_ask:
        offer(outcome, shown_last)
    return outcome.exit_code


# --- the duties, as pure functions of the view objects ---------------------------


def finished(
    run: Run, doc: d.Document, ending: Ending = Ending.HELP, youth: tuple[Any, ...] = ()
) -> d.Document:
    """A document as every destination shows it: the review warning first when
    it is due, the disclaimer and the region's help lines last, saying where the
    region came from when it was guessed or saved; in a draft language, the
    draft notice first and again before the disclaimer."""
    from depression_guide.views import (
        disclaimer,
        review_warning,
        with_draft_notice,
        with_region_note,
    )

    blocks = list(doc.blocks)
    warning = review_warning(run.content.about, run.settings.today)
    if warning:
        blocks.insert(0, d.Paragraph(warning, _please_note(), key="review_warning"))
    if ending is Ending.HELP:
        blocks += disclaimer(run.content, run.region.code, youth)
    shown = msgspec.structs.replace(doc, blocks=blocks, lang=run.language.code)
    shown = with_region_note(shown, run.region_note)
    if run.language.draft:
        shown = with_draft_notice(shown, run.region.code)
    return shown


def json_of(run: Run, doc: d.Document) -> dict[str, Any]:
    """A finished document as JSON: the page's facts, then the duties read off
    the very blocks the text shows (the help record and disclaimer of the last
    panels, the review warning, the draft notice), so JSON can't say otherwise."""
    data = doc.facts() if doc.facts else {}
    keyed: dict[str, d.Block] = {}
    for block in doc.blocks:
        if isinstance(block, d.Paragraph | d.Callout) and block.key:
            keyed[block.key] = block  # the last of each: the one on the final screen
    help_panel = keyed.get("crisis")
    if isinstance(help_panel, d.Callout):
        data["crisis"] = msgspec.to_builtins(help_panel.record)
    said = keyed.get("disclaimer")
    if isinstance(said, d.Callout):
        data["disclaimer"] = said.lines[0]
    warning = keyed.get("review_warning")
    if isinstance(warning, d.Paragraph):
        data["review_warning"] = warning.text
    if help_panel is not None and run.region_note:
        data["region_note"] = run.region_note  # guessed or saved: said, as on screen
    if doc.lang != "en":
        # (English JSON stays as it was: the key is added only when needed.)
        data["lang"] = doc.lang
    notice = keyed.get("draft_notice")
    if isinstance(notice, d.Callout):
        data["draft_notice"] = list(notice.lines)
    return data


def footer(run: Run, youth: tuple[Any, ...] = ()) -> d.Document:
    """The disclaimer and help lines on their own: shown again after a pager."""
    from depression_guide.views import disclaimer

    return d.Document("").add(*disclaimer(run.content, run.region.code, youth))


def as_text(outcome: Outcome, fmt: str, screen: Screen, for_file: bool = False) -> str:
    """The outcome in a format, as a string (for stdout in a file format, or a file)."""
    run = outcome.run
    if fmt == "as-is" or outcome.document is None:
        return outcome.text or ""
    made = outcome.file_document if for_file and outcome.file_document else None
    doc = finished(run, made(fmt) if made else outcome.document(), outcome.ending, outcome.youth)
    if fmt == "json":
        # The same finished document the text is drawn from.
        return json.dumps(json_of(run, doc), indent=2, ensure_ascii=False) + "\n"
    return render_as(doc, fmt, screen)


# --- destinations -----------------------------------------------------------------


def to_screen(outcome: Outcome) -> d.Document | None:
    """Show the outcome on stdout. At a terminal, the help lines and disclaimer
    it ended with (to show again if later questions push them off the screen)."""
    run = outcome.run
    screen = run.screen
    pager = run.settings.pager if outcome.long and screen.is_tty else None
    if outcome.document is None:  # ready-made text
        if outcome.text and not (pager and page_text(outcome.text, screen, pager)):
            write(outcome.text)
        return None
    if outcome.fmt != "text":
        write(as_text(outcome, outcome.fmt, screen))
        return None
    doc = finished(run, outcome.document(), outcome.ending, outcome.youth)
    last = footer(run, outcome.youth) if outcome.ending is Ending.HELP else trailing_help(doc)
    if pager and page(doc, screen, pager):
        # The pager has closed: its last page is gone from the screen.
        if last is not None:
            show(last, screen)
    else:
        show(doc, screen)
    return last if screen.is_tty else None


def trailing_help(doc: d.Document) -> d.Document | None:
    """The disclaimer and help lines a document ends with, as a footer (or None)."""
    tail: list[d.Block] = []
    for block in reversed(doc.blocks):
        if not (isinstance(block, d.Callout) and block.kind in ("disclaimer", "crisis")):
            break
        tail.insert(0, block)
    return d.Document("", tail) if tail else None


def alert_if_piped(run: Run) -> None:
    """A person at risk sees the crisis lines even when stdout goes to a file:
    plain text on stderr (every region's when the region is not known)."""
    if run.screen.is_tty:
        return
    from depression_guide import strings as S
    from depression_guide.views import crisis_document

    doc = crisis_document(run.content, run.region.code, S.IF_YOU_NEED_HELP_NOW)
    write(text_of(doc, STDERR), sys.stderr)


def save(outcome: Outcome, to: SaveTo) -> None:
    """Write the file the person asked for; say where it went (on stderr)."""
    from depression_guide.files import save as save_file

    text = as_text(outcome, to.fmt, PAGE, for_file=True)
    save_file(to.path, text, force=to.force, private=to.private)
    if to.private:
        from depression_guide import strings as S

        sys.stderr.write(S.SAVED_PRIVATE.format(what=to.what, path=to.path) + "\n")


def offer(outcome: Outcome, shown_last: d.Document | None = None) -> None:
    """Offer to save at the end (no, HTML, Markdown, text) under a suggested name."""
    from pathlib import Path

    from depression_guide.ui.interview import offer_to_save
    from depression_guide.ui.prompts import prompt_io
    from depression_guide.views import doctor_word

    assert outcome.offer is not None
    run = outcome.run
    wanted = outcome.offer

    def write_it(path: Path, text: str) -> None:
        from depression_guide.files import save as save_file

        save_file(path, text, force=False, private=True)
        from depression_guide import strings as S

        sys.stderr.write(S.SAVED_PRIVATE.format(what=wanted.what, path=path) + "\n")

    offer_to_save(
        f"{wanted.stem}-{run.settings.today.isoformat()}",
        lambda fmt: as_text(outcome, fmt, PAGE, for_file=True),
        write_it,
        prompt_io(sys.stdout, run.plain, run.no_color),
        footer=shown_last,
        screen=run.screen,
        doctor=doctor_word(run.content, run.region.code),
    )


def _please_note() -> str:
    from depression_guide import strings as S

    return S.PLEASE_NOTE
