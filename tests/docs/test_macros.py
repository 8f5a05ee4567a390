"""The prose macros (docs/macros.py) format through llmsize.fmt in the page's language, and
mark each figure with the call that made it (``<span data-src="macro:...">``)."""

from __future__ import annotations

import re
import runpy
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import pytest

from llmsize import LLMSizeError

from .docs_pages import DOCS

MACROS = runpy.run_path(str(DOCS / "macros.py"))
_MARK = re.compile(r'<span data-src="macro:[^"<>]+">([^<>]*)</span>')


def shown(marked: Any) -> Any:
    """What a reader sees of a macro's output: the figure inside its mark."""
    if not isinstance(marked, str):
        return marked  # spec, counts: objects, not figures
    m = _MARK.fullmatch(marked)
    assert m is not None, f"not one marked figure: {marked!r}"
    return m.group(1)


class FakeEnv:
    """Just enough of mkdocs-macros' environment: the config, the current page, a registry."""

    def __init__(self) -> None:
        self.page: Any = None
        self.macros: dict[str, Any] = {}

    def macro(self, function: Any, name: str = "") -> None:
        self.macros[name or function.__name__] = function

    def marked(self, src_uri: str) -> dict[str, Any]:
        """The macros as the page calls them (figures marked)."""
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))
        return self.macros

    def on(self, src_uri: str) -> dict[str, Any]:
        """The macros, each returning what a reader sees (the mark checked and removed)."""
        macros = self.marked(src_uri)
        return {k: (lambda *a, _f=f, **o: shown(_f(*a, **o))) for k, f in macros.items()}


@pytest.fixture(scope="module")
def env() -> FakeEnv:
    e = FakeEnv()
    MACROS["define_env"](e)
    return e


@pytest.mark.parametrize(
    ("src_uri", "lang"),
    [("index.md", "en"), ("index.zh.md", "zh"), ("guide/memory.zh.md", "zh"), ("zh.md", "en")],
)
def test_page_language_comes_from_the_file_name(src_uri: str, lang: str) -> None:
    assert MACROS["page_lang"](src_uri) == lang


def test_count_is_in_the_page_language(env: FakeEnv) -> None:
    assert env.on("index.md")["count"]("deepseek-v3") == "671B"
    assert env.on("index.zh.md")["count"]("deepseek-v3") == "6710亿"


def test_exact_dim_and_counts(env: FakeEnv) -> None:
    m = env.on("index.md")
    total = m["counts"]("deepseek-v3").total
    assert m["exact"]("deepseek-v3") == f"{total:,}"
    assert m["dim"]("deepseek-v3", "width") == f"{m['spec']('deepseek-v3').width:,}"
    assert m["fig"](total, "count") == m["count"]("deepseek-v3")


def test_unknown_model_names_the_known_ones(env: FakeEnv) -> None:
    with pytest.raises(LLMSizeError, match="deepseek-v3"):
        env.on("index.md")["count"]("no-such-model")


@pytest.mark.parametrize(
    ("kind", "n", "options", "en", "zh"),
    [
        ("count", 6_738_415_616, {}, "6.74B", "67.4亿"),
        ("exact", 7_168, {}, "7,168", "7,168"),
        ("bytes", 524_288, {"unit": "auto-binary"}, "512 KiB", "512 KiB"),
        ("bytes_both", 1_342_177_280_000, {}, "1.34 TB (1.22 TiB)", "1.34 TB（1.22 TiB）"),
        ("count_exact", 6_738_415_616, {}, "6.74B (6,738,415,616)", "67.4亿（6,738,415,616）"),
        ("bytes_exact", 524_288, {}, "524,288 (512 KiB)", "524,288（512 KiB）"),
        ("decimal", Fraction(17, 16), {}, "1.0625", "1.0625"),
        ("decimal", Fraction(1, 3), {"places": 2}, "0.33", "0.33"),
        ("per_param", 2, {}, "2 B/param", "每个参数 2 字节"),
        ("share", 42, {"whole": 10_000}, "0.42%", "0.42%"),
    ],
)
def test_fig_kinds_in_the_page_language(
    env: FakeEnv, kind: str, n: Any, options: dict[str, Any], en: str, zh: str
) -> None:
    assert env.on("index.md")["fig"](n, kind, **options) == en
    assert env.on("index.zh.md")["fig"](n, kind, **options) == zh


def test_fig_unknown_kind_names_the_known_ones(env: FakeEnv) -> None:
    with pytest.raises(LLMSizeError, match=r"kind must be one of count, .*share, got 'sci'"):
        env.on("index.md")["fig"](1, "sci")


def test_times_and_sci(env: FakeEnv) -> None:
    assert env.on("index.md")["times"](179, 10) == "17.9×"
    assert env.on("index.zh.md")["times"](179, 10) == "17.9 倍"
    assert env.on("index.zh.md")["times"](2, 1, trim=False) == "2.00 倍"
    for page in ("index.md", "index.zh.md"):
        assert env.on(page)["sci"](314 * 10**21) == "3.14 × 10²³"
    assert env.on("index.md")["sci"](9_995 * 10**20, trim=False) == "1.00 × 10²⁴"


def test_figures_are_marked_with_their_call(env: FakeEnv) -> None:
    m = env.marked("index.md")
    assert m["count"]("deepseek-v3") == (
        '<span data-src="macro:count(deepseek-v3, total)">671B</span>'
    )
    assert m["exact"]("deepseek-v3", "active").startswith(
        '<span data-src="macro:exact(deepseek-v3, active)">'
    )
    assert m["dim"]("gpt2", "width").startswith('<span data-src="macro:dim(gpt2, width)">')
    assert m["fig"](2, "per_param") == '<span data-src="macro:fig(per_param)">2 B/param</span>'
    assert m["times"](179, 10).startswith('<span data-src="macro:times()">')
    assert m["sci"](10**24).startswith('<span data-src="macro:sci()">')


def test_words_and_objects_are_not_marked(env: FakeEnv) -> None:
    m = env.marked("index.zh.md")
    assert "<" not in m["label"]("total")
    assert m["counts"]("gpt2").total > 0
