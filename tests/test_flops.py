from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmsize import presets
from llmsize.count import counts
from llmsize.errors import LLMSizeError
from llmsize.flops import (
    CHINCHILLA_TOKENS_PER_PARAM,
    MLA_FORMS,
    TRAINING_FLOPS_PER_PARAM_TOKEN,
    ComputeOptimal,
    attention_crossover,
    attention_flops_per_token,
    chinchilla_tokens,
    compute_optimal,
    forward_flops_per_token,
    head_params,
    kaplan_forward_flops_per_token,
    matmul_params,
    sequence_forward_flops,
    training_flops,
    two_n_flops_per_token,
)
from llmsize.spec import Spec

# No deadline: the machine is shared, and a slow example is not a wrong one.
FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)

LLAMA2_7B_PARAMS = 6_738_415_616
DEEPSEEK_V3_ACTIVE = 37_552_282_624  # llmsize.count; DeepSeek reports "37B activated"

# --- constants and training compute --------------------------------------------------------


def test_constants() -> None:
    assert CHINCHILLA_TOKENS_PER_PARAM == 20
    assert TRAINING_FLOPS_PER_PARAM_TOKEN == 6


@pytest.mark.parametrize(
    ("params", "tokens", "flops"),
    [
        # Chinchilla (Hoffmann et al. 2022): 70B parameters, 1.4T tokens -> 5.88e23 FLOPs.
        (70 * 10**9, 1_400 * 10**9, 588 * 10**21),
        # GPT-3 175B on 300B tokens -> 3.15e23 FLOPs (6ND).
        (175 * 10**9, 300 * 10**9, 315 * 10**21),
        (0, 10, 0),
    ],
)
def test_training_flops(params: int, tokens: int, flops: int) -> None:
    got = training_flops(params, tokens)
    assert got == flops
    assert type(got) is int


def test_chinchilla_tokens() -> None:
    assert chinchilla_tokens(70 * 10**9) == 1_400 * 10**9
    assert chinchilla_tokens(0) == 0


def test_compute_optimal_chinchilla() -> None:
    opt = compute_optimal(588 * 10**21)
    assert opt == ComputeOptimal(588 * 10**21, 70 * 10**9, 1_400 * 10**9, 588 * 10**21)
    assert opt.to_dict()["params"] == 70 * 10**9


@given(budget=st.integers(0, 10**30))
def test_compute_optimal_is_largest_fitting(budget: int) -> None:
    opt = compute_optimal(budget)
    n = opt.params
    assert opt.tokens == 20 * n
    assert opt.flops == 120 * n * n <= budget
    assert 120 * (n + 1) ** 2 > budget


@pytest.mark.parametrize(
    ("func", "args", "name"),
    [
        (training_flops, (1.5, 10), "params"),
        (training_flops, (10, -1), "tokens"),
        (training_flops, (True, 10), "params"),
        (chinchilla_tokens, (7e9,), "params"),
        (compute_optimal, (1e24,), "budget"),
        (compute_optimal, (-1,), "budget"),
    ],
)
def test_rejects(func: object, args: tuple[object, ...], name: str) -> None:
    with pytest.raises(LLMSizeError, match=name) as info:
        func(*args)  # type: ignore[operator]
    assert "\n" not in str(info.value)


# --- per-token forward FLOPs ---------------------------------------------------------------


def test_two_n_llama2(llama2_7b: Spec) -> None:
    assert two_n_flops_per_token(llama2_7b) == 2 * LLAMA2_7B_PARAMS


def test_matmul_params_llama2(llama2_7b: Spec) -> None:
    # Untied: the 32000 x 4096 embedding is a lookup, the head of the same size is a matmul.
    assert matmul_params(llama2_7b) == LLAMA2_7B_PARAMS - 32000 * 4096 == 6_607_343_616
    assert forward_flops_per_token(llama2_7b) == 2 * 6_607_343_616


def test_matmul_params_deepseek_v3(deepseek_v3: Spec) -> None:
    assert counts(deepseek_v3).active == DEEPSEEK_V3_ACTIVE
    assert matmul_params(deepseek_v3) == DEEPSEEK_V3_ACTIVE - 129280 * 7168
    assert two_n_flops_per_token(deepseek_v3) == 2 * DEEPSEEK_V3_ACTIVE


def test_matmul_params_tied_and_encoder(bert_base: Spec) -> None:
    tied = Spec(
        "tied",
        layers=2,
        width=64,
        heads=4,
        kv_heads=2,
        head_dim=16,
        ffn=128,
        vocab=100,
        tied_embeddings=True,
    )
    # The one shared table is used as the head's matmul, so nothing is subtracted.
    assert matmul_params(tied) == counts(tied).total
    # BERT: token, position and token-type tables are lookups and there is no head.
    assert matmul_params(bert_base) == 109_482_240 - (30522 + 512 + 2) * 768


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (0, 0),
        (1, 2 * 32 * 32 * 256),
        # 2 * L * context * N * (H + H)
        (4096, 2 * 32 * 4096 * 32 * 256),
    ],
)
def test_attention_flops_llama2(llama2_7b: Spec, context: int, expected: int) -> None:
    assert attention_flops_per_token(llama2_7b, context) == expected


