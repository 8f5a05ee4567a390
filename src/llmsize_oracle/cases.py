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
    """Every oracle case: the ones above, those of the ``cases_*`` modules, and the presets.

    The modules: `cases_layered`, `cases_text`, `cases_ssm` and `cases_vlm`.

    Each bundled preset's real config is named ``preset:<id>``.
    """
    from llmsize import presets
    from llmsize_oracle.cases_layered import LAYERED
    from llmsize_oracle.cases_ssm import SSM
    from llmsize_oracle.cases_text import TEXT
    from llmsize_oracle.cases_vlm import VLM

    out = {**CASES, **LAYERED, **TEXT, **SSM, **VLM}
    for preset_id in presets.ids():
        out[f"preset:{preset_id}"] = presets.get(preset_id).config
    return out
