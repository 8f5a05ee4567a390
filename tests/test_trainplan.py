"""Training per GPU against the ZeRO paper's table, DeepSpeed's estimators and peft."""

from __future__ import annotations

from fractions import Fraction

import pytest

from llmsize import presets
from llmsize.count import counts
from llmsize.errors import LLMSizeError
from llmsize.trainplan import largest_layer, lora_params, nf4_bytes, train_plan, zero_bytes

# Rajbhandari et al. 2019, "ZeRO" (arXiv:1910.02054), Table 1: per-device model-state memory
# in GB for a 7.5B model (K = 12): baseline, P_os, P_os+g, P_os+g+p at each data-parallel size.
ZERO_TABLE_7_5B = {
    4: ("120", "52.5", "41.3", "30"),
    16: ("120", "35.6", "21.6", "7.5"),
    64: ("120", "31.4", "16.6", "1.88"),
    256: ("120", "30.4", "15.4", "0.47"),
    1024: ("120", "30.1", "15.1", "0.12"),
}


def _gb(nbytes: int, digits: str) -> bool:
    """Whether ``nbytes`` in GB rounds to the table's figure at its number of decimals."""
    places = len(digits.split(".")[1]) if "." in digits else 0
    value = Fraction(nbytes, 10**9)
    return abs(value - Fraction(digits)) <= Fraction(1, 2 * 10**places)


@pytest.mark.parametrize("dp", sorted(ZERO_TABLE_7_5B))
def test_zero_paper_table(dp: int) -> None:
    for stage, expected in enumerate(ZERO_TABLE_7_5B[dp]):
        total = sum(zero_bytes(7_500_000_000, stage, dp).values())
        assert _gb(total, expected), (dp, stage, total)


# DeepSpeed's estimators, reproduced from its source (deepspeed/runtime/zero/stage_1_and_2.py
# and stage3.py; no offload): the formulas as written there, float division and int().


def _ds_zero2(total_params: int, num_gpus_per_node: int, num_nodes: int) -> int:
    total_gpus = num_nodes * num_gpus_per_node
    return int(4 * total_params + int(16 * total_params / total_gpus))


def _ds_zero3(total: int, largest: int, num_gpus_per_node: int, num_nodes: int) -> int:
    total_gpus = num_nodes * num_gpus_per_node
    largest_layer_memory = 4 * largest
    return int(largest_layer_memory + int(18 * total / total_gpus))


@pytest.mark.parametrize(
    ("model", "per_node", "nodes"),
    [("llama-3.1-8b", 8, 1), ("mistral-7b", 4, 1), ("qwen2.5-7b", 8, 2), ("gpt2", 2, 1)],
)
def test_deepspeed_estimators(model: str, per_node: int, nodes: int) -> None:
    spec = presets.load(model)
    total, largest = counts(spec).total, largest_layer(spec)
    n = per_node * nodes
    assert sum(zero_bytes(total, 2, n, layout="deepspeed").values()) == _ds_zero2(
        total, per_node, nodes
    )
    assert sum(zero_bytes(total, 3, n, layout="deepspeed", largest=largest).values()) == (
        _ds_zero3(total, largest, per_node, nodes)
    )


def test_largest_layer_is_the_vocabulary_matrix() -> None:
    assert largest_layer(presets.load("llama-3.1-8b")) == 128256 * 4096


def test_lora_count_is_peft() -> None:
    # peft's print_trainable_parameters() for Llama-3.1-8B, r=16 on q/k/v/o/gate/up/down:
    # "trainable params: 41,943,040 || all params: 8,072,204,288" (8,030,261,248 + adapters).
    assert lora_params(presets.load("llama-3.1-8b"), 16) == 41_943_040
    assert lora_params(presets.load("llama-3.1-8b"), 8, ("q", "v")) == 32 * 8 * (
        (4096 + 4096) + (4096 + 1024)
    )


def test_qlora_constants() -> None:
    # Dettmers et al. 2023, section 3: double quantization costs 8/64 + 32/(64*256) bits per
    # weight, 0.127 against 0.5 for fp32 block constants.
    n = 64 * 256 * 1000
    assert nf4_bytes(n) == n // 2 + n // 64 + 4 * n // (64 * 256)
    assert Fraction(8 * (nf4_bytes(n) - n // 2), n) == Fraction(8, 64) + Fraction(32, 64 * 256)


def test_train_plan_parts() -> None:
    spec = presets.load("llama-3.1-8b")
    q = train_plan(spec, "rtx-4090", qlora=16, seq=2048)
    full = train_plan(spec, "h100", zero=0, seq=2048)
    assert q.fits and not full.fits
    assert full.per_gpu["weights"] + full.per_gpu["gradients"] + full.per_gpu["optimizer"] == (
        16 * 8_030_261_248
    )
    sharded = train_plan(spec, "h100", 8, zero=3, seq=2048)
    assert sharded.per_gpu["optimizer"] == 12 * 8_030_261_248 // 8
    with pytest.raises(LLMSizeError, match="method must be one of"):
        train_plan(spec, "h100", zero=1, lora=8)
    with pytest.raises(LLMSizeError, match="stage must be 0, 1, 2 or 3"):
        train_plan(spec, "h100", zero=4)
