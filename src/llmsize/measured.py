"""Published speed measurements, each set beside the bound llmsize computes for it.

A case names its source, the model, format and GPUs measured, and the figure (tokens per
second, all GPUs together). `compare` computes the bound for the same setting
(`llmsize.bounds`) and the ratio measured/bound, which must not exceed 1: a bound that a real
engine beats is wrong.

* llama.cpp's ``llama-bench``: ``tg128`` generates 128 tokens one at a time after an empty
  prompt (decode at batch 1, contexts 1 to 128), ``pp512`` processes a 512-token prompt in one
  pass (prefill). The ``tg128`` bound is taken at context 1, the smallest cache, so it is the
  highest; the ``pp512`` bound is 512 tokens over the prefill time bound. GGUF files keep the
  output matrix in a wider type than Q4_0 (Q6_K); the bound counts it in the file's nominal
  type, fewer bytes, so it stays a bound.
* TensorRT-LLM's throughput tables: a static batch of ``batch`` sequences, ``prompt`` tokens in
  and ``generated`` out, output tokens per second over the whole run (prefill included, so
  the decode rate alone is higher still). The bound is the decode bound at the shortest
  context of the run, ``prompt + 1``: the highest over the run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Literal

from llmsize import presets
from llmsize.bounds import bounds
from llmsize.plan import plan
from llmsize.spec import Spec

__all__ = ["CASES", "Case", "Comparison", "compare"]

_APPLE = (
    "llama.cpp discussion #4167, 'Performance of llama.cpp on Apple Silicon M-series'"
    " (LLaMA 7B v2, llama-bench, Metal)"
)
_RTX = (
    "llama.cpp pull request #4766, 'llama : ggml-backend integration', llama-bench on an"
    " RTX 4090 (CodeLlama-7B), 2024-01-10"
)
_TRT = (
    "TensorRT-LLM docs/source/performance.md (v0.6.1 tables: Llama 2, FP8 weights and KV cache"
    " on H100, FP16 on A100; static batches)"
)


@dataclass(frozen=True)
class Case:
    """One published measurement.

    Attributes:
        source: Where it was published.
        model: Preset id of the model measured.
        vocab: The measured model's vocabulary when it differs from the preset's (CodeLlama
            has 32016 tokens where Llama 2 has 32000), else 0.
        gpu: Catalog id of the GPU.
        gpus: How many, in one tensor-parallel group.
        dtype: Weight format (a GGUF type for llama.cpp).
        kv_dtype: KV-cache format.
        test: ``"decode"`` or ``"prefill"``.
        label: The benchmark's own name for the test (``"tg128"``, ``"128 → 128, batch 768"``).
        tokens: Context of the decode bound, or the prompt of the prefill bound.
        batch: Sequences decoded together.
        measured: Tokens per second, all GPUs together, as published.
    """

    source: str
    model: str
    vocab: int
    gpu: str
    gpus: int
    dtype: str
    kv_dtype: str
    test: Literal["decode", "prefill"]
    label: str
    tokens: int
    batch: int
    measured: Fraction


def _apple(gpu: str, dtype: str, test: str, value: str) -> Case:
    kind: Literal["decode", "prefill"] = "decode" if test == "tg128" else "prefill"
    tokens = 1 if kind == "decode" else 512
    return Case(
        _APPLE, "llama-2-7b", 0, gpu, 1, dtype, "fp16", kind, test, tokens, 1, Fraction(value)
    )


def _rtx(dtype: str, test: str, value: str) -> Case:
    return replace(_apple("rtx-4090", dtype, test, value), source=_RTX, vocab=32016)


def _trt(model: str, gpu: str, gpus: int, batch: int, io: tuple[int, int], per_gpu: int) -> Case:
    fp8 = gpu.startswith("h100")
    dtype, kv = ("fp8", "fp8_e4m3") if fp8 else ("fp16", "fp16")
    label = f"{io[0]} → {io[1]}, batch {batch}"
    return Case(
        _TRT,
        model,
        0,
        gpu,
        gpus,
        dtype,
        kv,
        "decode",
        label,
        io[0] + 1,
        batch,
        Fraction(per_gpu * gpus),
    )


CASES: tuple[Case, ...] = (
    _apple("m1-max", "fp16", "tg128", "23.03"),
    _apple("m1-max", "q8_0", "tg128", "40.2"),
    _apple("m1-max", "q4_0", "tg128", "61.19"),
    _apple("m1-max", "fp16", "pp512", "599.53"),
    _apple("m2-ultra", "fp16", "tg128", "41.02"),
    _apple("m2-ultra", "q4_0", "tg128", "94.27"),
    _apple("m2-ultra", "fp16", "pp512", "1401.85"),
    _apple("m3-max", "fp16", "tg128", "25.09"),
    _apple("m3-max", "q4_0", "tg128", "66.31"),
    _apple("m3-max", "fp16", "pp512", "779.17"),
    _apple("m4-max", "fp16", "tg128", "31.64"),
    _apple("m4-max", "q4_0", "tg128", "83.06"),
    _apple("m4-max", "fp16", "pp512", "922.83"),
    _rtx("fp16", "tg128", "61.03"),
    _rtx("fp16", "pp512", "11048.22"),
    _rtx("q8_0", "tg128", "98.13"),
    _rtx("q8_0", "pp512", "7664.00"),
    _trt("llama-2-7b", "h100-sxm", 1, 768, (128, 128), 19694),
    _trt("llama-2-7b", "h100-sxm", 1, 112, (128, 2048), 6818),
    _trt("llama-2-70b", "h100-sxm", 2, 1024, (128, 128), 2657),
    _trt("llama-2-7b", "a100-80gb", 1, 384, (128, 128), 5586),
)
"""The measurements the site and the tests compare with."""


@dataclass(frozen=True)
class Comparison:
    """A case, its bound and the ratio measured/bound."""

    case: Case
    bound: Fraction
    ratio: Fraction


def _spec(case: Case) -> Spec:
    spec = presets.load(case.model)
    return replace(spec, vocab=case.vocab) if case.vocab else spec


def compare(case: Case) -> Comparison:
    """The bound llmsize gives for ``case`` and the ratio of the measurement to it."""
    spec = _spec(case)
    p = plan(
        spec,
        case.gpu,
        case.gpus,
        dtype=case.dtype,
        kv_dtype=case.kv_dtype,
        context=case.tokens,
        batch=case.batch,
        reserve=Fraction(0),
    )
    b = bounds(spec, p)
    bound = b.decode_tokens_per_s if case.test == "decode" else case.tokens / b.prefill_seconds
    return Comparison(case, bound, case.measured / bound)
