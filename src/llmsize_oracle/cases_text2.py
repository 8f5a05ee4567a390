"""Oracle cases of the recent text families, second part (MiniMax-M2 to Gemma 4).

MiniMax-M2, ERNIE 4.5 MoE, Hunyuan MoE, dots.llm1, Cohere 2 and Gemma 4 (text), each with a
real-size case that states the released config's hyperparameters and its source, and small
cases for the switches that change the count. `llmsize_oracle.cases_text.TEXT` merges them.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY

TEXT2: dict[str, dict[str, Any]] = {
    # MiniMax-M2: q/k norms over the whole projections, MoE in every layer
    "minimax-m2": {
        # MiniMaxAI/MiniMax-M2's config.json as public test fixtures copy it (a Go MLX port's
        # miniMaxM2FixtureConfig, a vLLM-based test): 62 layers, D 3072, 48 heads, 8 KV heads
        # of 128, 256 experts of 1536 (top 8), V 200064, untied head.
        "model_type": "minimax_m2",
        "hidden_size": 3072,
        "intermediate_size": 1536,
        "num_hidden_layers": 62,
        "num_attention_heads": 48,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "vocab_size": 200064,
        "num_local_experts": 256,
        "num_experts_per_tok": 8,
        "max_position_embeddings": 196608,
        "tie_word_embeddings": False,
    },
    "minimax-m2-tied-mha": {
        "model_type": "minimax_m2",
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "head_dim": 16,
        "num_local_experts": 4,
        "num_experts_per_tok": 2,
        "tie_word_embeddings": True,
        **TINY,
    },
    # ERNIE 4.5 MoE: experts between two layer indices, shared experts, a frozen router bias
    "ernie-4.5-21b-a3b": {
        # baidu/ERNIE-4.5-21B-A3B-PT's config.json as public test fixtures copy it: 28 layers,
        # D 2560, 20 heads, 4 KV heads (head 128 = D/N), dense F 12288, 64 experts of 1536
        # (top 6) + 2 shared, MoE on layers 1..27, V 103424, tied head, no biases.
        "model_type": "ernie4_5_moe",
        "hidden_size": 2560,
        "intermediate_size": 12288,
        "num_hidden_layers": 28,
        "num_attention_heads": 20,
        "num_key_value_heads": 4,
        "vocab_size": 103424,
        "moe_num_experts": 64,
        "moe_k": 6,
        "moe_intermediate_size": 1536,
        "moe_num_shared_experts": 2,
        "moe_layer_start_index": 1,
        "moe_layer_end_index": 27,
        "moe_layer_interval": 1,
        "use_bias": False,
        "max_position_embeddings": 131072,
        "tie_word_embeddings": True,
    },
    "ernie-4.5-moe-bias-range-interval": {
        "model_type": "ernie4_5_moe",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "num_hidden_layers": 7,
        "moe_num_experts": 4,
        "moe_k": 2,
        "moe_intermediate_size": 24,
        "moe_num_shared_experts": 0,
        "moe_layer_start_index": 0,
        "moe_layer_end_index": 5,
        "moe_layer_interval": 2,
        "use_bias": True,
        "tie_word_embeddings": False,
        **{k: v for k, v in TINY.items() if k != "num_hidden_layers"},
    },
    # Hunyuan MoE: routed experts and a shared MLP of the same width in every layer
    "hunyuan-a13b": {
        # tencent/Hunyuan-A13B-Instruct's config.json as a public test fixture copies it: 32
        # layers, D 4096, 32 heads, 8 KV heads of 128, F 3072 (experts and shared MLP), 64
        # experts, top 8 (written [8] * 32 there), V 128167; tie_word_embeddings is not in
        # that copy (transformers' default, untied).
        "model_type": "hunyuan_v1_moe",
        "hidden_size": 4096,
        "intermediate_size": 3072,
        "num_hidden_layers": 32,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "vocab_size": 128167,
        "num_experts": 64,
        "moe_topk": 8,
    },
    "hunyuan-bias-tied-mha": {
        "model_type": "hunyuan_v1_moe",
        "num_attention_heads": 4,
        "head_dim": 16,
        "num_experts": 3,
        "moe_topk": 2,
        "attention_bias": True,
        "tie_word_embeddings": True,
        **TINY,
    },
    # dots.llm1: routed + shared experts, per-head q/k norms, optional sliding layers
    "dots.llm1": {
        # rednote-hilab/dots.llm1.inst's config.json as a trimmed public copy gives it (MLX
        # conversion): 62 layers, D 4096, 32 heads, 32 KV heads (head 128 = D/N), dense F
        # 10944, 128 experts of 1408 (top 6) + 2 shared, first layer dense, V 152064.
        "model_type": "dots1",
        "hidden_size": 4096,
        "intermediate_size": 10944,
        "num_hidden_layers": 62,
        "num_attention_heads": 32,
        "num_key_value_heads": 32,
        "vocab_size": 152064,
        "n_routed_experts": 128,
        "n_shared_experts": 2,
        "num_experts_per_tok": 6,
        "moe_intermediate_size": 1408,
        "first_k_dense_replace": 1,
        "max_position_embeddings": 32768,
        "tie_word_embeddings": False,
    },
    "dots1-sliding-bias-no-shared": {
        "model_type": "dots1",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "n_routed_experts": 4,
        "n_shared_experts": 0,
        "num_experts_per_tok": 2,
        "moe_intermediate_size": 24,
        "max_window_layers": 1,
        "sliding_window": 16,
        "attention_bias": True,
        **TINY,
    },
    # Cohere 2: one bias-free LayerNorm per layer, attention and MLP side by side
    "command-a": {
        # CohereLabs/c4ai-command-a-03-2025's config.json: 64 layers, 96 heads, 8 KV heads of
        # 128, window 4096 with every fourth layer full (as a public fixture lists them, with
        # its source URL), D 12288 = 96 x 128, F 36864, V 256000, tied head.
        "model_type": "cohere2",
        "hidden_size": 12288,
        "intermediate_size": 36864,
        "num_hidden_layers": 64,
        "num_attention_heads": 96,
        "num_key_value_heads": 8,
        "vocab_size": 256000,
        "sliding_window": 4096,
        "sliding_window_pattern": 4,
        "max_position_embeddings": 131072,
        "tie_word_embeddings": True,
    },
    "cohere2-types-bias-untied": {
        "model_type": "cohere2",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "layer_types": ["sliding_attention", "full_attention", "sliding_attention"],
        "sliding_window": 8,
        "attention_bias": True,
        "tie_word_embeddings": False,
        **TINY,
    },
    # Gemma 4 (text): per-layer attention shapes, KV sharing, per-layer inputs, MoE beside MLP
    "gemma-4-26b-a4b-text": {
        # google/gemma-4-26B-A4B's text_config: 30 layers (five sliding to one full), D 2816,
        # 16 heads; sliding layers 8 KV heads of 256, full layers 2 KV heads of 512 with
        # values from the keys; dense F 2112 beside 128 experts of 704 (top 8); no per-layer
        # inputs, no KV sharing; window 1024, V 262144, tied head.
        "model_type": "gemma4_text",
        "hidden_size": 2816,
        "intermediate_size": 2112,
        "num_hidden_layers": 30,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 256,
        "global_head_dim": 512,
        "num_global_key_value_heads": 2,
        "attention_k_eq_v": True,
        "enable_moe_block": True,
        "num_experts": 128,
        "top_k_experts": 8,
        "moe_intermediate_size": 704,
        "hidden_size_per_layer_input": 0,
        "num_kv_shared_layers": 0,
        "sliding_window": 1024,
        "vocab_size": 262144,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": True,
    },
    "gemma-4-e2b-text": {
        # google/gemma-4-E2B's text_config as a public test copies it ("mirroring the Gemma 4
        # E2B real checkpoint"): 35 layers (four sliding to one full), D 1536, 8 heads, 1 KV
        # head of 256 (512 on full layers), F 6144, the last 20 layers sharing KV with a
        # double-wide MLP, per-layer inputs of 256 from 262144 rows, window 512, V 262144.
        "model_type": "gemma4_text",
        "hidden_size": 1536,
        "intermediate_size": 6144,
        "num_hidden_layers": 35,
        "num_attention_heads": 8,
        "num_key_value_heads": 1,
        "head_dim": 256,
        "global_head_dim": 512,
        "num_kv_shared_layers": 20,
        "use_double_wide_mlp": True,
        "hidden_size_per_layer_input": 256,
        "vocab_size_per_layer_input": 262144,
        "layer_types": (["sliding_attention"] * 4 + ["full_attention"]) * 7,
        "sliding_window": 512,
        "vocab_size": 262144,
        "max_position_embeddings": 131072,
    },
    "gemma4-text-k-eq-v-bias-untied": {
        "model_type": "gemma4_text",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "global_head_dim": 16,
        "num_global_key_value_heads": 1,
        "attention_k_eq_v": True,
        "attention_bias": True,
        "layer_types": ["sliding_attention", "full_attention", "sliding_attention"],
        "sliding_window": 8,
        "hidden_size_per_layer_input": 0,
        "tie_word_embeddings": False,
        **TINY,
    },
    "gemma4-text-ple-shared-moe": {
        "model_type": "gemma4_text",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "global_head_dim": 16,
        "num_hidden_layers": 6,
        "layer_types": ["sliding_attention", "full_attention"] * 3,
        "num_kv_shared_layers": 3,
        "use_double_wide_mlp": True,
        "hidden_size_per_layer_input": 8,
        "vocab_size_per_layer_input": 300,
        "enable_moe_block": True,
        "num_experts": 4,
        "top_k_experts": 2,
        "moe_intermediate_size": 24,
        "sliding_window": 8,
        **{k: v for k, v in TINY.items() if k != "num_hidden_layers"},
    },
}
