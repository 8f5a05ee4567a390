"""No figure is typed into the site's prose: every number comes from llmsize at build time.

Prose is what is left of a page after removing code fences, inline code, macros
(``{{ ... }}``, ``{% ... %}``, ``{# ... #}``), HTML comments and tags, attribute lists
(``{ #anchor }``), link targets, URLs and footnote labels. In it, allowed are: names with a
digit (GPT-3, fp32, bf16, Llama-3.1-8B, DeepSeek-V3, H100), years (1950-2039) and list
numbering. Any other digit is a typed figure, as is a number written out in words before a
magnitude (``six hundred billion``, ``六千七百亿``; vague ones such as ``数十亿`` are fine).
Inside macros, a number literal of two or more digits is reported too (compute it instead);
``digits=3`` style options are fine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .docs_pages import INCLUDE, ROOT, pages, split_lines

_MULTILINE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"\{\{.*?\}\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),
    re.compile(r"\{#.*?#\}", re.S),
]
_STRIP = [
    INCLUDE,  # snippet includes: --8<-- "CONTRIBUTING.md:setup" (the guide is linted itself)
    re.compile(r"(`+)(?:.+?)\1"),  # inline code
    re.compile(r"\{[ \t]*[:#.][^{}]*\}"),  # attribute lists: { #anchor }, {: .class }
    re.compile(r"\{[^{}]*=[^{}]*\}"),  # attribute lists with key=value only
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$"),  # reference-style link definitions
    re.compile(r"\[\^[^\]]+\]:?"),  # footnote labels
    re.compile(r"<[^<>]+>"),  # HTML tags and autolinks
    re.compile(r"https?://\S+"),  # bare URLs
    # Names carrying a digit: GPT-3, fp32, Llama-3.1-8B, DeepSeek-V3, H100 (ASCII only, so a
    # Chinese character next to a name does not become part of it).
    re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_.]*-?[0-9][A-Za-z0-9_.-]*"),
    re.compile(r"^[ \t]*(?:>[ \t]*)*\d+[.)][ \t]"),  # list numbering
    # Years, unless they carry a unit (then they are a figure: 2048 GB, 2000亿).
    re.compile(
        r"(?<!\d)(?<!\d[.,])(?:19[5-9]\d|20[0-3]\d)"
        r"(?!\d|[.,]\d|[ \t]*(?:[KMGTP]i?B|[KMBT]\b|亿|万|%))"
    ),
]
_WORD_NUMBER = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)[\s-]+(?:hundred|thousand|million|billion|trillion)\b",
    re.I,
)
_ZH_NUMBER = re.compile(r"(?<![数几上多])[〇零一二两三四五六七八九十百千]+[万亿]")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_MACRO_LITERAL = re.compile(r"(?<![\w.=])(?<!=\s)(\d[\d_]*\.?\d*(?:e\d+)?)")


def _blank(match: re.Match[str]) -> str:
    """Replace a match by as many newlines as it spans, so line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def prose(text: str) -> str:
    """``text`` with code fences and every non-prose construct removed, lines kept in place."""
    kept = "\n".join("" if code else line for _, line, code in split_lines(text))
    for pattern in _MULTILINE:
        kept = pattern.sub(_blank, kept)
    lines = kept.split("\n")
    for i, line in enumerate(lines):
        for pattern in _STRIP:
            line = pattern.sub(" ", line)
        lines[i] = line
    return "\n".join(lines)


