"""Inline figures for the site's prose, through mkdocs-macros-plugin.

Prose never types a figure; it calls one of these, and llmsize computes and formats it in the
page's language (``page.zh.md`` is Chinese, every other page English)::

    {{ count("deepseek-v3") }}              671B / 6710亿
    {{ count("deepseek-v3", "active") }}    the other count definitions: total, active,
                                            non_embedding, stored
    {{ exact("deepseek-v3") }}              671,026,404,352
    {{ dim("deepseek-v3", "layers") }}      a spec field: layers, width, heads, vocab, ...
    {{ fig(n, "bytes", unit="GB") }}        any computed number, through llmsize.fmt

Models are llmsize's presets (``llmsize.presets.ids()``), the same specs the pages' executed
snippets load, so a figure in a sentence and the same figure in a table come from one spec.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from llmsize import Counts, Spec, counts, fmt, presets


def page_lang(src_uri: str) -> str:
    """Language of a page from its file name: ``"zh"`` for ``*.zh.md``, else ``"en"``."""
    return "zh" if src_uri.endswith(".zh.md") else "en"


def define_env(env: Any) -> None:
    """Register the macros (called by mkdocs-macros-plugin)."""

    def lang() -> str:
        return page_lang(env.page.file.src_uri)

    def spec(model: str) -> Spec:
        """The spec of preset ``model`` (an unknown one fails the build, naming the known ones)."""
        return presets.load(model)

    def model_counts(model: str) -> Counts:
        """The count definitions of ``model`` (``counts(...).active``...)."""
        return counts(spec(model))

    def count(model: str, which: str = "total", digits: int = 3) -> str:
        """A count definition of ``model``, rounded: ``671B`` / ``6710亿``."""
        return fmt.count(getattr(model_counts(model), which), lang=lang(), digits=digits)

    def exact(model: str, which: str = "total") -> str:
        """A count definition of ``model``, every digit: ``671,026,404,352``."""
        return fmt.exact(getattr(model_counts(model), which), lang=lang())

    def dim(model: str, field: str) -> str:
        """A size from the spec of ``model`` (``layers``, ``width``, ...), every digit."""
        return fmt.exact(getattr(spec(model), field), lang=lang())

    def fig(n: int, kind: str = "count", **options: Any) -> str:
        """Format any computed number: ``kind`` is count, exact, bytes or bytes_both."""
        formatters: dict[str, Callable[..., str]] = {
            "count": fmt.count,
            "exact": fmt.exact,
            "bytes": fmt.bytes_,
            "bytes_both": fmt.bytes_both,
        }
        return formatters[kind](n, lang=lang(), **options)

    def label(key: str) -> str:
        """A term in the page's language (``fmt.label``)."""
        return fmt.label(key, lang=lang())

    for macro in (spec, count, exact, dim, fig, label):
        env.macro(macro)
    env.macro(model_counts, "counts")
