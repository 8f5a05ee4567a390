"""Counting: known figures from independent sources, and structural properties."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmsize import MLA, LLMSizeError, MoE, Spec, counts, presets
from llmsize.count import breakdown


def test_llama2_7b_matches_meta(llama2_7b: Spec) -> None:
    # Hugging Face's model page and Meta's safetensors index: 6,738,415,616 parameters.
    assert counts(llama2_7b).total == 6_738_415_616


# --- property tests ---------------------------------------------------------------------

dims = st.integers(min_value=1, max_value=64)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    kv = draw(st.integers(1, 8))
    heads = kv * draw(st.integers(1, 4))
    moe = None
    if draw(st.booleans()):
        experts = draw(st.integers(1, 16))
        moe = MoE(
            num_experts=experts,
            experts_per_token=draw(st.integers(1, experts)),
            expert_ffn=draw(dims),
            num_shared_experts=(shared := draw(st.integers(0, 2))),
            shared_ffn=draw(dims) if shared else 0,
            shared_expert_gate=draw(st.booleans()),
            router_bias=draw(st.booleans()),
            first_dense_layers=draw(st.integers(0, 3)),
            layer_freq=draw(st.integers(1, 3)),
            layer_phase=draw(st.integers(0, 1)),
        )
    mla = None
    if draw(st.booleans()):
        mla = MLA(
            q_lora_rank=draw(st.none() | dims),
            kv_lora_rank=draw(dims),
            qk_nope_head_dim=draw(dims),
            qk_rope_head_dim=draw(dims),
            v_head_dim=draw(dims),
        )
    return Spec(
        name="random",
        layers=draw(st.integers(1, 8)),
        width=draw(dims),
        heads=heads,
        kv_heads=kv,
        head_dim=draw(dims),
        ffn=draw(dims),
        vocab=draw(st.integers(1, 5000)),
        gated_ffn=draw(st.booleans()),
        tied_embeddings=draw(st.booleans()),
        max_positions=draw(st.integers(0, 100)),
        qkv_bias=draw(st.booleans()),
        o_bias=draw(st.booleans()),
        mlp_bias=draw(st.booleans()),
        norm=draw(st.sampled_from(["rmsnorm", "layernorm"])),
        qk_norm=draw(st.booleans()),
        moe=moe,
        mla=mla,
        mtp_layers=draw(st.integers(0, 2)),
    )


@given(specs())
def test_leaves_sum_to_total(spec: Spec) -> None:
    tree = breakdown(spec)
    assert sum(leaf.params for leaf in tree.leaves()) == tree.params == counts(spec).total
    assert all(isinstance(leaf.params, int) and leaf.params >= 0 for leaf in tree.leaves())


@given(specs())
def test_figures_are_read_off_the_tree_built_on_demand(spec: Spec) -> None:
    c = counts(spec)
    assert "breakdown" not in vars(c)  # the figures need no tree
    tree = c.breakdown
    assert c.breakdown is tree  # built once
    assert tree.params == c.total
    head = 0 if spec.tied_embeddings or spec.encoder else spec.vocab * spec.width
    tables = ("embeddings.token", "embeddings.position", "embeddings.token_type")
    assert c.non_embedding == c.total - sum(tree.get(t) for t in tables) - head
    if spec.moe is not None:
        idle = tree.get("layers.moe_layers.moe.experts") // spec.moe.num_experts
        idle *= spec.moe.num_experts - spec.moe.experts_per_token
        assert c.active == c.total - idle


@given(
    st.integers(0, 6),
    st.integers(1, 4),
    st.integers(0, 4),
    st.frozensets(st.integers(0, 24), max_size=4),
    st.integers(0, 24),
)
def test_moe_layers_follow_the_documented_rule(
    first: int, freq: int, phase: int, dense: frozenset[int], layers: int
) -> None:
    moe = MoE(
        num_experts=2,
        experts_per_token=1,
        expert_ffn=1,
        first_dense_layers=first,
        layer_freq=freq,
        layer_phase=phase,
        dense_layers=dense,
    )
    # The rule as MoE's docstring states it, written out literally.
    literal = [
        i for i in range(layers) if i >= first and (i + phase) % freq == 0 and i not in dense
    ]
    assert [i for i in range(layers) if moe.is_moe_layer(i)] == literal
    assert moe.count_layers(layers) == len(literal)


@given(specs())
def test_count_definitions_are_ordered(spec: Spec) -> None:
    c = counts(spec)
    assert 0 < c.active <= c.total <= c.stored
    assert c.non_embedding <= c.total
    if spec.moe is None:
        assert c.active == c.total


@given(specs())
def test_gqa_with_k_equal_n_is_mha(spec: Spec) -> None:
    as_mha = dataclasses.replace(spec, kv_heads=spec.heads)
    d, n, h = spec.width, spec.heads, spec.head_dim
    if spec.mla is None:
        # Each K and V projection grows from K*H to N*H outputs (biases too).
        grow = 2 * (n - spec.kv_heads) * h * (d + (1 if spec.qkv_bias else 0)) * spec.layers
    else:
        grow = 0  # MLA has no separate key/value heads
    assert counts(as_mha).total - counts(spec).total == grow


@given(specs())
def test_tying_removes_exactly_v_times_d(spec: Spec) -> None:
    untied = dataclasses.replace(spec, tied_embeddings=False)
    tied = dataclasses.replace(spec, tied_embeddings=True)
    assert counts(untied).total - counts(tied).total == spec.vocab * spec.width


@given(specs(), st.booleans())
def test_one_expert_top1_is_dense_plus_router(spec: Spec, router_bias: bool) -> None:
    dense = dataclasses.replace(spec, moe=None)
    moe = MoE(
        num_experts=1,
        experts_per_token=1,
        expert_ffn=spec.ffn,
        router_bias=router_bias,
        expert_bias=spec.mlp_bias,
    )
    single = dataclasses.replace(spec, moe=moe)
    router = spec.width + (1 if router_bias else 0)
    assert counts(single).total == counts(dense).total + spec.layers * router
    assert counts(single).active == counts(single).total


def test_active_counts_top_k_experts() -> None:
    # Mixtral-8x7B: 32 layers of 8 experts (SwiGLU, 4096 -> 14336), 2 routed per token.
    c = counts(presets.load("mixtral-8x7b"))
    expert = 3 * 4096 * 14336
    assert c.total - c.active == 32 * 6 * expert


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("width", 0, "spec.width must be positive, got 0"),
        ("width", -5, "spec.width must be positive, got -5"),
        ("layers", 2.5, "spec.layers must be an integer, got 2.5"),
        ("vocab", "32000", "spec.vocab must be an integer, got '32000'"),
        ("heads", True, "spec.heads must be an integer, got True"),
        ("kv_heads", 3, "spec.kv_heads must divide spec.heads (32), got 3"),
        ("kv_heads", 64, "spec.kv_heads must not exceed spec.heads (32), got 64"),
        (
            "norm",
            "batchnorm",
            "spec.norm must be 'rmsnorm', 'layernorm' or 'layernorm_no_bias', got 'batchnorm'",
        ),
        ("tied_embeddings", 1, "spec.tied_embeddings must be true or false, got 1"),
    ],
)
def test_spec_validation_names_field_and_value(
    llama2_7b: Spec, field: str, value: object, message: str
) -> None:
    with pytest.raises(LLMSizeError) as info:
        dataclasses.replace(llama2_7b, **{field: value})
    assert str(info.value) == message
    assert "\n" not in str(info.value)


def test_moe_validation() -> None:
    with pytest.raises(LLMSizeError, match=r"moe.experts_per_token must not exceed"):
        MoE(num_experts=4, experts_per_token=5, expert_ffn=8)
    with pytest.raises(LLMSizeError, match=r"moe.shared_ffn must be positive, got 0"):
        MoE(num_experts=4, experts_per_token=1, expert_ffn=8, num_shared_experts=1)
    with pytest.raises(LLMSizeError, match=r"mla.kv_lora_rank must be positive"):
        MLA(q_lora_rank=None, kv_lora_rank=0, qk_nope_head_dim=1, qk_rope_head_dim=1, v_head_dim=1)


def test_error_is_a_value_error() -> None:
    assert issubclass(LLMSizeError, ValueError)
