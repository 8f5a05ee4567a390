"""Compare two inventories: which figures a change added, removed or changed (old → new).

A figure is matched across the two sites by where it stands, not by its value: page, language,
heading anchor, kind, and its place with every figure masked (the table row and column, or the
sentence, with ``#`` for each figure), plus its rank among figures standing in the same place.
So a figure whose value moved is *changed*; one whose place is new is *added*; one whose place
is gone is *removed*. The source (macro or fence) is shown, but is not part of the match, so a
base built before the marks existed still matches.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .page import CLOSE, OPEN, mask

Key = tuple[str, ...]
NO_CHANGE = "no figure changed"


@dataclass(frozen=True)
class Change:
    """One figure that differs: ``old`` or ``new`` is ``None`` when it was added or removed."""

    page: str
    lang: str
    anchor: str
    where: str
    source: str
    old: str | None
    new: str | None

    @property
    def what(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


def _slots(inv: dict[str, Any]) -> dict[Key, dict[str, str]]:
    """Each figure of ``inv`` by its place (see the module's docstring)."""
    slots: dict[Key, dict[str, str]] = {}
    seen: Counter[Key] = Counter()
    for page, langs in inv["pages"].items():
        for lang, data in langs.items():
            for source, figures in data["sources"].items():
                for f in figures:
                    place = (mask(f.get("row", "")), mask(f.get("column", "")), mask(f["context"]))
                    base = (page, lang, f["anchor"], f["kind"], *place)
                    seen[base] += 1
                    slots[(*base, str(seen[base]))] = {**f, "source": source}
    return slots


def _where(f: dict[str, str]) -> str:
    """Where a figure stands, for a reader: its row and column, or its sentence."""
    if f["kind"] == "table":
        cell = f["context"]
        inner = cell.count(OPEN) == 1 and cell.strip() != OPEN + f["figure"] + CLOSE
        return f"row “{f['row']}”, column “{f['column']}”" + (f": {cell}" if inner else "")
    return f"“{f['context']}”"


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The figures that differ between two inventories: by page and language, changed ones
    first, then added, then removed, each in page order."""
    a, b = _slots(old), _slots(new)
    order = {key: i for i, key in enumerate([*b, *(k for k in a if k not in b)])}
    rank = {"changed": 0, "added": 1, "removed": 2}
    changes = []
    for key in sorted(order, key=order.__getitem__):
        fa, fb = a.get(key), b.get(key)
        if fa is not None and fb is not None and fa["figure"] == fb["figure"]:
            continue
        shown = fb or fa
        assert shown is not None
        changes.append(
            Change(
                page=key[0],
                lang=key[1],
                anchor=shown["anchor"],
                where=_where(shown),
                source=shown["source"],
                old=fa["figure"] if fa else None,
                new=fb["figure"] if fb else None,
            )
        )
    pages: dict[str, int] = {}
    for page in [*new["pages"], *old["pages"]]:
        pages.setdefault(page, len(pages))
    return sorted(changes, key=lambda c: (pages[c.page], c.lang, rank[c.what]))


def render(changes: list[Change], title: str = "") -> str:
    """A reviewer's view of ``changes``: a count, then per page and language each figure."""
    if not changes:
        return (f"{title}\n\n" if title else "") + NO_CHANGE + "\n"
    counts = Counter(c.what for c in changes)
    summary = ", ".join(f"{counts[w]} {w}" for w in ("changed", "added", "removed") if counts[w])
    lines = [title, ""] if title else []
    lines.append(f"{len(changes)} figure{'s' * (len(changes) != 1)} differ: {summary}")
    group = None
    for c in changes:
        if (c.page, c.lang) != group:
            group = (c.page, c.lang)
            lines += ["", f"### /{'zh/' if c.lang == 'zh' else ''}{c.page} ({c.lang})", ""]
        value = f"{c.old} → {c.new}" if c.what == "changed" else c.new if c.old is None else c.old
        anchor = f"#{c.anchor} " if c.anchor else ""
        lines.append(f"- {c.what} **{value}** — {anchor}{c.where} ({c.source})")
    return "\n".join(lines) + "\n"
