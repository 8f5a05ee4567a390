"""scripts/figurelib: which text is a figure, where it stands, what printed it, and the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.figurelib import compare, inventory, page

ROOT = Path(__file__).resolve().parents[2]


def _figures(html: str) -> list[page.Figure]:
    return page.page_figures(f"<html><article>{html}</article></html>")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("DeepSeek-V3 holds 671,026,404,352 parameters", ["671,026,404,352"]),
        ("671B total, 37.6B active", ["671B", "37.6B"]),
        ("共 6710亿参数，每个词元用到 376亿", ["6710亿", "376亿"]),
        ("1.34 TB (1.22 TiB)", ["1.34 TB", "1.22 TiB"]),
        ("a share of 0.42%, 17.9× more, 17.9 倍", ["0.42%", "17.9×", "17.9 倍"]),
        ("3.14 × 10²³ FLOPs", ["3.14 × 10²³"]),
        ("Transformer layers ×32", ["×32"]),
        ("a 128×128 tile, 58 × 256 biases", ["128", "×128", "58", "256"]),
        ("a gap of −0.3% and +2,048", ["−0.3%", "+2,048"]),
        ("GPT-3, fp32, bf16, Llama-3.1-8B, Qwen3-235B-A22B, H100", []),
        ("transformers 5.23.0 counts", []),
    ],
)
def test_what_is_a_figure(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in page.figures_in(text)] == found


def test_place_and_source() -> None:
    figures = _figures(
        '<h2 id="total">Total <span data-src="macro:count(x, total)">7B</span></h2>'
        '<p>It holds <span data-src="macro:exact(x, total)">7,000</span> weights. '
        "Typed 12 here.</p>"
        '<div data-src="fence:x-table"><table><thead><tr><th>Part</th><th>Count</th></tr>'
        "</thead><tbody><tr><td><code>wte</code></td><td>"
        '<span data-figure="k" data-value="5">5</span></td></tr></tbody></table>'
        '<svg><text x="1">2K</text></svg><pre><code>total   9</code></pre></div>'
        "<pre><code>pip install llmsize==1 2</code></pre>"
        '<p>A formula <code>12·L·D²</code><sup><a class="footnote-ref">1</a></sup></p>'
    )
    got = [(f.figure, f.source, f.anchor, f.kind, f.context, f.row, f.column) for f in figures]
    assert got == [
        ("7B", "macro:count(x, total)", "total", "text", "Total ⟦7B⟧", "", ""),
        ("7,000", "macro:exact(x, total)", "total", "text", "It holds ⟦7,000⟧ weights.", "", ""),
        ("12", "page", "total", "text", "Typed ⟦12⟧ here.", "", ""),
        ("5", "fence:x-table", "total", "table", "⟦5⟧", "wte", "Count"),
        ("2K", "fence:x-table", "total", "chart", "⟦2K⟧", "", ""),
        ("9", "fence:x-table", "total", "output", "total   ⟦9⟧", "", ""),
    ]
    assert figures[3].named == "k"


def _inv(*pages: tuple[str, str, str]) -> dict[str, object]:
    """A one-page, one-language inventory per ``(lang, source, html)``."""
    data: dict[str, dict[str, object]] = {}
    for lang, source, html in pages:
        fs = [f.as_json() for f in _figures(html)]
        data.setdefault("p/", {})[lang] = {"title": "", "sources": {source: fs}}
    return {"format": inventory.FORMAT, "figures": 0, "pages": data}


def test_diff_changed_added_removed() -> None:
    old = _inv(("en", "fence:a", "<p>It has 7B weights. It has 3 layers.</p><p>Gone 5.</p>"))
    new = _inv(("en", "fence:a", "<p>It has 8B weights. It has 3 layers.</p><p>New 6 here.</p>"))
    changes = compare.compare(old, new)
    assert [(c.what, c.old, c.new) for c in changes] == [
        ("changed", "7B", "8B"),
        ("added", None, "6"),
        ("removed", "5", None),
    ]
    shown = compare.render(changes, "t")
    assert "3 figures differ: 1 changed, 1 added, 1 removed" in shown
    assert "- changed **7B → 8B** — “It has ⟦8B⟧ weights.” (fence:a)" in shown
    assert "### /p/ (en)" in shown


def test_equal_inventories_say_no_figure_changed() -> None:
    one = _inv(("zh", "fence:a", "<p>共 6710亿参数。</p>"))
    assert compare.compare(one, one) == []
    assert compare.render([]) == "no figure changed\n"


def test_the_source_is_not_part_of_the_match() -> None:
    # A base built before the marks existed still lines up with a marked site.
    old = _inv(("en", "page", "<p>It has 7B weights.</p>"))
    new = _inv(("en", "macro:count(x, total)", "<p>It has 7B weights.</p>"))
    assert compare.compare(old, new) == []


def test_both_guides_give_the_same_one_line_diff_command() -> None:
    lines = {
        name: [
            line
            for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("python scripts/figures.py diff")
        ]
        for name in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")
    }
    assert (
        lines["CONTRIBUTING.md"]
        == lines["CONTRIBUTING.zh.md"]
        == ["python scripts/figures.py diff"]
    ), lines
