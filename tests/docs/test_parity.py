"""The English and Chinese sites have the same pages, structure, anchors and executed code.

mkdocs-static-i18n silently falls back to the English page when a Chinese one is missing, so
these checks are what keeps the two languages in step.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import pytest
import yaml

from .docs_pages import (
    ROOT,
    anchors,
    exec_ids,
    executed_fences,
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


_LANG_ARG = re.compile(r"""(?P<q>["'])(?P<lang>en|zh)(?P=q)""")
_ID_SUFFIX = re.compile(r"""\bid=(?P<q>["'])(?P<id>[^"']+?)(?:[-_](?:en|zh))?(?P=q)""")


def stem_id(line: str) -> str:
    """``line`` with its fence id's language suffix dropped: ``id="x-zh"`` reads ``id="x"``."""
    return _ID_SUFFIX.sub(lambda m: f"id={m['q']}{m['id']}{m['q']}", line)


def to_zh(line: str) -> str:
    """``line`` of an English fence as its Chinese twin writes it: "en" and "zh" swapped."""
    return _LANG_ARG.sub(lambda m: m["q"] + {"en": "zh", "zh": "en"}[m["lang"]] + m["q"], line)


def twin_fence_problems(en_text: str, zh_text: str, zh_name: str) -> list[str]:
    """How the executed fences of ``zh_text`` differ from those of ``en_text`` (none: empty)."""
    en, zh = executed_fences(en_text), executed_fences(zh_text)
    if len(en) != len(zh):
        return [f"{zh_name}: {len(zh)} executed fences, its English twin has {len(en)}"]
    problems = []
    for e, z in zip(en, zh, strict=True):
        want = [stem_id(to_zh(e.opener.strip())), *(to_zh(line) for line in e.body)]
        have = [stem_id(z.opener.strip()), *z.body]
        if want != have:
            diff = difflib.unified_diff(want, have, "English twin, as Chinese", zh_name, n=1)
            problems.append(f"{zh_name}:{z.line}: fence {z.id!r} is not its English twin's:")
            problems.extend("    " + line.rstrip("\n") for line in diff)
    return problems


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
def test_twins_include_the_same_snippets(page: Any) -> None:
    zh = twin(page)
    if not zh.is_file():
        pytest.skip("no twin (reported by test_every_page_has_its_twin)")
    en_text, zh_text = page.read_text(encoding="utf-8"), zh.read_text(encoding="utf-8")
    # The Contributing pages include their own language's guide: CONTRIBUTING.zh.md:setup.
    assert [i.replace(".zh.md", ".md") for i in includes(zh_text)] == includes(en_text)


@pytest.mark.parametrize("page", EN_PAGES, ids=_ids(EN_PAGES))
def test_zh_fences_equal_their_english_twins(page: Any) -> None:
    """Each executed fence of the Chinese page is its English twin with "en" swapped for "zh"."""
    zh = twin(page)
    if not zh.is_file():
        pytest.skip("no twin (reported by test_every_page_has_its_twin)")
    problems = twin_fence_problems(page.read_text("utf-8"), zh.read_text("utf-8"), rel(zh))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_executed_fences_have_unique_ids(page: Any) -> None:
    ids = exec_ids(page.read_text(encoding="utf-8"))
    assert None not in ids, f"{rel(page)}: every executed fence needs an id= (to name failures)"
    assert len(set(ids)) == len(ids), f"{rel(page)}: duplicate fence ids {ids}"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_no_fence_shows_its_source(page: Any) -> None:
    # Snippets hold asserts that pin figures; markdown-exec would show them with source=.
    shown = [
        f"{rel(page)}:{f.line}: {f.opener.strip()}"
        for f in executed_fences(page.read_text(encoding="utf-8"))
        if "source=" in f.opener
    ]
    assert not shown, "executed fences that show their source:\n" + "\n".join(shown)


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


# --- the twin-fence check itself -------------------------------------------------------------

_EN = '```python exec="1" id="{id}"\n--8<-- "p/figures.py"\nprint(table(spec, "en"))\n```\n'


@pytest.mark.parametrize(
    ("zh", "found"),
    [
        (_EN.format(id="t").replace('"en"', '"zh"'), ""),
        (_EN.format(id="t-zh").replace('"en"', '"zh"'), ""),
        (_EN.format(id="t"), "fence 't' is not its English twin's"),
        (_EN.format(id="t").replace('"en"', "'zh'"), "is not its English twin's"),
        (_EN.format(id="u").replace('"en"', '"zh"'), "is not its English twin's"),
        (_EN.format(id="t").replace("table(spec", "table(other"), "is not its English twin's"),
        ("", "0 executed fences, its English twin has 1"),
        (_EN.format(id="t") * 2, "2 executed fences, its English twin has 1"),
    ],
    ids=["same", "id-suffix", "passes-en", "quotes", "other-id", "other-code", "none", "more"],
)
def test_twin_fence_check(zh: str, found: str) -> None:
    problems = "\n".join(twin_fence_problems(_EN.format(id="t"), zh, "p.zh.md"))
    assert found in problems if found else not problems, problems