def typed_figures(text: str) -> list[tuple[int, str]]:
    """``(line number, what was found)`` for every typed figure in the prose of ``text``."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(prose(text).split("\n"), 1):
        for m in re.finditer(r"\S*\d\S*", line):
            found.append((number, m.group(0)))
        for pattern in (_WORD_NUMBER, _ZH_NUMBER):
            for m in pattern.finditer(line):
                found.append((number, m.group(0)))
    code_free = "\n".join("" if code else line for _, line, code in split_lines(text))
    for m in _MACRO.finditer(code_free):
        lineno = code_free.count("\n", 0, m.start()) + 1
        for lit in _MACRO_LITERAL.finditer(m.group(0)):
            value = lit.group(1).replace("_", "")
            if len(value.replace(".", "")) >= 2:
                found.append((lineno, f"{m.group(0)} (number literal {lit.group(1)} in a macro)"))
    return sorted(found)


# --- the site --------------------------------------------------------------------------------


# The site's pages, and the contributing guides that its Contributing pages include.
TEXTS = [*pages(), ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.zh.md"]


@pytest.mark.parametrize("page", TEXTS, ids=[p.relative_to(ROOT).as_posix() for p in TEXTS])
def test_prose_types_no_figures(page: Path) -> None:
    found = typed_figures(page.read_text(encoding="utf-8"))
    name = page.relative_to(ROOT).as_posix()
    report = "\n".join(f"{name}:{n}: {what}" for n, what in found)
    assert not found, (
        "figures typed into prose (compute them: a macro such as {{ count(...) }} or a snippet):\n"
        + report
    )


# --- the lint itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "DeepSeek-V3 has 671B parameters.",
        "It has 61 layers.",
        "A width of 7,168.",
        "Llama-2-7B has 6.74B parameters.",
        "It needs 80 GB.",
        "It needs 80GB of memory.",
        "the model has 3 kinds of layers",
        "共有 6710亿 个参数",
        "共有6710亿个参数",
        "在DeepSeek-V3里有61层",
        "参数量约为六千七百亿",
        "about six hundred billion parameters",
        "# A heading with 12 in it { #h }",
        "| 12 | table cell |",
        "- a bullet with 1.5 in it",
        "a quoted ２０ in full-width digits",
        "it takes 2048 GB",
        "around 2000亿 parameters",
        "see [12 layers](page.md)",
        "{{ fig(671000000000) }}",
        '{{ fig(counts("x").total * 16, "bytes") }}',
    ],
)
def test_lint_catches_typed_figures(line: str) -> None:
    assert typed_figures(line), line


@pytest.mark.parametrize(
    "line",
    [
        'DeepSeek-V3 has {{ count("deepseek-v3") }} parameters.',
        'It needs {{ fig(n, "bytes", digits=3) }}.',
        "GPT-3, fp32, bf16, Llama-3.1-8B, Qwen3-235B-A22B and H100 are names.",
        "在DeepSeek-V3里，用 bf16 存储",
        "The transformer was introduced in 2017.",
        "1. the first step",
        "10. the tenth step",
        "## Parameters { #parameters-2 }",
        "see [the layers](page.md#section-12)",
        "![a chart](charts/fig1.svg)",
        "an inline `T × (L + 1)` formula",
        "<!-- TODO: 671B -->",
        '<span data-width="12">text</span>',
        "a footnote[^1] here",
        "https://example.com/v1/models/12 is a link",
        "数十亿个参数，上亿次运算，几千亿",
        "a billion, hundreds of billions",
        "{: .class }",
    ],
)
def test_lint_allows_non_figures(line: str) -> None:
    assert not typed_figures(line), typed_figures(line)


def test_lint_skips_fences_and_multiline_constructs() -> None:
    text = "\n".join(
        [
            "Intro.",
            '```python exec="1" id="x"',
            "print(671_026_404_352)",
            "```",
            "<!-- a comment",
            "with 671B inside -->",
            "    ~~~text",
            "    80 GB",
            "    ~~~",
            "{{ count(",
            '  "deepseek-v3") }}',
            "But 12 here.",
        ]
    )
    assert typed_figures(text) == [(12, "12")]


def test_lint_reports_line_numbers() -> None:
    assert typed_figures("one\ntwo\nIt has 61 layers.\n") == [(3, "61")]


@pytest.mark.parametrize("line", ["It is 2017.5 now", "1,2017 items", "20170 tokens"])
def test_lint_does_not_take_figures_for_years(line: str) -> None:
    assert typed_figures(line), line
