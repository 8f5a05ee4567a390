"""Qwen3-Next (``qwen3_next``): Gated DeltaNet linear attention with gated full attention.

Three linear-attention layers to one full-attention layer by default (``full_attention_interval``
4, or ``layer_types``). The full-attention layers have per-head q/k norms and a query
projection twice as wide (its second half gates the attention output); every MoE layer has
routed experts, one shared expert and a scalar gate on it. ``partial_rotary_factor`` changes no
weight.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families.qwen import moe_rule
from llmsize.layers import DeltaNet, Mixer
from llmsize.spec import MoE, Spec

_TYPES = {"linear_attention": "linear", "full_attention": "full"}


def deltanet_mixers(c: Keys) -> tuple[Mixer, ...]:
    """``layer_types`` (or the interval rule) with the DeltaNet sizes for the linear layers.

    Shared by Qwen3.5 (`llmsize.families.qwen3_5`), which has the same keys and defaults.
    """
    layers = c.integer("num_hidden_layers")
    raw = c.data.get("layer_types")
    if raw is None:
        every = c.integer("full_attention_interval", 4)
        kinds = ["full" if (i + 1) % every == 0 else "linear" for i in range(layers)]
    elif isinstance(raw, list) and len(raw) == layers and all(t in _TYPES for t in raw):
        kinds = [_TYPES[t] for t in raw]
    else:
        known = ", ".join(map(repr, _TYPES))
        raise LLMSizeError(
            f"{c.where}: key 'layer_types' must be a list of one of {known} per layer"
            f" ('num_hidden_layers': {layers}), got {raw!r}"
        )
    net = DeltaNet(
        key_heads=c.integer("linear_num_key_heads", 16),
        value_heads=c.integer("linear_num_value_heads", 32),
        key_head_dim=c.integer("linear_key_head_dim", 128),
        value_head_dim=c.integer("linear_value_head_dim", 128),
        conv_kernel=c.integer("linear_conv_kernel_dim", 4),
    )
    return tuple(Mixer("linear", deltanet=net) if k == "linear" else Mixer() for k in kinds)


@reader("qwen3_next")
def read(c: Keys, name: str) -> Spec:
    """Qwen3-Next as transformers' ``Qwen3NextForCausalLM`` builds it."""
    experts = c.integer("num_experts", 512)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 10, experts, "num_experts"),
        expert_ffn=c.integer("moe_intermediate_size", 512),
        num_shared_experts=1,
        shared_ffn=c.integer("shared_expert_intermediate_size", 512),
        shared_expert_gate=True,
        **moe_rule(c),
    )
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 2, "head_dim": 256}
    return llama_like(
        c,
        name,
        defaults=defaults,
        qk_norm=True,
        attention_output_gate=True,
        moe=moe,
        mixers=deltanet_mixers(c),
    )
