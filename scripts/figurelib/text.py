"""Dump the visible text of a built site, one file per page, to compare two builds.

    python scripts/figures.py text site/ OUT/

Each page's ``<article>`` (the page body, without navigation, header and footer) is written as
text, one block element per line, with SVG charts' text labels included, so that a diff of two
dumps shows exactly the figures and words a change moved. Used to prove that a refactor leaves
every figure on the site unchanged (``diff -r``); `figurelib.inventory` lists the figures
themselves, with their places and sources.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_BLOCK = {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div", "text", "dt", "dd"}
_SKIP = {"script", "style"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0
        self.lines: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag in _SKIP:
            self.skip += 1
        if tag in _BLOCK or tag in ("td", "th"):
            self.lines.append("" if tag in _BLOCK else self.lines.pop() + " | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag in _SKIP:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            # Collapse runs of white space, keeping one space where the source had any.
            self.lines[-1] += re.sub(r"\s+", " ", data)

    def text(self) -> str:
        lines = (" ".join(x.split()) for x in self.lines)
        return "\n".join(line for line in lines if line) + "\n"


def dump(site: Path, out: Path) -> int:
    """Write the text of every page of ``site`` under ``out``; returns the number of pages."""
    pages = sorted(site.rglob("index.html"))
    for page in pages:
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        target = out / page.relative_to(site).with_suffix(".txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(parser.text(), encoding="utf-8")
    return len(pages)
