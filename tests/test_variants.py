"""Dense twins, plain attention and cache sizes, worked by hand from published configs."""

from __future__ import annotations

import pytest

from llmsize import LLMSizeError, counts, presets
from llmsize.memory import kv_cache_bytes_per_token, kv_cache_naive_mla_bytes_per_token
from llmsize.variants import all_dense, dense_same_total, kv_values_per_layer, mha_attention_params


def test_mha_in_place_of_mla() -> None:
    # DeepSeek-V3 report, section 4.2: 128 heads, queries/keys of 128 + 64, values of 128,
    # width 7,168. Q and K: 7,168 x 128 x 192 each; V: 7,168 x 128 x 128; O: 128 x 128 x 7,168.
    assert mha_attention_params(presets.load("deepseek-v3")) == 587_202_560
    with pytest.raises(LLMSizeError, match=r"spec\.mla"):
        mha_attention_params(presets.load("llama-2-7b"))


def test_kv_values_per_layer() -> None:
    v3 = presets.load("deepseek-v3")
    # DeepSeek-V2 paper, Table 1: MLA caches (d_c + d_h^R) = 512 + 64 values per layer.
    assert kv_values_per_layer(v3) == 576
    assert kv_values_per_layer(v3, decompressed=True) == 128 * (128 + 64 + 128)
    # Llama-2-7B: 32 heads of 128, keys and values.
    llama = presets.load("llama-2-7b")
    assert kv_values_per_layer(llama) == 2 * 32 * 128
    # The same per layer as the memory module's per-token bytes (bf16, 2 bytes a value).
    assert kv_values_per_layer(v3) * 61 * 2 == kv_cache_bytes_per_token(v3) == 70_272
    assert kv_values_per_layer(v3, decompressed=True) * 61 * 2 == (
        kv_cache_naive_mla_bytes_per_token(v3)
    )
    with pytest.raises(LLMSizeError, match=r"spec\.mla"):
        kv_values_per_layer(llama, decompressed=True)


def test_dense_twins_of_deepseek_v3() -> None:
    v3 = presets.load("deepseek-v3")
    dense = all_dense(v3)
    assert dense.moe is None and dense.layers == 61 and dense.mtp_layers == 0
    # One dense layer: MLA 187,107,328 (the report's shapes), FFN 3 x 7,168 x 18,432, two norms.
    layer = 187_107_328 + 3 * 7_168 * 18_432 + 2 * 7_168
    outside = 2 * 129_280 * 7_168 + 7_168  # embedding, head, final norm
    assert counts(dense).total == 61 * layer + outside
    same = dense_same_total(v3)
    assert same.layers == 1_147  # 669,173,039,104 in the stack / 583,496,704 per dense layer
    assert abs(counts(same).total - counts(v3).total) < layer
    with pytest.raises(LLMSizeError, match=r"spec\.moe"):
        all_dense(presets.load("llama-2-7b"))
    with pytest.raises(LLMSizeError, match=r"spec\.moe"):
        dense_same_total(presets.load("mixtral-8x7b"))