def test_attention_flops_gqa_same_as_mha(llama2_7b: Spec, llama3_8b: Spec) -> None:
    # Sharing KV heads saves cache, not attention FLOPs: both have 32 query heads of 128.
    assert attention_flops_per_token(llama3_8b, 1000) == attention_flops_per_token(llama2_7b, 1000)


def test_attention_flops_mla(deepseek_v3: Spec) -> None:
    # MLA: scores over qk_nope + qk_rope = 192, values of 128, for 128 heads in 61 layers.
    assert attention_flops_per_token(deepseek_v3, 1000) == 2 * 61 * 1000 * 128 * (192 + 128)


def test_forward_is_sum(llama2_7b: Spec) -> None:
    assert forward_flops_per_token(llama2_7b, 2048) == 2 * matmul_params(
        llama2_7b
    ) + attention_flops_per_token(llama2_7b, 2048)


def test_kaplan_formula(llama2_7b: Spec) -> None:
    # Kaplan et al. 2020, Table 1: C_forward = 2N + 2 n_layer n_ctx d_attn, N non-embedding.
    non_embedding = 6_476_271_616
    assert kaplan_forward_flops_per_token(llama2_7b, 4096) == (
        2 * non_embedding + 2 * 32 * 4096 * (32 * 128)
    )


@given(n_ctx=st.integers(0, 10**6).map(lambda x: 2 * x))
@FIXTURES
def test_kaplan_attention_is_causal_average(llama2_7b: Spec, n_ctx: int) -> None:
    # Kaplan's attention term is ours at context n_ctx/2 (qk and v both of size H).
    kaplan_attention = kaplan_forward_flops_per_token(llama2_7b, n_ctx) - 2 * 6_476_271_616
    assert kaplan_attention == attention_flops_per_token(llama2_7b, n_ctx // 2)


@given(seq=st.integers(1, 200))
@FIXTURES
def test_sequence_is_sum_of_tokens(deepseek_v3: Spec, seq: int) -> None:
    expected = sum(forward_flops_per_token(deepseek_v3, i) for i in range(1, seq + 1))
    assert sequence_forward_flops(deepseek_v3, seq) == expected


# --- MLA: decompressed and absorbed ----------------------------------------------------------
# DeepSeek-V3's config.json: 61 layers, 128 heads, kv_lora_rank 512, qk_nope 128, qk_rope 64,
# v_head_dim 128.


def test_mla_decompressed_is_vllm_prefill_shape(deepseek_v3: Spec) -> None:
    # vLLM's MLA prefill ("compute friendly approach"): MHA with QK head dim P + R = 128 + 64
    # and V head dim 128 (vllm/v1/attention/backends/mla/common.py).
    per_layer_per_key = 2 * 128 * ((128 + 64) + 128)
    assert attention_flops_per_token(deepseek_v3, 1, mla_form="decompressed") == (
        61 * per_layer_per_key
    )
    assert attention_flops_per_token(deepseek_v3, 1) == 61 * per_layer_per_key


def test_mla_absorbed_is_flashmla_decode(deepseek_v3: Spec) -> None:
    # FlashMLA (deepseek-ai/FlashMLA, docs/20250422-new-kernel-deep-dive.md): a decode step costs
    # 2 * h_q * s_q * s_k * (d_k + d_v) with d_k = 576 (512 latent + 64 rope) and d_v = 512.
    h_q, s_q, s_k, d_k, d_v = 128, 1, 1000, 576, 512
    per_layer = 2 * h_q * s_q * s_k * (d_k + d_v)
    assert attention_flops_per_token(deepseek_v3, s_k, mla_form="absorbed") == 61 * per_layer
    # 3.4 times the decompressed cost per context token: 1088 against 320 per head.
    absorbed = attention_flops_per_token(deepseek_v3, 1, mla_form="absorbed")
    assert absorbed * 320 == attention_flops_per_token(deepseek_v3, 1) * 1088


def test_mla_absorbed_deepseek_v2_lite() -> None:
    # DeepSeek-V2-Lite's config.json: 27 layers, 16 heads, kv_lora_rank 512, qk_rope 64.
    lite = presets.load("deepseek-v2-lite")
    assert attention_flops_per_token(lite, 10, mla_form="absorbed") == 27 * 2 * 16 * 10 * 1088


def test_mla_form_keeps_the_parameter_term(deepseek_v3: Spec, llama2_7b: Spec) -> None:
    # The up-projections are multiplied once per token either way (applied to the query and the
    # attention output instead of to the cached latent), so only the attention term moves.
    assert forward_flops_per_token(deepseek_v3, 0, mla_form="absorbed") == (
        forward_flops_per_token(deepseek_v3, 0)
    )
    # Models without MLA ignore the form.
    assert attention_flops_per_token(llama2_7b, 99, mla_form="absorbed") == (
        attention_flops_per_token(llama2_7b, 99)
    )
    assert MLA_FORMS == ("decompressed", "absorbed")


def test_attention_crossover_llama2(llama2_7b: Spec) -> None:
    # Parameter term 2 * 6,607,343,616; each key costs 2 * 32 * 32 * 256 = 524,288 FLOPs:
    # 13,214,687,232 / 524,288 = 25,205.02, so the attention term reaches it at 25,206 keys.
    assert attention_crossover(llama2_7b) == 25_206
    assert attention_flops_per_token(llama2_7b, 25_206) >= 2 * 6_607_343_616
    assert attention_flops_per_token(llama2_7b, 25_205) < 2 * 6_607_343_616


def test_attention_crossover_mla(deepseek_v3: Spec) -> None:
    # Parameter term 2 * 36,625,603,584 (active 37,552,282,624 less the 129,280 x 7,168 token
    # table, head included); per key 61 * 2 * 128 * 320 = 4,997,120 decompressed,
    # 61 * 2 * 128 * 1,088 = 16,990,208 absorbed: 14,658.7 and 4,311.4 keys.
    assert matmul_params(deepseek_v3) == 36_625_603_584
    assert attention_crossover(deepseek_v3) == 14_659
    assert attention_crossover(deepseek_v3, mla_form="absorbed") == 4_312


# --- the output head -------------------------------------------------------------------------


def test_head_params(llama2_7b: Spec, bert_base: Spec) -> None:
    assert head_params(llama2_7b) == 32000 * 4096
    assert head_params(bert_base) == 0


def test_prefill_scores_the_last_position_only(llama2_7b: Spec) -> None:
    # A prefill of 4 tokens runs the 32,000 x 4,096 head once instead of 4 times.
    training = sequence_forward_flops(llama2_7b, 4)
    prefill = sequence_forward_flops(llama2_7b, 4, all_logits=False)
    assert training - prefill == 2 * 32000 * 4096 * 3
    assert sequence_forward_flops(llama2_7b, 1, all_logits=False) == forward_flops_per_token(
        llama2_7b, 1
    )


@pytest.mark.parametrize(
    ("func", "args", "name"),
    [
        (attention_flops_per_token, (-1,), "context"),
        (attention_flops_per_token, (1.5,), "context"),
        (forward_flops_per_token, (True,), "context"),
        (sequence_forward_flops, (0,), "seq"),
        (kaplan_forward_flops_per_token, (-2,), "n_ctx"),
    ],
)
def test_spec_funcs_reject(
    llama2_7b: Spec, func: object, args: tuple[object, ...], name: str
) -> None:
    with pytest.raises(LLMSizeError, match=name):
        func(llama2_7b, *args)  # type: ignore[operator]


def test_rejects_non_spec() -> None:
    with pytest.raises(LLMSizeError, match="spec"):
        forward_flops_per_token("llama")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("func", "kwargs", "name"),
    [
        (attention_flops_per_token, {"context": 1, "mla_form": "latent"}, "mla_form"),
        (attention_crossover, {"mla_form": None}, "mla_form"),
        (sequence_forward_flops, {"seq": 2, "all_logits": 1}, "all_logits"),
    ],
)
def test_keyword_rejects(
    deepseek_v3: Spec, func: object, kwargs: dict[str, object], name: str
) -> None:
    with pytest.raises(LLMSizeError, match=name) as info:
        func(deepseek_v3, **kwargs)  # type: ignore[operator]
    assert "\n" not in str(info.value)


