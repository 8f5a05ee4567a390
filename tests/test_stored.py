"""What release files store beyond the parameters, against the Hub's own metadata."""

from __future__ import annotations

import pytest

from llmsize import LLMSizeError, counts, presets
from llmsize.checkpoints import fp8_checkpoint
from llmsize.stored import beyond_model, bf16_parts, gpt2_mask_values, mtp_parts

# The Hub's safetensors metadata of deepseek-ai/DeepSeek-V3 (API: model_info(...).safetensors).
HUB_DEEPSEEK_V3 = {"F8_E4M3": 680_571_043_840, "BF16": 3_918_786_560, "F32": 41_555_600}
# The Hub's safetensors metadata of openai-community/gpt2: {"F32": 137022720} (also the example
# table of the safetensors documentation, "Metadata Parsing").
HUB_GPT2 = 137_022_720


def test_deepseek_v3_bf16_parts() -> None:
    v3 = presets.load("deepseek-v3")
    parts = dict(bf16_parts(v3))
    assert sum(parts.values()) == HUB_DEEPSEEK_V3["BF16"] == fp8_checkpoint(v3).bf16
    # Worked from the config: 4 vocabulary tables of 129,280 x 7,168; 58 + 1 routers of
    # 256 x 7,168; eh_proj 2 x 7,168 x 7,168; norms: 2 per layer and per MTP block, the final
    # norm, enorm, hnorm and the MTP head norm (7,168 each), plus the query (1,536) and key/value
    # (512) latent norms of 61 + 1 attention blocks.
    assert parts["vocab"] == 4 * 129_280 * 7_168
    assert parts["routers"] == 59 * 256 * 7_168
    assert parts["eh_proj"] == 2 * 7_168 * 7_168
    assert parts["norms"] == (2 * 62 + 4) * 7_168 + 62 * (1_536 + 512)


def test_deepseek_v3_mtp_module() -> None:
    v3 = presets.load("deepseek-v3")
    parts = dict(mtp_parts(v3))
    c = counts(v3)
    # The module and the main model's router biases make up what is stored beyond the model.
    assert sum(n for _, n in beyond_model(v3)) == c.stored - c.total
    # DeepSeek's README: "685B ... includes 671B of the Main Model weights and 14B of the
    # Multi-Token Prediction (MTP) Module weights": the Hub total less the model, rounded.
    assert round(c.checkpoint - c.total, -9) == 14_000_000_000
    assert parts["embedding"] == parts["head"] == 129_280 * 7_168
    assert parts["router_bias"] == 256
    assert dict(beyond_model(v3)) == {"router_bias": 58 * 256, "mtp": sum(parts.values())}


def test_gpt2_hub_total_is_parameters_plus_masks() -> None:
    gpt2 = presets.load("gpt2")
    assert gpt2_mask_values(gpt2) == 12 * 1_024 * 1_024
    assert counts(gpt2).total + gpt2_mask_values(gpt2) == HUB_GPT2


def test_errors_name_the_field() -> None:
    llama = presets.load("llama-2-7b")
    with pytest.raises(LLMSizeError, match=r"spec\.mtp_layers"):
        mtp_parts(llama)
    with pytest.raises(LLMSizeError, match=r"spec\.quant_block"):
        bf16_parts(llama)
    with pytest.raises(LLMSizeError, match=r"spec\.max_positions"):
        gpt2_mask_values(llama)
    assert beyond_model(llama) == []
