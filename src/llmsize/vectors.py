"""Vectors a forward pass creates: how many, and how long.

A model's parameters are fixed: they do not change with the number of tokens ``T`` it reads.
The vectors it computes do. Every count here is proportional to ``T`` (doubling the tokens
doubles every count), while each vector's size depends only on the architecture.

Not listed: attention scores (each query gets one score per key, so for a causal pass of
``T`` tokens they grow with ``T^2``) and the short-lived intermediates inside a kernel (the
gate and up projections of a gated MLP before they are multiplied, normalised copies of the
hidden state).

Derived figures the site states (the totals of a pass, the vectors and numbers per token, the
``T`` from which a pass holds more numbers than the model has parameters, the growth of a pass
against the fixed parameter count) are functions here, so every page reads the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from llmsize.count import counts
from llmsize.errors import check_int
from llmsize.spec import Spec, check_spec
from llmsize.text import Text

__all__ = [
    "KIND_NAMES",
    "Growth",
    "VectorCounts",
    "VectorKind",
    "crossover",
    "growth",
    "numbers_per_token",
    "tokens_for_vectors",
    "vectors",
    "vectors_per_token",
]


KIND_NAMES: dict[str, Text] = {
    "embeddings": {"en": "Token embeddings", "zh": "词元嵌入向量"},
    "hidden_states": {"en": "Hidden states (each layer's output)", "zh": "隐藏状态（每层的输出）"},
    "query_latents": {"en": "Query latents", "zh": "查询潜向量"},
    "queries": {"en": "Queries, one per head", "zh": "查询，每个头一个"},
    "kv_latents": {"en": "Key/value latents", "zh": "键值潜向量"},
    "rope_keys": {"en": "Rotary keys, one shared by the heads", "zh": "旋转位置键，所有头共享一个"},
    "keys": {"en": "Keys, one per key/value head", "zh": "键，每个键值头一个"},
    "values": {"en": "Values, one per key/value head", "zh": "值，每个键值头一个"},
    "attention_outputs": {"en": "Attention outputs, one per head", "zh": "注意力输出，每个头一个"},
    "kv_cache.keys": {"en": "Keys kept in the KV cache", "zh": "KV 缓存中保留的键"},
    "kv_cache.values": {"en": "Values kept in the KV cache", "zh": "KV 缓存中保留的值"},
    "kv_cache.latents": {"en": "Latents kept in the KV cache", "zh": "KV 缓存中保留的潜向量"},
    "mlp_hidden": {"en": "FFN hidden vectors", "zh": "前馈网络的中间向量"},
    "router_logits": {"en": "Router scores over the experts", "zh": "路由器对各专家的打分"},
    "expert_hidden": {"en": "Routed experts' hidden vectors", "zh": "路由专家的中间向量"},
    "shared_expert_hidden": {"en": "Shared experts' hidden vectors", "zh": "共享专家的中间向量"},
    "logits": {"en": "Logits (a score per vocabulary entry)", "zh": "logits（对词表每一项的打分）"},
}
"""The name of each kind of vector (`VectorKind.key`), in both languages: the one wording
every page that lists the kinds uses."""


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

    @property
    def stream(self) -> int:
        """Vectors on the residual stream: the embeddings and every layer's output.

        That is ``T * (L + 1)`` vectors of width ``D``, the hidden states transformers returns
        with ``output_hidden_states=True``.
        """
        return self.get("embeddings").count + self.get("hidden_states").count

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
      (``L_moe*T`` of ``num_shared_experts * shared_ffn``: DeepSeek's and transformers' code
      run the shared experts as one MLP of that width);
    * ``logits``: ``T`` of ``V`` (decoders; an encoder has no output head).

    Args:
        spec: The architecture.
        tokens: ``T``, tokens in the pass.

    Returns:
        A `VectorCounts`.

    Raises:
        LLMSizeError: If ``spec`` is not a `Spec` or ``tokens`` is not a positive integer.
    """
    check_spec(spec)
    t = check_int("tokens", tokens)
    kinds = [
        VectorKind("embeddings", t, spec.width),
        VectorKind("hidden_states", spec.layers * t, spec.width),
        *_attention(spec, t),
        *_cache(spec, t),
        *_feed_forward(spec, t),
    ]
    if not spec.encoder:
        kinds.append(VectorKind("logits", t, spec.vocab))
    return VectorCounts(t, tuple(kinds))


