"""Comparisons the site draws for an MoE or MLA model: its dense twins, plain attention, the cache.

Each function answers "what if the model were built the other way", from the model's own spec:

* `all_dense`: every layer keeps the dense feed-forward network of the model's first layers;
* `dense_same_total`: a dense model of about the same total, stacked from that dense layer;
* `mha_attention_params`: plain multi-head attention with an MLA model's heads and head sizes;
* `kv_values_per_layer`: the values one token adds to the KV cache in one layer.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from llmsize.count import counts
from llmsize.errors import LLMSizeError
from llmsize.spec import Spec

__all__ = ["all_dense", "dense_same_total", "kv_values_per_layer", "mha_attention_params"]


def _check_moe(spec: Spec) -> None:
    if spec.moe is None or not spec.dense_layer_count:
        raise LLMSizeError(
            f"spec.moe must be set with some dense layers for {spec.name!r}: no dense layer to copy"
        )


def all_dense(spec: Spec) -> Spec:
    """``spec`` with every layer dense, as its first (dense) layers are; no MTP module.

    Per token it does about the work of the MoE model (the feed-forward width a token passes
    through is the same when ``F = (k + shared) * f``, as in DeepSeek-V3) but stores far less.

    Raises:
        LLMSizeError: If ``spec`` is not an MoE model with dense layers.
    """
    _check_moe(spec)
    return dataclasses.replace(spec, name=f"{spec.name}, all dense", moe=None, mtp_layers=0)


def dense_same_total(spec: Spec) -> Spec:
    """A dense model stacked from ``spec``'s dense layer to about ``spec``'s total.

    The layer count is the MoE model's layer-stack parameters divided by one dense layer's,
    rounded half up; embedding, head and final norm stay as they are.

    Raises:
        LLMSizeError: If ``spec`` is not an MoE model with dense layers.
    """
    _check_moe(spec)
    tree = counts(spec).breakdown
    per_layer = tree.find("layers.dense_layers").per_layer
    share = Fraction(tree.get("layers"), per_layer)
    layers = int(share + Fraction(1, 2))
    return dataclasses.replace(
        spec, name=f"{spec.name}, dense of the same total", layers=layers, moe=None, mtp_layers=0
    )


def mha_attention_params(spec: Spec) -> int:
    """One layer of plain multi-head attention with an MLA model's heads and head sizes.

    Queries and keys of ``qk_nope_head_dim + qk_rope_head_dim`` per head, values of
    ``v_head_dim``, each projected straight from width ``D``, and the output projection back:
    ``D·N·(2·d_qk + d_v) + N·d_v·D`` (no biases).

    Raises:
        LLMSizeError: If ``spec`` does not use MLA.
    """
    mla = spec.mla
    if mla is None:
        raise LLMSizeError(f"spec.mla is None for {spec.name!r}: the model does not use MLA")
    d, n = spec.width, spec.heads
    return d * n * (2 * mla.qk_head_dim + mla.v_head_dim) + n * mla.v_head_dim * d


def kv_values_per_layer(spec: Spec, *, decompressed: bool = False) -> int:
    """Values one token adds to the KV cache in one layer.

    MHA/GQA/MQA: a key and a value of ``H`` for each of ``K`` KV heads, ``2·K·H``. MLA: the
    latent and the shared rotary key, ``r_kv + d_rope``; with ``decompressed``, every head's
    full key and value instead, ``N·(d_nope + d_rope + d_v)``. Times the layers and the bytes
    per value, this is `llmsize.memory.kv_cache_bytes_per_token` (or its naive MLA variant).

    Raises:
        LLMSizeError: If ``decompressed`` is asked of a model without MLA.
    """
    mla = spec.mla
    if mla is None:
        if decompressed:
            raise LLMSizeError(f"spec.mla is None for {spec.name!r}: nothing to decompress")
        return 2 * spec.kv_heads * spec.head_dim
    if decompressed:
        return spec.heads * (mla.qk_head_dim + mla.v_head_dim)
    return mla.kv_lora_rank + mla.qk_rope_head_dim
