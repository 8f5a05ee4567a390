"""The registry of config readers, keyed by ``model_type``.

A family module registers its readers with `reader`; `llmsize.families` imports every family
module once, so `READERS` is complete as soon as that package is imported.
"""

from __future__ import annotations

from collections.abc import Callable

from llmsize._hfkeys import Keys
from llmsize.spec import Spec

__all__ = ["READERS", "Reader", "reader"]

Reader = Callable[[Keys, str], Spec]
"""A reader: the config's checked `Keys` and a display name in, one validated `Spec` out."""

READERS: dict[str, Reader] = {}
"""``model_type`` → reader."""


def reader(*model_types: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of each of ``model_types``."""

    def register(function: Reader) -> Reader:
        for model_type in model_types:
            if model_type in READERS:
                raise RuntimeError(f"model_type {model_type!r} is registered twice")
            READERS[model_type] = function
        return function

    return register