def _attention(spec: Spec, tokens: int) -> list[VectorKind]:
    """Queries, keys, values (and MLA's latents) and the heads' outputs, over all layers."""
    lt, n = spec.layers * tokens, spec.heads
    mla = spec.mla
    if mla is None:
        h = spec.head_dim
        return [
            VectorKind("queries", lt * n, h),
            VectorKind("keys", lt * spec.kv_heads, h),
            VectorKind("values", lt * spec.kv_heads, h),
            VectorKind("attention_outputs", lt * n, h),
        ]
    kinds = [] if mla.q_lora_rank is None else [VectorKind("query_latents", lt, mla.q_lora_rank)]
    return [
        *kinds,
        VectorKind("queries", lt * n, mla.qk_head_dim),
        VectorKind("kv_latents", lt, mla.kv_lora_rank),
        VectorKind("rope_keys", lt, mla.qk_rope_head_dim),
        VectorKind("keys", lt * n, mla.qk_head_dim),
        VectorKind("values", lt * n, mla.v_head_dim),
        VectorKind("attention_outputs", lt * n, mla.v_head_dim),
    ]


def _cache(spec: Spec, tokens: int) -> list[VectorKind]:
    """What a decoder's KV cache keeps after the pass (an encoder keeps nothing)."""
    if spec.encoder:
        return []
    lt, mla = spec.layers * tokens, spec.mla
    if mla is None:
        kept = lt * spec.kv_heads
        return [
            VectorKind("kv_cache.keys", kept, spec.head_dim),
            VectorKind("kv_cache.values", kept, spec.head_dim),
        ]
    return [VectorKind("kv_cache.latents", lt, mla.kv_lora_rank + mla.qk_rope_head_dim)]


def _feed_forward(spec: Spec, tokens: int) -> list[VectorKind]:
    """Dense MLPs' hidden vectors; for MoE layers the router's scores and the experts' vectors."""
    kinds = []
    if spec.dense_layer_count:
        kinds.append(VectorKind("mlp_hidden", spec.dense_layer_count * tokens, spec.ffn))
    moe = spec.moe
    if moe is None or not spec.moe_layer_count:
        return kinds
    mt = spec.moe_layer_count * tokens
    kinds += [
        VectorKind("router_logits", mt, moe.num_experts),
        VectorKind("expert_hidden", mt * moe.experts_per_token, moe.expert_ffn),
    ]
    if moe.num_shared_experts:
        width = moe.num_shared_experts * moe.shared_ffn
        kinds.append(VectorKind("shared_expert_hidden", mt, width))
    return kinds


# --- figures derived from a pass -------------------------------------------------------------


def vectors_per_token(spec: Spec) -> int:
    """Vectors one pass creates for each token it reads (cached ones counted once).

    Every count is proportional to ``T``, so this is the pass over one token:
    ``vectors(spec, 1).total_vectors``.

    Args:
        spec: The architecture.

    Returns:
        The count.
    """
    return vectors(spec, 1).total_vectors


def numbers_per_token(spec: Spec) -> int:
    """Numbers (activations) in the vectors one pass creates for each token it reads.

    Args:
        spec: The architecture.

    Returns:
        ``vectors(spec, 1).total_elements``.
    """
    return vectors(spec, 1).total_elements


@dataclass(frozen=True)
class Growth:
    """One pass over ``tokens`` tokens against the model's fixed parameter count.

    Attributes:
        tokens: ``T``.
        vectors: Vectors the pass creates (cached ones counted once).
        numbers: Numbers in those vectors.
        parameters: The model's total parameter count (the same for every ``T``).
    """

    tokens: int
    vectors: int
    numbers: int
    parameters: int

    @property
    def ratio(self) -> Fraction:
        """Numbers in the pass's vectors per parameter (doubles when ``tokens`` doubles)."""
        return Fraction(self.numbers, self.parameters)


def growth(spec: Spec, tokens: int) -> Growth:
    """The vectors and numbers of one pass over ``tokens`` tokens, beside the parameter count.

    Args:
        spec: The architecture.
        tokens: ``T``.

    Returns:
        A `Growth`.

    Raises:
        LLMSizeError: As `vectors`.
    """
    v = vectors(spec, tokens)
    return Growth(tokens, v.total_vectors, v.total_elements, counts(spec).total)


def crossover(spec: Spec) -> int:
    """The smallest ``T`` at which one pass's vectors hold more numbers than there are parameters.

    Args:
        spec: The architecture.

    Returns:
        ``T``: ``growth(spec, T).numbers > parameters``, and not for ``T - 1``.
    """
    # Numbers grow by the same amount with every token, so the answer is one division away.
    return counts(spec).total // numbers_per_token(spec) + 1


def tokens_for_vectors(spec: Spec) -> int:
    """The smallest ``T`` at which one pass creates at least as many vectors as parameters.

    The answer to reading "671B vectors" literally: the input it would take.

    Args:
        spec: The architecture.

    Returns:
        ``T``: ``growth(spec, T).vectors >= parameters``, and not for ``T - 1``.
    """
    return -(-counts(spec).total // vectors_per_token(spec))
