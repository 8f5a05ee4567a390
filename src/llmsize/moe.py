"""The two block variants a `llmsize.spec.Spec` can name: multi-head latent attention and MoE.

`MLA` replaces standard attention (DeepSeek-V2/V3, Kimi K2, GLM-5); `MoE` replaces the dense MLP
on the layers its placement rule picks. Both validate themselves at construction and are
re-exported by `llmsize.spec`, where the rest of a model's description lives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from llmsize.errors import LLMSizeError, check_fields, check_int, field_rules

__all__ = ["MLA", "MoE"]


@dataclass(frozen=True)
class MLA:
    """Multi-head latent attention (DeepSeek-V2/V3).

    Attributes:
        q_lora_rank: Rank of the query down-projection, or ``None`` for a plain query projection.
        kv_lora_rank: Rank of the compressed key/value latent (what the KV cache stores).
        qk_nope_head_dim: Per-head query/key size without rotary position encoding.
        qk_rope_head_dim: Per-head query/key size that carries rotary position encoding; the key
            part is shared by all heads and cached beside the latent.
        v_head_dim: Per-head value size.
    """

    q_lora_rank: int | None
    kv_lora_rank: int
    qk_nope_head_dim: int
    qk_rope_head_dim: int
    v_head_dim: int

    def __post_init__(self) -> None:
        if self.q_lora_rank is not None:
            check_int("mla.q_lora_rank", self.q_lora_rank)
        check_fields(self, _MLA_RULES)

    @property
    def qk_head_dim(self) -> int:
        """Query/key size per head: the no-position part plus the rotary part."""
        return self.qk_nope_head_dim + self.qk_rope_head_dim


@dataclass(frozen=True)
class MoE:
    """A mixture-of-experts feed-forward block and which layers use it.

    Layer ``i`` (counting from 0) is an MoE layer when ``i >= first_dense_layers``,
    ``(i + layer_phase) % layer_freq == 0`` and ``i`` is not in ``dense_layers``; every other
    layer has a dense MLP of the spec's ``ffn`` width. DeepSeek uses phase 0
    (``first_k_dense_replace``, ``moe_layer_freq``); Qwen uses phase 1 (``decoder_sparse_step``,
    ``mlp_only_layers``).

    Attributes:
        num_experts: Routed experts per MoE layer.
        experts_per_token: Routed experts each token is sent to (top-k).
        expert_ffn: Hidden width of one routed expert.
        num_shared_experts: Experts every token passes through (0 if none).
        shared_ffn: Hidden width of one shared expert.
        shared_expert_gate: Whether the shared expert has a learned scalar gate (Qwen2-MoE).
        expert_bias: Whether routed experts' linear layers carry biases (the dense MLP and
            shared experts follow the spec's ``mlp_bias``).
        router_bias: Whether the router has a learned bias parameter.
        router_bias_buffer: Whether the router keeps a bias that is stored in the checkpoint
            but is not a trained parameter (DeepSeek-V3's ``e_score_correction_bias``).
        first_dense_layers: Leading layers that keep a dense MLP.
        layer_freq: Every ``layer_freq``-th layer is MoE.
        layer_phase: Offset of that rhythm (see above).
        dense_layers: Further layer indices forced to a dense MLP.
    """

    num_experts: int
    experts_per_token: int
    expert_ffn: int
    num_shared_experts: int = 0
    shared_ffn: int = 0
    shared_expert_gate: bool = False
    expert_bias: bool = False
    router_bias: bool = False
    router_bias_buffer: bool = False
    first_dense_layers: int = 0
    layer_freq: int = 1
    layer_phase: int = 0
    dense_layers: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        check_fields(self, _MOE_RULES)
        if self.num_shared_experts:
            check_int("moe.shared_ffn", self.shared_ffn)
        if self.experts_per_token > self.num_experts:
            raise LLMSizeError(
                f"moe.experts_per_token must not exceed moe.num_experts ({self.num_experts}),"
                f" got {self.experts_per_token}"
            )
        if not isinstance(self.dense_layers, frozenset):
            object.__setattr__(self, "dense_layers", frozenset(self.dense_layers))
        for index in self.dense_layers:
            check_int("moe.dense_layers[]", index, minimum=0)

    def _rhythm(self, layers: int) -> range:
        """Layers below ``layers`` the rhythm makes MoE, before ``dense_layers`` is applied.

        The first index ``>= first_dense_layers`` with ``(index + layer_phase) % layer_freq ==
        0``, then every ``layer_freq``-th one: the one rule both methods below use.
        """
        first = self.first_dense_layers
        start = first + (-(first + self.layer_phase)) % self.layer_freq
        return range(start, layers, self.layer_freq)

    def is_moe_layer(self, index: int) -> bool:
        """Whether layer ``index`` (from 0) has an MoE block rather than a dense MLP."""
        return index in self._rhythm(index + 1) and index not in self.dense_layers

    def count_layers(self, layers: int) -> int:
        """How many of layers ``0 .. layers - 1`` have an MoE block."""
        rhythm = self._rhythm(layers)
        return len(rhythm) - sum(1 for index in self.dense_layers if index in rhythm)


_MLA_RULES = field_rules(
    "mla", [(n, 1) for n in ("kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim")]
)
_MOE_RULES = field_rules(
    "moe",
    [
        ("num_experts", 1),
        ("experts_per_token", 1),
        ("expert_ffn", 1),
        ("num_shared_experts", 0),
        ("first_dense_layers", 0),
        ("layer_freq", 1),
        ("layer_phase", 0),
        *((n, None) for n in ("shared_expert_gate", "expert_bias", "router_bias")),
        ("router_bias_buffer", None),
    ],
)
