from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmsize.errors import LLMSizeError
from llmsize.memory import kv_cache_bytes
from llmsize.spec import Spec
from llmsize.vectors import VectorCounts, VectorKind, vectors

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
