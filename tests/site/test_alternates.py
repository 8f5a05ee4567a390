"""Language alternates, descriptions and link-preview meta of every built page, and the sitemap.

Each page's head lists itself and its twin in the other language (``hreflang`` en and zh) and
an ``x-default`` (the English page), as absolute URLs under ``site_url``; the canonical URL is
the page's own entry. The sitemap lists every page with the same three (``xhtml:link``). Each
page has a description of its own (not the site's, not its twin's, not another page's), also
given as Open Graph and Twitter meta with the page's title, URL and locale.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.docs.docs_pages import is_zh
from tests.site.conftest import ROOT
from tests.site.test_browser import PAGES

SITE_URL = "https://llmsize.github.io/llmsize/"
XHTML = "{http://www.w3.org/1999/xhtml}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _site_descriptions() -> set[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    out = {config["site_description"]}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            out |= {
                x["site_description"]
                for x in plugin["i18n"]["languages"]
                if "site_description" in x
            }
    return out


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (!ENV) read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


class _Head(HTMLParser):
    """The ``<link>`` and ``<meta>`` tags of a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.meta: dict[str, list[str]] = {}
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "link":
            self.links.append(a)
        elif tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta.setdefault(key, []).append(a.get("content", ""))


def _head(site: Path, url_path: str) -> _Head:
    parser = _Head()
    parser.feed((site / url_path / "index.html").read_text(encoding="utf-8"))
    return parser


def _urls(path: str) -> dict[str, str]:
    return {"en": SITE_URL + path, "zh": SITE_URL + "zh/" + path}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_head_lists_both_languages_and_x_default(site: Path, path: str, lang: str) -> None:
    head = _head(site, ("zh/" if lang == "zh" else "") + path)
    alternates = {
        x["hreflang"]: x["href"]
        for x in head.links
        if x.get("rel") == "alternate" and "hreflang" in x
    }
    urls = _urls(path)
    assert alternates == {"en": urls["en"], "zh": urls["zh"], "x-default": urls["en"]}
    canonical = [x["href"] for x in head.links if x.get("rel") == "canonical"]
    assert canonical == [urls[lang]]
    assert head.meta["og:url"] == [urls[lang]]
    assert head.meta["og:locale"] == [{"en": "en_US", "zh": "zh_CN"}[lang]]


def test_sitemap_lists_every_page_with_its_twin_and_x_default(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    seen = {}
    for url in root.iter(SM + "url"):
        loc = url.findtext(SM + "loc")
        seen[loc] = {x.get("hreflang"): x.get("href") for x in url.iter(XHTML + "link")}
    expected = {}
    for path in PAGES:
        urls = _urls(path)
        for lang in ("en", "zh"):
            expected[urls[lang]] = {"en": urls["en"], "zh": urls["zh"], "x-default": urls["en"]}
    assert seen == expected


def test_every_page_has_a_description_of_its_own(site: Path) -> None:
    site_wide = _site_descriptions()
    found: dict[str, str] = {}
    for lang in ("en", "zh"):
        for path in PAGES:
            head = _head(site, ("zh/" if lang == "zh" else "") + path)
            (description,) = head.meta["description"]
            assert description not in site_wide, path
            assert head.meta["og:description"] == [description]
            assert head.meta["twitter:description"] == [description]
            assert head.meta["og:title"] == head.meta["twitter:title"]
            assert head.meta["og:title"][0].strip()
            if lang == "zh":
                assert any("\u4e00" <= c <= "\u9fff" for c in description), path
            found[f"{lang}:{path}"] = description
    assert len(set(found.values())) == len(found)  # none shared, between pages or languages


def test_front_matter_descriptions_are_in_the_page_language() -> None:
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\n"), page.name
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        has_chinese = any("\u4e00" <= c <= "\u9fff" for c in meta["description"])
        assert has_chinese is is_zh(page), page.name
