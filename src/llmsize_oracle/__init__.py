"""The independent oracle: configs that transformers builds, and the counts it recorded.

This package ships in the same distribution as :mod:`llmsize` but is no part of the library (the
calculator's in-browser wheel packs ``src/llmsize`` only). It holds:

* :mod:`llmsize_oracle.cases`: hand-made edge-case configs plus every preset's real config;
* ``figures.json``: ``sum(p.numel() for p in model.parameters())`` of transformers' model built
  from each case on the meta device, recorded by ``scripts/oracle.py --write``
  (read it with :func:`record`);
* :mod:`llmsize_oracle.meta`: that meta-device build and count (needs torch + transformers).

Tests, scripts, benchmarks and the site's snippets import it like any installed package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from llmsize_oracle.cases import CASES, all_cases

__all__ = ["CASES", "FIGURES_FILE", "all_cases", "figures", "record"]

#: Where ``scripts/oracle.py --write`` writes the record (the package's own folder).
FIGURES_FILE = Path(__file__).resolve().parent / "figures.json"


@cache
def _load() -> str:
    return resources.files(__name__).joinpath("figures.json").read_text(encoding="utf-8")


def record() -> dict[str, Any]:
    """The recorded oracle run: ``{"transformers": version, "figures": {case: total}}``.

    Returns:
        A fresh dict on each call (callers may change it freely).
    """
    data: dict[str, Any] = json.loads(_load())
    return data


def figures() -> dict[str, int]:
    """The recorded total per case: ``{case name: parameter count}``."""
    out: dict[str, int] = record()["figures"]
    return out
