"""The figures of one built page: every number a reader sees in its ``<article>``.

A figure is a number as shown, with its unit or magnitude (``671B``, ``6710亿``,
``671,026,404,352``, ``1.34 TB``, ``0.42%``, ``17.9×``, ``3.14 × 10²³``, ``×32``), in prose,
table cells, chart labels (SVG ``<text>`` and ``<title>``) and, inside an executed snippet's
output, preformatted text (the CLI's output). Not figures: names that carry a digit (GPT-3,
fp32, DeepSeek-V3, Qwen3-235B-A22B), inline code (formulas, keys), code blocks typed into the
page, footnote numbers.

Each figure is placed: the id of the nearest heading above it; in a table, its row (the row's
first cell) and column (the head of its column); elsewhere, the sentence around it, with the
figure in ⟦ ⟧. Its source is what printed it: the innermost ``data-src`` mark around it
(``macro:count(deepseek-v3, total)`` from docs/macros.py, ``fence:deepseek-v3-shape`` from
docs/hooks/figures.py), or ``page`` for text typed into the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# A name carrying a digit (as tests/docs/test_typed_numbers.py allows in prose): not a figure.
# A version (transformers 5.23.0) is not a figure either.
NAME = re.compile(
    r"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_.]*-?[0-9][A-Za-z0-9_.-]*|(?<![\d.])\d+\.\d+\.\d+"
)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = r"(?:[KMGTPE]i?B\b|B/param|[KMBT](?![A-Za-z])|亿|万|%|×(?![ \u00a0]?\d)|倍|ms\b|s\b)"
FIGURE = re.compile(
    rf"(?:(?<![\w.,])[−+-])?×?{_NUM}"
    rf"(?:[ \u00a0]?×[ \u00a0]?10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?"
    rf"(?:[ \u00a0]?{_UNIT})?"
)
OPEN, CLOSE = "⟦", "⟧"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[^a-z0-9])|(?<=[。！？；：])")
_SKIP = {"script", "style", "button", "nav"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "col", "wbr", "source", "area"}
_BLOCKS = {
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
    "caption", "figcaption", "text", "title", "desc", "pre", "summary", "blockquote",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Figure:
    """One figure as shown, where it stands and what printed it."""

    figure: str
    source: str
    anchor: str
    kind: str  # "text", "table", "chart" or "output"
    context: str  # the sentence, table cell, chart label or output line, figure in ⟦ ⟧
    row: str = ""
    column: str = ""
    named: str = ""  # the key of a <span data-figure> mark around it (docs/snippets/md.py)

    def as_json(self) -> dict[str, str]:
        out = {"figure": self.figure, "anchor": self.anchor, "kind": self.kind}
        if self.kind == "table":
            out |= {"row": self.row, "column": self.column}
        out["context"] = self.context
        if self.named:
            out["named"] = self.named
        return out


def figures_in(text: str) -> list[re.Match[str]]:
    """The figures in ``text`` (names that carry a digit left out)."""
    names = [m.span() for m in NAME.finditer(text)]
    found = []
    for m in FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in names) and re.search(r"\d", m.group(0)):
            found.append(m)
    return found


def mask(text: str) -> str:
    """``text`` with every figure replaced by ``#``: where a figure stands, not its value."""
    out, at = [], 0
    for m in figures_in(text):
        out += [text[at : m.start()], "#"]
        at = m.end()
    return "".join(out) + text[at:]


@dataclass
class _Block:
    tag: str
    depth: int
    chunks: list[tuple[str, str, str]] = field(default_factory=list)  # (text, source, named)


@dataclass
class _Cell:
    text: str
    column: int


