"""Oracle cases of the 2025–2026 text families (issue 9): Qwen3.5, DeepSeek-V3.2, GLM-5 and more.

Each family has a real-size case that states the released config's hyperparameters with where
they come from, and small cases for the switches that change the count. This module holds
Qwen3.5 and the MLA families (DeepSeek-V3.2, Kimi K2, GLM-5, GLM-4.7-Flash);
`llmsize_oracle.cases_text2` the others (so neither passes 400 lines). `TEXT` holds both;
`llmsize_oracle.all_cases` adds it to `llmsize_oracle.cases.CASES`.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY, TINY_MLA
from llmsize_oracle.cases_text2 import TEXT2

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
# Small DSA indexer sizes over the small MLA + MoE widths (q_lora_rank is required by DSA).
_TINY_DSA = {
    **TINY_MLA,
    "q_lora_rank": 24,
    "num_key_value_heads": 4,
    "v_head_dim": 16,
    "index_n_heads": 4,
    "index_head_dim": 8,
    "n_routed_experts": 6,
    "num_experts_per_tok": 2,
}

_FIRST: dict[str, dict[str, Any]] = {
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
    # DeepSeek-V3.2: DeepSeek-V3 with DSA's lightning indexer in every layer
    "deepseek-v3.2": {
        # deepseek-ai/DeepSeek-V3.2's config.json: 61 layers, D 7168, 128 heads, MLA (q rank
        # 1536, kv rank 512, nope 128 + rope 64, v 128), 256 experts of 2048 (top 8) + 1
        # shared, 3 dense layers of 18432, V 129280; indexer 64 heads of 128; fp8 128x128.
        "model_type": "deepseek_v32",
        "hidden_size": 7168,
        "intermediate_size": 18432,
        "num_hidden_layers": 61,
        "num_attention_heads": 128,
        "num_key_value_heads": 128,
        "vocab_size": 129280,
        "q_lora_rank": 1536,
        "kv_lora_rank": 512,
        "qk_nope_head_dim": 128,
        "qk_rope_head_dim": 64,
        "v_head_dim": 128,
        "n_routed_experts": 256,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 2048,
        "first_k_dense_replace": 3,
        "index_n_heads": 64,
        "index_head_dim": 128,
        "index_topk": 2048,
        "num_nextn_predict_layers": 1,
        "max_position_embeddings": 163840,
        "tie_word_embeddings": False,
    },
    "deepseek-v3.2-mlp-types-bias-tied": {
        "model_type": "deepseek_v32",
        **_TINY_DSA,
        "mlp_layer_types": ["sparse", "dense", "sparse"],
        "n_shared_experts": 2,
        "attention_bias": True,
        "tie_word_embeddings": True,
    },
    # Kimi K2 is DeepSeek-V3's architecture under its own model_type (its config names
    # DeepseekV3ForCausalLM): read as deepseek_v3, built by transformers as deepseek_v3.
    "kimi-k2-instruct": {
        # moonshotai/Kimi-K2-Instruct's config.json: 61 layers, D 7168, 64 heads, MLA (q rank
        # 1536, kv rank 512, nope 128 + rope 64, v 128), 384 experts of 2048 (top 8) + 1
        # shared, 1 dense layer of 18432, V 163840, no MTP module.
        "model_type": "kimi_k2",
        "hidden_size": 7168,
        "intermediate_size": 18432,
        "num_hidden_layers": 61,
        "num_attention_heads": 64,
        "num_key_value_heads": 64,
        "vocab_size": 163840,
        "q_lora_rank": 1536,
        "kv_lora_rank": 512,
        "qk_nope_head_dim": 128,
        "qk_rope_head_dim": 64,
        "v_head_dim": 128,
        "n_routed_experts": 384,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 2048,
        "first_k_dense_replace": 1,
        "n_group": 1,
        "topk_group": 1,
        "num_nextn_predict_layers": 0,
        "max_position_embeddings": 131072,
        "tie_word_embeddings": False,
    },
    # GLM-5: DeepSeek-V3.2's shape with GLM's sizes; layers may share an indexer's top-k
    "glm-5": {
        # zai-org/GLM-5's config.json: 78 layers, D 6144, 64 heads, MLA (q rank 2048, kv rank
        # 512, nope 192 + rope 64, v 256), 256 experts of 2048 (top 8) + 1 shared, 3 dense
        # layers of 12288, V 154880; indexer 32 heads of 128.
        "model_type": "glm_moe_dsa",
        "hidden_size": 6144,
        "intermediate_size": 12288,
        "num_hidden_layers": 78,
        "num_attention_heads": 64,
        "num_key_value_heads": 64,
        "vocab_size": 154880,
        "q_lora_rank": 2048,
        "kv_lora_rank": 512,
        "qk_nope_head_dim": 192,
        "qk_rope_head_dim": 64,
        "v_head_dim": 256,
        "n_routed_experts": 256,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 2048,
        "first_k_dense_replace": 3,
        "index_n_heads": 32,
        "index_head_dim": 128,
        "index_topk": 2048,
        "max_position_embeddings": 202752,
        "tie_word_embeddings": False,
    },
    "glm-5-indexer-freq": {
        "model_type": "glm_moe_dsa",
        **_TINY_DSA,
        "num_hidden_layers": 7,
        "first_k_dense_replace": 1,
        "index_topk_freq": 3,
        "index_skip_topk_offset": 2,
    },
    "glm-5-indexer-pattern": {
        "model_type": "glm_moe_dsa",
        **_TINY_DSA,
        "index_topk_pattern": "FSF",
        "n_shared_experts": 0,
        "first_k_dense_replace": 0,
    },
    "glm-5-indexer-types": {
        "model_type": "glm_moe_dsa",
        **_TINY_DSA,
        "indexer_types": ["full", "shared", "shared"],
        "mlp_layer_types": ["dense", "dense", "sparse"],
    },
    # GLM-4.7-Flash: MLA + MoE, one dense layer first, no indexer
    "glm-4.7-flash": {
        # zai-org/GLM-4.7-Flash's config.json as vLLM's glm4_moe_lite config test copies it
        # (the same values as transformers' Glm4MoeLiteConfig defaults): 47 layers, D 2048,
        # 20 heads, MLA (q rank 768, kv rank 512, nope 192 + rope 64, v 256), 64 experts of
        # 1536 (top 4) + 1 shared, first layer dense of 10240, V 154880.
        "model_type": "glm4_moe_lite",
        "hidden_size": 2048,
        "intermediate_size": 10240,
        "num_hidden_layers": 47,
        "num_attention_heads": 20,
        "num_key_value_heads": 20,
        "vocab_size": 154880,
        "q_lora_rank": 768,
        "kv_lora_rank": 512,
        "qk_nope_head_dim": 192,
        "qk_rope_head_dim": 64,
        "v_head_dim": 256,
        "n_routed_experts": 64,
        "n_shared_experts": 1,
        "num_experts_per_tok": 4,
        "moe_intermediate_size": 1536,
        "first_k_dense_replace": 1,
        "max_position_embeddings": 202752,
        "tie_word_embeddings": False,
    },
    "glm4-moe-lite-plain-query-bias": {
        "model_type": "glm4_moe_lite",
        **_TINY_DSA,
        "q_lora_rank": None,
        "attention_bias": True,
        "first_k_dense_replace": 3,  # not read: the first layer alone is dense
        "num_experts": 2,  # not read either
    },
    "glm4-moe-lite-mlp-types-tied": {
        "model_type": "glm4_moe_lite",
        **_TINY_DSA,
        "mlp_layer_types": ["sparse", "sparse", "dense"],
        "n_shared_experts": 3,
        "tie_word_embeddings": True,
    },
}

TEXT: dict[str, dict[str, Any]] = {**_FIRST, **TEXT2}
"""Every case of the recent text families: the ones above and `llmsize_oracle.cases_text2`."""
