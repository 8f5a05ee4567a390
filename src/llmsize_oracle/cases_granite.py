"""Oracle cases of the Granite types (dense, MoE, shared MoE, and 4.0-H's Mamba-2 hybrid).

`llmsize_oracle.cases_ssm.SSM` merges them; each real-size case states its source.
"""

from __future__ import annotations

from typing import Any

from llmsize_oracle.cases import TINY

_H_SMALL_TYPES = ["mamba"] * 5 + ["attention"] + ["mamba"] * 4
GRANITE: dict[str, dict[str, Any]] = {
    # Granite: Llama-shaped, multipliers change no weight
    "granite-3.3-8b": {
        # ibm-granite/granite-3.3-8b-instruct's config.json as a public model survey prints
        # it (stored copy): 40 layers, D 4096, 32 heads, 8 KV heads, F 12800, V 49159, tied.
        "model_type": "granite",
        "hidden_size": 4096,
        "intermediate_size": 12800,
        "num_hidden_layers": 40,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "vocab_size": 49159,
        "max_position_embeddings": 131072,
        "attention_bias": False,
        "mlp_bias": False,
        "tie_word_embeddings": True,
        "embedding_multiplier": 12.0,
        "residual_multiplier": 0.22,
    },
    "granite-biases-untied": {
        "model_type": "granite",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "attention_bias": True,
        "mlp_bias": True,
        **TINY,
    },
    "granite-3.1-3b-a800m": {
        # ibm-granite/granite-3.1-3b-a800m-instruct's config.json, the fields a public planner
        # test keeps (stored copy): 32 layers, D 1536, 24 heads, 8 KV heads, 40 experts of
        # 512 (top 8) in every layer, V 49155, tied.
        "model_type": "granitemoe",
        "hidden_size": 1536,
        "intermediate_size": 512,
        "num_hidden_layers": 32,
        "num_attention_heads": 24,
        "num_key_value_heads": 8,
        "num_local_experts": 40,
        "num_experts_per_tok": 8,
        "vocab_size": 49155,
        "max_position_embeddings": 131072,
        "tie_word_embeddings": True,
    },
    "granitemoe-bias-untied": {
        "model_type": "granitemoe",
        "num_attention_heads": 4,
        "num_key_value_heads": 4,
        "num_local_experts": 4,
        "num_experts_per_tok": 2,
        "attention_bias": True,
        "tie_word_embeddings": False,
        **TINY,
    },
    "granitemoeshared-small": {
        "model_type": "granitemoeshared",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "num_local_experts": 4,
        "num_experts_per_tok": 2,
        "shared_intermediate_size": 48,
        **TINY,
    },
    "granitemoeshared-no-shared": {
        "model_type": "granitemoeshared",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "num_local_experts": 4,
        "num_experts_per_tok": 1,
        **TINY,
    },
    # Granite 4.0-H: Mamba-2 and attention layers, each with a shared MLP (+ experts)
    "granite-4.0-h-small": {
        # ibm-granite/granite-4.0-h-small's config.json, the fields a public design note
        # quotes as fetched live (stored copy): 40 layers (36 Mamba, 4 attention), D 4096,
        # 32 heads, 8 KV heads, 72 experts of 768 (top 10) + a shared MLP of 1536, Mamba
        # state 128, conv 4, expand 2, V 100352, tied. mamba_n_heads and mamba_n_groups are
        # not in that excerpt: transformers' defaults (128 heads of 64, 1 group); where the
        # 4 attention layers sit changes no count.
        "model_type": "granitemoehybrid",
        "hidden_size": 4096,
        "intermediate_size": 768,
        "shared_intermediate_size": 1536,
        "num_hidden_layers": 40,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "num_local_experts": 72,
        "num_experts_per_tok": 10,
        "mamba_d_state": 128,
        "mamba_d_conv": 4,
        "mamba_expand": 2,
        "layer_types": _H_SMALL_TYPES * 4,
        "vocab_size": 100352,
        "max_position_embeddings": 131072,
        "tie_word_embeddings": True,
    },
    "granitemoehybrid-dense-biases": {
        "model_type": "granitemoehybrid",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "num_local_experts": 0,
        "shared_intermediate_size": 96,
        "layer_types": ["linear_attention", "full_attention", "mamba"],
        "mamba_n_heads": 8,
        "mamba_n_groups": 2,
        "mamba_d_state": 16,
        "mamba_proj_bias": True,
        "mamba_conv_bias": False,
        "attention_bias": True,
        **TINY,
    },
}
