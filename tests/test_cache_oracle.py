"""The KV cache per layer kind against the cache transformers really holds (issue 9, item 4).

Each family with a non-trivial layer pattern gets a scaled-down config that keeps its pattern
and window; transformers reads T tokens on the CPU (a prompt, then one token per step) and the
bytes of every key/value tensor its ``DynamicCache`` keeps are added up per layer kind. That
must equal ``llmsize.memory.kv_cache_by_kind`` in fp32 at T = 1, below, at and beyond the
window or chunk. A sliding layer keeps ``W - 1`` tokens: the next token attends to itself and
those; transformers holds a chunked layer the same way (``C - 1`` tokens at most). A
linear-attention layer keeps the same convolution and recurrent state at every T.
"""

from __future__ import annotations

from typing import Any

import pytest

from llmsize.hfconfig import from_dict
from llmsize.memory import kv_cache_by_kind, kv_cache_bytes
from tests.cachecheck import by_kind

SMALL = {"hidden_size": 32, "intermediate_size": 48, "vocab_size": 128}
CONFIGS: dict[str, dict[str, Any]] = {
    # Gemma 2: default alternation (sliding first), window 6.
    "gemma2": {
        "model_type": "gemma2",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "sliding_window": 6,
        **SMALL,
    },
    # Gemma 3: five sliding layers to one full, window 5, per-head q/k norms.
    "gemma3_text": {
        "model_type": "gemma3_text",
        "num_hidden_layers": 7,
        "num_attention_heads": 2,
        "num_key_value_heads": 1,
        "head_dim": 8,
        "sliding_window": 5,
        **SMALL,
    },
    # OLMo 3: three sliding layers to one full (the default), window 6.
    "olmo3": {
        "model_type": "olmo3",
        "num_hidden_layers": 5,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "sliding_window": 6,
        **SMALL,
    },
    # EXAONE 4: an integer pattern (every third layer full), window 5.
    "exaone4": {
        "model_type": "exaone4",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "sliding_window": 5,
        "sliding_window_pattern": 3,
        **SMALL,
    },
    # SmolLM3 with use_sliding_window: its NoPE layers (every fourth) slide, window 7.
    "smollm3": {
        "model_type": "smollm3",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "use_sliding_window": True,
        "sliding_window": 7,
        **SMALL,
    },
    # Llama 4: chunked attention on the RoPE layers (three of four), chunk 6; MoE interleaved.
    "llama4_text": {
        "model_type": "llama4_text",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "intermediate_size_mlp": 40,
        "num_local_experts": 2,
        "interleave_moe_layer_step": 2,
        "attention_chunk_size": 6,
        **SMALL,
    },
    # Qwen3-Next: three Gated DeltaNet layers to one full (a fixed state each), MoE.
    "qwen3_next": {
        "model_type": "qwen3_next",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "linear_num_key_heads": 2,
        "linear_num_value_heads": 4,
        "linear_key_head_dim": 8,
        "linear_value_head_dim": 6,
        "linear_conv_kernel_dim": 3,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 16,
        "shared_expert_intermediate_size": 16,
        **SMALL,
    },
    # gpt-oss: its real 128-token window, sinks and biased MoE, default alternation.
    "gpt_oss": {
        "model_type": "gpt_oss",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "num_local_experts": 4,
        "num_experts_per_tok": 2,
        "sliding_window": 128,
        **SMALL,
    },
    # gpt-oss with an explicit layer_types list (two sliding layers, then one full).
    "gpt_oss-types": {
        "model_type": "gpt_oss",
        "num_hidden_layers": 3,
        "num_attention_heads": 2,
        "num_key_value_heads": 1,
        "head_dim": 8,
        "num_local_experts": 2,
        "num_experts_per_tok": 1,
        "sliding_window": 4,
        "layer_types": ["sliding_attention", "sliding_attention", "full_attention"],
        **SMALL,
    },
    # Nemotron-H: Mamba-2, attention, MLP-only and MoE-only blocks (its four letters).
    "nemotron_h": {
        "model_type": "nemotron_h",
        "hybrid_override_pattern": "M*M-E",
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "mamba_num_heads": 4,
        "mamba_head_dim": 8,
        "n_groups": 2,
        "ssm_state_size": 6,
        "conv_kernel": 3,
        "chunk_size": 4,
        "n_routed_experts": 2,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 16,
        "moe_shared_expert_intermediate_size": 16,
        **SMALL,
    },
    # Mamba2: Mamba-2 mixers only (2 groups, a chunk shorter than the longer prompts).
    "mamba2": {
        "model_type": "mamba2",
        "num_hidden_layers": 2,
        "num_heads": 8,
        "head_dim": 8,
        "n_groups": 2,
        "state_size": 6,
        "conv_kernel": 3,
        "chunk_size": 4,
        **SMALL,
    },
    # Falcon-H1: attention and Mamba-2 in every layer (tokens and a fixed state).
    "falcon_h1": {
        "model_type": "falcon_h1",
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 8,
        "mamba_d_ssm": 32,
        "mamba_n_heads": 4,
        "mamba_n_groups": 2,
        "mamba_d_state": 6,
        "mamba_d_conv": 3,
        "mamba_chunk_size": 4,
        **SMALL,
    },
    # Jamba: Mamba-1 layers, attention every second layer, MoE on the others.
    "jamba": {
        "model_type": "jamba",
        "num_hidden_layers": 4,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "attn_layer_period": 2,
        "attn_layer_offset": 1,
        "expert_layer_period": 2,
        "expert_layer_offset": 0,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "mamba_d_state": 6,
        "mamba_d_conv": 3,
        "mamba_dt_rank": 4,
        "use_mamba_kernels": False,
        **SMALL,
    },
    # LFM2: short convolutions around one attention layer.
    "lfm2": {
        "model_type": "lfm2",
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "layer_types": ["conv", "full_attention", "conv"],
        "conv_L_cache": 3,
        **SMALL,
    },
    # LFM2-MoE: the same pattern, a dense first layer, then experts; a longer convolution.
    "lfm2_moe": {
        "model_type": "lfm2_moe",
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "layer_types": ["conv", "full_attention", "conv"],
        "conv_L_cache": 4,
        "num_dense_layers": 1,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "moe_intermediate_size": 16,
        **SMALL,
    },
    # Granite 4.0-H: Mamba-2 and attention layers, experts and a shared MLP in each.
    "granitemoehybrid": {
        "model_type": "granitemoehybrid",
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "layer_types": ["mamba", "attention", "mamba"],
        "mamba_n_heads": 4,
        "mamba_n_groups": 2,
        "mamba_d_state": 6,
        "mamba_d_conv": 3,
        "mamba_chunk_size": 4,
        "num_local_experts": 2,
        "num_experts_per_tok": 1,
        "shared_intermediate_size": 16,
        **SMALL,
    },
}
# The key that sizes each state-keeping family's convolution (its cache holds that many inputs).
_KERNELS = ("linear_conv_kernel_dim", "conv_kernel", "mamba_d_conv", "conv_L_cache")


