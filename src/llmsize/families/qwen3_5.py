"""Qwen3.5's language models (``qwen3_5_text``, ``qwen3_5_moe_text``).

The layer stack of Qwen3-Next (`llmsize.families.qwen3_next`): three Gated DeltaNet layers to
one gated full-attention layer (``full_attention_interval`` 4, or ``layer_types``), per-head q/k
norms, a query projection twice as wide. transformers splits the DeltaNet input projections
(``in_proj_qkv``/``in_proj_z``, ``in_proj_b``/``in_proj_a``), which changes no count. The dense
model has a dense MLP in every layer; the MoE model routed experts, one shared expert and its
scalar gate in every layer (transformers' Qwen3.5 MoE layer ignores ``mlp_only_layers``).
``attn_output_gate`` and ``partial_rotary_factor`` change no weight; the multi-token-prediction
layer the checkpoint stores (``mtp_num_hidden_layers``) is not part of the built model and is
not counted.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families.qwen3_next import deltanet_mixers
from llmsize.spec import MoE, Spec

_DEFAULTS = {"max_position_embeddings": 32768, "head_dim": 256}


@reader("qwen3_5_text")
def read_dense(c: Keys, name: str) -> Spec:
    """Qwen3.5 (dense text) as transformers' ``Qwen3_5ForCausalLM`` builds it."""
    return llama_like(
        c,
        name,
        defaults={**_DEFAULTS, "num_key_value_heads": 4},
        ffn=c.integer("intermediate_size", 12288),
        qk_norm=True,
        attention_output_gate=True,
        mixers=deltanet_mixers(c),
    )


@reader("qwen3_5_moe_text")
def read_moe(c: Keys, name: str) -> Spec:
    """Qwen3.5 MoE (text) as transformers' ``Qwen3_5MoeForCausalLM`` builds it."""
    experts = c.integer("num_experts", 256)
    expert_ffn = c.integer("moe_intermediate_size", 512)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 8, experts, "num_experts"),
        expert_ffn=expert_ffn,
        num_shared_experts=1,
        shared_ffn=c.integer("shared_expert_intermediate_size", 512),
        shared_expert_gate=True,
    )
    return llama_like(
        c,
        name,
        defaults={**_DEFAULTS, "num_key_value_heads": 2},
        ffn=expert_ffn,  # no dense layer; the config has no intermediate_size
        qk_norm=True,
        attention_output_gate=True,
        moe=moe,
        mixers=deltanet_mixers(c),
    )
