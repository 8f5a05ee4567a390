"""The real site builds strictly, in both languages, with every page of the nav."""

from __future__ import annotations

from pathlib import Path

from tests.docs.docs_pages import is_zh, pages, rel
from tests.site.conftest import Build


def test_site_builds_strict(site_build: Build) -> None:
    assert site_build.returncode == 0, site_build.output[-3000:]


def test_every_page_is_built_in_both_languages(site: Path) -> None:
    for page in pages():
        if is_zh(page):
            continue
        stem = rel(page)[: -len(".md")]
        path = "" if stem == "index" else f"{stem}/"
        assert (site / path / "index.html").is_file(), stem
        assert (site / "zh" / path / "index.html").is_file(), stem


def test_chinese_search_index_is_segmented(site: Path) -> None:
    # Each language has an index of its own (docs/hooks/search.py): English at the root, Chinese
    # under zh/, with locations relative to zh/. jieba's word breaks reach the Chinese index as
    # <wbr/> (a boundary to the tokenizer, nothing a reader can see or copy), never as U+200B;
    # without them 参数 is never a term of its own and search finds nothing.
    import json

    en = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["lang"] == ["en"]
    assert zh["config"]["lang"] == ["zh"]
    assert en["config"]["separator"] == zh["config"]["separator"]
    for index, folder in ((en, site), (zh, site / "zh")):
        for doc in index["docs"]:
            assert not doc["location"].startswith("zh/"), doc["location"]
            path = doc["location"].split("#")[0]
            assert (folder / path / "index.html").is_file(), doc["location"]
            assert "\u200b" not in doc["title"] + doc["text"], doc["location"]
    text = " ".join(d["title"] + " " + d["text"] for d in zh["docs"])
    assert "<wbr/>" in text
    for word in ("参数", "向量", "显存"):
        assert f"<wbr/>{word}<wbr/>" in text, word
    # Both indexes cover every page of their language, and only those.
    pages_en = {d["location"].split("#")[0] for d in en["docs"]}
    pages_zh = {d["location"].split("#")[0] for d in zh["docs"]}
    assert pages_en == pages_zh
    assert len(pages_en) >= 14


def test_no_third_party_assets(site: Path) -> None:
    # Nothing the reader's browser loads may come from another host (links to read are fine).
    import re

    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", text):
            if (
                re.search(r'\b(?:src|href)="(?:https?:)?//', tag)
                and 'rel="canonical"' not in tag
                and 'rel="alternate"' not in tag
            ):
                raise AssertionError(f"{html.relative_to(site)} loads {tag}")


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    # The strict build checks Markdown links; this also covers what snippets print (raw HTML,
    # links inside executed fences) and the theme's own links, in both languages.
    from tests.docs.site_links import broken_links

    broken, checked = broken_links(site)
    assert checked > 1000
    assert broken == []
