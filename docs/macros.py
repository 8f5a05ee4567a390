"""Inline figures for the site's prose, through mkdocs-macros-plugin.

Prose never types a figure; it calls one of these, and llmsize computes and formats it in the
page's language (``page.zh.md`` is Chinese, every other page English)::

    {{ count("deepseek-v3") }}              671B / 6710亿
    {{ count("deepseek-v3", "active") }}    the other count definitions: total, active,
                                            non_embedding, stored
    {{ exact("deepseek-v3") }}              671,026,404,352
    {{ dim("deepseek-v3", "layers") }}      a spec field: layers, width, heads, vocab, ...
    {{ fig(n, "bytes", unit="GB") }}        any computed number, through llmsize.fmt: kind is
                                            count, exact, bytes, bytes_both, count_exact,
                                            bytes_exact, decimal, per_param or share
                                            (``fig(part, "share", whole=total)``)
    {{ times(a, b) }}                       a / b as a multiple: 17.9× / 17.9 倍
    {{ sci(n) }}                            scientific notation: 3.14 × 10²³

Each figure comes out marked with the call that made it, ``<span data-src="macro:count(deepseek-v3,
active)">12.9B</span>``: an inert span (no class, no style) that ``scripts/figures.py`` reads to
group the site's figures by what produced them. ``spec``, ``counts`` and ``label`` return
objects and words, not figures, and are not marked.

Models are llmsize's presets (``llmsize.presets.ids()``), the same specs the pages' executed
snippets load, so a figure in a sentence and the same figure in a table come from one spec.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from llmsize import Counts, LLMSizeError, Spec, counts, fmt, presets

# fig(n, kind, ...): the formatter of each kind, called as formatter(n, lang=..., **options).
FIG_KINDS: dict[str, Callable[..., str]] = {
    "count": fmt.count,
    "exact": fmt.exact,
    "bytes": fmt.bytes_,
    "bytes_both": fmt.bytes_both,
    "count_exact": fmt.count_exact,
    "bytes_exact": fmt.bytes_exact,
    "decimal": fmt.decimal,
    "per_param": fmt.per_param,
    "share": fmt.share,
}


def mark(call: str, text: str) -> str:
    """``text`` marked as made by ``call``: ``<span data-src="macro:CALL">text</span>``."""
    return f'<span data-src="macro:{html.escape(call, quote=True)}">{text}</span>'


def call(name: str, *args: object) -> str:
    """How a macro call is named in its mark: ``count(deepseek-v3, active)``."""
    return f"{name}({', '.join(str(a) for a in args)})"


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
        text = fmt.count(getattr(model_counts(model), which), lang=lang(), digits=digits)
        return mark(call("count", model, which), text)

    def exact(model: str, which: str = "total") -> str:
        """A count definition of ``model``, every digit: ``671,026,404,352``."""
        text = fmt.exact(getattr(model_counts(model), which), lang=lang())
        return mark(call("exact", model, which), text)

    def dim(model: str, field: str) -> str:
        """A size from the spec of ``model`` (``layers``, ``width``, ...), every digit."""
        return mark(call("dim", model, field), fmt.exact(getattr(spec(model), field), lang=lang()))

    def fig(n: Any, kind: str = "count", **options: Any) -> str:
        """Format any computed number with the ``llmsize.fmt`` function of ``kind``."""
        if kind not in FIG_KINDS:
            raise LLMSizeError(f"kind must be one of {', '.join(FIG_KINDS)}, got {kind!r}")
        return mark(call("fig", kind), FIG_KINDS[kind](n, lang=lang(), **options))

    def times(a: int, b: int, **options: Any) -> str:
        """``a`` as a multiple of ``b`` (``fmt.times``): ``17.9×`` / ``17.9 倍``."""
        return mark(call("times"), fmt.times(a, b, lang=lang(), **options))

    def sci(n: int, **options: Any) -> str:
        """``n`` in scientific notation (``fmt.sci``): ``3.14 × 10²³``."""
        return mark(call("sci"), fmt.sci(n, lang=lang(), **options))

    def label(key: str) -> str:
        """A term in the page's language (``fmt.label``)."""
        return fmt.label(key, lang=lang())

    for macro in (spec, count, exact, dim, fig, times, sci, label):
        env.macro(macro)
    env.macro(model_counts, "counts")
