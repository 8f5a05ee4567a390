"""Checkpoints as released, against what the Hub and published GGUF files say.

* DeepSeek-V3's fp8 split: the Hugging Face Hub's safetensors metadata of
  deepseek-ai/DeepSeek-V3 (values per dtype: BF16 3,918,786,560; F8_E4M3 680,571,043,840;
  F32 41,555,600).
* Q4_K_M: the file sizes model cards publish for files made by llama.cpp's ``llama-quantize``:
  TheBloke/Llama-2-7B-Chat-GGML ``q4_K_M`` 4.08 GB and ``q4_K_S`` (every matrix Q4_K, head Q6_K)
  3.83 GB; localmodels/Llama-2-13B-ggml ``q4_K_M`` 7.87 GB; TheBloke's GGUF files of Llama-2-70B
  fine-tunes (same shapes: Llama-2-70B-Orca-200k, Synthia-70B-v1.1...) ``Q4_K_M`` 41.42 GB. The
  cards describe the mix as "GGML_TYPE_Q6_K for half of the attention.wv and feed_forward.w2
  tensors, else GGML_TYPE_Q4_K". A file adds under a megabyte of metadata for a 32,000-token
  vocabulary, below the cards' last digit.
"""

from __future__ import annotations

import pytest

from llmsize import counts, fmt, presets
from llmsize.checkpoints import fp8_checkpoint, more_bits_layers, q4_k_m
from llmsize.errors import LLMSizeError
from llmsize.memory import weights_bytes
from llmsize.spec import Spec

HUB_DEEPSEEK_V3 = {"BF16": 3_918_786_560, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}


def test_fp8_split_matches_the_hub() -> None:
    split = fp8_checkpoint(presets.load("deepseek-v3"))
    assert (split.bf16, split.fp8, split.fp32) == (
        HUB_DEEPSEEK_V3["BF16"],
        HUB_DEEPSEEK_V3["F8_E4M3"],
        HUB_DEEPSEEK_V3["F32"],
    )
    assert split.values == sum(HUB_DEEPSEEK_V3.values())
    assert split.nbytes == (
        2 * HUB_DEEPSEEK_V3["BF16"] + HUB_DEEPSEEK_V3["F8_E4M3"] + 4 * HUB_DEEPSEEK_V3["F32"]
    )
    # DeepSeek-V3's config: 256 routed experts in 58 MoE layers plus the MTP layer.
    assert split.router_bias == 256 * (58 + 1)


def test_fp8_split_needs_a_block_release(llama2_7b: Spec) -> None:
    with pytest.raises(LLMSizeError, match=r"spec\.quant_block must be positive"):
        fp8_checkpoint(llama2_7b)


def _llama2_13b() -> Spec:
    # meta-llama/Llama-2-13b-hf config.json
    return Spec("Llama-2-13B", 40, 5120, 40, 40, 128, 13824, 32000)


def _gb(n: int, digits: int = 3) -> str:
    return fmt.bytes_(n, "GB", digits=digits)


def test_q4_k_m_matches_published_files(llama2_7b: Spec) -> None:
    assert _gb(q4_k_m(llama2_7b).nbytes) == "4.08 GB"
    assert _gb(q4_k_m(_llama2_13b()).nbytes) == "7.87 GB"
    assert _gb(q4_k_m(presets.load("llama-2-70b")).nbytes, 4) == "41.42 GB"


def test_q4_k_s_reading_of_the_same_file(llama2_7b: Spec) -> None:
    # The cards' q4_K_S: every matrix Q4_K but the head (Q6_K), norms f32: 3.83 GB. Q4_K_M
    # differs from it only in the Q6_K half of attn_v and ffn_down.
    mix = q4_k_m(llama2_7b)
    upgraded = mix.bytes_of("attn_v", "q6_K") + mix.bytes_of("ffn_down", "q6_K")
    as_q4k = weights_bytes(mix.values_of("q6_K") - llama2_7b.vocab * llama2_7b.width, "q4_k")
    assert _gb(mix.nbytes - upgraded + as_q4k) == "3.83 GB"


def test_q4_k_m_half_of_attn_v_and_ffn_down(llama2_7b: Spec) -> None:
    mix = q4_k_m(llama2_7b)
    for role in ("attn_v", "ffn_down"):
        q6 = sum(n for r, t, n in mix.groups if r == role and t == "q6_K")
        q4 = sum(n for r, t, n in mix.groups if r == role and t == "q4_K")
        assert q6 == q4 > 0, role
    assert ("output", "q6_K", llama2_7b.vocab * llama2_7b.width) in mix.groups
    assert mix.values == counts(llama2_7b).total
    # Norms stay f32: 2 per layer and the final one, 4,096 values each, 4 bytes per value.
    assert mix.bytes_of("norms") == 4 * (2 * 32 + 1) * 4096


def test_q4_k_m_is_larger_than_all_q4_k(llama3_8b: Spec) -> None:
    mix = q4_k_m(llama3_8b)
    assert mix.nbytes > weights_bytes(counts(llama3_8b).total, "q4_k")


def test_q4_k_m_fallback_for_rows_that_are_not_whole_blocks() -> None:
    # Qwen2-0.5B (Qwen/Qwen2-0.5B config.json): width 896 is not a multiple of 256, so the
    # matrices reading it fall back to 32-weight types; the tied embedding doubles as the head.
    spec = Spec("Qwen2-0.5B", 24, 896, 14, 2, 64, 4864, 151936, tied_embeddings=True)
    types = {(r, t) for r, t, _ in q4_k_m(spec).groups}
    assert ("token_embd", "q8_0") in types
    assert ("attn_q", "q5_0") in types and ("attn_v", "q8_0") in types
    assert ("ffn_down", "q6_K") in types and ("ffn_down", "q4_K") in types


@pytest.mark.parametrize("preset", ["deepseek-v3", "mixtral-8x7b", "gpt2", "bert-base-uncased"])
def test_q4_k_m_outside_its_scope(preset: str) -> None:
    with pytest.raises(LLMSizeError, match="must be a dense decoder"):
        q4_k_m(presets.load(preset))


def test_q4_k_m_extra_over_all_q4_k(llama2_7b: Spec) -> None:
    mix = q4_k_m(llama2_7b)
    roles = {r for r, _, _ in mix.groups}
    assert sum(mix.extra(r) for r in roles) == mix.over_q4_k == mix.nbytes - mix.all_q4_k > 0
    # The cards' q4_K_M minus q4_K_S (4.08 GB - 3.83 GB) is the Q6_K half of attn_v and
    # ffn_down; norms in f32 add well under 1% of that.
    assert fmt.bytes_(mix.extra("attn_v", "ffn_down"), "GB", digits=2) == "0.26 GB"
    assert 100 * mix.extra("norms") < mix.extra("attn_v", "ffn_down")


def test_more_bits_layers_half_of_32() -> None:
    assert len(more_bits_layers(32)) == 16
    assert len(more_bits_layers(40)) == 20
    with pytest.raises(LLMSizeError, match="layers must be"):
        more_bits_layers(0)
