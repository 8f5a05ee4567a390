"""What differs from layer to layer beyond its mixer and MLP kind (Gemma 4), counted by group.

A `Block` groups layers by mixer family and MLP kind. Gemma 4's layers differ in more ways, and
`PerLayer` says them:

* the attention shape (`AttentionShape`): full-attention layers have heads of
  ``global_head_dim`` and ``num_global_key_value_heads`` key/value heads, and may take their
  values from the key projection (``attention_k_eq_v``: no value projection);
* KV sharing: the last ``num_kv_shared_layers`` layers reuse the keys and values of the last
  earlier layer of their kind: no key/value projections, no key norm, nothing cached of their
  own; with ``use_double_wide_mlp`` their MLP is twice as wide;
* per-layer inputs (PLE): a second token table of ``vocab_size_per_layer_input`` rows and
  ``L·P`` columns, plus a projection of the hidden state to the same ``L·P``, feeding each
  layer ``P`` values through a gate, a projection back to ``D`` and a norm;
* MoE layers keep their dense MLP beside the experts, with three more norms and the router's
  input and per-expert scales.

When a spec has a `PerLayer`, the blocks keep their MLP or MoE block and norms, and each part
listed here is its own group of the layer stack (`stack_groups`), next to DeepSeek Sparse
Attention's indexers (`llmsize.dsa`); the per-layer token table and its projection are
embeddings (`embedding_pairs`). Every group is a sum over the layers it names, so the breakdown
still adds up to the total.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from llmsize.dsa import check_indexer, indexer_stack
from llmsize.errors import LLMSizeError, check_bool, check_int

if TYPE_CHECKING:
    from llmsize.spec import Spec

__all__ = [
    "AttentionShape",
    "PerLayer",
    "block_extras",
    "check_extras",
    "embedding_pairs",
    "kv_widths",
    "stack_groups",
]

Pairs = list[tuple[str, int]]
Group = tuple[str, int, Pairs]


@dataclass(frozen=True)
class AttentionShape:
    """The projections of one layer's attention.

    Attributes:
        kind: The layer's attention kind (``"sliding"``, ``"full"`` or ``"chunked"``).
        head_dim: Size of one head (queries, keys and values).
        kv_heads: Key/value heads.
        values_from_keys: No value projection: the values come from the key projection
            (Gemma 4's ``attention_k_eq_v`` on its full-attention layers).
        own_kv: Whether the layer projects its own keys and values; ``False`` when it reuses
            those of an earlier layer of its kind (no key/value projections, no key norm).
    """

    kind: str
    head_dim: int
    kv_heads: int
    values_from_keys: bool = False
    own_kv: bool = True

    def __post_init__(self) -> None:
        if self.kind not in ("sliding", "full", "chunked"):
            raise LLMSizeError(f"attention.kind must be an attention kind, got {self.kind!r}")
        check_int("attention.head_dim", self.head_dim)
        check_int("attention.kv_heads", self.kv_heads)
        check_bool("attention.values_from_keys", self.values_from_keys)
        check_bool("attention.own_kv", self.own_kv)

    @property
    def key(self) -> str:
        """Breakdown key of the layers with this shape (``"kv_shared_full_attention"``)."""
        return f"{'' if self.own_kv else 'kv_shared_'}{self.kind}_attention"


@dataclass(frozen=True)
class PerLayer:
    """Per-layer differences of a Gemma 4 layer stack (see the module docstring).

    Attributes:
        attention: Each layer's `AttentionShape`, one per layer.
        wide_mlp_layers: Layers whose dense MLP is twice the spec's ``ffn`` wide.
        input_width: ``P``, the per-layer input width (``hidden_size_per_layer_input``); 0 for
            none.
        input_vocab: Rows of the per-layer token table (``vocab_size_per_layer_input``).
        mlp_beside_experts: MoE layers keep their dense MLP beside the experts, with three
            more norms and the router's input scale (``D``) and per-expert scales.
    """

    attention: tuple[AttentionShape, ...]
    wide_mlp_layers: frozenset[int] = field(default_factory=frozenset)
    input_width: int = 0
    input_vocab: int = 0
    mlp_beside_experts: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "attention", tuple(self.attention))
        object.__setattr__(self, "wide_mlp_layers", frozenset(self.wide_mlp_layers))
        for shape in self.attention:
            if not isinstance(shape, AttentionShape):
                kind = "an AttentionShape"
                raise LLMSizeError(f"per_layer.attention[] must be {kind}, got {shape!r}")
        for index in self.wide_mlp_layers:
            check_int("per_layer.wide_mlp_layers[]", index, minimum=0)
        check_int("per_layer.input_width", self.input_width, minimum=0)
        check_int("per_layer.input_vocab", self.input_vocab, minimum=1 if self.input_width else 0)
        check_bool("per_layer.mlp_beside_experts", self.mlp_beside_experts)


def check_extras(spec: Spec) -> None:
    """``spec.indexer`` (`llmsize.dsa.check_indexer`) and ``spec.per_layer`` fit the spec.

    Raises:
        LLMSizeError: If ``per_layer`` is not a `PerLayer`, does not give one attention shape
            per layer, asks for an MLP beside experts the spec does not have, or comes with an
            attention feature its per-layer count does not know (MLA, sinks, an output gate,
            q/k norms over whole projections).
    """
    check_indexer(spec)
    per_layer = spec.per_layer
    if per_layer is None:
        return
    if not isinstance(per_layer, PerLayer):
        raise LLMSizeError(f"spec.per_layer must be a PerLayer or None, got {per_layer!r}")
    if len(per_layer.attention) != spec.layers:
        raise LLMSizeError(
            f"spec.per_layer.attention must have one shape per layer ({spec.layers}),"
            f" got {len(per_layer.attention)}"
        )
    if per_layer.mlp_beside_experts and spec.moe is None:
        raise LLMSizeError("spec.per_layer.mlp_beside_experts needs spec.moe, got none")
    # Per-layer attention is counted as plain GQA with per-head q/k norms (`_attention`).
    unsupported = {
        "mla": spec.mla is not None,
        "attention_sinks": spec.attention_sinks,
        "attention_output_gate": spec.attention_output_gate,
        "qk_norm_scope 'projection'": spec.qk_norm and spec.qk_norm_scope == "projection",
    }
    for name, present in unsupported.items():
        if present:
            raise LLMSizeError(f"spec.per_layer does not combine with spec.{name}, got both")


def _attention(spec: Spec, shape: AttentionShape) -> Pairs:
    """One layer's attention of ``shape``: projections, biases, per-head q/k norms."""
    d, n, h = spec.width, spec.heads, shape.head_dim
    keys = shape.kv_heads * h if shape.own_kv else 0
    values = 0 if shape.values_from_keys else keys
    pairs = [("q", d * n * h), ("k", d * keys), ("v", d * values), ("o", n * h * d)]
    if spec.qkv_bias:
        pairs.append(("qkv_bias", n * h + keys + values))
    if spec.o_bias:
        pairs.append(("o_bias", d))
    if spec.qk_norm:
        pairs.append(("qk_norm", h * (1 + shape.own_kv)))
    return pairs


def _mlp(spec: Spec, width: int) -> Pairs:
    d = spec.width
    return [("gate", d * width), ("up", d * width), ("down", width * d)]


def stack_groups(spec: Spec) -> list[Group]:
    """The layer stack's parts outside the blocks: ``(key, layers, one layer's pairs)``.

    DSA indexers (`llmsize.dsa`), then with a `PerLayer`: the attention of each shape, the
    per-layer inputs, the wide MLPs' second half, the dense MLP beside the experts.
    """
    groups: list[Group] = []
    n_ix, indexer = indexer_stack(spec)
    if n_ix:
        groups.append(("indexers", n_ix, indexer))
    per_layer = spec.per_layer
    if per_layer is None:
        return groups
    for shape, n in Counter(per_layer.attention).items():
        groups.append((shape.key, n, _attention(spec, shape)))
    d, p = spec.width, per_layer.input_width
    if p:
        inputs = [("input_gate", d * p), ("input_projection", p * d), ("input_norm", d)]
        groups.append(("per_layer_inputs", spec.layers, inputs))
    wide = sum(1 for i in per_layer.wide_mlp_layers if i < spec.layers)
    if wide:
        groups.append(("mlp_widening", wide, _mlp(spec, spec.ffn)))
    moe = spec.moe
    if per_layer.mlp_beside_experts and moe is not None:
        beside = [*_mlp(spec, spec.ffn), ("norms", 3 * d), ("router_scales", d + moe.num_experts)]
        groups.append(("moe_dense_mlp", spec.moe_layer_count, beside))
    return groups


def embedding_pairs(spec: Spec) -> Pairs:
    """The per-layer token table and the projection of the hidden state to it, and its norm."""
    per_layer = spec.per_layer
    if per_layer is None or not per_layer.input_width:
        return []
    columns = spec.layers * per_layer.input_width
    return [
        ("per_layer_token", per_layer.input_vocab * columns),
        ("per_layer_projection", spec.width * columns),
        ("per_layer_norm", per_layer.input_width),
    ]


def block_extras(spec: Spec) -> int:
    """Parameters one block of a multi-token-prediction module adds: its DSA indexer."""
    return sum(n for _, n in indexer_stack(spec)[1])


def kv_widths(spec: Spec) -> tuple[int, ...]:
    """Per layer, the width of the key (and of the value) one token keeps in the cache.

    ``kv_heads x head_dim`` of each layer's `AttentionShape`; 0 for a layer that reuses an
    earlier layer's keys and values (it caches nothing of its own). Empty without a `PerLayer`.
    Values taken from the keys are still cached beside them (transformers normalises them
    apart), so a layer keeps ``2 x width`` values per token either way.
    """
    if spec.per_layer is None:
        return ()
    return tuple(s.kv_heads * s.head_dim if s.own_kv else 0 for s in spec.per_layer.attention)
