from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmsize import LLMSizeError, counts, presets
from llmsize.approx import (
    article_attention,
    attention_4d2,
    bytes_per_value,
    ffn_8d2,
    layer_12d2,
    per_head_attention,
    stack,
    twelve_ld2,
)
from llmsize.article import (
    ARTICLE_HEADS,
    ARTICLE_LAYERS,
    ARTICLE_WIDTH,
    WHY,
    Claim,
    article_claims,
    why,
)
from llmsize.fmt import LANGS

L, D, H = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS


def test_article_sizes() -> None:
    assert (L, D, H) == (100, 8192, 128)


def test_article_figures_as_computed() -> None:
    assert article_attention(H, D) == 34_359_738_368  # 34.4B, not 335M
    assert attention_4d2(D) == 268_435_456
    assert ffn_8d2(D) == 536_870_912  # not 534M
    assert layer_12d2(D) == 805_306_368
    assert stack(L, D) == 80_530_636_800
    assert twelve_ld2(L, D) == stack(L, D)
    # The as-written formula is the right one times the head count.
    assert article_attention(H, D) == H * attention_4d2(D)


def test_article_attention_claim_is_five_d_squared() -> None:
    # The article's 335M matches neither the formula as written nor 4D²; it is 5D² rounded.
    assert 5 * D * D == 335_544_320


def test_claims() -> None:
    claims = article_claims()
    assert all(isinstance(c, Claim) for c in claims)
    assert [c.key for c in claims] == [
        "attention",
        "ffn",
        "layer",
        "total",
        "fp32_bytes",
        "fp64_bytes",
    ]
    by_key = {c.key: c for c in claims}
    assert [by_key[k].claimed for k in ("attention", "ffn", "layer", "total")] == [
        335_000_000,
        534_000_000,
        869_000_000,
        86_900_000_000,
    ]
    assert by_key["attention"].computed == 34_359_738_368
    assert by_key["attention"].correct == 268_435_456
    assert by_key["ffn"].computed == by_key["ffn"].correct == 536_870_912
    assert by_key["layer"].computed == 34_359_738_368 + 536_870_912
    assert by_key["layer"].correct == 805_306_368
    assert by_key["total"].computed == 100 * by_key["layer"].computed
    assert by_key["total"].correct == 80_530_636_800
    # The article's own arithmetic holds: 335M + 534M = 869M, and 100 layers of that.
    assert by_key["attention"].claimed + by_key["ffn"].claimed == by_key["layer"].claimed
    assert L * by_key["layer"].claimed == by_key["total"].claimed
    assert [c.right for c in claims] == [False, False, False, False, True, True]
    assert (by_key["fp32_bytes"].computed, by_key["fp64_bytes"].computed) == (4, 8)
    with pytest.raises(AttributeError):
        by_key["ffn"].claimed = 0  # type: ignore[misc]


def test_why_texts() -> None:
    for claim in article_claims():
        assert claim.verdict_key in WHY
    assert set(WHY) == {c.verdict_key for c in article_claims()}
    for key, text in WHY.items():
        en, zh = text["en"], text["zh"]
        assert why(key) == why(key, "en") == en
        assert why(key, "zh") == zh
        for text in (en, zh):
            # No typed figures: no digit of any script, no superscripts.
            assert not any(unicodedata.category(ch) == "Nd" or ch.isdigit() for ch in text)
            assert len(text) < 200
        assert re.search(r"[\u4e00-\u9fff]", zh)
        assert not re.search(r"[\u4e00-\u9fff]", en)


@given(st.integers(1, 512), st.integers(1, 1024))
def test_per_head_sums_to_4d2(heads: int, per_head: int) -> None:
    width = heads * per_head
    assert per_head_attention(heads, width) == attention_4d2(width) == 4 * width * width


def test_per_head_article() -> None:
    assert per_head_attention(H, D) == 268_435_456


def test_twelve_ld2_vs_gpt2() -> None:
    spec = presets.load("gpt2")  # the real GPT-2 config.json
    c = counts(spec)
    assert c.total == 124_439_808
    assert c.non_embedding == 85_056_000
    estimate = twelve_ld2(12, 768)
    assert estimate == 84_934_656
    gap = c.non_embedding - estimate
    # 12·L·D² leaves out biases and norms, nothing else: per layer the Q/K/V and output biases
    # (4D), the MLP biases (4D + D) and two LayerNorms (weight and bias, 4D); then the final
    # LayerNorm (2D). That is 121,344, about 0.143% of the non-embedding count.
    d = 768
    assert gap == 12 * (4 * d + 4 * d + d + 4 * d) + 2 * d == 121_344
    assert 0 < gap * 10_000 < 15 * c.non_embedding  # under 0.15%


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: twelve_ld2(0, 768), "layers must be positive, got 0"),
        (lambda: twelve_ld2(12, -1), "width must be positive, got -1"),
        (lambda: twelve_ld2(12, 768.0), "width must be an integer, got 768.0"),  # type: ignore[arg-type]
        (lambda: stack(True, 768), "layers must be an integer, got True"),
        (lambda: article_attention(0, 8192), "heads must be positive, got 0"),
        (lambda: attention_4d2(0), "width must be positive, got 0"),
        (lambda: ffn_8d2("8192"), "width must be an integer, got '8192'"),  # type: ignore[arg-type]
        (lambda: layer_12d2(-8), "width must be positive, got -8"),
        (lambda: per_head_attention(3, 8192), "heads must divide width (8192), got 3"),
        (lambda: per_head_attention(0, 8192), "heads must be positive, got 0"),
        (lambda: bytes_per_value(12), "bits must be a multiple of 8, got 12"),
        (lambda: bytes_per_value(0), "bits must be positive, got 0"),
        (lambda: why("wrong"), "verdict_key must be one of"),
        (lambda: why("right", "fr"), "lang must be 'en' or 'zh', got 'fr'"),
    ],
)
def test_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(LLMSizeError, match=re.escape(message)) as info:
        call()
    assert "\n" not in str(info.value)


def test_langs() -> None:
    assert LANGS == ("en", "zh")
