"""The config.json reader: family defaults, clear errors, and robustness to arbitrary JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmsize import LLMSizeError, counts
from llmsize.hfconfig import SUPPORTED_MODEL_TYPES, from_dict, read_config
from llmsize_oracle import CASES

# Llama-2-7B's size-defining keys only (every other key takes the family default).
LLAMA = CASES["llama-2-7b"]


def test_defaults_follow_transformers() -> None:
    spec = from_dict(LLAMA)
    assert (spec.kv_heads, spec.head_dim, spec.tied_embeddings, spec.qkv_bias) == (
        32,
        128,
        False,
        False,
    )
    # Families whose absent num_key_value_heads / head_dim are not "same as N" / "D // N".
    mistral = from_dict({**LLAMA, "model_type": "mistral"})
    assert mistral.kv_heads == 8
    gemma = from_dict({**LLAMA, "model_type": "gemma", "num_key_value_heads": 32})
    assert (gemma.head_dim, gemma.tied_embeddings) == (256, True)
    qwen3 = from_dict({**LLAMA, "model_type": "qwen3", "num_key_value_heads": 8})
    assert (qwen3.head_dim, qwen3.qk_norm) == (128, True)


def test_null_q_lora_rank_means_plain_query_projection() -> None:
    base = {
        "model_type": "deepseek_v2",
        "hidden_size": 64,
        "intermediate_size": 96,
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "vocab_size": 100,
        "n_routed_experts": 4,
        "num_experts_per_tok": 2,
    }
    assert from_dict({**base, "q_lora_rank": None}).mla.q_lora_rank is None  # type: ignore[union-attr]
    assert from_dict(base).mla.q_lora_rank == 1536  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"model_type": "mamba"}, "key 'model_type' 'mamba' is not supported"),
        ({"model_type": None}, "key 'model_type' None is not supported"),
        ({"hidden_size": None}, "key 'hidden_size' must be an integer, got null"),
        ({"hidden_size": "4096"}, "key 'hidden_size' must be an integer, got '4096'"),
        ({"hidden_size": 4096.0}, "key 'hidden_size' must be an integer, got 4096.0"),
        ({"num_hidden_layers": -1}, "key 'num_hidden_layers' must be positive, got -1"),
        ({"tie_word_embeddings": "yes"}, "key 'tie_word_embeddings' must be true or false"),
        (
            {"num_key_value_heads": 5},
            "key 'num_key_value_heads' (5) must divide 'num_attention_heads' (32)",
        ),
    ],
)
def test_bad_values_name_the_key(change: dict[str, object], message: str) -> None:
    with pytest.raises(LLMSizeError) as info:
        from_dict({**LLAMA, **change}, where="config.json")
    text = str(info.value)
    assert text.startswith("config.json: ")
    assert message in text
    assert "\n" not in text


def test_missing_key_is_named() -> None:
    config = dict(LLAMA)
    del config["vocab_size"]
    with pytest.raises(LLMSizeError, match=r"^config: key 'vocab_size' is missing$"):
        from_dict(config)


def test_not_an_object() -> None:
    with pytest.raises(LLMSizeError, match="expected a JSON object, got list"):
        from_dict([1, 2])


def test_read_config_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "config.json"
    bad.write_text('{"model_type": "llama",', encoding="utf-8")
    with pytest.raises(LLMSizeError, match=r"malformed JSON at line 1 column"):
        read_config(bad)
    with pytest.raises(LLMSizeError, match=r"cannot read file"):
        read_config(tmp_path / "missing.json")
    good = tmp_path / "llama" / "config.json"
    good.parent.mkdir()
    good.write_text(json.dumps(LLAMA), encoding="utf-8")
    spec = read_config(good)
    assert spec.name == "llama"
    assert counts(spec).total == 6_738_415_616


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = sorted(
    {
        "model_type",
        "hidden_size",
        "intermediate_size",
        "num_hidden_layers",
        "num_attention_heads",
        "num_key_value_heads",
        "vocab_size",
        "head_dim",
        "tie_word_embeddings",
        "attention_bias",
        "mlp_bias",
        "qkv_bias",
        "n_embd",
        "n_layer",
        "n_head",
        "n_inner",
        "n_positions",
        "num_local_experts",
        "num_experts",
        "num_experts_per_tok",
        "moe_intermediate_size",
        "shared_expert_intermediate_size",
        "decoder_sparse_step",
        "mlp_only_layers",
        "n_routed_experts",
        "n_shared_experts",
        "first_k_dense_replace",
        "q_lora_rank",
        "kv_lora_rank",
        "qk_nope_head_dim",
        "qk_rope_head_dim",
        "v_head_dim",
        "num_nextn_predict_layers",
        "type_vocab_size",
        "max_position_embeddings",
        "add_cross_attention",
    }
)
plausible = st.fixed_dictionaries(
    {"model_type": st.sampled_from(SUPPORTED_MODEL_TYPES)},
    optional={k: st.integers(-2, 300) | json_values for k in KEYS if k != "model_type"},
)


@settings(max_examples=300)
@given(st.one_of(json_values, plausible))
def test_reader_raises_only_its_own_error(config: object) -> None:
    try:
        spec = from_dict(config)
    except LLMSizeError as err:
        assert "\n" not in str(err)
        return
    assert counts(spec).total > 0


@settings(max_examples=100)
@given(st.binary(max_size=64) | st.text(max_size=64).map(str.encode))
def test_file_reader_raises_only_its_own_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "config.json"
    path.write_bytes(data)
    try:
        read_config(path)
    except LLMSizeError as err:
        assert "\n" not in str(err)
