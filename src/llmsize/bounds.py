"""How fast at most: decode and prefill bounds from a plan's bytes and the GPU's peaks.

These are **bounds**, never estimates: a real engine is slower (`llmsize.measured` checks
each against published measurements, measured/bound <= 1).

* **Decode** (one new token per sequence per step) is bounded by memory bandwidth. A step
  must read, on the GPUs of one model replica together: every weight of the layers except the
  routed experts, ``experts_per_token`` of each MoE layer's experts (the fewest a step can
  touch), the output head, and each sequence's whole KV cache (or state) at its context. The
  embedding table is not read (a lookup copies one row per token). With ``n = tp x pp`` GPUs
  of bandwidth ``bw`` reading in parallel: ``tokens/s <= B * n * bw / bytes``.
* **Prefill** (the prompt, all at once) is bounded by compute: ``2 * N_active`` FLOPs per
  token plus attention (`llmsize.flops.sequence_forward_flops`, the output head on the last
  position only; for MLA the cheaper of its two forms), at the weights' dense peak
  (`llmsize.hardware.GPU.peak`): ``seconds >= B * FLOPs / (n * peak)``. For a model with
  sliding-window or linear layers only the parameter term is counted (its attention term is
  smaller than the full-context one, so leaving it out keeps this a lower bound).
* **Decode compute ceiling**: every generated token costs its forward FLOPs at the context
  (MLA's cheaper form; the parameter term alone for windowed models), so
  ``tokens/s <= n * peak / FLOPs``, whatever the batch. At large batches it is the tighter of
  the two decode bounds.
* **Crossover batch**: the smallest batch at which a decode step's compute time at peak
  reaches its memory time, ``B * F / peak >= (W + B * kv) / bw``; ``None`` when the cache
  grows as fast as the compute and decode never turns compute-bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from llmsize.flops import (
    MLA_FORMS,
    forward_flops_per_token,
    head_params,
    matmul_params,
    sequence_forward_flops,
)
from llmsize.plan import Plan, resolve_dtype, stage_cache, stage_weights, weight_formats
from llmsize.spec import Spec

__all__ = ["Bounds", "bounds", "decode_bytes", "prefill_flops"]


def _windowed(spec: Spec) -> bool:
    return any(layer.mixer.kind != "full" for layer in spec.layer_plan)


def decode_bytes(spec: Spec, p: Plan) -> tuple[Fraction, Fraction]:
    """Bytes one decode step reads on all GPUs of a replica: ``(weights, cache per sequence)``.

    The expert bytes are counted at ``experts_per_token / num_experts`` of those held.
    """
    fmt = weight_formats(p.dtype, p.expert_dtype)
    weights = stage_weights(spec, p.split, fmt)
    share = Fraction(1)
    if spec.moe is not None:
        share = Fraction(spec.moe.experts_per_token, spec.moe.num_experts)
    read = sum(w["layers"] + w["head"] + w["experts"] * share for w in weights)
    cache = stage_cache(spec, p.split, p.context, 1, p.kv_dtype)
    return Fraction(p.split.tp) * read, Fraction(p.split.tp * sum(cache))


def prefill_flops(spec: Spec, tokens: int) -> int:
    """FLOPs a prefill of ``tokens`` needs at least (see the module docstring)."""
    if _windowed(spec):
        head = head_params(spec)
        return 2 * (matmul_params(spec) - head) * tokens + 2 * head
    forms = MLA_FORMS if spec.mla is not None else MLA_FORMS[:1]
    return min(sequence_forward_flops(spec, tokens, all_logits=False, mla_form=f) for f in forms)


def _decode_flops(spec: Spec, context: int) -> int:
    if _windowed(spec):
        return forward_flops_per_token(spec, 0)
    forms = MLA_FORMS if spec.mla is not None else MLA_FORMS[:1]
    return min(forward_flops_per_token(spec, context, mla_form=f) for f in forms)


@dataclass(frozen=True)
class Bounds:
    """Time bounds of a plan; rates and times are exact fractions.

    Attributes:
        decode_tokens_per_s: Upper bound on generated tokens per second, all sequences, from
            memory bandwidth.
        decode_compute_tokens_per_s: Upper bound on the same from peak compute.
        prefill_seconds: Lower bound on the time to prefill every sequence's context.
        crossover_batch: Smallest batch at which decode is compute-bound, or ``None``.
        peak: The dense peak used, operations per second per GPU.
    """

    decode_tokens_per_s: Fraction
    decode_compute_tokens_per_s: Fraction
    prefill_seconds: Fraction
    crossover_batch: int | None
    peak: int

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output (floats for the rates, labelled as bounds)."""
        return {
            "decode_tokens_per_s_bound": float(self.decode_tokens_per_s),
            "decode_compute_tokens_per_s_bound": float(self.decode_compute_tokens_per_s),
            "prefill_seconds_bound": float(self.prefill_seconds),
            "crossover_batch": self.crossover_batch,
            "peak_ops_per_s": self.peak,
        }


def bounds(spec: Spec, p: Plan) -> Bounds:
    """Decode and prefill bounds of ``spec`` served as ``p`` plans it.

    Args:
        spec: The model `p` was planned for.
        p: A `llmsize.plan.Plan`.

    Returns:
        The `Bounds`.
    """
    gpu, n = p.gpu, p.split.gpus
    peak = max(gpu.peak(resolve_dtype(p.dtype)), gpu.peak(resolve_dtype(p.expert_dtype)))
    weights, cache = decode_bytes(spec, p)
    decode = Fraction(p.batch * n * gpu.bandwidth) / (weights + p.batch * cache)
    prefill = Fraction(p.batch * prefill_flops(spec, p.context), n * peak)
    flops = _decode_flops(spec, p.context)
    gap = flops * gpu.bandwidth - cache * peak
    crossover = None if gap <= 0 else -(-(weights * peak) // gap)
    ceiling = Fraction(n * peak, flops)
    return Bounds(decode, ceiling, prefill, None if crossover is None else int(crossover), peak)
