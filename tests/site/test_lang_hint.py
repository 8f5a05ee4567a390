"""The language hint: a Chinese-preferring reader on an English page is offered the Chinese page.

In Chromium with a zh-CN locale (``navigator.languages`` and Accept-Language): the bar under the
header shows on an English page, in both languages, linking to the same page under ``/zh/``; it
never redirects; it is shown once and the answer is remembered (localStorage) whether the reader
follows it, closes it or just moves on. Nothing is shown on Chinese pages, nor to a reader whose
browser puts English before Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

BAR = "[data-llmsize-lang-hint]"


@pytest.fixture
def reader(browser: Any) -> Iterator[Any]:
    """A factory of browser contexts with a locale (and optionally a languages list)."""
    contexts = []

    def make(locale: str, languages: list[str] | None = None) -> Any:
        context = browser.new_context(locale=locale)
        if languages is not None:
            context.add_init_script(
                f"Object.defineProperty(navigator, 'languages', {{get: () => {languages!r}}});"
            )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _shown(tab: Any) -> bool:
    bar = tab.locator(BAR)
    return bar.count() == 1 and bar.is_visible()


def test_offered_once_and_the_answer_is_kept(reader: Any, base_url: str) -> None:
    tab = reader("zh-CN")
    assert tab.evaluate("navigator.languages")[0] == "zh-CN"
    tab.goto(base_url + "memory/")
    assert tab.url == base_url + "memory/"  # never a redirect
    assert _shown(tab)
    text = tab.locator(BAR).inner_text()
    assert "中文版" in text and "Chinese" in text
    link = tab.locator(f"{BAR} a")
    assert link.evaluate("a => a.href") == base_url + "zh/memory/"
    tab.locator(f"{BAR} button").click()
    assert not _shown(tab)
    assert tab.evaluate("localStorage.getItem('llmsize.lang-hint')") == "en"
    for path in ("memory/", "", "calculator/"):
        tab.goto(base_url + path)
        assert not _shown(tab), path


def test_following_the_hint_lands_on_the_twin(reader: Any, base_url: str) -> None:
    tab = reader("zh-CN")
    tab.goto(base_url + "glossary/")
    tab.locator(f"{BAR} a").click()
    tab.wait_for_url(base_url + "zh/glossary/")
    assert tab.locator(BAR).count() == 0  # Chinese pages carry no hint at all
    assert tab.evaluate("localStorage.getItem('llmsize.lang-hint')") == "zh"
    tab.goto(base_url + "glossary/")
    assert not _shown(tab)


def test_ignored_it_is_not_asked_again(reader: Any, base_url: str) -> None:
    tab = reader("zh-TW")
    tab.goto(base_url)
    assert _shown(tab)
    tab.goto(base_url + "parameters/")
    assert not _shown(tab)


@pytest.mark.parametrize(
    ("locale", "languages", "offered"),
    [
        ("en-US", None, False),
        ("en-GB", ["en-GB", "zh-CN"], False),  # English first
        ("fr-FR", ["fr-FR", "zh-CN", "en"], True),  # of the site's languages, Chinese first
        ("zh-CN", ["zh-CN", "en-US"], True),
    ],
)
def test_only_for_a_browser_that_prefers_chinese(
    reader: Any, base_url: str, locale: str, languages: list[str] | None, offered: bool
) -> None:
    tab = reader(locale, languages)
    tab.goto(base_url + "compute/")
    assert _shown(tab) is offered


def test_never_on_chinese_pages(reader: Any, base_url: str) -> None:
    tab = reader("zh-CN")
    for path in ("zh/", "zh/memory/", "zh/calculator/"):
        tab.goto(base_url + path)
        assert tab.locator(BAR).count() == 0, path
    assert tab.evaluate("localStorage.getItem('llmsize.lang-hint')") is None


def _tab_into_the_bar(tab: Any) -> str:
    """Press Tab from the top of the page until the focus is in the bar; what has it."""
    for _ in range(40):
        tab.keyboard.press("Tab")
        inside = tab.evaluate(
            f"(() => {{ const a = document.activeElement;"
            f" return a && a.closest('{BAR}') ? a.tagName.toLowerCase() : null; }})()"
        )
        if inside:
            return str(inside)
    pytest.fail("the language hint cannot be reached with Tab")


def test_reached_and_closed_from_the_keyboard(reader: Any, base_url: str) -> None:
    tab = reader("zh-CN")
    tab.goto(base_url + "vectors/")
    assert _shown(tab)
    bar = tab.locator(BAR)
    assert bar.get_attribute("role") == "region"
    assert "中文版" in tab.locator(f"#{bar.get_attribute('aria-labelledby')}").inner_text()
    assert _tab_into_the_bar(tab) == "a"  # the link first, then the button
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.tagName") == "BUTTON"
    tab.keyboard.press("Enter")
    assert not _shown(tab)
    assert tab.evaluate("localStorage.getItem('llmsize.lang-hint')") == "en"
    # The focus went on to the page's content, not back to the top.
    assert tab.evaluate("document.activeElement.tagName") == "MAIN"


def test_escape_closes_it(reader: Any, base_url: str) -> None:
    tab = reader("zh-CN")
    tab.goto(base_url + "models/")
    _tab_into_the_bar(tab)
    tab.keyboard.press("Escape")
    assert not _shown(tab)
    assert tab.evaluate("localStorage.getItem('llmsize.lang-hint')") == "en"
