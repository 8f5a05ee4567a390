from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmsize.count import counts
from llmsize.dtypes import (
    DTYPE_ALIASES,
    DTYPES,
    GB,
    KB,
    MB,
    TB,
    DType,
    GiB,
    KiB,
    MiB,
    TiB,
    bytes_per_param,
    get_dtype,
    to_gb_gib,
)
from llmsize.errors import LLMSizeError
from llmsize.memory import (
    kv_cache_bytes,
    kv_cache_bytes_per_token,
    kv_cache_naive_mla_bytes_per_token,
    matrix_bytes,
    weights_bytes,
)
from llmsize.spec import Spec
from llmsize.training import TRAINING_CONVENTIONS, activation_bytes, training_bytes

FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

# --- units ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "value"),
    [
        (KB, 1000),
        (MB, 1000**2),
        (GB, 1000**3),
        (TB, 1000**4),
        (KiB, 1024),
        (MiB, 1024**2),
        (GiB, 1024**3),
        (TiB, 1024**4),
    ],
)
def test_units(unit: int, value: int) -> None:
    assert unit == value
    assert isinstance(unit, int)


def test_to_gb_gib_exact() -> None:
    # An "80 GB" H100 has 80 GiB, which is 85.89934592 GB.
    gb, gib = to_gb_gib(80 * GiB)
    assert gib == 80
    assert gb == Fraction(8589934592, 100000000)
    assert to_gb_gib(0) == (Fraction(0), Fraction(0))
    assert isinstance(gb, Fraction)


@pytest.mark.parametrize("bad", [-1, 1.5, True, "1"])
def test_to_gb_gib_rejects(bad: object) -> None:
    with pytest.raises(LLMSizeError, match="nbytes"):
        to_gb_gib(bad)  # type: ignore[arg-type]


# --- dtype table ---------------------------------------------------------------------------

# Bits per weight, scales included, from each format's layout:
#   GGML ggml-common.h: block_q8_0 = fp16 d + int8 qs[32]                    = 34 bytes / 32
#                       block_q4_0 = fp16 d + uint8 qs[16]                    = 18 bytes / 32
#                       block_q4_K = fp16 d + fp16 dmin + scales[12] + qs[128] = 144 bytes / 256
#   DeepSeek-V3: fp8 weight + one fp32 scale per 128 x 128 tile.
BITS = [
    ("fp64", Fraction(64)),
    ("fp32", Fraction(32)),
    ("tf32", Fraction(32)),
    ("bf16", Fraction(16)),
    ("fp16", Fraction(16)),
    ("fp8_e4m3", Fraction(8)),
    ("fp8_e5m2", Fraction(8)),
    ("int8", Fraction(8)),
    ("int4", Fraction(4)),
    ("q8_0", Fraction(34 * 8, 32)),
    ("q4_0", Fraction(18 * 8, 32)),
    ("q4_k", Fraction(144 * 8, 256)),
    ("fp8_block128", Fraction(8) + Fraction(32, 128 * 128)),
]


def test_table_has_exactly_these_formats() -> None:
    assert sorted(DTYPES) == sorted(name for name, _ in BITS)


@pytest.mark.parametrize(("name", "bits"), BITS)
def test_bits_and_bytes_per_param(name: str, bits: Fraction) -> None:
    dt = DTYPES[name]
    assert dt.name == name
    assert dt.bits == bits
    assert bytes_per_param(name) == bits / 8
    assert isinstance(bytes_per_param(name), Fraction)
    assert dt.description["en"] and dt.description["zh"] and dt.source


@pytest.mark.parametrize(
    ("name", "block", "block_bytes", "bits"),
    [
        ("q8_0", 32, 34, Fraction(17, 2)),
        ("q4_0", 32, 18, Fraction(9, 2)),
        ("q4_k", 256, 144, Fraction(9, 2)),
    ],
)
def test_gguf_blocks(name: str, block: int, block_bytes: int, bits: Fraction) -> None:
    dt = DTYPES[name]
    assert (dt.kind, dt.block, dt.block_bytes) == ("gguf", block, block_bytes)
    assert dt.bits == bits