@pytest.mark.oracle
@pytest.mark.parametrize(("kind", "window"), [("full", 0), ("sliding", 5), ("chunked", 4)])
def test_attended_keys_are_transformers_masks(kind: str, window: int) -> None:
    """Keys per position, and their sums, are the True entries of transformers' own masks."""
    torch = pytest.importorskip("torch")
    from transformers import masking_utils as m

    from llmsize._attended import attended, attended_sum

    if kind == "full":
        allowed = m.causal_mask_function
    elif kind == "sliding":
        allowed = m.sliding_window_causal_mask_function(window)
    else:
        allowed = m.chunked_causal_mask_function(window, torch.zeros(1, dtype=torch.long))
    seq = 23
    zero, positions = torch.tensor(0), torch.arange(seq)
    mask = allowed(zero, zero, positions[:, None], positions[None, :])
    rows = [int(n) for n in mask.expand(seq, seq).sum(dim=1)]
    assert [attended(kind, window, q + 1) for q in range(seq)] == rows
    assert [attended_sum(kind, window, n) for n in range(seq + 1)] == [
        sum(rows[:n]) for n in range(seq + 1)
    ]


def test_sliding_layers_attend_to_their_window() -> None:
    """gpt-oss-120b: 18 full layers attend to all T keys, 18 sliding ones to 128 at most."""
    from llmsize import presets

    spec = presets.load("gpt-oss-120b")
    per_key = 2 * spec.heads * (spec.head_dim + spec.head_dim)
    t = 10_000
    assert attention_flops_per_token(spec, t) == per_key * (18 * t + 18 * 128)
    whole = sequence_forward_flops(spec, t) - sequence_forward_flops(replace(spec, mixers=()), t)
    assert whole == -per_key // 2 * 18 * ((t - 128) * (t - 127))
    assert attention_crossover(presets.load("mistral-7b")) is None
