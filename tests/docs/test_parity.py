"""The English and Chinese sites have the same pages, structure, anchors and executed code.

mkdocs-static-i18n silently falls back to the English page when a Chinese one is missing, so
these checks are what keeps the two languages in step.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from .docs_pages import (
    ROOT,
    anchors,
    exec_ids,
    headings,
    includes,
    is_zh,
    pages,
    rel,
    twin,
)

PAGES = pages()
EN_PAGES = [p for p in PAGES if not is_zh(p)]


def _ids(paths: list[Any]) -> list[str]:
    return [rel(p) for p in paths]


class _Loader(yaml.SafeLoader):
    """Safe YAML that tolerates mkdocs' ``!!python/name:`` and ``!ENV`` tags."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_constructor("!ENV", lambda loader, node: None)


def _config() -> dict[str, Any]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config: dict[str, Any] = yaml.load(f, Loader=_Loader)
    return config


def _nav_entries(nav: Any) -> list[tuple[str | None, str | None]]:
    """``(title, page)`` of every nav entry, sections included (their page is ``None``)."""
    out: list[tuple[str | None, str | None]] = []
    for item in nav or []:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    out.append((title, None))
                    out.extend(_nav_entries(value))
                else:
                    out.append((title, value))
    return out


def _i18n() -> dict[str, Any]:
    for plugin in _config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n: dict[str, Any] = plugin["i18n"]
            return i18n
    raise AssertionError("mkdocs.yml has no i18n plugin")


def test_there_are_pages() -> None:
    assert EN_PAGES, "no pages found under docs/"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_every_page_has_its_twin(page: Any) -> None:
    other = "Chinese" if not is_zh(page) else "English"
    assert twin(page).is_file(), f"{rel(page)} has no {other} twin {rel(twin(page))}"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_every_heading_has_an_explicit_anchor(page: Any) -> None:
    text = page.read_text(encoding="utf-8")
    missing = [
        f"{rel(page)}:{n}: {line}"
        for (n, line), anchor in zip(headings(text), anchors(text), strict=True)
        if anchor is None
    ]
    assert not missing, "headings need an explicit English anchor `{ #anchor }`:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("page", EN_PAGES, ids=_ids(EN_PAGES))
def test_twins_have_the_same_anchors_in_order(page: Any) -> None:
    zh = twin(page)
    if not zh.is_file():
        pytest.skip("no twin (reported by test_every_page_has_its_twin)")
    assert anchors(zh.read_text(encoding="utf-8")) == anchors(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", EN_PAGES, ids=_ids(EN_PAGES))
def test_twins_run_the_same_snippets(page: Any) -> None:
    zh = twin(page)
    if not zh.is_file():
        pytest.skip("no twin (reported by test_every_page_has_its_twin)")
    en_text, zh_text = page.read_text(encoding="utf-8"), zh.read_text(encoding="utf-8")
    assert includes(zh_text) == includes(en_text)
    assert exec_ids(zh_text) == exec_ids(en_text)


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_executed_fences_have_unique_ids(page: Any) -> None:
    ids = exec_ids(page.read_text(encoding="utf-8"))
    assert None not in ids, f"{rel(page)}: every executed fence needs an id= (to name failures)"
    assert len(set(ids)) == len(ids), f"{rel(page)}: duplicate fence ids {ids}"


@pytest.mark.parametrize("page", EN_PAGES, ids=_ids(EN_PAGES))
def test_every_page_is_in_the_nav(page: Any) -> None:
    in_nav = {p for _, p in _nav_entries(_config().get("nav"))}
    assert rel(page) in in_nav, f"{rel(page)} is not in the nav of mkdocs.yml"


def test_the_nav_lists_only_english_pages_that_exist() -> None:
    for _, page in _nav_entries(_config().get("nav")):
        if page is None or "://" in page:
            continue
        assert not page.endswith(".zh.md"), f"nav entry {page}: list the English file only"
        assert (ROOT / "docs" / page).is_file(), f"nav entry {page} does not exist"


def test_every_nav_title_is_translated() -> None:
    languages = _i18n()["languages"]
    zh = next(lang for lang in languages if lang["locale"] == "zh")
    translations = zh.get("nav_translations") or {}
    titles = [t for t, _ in _nav_entries(_config().get("nav")) if t is not None]
    missing = [t for t in titles if t not in translations]
    assert not missing, f"nav titles without a Chinese nav_translations entry: {missing}"
