"""One value per named quantity, across pages and languages.

Pages print a quantity that more than one page states (a training run's compute, a claim's gap
to the exact count) through ``named()`` (docs/snippets/md.py), which marks it as
``<span data-figure="key" data-value="exact">``. This test reads the built site: every key must
carry one exact value wherever it appears, in English and in Chinese, and every figure in
scientific notation must be such a mark, so a page cannot state a compute figure of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

# Code (the API reference's docstring examples, the CLI's output) shows formats, not figures.
_SKIP = ("script", "style", "code", "pre")
SCI = re.compile(r"\d(?:\.\d+)? × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


class _Figures(HTMLParser):
    """The named marks of one page, and the scientific figures outside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[str, str, str]] = []  # (key, value, text)
        self.open: list[list[str] | None] = []  # per <span>: [key, value, text] if named
        self.unnamed: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        if tag == "span":
            a = dict(attrs)
            key = a.get("data-figure")
            self.open.append([key, a.get("data-value") or "", ""] if key else None)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip -= 1
        if tag == "span" and self.open:
            mark = self.open.pop()
            if mark is not None:
                self.marks.append((mark[0], mark[1], mark[2]))

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        named = [m for m in self.open if m is not None]
        if named:
            named[-1][2] += data
        else:
            self.unnamed += SCI.findall(data)


def _read(site: Path) -> dict[str, _Figures]:
    pages = {}
    for page in sorted(site.rglob("index.html")):
        parser = _Figures()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.parent.relative_to(site).as_posix() or "."] = parser
    return pages


def disagreements(pages: dict[str, _Figures]) -> list[str]:
    """One line per named key stated with more than one exact value."""
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for where, figures in pages.items():
        for key, value, text in figures.marks:
            seen[key][value].append(f"{where}: {text.strip()}")
    return [
        f"{key}: " + " vs ".join(f"{value} ({'; '.join(spots)})" for value, spots in values.items())
        for key, values in sorted(seen.items())
        if len(values) > 1
    ]


def test_each_named_figure_has_one_value(site: Path) -> None:
    pages = _read(site)
    assert sum(len(f.marks) for f in pages.values()) > 0, "no named figure on the site"
    assert disagreements(pages) == []


def test_every_scientific_figure_is_named(site: Path) -> None:
    unnamed = {where: f.unnamed for where, f in _read(site).items() if f.unnamed}
    assert unnamed == {}
