"""Serving trade-offs: the cache against the weights, and what GQA saves.

* GQA's saving: transformers' own Llama model built on the meta device, with and without
  grouping (marker ``oracle``), and the Llama 3 paper's hyperparameters (Table 3: 32 layers,
  width 4,096, 32 query heads, 8 key/value heads of 128) worked by hand.
* The crossover: checked against its definition with `llmsize.memory.kv_cache_bytes`.
* A cache that stops growing: Mistral-7B-v0.1's layers all slide (a 4,096-token window), so
  its cache never reaches its weights; the naive "every layer keeps every token" estimate is
  the all-full-attention twin's cache, worked by hand for gpt-oss-120b.
"""

from __future__ import annotations

import pytest

from llmsize import counts, presets
from llmsize.errors import LLMSizeError
from llmsize.memory import kv_cache_bytes, weights_bytes
from llmsize.serving import (
    gqa_saving,
    kind_tally,
    kv_crossover,
    mha_twin,
    naive_kv_cache_bytes,
)
from llmsize.spec import Spec


def test_gqa_saving_llama3_by_hand(llama3_8b: Spec) -> None:
    # K and V each lose 4,096 x (32 - 8) x 128 weights in each of 32 layers.
    assert gqa_saving(llama3_8b) == 2 * 32 * 4096 * (32 - 8) * 128 == 805_306_368


def test_gqa_saving_zero_for_mha(llama2_7b: Spec) -> None:
    assert gqa_saving(llama2_7b) == 0


def test_mha_twin_rejects_mla(deepseek_v3: Spec) -> None:
    with pytest.raises(LLMSizeError, match=r"spec\.mla must be None"):
        mha_twin(deepseek_v3)


@pytest.mark.oracle
def test_gqa_saving_against_transformers() -> None:
    pytest.importorskip("torch")
    from llmsize_oracle.meta import transformers_count

    config = dict(presets.get("llama-3-8b").config)
    twin = {**config, "num_key_value_heads": config["num_attention_heads"]}
    expected = transformers_count(twin) - transformers_count(config)
    assert gqa_saving(presets.load("llama-3-8b")) == expected


@pytest.mark.parametrize("preset", ["llama-3.1-8b", "llama-2-7b", "gpt-oss-20b", "qwen2.5-7b"])
@pytest.mark.parametrize("batch", [1, 8])
def test_crossover_is_the_first_context_at_the_weights(preset: str, batch: int) -> None:
    spec = presets.load(preset)
    weights = weights_bytes(counts(spec).total, "bf16")
    t = kv_crossover(spec, batch)
    assert t is not None
    assert kv_cache_bytes(spec, t, batch) >= weights > kv_cache_bytes(spec, t - 1, batch)


def test_crossover_rejects_bad_batch(llama2_7b: Spec) -> None:
    with pytest.raises(LLMSizeError, match="batch must be"):
        kv_crossover(llama2_7b, 0)


def test_sliding_window_caps_the_crossover() -> None:
    spec = presets.load("mistral-7b")
    assert kind_tally(spec) == {"sliding": (32, 4096)}
    assert kv_crossover(spec) is None
    assert kv_crossover(presets.load("qwen2.5-7b")) is not None


def test_naive_cache_charges_every_layer_every_token() -> None:
    spec = presets.load("gpt-oss-120b")
    assert kind_tally(spec) == {"sliding": (18, 128), "full": (18, 0)}
    row = 2 * 8 * 64 * 2  # key + value, 8 KV heads of 64, bf16
    assert naive_kv_cache_bytes(spec, 131072) == 36 * 131072 * row
    assert kv_cache_bytes(spec, 131072) == 18 * (131072 + 127) * row
    llama = presets.load("llama-3.1-8b")
    assert naive_kv_cache_bytes(llama, 5000, 3) == kv_cache_bytes(llama, 5000, 3)
