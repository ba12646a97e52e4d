"""Citation numbering: [1], [2]... in the order a document first cites them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from depression_guide import bibliography
from depression_guide import document as d
from depression_guide import strings as S

if TYPE_CHECKING:
    from depression_guide.content import Content


class Citer:
    """Numbers references in the order a document first cites them: [1], [2]..."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.order: list[str] = []

    def mark(self, refs: tuple[str, ...] | list[str]) -> str:
        for ref in refs:
            if ref not in self.order:
                self.order.append(ref)
        numbers = [str(self.order.index(ref) + 1) for ref in refs]
        return f"[{', '.join(numbers)}]" if numbers else ""

    def cite(self, text: str, refs: tuple[str, ...] | list[str]) -> str:
        marker = self.mark(refs)
        return f"{text} {marker}" if marker else text

    def ref_list(self, short: bool = False) -> d.RefList:
        """The references cited, numbered; `short` gives one line each (overviews)."""
        style = bibliography.short if short else bibliography.apa
        return d.RefList(
            tuple(
                (f"[{n}]", style(self.content.references[ref]))
                for n, ref in enumerate(self.order, start=1)
            ),
            S.REFERENCES,
        )


def refs_with_sources(citer: Citer, short: bool = False) -> d.RefList:
    """The reference list, titled with where to read every source and correction."""
    refs = citer.ref_list(short=short)
    return d.RefList(refs.entries, S.REFERENCES_WITH_SOURCES)
