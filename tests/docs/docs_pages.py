"""The site's Markdown pages for the docs tests: which pages, their headings and includes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = DOCS / "snippets"
ZH_SUFFIX = ".zh.md"

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
ANCHOR = re.compile(r"\{[ \t]*#([\w-]+)[^}]*\}[ \t]*$")
INCLUDE = re.compile(r"""^[ \t]*--8<--[ \t]+["']([^"']+)["']""")
EXEC_ID = re.compile(r"""^[ \t]*(?:`{3,}|~{3,})[^\n]*\bexec=["']?(?:1|on|true)["']?[^\n]*""")
FENCE_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def pages() -> list[Path]:
    """Every page of the site (English and Chinese), snippets excluded, sorted."""
    return sorted(p for p in DOCS.rglob("*.md") if SNIPPETS not in p.parents)


def is_zh(page: Path) -> bool:
    """Whether ``page`` is a Chinese page (``*.zh.md``)."""
    return page.name.endswith(ZH_SUFFIX)


def twin(page: Path) -> Path:
    """The other language's file of ``page``."""
    if is_zh(page):
        return page.with_name(page.name[: -len(ZH_SUFFIX)] + ".md")
    return page.with_name(page.name[: -len(".md")] + ZH_SUFFIX)


def rel(page: Path) -> str:
    """``page`` relative to ``docs/``, with forward slashes (as the nav writes it)."""
    return page.relative_to(DOCS).as_posix()


@dataclass(frozen=True)
class Fence:
    """A top-level fenced block: where it opens, its opening line and the lines inside it."""

    line: int
    opener: str
    body: tuple[str, ...]

    @property
    def info(self) -> str:
        """The opening line without its indentation and fence characters."""
        return self.opener.strip().lstrip(self.opener.strip()[0]).strip()

    @property
    def executed(self) -> bool:
        """Whether markdown-exec runs it (``exec="1"``, ``on`` or ``true``)."""
        return EXEC_ID.match(self.opener) is not None

    @property
    def id(self) -> str | None:
        """Its ``id=``, ``None`` where there is none."""
        m = FENCE_ID.search(self.opener)
        return m.group(1) if m else None


def _scan(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield ``(line number, line, role)``; role is "prose", "open", "body" or "close".

    Fences open with three or more backticks or tildes (indented ones too, e.g. in an
    admonition) and close with the same character repeated at least as often. A fence inside
    a fence (a Markdown example in a ````` ````markdown ````` block) is body.
    """
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        m = _FENCE.match(line)
        if fence is None:
            fence = m.group(1) if m else None
            yield number, line, "open" if m else "prose"
            continue
        closes = m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
        if closes and not line.strip().lstrip(fence[0]).strip():
            fence = None
            yield number, line, "close"
        else:
            yield number, line, "body"


def split_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Yield ``(line number, line, inside a fence)`` for each line; fence lines count as inside."""
    for number, line, role in _scan(text):
        yield number, line, role != "prose"


def fences(text: str) -> list[Fence]:
    """Every top-level fenced block of ``text``, in order (an unclosed one runs to the end)."""
    out: list[Fence] = []
    for number, line, role in _scan(text):
        if role == "open":
            out.append(Fence(number, line, ()))
        elif role == "body":
            last = out[-1]
            out[-1] = Fence(last.line, last.opener, (*last.body, line))
    return out


def executed_fences(text: str) -> list[Fence]:
    """The fences markdown-exec runs, in order."""
    return [f for f in fences(text) if f.executed]


def headings(text: str) -> list[tuple[int, str]]:
    """``(line number, heading line)`` of every ATX heading outside fences."""
    return [(n, line) for n, line, code in split_lines(text) if not code and HEADING.match(line)]


def anchors(text: str) -> list[str | None]:
    """The explicit anchor (``{ #anchor }``) of each heading, ``None`` where there is none."""
    out: list[str | None] = []
    for _, line in headings(text):
        m = ANCHOR.search(line)
        out.append(m.group(1) if m else None)
    return out


def includes(text: str) -> list[str]:
    """Snippet files included with ``--8<--``, in order."""
    return [m.group(1) for _, line, _ in split_lines(text) if (m := INCLUDE.match(line))]


def exec_ids(text: str) -> list[str | None]:
    """The ``id=`` of each executed fence (``exec="1"``), ``None`` where there is none."""
    return [f.id for f in executed_fences(text)]
