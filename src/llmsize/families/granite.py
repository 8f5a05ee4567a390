"""IBM Granite (``granite``, ``granitemoe``, ``granitemoeshared``, ``granitemoehybrid``).

Granite is Llama-shaped; its embedding, attention, residual and logits multipliers change no
weight. Granite-MoE puts routed experts (gated, fused, no bias) in every layer; the *shared*
variant adds one shared gated MLP of ``shared_intermediate_size`` when that is not 0. Granite
4.0-H (``granitemoehybrid``) mixes Mamba-2 and attention layers (``layer_types``), each with
the shared MLP and, when ``num_local_experts`` is not 0, routed experts beside it.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families._ssm import MAMBA2_KEYS, layer_list, mamba2
from llmsize.layers import Mixer, MixerKind
from llmsize.spec import MoE, Spec

_DEFAULTS = {"max_position_embeddings": 2048}
_KINDS: dict[str, MixerKind] = {
    "mamba": "mamba",
    "linear_attention": "mamba",
    "attention": "full",
    "full_attention": "full",
}


@reader("granite")
def read_granite(c: Keys, name: str) -> Spec:
    """Granite (3.x dense) as transformers' ``GraniteForCausalLM`` builds it."""
    return llama_like(c, name, defaults={**_DEFAULTS, "mlp_bias": False})


def _experts(c: Keys, shared: int) -> MoE:
    """Routed experts in every layer, plus one shared MLP when ``shared`` is not 0."""
    experts = c.integer("num_local_experts", 8)
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 2, experts, "num_local_experts"),
        expert_ffn=c.integer("intermediate_size", 11008),
        num_shared_experts=1 if shared else 0,
        shared_ffn=shared,
    )


@reader("granitemoe", "granitemoeshared")
def read_granitemoe(c: Keys, name: str) -> Spec:
    """Granite-MoE, and with its shared MLP (``shared_intermediate_size``) the shared variant."""
    shared = c.integer("shared_intermediate_size", 0, minimum=0)
    if c.data.get("model_type") == "granitemoe":
        shared = 0
    return llama_like(c, name, defaults=_DEFAULTS, moe=_experts(c, shared))


@reader("granitemoehybrid")
def read_granitemoehybrid(c: Keys, name: str) -> Spec:
    """Granite 4.0-H as transformers' ``GraniteMoeHybridForCausalLM`` builds it."""
    width = c.integer("hidden_size", 4096)
    layers = c.integer("num_hidden_layers", 32)
    kinds: list[MixerKind] = ["mamba"] * layers
    if c.data.get("layer_types") is not None:
        kinds = layer_list(c, "layer_types", _KINDS, layers)
    bias = c.flag("mamba_proj_bias", False)
    inner = c.integer("mamba_expand", 2) * width
    sizes = mamba2(c, (inner, "'mamba_expand' x 'hidden_size'"), MAMBA2_KEYS, bias=(bias, bias))
    made = {kind: Mixer(kind, mamba=sizes) if kind == "mamba" else Mixer() for kind in set(kinds)}
    shared = c.integer("shared_intermediate_size", 1024)
    routed = c.integer("num_local_experts", 8, minimum=0)
    return llama_like(
        c,
        name,
        defaults=_DEFAULTS,
        ffn=shared,
        moe=_experts(c, shared) if routed else None,
        mixers=tuple(made[kind] for kind in kinds),
    )
