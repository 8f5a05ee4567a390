"""Gemma 4's text model (``gemma4_text``): layers that differ in more than their window.

Five sliding layers to one full one by default (``layer_types``, whose last layer transformers
always makes full), sandwich norms and per-head q/k norms as in Gemma 3, and, told apart per
layer by `llmsize.perlayer.PerLayer`:

* full-attention layers with heads of ``global_head_dim``; with ``attention_k_eq_v`` they have
  ``num_global_key_value_heads`` key/value heads and no value projection;
* the last ``num_kv_shared_layers`` layers reuse the keys and values of the last earlier layer
  of their kind (no key/value projections); ``use_double_wide_mlp`` doubles their MLP;
* per-layer inputs of ``hidden_size_per_layer_input`` (0 for none) from a token table of
  ``vocab_size_per_layer_input`` rows;
* ``enable_moe_block``: every layer adds ``top_k_experts`` of ``num_experts`` experts beside its
  dense MLP.

`llmsize.memory` caches each layer with its own key/value width (`llmsize.perlayer.kv_widths`):
the full-attention layers' own shape, nothing for a layer that reuses earlier keys and values.
"""

from __future__ import annotations

from llmsize._hfkeys import MISSING, Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.layers import Mixer
from llmsize.perlayer import AttentionShape, PerLayer
from llmsize.spec import MoE, Spec

_DEFAULTS = {
    "max_position_embeddings": 131072,
    "num_key_value_heads": 4,
    "head_dim": 256,
    "tie_word_embeddings": True,
}


def _kinds(c: Keys) -> tuple[Mixer, ...]:
    """``layer_types`` or five sliding layers to one full one; the last layer always full."""
    if c.data.get("per_layer_config") is not None:
        raise LLMSizeError(f"{c.where}: key 'per_layer_config' is not read; give its keys")
    layers = mixers(c, window=512, sliding_every=6)
    return layers if layers[-1].kind == "full" else (*layers[:-1], Mixer())


def _attention(c: Keys, layers: tuple[Mixer, ...], heads: int) -> list[AttentionShape]:
    """Each layer's attention shape, KV-sharing layers last."""
    width = c.integer("hidden_size")
    head_dim = c.head_dim(width, heads, 256)
    kv = c.kv_heads(heads, 4)
    shared_values = c.flag("attention_k_eq_v", False)
    full_kv = kv
    if shared_values and c.data.get("num_global_key_value_heads") is not None:
        full_kv = c.kv_heads(heads, key="num_global_key_value_heads")
    full_dim = c.integer("global_head_dim", 512)
    first = len(layers) - c.integer("num_kv_shared_layers", 0, minimum=0)
    kinds = [m.kind for m in layers]
    if first < len(layers) and set(kinds[: max(first, 0)]) != set(kinds):
        raise LLMSizeError(
            f"{c.where}: key 'num_kv_shared_layers' ({len(layers) - first}) must leave an"
            f" earlier layer of each attention kind to share ('num_hidden_layers': {len(layers)})"
        )
    return [
        AttentionShape(kind, full_dim, full_kv, shared_values, i < first)
        if kind == "full"
        else AttentionShape(kind, head_dim, kv, own_kv=i < first)
        for i, kind in enumerate(kinds)
    ]


def _moe(c: Keys) -> MoE | None:
    """Experts beside every layer's dense MLP, when ``enable_moe_block``."""
    if not c.flag("enable_moe_block", False):
        return None
    experts = c.integer("num_experts")
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("top_k_experts", MISSING, experts, "num_experts"),
        expert_ffn=c.integer("moe_intermediate_size"),
    )


@reader("gemma4_text")
def read(c: Keys, name: str) -> Spec:
    """Gemma 4 (text) as transformers' ``Gemma4ForCausalLM`` builds it."""
    layers = _kinds(c)
    shapes = _attention(c, layers, c.integer("num_attention_heads"))
    wide = c.flag("use_double_wide_mlp", False)
    moe = _moe(c)
    per_layer = PerLayer(
        attention=tuple(shapes),
        wide_mlp_layers=frozenset(i for i, s in enumerate(shapes) if wide and not s.own_kv),
        input_width=c.integer("hidden_size_per_layer_input", 256, minimum=0),
        input_vocab=c.integer("vocab_size_per_layer_input", 262144),
        mlp_beside_experts=moe is not None,
    )
    return llama_like(
        c,
        name,
        defaults=_DEFAULTS,
        ffn=c.integer("intermediate_size", 9216),
        norm_placement="sandwich",
        qk_norm=True,
        moe=moe,
        mixers=layers,
        per_layer=per_layer,
    )
