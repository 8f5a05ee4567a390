"""Vectors a forward pass creates: how many, and how long.

A model's parameters are fixed: they do not change with the number of tokens ``T`` it reads.
The vectors it computes do. Every count here is proportional to ``T`` (doubling the tokens
doubles every count), while each vector's size depends only on the architecture.

Not listed: attention scores (each query gets one score per key, so for a causal pass of
``T`` tokens they grow with ``T^2``) and the short-lived intermediates inside a kernel (the
gate and up projections of a gated MLP before they are multiplied, normalised copies of the
hidden state).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from llmsize.errors import LLMSizeError
from llmsize.spec import Spec

__all__ = ["VectorCounts", "VectorKind", "vectors"]


@dataclass(frozen=True)
class VectorKind:
    """One kind of vector a forward pass creates.

    Attributes:
        key: Stable machine name (``"queries"``, ``"kv_cache.keys"``...).
        count: How many such vectors the pass creates for ``T`` tokens.
        size: Elements in one vector.
    """

    key: str
    count: int
    size: int

    @property
    def elements(self) -> int:
        """Total elements: ``count * size``."""
        return self.count * self.size

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {"count": self.count, "size": self.size, "elements": self.elements}


@dataclass(frozen=True)
class VectorCounts:
    """The vectors one forward pass over ``tokens`` tokens creates, kind by kind.

    Parameters do not change with ``tokens``; every ``count`` here is proportional to it.

    Attributes:
        tokens: ``T``, the tokens in the pass (batch times sequence length).
        kinds: One `VectorKind` per kind, in the order the pass creates them.
    """

    tokens: int
    kinds: tuple[VectorKind, ...]

    @property
    def created(self) -> tuple[VectorKind, ...]:
        """The kinds the pass creates, without the ``kv_cache.*`` rows.

        The cache rows name vectors already counted among the keys and values (or latents):
        they say which of them outlive the pass, so totals leave them out.
        """
        return tuple(k for k in self.kinds if not k.key.startswith("kv_cache."))

    @property
    def total_elements(self) -> int:
        """Elements over all created vectors (cached ones counted once)."""
        return sum(k.elements for k in self.created)

    @property
    def total_vectors(self) -> int:
        """Created vectors over all kinds (cached ones counted once)."""
        return sum(k.count for k in self.created)

    def keys(self) -> list[str]:
        """The kind keys, in order."""
        return [k.key for k in self.kinds]

    def get(self, key: str) -> VectorKind:
        """The kind named ``key``.

        Raises:
            KeyError: If this model's pass creates no such kind.
        """
        for kind in self.kinds:
            if kind.key == key:
                return kind
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "tokens": self.tokens,
            "kinds": {k.key: k.to_dict() for k in self.kinds},
            "total_elements": self.total_elements,
        }


def vectors(spec: Spec, tokens: int) -> VectorCounts:
    """Count the vectors a forward pass over ``tokens`` tokens creates.

    With ``T`` tokens, ``L`` layers, width ``D``, ``N`` query heads, ``K`` KV heads of size
    ``H`` and FFN width ``F``:

    * ``embeddings``: ``T`` vectors of ``D`` (token embeddings entering the first layer);
    * ``hidden_states``: ``L*T`` of ``D``, the output of every layer;
    * ``queries``: ``L*T*N`` of ``H``; ``keys`` and ``values``: ``L*T*K`` of ``H`` each;
    * for MLA instead: ``query_latents`` ``L*T`` of ``q_lora_rank`` (when the query is
      compressed), ``queries`` ``L*T*N`` of ``qk_nope + qk_rope``, ``kv_latents`` ``L*T`` of
      ``kv_lora_rank``, ``rope_keys`` ``L*T`` of ``qk_rope`` (one rotary key shared by all
      heads), and the per-head ``keys`` (``L*T*N`` of ``qk_nope + qk_rope``) and ``values``
      (``L*T*N`` of ``v_head_dim``) that the plain computation decompresses (a served model
      that absorbs the up-projections never builds these two);
    * ``attention_outputs``: ``L*T*N`` of ``H`` (``v_head_dim`` for MLA), each head's weighted
      sum of values before the output projection;
    * ``kv_cache.keys`` and ``kv_cache.values`` (``L*T*K`` of ``H`` each), or for MLA
      ``kv_cache.latents`` (``L*T`` of ``kv_lora_rank + qk_rope``): what stays in the cache after
      the pass (decoders only);
    * ``mlp_hidden``: ``L_dense*T`` of ``F``, the vector entering each dense MLP's down
      projection;
    * for MoE layers: ``router_logits`` (``L_moe*T`` of ``num_experts``), ``expert_hidden``
      (``L_moe*T*experts_per_token`` of ``expert_ffn``) and ``shared_expert_hidden``
      (``L_moe*T*num_shared_experts`` of ``shared_ffn``);
    * ``logits``: ``T`` of ``V`` (decoders; an encoder has no output head).

    Args:
        spec: The architecture.
        tokens: ``T``, tokens in the pass.

    Returns:
        A `VectorCounts`.

    Raises:
        LLMSizeError: If ``tokens`` is not a positive integer.
    """
    if not isinstance(spec, Spec):
        raise LLMSizeError(f"spec must be a Spec, got {spec!r}")
    if isinstance(tokens, bool) or not isinstance(tokens, int):
        raise LLMSizeError(f"tokens must be an integer, got {tokens!r}")
    if tokens < 1:
        raise LLMSizeError(f"tokens must be positive, got {tokens!r}")

    t, layers = tokens, spec.layers
    lt = layers * t
    n, k, h, d = spec.heads, spec.kv_heads, spec.head_dim, spec.width
    kinds: list[VectorKind] = [
        VectorKind("embeddings", t, d),
        VectorKind("hidden_states", lt, d),
    ]

    mla = spec.mla
    if mla is None:
        kinds += [
            VectorKind("queries", lt * n, h),
            VectorKind("keys", lt * k, h),
            VectorKind("values", lt * k, h),
            VectorKind("attention_outputs", lt * n, h),
        ]
    else:
        if mla.q_lora_rank is not None:
            kinds.append(VectorKind("query_latents", lt, mla.q_lora_rank))
        kinds += [
            VectorKind("queries", lt * n, mla.qk_head_dim),
            VectorKind("kv_latents", lt, mla.kv_lora_rank),
            VectorKind("rope_keys", lt, mla.qk_rope_head_dim),
            VectorKind("keys", lt * n, mla.qk_head_dim),
            VectorKind("values", lt * n, mla.v_head_dim),
            VectorKind("attention_outputs", lt * n, mla.v_head_dim),
        ]

    if not spec.encoder:
        if mla is None:
            kinds += [
                VectorKind("kv_cache.keys", lt * k, h),
                VectorKind("kv_cache.values", lt * k, h),
            ]
        else:
            latent = mla.kv_lora_rank + mla.qk_rope_head_dim
            kinds.append(VectorKind("kv_cache.latents", lt, latent))

    dense = spec.dense_layer_count
    if dense:
        kinds.append(VectorKind("mlp_hidden", dense * t, spec.ffn))
    moe = spec.moe
    moe_layers = spec.moe_layer_count
    if moe is not None and moe_layers:
        mt = moe_layers * t
        kinds += [
            VectorKind("router_logits", mt, moe.num_experts),
            VectorKind("expert_hidden", mt * moe.experts_per_token, moe.expert_ffn),
        ]
        if moe.num_shared_experts:
            kinds.append(
                VectorKind("shared_expert_hidden", mt * moe.num_shared_experts, moe.shared_ffn)
            )

    if not spec.encoder:
        kinds.append(VectorKind("logits", t, spec.vocab))
    return VectorCounts(tokens, tuple(kinds))
