"""The built Vectors page: its totals are the sum of its own rows, and other pages agree.

Issue 12, item 1: the page once subtracted the cached keys and values from totals that already
left them out. This test reads only the built HTML (not the snippet that made it): in each
language it adds up the rows of the table of kinds of vectors, column by column, and compares
the sums with the table's own total row, then with the figures the Misconceptions and Home pages
state for the same quantities (marked with ``named()``, docs/snippets/md.py).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

VECTORS_KEY = "vectors.llama-3-8b.t1000.vectors"
NUMBERS_KEY = "vectors.llama-3-8b.t1000.numbers"
PER_TOKEN_KEY = "vectors.deepseek-v3.per_token"
# The header cell that identifies the table of kinds, and the first cell of its total row.
KINDS = {
    "en": ("Vectors, T = 1,000", "All vectors of the pass"),
    "zh": ("向量数（T = 1,000）", "一次前向计算的全部向量"),
}


class _Page(HTMLParser):
    """The tables of a page (rows of cell texts) and its named marks (key -> values)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.marks: dict[str, set[str]] = {}
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "span":
            a = dict(attrs)
            if a.get("data-figure"):
                self.marks.setdefault(a["data-figure"] or "", set()).add(a.get("data-value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _page(site: Path, lang: str, page: str) -> _Page:
    path = site / ("zh" if lang == "zh" else "") / page / "index.html"
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def _number(cell: str) -> int:
    return int(cell.replace(",", ""))


def _kinds_table(page: _Page, lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, rows of kinds, total row) of the table of kinds of vectors."""
    marker, total_name = KINDS[lang]
    (found,) = [t for t in page.tables if t and marker in t[0]]
    header, *body = found
    names = [row[0] for row in body]
    total_at = names.index(total_name)
    return header, body[:total_at], body[total_at]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_totals_are_the_sum_of_the_rows(site: Path, lang: str) -> None:
    header, rows, total = _kinds_table(_page(site, lang, "vectors"), lang)
    figures = [i for i, name in enumerate(header) if "T = " in name]
    assert len(figures) == 4  # vectors and numbers, for two input lengths
    for i in figures:
        assert _number(total[i]) == sum(_number(row[i]) for row in rows), header[i]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_totals_agree_with_misconceptions(site: Path, lang: str) -> None:
    vectors = _page(site, lang, "vectors")
    header, _, total = _kinds_table(vectors, lang)
    first = [i for i, name in enumerate(header) if "T = 1,000" in name]
    shown = {VECTORS_KEY: _number(total[first[0]]), NUMBERS_KEY: _number(total[first[1]])}
    misconceptions = _page(site, lang, "misconceptions")
    for key, value in shown.items():
        assert vectors.marks.get(key) == {str(value)}, key
        assert misconceptions.marks.get(key) == {str(value)}, f"Misconceptions: {key}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_vectors_per_token_agree_with_home(site: Path, lang: str) -> None:
    vectors, home = _page(site, lang, "vectors"), _page(site, lang, "")
    assert vectors.marks.get(PER_TOKEN_KEY)
    assert home.marks.get(PER_TOKEN_KEY) == vectors.marks[PER_TOKEN_KEY]
