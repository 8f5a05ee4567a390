"""Architecture specs: frozen dataclasses that describe a transformer exactly enough to count it.

Notation (used across llmsize and the site): ``L`` layers, ``D`` model width, ``N`` query heads,
``K`` key/value heads, ``H`` head size, ``F`` FFN width, ``V`` vocabulary.

Layers need not be identical: each layer is a `Layer` (see `llmsize.layers`) made of its token
mixer (``Spec.mixers``: full or sliding-window attention) and its MLP kind (dense, or MoE where
the `MoE` placement rule says so). ``Spec.layer_plan`` lists them; ``Spec.blocks`` groups them by
their weights, which is what the parameter count needs, while the KV cache groups them by mixer.

Every spec validates itself at construction: a value that is missing, not an integer, out of
range or inconsistent raises `LLMSizeError` with a one-line message
naming the field and the value.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Literal

from llmsize.audio import Audio, check_audio
from llmsize.dsa import Indexer
from llmsize.errors import LLMSizeError, check_fields, field_rules
from llmsize.layers import FULL, Block, DeltaNet, Layer, Mixer, check_plan
from llmsize.moe import MLA, MoE
from llmsize.perlayer import PerLayer, check_extras
from llmsize.vision import Vision, check_vision

__all__ = ["MLA", "Block", "DeltaNet", "Layer", "Mixer", "MoE", "Spec", "check_spec"]

NormKind = Literal["rmsnorm", "layernorm", "layernorm_no_bias"]
NormPlacement = Literal["pre", "post", "sandwich", "parallel"]
QKNormScope = Literal["head", "projection"]
# D-sized norms in one block per placement: before attention and MLP (Llama), after them (OLMo 2),
# both (Gemma 2/3's sandwich), or one that attention and MLP read side by side (Cohere 2).
_BLOCK_NORMS: dict[str, int] = {"pre": 2, "post": 2, "sandwich": 4, "parallel": 1}


@dataclass(frozen=True)
class Spec:
    """A decoder (or encoder) transformer, described exactly enough to count it.

    Attributes:
        name: Display name.
        layers: ``L``, number of transformer blocks.
        width: ``D``, model (hidden) width.
        heads: ``N``, query heads.
        kv_heads: ``K``, key/value heads (``N`` for MHA, 1 for MQA, in between for GQA).
        head_dim: ``H``, size of one head (need not be ``D/N``, e.g. Gemma-7B).
        ffn: ``F``, hidden width of the dense MLP.
        vocab: ``V``, vocabulary size.
        gated_ffn: Three matrices (SwiGLU/GeGLU: gate, up, down) instead of two.
        tied_embeddings: Output head shares the token-embedding matrix (counted once).
        max_positions: Rows of a learned position-embedding table (0 for none, e.g. RoPE).
        token_types: Rows of a token-type (segment) embedding table (BERT; 0 for none).
        qkv_bias: Bias on the query, key and value projections.
        o_bias: Bias on the attention output projection.
        mlp_bias: Bias on the MLP (and expert) linear layers.
        norm: ``"rmsnorm"``, ``"layernorm"`` (with bias) or ``"layernorm_no_bias"`` (Cohere).
        qk_norm: RMSNorm on queries and keys (Qwen3, Gemma 3, OLMo 2/3).
        qk_norm_scope: What that norm spans: ``"head"`` (one ``H``-sized weight each for
            queries and keys, shared by the heads: Qwen3, Gemma 3) or ``"projection"`` (the
            whole query and key projections, ``N·H`` and ``K·H``: OLMo 2/3).
        norm_placement: Where a block's norms sit: ``"pre"`` (before attention and MLP),
            ``"post"`` (after, OLMo 2), ``"sandwich"`` (both, Gemma) or ``"parallel"`` (Cohere 2).
        attention_sinks: A learned sink logit per query head in each attention layer (gpt-oss).
        attention_output_gate: The query projection also yields a per-channel gate on the
            attention output, doubling its width (Qwen3-Next).
        final_norm: A norm after the last block (decoders).
        embedding_norm: A norm right after the embeddings (BERT).
        lm_head_bias: A bias on the output head.
        pooler: A ``D x D`` pooler with bias on top of the encoder (BERT).
        encoder: An encoder (no output head) rather than a causal decoder.
        context_length: config.json's ``max_position_embeddings`` (informational): the longest
            position the config allows, which a model card may state lower (DeepSeek-V3:
            163,840 here, 128K in its README).
        moe: Mixture-of-experts block, or ``None`` for a dense model.
        mla: Multi-head latent attention, or ``None`` for standard MHA/GQA/MQA.
        indexer: DeepSeek Sparse Attention's indexer beside MLA (`llmsize.dsa`), or ``None``.
        per_layer: How layers differ beyond mixer and MLP kind (`llmsize.perlayer`: Gemma 4).
        mixers: The token mixer of each layer (one `Mixer` per layer), or empty when every
            layer has full attention. Sliding-window and chunked layers keep at most their
            window in the cache and have the same weights as full-attention layers; linear
            layers (all with the same `DeltaNet`), Mamba and short-convolution layers have
            their own weights and a fixed state; ``"none"`` is a layer without token mixer.
        mlp_kinds: The feed-forward part of each layer, ``"dense"``, ``"moe"`` or ``"none"``
            (Nemotron-H's pattern), or empty when the `MoE` placement rule decides (every
            layer then has an MLP).
        mtp_layers: Multi-token-prediction modules stored in the checkpoint but not part of the
            main model (DeepSeek-V3's ``num_nextn_predict_layers``).
        quant_block: Side of the square tiles of a block-quantized release (DeepSeek-V3's fp8
            checkpoint: 128, one fp32 scale per tile), 0 for none. Changes no parameter count;
            it adds the scale tensors to what the checkpoint holds.
        vision: A VLM's vision tower and projector (`llmsize.vision`; the rest: its text model).
        audio: An audio encoder and projector (`llmsize.audio`: Gemma 4's), counted beside it.
        extra_embeddings: Token-embedding rows beyond ``vocab``, not predicted (Mllama: 8).
    """

    name: str
    layers: int
    width: int
    heads: int
    kv_heads: int
    head_dim: int
    ffn: int
    vocab: int
    gated_ffn: bool = True
    tied_embeddings: bool = False
    max_positions: int = 0
    token_types: int = 0
    qkv_bias: bool = False
    o_bias: bool = False
    mlp_bias: bool = False
    norm: NormKind = "rmsnorm"
    qk_norm: bool = False
    qk_norm_scope: QKNormScope = "head"
    norm_placement: NormPlacement = "pre"
    attention_sinks: bool = False
    attention_output_gate: bool = False
    final_norm: bool = True
    embedding_norm: bool = False
    lm_head_bias: bool = False
    pooler: bool = False
    encoder: bool = False
    context_length: int = 0
    moe: MoE | None = None
    mla: MLA | None = None
    indexer: Indexer | None = None
    per_layer: PerLayer | None = None
    mixers: tuple[Mixer, ...] = ()
    mlp_kinds: tuple[str, ...] = ()
    mtp_layers: int = 0
    quant_block: int = 0
    vision: Vision | None = None
    audio: Audio | None = None
    extra_embeddings: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise LLMSizeError(f"spec.name must be a string, got {self.name!r}")
        check_fields(self, _SPEC_RULES)
        if self.norm not in ("rmsnorm", "layernorm", "layernorm_no_bias"):
            kinds = "'rmsnorm', 'layernorm' or 'layernorm_no_bias'"
            raise LLMSizeError(f"spec.norm must be {kinds}, got {self.norm!r}")
        if self.kv_heads > self.heads:
            raise LLMSizeError(
                f"spec.kv_heads must not exceed spec.heads ({self.heads}), got {self.kv_heads}"
            )
        if self.heads % self.kv_heads:
            raise LLMSizeError(
                f"spec.kv_heads must divide spec.heads ({self.heads}), got {self.kv_heads}"
            )
        if self.moe is not None and not isinstance(self.moe, MoE):
            raise LLMSizeError(f"spec.moe must be an MoE or None, got {self.moe!r}")
        if self.mla is not None and not isinstance(self.mla, MLA):
            raise LLMSizeError(f"spec.mla must be an MLA or None, got {self.mla!r}")
        check_vision(self.vision)
        check_audio(self.audio)
        check_extras(self)
        if self.encoder and self.moe is not None:
            raise LLMSizeError("spec.moe is not supported for an encoder, got an MoE block")
        if self.norm_placement not in _BLOCK_NORMS:
            raise LLMSizeError(
                "spec.norm_placement must be 'pre', 'post', 'sandwich' or 'parallel',"
                f" got {self.norm_placement!r}"
            )
        if self.qk_norm_scope not in ("head", "projection"):
            raise LLMSizeError(
                f"spec.qk_norm_scope must be 'head' or 'projection', got {self.qk_norm_scope!r}"
            )
        self._check_mixers()

    def _check_mixers(self) -> None:
        """``mixers`` and ``mlp_kinds``: empty or one per layer (a list is kept as a tuple)."""
        plan = check_plan(self.mixers, self.mlp_kinds, self.layers, self.moe is not None)
        object.__setattr__(self, "mixers", plan[0])
        object.__setattr__(self, "mlp_kinds", plan[1])

    @property
    def deltanet(self) -> DeltaNet | None:
        """The sizes the linear-attention layers share, or ``None`` without such layers."""
        return next((m.deltanet for m in self.mixers if m.deltanet is not None), None)

    # Derived sizes -------------------------------------------------------------------------

    @cached_property
    def layer_plan(self) -> tuple[Layer, ...]:
        """Every layer in order: its mixer and whether its MLP is MoE."""
        moe, kinds = self.moe, self.mlp_kinds
        return tuple(
            Layer(
                self.mixers[i] if self.mixers else FULL,
                kinds[i] == "moe" if kinds else moe is not None and moe.is_moe_layer(i),
                kinds[i] != "none" if kinds else True,
            )
            for i in range(self.layers)
        )

    def blocks(self, *, mtp: bool = False) -> list[tuple[Block, int]]:
        """``(Block, how many layers)`` for each kind of weights present, dense before MoE.

        Args:
            mtp: Also count the blocks of the multi-token-prediction modules (they follow the
                MoE rule one layer past the main stack, with full attention).
        """
        tally = dict(self._block_tally)
        if mtp and self.mtp_layers:
            extra = Block("attention", self.moe is not None and self.moe.is_moe_layer(self.layers))
            tally[extra] = tally.get(extra, 0) + self.mtp_layers
        return sorted(tally.items(), key=lambda item: (item[0].moe, item[0].mixer, item[0].mlp))

    @cached_property
    def _block_tally(self) -> dict[Block, int]:
        """Layers of the main stack per `Block` (a spec is immutable: counted once)."""
        if self.mlp_kinds:  # a per-layer pattern (Nemotron-H): tally the plan
            return dict(Counter(layer.block for layer in self.layer_plan))
        if not self.mixers:  # every layer full attention: the MoE rule's counts, no walk
            split = ((False, self.dense_layer_count), (True, self.moe_layer_count))
            return {Block(FULL.family, moe): n for moe, n in split if n}
        moe, n_moe = self.moe, self.moe_layer_count
        if n_moe in (0, self.layers):  # one MLP kind throughout: tally the mixers' families
            families = Counter(m.family for m in self.mixers)
            return {Block(family, n_moe > 0): n for family, n in families.items()}
        assert moe is not None
        pairs = Counter((m.family, moe.is_moe_layer(i)) for i, m in enumerate(self.mixers))
        return {Block(family, is_moe): n for (family, is_moe), n in pairs.items()}

    @property
    def block_norms(self) -> int:
        """How many ``D``-sized norms one block has (2; 4 for Gemma's sandwich, 1 parallel)."""
        return _BLOCK_NORMS[self.norm_placement]

    @cached_property
    def moe_layer_count(self) -> int:
        """How many layers carry an MoE block (0 for a dense model)."""
        if self.moe is None:
            return 0
        if self.mlp_kinds:
            return self.mlp_kinds.count("moe")
        return self.moe.count_layers(self.layers)

    @property
    def dense_layer_count(self) -> int:
        """How many layers carry a dense MLP."""
        if self.mlp_kinds:
            return self.mlp_kinds.count("dense")
        return self.layers - self.moe_layer_count

    @property
    def attention_kind(self) -> str:
        """``"MLA"``, ``"MHA"``, ``"MQA"`` or ``"GQA"``."""
        if self.mla is not None:
            return "MLA"
        if self.kv_heads == self.heads:
            return "MHA"
        if self.kv_heads == 1:
            return "MQA"
        return "GQA"


_SPEC_RULES = field_rules(
    "spec",
    [
        *((n, 1) for n in ("layers", "width", "heads", "kv_heads", "head_dim", "ffn", "vocab")),
        *((n, 0) for n in ("max_positions", "token_types", "context_length", "mtp_layers")),
        *((n, 0) for n in ("quant_block", "extra_embeddings")),
        *((f.name, None) for f in fields(Spec) if f.type == "bool"),
    ],
)


def check_spec(spec: object) -> Spec:
    """Return ``spec`` if it is a `Spec` (every function that takes one checks it here).

    Raises:
        LLMSizeError: ``"spec must be a Spec, got <value>"``.
    """
    if not isinstance(spec, Spec):
        raise LLMSizeError(f"spec must be a Spec, got {spec!r}")
    return spec
