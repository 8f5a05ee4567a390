"""One contributing guide per language, shown on the site, with the README's set-up commands.

``CONTRIBUTING.md`` and ``CONTRIBUTING.zh.md`` at the top of the repository are the guides (what
GitHub shows). The site's Contributing pages include their sections between ``--8<--`` markers
and add the headings (with the anchors both languages share), so the guides' headings must match
the pages', every section must be shown once, and the one example the pages must repeat (its
include line escaped) must stay the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .docs_pages import ANCHOR, DOCS, HEADING, ROOT, fences, headings, includes, split_lines

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "zh": ROOT / "CONTRIBUTING.zh.md"}
PAGES = {"en": DOCS / "contributing.md", "zh": DOCS / "contributing.zh.md"}
LANGS = sorted(GUIDES)
_MARKER = re.compile(r"^<!--[ \t]*--8<--[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([-\w]+)[ \t]*\]")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """The sections of a guide, by name, in order: the lines between its start and end markers."""
    found: dict[str, str] = {}
    open_name, lines = None, []
    for line in text.splitlines():
        m = _MARKER.match(line)
        if m and m[1] == "start":
            assert open_name is None, f"section {m[2]} starts inside section {open_name}"
            open_name, lines = m[2], []
        elif m:
            assert m[2] == open_name, f"section {m[2]} ends but {open_name} is open"
            found[open_name] = "\n".join(lines)
            open_name = None
        elif open_name is not None:
            lines.append(line)
    assert open_name is None, f"section {open_name} never ends"
    return found


def heading_texts(text: str) -> list[str]:
    """Every heading of ``text`` (level marks included), without its ``{ #anchor }``."""
    out = []
    for _, line in headings(text):
        m = HEADING.match(line)
        assert m is not None
        out.append(f"{m[1]} {ANCHOR.sub('', m[2]).strip()}")
    return out


def commands(text: str) -> list[str]:
    """The lines of the ``sh`` fences of ``text``: the set-up commands."""
    return [line for f in fences(text) if f.info.split()[:1] == ["sh"] for line in f.body]


def readme_setup() -> str:
    """The "Set up" section of README.md."""
    text = _read(ROOT / "README.md")
    start = text.index("\n## Set up\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_the_readme_has_set_up_commands() -> None:
    found = commands(readme_setup())
    assert len(found) == 2, found
    assert all(c.startswith("npm ci && python3 -m venv .venv && ") for c in found), found


@pytest.mark.parametrize("lang", LANGS)
def test_the_guides_set_up_commands_are_the_readmes(lang: str) -> None:
    setup = sections(_read(GUIDES[lang])).get("setup", "")
    assert commands(setup) == commands(readme_setup()), (
        f"{GUIDES[lang].name}: the set-up commands differ from README.md's"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_has_the_guides_headings(lang: str) -> None:
    assert heading_texts(_read(PAGES[lang])) == heading_texts(_read(GUIDES[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_every_section_of_the_guide_once_in_order(lang: str) -> None:
    guide = GUIDES[lang]
    included = includes(_read(PAGES[lang]))
    shown = [i.split(":", 1)[1] for i in included if i.startswith(guide.name + ":")]
    assert shown == list(sections(_read(guide))), f"{PAGES[lang].name} includes {shown}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sections_hold_no_headings(lang: str) -> None:
    # The page gives every heading its anchor; a heading inside a section would have none.
    for name, body in sections(_read(GUIDES[lang])).items():
        assert not headings(body), f"{GUIDES[lang].name} section {name} holds a heading"


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_repeats_the_guides_example_exactly(lang: str) -> None:
    def examples(text: str) -> list[tuple[str, ...]]:
        return [f.body for f in fences(text) if f.info == "markdown"]

    unescaped = [
        tuple(re.sub(r"^([ \t]*);", r"\1", line) for line in example)
        for example in examples(_read(PAGES[lang]))
    ]
    assert unescaped == examples(_read(GUIDES[lang]))
    assert unescaped, "the page has no Markdown example"


def test_markers_outside_fences_only() -> None:
    for guide in GUIDES.values():
        inside = [n for n, line, code in split_lines(_read(guide)) if code and _MARKER.match(line)]
        assert not inside, f"{guide.name}: section markers inside a code block, lines {inside}"
