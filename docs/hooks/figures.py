"""MkDocs hook: mark what each executed snippet printed, so the built site says where a figure
came from.

markdown-exec runs every ``python exec="1"`` fence and puts its output into the page. This hook
wraps that output, at build time, in ``<div data-src="fence:ID">`` (``ID`` is the fence's
``id="..."``). The prose macros mark their own output (``<span data-src="macro:...">``, in
docs/macros.py). ``python scripts/figures.py inventory SITE`` reads both marks to group every
figure on the site by what produced it (issue 14). The wrapper is inert: no class, no style;
the fence's HTML inside it is unchanged.

It changes no page source: it wraps the ``format`` function that markdown-exec registers with
pymdownx.superfences for each language, once (hooks run after plugins; the wrapping is
idempotent when i18n configures the build again for the next language).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

MARK = "data-src"


def mark(html_out: str, fence_id: str) -> str:
    """``html_out`` inside an inert ``<div data-src="fence:ID">`` (nothing when it is empty)."""
    if not str(html_out).strip():
        return html_out
    src = html.escape(f"fence:{fence_id or 'unnamed'}", quote=True)
    return f'<div {MARK}="{src}">\n{html_out}\n</div>'


def _marking(format_: Callable[..., str]) -> Callable[..., str]:
    def format_marked(
        src: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kw: Any
    ) -> str:
        out = format_(src, language, class_name, options, md, **kw)
        return mark(out, str(options.get("id", "")))

    format_marked.figures_marked = True  # type: ignore[attr-defined]
    return format_marked


def on_config(config: Any) -> Any:
    """Wrap markdown-exec's fence formatters (registered by its own ``on_config``)."""
    superfences = config.get("mdx_configs", {}).get("pymdownx.superfences", {})
    for fence in superfences.get("custom_fences", []):
        format_ = fence.get("format")
        module = getattr(format_, "__module__", "") or ""
        if module.startswith("markdown_exec") and not getattr(format_, "figures_marked", False):
            fence["format"] = _marking(format_)
    return config
