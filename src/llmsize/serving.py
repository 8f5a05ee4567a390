"""What serving trades: the KV cache against the weights, and what GQA saves of each.

The weights are paid once; the KV cache per token and per sequence (`llmsize.memory`). These
functions give the figures the Memory and Glossary pages state about that trade: where the cache
outgrows the weights, how far a sliding window caps it, and how many parameters grouped-query
attention removes compared with the same model with one key/value head per query head.
"""

from __future__ import annotations

from dataclasses import replace

from llmsize.count import counts
from llmsize.dtypes import DType
from llmsize.errors import LLMSizeError, check_int
from llmsize.memory import kv_cache_bytes, weights_bytes
from llmsize.spec import Spec

__all__ = [
    "full_attention_twin",
    "gqa_saving",
    "kind_tally",
    "kv_crossover",
    "mha_twin",
    "naive_kv_cache_bytes",
]


def kv_crossover(spec: Spec, batch: int = 1, dtype: str | DType = "bf16") -> int | None:
    """The shortest context at which ``batch`` sequences' KV cache is at least the weights.

    Weights and cache are both stored in ``dtype`` (the total parameters for the weights). The
    cache is `llmsize.memory.kv_cache_bytes`, layer kind by layer kind: a model whose layers
    all slide (Mistral-7B-v0.1) or keep a fixed state stops growing, and may never get there.

    Args:
        spec: A decoder.
        batch: Sequences served together.
        dtype: Storage format of the weights and the cache.

    Returns:
        The context length in tokens, or ``None`` if the cache never reaches the weights.

    Raises:
        LLMSizeError: If ``batch`` is not a positive integer, or for an encoder.
    """
    check_int("batch", batch)
    weights = weights_bytes(counts(spec).total, dtype)

    def reached(context: int) -> bool:
        return kv_cache_bytes(spec, context, batch, dtype) >= weights

    high = 1
    while not reached(high):  # the cache grows at most linearly: 2**48 tokens is past anything
        if high >= _NEVER:
            return None
        high *= 2
    low = high // 2  # reached(high); not reached(low), or low is 0
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if reached(middle) else (middle, high)
    return high


_NEVER = 2**48


def naive_kv_cache_bytes(
    spec: Spec, context: int, batch: int = 1, dtype: str | DType = "bf16"
) -> int:
    """The KV cache if every layer kept every token: the usual calculators' estimate.

    The cache of the model's `full_attention_twin`: a sliding-window, chunked,
    linear-attention or state-space layer is charged ``context`` tokens of keys and values like
    the rest. For a model whose layers all attend to everything this is
    `llmsize.memory.kv_cache_bytes` itself.

    Args:
        spec: A decoder.
        context: Tokens per sequence.
        batch: Sequences.
        dtype: Storage format of the cache.

    Returns:
        Bytes.
    """
    return kv_cache_bytes(full_attention_twin(spec), context, batch, dtype)


def full_attention_twin(spec: Spec) -> Spec:
    """The same model with every layer's token mixer full attention (for its cache only)."""
    return replace(spec, name=f"{spec.name} (full attention)", mixers=())


def kind_tally(spec: Spec) -> dict[str, tuple[int, int]]:
    """``{layer kind: (layers, window)}``, in the order the kinds first appear.

    ``window`` is the sliding window or chunk of that kind's layers (0 for the other kinds).
    """
    out: dict[str, tuple[int, int]] = {}
    for layer in spec.layer_plan:
        kind = layer.mixer.kind
        layers, _ = out.get(kind, (0, 0))
        out[kind] = (layers + 1, layer.mixer.window)
    return out


def mha_twin(spec: Spec) -> Spec:
    """The same model with one key/value head per query head (``K = N``): its MHA twin.

    Raises:
        LLMSizeError: For MLA, whose keys and values have no KV heads to count.
    """
    if spec.mla is not None:
        raise LLMSizeError(f"spec.mla must be None for an MHA twin, got MLA ({spec.name})")
    return replace(spec, name=f"{spec.name} (MHA)", kv_heads=spec.heads)


def gqa_saving(spec: Spec) -> int:
    """Parameters grouped-query (or multi-query) attention removes from ``spec``.

    The total of the MHA twin (`mha_twin`) minus the model's own total: the key and value
    projections each lose ``D·(N − K)·H`` weights per layer (and their biases, if any). Zero
    for a model that already has ``K = N``.

    Args:
        spec: A model with standard attention.

    Returns:
        The difference in total parameters (an int, never negative).

    Raises:
        LLMSizeError: For MLA.
    """
    return counts(mha_twin(spec)).total - counts(spec).total
