"""Nemotron-H (``nemotron_h``): Mamba-2, attention, MLP and MoE layers, one kind per layer.

Each layer is one block: a norm and one of a Mamba-2 mixer (``M``), grouped-query attention
(``*``, no biases), a plain MLP (``-``, squared ReLU, not gated) or an MoE block (``E``: routed
experts, one shared expert, a stored router correction bias), in the order of
``hybrid_override_pattern`` (or ``layers_block_type``/``layer_types``); their number is the
number of layers (``num_hidden_layers`` is ignored, as transformers does). The output head is
never tied to the embedding in transformers' build. Nemotron-3-Nano is the MoE variant.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._registry import reader
from llmsize.families._ssm import layer_list, mamba2
from llmsize.layers import Mixer, MixerKind
from llmsize.spec import MoE, Spec

# Each layer type: its mixer kind and its MLP kind; the pattern letters name the same types.
_TYPES: dict[str, tuple[MixerKind, str]] = {
    "linear_attention": ("mamba", "none"),
    "mamba": ("mamba", "none"),
    "full_attention": ("full", "none"),
    "attention": ("full", "none"),
    "mlp": ("none", "dense"),
    "moe": ("none", "moe"),
}
_LETTERS = {"M": "linear_attention", "*": "full_attention", "-": "mlp", "E": "moe"}


def _plan(c: Keys) -> list[tuple[MixerKind, str]]:
    """Each layer's (mixer kind, MLP kind), from the list or the pattern (transformers' order)."""
    for key in ("layers_block_type", "layer_types"):
        if c.data.get(key) is not None:
            return layer_list(c, key, _TYPES, None)
    if c.data.get("hybrid_override_pattern") is not None:
        letters = {letter: _TYPES[kind] for letter, kind in _LETTERS.items()}
        return layer_list(c, "hybrid_override_pattern", letters, None)
    return [_TYPES[kind] for kind in ("linear_attention", "moe", "full_attention", "mlp")]


def _moe(c: Keys) -> MoE:
    """Routed experts (not gated), one shared expert, a stored router correction bias."""
    if c.data.get("moe_latent_size") is not None:
        raise LLMSizeError(f"{c.where}: key 'moe_latent_size' is not supported yet (null only)")
    experts = c.integer("n_routed_experts", 8)
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 2, experts, "n_routed_experts"),
        expert_ffn=c.integer("moe_intermediate_size", 7688),
        num_shared_experts=1,
        shared_ffn=c.integer("moe_shared_expert_intermediate_size", 7688),
        router_bias_buffer=True,
    )


@reader("nemotron_h")
def read(c: Keys, name: str) -> Spec:
    """Nemotron-H as transformers' ``NemotronHForCausalLM`` builds it."""
    width = c.integer("hidden_size", 4096)
    heads = c.integer("num_attention_heads", 32)
    inner = c.integer("mamba_num_heads", 128) * c.integer("mamba_head_dim", 64)
    keys = {
        "heads": ("mamba_num_heads", 128),
        "groups": ("n_groups", 8),
        "state": ("ssm_state_size", 128),
        "kernel": ("conv_kernel", 4),
    }
    bias = c.flag("use_bias", False)
    inner_name = "'mamba_num_heads' x 'mamba_head_dim'"
    sizes = mamba2(c, (inner, inner_name), keys, bias=(bias, bias), conv_bias_key="use_conv_bias")
    plan = _plan(c)
    # transformers' NemotronHForCausalLM declares no tied weights: the head stays its own
    # whatever tie_word_embeddings says (the key is still checked).
    c.flag("tie_word_embeddings", False)
    # One Mixer per distinct kind, shared by its layers (built and checked once).
    made = {k: Mixer(k, mamba=sizes) if k == "mamba" else Mixer(k) for k in {k for k, _ in plan}}
    return Spec(
        name=name,
        layers=len(plan),
        width=width,
        heads=heads,
        kv_heads=c.kv_heads(heads, 8),
        head_dim=c.integer("head_dim", 128),
        ffn=c.integer("intermediate_size", 21504),
        vocab=c.integer("vocab_size", 131072),
        gated_ffn=False,
        tied_embeddings=False,
        mlp_bias=c.flag("mlp_bias", False),
        context_length=c.integer("max_position_embeddings", 4096),
        moe=_moe(c) if any(mlp == "moe" for _, mlp in plan) else None,
        mixers=tuple(made[kind] for kind, _ in plan),
        mlp_kinds=tuple(mlp for _, mlp in plan),
    )