def test_half_byte_and_fp8_block_figures() -> None:
    assert bytes_per_param("int4") == Fraction(1, 2)
    assert bytes_per_param("q8_0") == Fraction(17, 16)
    # One fp32 scale (4 bytes) per 16384 weights on top of 1 byte each.
    assert bytes_per_param("fp8_block128") == 1 + Fraction(4, 16384)
    assert DTYPES["fp8_block128"].tile == 128
    assert DTYPES["tf32"].bytes_per_param == 4


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("fp8", "fp8_e4m3"),
        ("FP8", "fp8_e4m3"),
        ("bfloat16", "bf16"),
        ("BF16", "bf16"),
        ("float16", "fp16"),
        ("half", "fp16"),
        ("float32", "fp32"),
        ("Q4_K", "q4_k"),
        ("q8_0", "q8_0"),
        (" int4 ", "int4"),
    ],
)
def test_get_dtype_aliases(alias: str, name: str) -> None:
    assert get_dtype(alias) is DTYPES[name]


def test_aliases_point_into_table() -> None:
    for target in DTYPE_ALIASES.values():
        assert target in DTYPES
    assert not set(DTYPE_ALIASES) & set(DTYPES)


def test_get_dtype_accepts_instance() -> None:
    dt = DTYPES["bf16"]
    assert get_dtype(dt) is dt


@pytest.mark.parametrize("bad", ["fp12", "", "q3_k_m", 16, None])
def test_unknown_dtype(bad: object) -> None:
    with pytest.raises(LLMSizeError, match="dtype") as info:
        get_dtype(bad)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)
    assert repr(bad) in str(info.value)


def test_dtype_to_dict() -> None:
    d = DTYPES["q4_k"].to_dict()
    assert d["bits"] == "9/2"
    assert d["block"] == 256
    assert d["block_bytes"] == 144
    assert isinstance(DTYPES["q4_k"], DType)


# --- weight bytes --------------------------------------------------------------------------

LLAMA2_7B_PARAMS = 6_738_415_616  # transformers' sum of numel for Llama-2-7b-hf


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        ("fp32", 4 * LLAMA2_7B_PARAMS),
        ("bf16", 13_476_831_232),
        ("fp16", 13_476_831_232),
        ("int8", LLAMA2_7B_PARAMS),
        ("int4", LLAMA2_7B_PARAMS // 2),
        # 6,738,415,616 = 32 * 210,575,488: whole Q8_0/Q4_0 blocks.
        ("q8_0", 210_575_488 * 34),
        ("q4_0", 210_575_488 * 18),
        # 6,738,415,616 = 256 * 26,321,936: whole Q4_K super-blocks.
        ("q4_k", 26_321_936 * 144),
    ],
)
def test_weights_bytes_llama2(llama2_7b: Spec, dtype: str, expected: int) -> None:
    assert counts(llama2_7b).total == LLAMA2_7B_PARAMS
    got = weights_bytes(LLAMA2_7B_PARAMS, dtype)
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize(
    ("params", "dtype", "expected"),
    [
        (0, "bf16", 0),
        (3, "int4", 2),  # a lone 4-bit weight still takes a byte
        (32, "q8_0", 34),
        (33, "q8_0", 68),  # a partial block is stored whole
        (1, "q4_k", 144),
        (16384, "fp8_block128", 16388),
        (16385, "fp8_block128", 16385 + 8),
    ],
)
def test_weights_bytes_rounding(params: int, dtype: str, expected: int) -> None:
    assert weights_bytes(params, dtype) == expected


@pytest.mark.parametrize("bad", [-1, 1.0, True, "7"])
def test_weights_bytes_rejects_params(bad: object) -> None:
    with pytest.raises(LLMSizeError, match="params"):
        weights_bytes(bad, "bf16")  # type: ignore[arg-type]


@given(params=st.integers(min_value=0, max_value=10**15), name=st.sampled_from(sorted(DTYPES)))
def test_weights_bytes_bounds(params: int, name: str) -> None:
    dt = DTYPES[name]
    got = weights_bytes(params, name)
    exact = params * dt.bytes_per_param
    assert got >= exact
    slack = dt.block_bytes if dt.block_bytes else (4 if dt.kind == "fp8_block" else 1)
    assert got < exact + slack
    if dt.block and params % dt.block == 0:
        assert got == exact


