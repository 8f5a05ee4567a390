"""The Glossary's Chinese terms as a checker: which rejected variant a Chinese text uses, where.

The table lives in ``docs/snippets/glossary/zh_terms.py`` (the Glossary page prints it); this
module reads that file, compiles each rejected variant (a literal, or a ``(shown, regex)`` pair)
and finds them in text. Text inside ``<span class="zh-rejected">`` (the Glossary's own list of
variants, or a page quoting one on purpose) is skipped, in Markdown and in HTML alike.
"""

from __future__ import annotations

import re
import runpy
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

TERMS_FILE = Path(__file__).resolve().parents[2] / "docs" / "snippets" / "glossary" / "zh_terms.py"
REJECTED_SPAN = re.compile(r'<span class="zh-rejected">.*?</span>', re.S)


@dataclass(frozen=True)
class Variant:
    """One rejected variant: the concept it belongs to, how it is shown, what finds it."""

    concept: str
    accepted: str
    shown: str
    pattern: re.Pattern[str]


def load_terms(path: Path = TERMS_FILE) -> dict[str, dict[str, Any]]:
    """The ``ZH_TERMS`` table of the Glossary's data file."""
    terms: dict[str, dict[str, Any]] = runpy.run_path(str(path))["ZH_TERMS"]
    return terms


def variants(terms: dict[str, dict[str, Any]] | None = None) -> list[Variant]:
    """Every rejected variant of the table, compiled."""
    out = []
    for concept, entry in (terms or load_terms()).items():
        for v in entry["rejected"]:
            shown, regex = (v, re.escape(v)) if isinstance(v, str) else v
            out.append(Variant(concept, entry["zh"], shown, re.compile(regex)))
    return out


@dataclass(frozen=True)
class Hit:
    """A rejected variant found in a text."""

    line: int
    variant: Variant
    context: str

    def __str__(self) -> str:
        v = self.variant
        return (
            f"line {self.line}: {v.shown!r} ({v.concept}: write {v.accepted}) in …{self.context}…"
        )


def find(text: str, found_in: list[Variant] | None = None) -> list[Hit]:
    """Where ``text`` uses a rejected variant (rejected-variant spans removed first)."""
    text = REJECTED_SPAN.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    hits = []
    for v in found_in if found_in is not None else variants():
        for m in v.pattern.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            context = text[max(0, m.start() - 12) : m.end() + 12].replace("\n", " ")
            hits.append(Hit(line, v, context))
    return sorted(hits, key=lambda h: (h.line, h.variant.shown))


class _VisibleText(HTMLParser):
    """A built page's visible text, one block per line; code, scripts and the Glossary's
    rejected-variant spans left out."""

    _SKIP: ClassVar[frozenset[str]] = frozenset({"script", "style", "code", "pre"})
    _BLOCK: ClassVar[frozenset[str]] = frozenset(
        {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "text", "td", "th"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rejected = tag == "span" and ("class", "zh-rejected") in attrs
        if tag in self._SKIP or rejected or (tag == "span" and self.skip):
            self.skip.append(tag)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees on a built page (see `_VisibleText`)."""
    parser = _VisibleText()
    parser.feed(html)
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
