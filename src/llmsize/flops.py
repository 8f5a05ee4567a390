"""Floating-point operations: per token, per training run, and compute-optimal sizes.

One multiply-add is counted as 2 FLOPs, as Kaplan et al. 2020 and Hoffmann et al. 2022 do.
All results are exact Python integers.

A forward pass costs, per token:

* **the parameter term**: 2 FLOPs for each parameter the token is multiplied by
  (`matmul_params`; the "2N" rule, Kaplan et al. 2020, Table 1);
* **the attention term**: the token's query against ``context`` cached keys (scores) and the
  weighted sum of as many values, ``2 * L * context * N * (d_qk + d_v)``
  (`attention_flops_per_token`). It grows with the context; the parameter term does not.

Kaplan et al. write the forward cost as ``2N + 2 * n_layer * n_ctx * d_attn``. That
attention term is this module's averaged over a causal training sequence of ``n_ctx`` tokens,
where a token attends to about ``n_ctx / 2`` keys: ``2 * L * (n_ctx/2) * N * (H + H) =
2 * L * n_ctx * d_attn`` with ``d_attn = N * H``. `kaplan_forward_flops_per_token` gives
their formula as written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from math import isqrt
from typing import Any

from llmsize.count import counts
from llmsize.errors import LLMSizeError, check_int
from llmsize.spec import Spec

__all__ = [
    "CHINCHILLA_TOKENS_PER_PARAM",
    "TRAINING_FLOPS_PER_PARAM_TOKEN",
    "ComputeOptimal",
    "attention_flops_per_token",
    "chinchilla_tokens",
    "compute_optimal",
    "forward_flops_per_token",
    "kaplan_forward_flops_per_token",
    "matmul_params",
    "sequence_forward_flops",
    "training_flops",
    "two_n_flops_per_token",
]

CHINCHILLA_TOKENS_PER_PARAM = 20
"""Training tokens per parameter for a compute-optimal model: the rounded ratio of Hoffmann et
al. 2022, "Training Compute-Optimal Large Language Models" (Chinchilla: 70B parameters, 1.4T
tokens)."""

TRAINING_FLOPS_PER_PARAM_TOKEN = 6
"""FLOPs per parameter per training token: 2 forward plus 4 backward (Kaplan et al. 2020,
``C = 6ND``)."""


def _check_spec(spec: object) -> Spec:
    if not isinstance(spec, Spec):
        raise LLMSizeError(f"spec must be a Spec, got {spec!r}")
    return spec


def _qk_v_dims(spec: Spec) -> tuple[int, int]:
    """Per-head query/key size and value size."""
    if spec.mla is not None:
        return spec.mla.qk_head_dim, spec.mla.v_head_dim
    return spec.head_dim, spec.head_dim


def matmul_params(spec: Spec) -> int:
    """Parameters one token is multiplied by in a forward pass.

    ``counts(spec).active`` less the lookup tables (token, position and token-type embeddings:
    a lookup copies a row, it multiplies nothing) plus the output head, which is a
    ``V x D`` matrix multiply whether or not it shares its weights with the embedding. Norm
    weights and biases stay in (one multiply or add each, counted as 2 FLOPs: negligible).

    Args:
        spec: The architecture.

    Returns:
        A parameter count.
    """
    _check_spec(spec)
    c = counts(spec)
    tree = c.breakdown
    lookups = (
        tree.get("embeddings.token")
        + tree.get("embeddings.position")
        + tree.get("embeddings.token_type")
    )
    tied_head = spec.vocab * spec.width if spec.tied_embeddings and not spec.encoder else 0
    return c.active - lookups + tied_head


def two_n_flops_per_token(spec: Spec) -> int:
    """The rule of thumb ``2N`` with ``N = counts(spec).active``, embeddings included.

    Quick and commonly quoted; `forward_flops_per_token` is the more careful count.

    Args:
        spec: The architecture.

    Returns:
        ``2 * counts(spec).active``.
    """
    return 2 * counts(_check_spec(spec)).active


def attention_flops_per_token(spec: Spec, context: int) -> int:
    """FLOPs one token spends attending to ``context`` keys (itself included).

    Per layer and query head: scores against ``context`` keys of ``d_qk`` values, then a
    weighted sum of ``context`` values of ``d_v`` values, ``2 * context * (d_qk + d_v)``.
    ``d_qk = d_v = H`` for MHA/GQA/MQA (sharing KV heads saves memory, not these FLOPs);
    for MLA ``d_qk = qk_nope_head_dim + qk_rope_head_dim`` and ``d_v = v_head_dim`` (the
    per-head sizes of the plain, non-absorbed computation). Softmax and scaling are left out.

    Args:
        spec: The architecture.
        context: Keys the token attends to (0 gives 0).

    Returns:
        ``2 * L * context * N * (d_qk + d_v)``.

    Raises:
        LLMSizeError: If ``context`` is not a non-negative integer.
    """
    _check_spec(spec)
    check_int("context", context, minimum=0)
    d_qk, d_v = _qk_v_dims(spec)
    return 2 * spec.layers * context * spec.heads * (d_qk + d_v)


def forward_flops_per_token(spec: Spec, context: int = 0) -> int:
    """Forward-pass FLOPs for one token that attends to ``context`` keys.

    ``2 * matmul_params(spec) + attention_flops_per_token(spec, context)``. With
    ``context=0`` this is the parameter term alone.

    Args:
        spec: The architecture.
        context: Keys the token attends to (its position plus one in a causal decoder).

    Returns:
        FLOPs.

    Raises:
        LLMSizeError: If ``context`` is not a non-negative integer.
    """
    return 2 * matmul_params(spec) + attention_flops_per_token(spec, context)


def sequence_forward_flops(spec: Spec, seq: int) -> int:
    """Forward-pass FLOPs for a whole causal sequence of ``seq`` tokens.

    Token ``i`` (from 1) attends to ``i`` keys, so the attention term sums to
    ``L * N * (d_qk + d_v) * seq * (seq + 1)`` exactly.

    Args:
        spec: The architecture.
        seq: Sequence length.

    Returns:
        FLOPs.

    Raises:
        LLMSizeError: If ``seq`` is not a positive integer.
    """
    _check_spec(spec)
    check_int("seq", seq)
    d_qk, d_v = _qk_v_dims(spec)
    attention = spec.layers * spec.heads * (d_qk + d_v) * seq * (seq + 1)
    return 2 * matmul_params(spec) * seq + attention


def kaplan_forward_flops_per_token(spec: Spec, n_ctx: int) -> int:
    """Kaplan et al. 2020 (Table 1) as written: ``2N + 2 * L * n_ctx * d_attn``.

    ``N`` is the non-embedding count (``counts(spec).non_embedding``; for an MoE model the
    non-embedding count less the idle routed experts) and ``d_attn = N_heads * d_qk``, where
    ``d_qk`` is the per-head query/key size (``H``, or ``qk_nope + qk_rope`` for MLA).

    Args:
        spec: The architecture.
        n_ctx: Training context length.

    Returns:
        FLOPs per token.

    Raises:
        LLMSizeError: If ``n_ctx`` is not a non-negative integer.
    """
    _check_spec(spec)
    check_int("n_ctx", n_ctx, minimum=0)
    c = counts(spec)
    n = c.non_embedding - (c.total - c.active)
    d_qk, _ = _qk_v_dims(spec)
    return 2 * n + 2 * spec.layers * n_ctx * spec.heads * d_qk


def training_flops(params: int, tokens: int) -> int:
    """Training compute ``C = 6ND`` (Kaplan et al. 2020; Hoffmann et al. 2022).

    Args:
        params: Parameters ``N`` (use active parameters for an MoE model).
        tokens: Training tokens ``D``.

    Returns:
        FLOPs.

    Raises:
        LLMSizeError: If either is not a non-negative integer.
    """
    check_int("params", params, minimum=0)
    check_int("tokens", tokens, minimum=0)
    return TRAINING_FLOPS_PER_PARAM_TOKEN * params * tokens


def chinchilla_tokens(params: int) -> int:
    """Compute-optimal training tokens for ``params`` parameters: ``20 * params``.

    Args:
        params: Parameters.

    Returns:
        ``CHINCHILLA_TOKENS_PER_PARAM * params``.

    Raises:
        LLMSizeError: If ``params`` is not a non-negative integer.
    """
    check_int("params", params, minimum=0)
    return CHINCHILLA_TOKENS_PER_PARAM * params


@dataclass(frozen=True)
class ComputeOptimal:
    """A compute-optimal model size and token count for a FLOP budget.

    Attributes:
        budget: The FLOP budget ``C`` asked for.
        params: ``N = floor(sqrt(C / 120))``.
        tokens: ``D = 20 * N``.
        flops: ``6 * N * D``, at most ``budget``.
    """

    budget: int
    params: int
    tokens: int
    flops: int

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return asdict(self)


def compute_optimal(budget: int) -> ComputeOptimal:
    """Chinchilla-optimal parameters and tokens for a training budget of ``budget`` FLOPs.

    With ``C = 6ND`` and ``D = 20N``, ``C = 120 N^2``, so ``N = sqrt(C / 120)``. The square
    root is taken exactly in integers: ``N = isqrt(C // 120)``, which equals
    ``floor(sqrt(C / 120))``.

    Args:
        budget: FLOPs ``C``.

    Returns:
        A `ComputeOptimal`.

    Raises:
        LLMSizeError: If ``budget`` is not a non-negative integer.
    """
    check_int("budget", budget, minimum=0)
    per = TRAINING_FLOPS_PER_PARAM_TOKEN * CHINCHILLA_TOKENS_PER_PARAM
    params = isqrt(budget // per)
    tokens = chinchilla_tokens(params)
    return ComputeOptimal(budget, params, tokens, training_flops(params, tokens))
