"""The Qwen readers: ``qwen2``, ``qwen2_moe``, ``qwen3`` and ``qwen3_moe``."""

from __future__ import annotations

from typing import Any

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers, qwen_windows
from llmsize.families._registry import reader
from llmsize.spec import Mixer, MoE, Spec


def moe_rule(c: Keys) -> dict[str, Any]:
    """Qwen's MoE placement: every ``decoder_sparse_step``-th layer, phase 1, less ``mlp_only``."""
    return {
        "first_dense_layers": 0,
        "layer_freq": c.integer("decoder_sparse_step", 1),
        "layer_phase": 1,
        "dense_layers": c.int_list("mlp_only_layers"),
    }


@reader("qwen2")
def read_qwen2(c: Keys, name: str) -> Spec:
    """Qwen2: biases on q/k/v always, never on o."""
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 32}
    windows = qwen_windows(c)
    return llama_like(c, name, defaults=defaults, qkv_bias=True, o_bias=False, mixers=windows)


@reader("qwen2_moe")
def read_qwen2_moe(c: Keys, name: str) -> Spec:
    """Qwen1.5/2-MoE: routed experts plus one gated shared expert."""
    experts = c.integer("num_experts", 60)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 4, experts, "num_experts"),
        expert_ffn=c.integer("moe_intermediate_size", 1408),
        num_shared_experts=1,
        shared_ffn=c.integer("shared_expert_intermediate_size", 5632),
        shared_expert_gate=True,
        **moe_rule(c),
    )
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 16}
    qkv_bias = c.flag("qkv_bias", True)
    windows = qwen_windows(c, alternate=True)
    return llama_like(
        c, name, defaults=defaults, qkv_bias=qkv_bias, o_bias=False, moe=moe, mixers=windows
    )


@reader("qwen3")
def read_qwen3(c: Keys, name: str) -> Spec:
    """Qwen3: per-head q/k norms."""
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 32, "head_dim": 128}
    return llama_like(c, name, defaults=defaults, qk_norm=True, mixers=qwen_windows(c))


@reader("qwen3_moe")
def read_qwen3_moe(c: Keys, name: str) -> Spec:
    """Qwen3-MoE: per-head q/k norms, routed experts only."""
    key = "num_experts" if "num_experts" in c.data else "num_local_experts"
    experts = c.integer(key, 128)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 8, experts, key),
        expert_ffn=c.integer("moe_intermediate_size", 768),
        **moe_rule(c),
    )
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 4}
    # No layer_types in its config class: with use_sliding_window, every layer slides.
    windows: tuple[Mixer, ...] = ()
    if c.flag("use_sliding_window", False):
        windows = mixers(c, default=["sliding"] * c.integer("num_hidden_layers"), window=4096)
    return llama_like(c, name, defaults=defaults, qk_norm=True, moe=moe, mixers=windows)
