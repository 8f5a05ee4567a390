"""Oracle cases of the state-space and short-convolution families (and Granite).

Nemotron-H, Mamba2, Falcon-H1, Jamba, LFM2 (+ MoE) and the Granite types (`cases_granite`):
each with a real-size case that states the released config's hyperparameters and where they
come from, and small cases for the keys that change the count. `llmsize_oracle.all_cases`
adds them to `llmsize_oracle.cases.CASES`.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY
from llmsize_oracle.cases_granite import GRANITE

_NEMOTRON_56B_PATTERN = "M-M-M-M*-" + "M-M-M-M-M*-" * 9 + "M-M-M-M-M-"
_NANO_PATTERN = "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME"
_MAMBA2_TINY = {"mamba_num_heads": 4, "mamba_head_dim": 16, "ssm_state_size": 8, "n_groups": 2}

SSM: dict[str, dict[str, Any]] = {
    # Nemotron-H: Mamba-2 (M), attention (*), plain MLP (-) and MoE (E) blocks
    "nemotron-h-56b": {
        # nvidia/Nemotron-H-56B-Base-8K's config.json (../shared/reference-configs): 118 blocks,
        # D 8192, 64 heads, 8 KV heads of 128, F 32768 (squared ReLU), 256 Mamba heads of 64,
        # 8 groups, state 256, V 131072, untied head.
        "model_type": "nemotron_h",
        "hidden_size": 8192,
        "intermediate_size": 32768,
        "num_hidden_layers": 118,
        "num_attention_heads": 64,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "mamba_num_heads": 256,
        "mamba_head_dim": 64,
        "n_groups": 8,
        "ssm_state_size": 256,
        "conv_kernel": 4,
        "hybrid_override_pattern": _NEMOTRON_56B_PATTERN,
        "vocab_size": 131072,
        "max_position_embeddings": 8192,
        "tie_word_embeddings": False,
    },
    "nemotron-3-nano-30b-a3b": {
        # nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16's config.json (../shared/reference-configs):
        # 52 blocks (23 Mamba, 6 attention, 23 MoE), D 2688, 32 heads, 2 KV heads of 128, 64
        # Mamba heads of 64, 8 groups, state 128; 128 routed experts of 1856 (top 6) and one
        # shared expert of 3712; V 131072, untied head.
        "model_type": "nemotron_h",
        "hidden_size": 2688,
        "intermediate_size": 1856,
        "num_hidden_layers": 52,
        "num_attention_heads": 32,
        "num_key_value_heads": 2,
        "head_dim": 128,
        "mamba_num_heads": 64,
        "mamba_head_dim": 64,
        "n_groups": 8,
        "ssm_state_size": 128,
        "conv_kernel": 4,
        "hybrid_override_pattern": _NANO_PATTERN,
        "n_routed_experts": 128,
        "num_experts_per_tok": 6,
        "moe_intermediate_size": 1856,
        "moe_shared_expert_intermediate_size": 3712,
        "vocab_size": 131072,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": False,
    },
    "nemotron-h-types-biases-tied": {
        "model_type": "nemotron_h",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 16,
        "layers_block_type": ["mamba", "moe", "attention", "mlp", "linear_attention", "moe"],
        "n_routed_experts": 4,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 24,
        "moe_shared_expert_intermediate_size": 40,
        "use_bias": True,
        "use_conv_bias": False,
        "mlp_bias": True,
        "tie_word_embeddings": True,
        **_MAMBA2_TINY,
        **TINY,
    },
    "nemotron-h-dense-pattern": {
        "model_type": "nemotron_h",
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "head_dim": 16,
        "hybrid_override_pattern": "M*M-",
        **_MAMBA2_TINY,
        **TINY,
    },
    # Mamba2: Mamba-2 mixers only
    "mamba2-780m": {
        # A Mamba2 780M checkpoint in transformers' format, as a public Rust test quotes its
        # config.json "verbatim where it matters" (stored copy, not the Hub page): 48 layers,
        # D 1536, 48 heads of 64 (expand 2), 1 group, state 128, V 50288, tied head.
        "model_type": "mamba2",
        "hidden_size": 1536,
        "num_hidden_layers": 48,
        "num_heads": 48,
        "head_dim": 64,
        "expand": 2,
        "n_groups": 1,
        "state_size": 128,
        "conv_kernel": 4,
        "vocab_size": 50288,
        "tie_word_embeddings": True,
    },
    "mamba2-defaults": {
        # Every size from transformers' Mamba2Config defaults (Mamba-Codestral-7B's shape: 64
        # layers, D 4096, 128 heads of 64, 8 groups, state 128, V 32768); no real config found.
        "model_type": "mamba2",
    },
    "mamba2-biases-tied": {
        "model_type": "mamba2",
        "hidden_size": 32,
        "num_hidden_layers": 2,
        "num_heads": 4,
        "head_dim": 16,
        "n_groups": 2,
        "state_size": 8,
        "conv_kernel": 3,
        "use_bias": True,
        "use_conv_bias": False,
        "tie_word_embeddings": True,
        "vocab_size": 1000,
    },
    # Falcon-H1: attention and Mamba-2 side by side in every layer
    "falcon-h1-7b": {
        # tiiuae/Falcon-H1-7B's config.json as a public planner test states it (stored copy,
        # trimmed; mlx-community's 4-bit copy agrees on the shape): 44 layers, D 3072, 12 heads,
        # 2 KV heads of 128, F 12288, Mamba 24 heads of 128 (d_ssm 3072), 1 group, state 256,
        # V 130048, untied head. Biases and mamba_rms_norm absent there: transformers' defaults.
        "model_type": "falcon_h1",
        "hidden_size": 3072,
        "intermediate_size": 12288,
        "num_hidden_layers": 44,
        "num_attention_heads": 12,
        "num_key_value_heads": 2,
        "head_dim": 128,
        "mamba_d_ssm": 3072,
        "mamba_n_heads": 24,
        "mamba_d_head": 128,
        "mamba_n_groups": 1,
        "mamba_d_state": 256,
        "mamba_d_conv": 4,
        "mamba_expand": 2,
        "vocab_size": 130048,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": False,
    },
    "falcon-h1-norm-biases-expand": {
        "model_type": "falcon_h1",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "mamba_d_ssm": None,
        "mamba_expand": 2,
        "mamba_n_heads": 8,
        "mamba_n_groups": 2,
        "mamba_d_state": 8,
        "mamba_d_conv": 3,
        "mamba_rms_norm": True,
        "mamba_proj_bias": True,
        "projectors_bias": True,
        "mamba_conv_bias": False,
        "attention_bias": True,
        "mlp_bias": True,
        "tie_word_embeddings": True,
        **TINY,
    },
    # Jamba: Mamba-1 layers, attention every 8, MoE every 2
    "jamba-1.5-mini": {
        # ai21labs/AI21-Jamba-1.5-Mini's config.json as a public test helper restates it (stored
        # copy): 32 layers, D 4096, 32 heads, 8 KV heads, F 14336, attention at i % 8 == 4, MoE
        # (16 experts, top 2) at i % 2 == 1, Mamba expand 2, state 16, dt rank 256, V 65536.
        "model_type": "jamba",
        "hidden_size": 4096,
        "intermediate_size": 14336,
        "num_hidden_layers": 32,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "attn_layer_period": 8,
        "attn_layer_offset": 4,
        "expert_layer_period": 2,
        "expert_layer_offset": 1,
        "num_experts": 16,
        "num_experts_per_tok": 2,
        "mamba_d_state": 16,
        "mamba_d_conv": 4,
        "mamba_expand": 2,
        "mamba_dt_rank": 256,
        "vocab_size": 65536,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": False,
    },
    "jamba-dense-auto-rank-biases": {
        "model_type": "jamba",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "attn_layer_period": 2,
        "attn_layer_offset": 1,
        "num_experts": 1,
        "mamba_d_state": 8,
        "mamba_dt_rank": "auto",
        "mamba_proj_bias": True,
        "mamba_conv_bias": False,
        "tie_word_embeddings": True,
        **{k: v for k, v in TINY.items() if k != "num_hidden_layers"},
    },
    "jamba-moe-phase": {
        "model_type": "jamba",
        "num_hidden_layers": 6,
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "attn_layer_period": 3,
        "attn_layer_offset": 0,
        "expert_layer_period": 3,
        "expert_layer_offset": 2,
        "num_experts": 4,
        "num_experts_per_tok": 1,
        "mamba_d_state": 4,
        "mamba_dt_rank": 6,
        **{k: v for k, v in TINY.items() if k != "num_hidden_layers"},
    },
}
"""The cases, by name (merged into `llmsize_oracle.all_cases`)."""

_LFM2_TYPES = ["conv", "conv", "full_attention", "conv", "conv", "full_attention"]

SSM.update(
    {
        # LFM2: gated short convolutions and attention
        "lfm2-1.2b": {
            # LiquidAI/LFM2-1.2B's launch config.json (../shared/reference-configs): 16 layers,
            # attention at 2, 5, 8, 10, 12, 14; D 2048, 32 heads, 8 KV heads; block_ff_dim 12288
            # auto-adjusted to 8192; conv cache 3; V 65536, tied head.
            "model_type": "lfm2",
            "hidden_size": 2048,
            "num_hidden_layers": 16,
            "num_attention_heads": 32,
            "num_key_value_heads": 8,
            "full_attn_idxs": [2, 5, 8, 10, 12, 14],
            "block_ff_dim": 12288,
            "block_auto_adjust_ff_dim": True,
            "block_ffn_dim_multiplier": 1.0,
            "block_multiple_of": 256,
            "conv_L_cache": 3,
            "conv_bias": False,
            "vocab_size": 65536,
            "max_position_embeddings": 128000,
            "tie_embedding": True,
        },
        "lfm2-types-bias-untied": {
            "model_type": "lfm2",
            "num_attention_heads": 4,
            "num_key_value_heads": 2,
            "layer_types": _LFM2_TYPES,
            "conv_bias": True,
            "conv_L_cache": 4,
            "block_auto_adjust_ff_dim": False,
            "tie_embedding": False,
            **{**TINY, "num_hidden_layers": 6},
        },
        "lfm2-multiplier-indices": {
            "model_type": "lfm2",
            "num_attention_heads": 4,
            "num_key_value_heads": 4,
            "full_attn_idxs": [1],
            "block_ffn_dim_multiplier": 1.5,
            "block_multiple_of": 32,
            **TINY,
        },
        "lfm2-8b-a1b": {
            # LiquidAI/LFM2-8B-A1B's config.json as a public loader test trims it (stored copy):
            # 24 layers (6 attention), D 2048, 32 heads, 8 KV heads, 2 dense layers of 7168, then
            # 32 experts of 1792 (top 4) with an expert bias; V 65536. The tie key is absent
            # there: transformers' default (tied).
            "model_type": "lfm2_moe",
            "hidden_size": 2048,
            "intermediate_size": 7168,
            "moe_intermediate_size": 1792,
            "num_hidden_layers": 24,
            "num_attention_heads": 32,
            "num_key_value_heads": 8,
            "num_dense_layers": 2,
            "num_experts": 32,
            "num_experts_per_tok": 4,
            "use_expert_bias": True,
            "conv_L_cache": 3,
            "conv_bias": False,
            "layer_types": [
                *("conv", "conv", "full_attention", "conv", "conv", "conv"),
                *("full_attention", "conv", "conv", "conv", "full_attention", "conv"),
                *("conv", "conv", "full_attention", "conv", "conv", "conv"),
                *("full_attention", "conv", "conv", "full_attention", "conv", "conv"),
            ],
            "vocab_size": 65536,
            "max_position_embeddings": 128000,
        },
        "lfm2-moe-no-bias-one-dense": {
            "model_type": "lfm2_moe",
            "num_attention_heads": 4,
            "num_key_value_heads": 2,
            "num_dense_layers": 1,
            "num_experts": 4,
            "num_experts_per_tok": 2,
            "moe_intermediate_size": 24,
            "use_expert_bias": False,
            "tie_word_embeddings": False,
            "layer_types": ["conv", "full_attention", "conv"],
            **TINY,
        },
    }
)
SSM.update(GRANITE)
