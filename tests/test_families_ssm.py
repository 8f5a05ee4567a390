"""The state-space, short-convolution and Granite families: plans, shapes and errors.

Each reader's layer plan (which mixer, which MLP, how many norms), the linear shapes used for
block-scaled checkpoints against the count, and for each family a malformed config that makes
``llmsize count`` exit 2 with one line naming the key as that family's config writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmsize import counts
from llmsize.cli import main
from llmsize.hfconfig import from_dict
from llmsize.layers import Mamba, Mixer, ShortConv
from llmsize.memory import kv_cache_by_kind
from llmsize.shapes import linear_shapes
from llmsize_oracle.cases_ssm import SSM

# One malformed config per family: (case, change, what the one-line error must say).
BAD: dict[str, tuple[str, dict[str, Any], str]] = {
    "nemotron_h": (
        "nemotron-h-dense-pattern",
        {"hybrid_override_pattern": "M*X-"},
        "key 'hybrid_override_pattern' item must be one of 'M', '*', '-', 'E', got 'X'",
    ),
    "nemotron_h-moe": (
        "nemotron-3-nano-30b-a3b",
        {"num_experts_per_tok": 129},
        "key 'num_experts_per_tok' (129) must not exceed 'n_routed_experts' (128)",
    ),
    "mamba2": (
        "mamba2-780m",
        {"num_heads": 40},
        "key 'num_heads' (40) x 'head_dim' (64) must equal 'expand' x 'hidden_size' (3072)",
    ),
    "falcon_h1": (
        "falcon-h1-7b",
        {"mamba_d_head": 64},
        "key 'mamba_d_head' (64) x 'mamba_n_heads' (24) must equal 'mamba_d_ssm' (3072)",
    ),
    "falcon_h1-heads": (
        "falcon-h1-7b",
        {"mamba_n_heads": 7, "mamba_d_head": "auto"},
        "key 'mamba_n_heads' (7) must divide 'mamba_d_ssm' (3072)",
    ),
    "jamba": (
        "jamba-1.5-mini",
        {"attn_layer_offset": 8},
        "key 'attn_layer_offset' (8) must be below 'attn_layer_period' (8)",
    ),
    "lfm2": (
        "lfm2-1.2b",
        {"full_attn_idxs": [2, 16]},
        "key 'full_attn_idxs' items must be below 'num_hidden_layers' (16), got [2, 16]",
    ),
    "lfm2_moe": (
        "lfm2-8b-a1b",
        {"layer_types": ["conv", "attention"]},
        "key 'layer_types' must be a list of one type per layer ('num_hidden_layers': 24)",
    ),
    "granite": (
        "granite-3.3-8b",
        {"num_key_value_heads": 64},
        "key 'num_key_value_heads' (64) must not exceed 'num_attention_heads' (32)",
    ),
    "granitemoe": (
        "granite-3.1-3b-a800m",
        {"num_experts_per_tok": 41},
        "key 'num_experts_per_tok' (41) must not exceed 'num_local_experts' (40)",
    ),
    "granitemoehybrid": (
        "granite-4.0-h-small",
        {"layer_types": ["mamba"] * 39 + ["conv"]},
        "key 'layer_types' item must be one of 'mamba', 'linear_attention', 'attention',"
        " 'full_attention', got 'conv'",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_config_exits_2_naming_the_key(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, change, needle = BAD[name]
    assert SSM[case]["model_type"] == name.split("-")[0]
    path = tmp_path / "config.json"
    path.write_text(json.dumps({**SSM[case], **change}), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["count", str(path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_nemotron_pattern_is_one_sublayer_per_block() -> None:
    spec = from_dict(SSM["nemotron-3-nano-30b-a3b"])
    plan = "".join(
        {"mamba": "M", "full": "*", "none": "E" if layer.moe else "-"}[layer.mixer.kind]
        for layer in spec.layer_plan
    )
    assert plan == SSM["nemotron-3-nano-30b-a3b"]["hybrid_override_pattern"]
    assert all(layer.mlp == (layer.mixer.kind == "none") for layer in spec.layer_plan)
    tree = counts(spec).breakdown
    keys = {part.key for part in tree.find("layers").children}
    assert keys == {"mamba_layers", "attention_layers", "moe_mlp_layers"}
    for key in keys:  # one D-sized RMSNorm per block
        assert tree.find(f"layers.{key}.norms").per_layer == spec.width
    assert (spec.moe_layer_count, spec.dense_layer_count) == (23, 0)


def test_falcon_h1_layers_keep_tokens_and_a_state() -> None:
    spec = from_dict(SSM["falcon-h1-7b"])
    mixer = spec.layer_plan[0].mixer
    assert mixer.kind == "parallel" and mixer.keeps_tokens
    assert isinstance(mixer.mamba, Mamba)
    state = mixer.mamba.conv_dim * 4 + 24 * 128 * 256  # conv (x, B, C) + 24 heads of 128x256
    assert mixer.state_elements == state
    row = 2 * spec.kv_heads * spec.head_dim  # one token's key and value
    assert kv_cache_by_kind(spec, 100, 1, "fp32") == {"parallel": 44 * 4 * (100 * row + state)}
    tree = counts(spec).breakdown.find("layers.parallel_dense_layers")
    assert [c.key for c in tree.children] == ["attention", "mamba", "mlp", "norms"]


def test_lfm2_conv_state_is_its_kernel() -> None:
    spec = from_dict(SSM["lfm2-1.2b"])
    conv = spec.layer_plan[0].mixer
    assert conv == Mixer("conv", conv=ShortConv(2048, 3))
    split = kv_cache_by_kind(spec, 10_000, 2, "bf16")
    assert split["conv"] == 10 * 2 * 2048 * 3 * 2
    assert split["full"] == 6 * 2 * 10_000 * 2 * 8 * 64 * 2
    assert spec.ffn == 8192  # 12288 * 2 / 3, rounded up to 256


# Real-size cases without biases on their matrices: the linear shapes must add up to the count's
# projection, MLP and expert parts (dt_proj's bias is the one bias inside a matrix part).
_MATRICES = {"q", "k", "v", "o", "in", "x_proj", "dt_proj", "out", "gate", "up", "down"}
_MATRICES |= {"experts", "shared_experts", "qkvz", "ba"}


@pytest.mark.parametrize(
    "case",
    [
        "nemotron-3-nano-30b-a3b",
        "nemotron-h-56b",
        "mamba2-780m",
        "falcon-h1-7b",
        "jamba-1.5-mini",
        "lfm2-8b-a1b",
        "granite-4.0-h-small",
    ],
)
def test_linear_shapes_add_up_to_the_count(case: str) -> None:
    spec = from_dict(SSM[case])
    shapes = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec))
    leaves = counts(spec).breakdown.find("layers").leaves()
    matrices = sum(leaf.params for leaf in leaves if leaf.key in _MATRICES)
    dt_bias = sum(
        layer.mixer.mamba.inner
        for layer in spec.layer_plan
        if layer.mixer.mamba is not None and layer.mixer.mamba.version == 1
    )
    assert shapes == matrices - dt_bias


def test_mixers_and_plans_are_checked() -> None:
    from dataclasses import replace

    from llmsize.errors import LLMSizeError

    with pytest.raises(LLMSizeError, match=r"^mixer.mamba must be a Mamba exactly when mixer.kind"):
        Mixer("mamba")
    with pytest.raises(LLMSizeError, match=r"^mixer.window must be 0 for 'conv', got 2$"):
        Mixer("conv", 2, conv=ShortConv(8, 3))
    with pytest.raises(LLMSizeError, match=r"^mamba.heads must divide mamba.inner \(30\), got 4$"):
        Mamba(2, inner=30, state=4, conv_kernel=3, heads=4, groups=1)
    with pytest.raises(LLMSizeError, match=r"^mamba.heads must be 0 for Mamba-1$"):
        Mamba(1, inner=32, state=4, conv_kernel=3, heads=2, dt_rank=2)
    spec = from_dict(SSM["nemotron-h-dense-pattern"])
    with pytest.raises(LLMSizeError, match=r"^spec.mlp_kinds\[\] must be one of 'dense', 'none'"):
        replace(spec, mlp_kinds=("moe",) * spec.layers)
    with pytest.raises(LLMSizeError, match=r"^spec.mlp_kinds must have one entry per layer \(4\)"):
        replace(spec, mlp_kinds=("dense",))
    other = Mixer("mamba", mamba=Mamba(2, inner=32, state=4, conv_kernel=3, heads=4, groups=1))
    with pytest.raises(LLMSizeError, match=r"family 'mamba' must all have the same sizes$"):
        replace(spec, mixers=(other, *spec.mixers[1:]))


def test_recurrent_state_has_its_own_dtype() -> None:
    from llmsize.errors import LLMSizeError
    from llmsize.memory import kv_cache_bytes

    spec = from_dict(SSM["nemotron-3-nano-30b-a3b"])
    mamba = spec.layer_plan[0].mixer
    assert mamba.mamba is not None
    conv, recurrent = mamba.mamba.conv_dim * 4, 64 * 64 * 128
    assert (mamba.state_elements, mamba.recurrent_elements) == (conv + recurrent, recurrent)
    fp32 = kv_cache_by_kind(spec, 1000, 1, "bf16")["mamba"]  # transformers' fp32 state
    bf16 = kv_cache_by_kind(spec, 1000, 1, "bf16", state_dtype="bf16")["mamba"]
    assert (fp32, bf16) == (23 * (2 * conv + 4 * recurrent), 23 * 2 * (conv + recurrent))
    assert kv_cache_bytes(spec, 1000, state_dtype="bf16") == sum(
        kv_cache_by_kind(spec, 1000, state_dtype="bf16").values()
    )
    with pytest.raises(LLMSizeError, match="int3"):
        kv_cache_bytes(spec, 1000, state_dtype="int3")
    lfm2 = from_dict(SSM["lfm2-1.2b"]).layer_plan[0].mixer
    assert lfm2.recurrent_elements == 0 and lfm2.state_elements == 2048 * 3
