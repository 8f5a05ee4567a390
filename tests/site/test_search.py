"""Search answers in the reader's language and finds the site's own figures (issue 16).

Driven as a reader drives it: Material's search box in Chromium, on each language's home page.
Each language has an index of its own (docs/hooks/search.py), so a query must find its page in
the reader's language, within the first five pages, and nothing in the other language. The
figures are typed as readers type them ("6710亿" with no space, "70,272" with its comma), and in
either language's notation: "671B" on the Chinese site finds the pages that say 6710亿.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.conftest import Served

# (query, the page it must return among the first five), per language.
RELEVANCE = {
    "en": [
        ("KV cache", "memory/"),
        ("Chinchilla", "compute/"),
        ("calculator", "calculator/"),
        ("misconception", "misconceptions/"),
        ("residual stream", ""),
        ("bf16", "memory/"),
        ("tied embeddings", "models/"),
        ("pull request", "contributing/"),
        ("count_long", "reference/"),
        ("MLA", "deepseek-v3/"),
        ("671B", "deepseek-v3/"),
        ("671B", "worked-example/"),
        ("869M", "worked-example/"),
        ("6710亿", "deepseek-v3/"),
        ("8.69亿", "worked-example/"),
        ("1.34 TB", "memory/"),
        ("1.34TB", "memory/"),
        ("70,272", "memory/"),
        ("68.6 KiB", "memory/"),
        ("will it fit", "fit/"),
    ],
    "zh": [
        ("KV 缓存", "memory/"),
        ("Chinchilla", "compute/"),
        ("计算器", "calculator/"),
        ("原文", "worked-example/"),
        ("误解", "misconceptions/"),
        ("术语", "glossary/"),
        ("显存", "memory/"),
        ("参与贡献", "contributing/"),
        ("嵌入", "vectors/"),
        ("MLA", "deepseek-v3/"),
        ("6710亿", "deepseek-v3/"),
        ("6710亿", "worked-example/"),
        ("8.69亿", "worked-example/"),
        ("8.69亿", "deepseek-v3/"),
        ("671B", "deepseek-v3/"),
        ("869M", "worked-example/"),
        ("1.34 TB", "memory/"),
        ("70,272", "memory/"),
        ("68.6 KiB", "memory/"),
        ("能跑起来", "fit/"),
    ],
}
# The headline figures, in both notations on both sites: the pages each must list among the
# results a reader sees without scrolling (DeepSeek-V3's page and the article's example; the
# article's layer, 8.69亿 / 869M, is on the example's page only).
BOTH = ("deepseek-v3/", "worked-example/")
FIGURES = {
    "en": [("671B", BOTH), ("6710亿", BOTH), ("869M", BOTH[1:]), ("8.69亿", BOTH[1:])],
    "zh": [("6710亿", BOTH), ("8.69亿", BOTH), ("671B", BOTH), ("869M", BOTH[1:])],
}
TOP = 5
HOME = {"en": "", "zh": "zh/"}


class SearchBox:
    """Material's search on one language's home page, kept open across queries."""

    def __init__(self, tab: Any, base_url: str, lang: str) -> None:
        self.tab, self.lang = tab, lang
        self.root = base_url + HOME[lang]
        tab.goto(self.root, wait_until="networkidle")
        tab.keyboard.press("s")  # Material's shortcut to the search box, as a keyboard user
        self.box = tab.locator("input.md-search__input")
        self.meta = tab.locator(".md-search-result__meta")
        self.placeholder = self.meta.text_content()

    def pages(self, query: str) -> list[str]:
        """The pages (paths under this language's home) the results list, best first."""
        self.box.fill("")
        self.box.dispatch_event("keyup")
        self.tab.wait_for_function(
            "p => document.querySelector('.md-search-result__meta').textContent === p",
            arg=self.placeholder,
        )
        self.box.focus()
        self.tab.keyboard.insert_text(query)
        self.box.dispatch_event("keyup")
        self.tab.wait_for_function(
            "p => document.querySelector('.md-search-result__meta').textContent !== p",
            arg=self.placeholder,
            timeout=15000,
        )
        hrefs: list[str] = self.tab.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(i => i.querySelector('a').href)"
        )
        return [h.split("#")[0].split("?")[0] for h in hrefs]

    def text(self) -> str:
        """What a reader selecting the whole result list would copy."""
        return str(self.tab.locator(".md-search-result__list").inner_text())


