"""What serving trades: the KV cache against the weights, and what GQA saves of each.

The weights are paid once; the KV cache per token and per sequence (`llmsize.memory`). These
functions give the figures the Memory and Glossary pages state about that trade: where the cache
outgrows the weights, how far a sliding window caps it, and how many parameters grouped-query
attention removes compared with the same model with one key/value head per query head.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from llmsize.count import counts
from llmsize.dtypes import DType
from llmsize.errors import LLMSizeError, check_int
from llmsize.memory import kv_cache_bytes_per_token, weights_bytes
from llmsize.spec import Spec

__all__ = ["gqa_saving", "kv_crossover", "mha_twin", "sliding_window"]


def kv_crossover(spec: Spec, batch: int = 1, dtype: str | DType = "bf16") -> int:
    """The shortest context at which ``batch`` sequences' KV cache is at least the weights.

    Weights and cache are both stored in ``dtype`` (the total parameters for the weights).

    Args:
        spec: A decoder.
        batch: Sequences served together.
        dtype: Storage format of the weights and the cache.

    Returns:
        The context length in tokens.

    Raises:
        LLMSizeError: If ``batch`` is not a positive integer, or for an encoder.
    """
    check_int("batch", batch)
    weights = weights_bytes(counts(spec).total, dtype)
    per_token = kv_cache_bytes_per_token(spec, dtype) * batch
    return -(-weights // per_token)


def sliding_window(config: Mapping[str, Any]) -> int | None:
    """The attention window a rolling-buffer KV cache stops growing at, from a ``config.json``.

    Mistral-style configs give ``sliding_window``; Qwen2-style ones give it too but switch it
    off with ``use_sliding_window: false``.

    Args:
        config: A Hugging Face ``config.json`` as a mapping.

    Returns:
        The window in tokens, or ``None`` if every layer attends to the whole context.

    Raises:
        LLMSizeError: If ``sliding_window`` is set but not a positive integer.
    """
    window = config.get("sliding_window")
    if window is None or not config.get("use_sliding_window", True):
        return None
    check_int("sliding_window", window)
    return int(window)


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
