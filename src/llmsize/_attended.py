"""How many keys a token attends to in each kind of layer (the attention FLOPs' count).

A full-attention layer lets the ``T``-th token attend to all ``T`` keys; a sliding-window layer
to at most its window; a chunked layer to the keys of its own chunk; linear-attention,
state-space, convolution and mixer-less layers compute no attention scores. `llmsize.flops`
multiplies these counts by the per-key cost.
"""

from __future__ import annotations

from collections.abc import Callable

from llmsize.spec import Spec

__all__ = ["attended", "attended_sum", "keys"]


def attended(kind: str, window: int, context: int) -> int:
    """Keys the ``context``-th token attends to in a layer of ``kind`` (itself included).

    Full attention (alone or beside a Mamba mixer): all of them; a sliding window: at most
    ``window``; a chunk: those of its own chunk; linear-attention, state-space, convolution
    and mixer-less layers: none (no attention scores).
    """
    if kind in ("full", "parallel"):
        return context
    if kind == "sliding":
        return min(context, window)
    if kind == "chunked":
        return (context - 1) % window + 1 if context else 0
    return 0


def attended_sum(kind: str, window: int, seq: int) -> int:
    """`attended` summed over the positions ``1 .. seq`` of a causal sequence, exactly."""
    if kind == "sliding" and seq > window:
        return window * (window + 1) // 2 + (seq - window) * window
    if kind == "chunked":
        chunks, rest = divmod(seq, window)
        return chunks * window * (window + 1) // 2 + rest * (rest + 1) // 2
    return seq * (seq + 1) // 2 if attended(kind, window, 1) else 0


def keys(spec: Spec, n: int, per_layer: Callable[[str, int, int], int]) -> int:
    """``per_layer(kind, window, n)`` added up over the layers (every layer full: ``L`` times)."""
    if not spec.mixers:
        return spec.layers * per_layer("full", 0, n)
    tally: dict[tuple[str, int], int] = {}
    for layer in spec.layer_plan:
        key = (layer.mixer.kind, layer.mixer.window)
        tally[key] = tally.get(key, 0) + 1
    return sum(count * per_layer(kind, window, n) for (kind, window), count in tally.items())
