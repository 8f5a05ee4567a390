"""The fit planner against published deployment statements, and its layout rules."""

from __future__ import annotations

import pytest

from llmsize import presets
from llmsize.capacity import max_batch, max_context, min_gpus
from llmsize.errors import LLMSizeError
from llmsize.hardware import GPU, get_gpu, gpus
from llmsize.memory import kv_cache_bytes, weights_bytes
from llmsize.plan import Split, plan

GiB = 2**30


def test_catalog_is_exact_and_complete() -> None:
    ids = {g.id for g in gpus()}
    wanted = {"a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h20", "h200", "b200", "l40s"}
    wanted |= {"l4", "rtx-3090", "rtx-4080", "rtx-4090", "rtx-5080", "rtx-5090", "mi300x"}
    wanted |= {"mi325x", "mi355x", "m2-ultra", "m4-max", "ascend-910b", "gaudi3", "tpu-v5e"}
    assert wanted <= ids | {"tpu-v6e"} and "tpu-v6e" in ids
    for g in gpus():
        assert isinstance(g.memory, int) and isinstance(g.bandwidth, int)
        assert all(p is None or isinstance(p, int) for p in g.peaks.values())
        assert g.name["zh"] and g.link["zh"]
    # nvidia-smi totals (Modal, modal-labs/modal-client#2797): 81559 MiB on an H100.
    assert get_gpu("h100").memory == 81559 * 2**20 == 85_520_809_984
    assert get_gpu("mi300x").memory == 192 * GiB  # ROCm's table gives GiB
    assert get_gpu("h100").peak("fp8") == 1_978_900_000_000_000
    assert get_gpu("a100-80gb").peak("fp8") == get_gpu("a100-80gb").peak("int8")  # no fp8 path


# --- published statements ---------------------------------------------------------------
# SGLang, "DeepSeek V3/V3.1/R1 Usage" (docs.sglang.io/docs/basic_usage/deepseek_v3.md):
# full-precision FP8 on 8 x H200, and 2 x 8 x H100/H800/H20; vLLM's DeepSeek-V3 recipe serves
# it on 8xH200 with FP8.


def test_deepseek_v3_fp8_fits_8xh200_not_8xh100() -> None:
    spec = presets.load("deepseek-v3")
    assert plan(spec, "h200", 8, dtype="fp8_block128").fits
    assert not plan(spec, "h100-sxm", 8, dtype="fp8_block128").fits
    assert min_gpus(spec, "h100-sxm", dtype="fp8_block128").split == Split(8, 2)


def test_llama_405b_fp8_fits_8xh100() -> None:
    # Meta, "Introducing Llama 3.1" (July 2024): the 405B model quantized to FP8 runs within
    # a single server node (8 x H100-80GB).
    assert plan(presets.load("llama-3.1-405b"), "h100-sxm", 8, dtype="fp8").fits


def test_gpt_oss_fits_80gb_and_16gb() -> None:
    # OpenAI gpt-oss model card: MXFP4 MoE weights make "gpt-oss-120b run on a single 80GB
    # GPU (like NVIDIA H100 or AMD MI300X) and the gpt-oss-20b model run within 16GB of memory".
    big, small = presets.load("gpt-oss-120b"), presets.load("gpt-oss-20b")
    assert plan(big, "h100-sxm", 1, expert_dtype="mxfp4").fits
    assert plan(small, "rtx-5080", 1, expert_dtype="mxfp4").fits
    assert not plan(big, "h100-sxm", 1).fits  # in bf16 it would not


def test_llama_8b_bf16_on_24gb_at_8k() -> None:
    # Hugging Face, "Llama 3.1 - 405B, 70B & 8B" (huggingface.co/blog/llama31): 8B in FP16
    # takes 16 GB, its KV cache 1.95 GB at 16k tokens, so a 24 GB card serves 8k.
    spec = presets.load("llama-3.1-8b")
    assert plan(spec, "rtx-4090", 1, context=8192).fits
    assert plan(spec, "rtx-3090", 1, context=8192).fits
    assert max_context(spec, "rtx-4090") >= 8192


# --- layout rules ------------------------------------------------------------------------


def test_single_gpu_is_the_memory_module() -> None:
    spec = presets.load("llama-3.1-8b")
    p = plan(spec, "h100", 1, context=4096, batch=3)
    weights = sum(p.per_gpu[k] for k in ("embedding", "layers", "experts", "head"))
    assert weights == weights_bytes(8_030_261_248, "bf16")
    assert p.per_gpu["kv_cache"] == kv_cache_bytes(spec, 4096, 3)
    assert p.per_gpu["reserve"] == -(-get_gpu("h100").memory // 10)


def test_kv_heads_split_then_replicated() -> None:
    spec = presets.load("llama-3.1-8b")  # 8 KV heads
    whole = kv_cache_bytes(spec, 1024)
    assert plan(spec, "h100", 4, context=1024).per_gpu["kv_cache"] == whole // 4
    assert plan(spec, "h100", 8, context=1024).per_gpu["kv_cache"] == whole // 8
    ds = presets.load("deepseek-v3")  # MLA: every rank keeps the whole latent
    assert plan(ds, "h200", 8, dtype="fp8_block128", context=1024).per_gpu["kv_cache"] == (
        kv_cache_bytes(ds, 1024)
    )


def test_pipeline_stage_holds_its_layers() -> None:
    spec = presets.load("llama-3.1-8b")
    one = plan(spec, "h100", 1, context=1024)
    two = plan(spec, "h100", 2, split=Split(1, 2), context=1024)
    assert two.per_gpu["kv_cache"] == one.per_gpu["kv_cache"] // 2
    assert two.stages[0] != two.stages[1]  # embedding on the first, head on the last


def test_max_batch_and_context_are_the_boundary() -> None:
    spec = presets.load("llama-3.1-8b")
    b = max_batch(spec, "h100", 1, context=8192)
    assert plan(spec, "h100", 1, context=8192, batch=b).fits
    assert not plan(spec, "h100", 1, context=8192, batch=b + 1).fits
    t = max_context(spec, "rtx-4090", 1, batch=8)
    assert plan(spec, "rtx-4090", 1, context=t, batch=8).fits
    assert not plan(spec, "rtx-4090", 1, context=t + 1, batch=8).fits


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"gpu": "h1000"}, "gpu must be one of"),
        ({"gpus": 0}, "gpus must be positive"),
        ({"gpus": 3}, "tp must divide the attention heads (32), got 3"),
        ({"gpus": 2, "split": Split(2, 2)}, "tp x pp must equal gpus (2)"),
        ({"gpus": 2, "split": Split(2, 1, 2)}, "ep must be 1 for a model without experts"),
        ({"dtype": "fp7"}, "dtype must be one of"),
    ],
)
def test_bad_input_is_one_line(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"gpu": "h100", "gpus": 1, **kwargs}
    with pytest.raises(LLMSizeError, match=None) as err:
        plan(presets.load("llama-3.1-8b"), **args)  # type: ignore[arg-type]
    assert message in str(err.value) and "\n" not in str(err.value)


def test_gpu_passes_through() -> None:
    g = get_gpu("4090")
    assert isinstance(g, GPU) and get_gpu(g) is g
