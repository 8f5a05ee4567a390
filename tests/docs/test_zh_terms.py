"""The Glossary drives the Chinese terms: no Chinese page uses a variant the Glossary rejects.

The table (concept, accepted term, rejected variants) is ``docs/snippets/glossary/zh_terms.py``;
the Glossary prints it and this test reads it. Here the prose of every Chinese page (and the
Chinese contributing guide its page includes) is checked; tests/site/test_zh_terms_site.py checks
the text of the built Chinese site, where snippet output, tables and charts appear too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .docs_pages import ROOT, is_zh, pages
from .test_typed_numbers import prose
from .zh_terms import REJECTED_SPAN, find, load_terms, variants, visible_text

ZH_TEXTS = [*(p for p in pages() if is_zh(p)), ROOT / "CONTRIBUTING.zh.md"]


def _source_prose(text: str) -> str:
    """A page's prose (code, macros, links removed), rejected-variant spans removed first."""
    return prose(REJECTED_SPAN.sub(lambda m: "\n" * m.group(0).count("\n"), text))


@pytest.mark.parametrize("page", ZH_TEXTS, ids=[p.relative_to(ROOT).as_posix() for p in ZH_TEXTS])
def test_zh_prose_uses_the_glossary_terms(page: Path) -> None:
    hits = find(_source_prose(page.read_text(encoding="utf-8")))
    name = page.relative_to(ROOT).as_posix()
    assert not hits, "rejected Chinese terms (see the Glossary, #zh-terms):\n" + "\n".join(
        f"{name}:{h}" for h in hits
    )


# --- the table and the checker ---------------------------------------------------------------


def test_table_is_well_formed() -> None:
    terms = load_terms()
    seen: set[str] = set()
    for key, entry in terms.items():
        assert set(entry) == {"en", "zh", "rejected"}, key
        assert entry["rejected"], f"{key}: no rejected variant"
        for v in variants({key: entry}):
            assert not v.pattern.search(entry["zh"]), f"{key}: {v.shown} rejects its own term"
            assert v.shown not in seen, f"{v.shown} is rejected twice"
            seen.add(v.shown)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("每层的键/值头数", "键/值头"),
        ("GQA（32 个查询头，8 个 KV 头）", "KV 头"),
        ("缩放定律，也叫规模定律", "规模定律"),
        ("得到 3.15 × 10²³ 次浮点运算", "数字后写“次浮点运算”"),
        ("整层重算", "重算"),
        ("模型主干上的向量", "主干"),
        ("词嵌入表", "词嵌入"),
    ],
)
def test_checker_finds_a_planted_variant(text: str, shown: str) -> None:
    assert [h.variant.shown for h in find(text)] == [shown]


@pytest.mark.parametrize(
    "text",
    [
        "每层的键值头数，头维度 H，残差流",
        "词元嵌入表，重计算，重新计算一遍",
        "一次乘加，两次浮点运算；3.14 × 10²³ FLOPs",
        '写作键值头，不写<span class="zh-rejected">键/值头</span>',
        "KV 缓存",
    ],
)
def test_checker_accepts_the_accepted_terms(text: str) -> None:
    assert find(text) == []


def test_built_text_skips_code_and_the_glossary_list() -> None:
    html = (
        "<article><p>头维度</p><pre><code>KV 头</code></pre>"
        '<td><span class="zh-rejected">头尺寸</span>、'
        '<span class="zh-rejected">头的大小</span></td>'
        "<svg><text>词嵌入</text></svg></article>"
    )
    assert [h.variant.shown for h in find(visible_text(html))] == ["词嵌入"]
