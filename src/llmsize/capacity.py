"""The limits a plan reaches: longest context, most sequences, fewest GPUs.

Each answer is found with `llmsize.plan.plan` itself (the same bytes, the same reserve), so it
is exactly the boundary of ``plan(...).fits``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from llmsize.errors import LLMSizeError, check_int
from llmsize.plan import Plan, Split, plan
from llmsize.spec import Spec

__all__ = ["CONTEXT_CAP", "GPU_COUNTS", "RELEASED", "max_batch", "max_context", "min_gpus"]

RELEASED: dict[str, dict[str, str]] = {
    "deepseek-v3": {"dtype": "fp8_block128"},
    "gpt-oss-120b": {"expert_dtype": "mxfp4"},
    "gpt-oss-20b": {"expert_dtype": "mxfp4"},
    "llama-3.1-405b": {"dtype": "fp8"},
}
"""The weight formats of bundled presets that are not published in bf16: DeepSeek-V3's fp8
with 128x128 scale tiles, gpt-oss's MXFP4 experts, and Meta's FP8 release of Llama 3.1 405B
(Llama-3.1-405B-Instruct-FP8). Options for `llmsize.plan.plan`."""

CONTEXT_CAP = 1 << 24
"""Longest context searched when the model states none."""

GPU_COUNTS: tuple[int, ...] = (1, 2, 4, 8, 16, 24, 32, 48, 64)
"""GPU counts `min_gpus` tries: one node's tensor-parallel group (up to 8), then nodes of 8
joined by pipeline parallelism."""


def _fits(spec: Spec, gpu: Any, gpus: int, **options: Any) -> bool:
    return plan(spec, gpu, gpus, **options).fits


def max_context(spec: Spec, gpu: Any, gpus: int = 1, **options: Any) -> int:
    """The longest context at which ``options["batch"]`` sequences still fit (0 if none).

    Searched up to the model's own context length (`llmsize.spec.Spec.context_length`), or
    `CONTEXT_CAP` if it states none.

    Args:
        spec: A decoder.
        gpu: The accelerator, as for `llmsize.plan.plan`.
        gpus: How many.
        **options: Any other argument of `llmsize.plan.plan` except ``context``.

    Returns:
        Tokens per sequence.
    """
    options.pop("context", None)
    cap = spec.context_length or CONTEXT_CAP
    if not _fits(spec, gpu, gpus, context=1, **options):
        return 0
    low, high = 1, cap
    while low < high:
        mid = (low + high + 1) // 2
        if _fits(spec, gpu, gpus, context=mid, **options):
            low = mid
        else:
            high = mid - 1
    return low


def max_batch(spec: Spec, gpu: Any, gpus: int = 1, **options: Any) -> int:
    """The most sequences of ``options["context"]`` tokens that fit (0 if not one).

    Args:
        spec: A decoder.
        gpu: The accelerator, as for `llmsize.plan.plan`.
        gpus: How many.
        **options: Any other argument of `llmsize.plan.plan` except ``batch``.

    Returns:
        A number of sequences.
    """
    options.pop("batch", None)
    one = plan(spec, gpu, gpus, batch=1, **options)
    if not one.fits:
        return 0
    cache = one.per_gpu["kv_cache"]
    if cache == 0:
        raise LLMSizeError(f"spec {spec.name!r} keeps no cache: the batch is not limited by it")
    guess = max(1, (one.gpu.memory - one.used) // cache + 1)
    while not _fits(spec, gpu, gpus, batch=guess, **options):
        guess -= 1
    while _fits(spec, gpu, gpus, batch=guess + 1, **options):
        guess += 1
    return guess


def _splits(spec: Spec, counts: tuple[int, ...]) -> Iterator[tuple[int, Split]]:
    for n in counts:
        tp = min(n, 8)
        pp = n // tp
        if spec.heads % tp == 0 and pp <= spec.layers:
            k = spec.kv_heads
            if spec.mla is not None or k % tp == 0 or tp % k == 0:
                yield n, Split(tp, pp)


def min_gpus(spec: Spec, gpu: Any, counts: tuple[int, ...] = GPU_COUNTS, **options: Any) -> Plan:
    """The plan on the fewest GPUs of one kind that fits, trying ``counts`` in order.

    Up to 8 GPUs form one tensor-parallel group; beyond, nodes of 8 are joined by pipeline
    parallelism (``tp = 8``, ``pp = n / 8``), as multi-node serving does.

    Args:
        spec: A decoder.
        gpu: The accelerator, as for `llmsize.plan.plan`.
        counts: GPU counts to try, in increasing order.
        **options: Any other argument of `llmsize.plan.plan` except ``split``.

    Returns:
        The first `Plan` that fits.

    Raises:
        LLMSizeError: If none of ``counts`` fits.
    """
    options.pop("split", None)
    for n in counts:
        check_int("gpus", n)
    for n, split in _splits(spec, counts):
        found = plan(spec, gpu, n, split=split, **options)
        if found.fits:
            return found
    raise LLMSizeError(f"gpus: {spec.name} does not fit on {max(counts)} of {gpu!r} or fewer")
