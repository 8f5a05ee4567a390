"""Accessibility: axe-core finds no WCAG 2 A/AA violation on any page, in either language.

Every page in both languages is checked where it is rendered (tests/site/test_browser.py, with
tests/site/axe.py), in the light and the dark colour scheme; here, the calculator with its
results and an error shown, its form for keyboard and screen-reader users, and the palette
following the reader's system. The API reference's generated sections (the same docstrings
rendered into the same HTML in both languages, most of that page) are checked on the English
page; on the Chinese one, everything around them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.axe import AXE, axe, both_schemes, summary
from tests.site.conftest import Visit, third_party


def show_results(tab: Any) -> None:
    """Run the calculator (its default model) and wait for the results."""
    tab.click("#calc-run")
    tab.locator("#calc-results").wait_for(state="visible", timeout=120_000)


@pytest.mark.parametrize(("scheme", "shown"), [("light", "default"), ("dark", "slate")])
def test_the_palette_follows_the_readers_system(
    page: tuple[Any, Visit], base_url: str, scheme: str, shown: str
) -> None:
    """Until a reader picks a palette, the page shows the scheme their system prefers."""
    tab, _ = page
    tab.emulate_media(color_scheme=scheme)
    tab.goto(base_url + "memory/", wait_until="load")
    tab.evaluate("localStorage.clear()")
    tab.reload(wait_until="load")
    tab.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=shown)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_calculator_with_results_and_an_error(
    page: tuple[Any, Visit], base_url: str, lang: str
) -> None:
    tab, visit = page
    tab.goto(base_url + ("zh/" if lang == "zh" else "") + "calculator/", wait_until="load")
    show_results(tab)
    found = both_schemes(tab)
    tab.fill("#calc-config", '{"model_type": "llama", "hidden_size": -1}')
    tab.locator("#calc-error").wait_for(state="visible")
    found += axe(tab)
    assert found == [], summary(found)
    assert visit.console_errors == [], visit.console_errors
    assert third_party(visit) == []


def test_axe_is_not_published(site: Path) -> None:
    """axe-core is the tests' tool: nothing of it reaches the built site."""
    assert AXE.exists(), "axe-core is missing: run npm ci"
    assert [p for p in site.rglob("*") if "axe" in p.name.lower()] == []


def test_calculator_form_for_keyboard_and_screen_readers(
    page: tuple[Any, Visit], base_url: str
) -> None:
    """Every field has its label; Tab walks the form in reading order, ending on Calculate; the
    error is announced (role alert) and marks its field invalid; the results are a live region."""
    tab, _ = page
    tab.goto(base_url + "calculator/", wait_until="networkidle")
    fields = [
        "calc-model",
        "calc-config",
        "calc-dtype",
        "calc-kv-dtype",
        "calc-context",
        "calc-batch",
    ]
    for field in fields:
        assert tab.locator(f'label[for="{field}"]').inner_text().strip(), field
    assert tab.get_attribute("#calc-error", "role") == "alert"
    assert tab.get_attribute("#calc-results", "aria-live") == "polite"
    tab.locator("#calc-run:not([disabled])").wait_for(timeout=60_000)
    tab.focus("#calc-model")
    order = []
    for _ in range(12):
        order.append(tab.evaluate("document.activeElement.id"))
        if order[-1] == "calc-run":
            break
        tab.keyboard.press("Tab")
    reading = [x for x in order if x in [*fields, "calc-run"]]
    assert reading == [*fields, "calc-run"], order
    tab.fill("#calc-context", "0")
    tab.click("#calc-run")
    tab.locator("#calc-error").wait_for(state="visible", timeout=120_000)
    assert tab.get_attribute("#calc-context", "aria-invalid") is not None
    assert "calc-error" in (tab.get_attribute("#calc-context", "aria-describedby") or "")