def _window(config: dict[str, Any]) -> int:
    """The window or chunk to measure around; for a model whose states are fixed, its kernel + 4."""
    window = config.get("sliding_window") or config.get("attention_chunk_size")
    if window:
        return int(window)
    return next(int(config[key]) for key in _KERNELS if key in config) + 4


def _lengths(window: int) -> list[tuple[int, int]]:
    """(prompt, steps) pairs: T = 1, below, at and past the window, by prefill and by steps."""
    w = window
    return [(1, 0), (w - 2, 0), (w - 1, 0), (w, 0), (w + 1, 0), (2 * w + 3, 0), (w - 3, 5)]


def test_formula_counts_every_layer_once() -> None:
    spec = from_dict(CONFIGS["gemma3_text"])
    split = kv_cache_by_kind(spec, 100, 2, "fp32")
    row = 2 * spec.kv_heads * spec.head_dim * 4 * 2  # key + value, fp32, batch 2
    assert split == {"sliding": 6 * row * 4, "full": row * 100}
    assert kv_cache_bytes(spec, 100, 2, "fp32") == sum(split.values())


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_measured_cache_equals_formula(name: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.cache import transformers_cache_bytes

    config = CONFIGS[name]
    spec = from_dict(config)
    kinds = [layer.mixer.kind for layer in spec.layer_plan]
    assert set(kinds) - {"full"}  # a layer pattern beyond full attention
    # Windowed kinds: T around the window; a model with fixed states: around its kernel.
    for prompt, steps in _lengths(_window(config)):
        measured = transformers_cache_bytes(config, prompt, steps, batch=2)
        assert len(measured) == spec.layers
        expected = kv_cache_by_kind(spec, prompt + steps, 2, "fp32")
        assert by_kind(spec, measured) == expected, (prompt, steps)


# The families whose layers keep a fixed state (convolution and, but for LFM2, recurrent).
STATEFUL = sorted(
    name for name, config in CONFIGS.items() if any(key in config for key in _KERNELS)
)


@pytest.mark.oracle
@pytest.mark.parametrize("name", STATEFUL)
def test_bf16_states_are_held_as_transformers_holds_them(name: str) -> None:
    """In a bf16 model, keys, values and convolution inputs are bf16; recurrent states fp32."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.cache import transformers_cache_bytes

    config = CONFIGS[name]
    spec = from_dict(config)
    window = _window(config)
    for prompt, steps in ((1, 0), (window + 1, 0), (window - 3, 5)):
        measured = transformers_cache_bytes(config, prompt, steps, 2, "bfloat16")
        expected = kv_cache_by_kind(spec, prompt + steps, 2, "bf16")
        assert by_kind(spec, measured) == expected, (prompt, steps)


@pytest.mark.oracle
def test_full_size_cache_on_the_meta_device() -> None:
    """Nemotron-3-Nano at its real size, 131,072 tokens in bf16: shapes from a meta forward."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.cache import meta_cache_bytes
    from llmsize_oracle.cases_ssm import SSM

    config = SSM["nemotron-3-nano-30b-a3b"]
    spec = from_dict(config)
    measured = meta_cache_bytes(config, 131_072)
    assert by_kind(spec, measured) == kv_cache_by_kind(spec, 131_072, 1, "bf16")
