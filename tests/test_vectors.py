from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmsize.errors import LLMSizeError
from llmsize.memory import kv_cache_bytes
from llmsize.presets import ids, load
from llmsize.spec import Spec
from llmsize.text import LANGS
from llmsize.vectors import (
    KIND_NAMES,
    Growth,
    VectorCounts,
    VectorKind,
    crossover,
    growth,
    numbers_per_token,
    tokens_for_vectors,
    vectors,
    vectors_per_token,
)

FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

SPECS = ["llama2_7b", "llama3_8b", "deepseek_v3", "bert_base"]


def _table(v: VectorCounts) -> dict[str, tuple[int, int]]:
    return {k.key: (k.count, k.size) for k in v.kinds}


def test_llama2_one_token(llama2_7b: Spec) -> None:
    v = vectors(llama2_7b, 1)
    assert _table(v) == {
        "embeddings": (1, 4096),
        "hidden_states": (32, 4096),
        "queries": (32 * 32, 128),
        "keys": (32 * 32, 128),
        "values": (32 * 32, 128),
        "attention_outputs": (32 * 32, 128),
        "kv_cache.keys": (32 * 32, 128),
        "kv_cache.values": (32 * 32, 128),
        "mlp_hidden": (32, 11008),
        "logits": (1, 32000),
    }


def test_llama3_gqa(llama3_8b: Spec) -> None:
    v = vectors(llama3_8b, 10)
    assert v.get("queries").count == 32 * 10 * 32
    assert v.get("keys").count == 32 * 10 * 8
    assert v.get("kv_cache.values").count == 32 * 10 * 8
    assert v.get("logits").size == 128256


def test_deepseek_v3(deepseek_v3: Spec) -> None:
    v = vectors(deepseek_v3, 1)
    assert _table(v) == {
        "embeddings": (1, 7168),
        "hidden_states": (61, 7168),
        "query_latents": (61, 1536),
        "queries": (61 * 128, 192),
        "kv_latents": (61, 512),
        "rope_keys": (61, 64),
        "keys": (61 * 128, 192),
        "values": (61 * 128, 128),
        "attention_outputs": (61 * 128, 128),
        "kv_cache.latents": (61, 576),
        "mlp_hidden": (3, 18432),  # first_k_dense_replace = 3
        "router_logits": (58, 256),
        "expert_hidden": (58 * 8, 2048),
        "shared_expert_hidden": (58, 2048),
        "logits": (1, 129280),
    }


def test_encoder_has_no_cache_or_logits(bert_base: Spec) -> None:
    keys = vectors(bert_base, 512).keys()
    assert "logits" not in keys
    assert not [k for k in keys if k.startswith("kv_cache")]
    assert vectors(bert_base, 512).get("mlp_hidden") == VectorKind("mlp_hidden", 12 * 512, 3072)


@pytest.mark.parametrize("name", SPECS)
def test_totals(request: pytest.FixtureRequest, name: str) -> None:
    spec: Spec = request.getfixturevalue(name)
    v = vectors(spec, 7)
    assert v.tokens == 7
    # Cached K/V (or latents) are vectors the pass already created: counted once in totals.
    fresh = [k for k in v.kinds if not k.key.startswith("kv_cache.")]
    assert len(fresh) < len(v.kinds) or spec.encoder
    assert v.total_elements == sum(k.count * k.size for k in fresh)
    assert v.total_vectors == sum(k.count for k in fresh)
    d = v.to_dict()
    assert d["total_elements"] == v.total_elements
    assert list(d["kinds"]) == v.keys()
    assert len(set(v.keys())) == len(v.kinds)


@pytest.mark.parametrize("name", SPECS)
@given(tokens=st.integers(1, 10**9))
@FIXTURES
def test_doubling_tokens_doubles_every_count(
    request: pytest.FixtureRequest, name: str, tokens: int
) -> None:
    spec: Spec = request.getfixturevalue(name)
    one, two = vectors(spec, tokens), vectors(spec, 2 * tokens)
    assert one.keys() == two.keys()
    for a, b in zip(one.kinds, two.kinds, strict=True):
        assert b.count == 2 * a.count
        assert b.size == a.size
    assert two.total_elements == 2 * one.total_elements


@pytest.mark.parametrize("name", ["llama2_7b", "llama3_8b", "deepseek_v3"])
@given(tokens=st.integers(1, 10**6))
@FIXTURES
def test_cache_vectors_match_kv_cache_bytes(
    request: pytest.FixtureRequest, name: str, tokens: int
) -> None:
    spec: Spec = request.getfixturevalue(name)
    v = vectors(spec, tokens)
    cached = sum(k.elements for k in v.kinds if k.key.startswith("kv_cache."))
    assert 2 * cached == kv_cache_bytes(spec, tokens, dtype="bf16")


@pytest.mark.parametrize("bad", [0, -1, 1.0, True, "8"])
def test_rejects_tokens(llama2_7b: Spec, bad: object) -> None:
    with pytest.raises(LLMSizeError, match="tokens") as info:
        vectors(llama2_7b, bad)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)


def test_get_missing(llama2_7b: Spec) -> None:
    with pytest.raises(KeyError):
        vectors(llama2_7b, 1).get("kv_latents")


