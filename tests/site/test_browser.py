"""The built site in a real browser: Debian's Chromium driven by Playwright, headless.

Every page in both languages must render without a console error, without a single request
leaving 127.0.0.1, and with no accessibility violation in either colour scheme (axe-core,
tests/site/axe.py); the language switcher must land on the same page; Chinese search must find
参数, 向量 and 显存; charts must be visible; the key figures must be the library's. Screenshots of
both home pages are saved to ``$LLMSIZE_ARTIFACTS`` (default ``artifacts/``).

Without Chromium these tests are skipped, unless ``LLMSIZE_REQUIRE_BROWSER=1`` (CI sets it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from llmsize import approx, article, counts, fmt, presets
from tests.docs.docs_pages import is_zh, pages, rel
from tests.site.axe import ONLY, both_schemes, summary
from tests.site.conftest import ROOT, Visit
from tests.site.conftest import third_party as _third_party


def _pages() -> list[str]:
    """URL paths (relative to the site root) of every English page; Chinese ones add ``zh/``."""
    out = []
    for page in pages():
        if not is_zh(page):
            stem = rel(page)[: -len(".md")]
            out.append("" if stem == "index" else f"{stem}/")
    return out


PAGES = _pages()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_cleanly_and_locally(
    page: tuple[Any, Visit], base_url: str, path: str, lang: str
) -> None:
    tab, visit = page
    url = base_url + ("zh/" if lang == "zh" else "") + path
    tab.emulate_media(color_scheme="light")
    response = tab.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url
    assert tab.locator("article h1").count() == 1
    charts = tab.locator("figure.llmsize-chart svg")  # every chart is drawn, at a readable size
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80, (url, i)
    assert tab.evaluate("document.documentElement.lang").startswith(lang)
    assert visit.console_errors == [], visit.console_errors
    assert _third_party(visit) == []
    # No snippet failed: markdown-exec renders a failure as a traceback block.
    assert "Traceback (most recent call last)" not in tab.content()
    # Accessibility, on the same load: axe-core in both colour schemes (tests/site/axe.py).
    found = both_schemes(tab, ONLY.get((path, lang), ()))
    assert found == [], summary(found)


# The switcher is the theme's, the same on every page: these cover the home page, a page with
# charts, the calculator (it loads its runtime) and the newest page. For every page, the switcher's
# link is followed by the offline link check (test_build.py) and its twin and hreflang alternates
# are checked (test_alternates.py).
SWITCHER_PAGES = ["", "memory/", "calculator/", "fit/"]


@pytest.mark.parametrize("path", SWITCHER_PAGES)
def test_language_switcher_keeps_the_page(
    page: tuple[Any, Visit], base_url: str, path: str
) -> None:
    """A click on the switcher (as Material's script sees it) lands on the twin, and back; the
    head's language alternates (absolute, under site_url) cost no request: no 404, no console
    error, nothing off 127.0.0.1, no sitemap.xml fetched beside a page."""
    tab, visit = page
    tab.goto(base_url + path, wait_until="networkidle")
    assert tab.locator('head link[rel="alternate"][hreflang="zh"]').count() == 1
    for lang, target in (("zh", base_url + "zh/" + path), ("en", base_url + path)):
        link = tab.locator(f'.md-select a[hreflang="{lang}"]').first
        assert link.get_attribute("href") is not None
        link.evaluate("a => a.click()")
        tab.wait_for_url(target)
        tab.wait_for_load_state("networkidle")
    assert visit.console_errors == [], visit.console_errors
    assert _third_party(visit) == []
    sitemaps = [u for u in visit.requests if u.endswith("sitemap.xml")]
    assert set(sitemaps) <= {base_url + "sitemap.xml"}, sitemaps


@pytest.mark.parametrize("query", ["参数", "向量", "显存"])
def test_chinese_search_finds_words(page: tuple[Any, Visit], base_url: str, query: str) -> None:
    tab, visit = page
    tab.goto(base_url + "zh/", wait_until="networkidle")
    # Open search as a keyboard user does: Material binds "s" (and "/") to the search box.
    tab.keyboard.press("s")
    box = tab.locator("input.md-search__input")
    box.focus()
    tab.keyboard.insert_text(query)
    box.dispatch_event("keyup")
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert "/zh/" in results.first.locator("a").first.get_attribute("href")
    assert _third_party(visit) == []


def test_the_site_has_charts(site: Path) -> None:
    """The pages above draw what they find; this says there is something to find."""
    figure = '<figure class="llmsize-chart">'
    charts = sum(p.read_text(encoding="utf-8").count(figure) for p in site.rglob("*.html"))
    assert charts >= 8


def test_key_figures_are_the_librarys(page: tuple[Any, Visit], base_url: str) -> None:
    tab, _ = page
    total = counts(presets.load("deepseek-v3")).total
    tab.goto(base_url)
    text = tab.locator("article").inner_text()
    assert fmt.count(total, "en") in text and fmt.exact(total, "en") in text
    tab.goto(base_url + "zh/")
    assert fmt.count(total, "zh") in tab.locator("article").inner_text()
    for prefix, lang in (("", "en"), ("zh/", "zh")):
        tab.goto(base_url + prefix + "worked-example/")
        text = tab.locator("article").inner_text()
        width, layers = article.ARTICLE_WIDTH, article.ARTICLE_LAYERS
        for value in (
            approx.layer_12d2(width),
            approx.stack(layers, width),
            approx.ffn_8d2(width),
            approx.attention_4d2(width),
        ):
            assert fmt.count(value, lang) in text or fmt.exact(value, lang) in text, value


def test_screenshots_of_both_home_pages(page: tuple[Any, Visit], base_url: str) -> None:
    tab, _ = page
    out = Path(os.environ.get("LLMSIZE_ARTIFACTS", ROOT / "artifacts"))
    out.mkdir(parents=True, exist_ok=True)
    for prefix, name in (("", "home-en.png"), ("zh/", "home-zh.png")):
        tab.goto(base_url + prefix, wait_until="networkidle")
        tab.screenshot(path=str(out / name), full_page=True)
        assert (out / name).stat().st_size > 10_000
