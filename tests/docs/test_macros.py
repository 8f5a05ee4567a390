"""The prose macros (docs/macros.py) format through llmsize.fmt in the page's language."""

from __future__ import annotations

import runpy
from types import SimpleNamespace
from typing import Any

import pytest

from llmsize import LLMSizeError

from .docs_pages import DOCS

MACROS = runpy.run_path(str(DOCS / "macros.py"))


class FakeEnv:
    """Just enough of mkdocs-macros' environment: the config, the current page, a registry."""

    def __init__(self) -> None:
        self.page: Any = None
        self.macros: dict[str, Any] = {}

    def macro(self, function: Any, name: str = "") -> None:
        self.macros[name or function.__name__] = function

    def on(self, src_uri: str) -> dict[str, Any]:
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))
        return self.macros


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
