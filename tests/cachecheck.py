"""Measured cache bytes, one figure per layer, added up by the layer's kind.

The measured side of every cache oracle test (tests/test_cache_*.py): what transformers holds,
layer by layer, grouped as `llmsize.memory.kv_cache_by_kind` groups its figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from llmsize.spec import Spec


def by_kind(spec: Spec, measured: Sequence[int]) -> dict[str, int]:
    """``{mixer kind: bytes}`` of ``measured`` (one figure per layer of ``spec``, in order)."""
    out: dict[str, int] = {}
    for layer, size in zip(spec.layer_plan, measured, strict=True):
        out[layer.mixer.kind] = out.get(layer.mixer.kind, 0) + size
    return out
