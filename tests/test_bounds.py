"""Decode and prefill bounds: above every published measurement they are compared with."""

from __future__ import annotations

from fractions import Fraction

import pytest

from llmsize import presets
from llmsize.bounds import bounds, decode_bytes
from llmsize.hardware import get_gpu
from llmsize.measured import CASES, _spec, compare
from llmsize.memory import kv_cache_bytes, weights_bytes
from llmsize.plan import plan


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.gpu}-{c.dtype}-{c.test}")
def test_measurement_is_below_its_bound(case: object) -> None:
    result = compare(case)  # type: ignore[arg-type]
    assert 0 < result.ratio <= 1, (result.case.source, float(result.ratio))
    if result.case.test == "decode":  # below the compute ceiling too
        c = result.case
        p = plan(_spec(c), c.gpu, c.gpus, dtype=c.dtype, kv_dtype=c.kv_dtype, context=c.tokens)
        assert c.measured <= bounds(_spec(c), p).decode_compute_tokens_per_s


def test_cases_cite_their_source() -> None:
    assert {c.source.split(",")[0].split(" (")[0] for c in CASES} == {
        "llama.cpp discussion #4167",
        "llama.cpp pull request #4766",
        "TensorRT-LLM docs/source/performance.md",
    }


def test_decode_bound_is_bandwidth_over_bytes() -> None:
    spec = presets.load("llama-3.1-8b")
    p = plan(spec, "h100", 1, context=4096)
    weights, cache = decode_bytes(spec, p)
    table = 128256 * 4096
    assert weights == weights_bytes(8_030_261_248 - table, "bf16")
    assert cache == kv_cache_bytes(spec, 4096)
    b = bounds(spec, p)
    assert b.decode_tokens_per_s == Fraction(get_gpu("h100").bandwidth, weights + cache)
    # At 4096 tokens each sequence's cache read costs more time than its FLOPs: never
    # compute-bound. At 128 tokens a batch of some hundreds is.
    assert b.crossover_batch is None
    short = bounds(spec, plan(spec, "h100", 1, context=128)).crossover_batch
    assert short is not None and 100 < short < 1000


def test_moe_reads_only_active_experts() -> None:
    spec = presets.load("deepseek-v3")
    p = plan(spec, "h200", 8, dtype="fp8_block128", context=1024)
    weights, _ = decode_bytes(spec, p)
    assert weights < p.per_gpu["experts"] * 8 // 10  # 8 of 256 experts, not all
    eight = bounds(spec, plan(spec, "h200", 8, dtype="fp8_block128", context=1024, batch=8))
    assert eight.decode_tokens_per_s > bounds(spec, p).decode_tokens_per_s
