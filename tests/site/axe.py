"""axe-core in a page: WCAG 2 A/AA violations, in the light colour scheme and the dark one.

axe-core is the npm package pinned in package.json (``npm ci``); it is injected from
``node_modules`` into the page (Playwright sends the file's text, no request is made), so it is
never part of the published site and nothing leaves 127.0.0.1. Every rule runs in the light
scheme; the page is then switched to the dark one in place (the system's preference emulated,
Material's palette set on the body as its toggle does), and the rules whose outcome depends on
the colours run again.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.site.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The WCAG 2 A/AA rules whose outcome depends on the colour scheme.
COLOUR_RULES = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
SCHEMES = {"light": "default", "dark": "slate"}  # Material's names for them
# The generated API sections are the same HTML in both languages: checked on the English page;
# on the Chinese one, the page's own parts (header, navigation, its headings and prose, footer).
OWN_PARTS = ("header", "nav", "article > h1", "article > h2", "article > p", "footer")
ONLY = {("reference/", "zh"): OWN_PARTS}


def axe(tab: Any, only: tuple[str, ...] = (), scheme: str = "light") -> list[dict[str, Any]]:
    """axe-core's violations of the page ``tab`` shows (or of ``only``), in ``scheme``.

    Every WCAG 2 A/AA rule in the light scheme, the colour rules in the dark one (the rest check
    the same markup again).
    """
    if not AXE.exists():
        pytest.fail("axe-core is missing: run npm ci")
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    set_scheme(tab, scheme)
    rules = {"type": "tag", "values": TAGS} if scheme == "light" else COLOUR_RULES
    result: dict[str, Any] = tab.evaluate(
        "([rules, only]) => axe.run(only.length ? {include: only.map(s => [s])} : document,"
        " {runOnly: rules, resultTypes: ['violations']})",
        [rules, list(only)],
    )
    return list(result["violations"])


def both_schemes(tab: Any, only: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """`axe` in the light scheme, then in the dark one; the page is left in the light one."""
    found = axe(tab, only, "light") + axe(tab, only, "dark")
    set_scheme(tab, "light")
    return found


def set_scheme(tab: Any, scheme: str) -> None:
    """Show the page in ``scheme`` (``light`` or ``dark``): the reader's system prefers it (the
    site's own styles follow that media query) and the palette is Material's for it."""
    tab.emulate_media(color_scheme=scheme)
    # Colours change at once: no transition caught half-way (axe reads the computed colours).
    tab.evaluate(_SWITCH, SCHEMES[scheme])


_SWITCH = """s => {
  if (!document.getElementById('axe-no-transitions')) {
    const style = document.createElement('style');
    style.id = 'axe-no-transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.appendChild(style);
  }
  document.body.setAttribute('data-md-color-scheme', s);
}"""


def summary(violations: list[dict[str, Any]]) -> str:
    """One line per rule and node: the rule, its impact, where, and axe's own account."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"{v['id']} ({v['impact']}) at {target}: {node['failureSummary']}")
    return "\n".join(lines)
