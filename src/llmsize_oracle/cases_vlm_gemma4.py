"""Oracle cases of Gemma 4 with vision and audio (``gemma4``).

A real-size case for the MoE release (its ``config.json`` stated key by key), one for a small
release with an audio encoder, and small cases for each optional part: no tower at all, either
encoder alone, and towers whose attention is narrower than their width. `llmsize_oracle.cases_vlm`
merges them into ``VLM``; the tests compare the total, the vision split, the audio split and,
for the MoE text models, the active count.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY
from llmsize_oracle.cases_text2 import TEXT2

# A small Gemma 4 text model (one sliding layer, two full) shared by the small cases.
_TEXT = {
    "model_type": "gemma4_text",
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "head_dim": 8,
    "global_head_dim": 16,
    "layer_types": ["sliding_attention", "full_attention", "full_attention"],
    "sliding_window": 8,
    "hidden_size_per_layer_input": 0,
    **TINY,
}
_SLIDING_5_FULL_1 = (["sliding_attention"] * 5 + ["full_attention"]) * 5

GEMMA4_VLM: dict[str, dict[str, Any]] = {
    "gemma-4-26b-a4b": {
        # google/gemma-4-26B-A4B's config.json (../shared/reference-configs): the
        # gemma-4-26b-a4b-text case's text model (cases_text2); vision tower D 1152, 27 layers,
        # F 4304, 16 heads of 72 (16 KV heads), patches of 16, 10240 positions per axis; no
        # audio encoder (audio_config null); tied head.
        "model_type": "gemma4",
        "text_config": {
            **TEXT2["gemma-4-26b-a4b-text"],
            "layer_types": _SLIDING_5_FULL_1,
            "vocab_size_per_layer_input": 262144,
        },
        "vision_config": {
            "model_type": "gemma4_vision",
            "hidden_size": 1152,
            "intermediate_size": 4304,
            "num_hidden_layers": 27,
            "num_attention_heads": 16,
            "num_key_value_heads": 16,
            "head_dim": 72,
            "patch_size": 16,
            "pooling_kernel_size": 3,
            "position_embedding_size": 10240,
            "standardize": True,
        },
        "audio_config": None,
        "tie_word_embeddings": True,
    },
    "gemma-4-e2b": {
        # Gemma 4 E2B as public code states it: the text model of the gemma-4-e2b-text case
        # (cases_text2); the vision tower a public conversion test gives the models narrower
        # than 2816 (D 768, 12 heads of 64, 12 KV heads; the rest Gemma4VisionConfig's
        # defaults: 16 layers, F 3072); the released audio_config that ollama/ollama's Gemma 4
        # test quotes (D 1024, 12 layers, 8 heads, channels [128, 32], kernel 5, output 1536).
        "model_type": "gemma4",
        "text_config": TEXT2["gemma-4-e2b-text"],
        "vision_config": {
            "model_type": "gemma4_vision",
            "hidden_size": 768,
            "num_attention_heads": 12,
            "num_key_value_heads": 12,
            "head_dim": 64,
            "use_clipped_linears": True,
        },
        "audio_config": {
            "model_type": "gemma4_audio",
            "hidden_size": 1024,
            "num_hidden_layers": 12,
            "num_attention_heads": 8,
            "subsampling_conv_channels": [128, 32],
            "conv_kernel_size": 5,
            "output_proj_dims": 1536,
            "use_clipped_linears": True,
        },
        "tie_word_embeddings": True,
    },
    # Gemma4TextConfig's defaults; no vision or audio sub-config: neither encoder is built.
    "gemma4-vlm-defaults": {"model_type": "gemma4"},
    "gemma4-vlm-small-moe-untied": {
        "model_type": "gemma4",
        "text_config": {
            **_TEXT,
            "enable_moe_block": True,
            "num_experts": 4,
            "top_k_experts": 2,
            "moe_intermediate_size": 24,
        },
        "vision_config": {
            "hidden_size": 32,
            "intermediate_size": 48,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "num_key_value_heads": 2,
            "head_dim": 12,
            "patch_size": 4,
            "position_embedding_size": 20,
        },
        "audio_config": {
            "hidden_size": 24,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "subsampling_conv_channels": [12, 6],
            "conv_kernel_size": 3,
            "output_proj_dims": 40,
        },
        "tie_word_embeddings": False,
    },
    # The audio encoder alone, at Gemma4AudioConfig's defaults.
    "gemma4-vlm-audio-defaults": {
        "model_type": "gemma4",
        "text_config": _TEXT,
        "vision_config": None,
        "audio_config": {},
    },
    # The vision tower alone, at Gemma4VisionConfig's defaults; the text config's own
    # tie_word_embeddings does not untie the wrapper's head.
    "gemma4-vlm-vision-defaults": {
        "model_type": "gemma4",
        "text_config": {**_TEXT, "tie_word_embeddings": False},
        "vision_config": {"model_type": "gemma4_vision"},
    },
}