@given(
    a=st.integers(min_value=0, max_value=10**12),
    b=st.integers(min_value=0, max_value=10**12),
    name=st.sampled_from(sorted(DTYPES)),
)
def test_weights_bytes_monotone(a: int, b: int, name: str) -> None:
    lo, hi = sorted((a, b))
    assert weights_bytes(lo, name) <= weights_bytes(hi, name)


# --- matrix bytes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "cols", "dtype", "expected"),
    [
        (4096, 4096, "bf16", 4096 * 4096 * 2),
        (4096, 4096, "q4_0", 4096 * (4096 // 32) * 18),
        (4096, 11008, "q4_k", 4096 * 43 * 144),  # 11008 = 43 * 256
        # DeepSeek-V3 checkpoint: q_b_proj.weight [24576, 1536], weight_scale_inv [192, 12].
        (24576, 1536, "fp8_block128", 24576 * 1536 + 4 * 192 * 12),
        # kv_a_proj_with_mqa.weight [576, 7168]: 576/128 = 4.5 rounds up, scales [5, 56].
        (576, 7168, "fp8_block128", 576 * 7168 + 4 * 5 * 56),
        (1, 1, "fp8_block128", 1 + 4),
        (3, 3, "int4", 5),
    ],
)
def test_matrix_bytes(rows: int, cols: int, dtype: str, expected: int) -> None:
    assert matrix_bytes(rows, cols, dtype) == expected


@given(
    r=st.integers(min_value=1, max_value=40).map(lambda x: 128 * x),
    c=st.integers(min_value=1, max_value=40).map(lambda x: 128 * x),
)
def test_fp8_block_whole_tiles_match_average(r: int, c: int) -> None:
    # With whole 128x128 tiles the per-matrix figure equals the per-parameter average.
    assert matrix_bytes(r, c, "fp8_block128") == r * c * bytes_per_param("fp8_block128")
    assert matrix_bytes(r, c, "fp8_block128") == weights_bytes(r * c, "fp8_block128")


@pytest.mark.parametrize(("rows", "cols"), [(0, 4), (4, 0), (1.5, 4), (True, 4)])
def test_matrix_bytes_rejects(rows: object, cols: object) -> None:
    with pytest.raises(LLMSizeError, match=r"rows|cols"):
        matrix_bytes(rows, cols, "bf16")  # type: ignore[arg-type]


# --- KV cache ------------------------------------------------------------------------------


def test_kv_llama2_7b_512_kib_per_token(llama2_7b: Spec) -> None:
    # 2 (K and V) * 32 layers * 32 KV heads * 128 * 2 bytes: the widely quoted 0.5 MiB/token.
    per_token = kv_cache_bytes_per_token(llama2_7b)
    assert per_token == 524_288 == 512 * KiB
    # A full 4096-token context is 2 GiB.
    assert kv_cache_bytes(llama2_7b, 4096) == 2 * GiB


def test_kv_llama3_8b_gqa(llama3_8b: Spec) -> None:
    # GQA with 8 KV heads: 2 * 32 * 8 * 128 * 2 = 128 KiB per token, a quarter of MHA.
    assert kv_cache_bytes_per_token(llama3_8b, "bf16") == 128 * KiB


def test_kv_deepseek_v3_latent(deepseek_v3: Spec) -> None:
    # 61 layers * (512 latent + 64 rotary key) * 2 bytes.
    assert kv_cache_bytes_per_token(deepseek_v3, "bf16") == 70_272


def test_kv_deepseek_v3_naive(deepseek_v3: Spec) -> None:
    # 61 layers * 128 heads * (128 + 64 key + 128 value) * 2 bytes.
    naive = kv_cache_naive_mla_bytes_per_token(deepseek_v3, "bf16")
    assert naive == 61 * 128 * 320 * 2 == 4_997_120
    assert Fraction(naive, kv_cache_bytes_per_token(deepseek_v3)) == Fraction(4_997_120, 70_272)


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        ("fp32", 1_048_576),
        ("bf16", 524_288),
        ("fp16", 524_288),
        ("fp8", 262_144),
        # llama.cpp q8_0 cache: each 4096-value row in 128 blocks of 34 bytes.
        ("q8_0", 2 * 32 * 128 * 34),
        ("q4_0", 2 * 32 * 128 * 18),
    ],
)
def test_kv_dtypes(llama2_7b: Spec, dtype: str, expected: int) -> None:
    assert kv_cache_bytes_per_token(llama2_7b, dtype) == expected


