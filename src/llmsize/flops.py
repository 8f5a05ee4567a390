"""Floating-point operations: per token, per training run, and compute-optimal sizes.

One multiply-add is counted as 2 FLOPs, as Kaplan et al. 2020 and Hoffmann et al. 2022 do.
All results are exact Python integers.

A forward pass costs, per token:

* **the parameter term**: 2 FLOPs for each parameter the token is multiplied by
  (`matmul_params`; the "2N" rule, Kaplan et al. 2020, Table 1). It includes the output head
  (`head_params`), which runs for every position that is scored: every position in training,
  only the last one in an inference prefill (``sequence_forward_flops(..., all_logits=False)``).
* **the attention term**: the token's query against ``context`` cached keys (scores) and the
  weighted sum of as many values, ``2 * L * context * N * (d_qk + d_v)``
  (`attention_flops_per_token`). It grows with the context; the parameter term does not.

Multi-head latent attention (MLA, DeepSeek-V2/V3) can be computed two ways (``mla_form``):

* ``"decompressed"``: each context token's latent is expanded into per-head keys and values,
  ``d_qk = qk_nope + qk_rope`` and ``d_v = v_head_dim`` (192 and 128 in DeepSeek-V3). vLLM runs
  prefill this way (vllm/v1/attention/backends/mla/common.py, "compute friendly approach").
* ``"absorbed"``: the key up-projection is applied to the query and the value up-projection to
  the attention output, so every head attends over the cached latent itself:
  ``d_qk = kv_lora_rank + qk_rope`` and ``d_v = kv_lora_rank`` (576 and 512). This is how vLLM,
  SGLang and DeepSeek's FlashMLA kernel run decode (FlashMLA, docs/20250422-new-kernel-deep-
  dive.md: ``2 * h_q * s_k * (d_k + d_v)`` FLOPs with ``d_k = 576``, ``d_v = 512``). The same
  up-projection matrices are multiplied once per token either way, so the parameter term does not
  change; only the cost per context token does.

Kaplan et al. write the forward cost as ``2N + 2 * n_layer * n_ctx * d_attn`` (Table 1, row
"Attention: Mask", given without a derivation). One reading of that term is this module's
attention term averaged over a causal sequence of ``n_ctx`` tokens, where a token attends to
about ``n_ctx / 2`` keys: ``2 * L * (n_ctx/2) * N * (H + H) = 2 * L * n_ctx * d_attn`` with
``d_attn = N * H``. Another is the scores alone against all ``n_ctx`` keys; both give the same
number. `kaplan_forward_flops_per_token` gives their formula as written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from math import isqrt
from typing import Any

from llmsize._attended import attended, attended_sum, keys
from llmsize.count import counts
from llmsize.errors import LLMSizeError, check_bool, check_int
from llmsize.spec import Spec, check_spec

__all__ = [
    "CHINCHILLA_TOKENS_PER_PARAM",
    "MLA_FORMS",
    "TRAINING_FLOPS_PER_PARAM_TOKEN",
    "ComputeOptimal",
    "attention_crossover",
    "attention_flops_per_token",
    "chinchilla_tokens",
    "compute_optimal",
    "forward_flops_per_token",
    "head_params",
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


MLA_FORMS = ("decompressed", "absorbed")
"""The two ways of computing multi-head latent attention (see the module docstring)."""


def _qk_v_dims(spec: Spec, mla_form: str = "decompressed") -> tuple[int, int]:
    """Per-head query/key size and value size: ``H, H``, or MLA's in the form asked for."""
    if mla_form not in MLA_FORMS:
        raise LLMSizeError(f"mla_form must be 'decompressed' or 'absorbed', got {mla_form!r}")
    if spec.mla is None:
        return spec.head_dim, spec.head_dim
    if mla_form == "absorbed":
        return spec.mla.kv_lora_rank + spec.mla.qk_rope_head_dim, spec.mla.kv_lora_rank
    return spec.mla.qk_head_dim, spec.mla.v_head_dim


def matmul_params(spec: Spec) -> int:
    """Parameters one token is multiplied by in a forward pass, output head included.

    ``counts(spec).active`` less the lookup tables (token, position and token-type embeddings:
    a lookup copies a row, it multiplies nothing) plus the output head, which is a
    ``V x D`` matrix multiply whether or not it shares its weights with the embedding
    (`head_params`). Norm weights and biases stay in (one multiply or add each, counted as 2
    FLOPs: negligible).

    Args:
        spec: The architecture.

    Returns:
        A parameter count.
    """
    check_spec(spec)
    c = counts(spec)
    tree = c.breakdown
    lookups = (
        tree.get("embeddings.token")
        + tree.get("embeddings.position")
        + tree.get("embeddings.token_type")
    )
    tied_head = spec.vocab * spec.width if spec.tied_embeddings and not spec.encoder else 0
    return c.active - lookups + tied_head


def head_params(spec: Spec) -> int:
    """Parameters of the output head's matrix multiply: ``V x D`` (tied or not), 0 for an encoder.

    Part of `matmul_params`. It runs for every position that is scored: in training every
    position; in an inference prefill only the last one, which is what engines compute logits
    for (transformers' ``generate`` passes ``logits_to_keep=1``).

    Args:
        spec: The architecture.

    Returns:
        A parameter count.
    """
    check_spec(spec)
    if spec.encoder:
        return 0
    return spec.vocab * spec.width


def two_n_flops_per_token(spec: Spec) -> int:
    """The rule of thumb ``2N`` with ``N = counts(spec).active``, embeddings included.

    Quick and commonly quoted; `forward_flops_per_token` is the more careful count.

    Args:
        spec: The architecture.

    Returns:
        ``2 * counts(spec).active``.
    """
    return 2 * counts(check_spec(spec)).active


