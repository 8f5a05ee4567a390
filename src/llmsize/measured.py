"""Published speed measurements, each set beside the bound llmsize computes for it.

A case names its source, the model and GPU measured, and the figure (tokens per second).
`compare` computes the bound for the same setting (`llmsize.bounds`) and the ratio
measured/bound, which must not exceed 1: a bound that a real engine beats is wrong.

llama.cpp's ``llama-bench`` reports ``tg128`` (128 tokens generated one at a time after an
empty prompt: decode at batch 1, contexts 1 to 128) and ``pp512`` (a 512-token prompt in one
pass: prefill). The bound for ``tg128`` is taken at context 1, the smallest cache, so it is
the highest; the bound for ``pp512`` is 512 tokens over the prefill time bound. llama.cpp's
GGUF files keep the output matrix in a wider type than Q4_0 (Q6_K); the bound counts it in the
file's nominal type, fewer bytes, so it stays a bound.
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


@dataclass(frozen=True)
class Case:
    """One published measurement.

    Attributes:
        source: Where it was published.
        model: Preset id of the model measured.
        vocab: The measured model's vocabulary when it differs from the preset's (CodeLlama
            has 32016 tokens where Llama 2 has 32000), else 0.
        gpu: Catalog id of the GPU.
        dtype: Weight format (a GGUF type for llama.cpp).
        test: ``"tg128"`` or ``"pp512"`` (see the module docstring).
        measured: Tokens per second, as published.
    """

    source: str
    model: str
    vocab: int
    gpu: str
    dtype: str
    test: Literal["tg128", "pp512"]
    measured: Fraction


def _apple(gpu: str, dtype: str, test: Literal["tg128", "pp512"], value: str) -> Case:
    return Case(_APPLE, "llama-2-7b", 0, gpu, dtype, test, Fraction(value))


def _rtx(dtype: str, test: Literal["tg128", "pp512"], value: str) -> Case:
    return Case(_RTX, "llama-2-7b", 32016, "rtx-4090", dtype, test, Fraction(value))


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
    tokens = 1 if case.test == "tg128" else 512
    p = plan(spec, case.gpu, 1, dtype=case.dtype, kv_dtype="fp16", context=tokens)
    b = bounds(spec, p)
    bound = b.decode_tokens_per_s if case.test == "tg128" else tokens / b.prefill_seconds
    return Comparison(case, bound, case.measured / bound)
