"""Vision-language readers: errors that name the sub-config's key, the vision part's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmsize import counts
from llmsize.cli import main
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import from_dict
from llmsize.report import memory_rows
from llmsize_oracle.cases_vlm import VLM


def _with(case: str, sub: str, **change: Any) -> dict[str, Any]:
    """Case ``case`` with ``change`` made inside its sub-config ``sub`` (or at the top level)."""
    config = json.loads(json.dumps(VLM[case]))
    (config[sub] if sub else config).update(change)
    return config


# One cross-field or malformed-key mistake per family, and what the one-line error says.
BAD: dict[str, tuple[dict[str, Any], str]] = {
    "llava": (
        _with("llava-1.5-7b", "text_config", num_key_value_heads=64),
        "text_config: key 'num_key_value_heads' (64) must not exceed 'num_attention_heads' (32)",
    ),
    "gemma3": (
        _with("gemma-3-27b", "text_config", num_key_value_heads=5),
        "text_config: key 'num_key_value_heads' (5) must divide 'num_attention_heads' (32)",
    ),
    "mistral3": (
        _with("devstral-small-2-24b", "vision_config", model_type="clip_vision_model"),
        "vision_config: key 'model_type' 'clip_vision_model' is not supported here ('pixtral')",
    ),
    "qwen2_5_vl": (
        _with("qwen2.5-vl-7b", "", num_key_value_heads=5),
        "key 'num_key_value_heads' (5) must divide 'num_attention_heads' (28)",
    ),
    "qwen3_vl": (
        _with("qwen3-vl-8b", "vision_config", deepstack_visual_indexes=[8, -1]),
        "vision_config: key 'deepstack_visual_indexes' item must be >= 0, got -1",
    ),
    "qwen3_vl_moe": (
        _with("qwen3-vl-30b-a3b", "text_config", num_experts_per_tok=129),
        "text_config: key 'num_experts_per_tok' (129) must not exceed 'num_experts' (128)",
    ),
    "qwen3_5": (
        _with("qwen3.5-27b", "vision_config", spatial_merge_size=0),
        "vision_config: key 'spatial_merge_size' must be positive, got 0",
    ),
    "qwen3_5_moe": (
        _with("qwen3.5-35b-a3b", "text_config", num_experts_per_tok=300),
        "text_config: key 'num_experts_per_tok' (300) must not exceed 'num_experts' (256)",
    ),
    "llama4": (
        _with("llama-4-scout", "text_config", num_experts_per_tok=17),
        "text_config: key 'num_experts_per_tok' (17) must not exceed 'num_local_experts' (16)",
    ),
    "lfm2_vl": (
        _with("lfm2-vl-450m", "text_config", layer_types=["conv"] * 15 + ["mamba"]),
        "text_config: key 'layer_types' item must be one of 'conv', 'full_attention', got 'mamba'",
    ),
    "mllama": (
        _with("llama-3.2-90b-vision", "text_config", cross_attention_layers=[3, 100]),
        "text_config: key 'cross_attention_layers' items must be below 'num_hidden_layers'"
        " (100), got [3, 100]",
    ),
    "gemma4": (
        _with("gemma-4-e2b", "audio_config", num_attention_heads=7),
        "audio_config: key 'hidden_size' (1024) must be divisible by 'num_attention_heads' (7)",
    ),
    "kimi_k25": (
        _with("kimi-k2.5", "vision_config", merge_kernel_size=[2]),
        "vision_config: key 'merge_kernel_size' must be two integers, got [2]",
    ),
}


@pytest.mark.parametrize("model_type", sorted(BAD))
def test_bad_config_exits_2_naming_the_key(
    model_type: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, needle = BAD[model_type]
    assert config["model_type"] == model_type
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["count", str(path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and f"{path}: {needle}" in err and "Traceback" not in err


_VALUES = st.none() | st.integers(-2, 300) | st.booleans() | st.text(max_size=3)
_JSON = _VALUES | st.lists(_VALUES, max_size=3) | st.dictionaries(st.text(max_size=2), _VALUES)
_SUB_KEYS = {k for c in VLM.values() for s in c.values() if isinstance(s, dict) for k in s}
_KEYS = st.sampled_from(sorted(_SUB_KEYS | {"model_type", "text_config", "vision_config"}))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(VLM)),
    st.sampled_from(["", "text_config", "vision_config"]),
    _KEYS,
    _JSON,
)
def test_a_bad_value_anywhere_is_one_llmsize_error(
    case: str, sub: str, key: str, value: object
) -> None:
    config = json.loads(json.dumps(VLM[case]))
    target = config.setdefault(sub, {}) if sub else config
    if isinstance(target, dict):
        target[key] = value
    try:
        spec = from_dict(config, where="config.json")
    except LLMSizeError as err:
        assert "\n" not in str(err) and str(err).startswith("config.json: ")
        return
    assert counts(spec).breakdown.params == counts(spec).total > 0


def test_sub_configs_must_be_objects_and_text_types_known() -> None:
    with pytest.raises(ValueError, match="key 'vision_config' must be an object, got 3"):
        from_dict({"model_type": "gemma3", "vision_config": 3}, where="c")
    bad_text = _with("llava-defaults", "", text_config={"model_type": "t5"})
    with pytest.raises(ValueError, match="text_config: key 'model_type' 't5' is not a supported"):
        from_dict(bad_text, where="c")


def test_vision_counts_in_total_and_active_but_not_non_embedding() -> None:
    c = counts(from_dict(VLM["llava-1.5-7b"]))
    vision = c.breakdown.find("vision")
    assert [p.key for p in vision.children] == [
        "vision_embeddings",
        "encoder_layers",
        "post_norm",
        "projector",
    ]
    assert vision.find("encoder_layers").layers == 24
    assert c.total == c.active == c.breakdown.params
    positions = vision.get("vision_embeddings.position")
    assert positions == 577 * 1024
    text = counts(from_dict({**VLM["llava-1.5-7b"]["text_config"], **_LLAMA_7B}))
    assert c.total - c.vision == text.total
    assert c.non_embedding - (c.vision - positions) == text.non_embedding
    assert c.to_dict()["vision"] == c.vision


def test_moe_vlm_active_keeps_the_whole_tower() -> None:
    c = counts(from_dict(VLM["qwen3-vl-30b-a3b"]))
    spec = c.spec
    assert spec.moe is not None and spec.vision is not None
    text = counts(from_dict({**VLM["qwen3-vl-30b-a3b"]["text_config"], "model_type": "qwen3_moe"}))
    assert c.active - c.vision == text.active
    assert c.breakdown.get("vision.deepstack_mergers") > 0
    assert c.breakdown.find("vision.deepstack_mergers").layers == 3


def test_cli_shows_the_vision_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(VLM["gemma-3-27b"]), encoding="utf-8")
    assert main(["count", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Vision tower and projector" in out and "423,060,336" in out
    assert main(["count", str(path), "--lang", "zh"]) == 0
    assert "视觉编码器与投影层" in capsys.readouterr().out


def test_mllama_cross_attention_layers_keep_no_text_token() -> None:
    spec = from_dict(VLM["llama-3.2-90b-vision"])
    c = counts(spec)
    cross = c.breakdown.find("layers.cross_attention_dense_layers")
    assert cross.layers == 20
    assert cross.find("cross_attention.gates").per_layer == 2
    assert cross.find("cross_attention.qk_norm").per_layer == 2 * 128
    assert c.breakdown.get("embeddings.token") == (128256 + 8) * 8192
    assert c.breakdown.get("head") == 128256 * 8192
    rows = memory_rows(spec, c.total, context=8192).values()
    assert rows["kv_kind_cross"] == 0
    assert rows["kv_total"] == rows["kv_kind_full"] == 80 * 2 * 8 * 128 * 2 * 8192


_LLAMA_7B = {
    "hidden_size": 4096,
    "intermediate_size": 11008,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
}


@pytest.mark.parametrize(("lang", "words"), [("en", "vision tower"), ("zh", "视觉编码器")])
def test_calculator_says_what_the_figures_mean(lang: str, words: str) -> None:
    from llmsize.calculator import calculate

    result = calculate("", json.dumps(VLM["qwen3-vl-30b-a3b"]), "bf16", "bf16", 4096, 1, lang)
    vision = next(row for row in result["summary"] if row["key"] == "vision")
    assert vision["params"] == RECORDED_VISION
    assert any(words in note for note in result["notes"])
    assert any(row["key"] == "vision" and row["depth"] == 0 for row in result["breakdown"])


RECORDED_VISION = counts(from_dict(VLM["qwen3-vl-30b-a3b"])).vision