def attention_flops_per_token(spec: Spec, context: int, *, mla_form: str = "decompressed") -> int:
    """FLOPs one token spends attending to ``context`` keys (itself included).

    Per layer and query head: scores against ``context`` keys of ``d_qk`` values, then a
    weighted sum of ``context`` values of ``d_v`` values, ``2 * context * (d_qk + d_v)``.
    ``d_qk = d_v = H`` for MHA/GQA/MQA: sharing KV heads does not change these FLOPs, only the
    keys and values stored and read. For MLA, ``mla_form`` picks the decompressed sizes
    (``qk_nope + qk_rope``, ``v_head_dim``) or the absorbed ones (``kv_lora_rank + qk_rope``,
    ``kv_lora_rank``); other models ignore it. Softmax and scaling are left out.

    Args:
        spec: The architecture.
        context: Keys the token attends to (0 gives 0).
        mla_form: ``"decompressed"`` or ``"absorbed"`` (`MLA_FORMS`).

    Layers attend to what their kind allows: a sliding-window layer of window ``W`` to at most
    ``W`` keys, a chunked layer to the keys of its own chunk; linear-attention and state-space
    layers compute no attention scores (their per-token state update is left out).

    Returns:
        ``2 * L * context * N * (d_qk + d_v)`` when every layer attends to everything.

    Raises:
        LLMSizeError: If ``context`` is not a non-negative integer or ``mla_form`` is unknown.
    """
    check_spec(spec)
    check_int("context", context, minimum=0)
    d_qk, d_v = _qk_v_dims(spec, mla_form)
    return 2 * keys(spec, context, attended) * spec.heads * (d_qk + d_v)


def forward_flops_per_token(spec: Spec, context: int = 0, *, mla_form: str = "decompressed") -> int:
    """Forward-pass FLOPs for one token that attends to ``context`` keys, its logits included.

    ``2 * matmul_params(spec) + attention_flops_per_token(spec, context)``: the cost of one
    generated token, or of one position in training. With ``context=0`` this is the parameter
    term alone.

    Args:
        spec: The architecture.
        context: Keys the token attends to (its position plus one in a causal decoder).
        mla_form: ``"decompressed"`` or ``"absorbed"``, for MLA models.

    Returns:
        FLOPs.

    Raises:
        LLMSizeError: If ``context`` is not a non-negative integer or ``mla_form`` is unknown.
    """
    attention = attention_flops_per_token(spec, context, mla_form=mla_form)
    return 2 * matmul_params(spec) + attention


def attention_crossover(spec: Spec, *, mla_form: str = "decompressed") -> int | None:
    """The shortest context at which a token's attention term reaches its parameter term.

    The smallest ``T`` with ``attention_flops_per_token(spec, T) >= 2 * matmul_params(spec)``.

    Args:
        spec: The architecture.
        mla_form: ``"decompressed"`` or ``"absorbed"``, for MLA models.

    Returns:
        A number of tokens, or ``None`` if the attention term never gets there (every layer
        sliding, chunked or linear).

    Raises:
        LLMSizeError: If ``mla_form`` is unknown.
    """
    per_key = attention_flops_per_token(spec, 1, mla_form=mla_form)
    target = 2 * matmul_params(spec)
    if not spec.mixers:
        return -(-target // per_key)
    high = 1
    while attention_flops_per_token(spec, high, mla_form=mla_form) < target:
        if high >= 2**48:  # windows, chunks and states only: the term stops growing
            return None
        high *= 2
    low = high // 2
    while high - low > 1:
        middle = (low + high) // 2
        reached = attention_flops_per_token(spec, middle, mla_form=mla_form) >= target
        low, high = (low, middle) if reached else (middle, high)
    return high


def sequence_forward_flops(
    spec: Spec, seq: int, *, all_logits: bool = True, mla_form: str = "decompressed"
) -> int:
    """Forward-pass FLOPs for a whole causal sequence of ``seq`` tokens.

    Token ``i`` (from 1) attends to ``i`` keys, so the attention term sums to
    ``L * N * (d_qk + d_v) * seq * (seq + 1)`` exactly (sliding and chunked layers to fewer,
    as in `attention_flops_per_token`). With ``all_logits`` (training) the
    output head scores every position; without it (an inference prefill) only the last one.

    Args:
        spec: The architecture.
        seq: Sequence length.
        all_logits: Whether every position is scored by the output head.
        mla_form: ``"decompressed"`` or ``"absorbed"``, for MLA models.

    Returns:
        FLOPs.

    Raises:
        LLMSizeError: If ``seq`` is not a positive integer, ``all_logits`` is not a bool or
            ``mla_form`` is unknown.
    """
    check_spec(spec)
    check_int("seq", seq)
    check_bool("all_logits", all_logits)
    d_qk, d_v = _qk_v_dims(spec, mla_form)
    attention = 2 * spec.heads * (d_qk + d_v) * keys(spec, seq, attended_sum)
    head = head_params(spec)
    scored = seq if all_logits else 1
    return 2 * (matmul_params(spec) - head) * seq + 2 * head * scored + attention


def kaplan_forward_flops_per_token(spec: Spec, n_ctx: int) -> int:
    """Kaplan et al. 2020 (Table 1) as written: ``2N + 2 * L * n_ctx * d_attn``.

    The attention term is the table's row "Attention: Mask", which the paper gives without a
    derivation (see the module docstring for two readings that give the same number).

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
    check_spec(spec)
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
