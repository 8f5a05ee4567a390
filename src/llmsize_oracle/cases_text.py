"""Oracle cases of the 2025–2026 text families (issue 9): Qwen3.5, DeepSeek-V3.2, GLM-5 and more.

Each family has a real-size case that states the released config's hyperparameters with where
they come from, and small cases for the switches that change the count. `llmsize_oracle.all_cases`
adds them to `llmsize_oracle.cases.CASES`.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY

# Small Gated DeltaNet sizes shared by the Qwen3.5 variants.
_TINY_DELTANET = {
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "head_dim": 16,
    "linear_num_key_heads": 2,
    "linear_num_value_heads": 4,
    "linear_key_head_dim": 8,
    "linear_value_head_dim": 12,
    "linear_conv_kernel_dim": 3,
}

TEXT: dict[str, dict[str, Any]] = {
    # Qwen3.5 (dense): Qwen3-Next's layer stack with a dense MLP
    "qwen3.5-27b-text": {
        # Qwen/Qwen3.5-27B's text_config (top-level tie_word_embeddings false): 64 layers, D 5120,
        # 24 heads, 4 KV heads of 256, F 17408, V 248320, full attention every 4th layer;
        # DeltaNet 16 key heads, 48 value heads, heads of 128, kernel 4.
        "model_type": "qwen3_5_text",
        "hidden_size": 5120,
        "intermediate_size": 17408,
        "num_hidden_layers": 64,
        "num_attention_heads": 24,
        "num_key_value_heads": 4,
        "head_dim": 256,
        "vocab_size": 248320,
        "full_attention_interval": 4,
        "linear_num_key_heads": 16,
        "linear_num_value_heads": 48,
        "linear_key_head_dim": 128,
        "linear_value_head_dim": 128,
        "linear_conv_kernel_dim": 4,
        "tie_word_embeddings": False,
        "max_position_embeddings": 262144,
    },
    "qwen3.5-text-types-tied": {
        "model_type": "qwen3_5_text",
        **_TINY_DELTANET,
        "layer_types": ["full_attention", "linear_attention", "full_attention"],
        "tie_word_embeddings": True,
        "attention_bias": True,
        **TINY,
    },
    # Qwen3.5 MoE: routed experts, a gated shared expert, in every layer
    "qwen3.5-35b-a3b-text": {
        # Qwen/Qwen3.5-35B-A3B's text_config: 40 layers, D 2048, 16 heads, 2 KV heads of 256,
        # 256 experts of 512 (top 8) + a shared expert of 512, V 248320; DeltaNet 16 key heads,
        # 32 value heads of 128.
        "model_type": "qwen3_5_moe_text",
        "hidden_size": 2048,
        "num_hidden_layers": 40,
        "num_attention_heads": 16,
        "num_key_value_heads": 2,
        "head_dim": 256,
        "vocab_size": 248320,
        "num_experts": 256,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 512,
        "shared_expert_intermediate_size": 512,
        "linear_num_key_heads": 16,
        "linear_num_value_heads": 32,
        "full_attention_interval": 4,
        "tie_word_embeddings": False,
    },
    "qwen3.5-397b-a17b-text": {
        # Qwen/Qwen3.5-397B-A17B's text_config: 60 layers, D 4096, 32 heads, 2 KV heads of 256,
        # 512 experts of 1024 (top 10) + a shared expert of 1024, V 248320; DeltaNet 16 key
        # heads, 64 value heads of 128.
        "model_type": "qwen3_5_moe_text",
        "hidden_size": 4096,
        "num_hidden_layers": 60,
        "num_attention_heads": 32,
        "num_key_value_heads": 2,
        "head_dim": 256,
        "vocab_size": 248320,
        "num_experts": 512,
        "num_experts_per_tok": 10,
        "moe_intermediate_size": 1024,
        "shared_expert_intermediate_size": 1024,
        "linear_num_key_heads": 16,
        "linear_num_value_heads": 64,
        "full_attention_interval": 4,
        "tie_word_embeddings": False,
    },
    "qwen3.5-moe-text-interval-2": {
        "model_type": "qwen3_5_moe_text",
        **_TINY_DELTANET,
        "full_attention_interval": 2,
        "num_experts": 6,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 24,
        "shared_expert_intermediate_size": 40,
        **TINY,
    },
}
