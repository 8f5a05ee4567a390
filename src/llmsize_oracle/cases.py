"""Configs the oracle tests build with transformers and count with llmsize.

Small widths keep the meta-device build instant; each family is covered with its defaults and
with the switches that change the count (tied/untied head, biases, GQA/MQA, MoE variants, MLA
with and without query compression). Keys left out take the family's defaults in both tools.
"""

from __future__ import annotations

from typing import Any

TINY = {"hidden_size": 64, "intermediate_size": 160, "num_hidden_layers": 3, "vocab_size": 1000}
QWEN3_MOE = {
    "model_type": "qwen3_moe",
    "num_attention_heads": 8,
    "num_key_value_heads": 2,
    "head_dim": 16,
    "num_experts": 8,
    "num_experts_per_tok": 2,
    "moe_intermediate_size": 24,
    **TINY,
}
# Small MLA + MoE widths shared by the DeepSeek cases; each case adds its own switches.
TINY_MLA = {
    "kv_lora_rank": 32,
    "qk_nope_head_dim": 16,
    "qk_rope_head_dim": 8,
    "num_attention_heads": 4,
    "moe_intermediate_size": 24,
    **TINY,
}

CASES: dict[str, dict[str, Any]] = {
    # GPT-2
    "gpt2-defaults": {
        "model_type": "gpt2",
        "n_embd": 768,
        "n_layer": 12,
        "n_head": 12,
        "vocab_size": 50257,
    },
    "gpt2-untied-inner": {
        "model_type": "gpt2",
        "n_embd": 64,
        "n_layer": 2,
        "n_head": 4,
        "vocab_size": 500,
        "n_inner": 100,
        "n_positions": 77,
        "tie_word_embeddings": False,
    },
    # Llama
    "llama-mha": {"model_type": "llama", "num_attention_heads": 8, **TINY},
    "llama-gqa-bias": {
        "model_type": "llama",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "attention_bias": True,
        "mlp_bias": True,
        **TINY,
    },
    "llama-mqa-tied": {
        "model_type": "llama",
        "num_attention_heads": 8,
        "num_key_value_heads": 1,
        "tie_word_embeddings": True,
        **TINY,
    },
    "llama-head-dim": {
        "model_type": "llama",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 24,
        **TINY,
    },
    "llama-2-7b": {
        "model_type": "llama",
        "hidden_size": 4096,
        "intermediate_size": 11008,
        "num_hidden_layers": 32,
        "num_attention_heads": 32,
        "vocab_size": 32000,
    },
    # Mistral
    "mistral-gqa": {
        "model_type": "mistral",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        **TINY,
    },
    "mistral-head-dim-tied": {
        "model_type": "mistral",
        "num_attention_heads": 8,
        "num_key_value_heads": 4,
        "head_dim": 16,
        "tie_word_embeddings": True,
        **TINY,
    },
    # Mixtral
    "mixtral-8x2": {
        "model_type": "mixtral",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "num_local_experts": 8,
        "num_experts_per_tok": 2,
        **TINY,
    },
    "mixtral-1x1": {
        "model_type": "mixtral",
        "num_attention_heads": 8,
        "num_key_value_heads": 8,
        "num_local_experts": 1,
        "num_experts_per_tok": 1,
        **TINY,
    },
    # Qwen2
    "qwen2-untied": {
        "model_type": "qwen2",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        **TINY,
    },
    "qwen2-tied": {
        "model_type": "qwen2",
        "num_attention_heads": 8,
        "num_key_value_heads": 4,
        "tie_word_embeddings": True,
        **TINY,
    },
    # Qwen2-MoE
    "qwen2-moe-shared": {
        "model_type": "qwen2_moe",
        "num_attention_heads": 8,
        "num_key_value_heads": 8,
        "num_experts": 6,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 32,
        "shared_expert_intermediate_size": 96,
        **TINY,
    },
    "qwen2-moe-sparse-step": {
        "model_type": "qwen2_moe",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "num_experts": 4,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 32,
        "shared_expert_intermediate_size": 48,
        "decoder_sparse_step": 2,
        "qkv_bias": False,
        "num_hidden_layers": 5,
        "hidden_size": 64,
        "intermediate_size": 160,
        "vocab_size": 1000,
    },
    "qwen2-moe-mlp-only": {
        "model_type": "qwen2_moe",
        "num_attention_heads": 8,
        "num_key_value_heads": 8,
        "num_experts": 4,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 32,
        "shared_expert_intermediate_size": 48,
        "mlp_only_layers": [0, 2],
        **TINY,
    },
    # Qwen3
    "qwen3-defaults": {
        "model_type": "qwen3",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "head_dim": 16,
        **TINY,
    },
    "qwen3-bias-tied": {
        "model_type": "qwen3",
        "num_attention_heads": 8,
        "num_key_value_heads": 4,
        "head_dim": 32,
        "attention_bias": True,
        "tie_word_embeddings": True,
        **TINY,
    },
    # Qwen3-MoE
    "qwen3-moe": QWEN3_MOE,
    "qwen3-moe-mixed": {
        **QWEN3_MOE,
        "num_experts_per_tok": 3,
        "decoder_sparse_step": 2,
        "mlp_only_layers": [1],
        "num_hidden_layers": 6,
    },
    # Gemma
    "gemma-defaults": {
        "model_type": "gemma",
        "num_attention_heads": 4,
        "num_key_value_heads": 1,
        **TINY,
    },
    "gemma-7b-shape": {
        "model_type": "gemma",
        "hidden_size": 3072,
        "intermediate_size": 24576,
        "num_hidden_layers": 28,
        "num_attention_heads": 16,
        "head_dim": 256,
        "num_key_value_heads": 16,
        "vocab_size": 256000,
    },
    "gemma-untied-bias": {
        "model_type": "gemma",
        "num_attention_heads": 4,
        "head_dim": 8,
        "num_key_value_heads": 2,
        "tie_word_embeddings": False,
        "attention_bias": True,
        **TINY,
    },
    # Phi-3
    "phi3-mha": {"model_type": "phi3", "num_attention_heads": 8, **TINY},
    "phi3-gqa-tied": {
        "model_type": "phi3",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "tie_word_embeddings": True,
        **TINY,
    },
    "phi-4": {
        # microsoft/phi-4's config.json (Dec 2024 revision): 40 layers, D 5120, 40 heads, 10 KV
        # heads, F 17920, V 100352, untied head.
        "model_type": "phi3",
        "hidden_size": 5120,
        "intermediate_size": 17920,
        "num_hidden_layers": 40,
        "num_attention_heads": 40,
        "num_key_value_heads": 10,
        "vocab_size": 100352,
        "max_position_embeddings": 16384,
        "tie_word_embeddings": False,
    },
    # Gemma 2: sandwich norms, sliding/full alternation (weights alike)
    "gemma2-9b": {
        # google/gemma-2-9b-it's config.json: 42 layers, D 3584, 16 heads, 8 KV heads of 256,
        # F 14336, V 256000, window 4096, tied head.
        "model_type": "gemma2",
        "hidden_size": 3584,
        "intermediate_size": 14336,
        "num_hidden_layers": 42,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 256,
        "vocab_size": 256000,
        "sliding_window": 4096,
    },
    "gemma2-untied-bias-types": {
        "model_type": "gemma2",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 16,
        "tie_word_embeddings": False,
        "attention_bias": True,
        "layer_types": ["full_attention", "sliding_attention", "full_attention"],
        "sliding_window": 8,
        **TINY,
    },
    # Gemma 3 (text): sandwich norms, per-head q/k norms, five sliding layers to one full
    "gemma3-27b-text": {
        # google/gemma-3-27b-it's text_config: 62 layers, D 5376, 32 heads, 16 KV heads of 128,
        # F 21504, window 1024; vocab_size absent there, so transformers' default 262208.
        "model_type": "gemma3_text",
        "hidden_size": 5376,
        "intermediate_size": 21504,
        "num_hidden_layers": 62,
        "num_attention_heads": 32,
        "num_key_value_heads": 16,
        "head_dim": 128,
        "vocab_size": 262208,
        "sliding_window": 1024,
        "query_pre_attn_scalar": 168,
    },
    "gemma3-text-pattern-bias": {
        "model_type": "gemma3_text",
        "num_attention_heads": 4,
        "num_key_value_heads": 1,
        "head_dim": 16,
        "attention_bias": True,
        "sliding_window_pattern": 2,
        "sliding_window": 16,
        **TINY,
    },
    # gpt-oss: sinks, biases everywhere, MoE with biased router and experts
    "gpt-oss-small": {
        "model_type": "gpt_oss",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "head_dim": 12,
        "num_local_experts": 6,
        "num_experts_per_tok": 2,
        "sliding_window": 8,
        **TINY,
    },
    "gpt-oss-no-bias-tied": {
        "model_type": "gpt_oss",
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "attention_bias": False,
        "tie_word_embeddings": True,
        "num_local_experts": 3,
        "num_experts_per_tok": 3,
        "layer_types": ["sliding_attention", "sliding_attention", "full_attention"],
        **TINY,
    },
    # OLMo 2/3: norms after attention and MLP, q/k norms over the whole projections
    "olmo2-gqa-bias": {
        "model_type": "olmo2",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "attention_bias": True,
        **TINY,
    },
    "olmo2-mha-tied": {
        "model_type": "olmo2",
        "num_attention_heads": 4,
        "tie_word_embeddings": True,
        **TINY,
    },
    "olmo3-32b": {
        # allenai/Olmo-3.1-32B-Instruct's config.json: 64 layers, D 5120, 40 heads, 8 KV heads,
        # F 27648, V 100278, window 4096, three sliding layers to one full.
        "model_type": "olmo3",
        "hidden_size": 5120,
        "intermediate_size": 27648,
        "num_hidden_layers": 64,
        "num_attention_heads": 40,
        "num_key_value_heads": 8,
        "vocab_size": 100278,
        "sliding_window": 4096,
        "max_position_embeddings": 65536,
    },
    "olmo3-types-bias": {
        "model_type": "olmo3",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "attention_bias": True,
        "layer_types": ["full_attention", "sliding_attention", "sliding_attention"],
        "sliding_window": 16,
        **TINY,
    },
    # SmolLM3: every fourth layer without rotary positions (no weight changes)
    "smollm3-3b": {
        # HuggingFaceTB/SmolLM3-3B's config.json: 36 layers, D 2048, 16 heads, 4 KV heads,
        # F 11008, V 128256, tied head, no sliding window.
        "model_type": "smollm3",
        "hidden_size": 2048,
        "intermediate_size": 11008,
        "num_hidden_layers": 36,
        "num_attention_heads": 16,
        "num_key_value_heads": 4,
        "vocab_size": 128256,
        "tie_word_embeddings": True,
        "use_sliding_window": False,
        "sliding_window": None,
    },
    "smollm3-untied-bias-sliding": {
        "model_type": "smollm3",
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "tie_word_embeddings": False,
        "attention_bias": True,
        "mlp_bias": True,
        "use_sliding_window": True,
        "sliding_window": 8,
        "no_rope_layer_interval": 2,
        **TINY,
    },
    # EXAONE 4: post-norms, per-head q/k norms, three sliding layers to one full
    "exaone4-32b": {
        # LGAI-EXAONE/EXAONE-4.0-32B's config.json: 64 layers, D 5120, 40 heads, 8 KV heads of
        # 128, F 27392, V 102400, window 4096, layer_types "LLLG".
        "model_type": "exaone4",
        "hidden_size": 5120,
        "intermediate_size": 27392,
        "num_hidden_layers": 64,
        "num_attention_heads": 40,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "vocab_size": 102400,
        "sliding_window": 4096,
        "sliding_window_pattern": 4,
        "max_position_embeddings": 131072,
    },
    "exaone4-tied-pattern": {
        "model_type": "exaone4",
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "tie_word_embeddings": True,
        "sliding_window": 8,
        "sliding_window_pattern": 2,
        **TINY,
    },
    # GLM-4.5 MoE: q/k/v biases, a shared expert, dense leading layers
    "glm4-moe-air-shape": {
        # zai-org/GLM-4.5-Air's config.json: 46 layers, D 4096, 96 heads, 8 KV heads of 128,
        # dense F 10944, 128 experts of 1408 (top 8) + 1 shared, first layer dense, V 151552.
        "model_type": "glm4_moe",
        "hidden_size": 4096,
        "intermediate_size": 10944,
        "num_hidden_layers": 46,
        "num_attention_heads": 96,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "vocab_size": 151552,
        "attention_bias": True,
        "n_routed_experts": 128,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 1408,
        "first_k_dense_replace": 1,
        "partial_rotary_factor": 0.5,
        "use_qk_norm": False,
    },
    "glm4-moe-qk-norm-two-shared": {
        "model_type": "glm4_moe",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 16,
        "use_qk_norm": True,
        "n_routed_experts": 6,
        "n_shared_experts": 2,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 24,
        "first_k_dense_replace": 2,
        "tie_word_embeddings": True,
        **TINY,
    },
    # DeepSeek-V2
    "deepseek-v2-lite-shape": {
        "model_type": "deepseek_v2",
        "q_lora_rank": None,
        "v_head_dim": 16,
        "n_routed_experts": 8,
        "num_experts_per_tok": 2,
        "n_shared_experts": 2,
        "first_k_dense_replace": 1,
        **TINY_MLA,
    },
    "deepseek-v2-qlora-bias": {
        "model_type": "deepseek_v2",
        "q_lora_rank": 48,
        "v_head_dim": 12,
        "n_routed_experts": 4,
        "num_experts_per_tok": 4,
        "n_shared_experts": 1,
        "attention_bias": True,
        "mlp_bias": True,
        **TINY_MLA,
    },
    # DeepSeek-V3
    "deepseek-v3-small": {
        "model_type": "deepseek_v3",
        "q_lora_rank": 48,
        "v_head_dim": 16,
        "n_routed_experts": 8,
        "num_experts_per_tok": 2,
        "n_group": 2,
        "topk_group": 1,
        "n_shared_experts": 1,
        "first_k_dense_replace": 1,
        **TINY_MLA,
    },
    "deepseek-v3-no-qlora": {
        "model_type": "deepseek_v3",
        "q_lora_rank": None,
        "v_head_dim": 16,
        "n_routed_experts": 4,
        "num_experts_per_tok": 2,
        "n_group": 1,
        "topk_group": 1,
        "n_shared_experts": 2,
        "first_k_dense_replace": 0,
        "tie_word_embeddings": True,
        **TINY_MLA,
    },
    "deepseek-v3-full": {
        "model_type": "deepseek_v3",
        "hidden_size": 7168,
        "intermediate_size": 18432,
        "num_hidden_layers": 61,
        "num_attention_heads": 128,
        "num_key_value_heads": 128,
        "vocab_size": 129280,
        "q_lora_rank": 1536,
        "kv_lora_rank": 512,
        "n_routed_experts": 256,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "moe_intermediate_size": 2048,
        "first_k_dense_replace": 3,
    },
    # BERT (AutoModel: with pooler, no head)
    "bert-base": {
        "model_type": "bert",
        "hidden_size": 768,
        "intermediate_size": 3072,
        "num_hidden_layers": 12,
        "num_attention_heads": 12,
        "vocab_size": 30522,
    },
    "bert-tiny-types": {
        "model_type": "bert",
        "num_attention_heads": 4,
        "type_vocab_size": 3,
        "max_position_embeddings": 64,
        **TINY,
    },
}


def all_cases() -> dict[str, dict[str, Any]]:
    """The cases above plus every bundled preset's real config (``preset:<id>``)."""
    from llmsize import presets

    out = dict(CASES)
    for preset_id in presets.ids():
        out[f"preset:{preset_id}"] = presets.get(preset_id).config
    return out
