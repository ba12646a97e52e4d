"""Issue 22, point 8: the compact every-region lines a small screen shows
above the region question. Each phone number stays whole at any width."""

from __future__ import annotations

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.ui.output import wrap_whole
from depression_guide.views import compact_world_lines


@pytest.fixture(scope="module")
def content() -> Content:
    return Content(builtin_data_dir(), "data")


def test_compact_lines_come_from_the_content(content: Content) -> None:
    lines = compact_world_lines(content)
    assert lines[0] == content.crisis.danger_message  # the danger line first
    assert len(lines) == 1 + len(content.regions)  # one line a region
    for region, line in zip(content.regions, lines[1:], strict=True):
        assert region.emergency in line
        main = next(x for x in region.lines if x.kind == "crisis")
        assert main.name in line
        if main.phone:
            assert main.phone in line


@pytest.mark.parametrize("columns", range(20, 81))
def test_no_phone_number_is_split_at_any_width(content: Content, columns: int) -> None:
    rows = wrap_whole(compact_world_lines(content), columns)
    assert all(len(row) < columns for row in rows), rows
    for region in content.regions:
        main = next(x for x in region.lines if x.kind == "crisis")
        for number in (region.emergency, main.phone):
            if number and number[:1].isdigit():
                assert any(number in row for row in rows), (columns, number, rows)
        if region.emergency[:1].isdigit():  # the code stays with its number
            assert any(f"{region.code} {region.emergency.split()[0]}" in r for r in rows), rows


def test_at_40_columns_the_compact_lines_fit_above_the_region_question(
    content: Content,
) -> None:
    """24 rows, less the region question's 12 while it waits at 40 columns."""
    assert len(wrap_whole(compact_world_lines(content), 40)) <= 12
