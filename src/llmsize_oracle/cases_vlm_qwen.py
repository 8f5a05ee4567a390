"""Oracle cases of Qwen3-VL (dense and MoE) and Qwen3.5's vision-language wrappers.

Real-size cases state the released configs' hyperparameters and their source; small cases
cover the keys that change the count (DeepStack mergers, tied head, dense layers among MoE).
`llmsize_oracle.cases_vlm.VLM` merges them with the other vision-language cases.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY

_TEXT = {"num_attention_heads": 4, "num_key_value_heads": 2, **TINY}
_QWEN3_TOWER = {
    "depth": 2,
    "hidden_size": 32,
    "intermediate_size": 48,
    "num_heads": 4,
    "num_position_embeddings": 16,
    "out_hidden_size": 64,
}
_QWEN3_5_TOWER = {
    "depth": 27,
    "hidden_size": 1152,
    "intermediate_size": 4304,
    "num_heads": 16,
    "num_position_embeddings": 2304,
    "patch_size": 16,
    "spatial_merge_size": 2,
    "temporal_patch_size": 2,
}
_QWEN3_5_TEXT = {
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "head_dim": 16,
    "linear_num_key_heads": 2,
    "linear_num_value_heads": 4,
    "linear_key_head_dim": 8,
    "linear_value_head_dim": 8,
    **TINY,
}

QWEN_VLM: dict[str, dict[str, Any]] = {
    # Qwen3-VL: LayerNorm tower with a position table, merger and DeepStack mergers
    "qwen3-vl-8b": {
        # Qwen/Qwen3-VL-8B-Instruct's config.json, as a public model report reproduces it with
        # the checkpoint's tensor list (8,767,123,696 values): text D 4096, 36 layers, 32 heads,
        # 8 KV heads of 128, F 12288, V 151936, untied; tower D 1152, depth 27, F 4304, patch 16
        # x 2 frames, 2304 positions, merge 2, out 4096, DeepStack at layers 8, 16, 24.
        "model_type": "qwen3_vl",
        "text_config": {
            "hidden_size": 4096,
            "intermediate_size": 12288,
            "num_hidden_layers": 36,
            "num_attention_heads": 32,
            "num_key_value_heads": 8,
            "head_dim": 128,
            "vocab_size": 151936,
            "max_position_embeddings": 262144,
        },
        "vision_config": {
            "deepstack_visual_indexes": [8, 16, 24],
            "depth": 27,
            "hidden_size": 1152,
            "intermediate_size": 4304,
            "num_heads": 16,
            "num_position_embeddings": 2304,
            "out_hidden_size": 4096,
            "patch_size": 16,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
        },
        "tie_word_embeddings": False,
    },
    "qwen3-vl-tied-one-deepstack": {
        "model_type": "qwen3_vl",
        "text_config": {**_TEXT, "head_dim": 16, "attention_bias": True},
        "vision_config": {**_QWEN3_TOWER, "deepstack_visual_indexes": [1]},
        "tie_word_embeddings": True,
    },
    "qwen3-vl-30b-a3b": {
        # Qwen/Qwen3-VL-30B-A3B-Instruct's config.json as a public Rust port transcribes it
        # (every architecture key): text D 2048, 48 layers, 32 heads, 4 KV heads of 128,
        # 128 experts of 768 (top 8), V 151936, untied; the Qwen3-VL-8B tower with out 2048.
        "model_type": "qwen3_vl_moe",
        "text_config": {
            "hidden_size": 2048,
            "intermediate_size": 6144,
            "num_hidden_layers": 48,
            "num_attention_heads": 32,
            "num_key_value_heads": 4,
            "head_dim": 128,
            "num_experts": 128,
            "num_experts_per_tok": 8,
            "moe_intermediate_size": 768,
            "decoder_sparse_step": 1,
            "mlp_only_layers": [],
            "vocab_size": 151936,
            "max_position_embeddings": 262144,
        },
        "vision_config": {
            "deepstack_visual_indexes": [8, 16, 24],
            "depth": 27,
            "hidden_size": 1152,
            "intermediate_size": 4304,
            "num_heads": 16,
            "num_position_embeddings": 2304,
            "out_hidden_size": 2048,
            "patch_size": 16,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
        },
        "tie_word_embeddings": False,
    },
    "qwen3-vl-moe-dense-layer": {
        "model_type": "qwen3_vl_moe",
        "text_config": {
            **_TEXT,
            "head_dim": 16,
            "num_experts": 4,
            "num_experts_per_tok": 2,
            "moe_intermediate_size": 24,
            "mlp_only_layers": [1],
        },
        "vision_config": {**_QWEN3_TOWER, "deepstack_visual_indexes": []},
    },
    # Qwen3.5 (dense and MoE): the Qwen3-VL tower without DeepStack, the Qwen3.5 text models
    "qwen3.5-27b": {
        # Qwen/Qwen3.5-27B's config.json (../shared/reference-configs): text as the
        # qwen3.5-27b-text case; tower D 1152, depth 27, F 4304, 2304 positions, out 5120.
        "model_type": "qwen3_5",
        "text_config": {
            "hidden_size": 5120,
            "intermediate_size": 17408,
            "num_hidden_layers": 64,
            "num_attention_heads": 24,
            "num_key_value_heads": 4,
            "head_dim": 256,
            "full_attention_interval": 4,
            "linear_num_key_heads": 16,
            "linear_num_value_heads": 48,
            "linear_key_head_dim": 128,
            "linear_value_head_dim": 128,
            "linear_conv_kernel_dim": 4,
            "vocab_size": 248320,
            "max_position_embeddings": 262144,
        },
        "vision_config": {**_QWEN3_5_TOWER, "out_hidden_size": 5120},
        "tie_word_embeddings": False,
    },
    "qwen3.5-vlm-tied": {
        "model_type": "qwen3_5",
        "text_config": _QWEN3_5_TEXT,
        "vision_config": _QWEN3_TOWER,
        "tie_word_embeddings": True,
    },
    "qwen3.5-35b-a3b": {
        # Qwen/Qwen3.5-35B-A3B's config.json (../shared/reference-configs): text D 2048,
        # 40 layers, 16 heads, 2 KV heads of 256, DeltaNet 16/32 heads of 128, 256 experts of
        # 512 (top 8) + shared 512, V 248320; the Qwen3.5 tower with out 2048.
        "model_type": "qwen3_5_moe",
        "text_config": {
            "hidden_size": 2048,
            "num_hidden_layers": 40,
            "num_attention_heads": 16,
            "num_key_value_heads": 2,
            "head_dim": 256,
            "full_attention_interval": 4,
            "linear_num_key_heads": 16,
            "linear_num_value_heads": 32,
            "linear_key_head_dim": 128,
            "linear_value_head_dim": 128,
            "num_experts": 256,
            "num_experts_per_tok": 8,
            "moe_intermediate_size": 512,
            "shared_expert_intermediate_size": 512,
            "vocab_size": 248320,
            "max_position_embeddings": 262144,
        },
        "vision_config": {**_QWEN3_5_TOWER, "out_hidden_size": 2048},
        "tie_word_embeddings": False,
    },
    "qwen3.5-397b-a17b": {
        # Qwen/Qwen3.5-397B-A17B's config.json (../shared/reference-configs): text D 4096,
        # 60 layers (every fourth full), 32 heads, 2 KV heads of 256, DeltaNet 16/64 heads of
        # 128, 512 experts of 1024 (top 10) + shared 1024, V 248320; the Qwen3.5 tower, out 4096.
        "model_type": "qwen3_5_moe",
        "text_config": {
            "hidden_size": 4096,
            "num_hidden_layers": 60,
            "num_attention_heads": 32,
            "num_key_value_heads": 2,
            "head_dim": 256,
            "full_attention_interval": 4,
            "linear_num_key_heads": 16,
            "linear_num_value_heads": 64,
            "linear_key_head_dim": 128,
            "linear_value_head_dim": 128,
            "num_experts": 512,
            "num_experts_per_tok": 10,
            "moe_intermediate_size": 1024,
            "shared_expert_intermediate_size": 1024,
            "vocab_size": 248320,
            "max_position_embeddings": 262144,
        },
        "vision_config": {**_QWEN3_5_TOWER, "out_hidden_size": 4096},
        "tie_word_embeddings": False,
    },
    "qwen3.5-moe-vlm-small": {
        "model_type": "qwen3_5_moe",
        "text_config": {
            **_QWEN3_5_TEXT,
            "num_experts": 4,
            "num_experts_per_tok": 2,
            "moe_intermediate_size": 24,
            "shared_expert_intermediate_size": 40,
        },
        "vision_config": _QWEN3_TOWER,
    },
}
