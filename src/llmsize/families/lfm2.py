"""LFM2 (``lfm2``, ``lfm2_moe``): gated short-convolution blocks and attention layers.

Each layer is a short-convolution block (``"conv"``) or grouped-query attention with per-head
q/k norms (``"full_attention"``), from ``layer_types`` or, for LFM2, ``full_attn_idxs`` (every
layer attends when both are absent); then a gated MLP. LFM2 derives the MLP width from
``intermediate_size`` (or ``block_ff_dim``): two thirds of it, times
``block_ffn_dim_multiplier``, rounded up to ``block_multiple_of``, when
``block_auto_adjust_ff_dim``. LFM2-MoE keeps ``num_dense_layers`` dense layers of
``intermediate_size``, then routed experts with a stored expert bias (``use_expert_bias``). The
final norm is called ``embedding_norm`` there.
"""

from __future__ import annotations

from dataclasses import replace

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families._ssm import layer_list
from llmsize.layers import Mixer, MixerKind, ShortConv
from llmsize.spec import MoE, Spec

_KINDS: dict[str, MixerKind] = {"conv": "conv", "full_attention": "full"}
_DEFAULTS = {"max_position_embeddings": 128000, "num_key_value_heads": 8}


def _mixers(c: Keys, *, indices: bool) -> tuple[Mixer, ...]:
    """Each layer's mixer from ``layer_types`` (or, when ``indices``, ``full_attn_idxs``)."""
    layers = c.integer("num_hidden_layers")
    if c.data.get("layer_types") is not None or not indices:
        kinds = layer_list(c, "layer_types", _KINDS, layers)
    elif c.data.get("full_attn_idxs") is not None:
        full = c.int_list("full_attn_idxs")
        kinds = ["full" if i in full else "conv" for i in range(layers)]
        if any(i >= layers for i in full):
            raise LLMSizeError(
                f"{c.where}: key 'full_attn_idxs' items must be below 'num_hidden_layers'"
                f" ({layers}), got {sorted(full)!r}"
            )
    else:
        kinds = ["full"] * layers
    conv = ShortConv(
        c.integer("hidden_size"), c.integer("conv_L_cache", 3), c.flag("conv_bias", False)
    )
    made = {kind: Mixer(kind, conv=conv) if kind == "conv" else Mixer() for kind in set(kinds)}
    return tuple(made[kind] for kind in kinds)


def _ffn(c: Keys) -> int:
    """LFM2's MLP width, derived as its ``Lfm2MLP`` does."""
    key = "block_ff_dim" if c.data.get("block_ff_dim") is not None else "intermediate_size"
    width = c.integer(key, 12288)
    if not c.flag("block_auto_adjust_ff_dim", True):
        return width
    width = int(2 * width / 3)
    multiplier = c.data.get("block_ffn_dim_multiplier", 1.0)
    if multiplier is None:
        return width
    if isinstance(multiplier, bool) or not isinstance(multiplier, (int, float)) or multiplier <= 0:
        raise LLMSizeError(
            f"{c.where}: key 'block_ffn_dim_multiplier' must be a positive number,"
            f" got {multiplier!r}"
        )
    step = c.integer("block_multiple_of", 256)
    return step * -(-int(multiplier * width) // step)


def _tied(c: Keys) -> bool:
    """``tie_embedding`` (the launch configs' key) wins over ``tie_word_embeddings``."""
    key = "tie_embedding" if "tie_embedding" in c.data else "tie_word_embeddings"
    return c.flag(key, True)


@reader("lfm2")
def read_lfm2(c: Keys, name: str) -> Spec:
    """LFM2 as transformers' ``Lfm2ForCausalLM`` builds it."""
    spec = llama_like(
        c,
        name,
        defaults=_DEFAULTS,
        qkv_bias=False,
        o_bias=False,
        ffn=_ffn(c),
        qk_norm=True,
        mixers=_mixers(c, indices=True),
    )
    return replace(spec, tied_embeddings=_tied(c))


@reader("lfm2_moe")
def read_lfm2_moe(c: Keys, name: str) -> Spec:
    """LFM2-MoE as transformers' ``Lfm2MoeForCausalLM`` builds it."""
    experts = c.integer("num_experts", 32)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 4, experts, "num_experts"),
        expert_ffn=c.integer("moe_intermediate_size", 1792),
        router_bias_buffer=c.flag("use_expert_bias", True),
        first_dense_layers=c.integer("num_dense_layers", 2, minimum=0),
    )
    spec = llama_like(
        c,
        name,
        defaults=_DEFAULTS,
        qkv_bias=False,
        o_bias=False,
        qk_norm=True,
        moe=moe,
        mixers=_mixers(c, indices=False),
    )
    return replace(spec, tied_embeddings=_tied(c))
