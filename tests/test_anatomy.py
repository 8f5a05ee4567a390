"""Anatomy of a count, against figures worked by hand from published configurations."""

from __future__ import annotations

import pytest

from llmsize import presets
from llmsize.anatomy import RuleGap, categories, query_width, rule_gap
from llmsize.errors import LLMSizeError
from llmsize.serving import gqa_saving
from llmsize.spec import Spec


def test_gpt2_categories() -> None:
    # openai-community/gpt2: D 768, F 3072, 12 layers, V 50257, P 1024, tied head. Biases per
    # block: c_attn 2304 + c_proj 768 + c_fc 3072 + mlp c_proj 768 = 6,912; norms per block
    # 2 x 2 x 768, plus ln_f 2 x 768.
    parts = dict(categories(presets.load("gpt2")))
    assert parts == {
        "token": 50257 * 768,
        "position": 1024 * 768,
        "attention": 12 * 4 * 768 * 768,
        "mlp": 12 * 2 * 768 * 3072,
        "biases": 12 * 6_912,
        "norms": 12 * 4 * 768 + 2 * 768,
        "head": 0,
    }
    assert sum(parts.values()) == 124_439_808  # the Hub's figure


def test_gpt2_rule_gap_is_biases_and_norms() -> None:
    g = rule_gap(presets.load("gpt2"))
    assert g == RuleGap(
        rule=12 * 12 * 768**2,
        exact=124_439_808 - 50257 * 768 - 1024 * 768,
        gap=82_944 + 38_400,
        biases=82_944,
        norms=38_400,
        attention=0,
        mlp=0,
    )
    assert g.to_dict()["gap"] == 121_344


def test_llama3_8b_rule_gap(llama3_8b: Spec) -> None:
    # Meta-Llama-3-8B: D 4096, 8 KV heads of 128, F 14336, 32 layers, no biases.
    g = rule_gap(llama3_8b)
    assert g.attention == -32 * (4 * 4096**2 - 2 * 4096 * 4096 - 2 * 4096 * 1024)
    assert g.attention == -805_306_368
    assert g.mlp == 32 * (3 * 4096 * 14336 - 8 * 4096**2) == 1_342_177_280
    assert g.biases == 0
    assert g.gap == g.biases + g.norms + g.attention + g.mlp


def test_llama3_8b_attention_gap_is_gqa_saving(llama3_8b: Spec) -> None:
    # With N·H = D, the attention part of the gap is exactly what GQA removes.
    assert -rule_gap(llama3_8b).attention == gqa_saving(llama3_8b)


@pytest.mark.parametrize(
    ("preset", "width", "expected"),
    [
        # Published configs: heads x head size against hidden size.
        ("llama-2-7b", 4096, 32 * 128),
        ("gemma-7b", 3072, 16 * 256),
        ("qwen3-30b-a3b", 2048, 32 * 128),
        ("deepseek-v3", 7168, 128 * (128 + 64)),
        ("deepseek-v2-lite", 2048, 16 * (128 + 64)),
    ],
)
def test_query_width(preset: str, width: int, expected: int) -> None:
    spec = presets.load(preset)
    assert spec.width == width
    assert query_width(spec) == expected


@pytest.mark.parametrize("preset", ["mixtral-8x7b", "deepseek-v3", "bert-base-uncased"])
def test_dense_only(preset: str) -> None:
    with pytest.raises(LLMSizeError, match="dense decoder") as info:
        categories(presets.load(preset))
    assert "\n" not in str(info.value)


def test_rejects_non_spec() -> None:
    for func in (categories, rule_gap, query_width):
        with pytest.raises(LLMSizeError, match="spec must be a Spec"):
            func("gpt2")  # type: ignore[arg-type]
