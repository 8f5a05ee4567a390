"""Accessibility: axe-core finds no WCAG 2 A/AA violation on any page, in either language.

axe-core is the npm package pinned in package.json (``npm ci``); the test injects it from
``node_modules`` into each page (Playwright sends the file's text, no request is made), so it is
never part of the published site and nothing leaves 127.0.0.1. Every page is checked in both
languages, and the calculator also with its results and an error shown. Both colour schemes
(light and dark) are checked, since contrast differs between them: every rule in the light one,
the colour rules in the dark one. The API reference's generated
sections (the same docstrings rendered into the same HTML in both languages, most of that page)
are checked on the English page; on the Chinese one, everything around them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.site.conftest import ROOT, Visit, third_party
from tests.site.test_browser import PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe(tab: Any, only: tuple[str, ...] = (), scheme: str = "light") -> list[dict[str, Any]]:
    """axe-core's violations (WCAG 2 A/AA rules) of the page ``tab`` shows, or of ``only``.

    Every rule in the light scheme; in the dark one, the rules whose outcome depends on the
    colours (the rest check the same markup again).
    """
    if not AXE.exists():
        pytest.fail("axe-core is missing: run npm ci")
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    rules = {"type": "tag", "values": TAGS} if scheme == "light" else COLOUR_RULES
    result: dict[str, Any] = tab.evaluate(
        "([rules, only]) => axe.run(only.length ? {include: only.map(s => [s])} : document,"
        " {runOnly: rules, resultTypes: ['violations']})",
        [rules, list(only)],
    )
    return list(result["violations"])


# The WCAG 2 A/AA rules whose outcome depends on the colour scheme.
COLOUR_RULES = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}


# The generated API sections are the same HTML in both languages: checked on the English page;
# on the Chinese one, the page's own parts (header, navigation, its headings and prose, footer).
OWN_PARTS = ("header", "nav", "article > h1", "article > h2", "article > p", "footer")
ONLY = {("reference/", "zh"): OWN_PARTS}


def summary(violations: list[dict[str, Any]]) -> str:
    """One line per rule and node: the rule, its impact, where, and axe's own account."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"{v['id']} ({v['impact']}) at {target}: {node['failureSummary']}")
    return "\n".join(lines)


def per_rule(violations: list[dict[str, Any]]) -> Counter[str]:
    """How many nodes break each rule."""
    return Counter({v["id"]: len(v["nodes"]) for v in violations})


def show_results(tab: Any) -> None:
    """Run the calculator (its default model) and wait for the results."""
    tab.click("#calc-run")
    tab.locator("#calc-results").wait_for(state="visible", timeout=120_000)


def load(tab: Any, url: str, scheme: str) -> None:
    """Load ``url`` for a reader whose system is in ``scheme`` (``light`` or ``dark``): the
    palette follows it (mkdocs.yml) until the reader picks one, which Material keeps in
    localStorage; that choice is forgotten here, so the page shows ``scheme``."""
    tab.emulate_media(color_scheme=scheme)
    # "load": styles, scripts and fonts are in; what axe checks is there (tests/site/
    # test_browser.py waits for the network to fall idle where requests are what it checks).
    tab.goto(url, wait_until="load")
    expected = {"light": "default", "dark": "slate"}[scheme]
    shown = "s => document.body.dataset.mdColorScheme === s"
    if not tab.evaluate(shown, expected):
        tab.evaluate("localStorage.clear()")
        tab.reload(wait_until="load")
    tab.wait_for_function(shown, arg=expected, timeout=10_000)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_no_violations(page: tuple[Any, Visit], base_url: str, path: str, lang: str) -> None:
    tab, visit = page
    found = []
    for scheme in ("light", "dark"):
        load(tab, base_url + ("zh/" if lang == "zh" else "") + path, scheme)
        found += axe(tab, ONLY.get((path, lang), ()), scheme)
    assert found == [], summary(found)
    assert third_party(visit) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_calculator_with_results_and_an_error(
    page: tuple[Any, Visit], base_url: str, lang: str
) -> None:
    tab, visit = page
    found = []
    for scheme in ("light", "dark"):
        load(tab, base_url + ("zh/" if lang == "zh" else "") + "calculator/", scheme)
        show_results(tab)
        found += axe(tab, scheme=scheme)
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
