"""Renderers: golden files at several widths, nothing wider than the screen, no boxes in plain."""

from __future__ import annotations

import io
import re

import pytest

from depression_guide import views
from depression_guide.content import Content, builtin_data_dir
from depression_guide.document import Card, Cards, Document
from depression_guide.logic.topics import resolve
from depression_guide.render import html as render_html
from depression_guide.render import markdown as render_markdown
from depression_guide.render import plain as render_plain
from depression_guide.render import terminal as render_terminal
from tests.conftest import as_shown

from .conftest import FIXTURE_PACK, golden

CONTENT = Content(builtin_data_dir(), "data")
# Goldens render the frozen test pack: editing data/ never rewrites them.
FROZEN = Content(FIXTURE_PACK, "pack")
BOX = re.compile("[\u2500-\u257f]")


def page(*topics: str, content: Content = CONTENT) -> Document:
    return as_shown(content, views.topics_document(content, resolve(content, list(topics)), "AU"))


def rich_text(doc: Document, width: int) -> str:
    buffer = io.StringIO()
    render_terminal.render(doc, buffer, color=False, width=width)
    return buffer.getvalue()


@pytest.mark.parametrize("width", [40, 120])
def test_plain_golden(width: int) -> None:
    text = render_plain.render(page("cbt", content=FROZEN), width=width)
    golden(f"show_cbt_plain_{width}.txt", text)
    for line in text.splitlines():
        # Only a single unbreakable word (a long link) may stick out.
        assert len(line) <= width or " " not in line.strip(), line
    assert not BOX.search(text)


@pytest.mark.parametrize("width", [40, 80, 120])
def test_terminal_golden(width: int) -> None:
    text = rich_text(page("ssri", content=FROZEN), width)
    golden(f"show_ssri_terminal_{width}.txt", text)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", [20, 40, 200, 300])
def test_every_topic_renders_at_any_width(width: int) -> None:
    every = [*[*CONTENT.categories][:-1], *CONTENT.background]
    doc = page(*every)
    assert rich_text(doc, width)
    assert render_plain.render(doc, width=width)


def test_no_word_is_cut_at_40_columns() -> None:
    doc = page("ssri")
    text = render_plain.render(doc, width=40)
    words = set(re.findall(r"[A-Za-z]{4,}", text))
    for block_word in ("antidepressant", "serotonin", "withdrawal", "prescriber"):
        assert block_word in words


def test_plain_without_pictures_for_screen_readers() -> None:
    text = render_plain.render(page("ssri"), width=80, pictures=False)
    assert "●" not in text and "About 25 in 100" in text


def test_ascii_terminals_get_ascii_pictures() -> None:
    text = render_plain.render(page("ssri"), width=80, unicode=False)
    assert "# # # # #" in text and "●" not in text


def test_markdown_and_html_are_complete() -> None:
    doc = page("dbs")
    md = render_markdown.render(doc)
    assert md.startswith("# Deep brain stimulation (DBS)") and "About 20 in 100" in md
    html = render_html.render(doc)
    assert html.startswith("<!DOCTYPE html>") and "http" not in html.split("<body>")[0]
    assert 'role="img"' in html
    assert 'aria-label="20 in 100 people whose device was on felt much better' in html


@pytest.mark.parametrize("width", [100, 120, 160])
def test_the_grid_of_cards_never_breaks_a_command_inside_a_word(width: int) -> None:
    from depression_guide.logic.explore import summarise
    from depression_guide.views.summary import summary_document

    doc = summary_document(CONTENT, summarise(CONTENT, {"risk_now": "no"}, "AU"))
    text = rich_text(doc, width)
    assert "━━━" in text  # a grid, not stacked cards
    assert text.count("depression-guide") >= 4
    assert not re.search(r"depression-g?u?i?d?\n", text), "a command cut inside a word"


@pytest.mark.parametrize(
    ("card", "html"),
    [
        (
            Card("Cognitive behavioural therapy (CBT)", ("",), "more", "depression-guide show cbt"),
            "Cognitive behavioural therapy (CBT)<small>more: <code>depression-guide show cbt"
            "</code></small>",
        ),
        (Card("Exercise", ("",), "in full below"), "Exercise<small>in full below</small>"),
        # A name's own brackets are not a hint.
        (
            Card("Transcranial magnetic stimulation (TMS)", ("",)),
            "Transcranial magnetic stimulation (TMS)",
        ),
        (Card("<b>", ("",), "in full below"), "&lt;b&gt;<small>in full below</small>"),
    ],
)
def test_a_card_title_in_html_puts_where_to_read_more_on_its_own_line(
    card: Card, html: str
) -> None:
    page = render_html.render(Document("t", [Cards(("What it is",), (card,))]))
    assert f'<th scope="row">{html}</th>' in page
    # In text, the same card is one line: its name, then where to read more.
    assert (
        render_plain.render(Document("t", [Cards(("What it is",), (card,))])).count(card.name) == 1
    )


@pytest.mark.parametrize("lang", ["zh-Hans", "ar"])
def test_translated_pages_are_never_cut_on_a_narrow_terminal(lang: str) -> None:
    # Chinese has no spaces to wrap at: a list item or card field in a table column
    # that cuts with "…" lost whole sentences (a crisis sentence among them).
    from wcwidth import wcswidth

    content = Content(builtin_data_dir(), "data", lang=lang, mark="[EN] {}".format)
    every = [*[*content.categories][:-1], *content.background]
    text = rich_text(page(*every, content=content), 40)
    assert "…" not in text
    assert max(wcswidth(line) for line in text.splitlines()) <= 40
