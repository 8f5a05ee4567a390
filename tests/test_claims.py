"""Claims against exact counts, checked with figures their authors and the Hub publish."""

from __future__ import annotations

from fractions import Fraction

import pytest

from llmsize import LLMSizeError, fmt, presets
from llmsize.claims import (
    exact_for,
    gap,
    gap_key,
    label_digits,
    label_value,
    shared_expert_units,
    verdict,
)


def _claim(preset_id: str, text: str) -> tuple[presets.Preset, presets.Claim]:
    preset = presets.get(preset_id)
    return preset, next(c for c in preset.claims if c.text == text)


def test_label_value_and_digits() -> None:
    assert label_value("110M") == (110_000_000, 10_000_000)
    assert label_value("46.7B") == (46_700_000_000, 100_000_000)
    assert label_value("70B") == (70_000_000_000, 10_000_000_000)
    assert label_value("7,751,248,896") == (7_751_248_896, 1)
    assert [label_digits(t) for t in ("6.53B", "70B", "110M", "7,751,248,896")] == [3, 1, 2, 10]
    for bad in ("", "B", "7.3X", "about 7B"):
        with pytest.raises(LLMSizeError, match="text must be a figure"):
            label_value(bad)


def test_verdicts_of_published_labels() -> None:
    # Exact counts: transformers' count of each released config (meta device), as recorded by
    # the oracle; the labels: the papers and model cards each preset cites.
    assert verdict(124_439_808, "124M") == "rounded"
    # The GPT-2 paper's 117M is no rounding of the released model (OpenAI's README corrects it).
    assert verdict(124_439_808, "117M") == "not_rounding"
    # Llama 3 Herd of Models: "405B"; the released model has 405,853,388,800 parameters.
    assert verdict(405_853_388_800, "405B") == "truncated"
    # Qwen2.5-7B card: "7.61B" for 7,615,616,512 (cut off, not rounded to 7.62B).
    assert verdict(7_615_616_512, "7.61B") == "truncated"
    # Gemma paper, Table 2: 7,751,248,896 non-embedding parameters, every digit.
    assert verdict(7_751_248_896, "7,751,248,896") == "exact"


def test_exact_for_follows_the_authors_definitions() -> None:
    # DeepSeek's README_WEIGHTS: "Activation parameters: 36.6B" without the input embedding.
    preset, claim = _claim("deepseek-v3", "36.6B")
    assert fmt.count(exact_for(preset, claim)) == "36.6B"
    # The Hub's safetensors metadata of deepseek-ai/DeepSeek-V3 sums to 684,531,386,000.
    preset, claim = _claim("deepseek-v3", "685B")
    assert exact_for(preset, claim) == 684_531_386_000
    # A plain claim is the count of its kind: Mixtral's 12.9B active (Mistral's blog post).
    preset, claim = _claim("mixtral-8x7b", "12.9B")
    assert exact_for(preset, claim) == 12_879_925_248


def test_gap_convention_base_is_exact_sign_is_the_claims() -> None:
    # GPT-2's paper says 117M of a 124,439,808-parameter model: it understates, so negative.
    assert gap(117_000_000, 124_439_808) == Fraction(-7_439_808, 124_439_808)
    assert fmt.gap(117_000_000, 124_439_808) == "-6.0%"
    assert gap(7_000_000_000, 6_738_415_616) > 0  # Llama-2-7B's "7B" overstates
    with pytest.raises(LLMSizeError, match="exact must not be zero"):
        gap(1, 0)


def test_gap_keys_tell_same_kind_claims_apart() -> None:
    assert gap_key(*_claim("gemma-7b", "7B")) == "gap.gemma-7b.total"
    assert gap_key(*_claim("gpt2", "117M")) == "gap.gpt2.total.117M"
    assert gap_key(*_claim("gpt2", "124M")) == "gap.gpt2.total.124M"


def test_shared_experts_as_their_authors_count_them() -> None:
    # Qwen's Qwen1.5-MoE blog post: "4 shared experts"; the config fuses them into one MLP of
    # shared_expert_intermediate_size 5,632 beside experts of 1,408.
    assert shared_expert_units(presets.load("qwen1.5-moe-a2.7b").moe) == 4
    # DeepSeek-V2 paper and the V2-Lite card: 2 shared experts; DeepSeek-V3 report: 1.
    assert shared_expert_units(presets.load("deepseek-v2-lite").moe) == 2
    assert shared_expert_units(presets.load("deepseek-v3").moe) == 1
    assert shared_expert_units(presets.load("mixtral-8x7b").moe) == 0
