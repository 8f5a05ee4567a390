"""llmsize.worked: the article's example counted head by head, completed and scaled.

Independent sources: literal integers worked out by hand from the article's sizes (L = 100,
D = 8192, H = 128), and transformers' GPT-NeoX (LayerNorm with a shift, a bias on every linear
layer, an ungated 4D MLP, rotary positions without weights, an untied head), the very layout of
the completed model, built on the meta device and summed part by part by parameter name.
"""

from __future__ import annotations

import warnings

import pytest

from llmsize import counts
from llmsize.errors import LLMSizeError
from llmsize.worked import (
    completed_model,
    completed_parts,
    head_by_head,
    layers_to_reach,
    nearest_d2_multiple,
    width_to_reach,
)

DEEPSEEK_V3_TOTAL = 671_026_404_352
DEEPSEEK_V3_VOCAB = 129_280


def test_head_by_head_worked_by_hand() -> None:
    # D/H = 64; 8192·64 = 524,288; three of them 1,572,864; 128 heads 201,326,592 = 3·8192²;
    # output 8192² = 67,108,864; together 268,435,456 = 4·8192².
    assert head_by_head() == {
        "query_one_head": 524_288,
        "qkv_one_head": 1_572_864,
        "qkv_all_heads": 201_326_592,
        "output": 67_108_864,
        "attention": 268_435_456,
    }
    # Whatever the number of heads, the sum is the same.
    assert {head_by_head(h)["attention"] for h in (1, 8, 64, 128)} == {268_435_456}


def test_nearest_multiple_of_d_squared() -> None:
    # 335,000,000 / 67,108,864 = 4.99...: 5·D² = 335,544,320 is the nearest.
    assert nearest_d2_multiple(335_000_000) == 5
    assert nearest_d2_multiple(3 * 67_108_864 // 2) == 2  # a half rounds up
    assert nearest_d2_multiple(3 * 67_108_864 // 2 - 1) == 1


def test_completed_parts_worked_by_hand() -> None:
    spec = completed_model(DEEPSEEK_V3_VOCAB)
    parts = completed_parts(spec)
    assert parts == {
        "attention": 26_843_545_600,  # 100 · 4 · 8192²
        "ffn": 53_687_091_200,  # 100 · 8 · 8192²
        "biases": 7_372_800,  # 100 · 9 · 8192
        "norms": 3_293_184,  # 100 · 4 · 8192 + 2 · 8192
        "embedding": 1_059_061_760,  # 129,280 · 8192
        "head": 1_059_061_760,
    }
    assert sum(parts.values()) == counts(spec).total == 82_659_426_304


@pytest.mark.oracle
def test_completed_model_is_gpt_neox() -> None:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    transformers.logging.set_verbosity_error()
    cfg = transformers.GPTNeoXConfig(
        hidden_size=8192,
        num_hidden_layers=100,
        num_attention_heads=128,
        intermediate_size=4 * 8192,
        vocab_size=DEEPSEEK_V3_VOCAB,
        tie_word_embeddings=False,
    )
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        model = transformers.AutoModelForCausalLM.from_config(cfg)
    seen = dict.fromkeys(("attention", "ffn", "biases", "norms", "embedding", "head"), 0)
    for name, p in model.named_parameters():
        if "embed_in" in name:
            part = "embedding"
        elif name.startswith("embed_out") or name.startswith("lm_head"):
            part = "head"
        elif "layernorm" in name or "layer_norm" in name:
            part = "norms"
        elif name.endswith(".bias"):
            part = "biases"
        else:
            part = "attention" if ".attention." in name else "ffn"
        seen[part] += p.numel()
    assert completed_parts(completed_model(DEEPSEEK_V3_VOCAB)) == seen


def test_what_a_dense_model_needs_for_deepseek_v3() -> None:
    # 12 · 8192² = 805,306,368; 671,026,404,352 / 805,306,368 = 833.3: 834 layers.
    assert layers_to_reach(DEEPSEEK_V3_TOTAL) == 834
    # 671,026,404,352 / (12 · 100) = 559,188,670.3 = 23,647.2²: width 23,648.
    assert width_to_reach(DEEPSEEK_V3_TOTAL) == 23_648
    assert 12 * 100 * 23_647**2 < DEEPSEEK_V3_TOTAL <= 12 * 100 * 23_648**2


@pytest.mark.parametrize("total", [1, 12, 13, 805_306_368, 805_306_369, 10**15])
def test_reach_is_the_smallest(total: int) -> None:
    layers, width = layers_to_reach(total, 8192), width_to_reach(total, 100)
    assert 12 * layers * 8192**2 >= total > 12 * (layers - 1) * 8192**2
    assert 12 * 100 * width**2 >= total > 12 * 100 * (width - 1) ** 2


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: head_by_head(3, 8192), "heads must divide width"),
        (lambda: head_by_head(0), "heads must be positive"),
        (lambda: layers_to_reach(0), "total must be positive"),
        (lambda: width_to_reach(10, True), "layers must be an integer"),
        (lambda: completed_model(-1), "vocab must be positive"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(LLMSizeError, match=match):
        call()  # type: ignore[operator]