class PageParser(HTMLParser):
    """Collects the `Figure`s of one page's ``<article>`` in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[Figure] = []
        self.stack: list[str] = []  # open elements
        self.article = -1  # depth of <article>, -1 outside
        self.skip = -1  # depth of a skipped element, -1 when none
        self.sources: list[tuple[int, str]] = []  # (depth, data-src)
        self.named: list[tuple[int, str]] = []  # (depth, data-figure)
        self.blocks: list[_Block] = []
        self.anchor = ""
        self.code = -1  # depth of inline <code>: its text is context, never a figure
        self.in_pre = 0
        self.tables: list[dict[str, object]] = []

    # --- the tree ------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _VOID:
            if tag == "br" and self.blocks:
                self.blocks[-1].chunks.append(("\n" if self.in_pre else " ", "", ""))
            return
        self.stack.append(tag)
        depth = len(self.stack)
        if tag == "article" and self.article < 0:
            self.article = depth
        if self.article < 0 or self.skip >= 0:
            return
        classes = a.get("class", "").split()
        skipped = tag in _SKIP or {"headerlink", "footnote-ref", "footnote-backref"} & set(classes)
        if skipped or (tag == "pre" and not self.sources):
            self.skip = depth
            return
        if tag == "code" and not self.in_pre:
            self.code = depth
        if "data-src" in a:
            self.sources.append((depth, a["data-src"]))
        if "data-figure" in a:
            self.named.append((depth, a["data-figure"]))
        if tag in _HEADINGS and a.get("id"):
            self.anchor = a["id"]
        if tag == "pre":
            self.in_pre += 1
        self._table_start(tag)
        if tag in _BLOCKS:
            self.blocks.append(_Block(tag, depth))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.blocks and self.skip < 0:
            self.blocks[-1].chunks.append(("\n" if self.in_pre else " ", "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            open_tag = self.stack.pop()
            self._close(open_tag, depth)
            if open_tag == tag:
                break

    def _close(self, tag: str, depth: int) -> None:
        if self.skip == depth:
            self.skip = -1
            return
        if self.skip >= 0 or self.article < 0:
            return
        if self.blocks and self.blocks[-1].depth == depth:
            self._flush(self.blocks.pop())
        if self.code == depth:
            self.code = -1
        if tag == "pre":
            self.in_pre -= 1
        self._table_end(tag)
        for marks in (self.sources, self.named):
            if marks and marks[-1][0] == depth:
                marks.pop()
        if depth == self.article:
            self.article = -1

    def handle_data(self, data: str) -> None:
        if self.article < 0 or self.skip >= 0 or not self.blocks:
            return
        source = self.sources[-1][1] if self.sources else "page"
        if self.code >= 0:
            source = ""
        named = self.named[-1][1] if self.named else ""
        self.blocks[-1].chunks.append((data, source, named))

    # --- tables --------------------------------------------------------------------------------

    def _table_start(self, tag: str) -> None:
        if tag == "table":
            self.tables.append({"heads": [], "row": [], "in_head": False, "col": 0})
        elif self.tables and tag == "thead":
            self.tables[-1]["in_head"] = True
        elif self.tables and tag == "tr":
            self.tables[-1] |= {"row": [], "col": 0}

    def _table_end(self, tag: str) -> None:
        if not self.tables:
            return
        t = self.tables[-1]
        if tag == "table":
            self.tables.pop()
        elif tag == "thead":
            t["in_head"] = False

    def _cell(self, text: str) -> tuple[str, str]:
        """Record a finished cell; its row (first cell) and column (head) labels."""
        t = self.tables[-1]
        row: list[str] = t["row"]  # type: ignore[assignment]
        heads: list[str] = t["heads"]  # type: ignore[assignment]
        col = len(row)
        row.append(text)
        if t["in_head"]:
            heads.append(text)
            return "", text
        return row[0], heads[col] if col < len(heads) else ""

    # --- figures -------------------------------------------------------------------------------

    def _flush(self, block: _Block) -> None:
        pre = block.tag == "pre"
        chars: list[str] = []
        owners: list[tuple[str, str]] = []  # (source, named) of each character
        for chunk, source, named in block.chunks:
            for ch in chunk:
                if not pre and ch.isspace():
                    if not chars or chars[-1] == " ":
                        continue
                    ch = " "
                chars.append(ch)
                owners.append((source, named))
        text = "".join(chars).rstrip()
        cell = block.tag in ("td", "th") and bool(self.tables)
        row, column = self._cell(text.strip()) if cell else ("", "")
        if pre:
            kind, pieces = "output", [m.span() for m in re.finditer(r"[^\n]+", text)]
        elif cell:
            kind, pieces = "table", [(0, len(text))]
        elif block.tag in ("text", "title", "desc"):
            kind, pieces = "chart", [(0, len(text))]
        else:
            kind, cuts = "text", [m.end() for m in _SENTENCE_END.finditer(text)]
            pieces = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        for a, b in pieces:
            piece = text[a:b]
            for m in figures_in(piece):
                digit = re.search(r"\d", m.group(0))
                source, named = owners[a + m.start() + (digit.start() if digit else 0)]
                if not source:  # inline code: a formula or a key
                    continue
                context = piece[: m.start()] + OPEN + m.group(0) + CLOSE + piece[m.end() :]
                context = context.rstrip() if pre else context.strip()
                self.figures.append(
                    Figure(m.group(0), source, self.anchor, kind, context, row, column, named)
                )


def page_figures(html: str) -> list[Figure]:
    """The figures of a built page's HTML, in document order."""
    parser = PageParser()
    # Only the page body is read (the navigation, header and footer hold no figure of the page).
    start, end = html.find("<article"), html.rfind("</article>")
    parser.feed(html[start : end + len("</article>")] if 0 <= start < end else html)
    parser.close()
    return parser.figures