@pytest.mark.parametrize("dtype", ["tf32", "q4_k", "int8", "int4", "fp8_block128"])
def test_kv_cache_is_kept_only_in_cache_formats(llama2_7b: Spec, dtype: str) -> None:
    # tf32 is a compute mode, q4_k and 128x128 tiles are weight formats, and bare integers
    # without their scales are no engine's cache: llama.cpp's --cache-type-k and vLLM's
    # --kv-cache-dtype name the formats of KV_CACHE_DTYPES.
    with pytest.raises(LLMSizeError, match="must be a KV cache format"):
        kv_cache_bytes_per_token(llama2_7b, dtype)


def test_kv_scales_with_context_and_batch(llama2_7b: Spec) -> None:
    per = kv_cache_bytes_per_token(llama2_7b)
    assert kv_cache_bytes(llama2_7b, 1000, batch=8) == per * 8000
    assert kv_cache_bytes(llama2_7b, 1000, 8, "fp8") == per * 4000


@given(context=st.integers(1, 10**7), batch=st.integers(1, 1024))
@FIXTURES
def test_kv_linear(deepseek_v3: Spec, context: int, batch: int) -> None:
    assert kv_cache_bytes(deepseek_v3, context, batch) == 70_272 * context * batch


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"context": 0}, "context"),
        ({"context": -5}, "context"),
        ({"context": 1.5}, "context"),
        ({"context": True}, "context"),
        ({"context": 10, "batch": 0}, "batch"),
        ({"context": 10, "batch": 2.0}, "batch"),
        ({"context": 10, "dtype": "fp7"}, "dtype"),
        ({"context": 10, "dtype": "fp8_block128"}, "fp8_block128"),
    ],
)
def test_kv_rejects(llama2_7b: Spec, kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(LLMSizeError, match=name) as info:
        kv_cache_bytes(llama2_7b, **kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)


def test_kv_rejects_encoder_and_non_mla(bert_base: Spec, llama2_7b: Spec) -> None:
    with pytest.raises(LLMSizeError, match="encoder"):
        kv_cache_bytes_per_token(bert_base)
    with pytest.raises(LLMSizeError, match=r"spec\.mla"):
        kv_cache_naive_mla_bytes_per_token(llama2_7b)


# --- training state ------------------------------------------------------------------------


def test_zero_paper_example() -> None:
    # ZeRO (Rajbhandari et al. 2019), section 3.1: a 7.5B-parameter model needs 120 GB for
    # mixed-precision Adam model states (16 bytes per parameter).
    assert training_bytes(7_500_000_000).total == 120 * GB


@pytest.mark.parametrize(
    ("convention", "items"),
    [
        # weights, gradients, master, momentum, variance (bytes per parameter)
        ("16", (2, 2, 4, 4, 4)),  # ZeRO: 2 + 2 + 12
        ("18", (2, 4, 4, 4, 4)),  # HF "Model training anatomy": 6 + 4 + 8
    ],
)
def test_training_conventions(convention: str, items: tuple[int, ...]) -> None:
    p = LLAMA2_7B_PARAMS
    m = training_bytes(p, convention)
    assert m.convention == convention
    assert m.params == p
    assert (m.weights, m.gradients, m.master, m.momentum, m.variance) == tuple(i * p for i in items)
    assert m.total == int(convention) * p
    assert m.total == m.weights + m.gradients + m.master + m.momentum + m.variance
    assert m.to_dict()["total"] == m.total
    conv = TRAINING_CONVENTIONS[convention]
    assert conv.total == int(convention)
    assert conv.source and conv.description["en"] and conv.description["zh"]


def test_hf_anatomy_breakdown() -> None:
    # The HF guide's grouping: weights 6 (fp32 4 + half 2), gradients 4, optimizer 8.
    m = training_bytes(1, "18")
    assert m.weights + m.master == 6
    assert m.gradients == 4
    assert m.momentum + m.variance == 8


@given(params=st.integers(0, 10**13))
def test_training_18_minus_16_is_two_bytes(params: int) -> None:
    assert training_bytes(params, "18").total - training_bytes(params, "16").total == 2 * params


@pytest.mark.parametrize(
    ("params", "convention", "name"),
    [(-1, "16", "params"), (1.5, "16", "params"), (10, "17", "convention"), (10, 16, "convention")],
)
def test_training_rejects(params: object, convention: object, name: str) -> None:
    with pytest.raises(LLMSizeError, match=name):
        training_bytes(params, convention)  # type: ignore[arg-type]


# --- activations ---------------------------------------------------------------------------


def test_activation_llama2_no_recompute(llama2_7b: Spec) -> None:
    # Korthikanti et al. 2022, eq. (1)/Table 2: sbh(34 + 5as/h) per layer.
    s, b, h, a, layers = 4096, 1, 4096, 32, 32
    per_layer = s * b * h * (34 + 5 * a * s // h)
    assert per_layer == s * b * h * 194
    assert activation_bytes(llama2_7b, s, b) == layers * per_layer == 104_152_956_928


@pytest.mark.parametrize(
    ("recompute", "t", "sp", "factor"),
    [
        # per-layer multiple of sbh for s = h = 4096, a = 32 (so 5as/h = 160)
        ("none", 1, False, Fraction(194)),
        ("none", 8, False, Fraction(10 + 3 + 20)),
        ("none", 8, True, Fraction(34, 8) + 20),
        ("selective", 1, False, Fraction(34)),
        ("selective", 8, False, Fraction(13)),
        ("selective", 8, True, Fraction(34, 8)),
        ("full", 1, False, Fraction(2)),
        ("full", 8, False, Fraction(2)),
    ],
)
def test_activation_table2(
    llama2_7b: Spec, recompute: str, t: int, sp: bool, factor: Fraction
) -> None:
    sbh = 4096 * 2 * 4096
    got = activation_bytes(
        llama2_7b,
        4096,
        2,
        recompute,  # type: ignore[arg-type]
        tensor_parallel=t,
        sequence_parallel=sp,
    )
    assert got == 32 * sbh * factor


def test_activation_rounds_up() -> None:
    tiny = Spec("tiny", layers=1, width=7, heads=1, kv_heads=1, head_dim=7, ffn=28, vocab=10)
    # sbh(10 + 24/5) = 7 * 74/5 = 103.6 -> 104
    assert activation_bytes(tiny, 1, 1, "selective", tensor_parallel=5) == 104


@given(seq=st.integers(1, 8192), batch=st.integers(1, 64))
@FIXTURES
def test_activation_ordering(llama3_8b: Spec, seq: int, batch: int) -> None:
    none = activation_bytes(llama3_8b, seq, batch)
    selective = activation_bytes(llama3_8b, seq, batch, "selective")
    full = activation_bytes(llama3_8b, seq, batch, "full")
    assert none > selective > full
    assert full == 2 * seq * batch * 4096 * 32
    assert activation_bytes(llama3_8b, seq, 2 * batch, "selective") == 2 * selective


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((0, 1), {}, "seq"),
        ((1.0, 1), {}, "seq"),
        ((1, 0), {}, "batch"),
        ((1, 1), {"recompute": "partial"}, "recompute"),
        ((1, 1), {"tensor_parallel": 0}, "tensor_parallel"),
        ((1, 1), {"sequence_parallel": 1}, "sequence_parallel"),
    ],
)
def test_activation_rejects(
    llama2_7b: Spec, args: tuple[object, ...], kwargs: dict[str, object], name: str
) -> None:
    with pytest.raises(LLMSizeError, match=name):
        activation_bytes(llama2_7b, *args, **kwargs)  # type: ignore[arg-type]


def test_every_mixer_kind_has_a_split_label() -> None:
    """Each layer kind the cache can be split by is worded in both languages."""
    from llmsize.layers import MIXER_KINDS
    from llmsize.text import LANGS, MIXER_LABELS

    for kind in MIXER_KINDS:
        assert set(MIXER_LABELS[kind]) == set(LANGS), kind