# --- derived figures, worked by hand from the published configurations ----------------------
# Llama-3-8B (meta-llama/Meta-Llama-3-8B config.json): L = 32, D = 4096, N = 32 query heads,
# K = 8 key/value heads of H = 128, F = 14336, V = 128256; 8,030,261,248 parameters (the Hub).
# Per token: 1 embedding, 32 layer outputs, 32·32 queries, 32·8 keys, 32·8 values,
# 32·32 attention outputs, 32 MLP hidden vectors and 1 row of logits:
#   1 + 32 + 1,024 + 256 + 256 + 1,024 + 32 + 1 = 2,626 vectors, holding
#   4,096 + 131,072 + 131,072 + 32,768 + 32,768 + 131,072 + 458,752 + 128,256 = 1,049,856 numbers.
LLAMA3_PARAMS = 8_030_261_248


def test_llama3_totals_at_a_thousand_tokens(llama3_8b: Spec) -> None:
    v = vectors(llama3_8b, 1_000)
    assert (v.total_vectors, v.total_elements) == (2_626_000, 1_049_856_000)
    # The rows a page shows (the created kinds) add up to the totals: the cache adds nothing.
    assert sum(k.count for k in v.created) == 2_626_000
    assert sum(k.elements for k in v.created) == 1_049_856_000
    assert v.stream == 33_000  # T·(L + 1)
    assert growth(llama3_8b, 1_000) == Growth(1_000, 2_626_000, 1_049_856_000, LLAMA3_PARAMS)


def test_llama3_per_token_and_crossover(llama3_8b: Spec) -> None:
    assert (vectors_per_token(llama3_8b), numbers_per_token(llama3_8b)) == (2_626, 1_049_856)
    # 7,648 · 1,049,856 = 8,029,298,688 <= 8,030,261,248 < 8,030,348,544 = 7,649 · 1,049,856
    assert crossover(llama3_8b) == 7_649


def test_llama3_doubling_ratios(llama3_8b: Spec) -> None:
    ratios = [growth(llama3_8b, 1_000 * 2**k).ratio for k in range(5)]
    assert ratios[0] == Fraction(1_049_856_000, LLAMA3_PARAMS)
    assert [b / a for a, b in pairwise(ratios)] == [2] * 4
    assert ratios[2] < 1 < ratios[3]  # 4,000 tokens below the parameters, 8,000 above


# DeepSeek-V3 (deepseek-ai/DeepSeek-V3 config.json): 61 layers of width 7168, 3 dense (F = 18432)
# then 58 MoE layers (256 routed experts, 8 per token, 1 shared, each 2048 wide), 128 heads with
# q_lora_rank 1536, kv_lora_rank 512, qk_nope 128 + qk_rope 64 = 192, v_head_dim 128; V = 129280.
# Per token: 1 + 61 (layer outputs) + 61 (query latents) + 61·128 (queries) + 61 (KV latents)
# + 61 (rope keys) + 61·128 (keys) + 61·128 (values) + 61·128 (attention outputs) + 3 (dense MLP)
# + 58 (router) + 58·8 (experts) + 58 (shared expert) + 1 (logits)
# = 1 + 61 + 61 + 7,808 + 61 + 61 + 7,808 + 7,808 + 7,808 + 3 + 58 + 464 + 58 + 1 = 32,061.
DEEPSEEK_PARAMS = 671_026_404_352


def test_deepseek_v3_per_token(deepseek_v3: Spec) -> None:
    assert vectors_per_token(deepseek_v3) == 32_061
    numbers = (
        7_168  # embedding
        + 437_248  # 61 layer outputs of 7,168
        + 93_696  # 61 query latents of 1,536
        + 1_499_136  # 7,808 queries of 192
        + 31_232  # 61 KV latents of 512
        + 3_904  # 61 rope keys of 64
        + 1_499_136  # 7,808 keys of 192
        + 999_424  # 7,808 values of 128
        + 999_424  # 7,808 attention outputs of 128
        + 55_296  # 3 dense MLP vectors of 18,432
        + 14_848  # 58 router score vectors of 256
        + 950_272  # 464 expert vectors of 2,048
        + 118_784  # 58 shared-expert vectors of 2,048
        + 129_280  # logits
    )
    assert numbers_per_token(deepseek_v3) == numbers == 6_838_848
    # ceil(671,026,404,352 / 32,061): 20,929,677 · 32,061 = 671,026,374,897 < the parameters.
    assert tokens_for_vectors(deepseek_v3) == 20_929_678


@pytest.mark.parametrize("name", SPECS)
def test_crossover_is_where_numbers_pass_parameters(
    request: pytest.FixtureRequest, name: str
) -> None:
    spec: Spec = request.getfixturevalue(name)
    t = crossover(spec)
    assert growth(spec, t).numbers > growth(spec, t).parameters >= growth(spec, t - 1).numbers
    n = tokens_for_vectors(spec)
    assert growth(spec, n).vectors >= growth(spec, n).parameters
    assert n == 1 or growth(spec, n - 1).vectors < growth(spec, n - 1).parameters


def test_shared_experts_are_one_fused_mlp(deepseek_v3: Spec) -> None:
    assert deepseek_v3.moe is not None
    two = replace(deepseek_v3, moe=replace(deepseek_v3.moe, num_shared_experts=2))
    assert vectors(two, 1).get("shared_expert_hidden") == VectorKind(
        "shared_expert_hidden", 58, 2 * 2_048
    )


def test_rejects_spec() -> None:
    with pytest.raises(LLMSizeError, match="spec must be a Spec"):
        vectors("llama", 1)  # type: ignore[arg-type]


def test_every_kind_has_a_name_in_both_languages() -> None:
    keys = {k.key for i in ids() for k in vectors(load(i), 1).kinds}
    assert set(KIND_NAMES) == keys
    assert all(set(name) == set(LANGS) and all(name.values()) for name in KIND_NAMES.values())
