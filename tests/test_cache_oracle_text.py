"""The cache of the 2025–2026 text families against the cache transformers really holds.

As in ``tests/test_cache_oracle.py``: a scaled-down config that keeps the family's layer pattern,
window and state sizes reads T tokens on the CPU (a prompt, then one token per step), and the
bytes every layer of transformers' cache keeps, added up per layer kind, must equal
``llmsize.memory.kv_cache_by_kind`` in fp32 at T = 1, below, at and beyond the window (for a
linear-attention model: around its convolution kernel, the state being the same at every T).
"""

from __future__ import annotations

from typing import Any

import pytest

from llmsize.hfconfig import from_dict
from llmsize.memory import kv_cache_by_kind
from tests.cachecheck import by_kind

SMALL = {"hidden_size": 32, "intermediate_size": 48, "vocab_size": 128}
_DELTANET = {
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "head_dim": 8,
    "linear_num_key_heads": 2,
    "linear_num_value_heads": 4,
    "linear_key_head_dim": 8,
    "linear_value_head_dim": 6,
    "linear_conv_kernel_dim": 3,
}
CONFIGS: dict[str, dict[str, Any]] = {
    # Qwen3.5 (dense): three Gated DeltaNet layers to one full (a fixed state each).
    "qwen3_5_text": {"model_type": "qwen3_5_text", "num_hidden_layers": 4, **_DELTANET, **SMALL},
    # Qwen3.5 MoE: the same pattern with an MoE block in every layer.
    "qwen3_5_moe_text": {
        "model_type": "qwen3_5_moe_text",
        "num_hidden_layers": 4,
        **_DELTANET,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 16,
        "shared_expert_intermediate_size": 16,
        **SMALL,
    },
    # dots.llm1: layers from max_window_layers on slide (window 6); MoE with shared experts.
    "dots1": {
        "model_type": "dots1",
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "n_routed_experts": 2,
        "n_shared_experts": 1,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 16,
        "max_window_layers": 1,
        "sliding_window": 6,
        **SMALL,
    },
    # Cohere 2: three sliding layers to one full (the default pattern), window 5.
    "cohere2": {
        "model_type": "cohere2",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "sliding_window": 5,
        **SMALL,
    },
}


def _lengths(window: int) -> list[tuple[int, int]]:
    """(prompt, steps) pairs: T = 1, below, at and past the window, by prefill and by steps."""
    w = window
    return [(1, 0), (w - 2, 0), (w - 1, 0), (w, 0), (w + 1, 0), (2 * w + 3, 0), (w - 3, 5)]


def _window(config: dict[str, Any]) -> int:
    """The length the cache changes behaviour at: the window, else a little past the kernel."""
    return int(config.get("sliding_window") or config["linear_conv_kernel_dim"] + 4)


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_measured_cache_equals_formula(name: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.cache import transformers_cache_bytes

    config = CONFIGS[name]
    spec = from_dict(config)
    kinds = [layer.mixer.kind for layer in spec.layer_plan]
    assert "full" in kinds and len(set(kinds)) == 2
    for prompt, steps in _lengths(_window(config)):
        measured = transformers_cache_bytes(config, prompt, steps, batch=2)
        assert len(measured) == spec.layers
        expected = kv_cache_by_kind(spec, prompt + steps, 2, "fp32")
        assert by_kind(spec, measured) == expected, (prompt, steps)


# Gemma 4: full layers with their own head size and KV heads (values from the keys), the last
# two layers reusing earlier layers' keys and values, per-layer inputs, window 6.
GEMMA4 = {
    "model_type": "gemma4_text",
    "num_hidden_layers": 6,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "head_dim": 8,
    "global_head_dim": 16,
    "num_global_key_value_heads": 2,
    "attention_k_eq_v": True,
    "layer_types": ["sliding_attention", "full_attention"] * 3,
    "num_kv_shared_layers": 2,
    "hidden_size_per_layer_input": 4,
    "vocab_size_per_layer_input": 128,
    "sliding_window": 6,
    **SMALL,
}


@pytest.mark.oracle
def test_gemma4_cache_per_layer_shape() -> None:
    """Each layer holds 2 x its own K/V width per token (0 when it shares), as kv_cache_by_kind."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize.perlayer import kv_widths
    from llmsize_oracle.cache import transformers_cache_bytes

    spec = from_dict(GEMMA4)
    widths = kv_widths(spec)
    assert widths == (16, 32, 16, 32, 0, 0)
    for prompt, steps in _lengths(6):
        measured = transformers_cache_bytes(GEMMA4, prompt, steps, batch=2)
        tokens = [layer.mixer.cached_tokens(prompt + steps) for layer in spec.layer_plan]
        expected = [2 * w * t * 4 * 2 for w, t in zip(widths, tokens, strict=True)]
        assert measured == expected, (prompt, steps)
        expected = kv_cache_by_kind(spec, prompt + steps, 2, "fp32")
        assert by_kind(spec, measured) == expected, (prompt, steps)


# DeepSeek-V3.2 / GLM-5: MLA keeps its latent and rotary key; each layer that runs DSA's
# indexer also keeps one indexer key per token (GLM-5's layer 1 shares layer 0's top-k).
DSA = {
    "model_type": "glm_moe_dsa",
    "num_hidden_layers": 3,
    "num_attention_heads": 4,
    "num_key_value_heads": 4,
    "q_lora_rank": 16,
    "kv_lora_rank": 12,
    "qk_nope_head_dim": 8,
    "qk_rope_head_dim": 4,
    "v_head_dim": 8,
    "index_n_heads": 2,
    "index_head_dim": 6,
    "indexer_types": ["full", "shared", "full"],
    "n_routed_experts": 2,
    "num_experts_per_tok": 1,
    "moe_intermediate_size": 16,
    "first_k_dense_replace": 1,
    **SMALL,
}


@pytest.mark.oracle
def test_dsa_cache_holds_the_latent_and_the_indexer_keys() -> None:
    """Latent + rotary key per token, plus each indexer's key: together kv_cache_by_kind."""
    pytest.importorskip("torch")
    import torch
    import transformers

    from llmsize.dsa import indexer_key_widths

    spec = from_dict(DSA)
    assert indexer_key_widths(spec) == (6, 0, 6)
    cfg = transformers.AutoConfig.for_model(**{**DSA, "pad_token_id": None})
    model = transformers.AutoModelForCausalLM.from_config(cfg, dtype=torch.float32).eval()
    for tokens in (1, 5, 9):
        with torch.no_grad():
            cache = model(input_ids=torch.zeros((2, tokens), dtype=torch.long)).past_key_values
        pairs = [(layer.keys, layer.values) for layer in cache.layers]
        latent = sum(int(k.numel() + v.numel()) * 4 for k, v in pairs)
        keys = [getattr(layer, "indexer_keys", None) for layer in cache.layers]
        held = [0 if k is None else int(k.numel()) * 4 for k in keys]
        assert held == [w * tokens * 2 * 4 for w in indexer_key_widths(spec)]
        assert latent + sum(held) == kv_cache_by_kind(spec, tokens, 2, "fp32")["full"]
