"""Presets reproduce figures published by others (model cards, papers, the Hub's API)."""

from __future__ import annotations

import re

import pytest

from llmsize import counts, fmt, presets
from llmsize.shapes import linear_shapes
from llmsize.spec import Spec

ALL = presets.ids()


def test_required_presets_exist() -> None:
    required = {
        "gpt2",
        "gpt3-175b",
        "llama-2-7b",
        "llama-2-70b",
        "llama-3-8b",
        "llama-3.1-405b",
        "mistral-7b",
        "mixtral-8x7b",
        "qwen2.5-7b",
        "qwen1.5-moe-a2.7b",
        "deepseek-v3",
    }
    assert required <= set(ALL)


@pytest.mark.parametrize("preset_id", ALL)
def test_preset_is_complete(preset_id: str) -> None:
    preset = presets.get(preset_id)
    assert isinstance(preset.spec, Spec)
    assert preset.config_source and preset.claims
    for claim in preset.claims:
        assert all(claim.source[lang] and claim.reason[lang] for lang in ("en", "zh"))
        # Reasons are prose shown on the site: figures there must be generated, not typed.
        assert not re.search(r"\d", claim.reason["en"] + claim.reason["zh"]), claim


def test_unknown_preset_lists_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown preset 'llama-9' \(known: .*llama-2-7b"):
        presets.get("llama-9")


@pytest.mark.parametrize(
    ("preset_id", "kind", "published"),
    [
        # Model cards and papers, rounded the way each source rounds.
        ("llama-2-7b", "total", "6.74B"),  # Hub safetensors: 6,738,415,616
        ("mixtral-8x7b", "total", "46.7B"),  # Mistral AI, "Mixtral of experts"
        ("mixtral-8x7b", "active", "12.9B"),
        ("deepseek-v3", "total", "671B"),  # DeepSeek-V3 technical report
        ("qwen1.5-moe-a2.7b", "total", "14.3B"),  # Qwen1.5-MoE-A2.7B card
        ("qwen3-30b-a3b", "total", "30.5B"),  # Qwen3-30B-A3B card
        ("phi-3-mini", "total", "3.82B"),  # Hub: 3.82B
        ("gemma-7b", "total", "8.54B"),  # Gemma report, Table 2 (total incl. embeddings)
        ("qwen3-8b", "total", "8.19B"),  # Hub: 8.19B
        ("gpt2", "total", "124M"),  # OpenAI's corrected figure
        ("bert-base-uncased", "total", "109M"),  # Hub: 110M label, 109,482,240 exact
        ("gpt3-175b", "total", "175B"),  # Brown et al. 2020, Table 2.1
    ],
)
def test_published_figures(preset_id: str, kind: str, published: str) -> None:
    value = getattr(counts(presets.load(preset_id)), kind)
    assert fmt.count(value, "en") == published


def test_deepseek_v3_active_about_37b() -> None:
    c = counts(presets.load("deepseek-v3"))
    assert 36_500_000_000 < c.active < 38_000_000_000
    # README_WEIGHTS.md: 36.6B activated when the input embedding is left out.
    embedding = c.breakdown.get("embeddings.token")
    assert fmt.count(c.active - embedding, "en") == "36.6B"


def test_deepseek_v3_checkpoint_matches_the_hub_exactly() -> None:
    # The Hub API's safetensors summary of deepseek-ai/DeepSeek-V3:
    # {"BF16": 3918786560, "F8_E4M3": 680571043840, "F32": 41555600}, total 684531386000.
    spec = presets.load("deepseek-v3")
    c = counts(spec)
    assert c.checkpoint == 684_531_386_000
    fp8 = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec, mtp=True))
    assert fp8 == 680_571_043_840
    router_bias = 256 * (spec.moe_layer_count + spec.mtp_layers)
    assert c.checkpoint - c.stored + router_bias == 41_555_600  # fp32: scales + router bias
    assert c.stored - fp8 - router_bias == 3_918_786_560  # bf16: the rest
    assert fmt.count(c.checkpoint, "en") == "685B"


def test_mla_kv_heads_do_not_matter() -> None:
    spec = presets.load("deepseek-v3")
    assert spec.attention_kind == "MLA"
    assert (spec.dense_layer_count, spec.moe_layer_count) == (3, 58)


def test_claim_text_fields_must_be_bilingual() -> None:
    from llmsize.errors import LLMSizeError
    from llmsize.presets import _claim

    raw = {"kind": "total", "text": "7B", "value": 7, "reason": {"en": "r", "zh": "r"}}
    with pytest.raises(LLMSizeError, match="claim source must be an object with en and zh"):
        _claim("x", {**raw, "source": "English only"})
