"""Oracle cases of the vision-language families: a language model plus a vision tower.

Each family has a real-size case that states the released config's hyperparameters (with where
they come from) and small cases for the keys that change the count. transformers builds them as
``AutoModelForImageTextToText`` (`llmsize_oracle.meta`); the tests compare the total, the part
outside the language model (tower and projector) and, for MoE text models, the active count.
The Qwen3-VL and Qwen3.5 cases are in `llmsize_oracle.cases_vlm_qwen`, Gemma 4's in
`llmsize_oracle.cases_vlm_gemma4` (``VLM`` merges both);
`llmsize_oracle.all_cases` adds them to `llmsize_oracle.cases.CASES`.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY
from llmsize_oracle.cases_vlm_gemma4 import GEMMA4_VLM
from llmsize_oracle.cases_vlm_qwen import QWEN_VLM

# A small text model and tower shared by the variants; each case adds its own switches.
_TEXT = {"num_attention_heads": 4, "num_key_value_heads": 2, **TINY}
_LFM2_KINDS = {"C": "conv", "A": "full_attention"}
_TOWER = {"hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2}
VLM: dict[str, dict[str, Any]] = {
    # LLaVA: CLIP (or SigLIP) tower, two-layer projector
    "llava-1.5-7b": {
        # llava-hf/llava-1.5-7b-hf's config.json (../shared/reference-configs): text Llama-2-7B
        # shape (LlamaConfig defaults) with V 32064; CLIP ViT-L/14-336 (D 1024, 24 layers, F 4096).
        "model_type": "llava",
        "text_config": {
            "model_type": "llama",
            "vocab_size": 32064,
            "max_position_embeddings": 4096,
        },
        "vision_config": {
            "model_type": "clip_vision_model",
            "hidden_size": 1024,
            "intermediate_size": 4096,
            "num_hidden_layers": 24,
            "num_attention_heads": 16,
            "image_size": 336,
            "patch_size": 14,
        },
        "vision_feature_layer": -2,
        "tie_word_embeddings": False,
    },
    "llava-defaults": {"model_type": "llava"},
    "llava-siglip-layers-tied": {
        "model_type": "llava",
        "text_config": {"model_type": "mistral", **_TEXT, "tie_word_embeddings": True},
        "vision_config": {
            "model_type": "siglip_vision_model",
            "num_attention_heads": 4,
            "image_size": 64,
            **_TOWER,
        },
        "vision_feature_layer": [-2, -5],
        "multimodal_projector_bias": False,
    },
    "llava-siglip-no-head": {
        "model_type": "llava",
        "text_config": {"model_type": "llama", **_TEXT},
        "vision_config": {
            "model_type": "siglip_vision_model",
            "num_attention_heads": 4,
            "vision_use_head": False,
            **_TOWER,
        },
        "tie_word_embeddings": True,
    },
    # Gemma 3: SigLIP, an RMSNorm and one projection, the Gemma 3 text model
    "gemma-3-27b": {
        # google/gemma-3-27b-it's config.json (../shared/reference-configs): the gemma3-27b-text
        # case's text model; SigLIP D 1152, 27 layers, F 4304, 896 px in patches of 14, no head.
        "model_type": "gemma3",
        "text_config": {
            "hidden_size": 5376,
            "intermediate_size": 21504,
            "num_hidden_layers": 62,
            "num_attention_heads": 32,
            "num_key_value_heads": 16,
            "head_dim": 128,
            "query_pre_attn_scalar": 168,
            "sliding_window": 1024,
        },
        "vision_config": {
            "model_type": "siglip_vision_model",
            "hidden_size": 1152,
            "intermediate_size": 4304,
            "num_hidden_layers": 27,
            "num_attention_heads": 16,
            "image_size": 896,
            "patch_size": 14,
            "vision_use_head": False,
        },
    },
    "gemma3-vlm-untied-head": {
        "model_type": "gemma3",
        "text_config": {**_TEXT, "head_dim": 16, "sliding_window": 8},
        "vision_config": {"num_attention_heads": 4, "image_size": 64, **_TOWER},
        "tie_word_embeddings": False,
    },
    # Mistral 3: Pixtral, norm + patch merger + two-layer projector
    "devstral-small-2-24b": {
        # Devstral Small 2 24B Instruct's config.json (../shared/reference-configs, mistral3):
        # ministral3 text D 5120, 40 layers, 32 heads, 8 KV heads of 128, F 32768, V 131072;
        # Pixtral D 1024, 24 layers, F 4096, patch 14; merge 2, no projector bias, untied head.
        "model_type": "mistral3",
        "text_config": {
            "model_type": "ministral3",
            "hidden_size": 5120,
            "intermediate_size": 32768,
            "num_hidden_layers": 40,
            "num_attention_heads": 32,
            "num_key_value_heads": 8,
            "head_dim": 128,
            "vocab_size": 131072,
            "max_position_embeddings": 393216,
        },
        "vision_config": {
            "model_type": "pixtral",
            "hidden_size": 1024,
            "intermediate_size": 4096,
            "num_hidden_layers": 24,
            "num_attention_heads": 16,
            "head_dim": 64,
            "patch_size": 14,
            "image_size": 1540,
        },
        "spatial_merge_size": 2,
        "multimodal_projector_bias": False,
        "tie_word_embeddings": False,
    },
    "mistral3-bias-merge3-tied": {
        "model_type": "mistral3",
        "text_config": {"model_type": "mistral", **_TEXT},
        "vision_config": {"model_type": "pixtral", "num_attention_heads": 4, **_TOWER},
        "spatial_merge_size": 3,
        "multimodal_projector_bias": True,
    },
    # Qwen2.5-VL: RMSNorm tower with gated MLP, merger; text keys at the top level
    "qwen2.5-vl-7b": {
        # Qwen/Qwen2.5-VL-7B-Instruct's config.json (../shared/reference-configs): Qwen2 text
        # D 3584, 28 layers, 28 heads, 4 KV heads, F 18944, V 152064; tower D 1280, depth 32,
        # F 3420, patch 14 x 2 frames, merge 2, out 3584.
        "model_type": "qwen2_5_vl",
        "hidden_size": 3584,
        "intermediate_size": 18944,
        "num_hidden_layers": 28,
        "num_attention_heads": 28,
        "num_key_value_heads": 4,
        "vocab_size": 152064,
        "max_position_embeddings": 128000,
        "tie_word_embeddings": False,
        "vision_config": {
            "depth": 32,
            "hidden_size": 1280,
            "intermediate_size": 3420,
            "num_heads": 16,
            "patch_size": 14,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
            "out_hidden_size": 3584,
        },
    },
    "qwen2.5-vl-nested-tied": {
        "model_type": "qwen2_5_vl",
        "text_config": {**_TEXT, "tie_word_embeddings": True},
        "vision_config": {
            "depth": 2,
            "hidden_size": 32,
            "intermediate_size": 48,
            "num_heads": 4,
            "spatial_merge_size": 1,
            "out_hidden_size": 64,
        },
    },
    # Llama 4: its own tower, pixel-shuffle adapter, one projection; Llama 4 text
    "llama-4-scout": {
        # meta-llama/Llama-4-Scout-17B-16E-Instruct's config.json (ai-dynamo/aiconfigurator
        # model_configs @ 64c5ddb6): text D 5120, 48 layers, 40 heads, 8 KV heads of 128,
        # 16 experts of 8192 (top 1) + shared, every layer MoE, V 202048, chunk 8192; tower
        # D 1408, 34 layers, F 5632, 336 px in patches of 14, adapter 4096, output 4096.
        "model_type": "llama4",
        "text_config": {
            "hidden_size": 5120,
            "intermediate_size": 8192,
            "intermediate_size_mlp": 16384,
            "num_hidden_layers": 48,
            "num_attention_heads": 40,
            "num_key_value_heads": 8,
            "head_dim": 128,
            "num_local_experts": 16,
            "num_experts_per_tok": 1,
            "interleave_moe_layer_step": 1,
            "vocab_size": 202048,
            "attention_chunk_size": 8192,
            "max_position_embeddings": 10485760,
        },
        "vision_config": {
            "hidden_size": 1408,
            "intermediate_size": 5632,
            "num_hidden_layers": 34,
            "num_attention_heads": 16,
            "image_size": 336,
            "patch_size": 14,
            "projector_input_dim": 4096,
            "projector_output_dim": 4096,
            "vision_output_dim": 4096,
        },
    },
    "llama4-vlm-small": {
        "model_type": "llama4",
        "text_config": {
            **_TEXT,
            "head_dim": 16,
            "intermediate_size_mlp": 96,
            "num_local_experts": 4,
            "num_experts_per_tok": 2,
            "interleave_moe_layer_step": 2,
        },
        "vision_config": {
            "num_attention_heads": 4,
            "image_size": 56,
            "projector_input_dim": 40,
            "projector_output_dim": 24,
            "vision_output_dim": 24,
            **_TOWER,
        },
        "tie_word_embeddings": True,
    },
    # LFM2-VL: SigLIP 2, pixel-unshuffle projector, the LFM2 text model
    "lfm2-vl-450m": {
        # LiquidAI/LFM2-VL-450M's config.json (../shared/reference-configs; launch revision,
        # model_type then 'lfm2-vl'): LFM2-350M text (D 1024, 16 layers: 10 conv and 6 attention,
        # 16 heads, 8 KV heads, F 6656 auto-adjusted, V 65536); SigLIP 2 D 768, 12 layers,
        # F 3072, patch 16, 256 positions, no head; downsample 2, projector 2560 with biases.
        "model_type": "lfm2_vl",
        "text_config": {
            "model_type": "lfm2",
            "hidden_size": 1024,
            "intermediate_size": 6656,
            "num_hidden_layers": 16,
            "num_attention_heads": 16,
            "num_key_value_heads": 8,
            "layer_types": [_LFM2_KINDS[k] for k in "CCACCACCACACACAC"],
            "block_auto_adjust_ff_dim": True,
            "block_ffn_dim_multiplier": 1.0,
            "block_multiple_of": 256,
            "conv_L_cache": 3,
            "vocab_size": 65536,
            "max_position_embeddings": 128000,
        },
        "vision_config": {
            "model_type": "siglip2_vision_model",
            "hidden_size": 768,
            "intermediate_size": 3072,
            "num_hidden_layers": 12,
            "num_attention_heads": 12,
            "num_patches": 256,
            "patch_size": 16,
            "vision_use_head": False,
        },
        "downsample_factor": 2,
        "projector_hidden_size": 2560,
        "projector_bias": True,
    },
    "lfm2-vl-head-no-norm-untied": {
        "model_type": "lfm2_vl",
        "text_config": {"model_type": "lfm2", **_TEXT},
        "vision_config": {"num_attention_heads": 4, "num_patches": 16, **_TOWER},
        "downsample_factor": 3,
        "projector_hidden_size": 40,
        "projector_bias": False,
        "projector_use_layernorm": False,
        "tie_embedding": False,
    },
    # Llama 3.2 Vision: tiled tower with gated global layers; cross-attention text layers
    "llama-3.2-90b-vision": {
        # meta-llama/Llama-3.2-90B-Vision-Instruct's config.json (../shared/reference-configs):
        # text D 8192, 100 layers of which 20 cross-attention (3, 8, ... 98), 64 heads, 8 KV
        # heads, F 28672, V 128256; tower D 1280, 32 + 8 global layers, F 5120, 560 px in
        # patches of 14, 4 tiles, 8 layouts, output 7680.
        "model_type": "mllama",
        "text_config": {
            "hidden_size": 8192,
            "intermediate_size": 28672,
            "num_hidden_layers": 100,
            "num_attention_heads": 64,
            "num_key_value_heads": 8,
            "cross_attention_layers": list(range(3, 100, 5)),
            "vocab_size": 128256,
            "max_position_embeddings": 131072,
        },
        "vision_config": {
            "hidden_size": 1280,
            "intermediate_size": 5120,
            "num_hidden_layers": 32,
            "num_global_layers": 8,
            "attention_heads": 16,
            "image_size": 560,
            "patch_size": 14,
            "max_num_tiles": 4,
            "vision_output_dim": 7680,
        },
    },
    "mllama-defaults": {"model_type": "mllama"},
    "mllama-small-tiles": {
        "model_type": "mllama",
        "text_config": {**_TEXT, "cross_attention_layers": [1]},
        "vision_config": {
            "attention_heads": 4,
            "num_global_layers": 1,
            "image_size": 28,
            "max_num_tiles": 2,
            "supported_aspect_ratios": [[1, 1], [1, 2], [2, 1]],
            "vision_output_dim": 96,
            "intermediate_layers_indices": [0, 1],
            **_TOWER,
        },
    },
    # Kimi K2.5: MoonViT-style tower, patch-merging projector, DeepSeek-V3 text
    "kimi-k2.5": {
        # moonshotai/Kimi-K2.5's config.json (../shared/reference-configs): text_config
        # kimi_k2 (DeepSeek-V3 shape: D 7168, 61 layers, 64 heads, 384 experts of 2048 (top 8)
        # + 1 shared, first layer dense, V 163840, no MTP); the tower keys transformers reads
        # are absent there, so its defaults (D 1152, 27 layers, F 4304) apply.
        "model_type": "kimi_k25",
        "text_config": {
            "model_type": "kimi_k2",
            "hidden_size": 7168,
            "intermediate_size": 18432,
            "num_hidden_layers": 61,
            "num_attention_heads": 64,
            "num_key_value_heads": 64,
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
            "num_nextn_predict_layers": 0,
            "vocab_size": 163840,
            "max_position_embeddings": 262144,
        },
        "vision_config": {"patch_size": 14, "merge_kernel_size": [2, 2]},
        "tie_word_embeddings": False,
    },
    "kimi-k25-small": {
        "model_type": "kimi_k25",
        "text_config": {
            "num_attention_heads": 4,
            "kv_lora_rank": 32,
            "q_lora_rank": None,
            "qk_nope_head_dim": 16,
            "qk_rope_head_dim": 8,
            "v_head_dim": 16,
            "n_routed_experts": 4,
            "num_experts_per_tok": 2,
            "moe_intermediate_size": 24,
            "first_k_dense_replace": 1,
            **TINY,
        },
        "vision_config": {
            "num_attention_heads": 4,
            "pos_emb_height": 6,
            "pos_emb_width": 5,
            "merge_kernel_size": [3, 2],
            **_TOWER,
        },
        "projection_hidden_size": 32,
    },
}
VLM.update(QWEN_VLM)
VLM.update(GEMMA4_VLM)
