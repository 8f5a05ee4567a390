"""The family readers: registry, per-layer attention, and errors that name the config's own key."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from llmsize import counts
from llmsize.errors import LLMSizeError
from llmsize.families import READERS
from llmsize.hfconfig import from_dict
from llmsize.layers import Mixer
from llmsize_oracle import all_cases

CASES = all_cases()


def _error(config: dict[str, Any]) -> str:
    with pytest.raises(LLMSizeError) as info:
        from_dict(config, where="config.json")
    text = str(info.value)
    assert text.startswith("config.json: ") and "\n" not in text
    assert "spec." not in text and "moe." not in text  # never an internal field
    return text


def _first_case(model_type: str) -> dict[str, Any]:
    return next(c for c in CASES.values() if c["model_type"] == model_type)


# Families whose query heads are ``num_attention_heads`` and key/value heads a separate key.
MLA_TYPES = (
    "deepseek_v2",
    "deepseek_v3",
    "deepseek_v32",
    "glm_moe_dsa",
    "glm4_moe_lite",
    "kimi_k2",
)
# Vision-language wrappers nest these keys in text_config: tests/test_families_vlm.py.
GQA_TYPES = sorted(
    t
    for t in READERS
    if t not in ("gpt2", "bert", "mamba2", *MLA_TYPES) and "text_config" not in _first_case(t)
)


@pytest.mark.parametrize("model_type", GQA_TYPES)
def test_kv_heads_errors_name_the_keys(model_type: str) -> None:
    config = _first_case(model_type)
    heads = config["num_attention_heads"]
    more = _error({**config, "num_key_value_heads": heads * 2})
    assert f"key 'num_key_value_heads' ({heads * 2}) must not exceed" in more
    assert f"'num_attention_heads' ({heads})" in more
    kv = next(d for d in range(2, heads) if heads % d)
    odd = _error({**config, "num_key_value_heads": kv})
    assert f"key 'num_key_value_heads' ({kv}) must divide 'num_attention_heads'" in odd


def test_absent_kv_heads_default_is_marked() -> None:
    config = {k: v for k, v in _first_case("mistral").items() if k != "num_key_value_heads"}
    text = _error({**config, "num_attention_heads": 4})
    assert "key 'num_key_value_heads' (8, its default) must not exceed" in text


@pytest.mark.parametrize(
    ("model_type", "experts_key"),
    [
        ("mixtral", "num_local_experts"),
        ("qwen2_moe", "num_experts"),
        ("qwen3_moe", "num_experts"),
        ("deepseek_v2", "n_routed_experts"),
        ("deepseek_v3", "n_routed_experts"),
        ("gpt_oss", "num_local_experts"),
        ("glm4_moe", "n_routed_experts"),
        ("llama4_text", "num_local_experts"),
        ("qwen3_next", "num_experts"),
    ],
)
def test_top_k_error_names_the_keys(model_type: str, experts_key: str) -> None:
    config = _first_case(model_type)
    experts = config[experts_key]
    text = _error({**config, "num_experts_per_tok": experts + 1})
    assert f"key 'num_experts_per_tok' ({experts + 1}) must not exceed" in text
    assert f"{experts_key!r} ({experts})" in text


@pytest.mark.parametrize(
    "model_type", ["gemma2", "gemma3_text", "gpt_oss", "olmo3", "exaone4", "smollm3"]
)
def test_layer_types_errors_name_the_key(model_type: str) -> None:
    config = next(
        c for c in CASES.values() if c["model_type"] == model_type and c.get("sliding_window")
    )
    short = _error({**config, "layer_types": ["full_attention"]})
    assert "key 'layer_types' must be a list of one type per layer" in short
    layers = config["num_hidden_layers"]
    odd = _error({**config, "layer_types": ["linear_attention"] * layers})
    assert "key 'layer_types' item must be one of" in odd
    window = _error({**config, "sliding_window": 0})
    assert "key 'sliding_window' must be positive, got 0" in window


def test_layer_patterns_follow_transformers_defaults() -> None:
    def kinds(config: dict[str, Any]) -> str:
        spec = from_dict(config)
        return "".join("S" if layer.mixer.kind == "sliding" else "F" for layer in spec.layer_plan)

    gemma2 = {**_first_case("gemma2"), "num_hidden_layers": 5}
    gemma2.pop("layer_types", None)
    assert kinds(gemma2) == "SFSFS"
    gemma3 = {**CASES["gemma3-27b-text"], "num_hidden_layers": 13}
    assert kinds(gemma3) == "SSSSSFSSSSSFS"
    gpt_oss = {**CASES["gpt-oss-small"], "num_hidden_layers": 4}
    assert kinds(gpt_oss) == "SFSF"
    olmo3 = {**CASES["olmo3-32b"], "num_hidden_layers": 9}
    assert kinds(olmo3) == "SSSFSSSFS"
    assert from_dict(CASES["gemma3-27b-text"]).layer_plan[0].mixer == Mixer("sliding", 1024)


def test_sliding_layers_share_the_weights_of_full_ones() -> None:
    spec = from_dict(CASES["gpt-oss-small"])
    tree = counts(spec).breakdown
    assert [c.key for c in tree.find("layers").children] == ["moe_layers"]
    attention = tree.find("layers.moe_layers.attention")
    assert attention.find("sinks").per_layer == spec.heads
    assert tree.find("layers.moe_layers.norms").per_layer == 2 * spec.width


def test_gemma_sandwich_norms() -> None:
    spec = from_dict(CASES["gemma2-9b"])
    assert spec.norm_placement == "sandwich"
    tree = counts(spec).breakdown
    assert tree.find("layers.dense_layers.norms").per_layer == 4 * spec.width


def test_mixers_are_checked() -> None:
    with pytest.raises(LLMSizeError, match=r"^mixer.window must be positive, got 0$"):
        Mixer("sliding", 0)
    with pytest.raises(LLMSizeError, match=r"^mixer.kind must be one of full, sliding, chunked"):
        Mixer("ssm", 8)  # type: ignore[arg-type]
    with pytest.raises(LLMSizeError, match=r"^mixer.deltanet must be a DeltaNet exactly when"):
        Mixer("linear")
    spec = from_dict(CASES["gpt-oss-small"])
    with pytest.raises(LLMSizeError, match=r"^spec.mixers must have one entry per layer"):
        replace(spec, mixers=(Mixer(),))


def test_olmo_norms_after_and_over_the_projections() -> None:
    spec = from_dict(CASES["olmo2-gqa-bias"])
    assert (spec.norm_placement, spec.qk_norm_scope) == ("post", "projection")
    tree = counts(spec).breakdown
    qk = tree.find("layers.dense_layers.attention.qk_norm").per_layer
    assert qk == (spec.heads + spec.kv_heads) * spec.head_dim
    assert tree.find("layers.dense_layers.norms").per_layer == 2 * spec.width


def test_exaone_letter_pattern_repeats_over_the_layers() -> None:
    config = {**CASES["exaone4-32b"], "sliding_window_pattern": "LLLG", "num_hidden_layers": 6}
    spec = from_dict(config)
    assert [layer.mixer.kind for layer in spec.layer_plan] == ["sliding"] * 3 + ["full"] + [
        "sliding"
    ] * 2
    text = _error({**config, "sliding_window_pattern": "every fourth"})
    assert "key 'sliding_window_pattern' must be an integer" in text


def test_llama4_chunks_and_interleaves() -> None:
    config = {**CASES["llama4-maverick-text-shape"], "num_hidden_layers": 8}
    spec = from_dict(config)
    plan = spec.layer_plan
    assert [layer.mixer.kind[0] for layer in plan] == list("cccfcccf")
    assert plan[0].mixer == Mixer("chunked", 8192)
    assert [layer.moe for layer in plan] == [False, True] * 4
    text = _error({**config, "attention_chunk_size": 0})
    assert "key 'attention_chunk_size' must be positive, got 0" in text
    explicit = from_dict(CASES["llama4-text-explicit-layers"])
    assert [layer.moe for layer in explicit.layer_plan] == [True, False, True]
    assert [layer.mixer.kind for layer in explicit.layer_plan] == ["chunked", "full", "chunked"]


def test_qwen3_next_linear_layers_have_their_own_weights_and_state() -> None:
    from llmsize.memory import kv_cache_by_kind, kv_cache_bytes_per_token

    spec = from_dict(CASES["qwen3-next-80b-shape"])
    tree = counts(spec).breakdown
    groups = [c.key for c in tree.find("layers").children]
    assert groups == ["moe_layers", "linear_attention_moe_layers"]
    assert tree.find("layers.moe_layers").layers == 12
    assert tree.find("layers.linear_attention_moe_layers").layers == 36
    net = spec.deltanet
    assert net is not None and net.state_elements == 8192 * 4 + 32 * 128 * 128
    short, long = (kv_cache_by_kind(spec, t, 1, "fp32") for t in (1, 10**5))
    assert short["linear"] == long["linear"] == 36 * 4 * net.state_elements
    assert kv_cache_bytes_per_token(spec, "fp32") == 12 * 2 * 2 * 256 * 4
    bad = _error({**CASES["qwen3-next-mixed"], "layer_types": ["linear_attention"]})
    assert "key 'layer_types' must be a list of one of" in bad
