"""Released checkpoint formats against the totals their published files state.

* gpt-oss (MXFP4 experts, everything else bf16): ``metadata.total_size`` of
  openai/gpt-oss-20b's ``model.safetensors.index.json`` is 13,761,264,768 bytes (a stored copy of
  the repository's config, generation config and index, side by side); openai/gpt-oss-120b's 15
  safetensors files hold 65,248,815,744 bytes of tensor data (a stored inventory test of those
  files: 65,248,893,184 bytes with their headers).
* DeepSeek-V3.2 (fp8 with 128x128 block scales, as DeepSeek-V3, its indexers' matrices counted
  with the bf16 part): stored pages quote the Hub's parameter figure for the same architecture as
  "685.4B" and the repository as "690GB"; both round from the computed figures. The indexers'
  storage type is not confirmed by a stored copy of the files.
* Kimi-K2 (fp8 with 128x128 block scales, as DeepSeek-V3): no stored copy of its index or of the
  Hub's per-dtype figures was found; a stored page quoting the Hub's parameter figure reads
  "1026.5B", which the computed total rounds to.
"""

from __future__ import annotations

import pytest

from llmsize import fmt, presets
from llmsize.checkpoints import DTYPE_BYTES, MXFP4_GROUP, hub_split, mxfp4_checkpoint
from llmsize.errors import LLMSizeError

GPT_OSS_TENSOR_BYTES = {"gpt-oss-20b": 13_761_264_768, "gpt-oss-120b": 65_248_815_744}


def _bytes(split: dict[str, int]) -> int:
    return sum(DTYPE_BYTES[dtype] * n for dtype, n in split.items())


@pytest.mark.parametrize("preset_id", sorted(GPT_OSS_TENSOR_BYTES))
def test_gpt_oss_mxfp4_bytes_match_the_published_files(preset_id: str) -> None:
    preset = presets.get(preset_id)
    split = hub_split(preset.spec, preset.config)
    assert set(split) == {"BF16", "U8"}
    assert _bytes(split) == GPT_OSS_TENSOR_BYTES[preset_id]
    m = mxfp4_checkpoint(preset.spec)
    assert m.nbytes == GPT_OSS_TENSOR_BYTES[preset_id]
    # Two 4-bit values per byte and one scale byte per 32 values: 17 bytes per 32 weights.
    assert m.blocks * 2 == m.quantized and m.scales * MXFP4_GROUP == m.quantized
    assert (m.blocks + m.scales) * 32 == m.quantized * 17


def test_gpt_oss_120b_split_by_dtype() -> None:
    preset = presets.get("gpt-oss-120b")
    split = hub_split(preset.spec, preset.config)
    assert split == {"BF16": 2_167_371_072, "U8": 60_914_073_600}
    # The Hub counts a U8 byte as one element: far below the 116.8B parameters.
    assert fmt.count(sum(split.values()), "en") == "63.1B"


def test_kimi_k2_fp8_split() -> None:
    preset = presets.get("kimi-k2")
    split = hub_split(preset.spec, preset.config)
    assert split == {"BF16": 2_514_967_552, "F8_E4M3": 1_023_893_241_856, "F32": 62_518_232}
    assert sum(split.values()) == 1_026_470_727_640
    assert (sum(split.values()) + 50_000_000) // 100_000_000 == 10_265  # "1026.5B", as quoted
    assert _bytes(split) == 1_029_173_249_888


def test_deepseek_v3_2_split_rounds_to_the_quoted_figures() -> None:
    preset = presets.get("deepseek-v3.2")
    split = hub_split(preset.spec, preset.config)
    assert split == {"BF16": 4_784_270_848, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}
    assert (sum(split.values()) + 50_000_000) // 100_000_000 == 6_854  # "685.4B"
    assert (_bytes(split) + 500_000_000) // 1_000_000_000 == 690  # "690GB"


def test_deepseek_v3_split_unchanged() -> None:
    preset = presets.get("deepseek-v3")
    split = hub_split(preset.spec, preset.config)
    assert split == {"BF16": 3_918_786_560, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}


def test_unquantized_release_is_all_bf16() -> None:
    preset = presets.get("llama-2-7b")
    assert hub_split(preset.spec, preset.config) == {"BF16": 6_738_415_616}


def test_mxfp4_needs_routed_experts() -> None:
    with pytest.raises(LLMSizeError, match=r"spec\.moe must have routed experts"):
        mxfp4_checkpoint(presets.load("llama-2-7b"))