@pytest.fixture(scope="module")
def boxes(browser: Any, base_url: str) -> Iterator[dict[str, SearchBox]]:
    contexts = []
    out = {}
    for lang in HOME:
        context = browser.new_context(locale="zh-CN" if lang == "zh" else "en-US")
        contexts.append(context)
        out[lang] = SearchBox(context.new_page(), base_url, lang)
    yield out
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    ("lang", "query", "page"),
    [(lang, q, p) for lang, cases in RELEVANCE.items() for q, p in cases],
)
def test_query_finds_its_page_in_the_readers_language(
    boxes: dict[str, SearchBox], lang: str, query: str, page: str
) -> None:
    box = boxes[lang]
    found = box.pages(query)
    other = [u for u in found if not u.startswith(box.root) or u[len(box.root) :].startswith("zh/")]
    assert other == [], f"{query!r} on the {lang} site lists other-language pages: {other}"
    top = [u[len(box.root) :] for u in found[:TOP]]
    if page not in top:
        elsewhere = next(lang2 for lang2 in HOME if lang2 != lang)
        there = [u[len(boxes[elsewhere].root) :] for u in boxes[elsewhere].pages(query)[:TOP]]
        where = " (found only in the other language)" if page in there else ""
        pytest.fail(f"{query!r} on the {lang} site: {page!r} not in the top {TOP}: {top}{where}")


@pytest.mark.parametrize(
    ("lang", "query", "pages"),
    [(lang, q, p) for lang, cases in FIGURES.items() for q, p in cases],
)
def test_headline_figures_in_either_notation(
    boxes: dict[str, SearchBox], lang: str, query: str, pages: tuple[str, ...]
) -> None:
    box = boxes[lang]
    found = [u[len(box.root) :] for u in box.pages(query) if u.startswith(box.root)]
    assert not any(u.startswith("zh/") for u in found), found
    for page in pages:
        assert page in found, f"{query!r} on the {lang} site: {page!r} not among {found}"


@pytest.mark.parametrize("lang", list(HOME))
def test_result_snippets_copy_as_the_page_reads(boxes: dict[str, SearchBox], lang: str) -> None:
    box = boxes[lang]
    assert box.pages("6710亿" if lang == "zh" else "671B")
    text = box.text()
    assert text.strip()
    assert "\u200b" not in text
    if lang == "zh":
        assert "6710亿参数" in text  # the words as the page writes them, not cut apart


@pytest.mark.parametrize(("lang", "query"), [("en", "KV cache"), ("zh", "显存")])
def test_each_language_fetches_its_own_index_only(
    browser: Any, base_url: str, served: Served, lang: str, query: str
) -> None:
    # From opening the page to the first result on screen, with nothing cached: the index is
    # fetched, parsed and indexed by lunr in Material's worker, then the query runs.
    context = browser.new_context(locale="en-US")
    tab = context.new_page()
    try:
        mark = served.mark()
        start = time.perf_counter()
        tab.goto(base_url + HOME[lang], wait_until="domcontentloaded")
        tab.keyboard.press("s")
        box = tab.locator("input.md-search__input")
        box.focus()
        tab.keyboard.insert_text(query)
        box.dispatch_event("keyup")
        tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
        seconds = time.perf_counter() - start
        indexes = [(p, n) for p, n in served.since(mark) if p.endswith("search_index.json")]
    finally:
        context.close()
    want = f"/llmsize/{HOME[lang]}search/search_index.json"
    assert [p for p, _ in indexes] == [want]
    print(f"\n{lang}: index {indexes[0][1]:,} bytes; first result for {query!r} in {seconds:.2f} s")
    assert seconds < 10
