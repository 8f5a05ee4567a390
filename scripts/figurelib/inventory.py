"""The inventory of a built site's figures, as deterministic JSON (``figures.json``).

::

    {"format": 1, "figures": 4210,
     "pages": {"deepseek-v3/": {"en": {"title": "How 671B is reached",
                                      "sources": {"macro:exact(deepseek-v3, total)": [
                                          {"figure": "671,026,404,352", "anchor": "deepseek-v3",
                                           "kind": "text", "context": "... ⟦671,026,404,352⟧ ..."},
                                          ...]}},
                               "zh": {...}}}}

Pages are keyed by their path in the site without the language folder (``deepseek-v3/``, ``""``
for the home page), languages by code, sources by what printed the figures (see
`figurelib.page`), in order of first appearance; figures within a source in page order. Keys are
sorted where order carries no meaning, so the same site gives the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .page import page_figures

FORMAT = 1
LANGS = ("en", "zh")  # the site's languages; every other one lives under its code's folder
_TITLE = re.compile(r"<title>(.*?)(?: - [^<]*)?</title>", re.S)


def _where(site: Path, html_file: Path) -> tuple[str, str]:
    """``(page, lang)`` of a built page: ``zh/memory/index.html`` -> ``("memory/", "zh")``."""
    parts = html_file.parent.relative_to(site).parts
    lang = parts[0] if parts and parts[0] in LANGS[1:] else LANGS[0]
    rest = parts[1:] if lang != LANGS[0] else parts
    return "".join(f"{p}/" for p in rest), lang


def inventory(site: Path) -> dict[str, Any]:
    """Every figure of the built ``site``, by page, language and source."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} is not a built site (no index.html)")
    pages: dict[str, dict[str, Any]] = {}
    total = 0
    for html_file in sorted(site.rglob("index.html")):
        page, lang = _where(site, html_file)
        text = html_file.read_text(encoding="utf-8")
        sources: dict[str, list[dict[str, str]]] = {}
        for f in page_figures(text):
            sources.setdefault(f.source, []).append(f.as_json())
            total += 1
        title = _TITLE.search(text)
        pages.setdefault(page, {})[lang] = {
            "title": title.group(1).strip() if title else "",
            "sources": sources,
        }
    return {"format": FORMAT, "figures": total, "pages": pages}


def dumps(inv: dict[str, Any]) -> str:
    """The inventory as JSON text: one figure per line, deterministic."""
    return json.dumps(inv, ensure_ascii=False, indent=1) + "\n"


def load(path: Path) -> dict[str, Any]:
    """An inventory from ``figures.json``, or built from a site folder."""
    if path.is_dir():
        return inventory(path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a figures.json of format {FORMAT}")
    return data
