"""Sliding windows of the older families, against the cache transformers really holds.

Mistral, Mixtral and Phi-3 slide every layer whenever the config gives a ``sliding_window``
(Mistral's default is 4,096: Mistral-7B-v0.1 slides; Mixtral-8x7B's config says null); Qwen
slides only with ``use_sliding_window``. Scaled-down configs keep each rule; transformers reads
T tokens on the CPU and the bytes each layer's cache holds, added up per layer kind, must equal
``llmsize.memory.kv_cache_by_kind`` at T = 1, below, at and past the window.
"""

from __future__ import annotations

from typing import Any

import pytest

from llmsize.hfconfig import from_dict
from llmsize.memory import kv_cache_by_kind
from llmsize.presets import load
from tests.cachecheck import by_kind

SMALL = {
    "hidden_size": 32,
    "intermediate_size": 48,
    "vocab_size": 128,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
}
WINDOW = 6
CONFIGS: dict[str, dict[str, Any]] = {
    "mistral-default-window": {"model_type": "mistral", "num_hidden_layers": 2, **SMALL},
    "mistral": {"model_type": "mistral", "num_hidden_layers": 2, "sliding_window": WINDOW},
    "mistral-null": {"model_type": "mistral", "num_hidden_layers": 2, "sliding_window": None},
    "mixtral": {
        "model_type": "mixtral",
        "num_hidden_layers": 2,
        "num_local_experts": 2,
        "sliding_window": WINDOW,
    },
    "phi3": {"model_type": "phi3", "num_hidden_layers": 2, "sliding_window": WINDOW},
    "qwen2": {
        "model_type": "qwen2",
        "num_hidden_layers": 4,
        "use_sliding_window": True,
        "sliding_window": WINDOW,
        "max_window_layers": 2,
    },
    "qwen2_moe": {
        "model_type": "qwen2_moe",
        "num_hidden_layers": 4,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "use_sliding_window": True,
        "sliding_window": WINDOW,
        "max_window_layers": 3,
    },
    "qwen3": {
        "model_type": "qwen3",
        "num_hidden_layers": 3,
        "head_dim": 8,
        "use_sliding_window": True,
        "sliding_window": WINDOW,
        "max_window_layers": 1,
    },
    "qwen3_moe": {
        "model_type": "qwen3_moe",
        "num_hidden_layers": 2,
        "head_dim": 8,
        "num_experts": 2,
        "num_experts_per_tok": 1,
        "use_sliding_window": True,
        "sliding_window": WINDOW,
    },
    "qwen3-off": {"model_type": "qwen3", "num_hidden_layers": 2, "sliding_window": WINDOW},
}
for _config in CONFIGS.values():
    for _key, _value in SMALL.items():
        _config.setdefault(_key, _value)


@pytest.mark.parametrize(
    ("preset", "window"), [("mistral-7b", 4096), ("phi-3-mini", 2047), ("mixtral-8x7b", 0)]
)
def test_presets_slide_as_their_configs_say(preset: str, window: int) -> None:
    spec = load(preset)
    windows = {layer.mixer.window for layer in spec.layer_plan}
    assert windows == {window}


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_measured_cache_equals_formula(name: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.cache import transformers_cache_bytes

    config = CONFIGS[name]
    spec = from_dict(config)
    window = min(WINDOW, 4096)
    for prompt, steps in [(1, 0), (window - 1, 0), (window, 0), (window + 3, 0), (2, 9)]:
        measured = transformers_cache_bytes(config, prompt, steps, batch=2)
        expected = kv_cache_by_kind(spec, prompt + steps, 2, "fp32")
        assert by_kind(spec, measured) == expected, (prompt, steps)
