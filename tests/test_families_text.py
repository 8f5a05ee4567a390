"""The 2025–2026 text families: what each reader makes of its config, and errors naming its keys.

A malformed config of each new family makes ``llmsize count`` exit 2 with one line that names
the key as that family's config writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmsize import counts
from llmsize.cli import main
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import from_dict
from llmsize_oracle.cases_text import TEXT

# One malformed config per new family: (case, change, what the one-line error must say).
BAD: dict[str, tuple[str, dict[str, Any], str]] = {
    "qwen3_5_text": (
        "qwen3.5-27b-text",
        {"layer_types": ["full_attention"]},
        "key 'layer_types' must be a list of one of",
    ),
    "qwen3_5_moe_text": (
        "qwen3.5-35b-a3b-text",
        {"num_experts_per_tok": 257},
        "key 'num_experts_per_tok' (257) must not exceed 'num_experts' (256)",
    ),
    "deepseek_v32": (
        "deepseek-v3.2",
        {"num_experts_per_tok": 300},
        "key 'num_experts_per_tok' (300) must not exceed 'n_routed_experts' (256)",
    ),
    "glm4_moe_lite": (
        "glm-4.7-flash",
        {"mlp_layer_types": "dense"},
        "key 'mlp_layer_types' must be a list of one 'dense' or 'sparse' per layer",
    ),
    "minimax_m2": (
        "minimax-m2",
        {"num_key_value_heads": 96},
        "key 'num_key_value_heads' (96) must not exceed 'num_attention_heads' (48)",
    ),
    "ernie4_5_moe": (
        "ernie-4.5-21b-a3b",
        {"moe_k": 65},
        "key 'moe_k' (65) must not exceed 'moe_num_experts' (64)",
    ),
    "hunyuan_v1_moe": (
        "hunyuan-a13b",
        {"moe_topk": [8] * 31 + [4]},
        "key 'moe_topk' must be one integer, or the same integer for each layer",
    ),
    "dots1": (
        "dots.llm1",
        {"num_experts_per_tok": 129},
        "key 'num_experts_per_tok' (129) must not exceed 'n_routed_experts' (128)",
    ),
    "cohere2": (
        "command-a",
        {"sliding_window_pattern": 0},
        "key 'sliding_window_pattern' must be positive, got 0",
    ),
    "gemma4_text": (
        "gemma-4-e2b-text",
        {"num_kv_shared_layers": 31},
        "key 'num_kv_shared_layers' (31) must leave an earlier layer of each attention kind",
    ),
    "kimi_k2": (
        "kimi-k2-instruct",
        {"num_experts_per_tok": 385},
        "key 'num_experts_per_tok' (385) must not exceed 'n_routed_experts' (384)",
    ),
    "glm_moe_dsa": (
        "glm-5",
        {"indexer_types": ["full"]},
        "key 'indexer_types' must give one 'full' or 'shared' per layer ('num_hidden_layers': 78)",
    ),
}


@pytest.mark.parametrize("model_type", sorted(BAD))
def test_bad_config_exits_2_naming_the_key(
    model_type: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, change, needle = BAD[model_type]
    assert TEXT[case]["model_type"] == model_type
    path = tmp_path / "config.json"
    path.write_text(json.dumps({**TEXT[case], **change}), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["count", str(path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_qwen3_5_is_qwen3_next_layers_with_a_dense_or_moe_mlp() -> None:
    dense = counts(from_dict(TEXT["qwen3.5-27b-text"])).breakdown.find("layers")
    assert [c.key for c in dense.children] == ["dense_layers", "linear_attention_dense_layers"]
    assert [c.layers for c in dense.children] == [16, 48]
    moe = from_dict(TEXT["qwen3.5-397b-a17b-text"])
    assert moe.moe_layer_count == moe.layers == 60


def test_dsa_indexers_are_a_group_of_the_layer_stack() -> None:
    v32 = counts(from_dict(TEXT["deepseek-v3.2"]))
    indexers = v32.breakdown.find("layers.indexers")
    assert indexers.layers == 61
    # wq_b from the 1536 query latent to 64 heads of 128, wk, its LayerNorm, weights_proj
    assert indexers.per_layer == 1536 * 64 * 128 + 7168 * 128 + 2 * 128 + 7168 * 64
    assert sum(leaf.params for leaf in v32.breakdown.leaves()) == v32.total
    assert from_dict(TEXT["glm-5-indexer-freq"]).indexer is not None
    freq = counts(from_dict(TEXT["glm-5-indexer-freq"])).breakdown.find("layers.indexers")
    assert freq.layers == 3  # layers 0, 1 and 4 of 7 run their own (freq 3, offset 2)


@pytest.mark.parametrize(
    ("case", "change", "needle"),
    [
        ("deepseek-v3.2", {"q_lora_rank": None}, "key 'q_lora_rank' must be an integer, got null"),
        ("deepseek-v3.2", {"mlp_layer_types": ["dense"]}, "key 'mlp_layer_types' must be a list"),
        ("glm-5", {"index_topk_pattern": "FX"}, "key 'index_topk_pattern' must give one 'full'"),
        ("glm-5", {"index_n_heads": 0}, "key 'index_n_heads' must be positive, got 0"),
        ("glm-5", {"num_experts": 4}, "(8) must not exceed 'num_experts' (4)"),
    ],
)
def test_dsa_errors_name_the_key(case: str, change: dict[str, Any], needle: str) -> None:
    with pytest.raises(LLMSizeError) as info:
        from_dict({**TEXT[case], **change}, where="config.json")
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_glm4_moe_lite_keeps_one_dense_layer_and_may_project_queries_directly() -> None:
    plain = from_dict(TEXT["glm4-moe-lite-plain-query-bias"])
    assert [layer.moe for layer in plain.layer_plan] == [False, True, True]
    assert plain.mla is not None and plain.mla.q_lora_rank is None and plain.indexer is None
    assert plain.moe is not None and plain.moe.num_experts == 6  # num_experts is not read


def test_moe_placements_of_ernie_hunyuan_and_dots1() -> None:
    ernie = from_dict(TEXT["ernie-4.5-moe-bias-range-interval"])
    # (i + 1) % 2 == 0 within layers 0..5 of 7
    assert [layer.moe for layer in ernie.layer_plan] == [0, 1, 0, 1, 0, 1, 0]
    listed = from_dict({**TEXT["hunyuan-a13b"], "moe_topk": [8] * 32})
    assert listed == from_dict(TEXT["hunyuan-a13b"])
    missing = {k: v for k, v in TEXT["hunyuan-a13b"].items() if k != "head_dim"}
    with pytest.raises(LLMSizeError, match="key 'head_dim' is missing"):
        from_dict(missing)
    dots = from_dict(TEXT["dots1-sliding-bias-no-shared"])
    assert [layer.mixer.kind for layer in dots.layer_plan] == ["full", "sliding", "sliding"]
    assert from_dict(TEXT["dots.llm1"]).layer_plan[-1].mixer.kind == "full"


def test_cohere2_has_one_bias_free_layernorm_per_parallel_block() -> None:
    spec = from_dict(TEXT["command-a"])
    assert (spec.norm, spec.norm_placement) == ("layernorm_no_bias", "parallel")
    assert spec.block_norms == 1
    tree = counts(spec).breakdown
    assert tree.find("layers.dense_layers.norms").per_layer == 12288
    assert tree.get("final_norm") == 12288
    kinds = "".join(layer.mixer.kind[0] for layer in spec.layer_plan[:8])
    assert kinds == "sssfsssf"


def test_gemma4_counts_each_attention_shape_and_the_per_layer_parts() -> None:
    e2b = counts(from_dict(TEXT["gemma-4-e2b-text"]))
    layers = {part.key: part.layers for part in e2b.breakdown.find("layers").children}
    assert layers == {
        "dense_layers": 35,
        "sliding_attention": 12,
        "full_attention": 3,
        "kv_shared_sliding_attention": 16,
        "kv_shared_full_attention": 4,
        "per_layer_inputs": 35,
        "mlp_widening": 20,
    }
    shared = e2b.breakdown.find("layers.kv_shared_full_attention")
    assert [leaf.key for leaf in shared.leaves()] == ["q", "o", "qk_norm"]  # no K/V of its own
    assert shared.per_layer == 2 * 1536 * 8 * 512 + 512
    # The per-layer token table is an embedding table: non-embedding leaves it out.
    ple = e2b.breakdown.get("embeddings.per_layer_token")
    assert ple == 262144 * 35 * 256
    assert e2b.non_embedding == e2b.total - 262144 * 1536 - ple
    moe = counts(from_dict(TEXT["gemma-4-26b-a4b-text"])).breakdown
    full = moe.find("layers.full_attention")
    assert [leaf.key for leaf in full.leaves()] == ["q", "k", "o", "qk_norm"]  # values = keys
    assert moe.find("layers.moe_dense_mlp").layers == 30


def test_every_breakdown_key_has_a_label() -> None:
    from llmsize.text import LABELS

    for name, config in TEXT.items():
        tree = counts(from_dict(config, where=name)).breakdown
        stack = [tree]
        while stack:
            part = stack.pop()
            assert part.key in LABELS, (name, part.key)
            stack.extend(part.children)


def test_dsa_indexer_matrices_of_an_fp8_release() -> None:
    from llmsize.dsa import indexer_linears

    spec = from_dict(TEXT["deepseek-v3.2"])
    # DeepSeek-V3.2's checkpoint: indexer.wq_b (8192, 1536) and indexer.wk (128, 7168) in fp8,
    # with weight_scale_inv of (64, 12) and (1, 56), in each of the 61 layers.
    linears = indexer_linears(spec)
    assert linears == [("indexer.wq_b", 8192, 1536, 61), ("indexer.wk", 128, 7168, 61)]
    tiles = sum(-(-rows // 128) * -(-cols // 128) for _, rows, cols, _ in linears)
    assert tiles == 64 * 12 + 1 * 56
    assert indexer_linears(from_dict(TEXT["glm-4.7-flash"])) == []


def test_per_layer_is_checked_against_the_spec() -> None:
    from dataclasses import replace

    spec = from_dict(TEXT["gemma4-text-k-eq-v-bias-untied"])
    assert spec.per_layer is not None
    with pytest.raises(LLMSizeError, match="one shape per layer"):
        replace(spec, per_layer=replace(spec.per_layer, attention=spec.per_layer.attention[:2]))
    with pytest.raises(LLMSizeError, match=r"does not combine with spec\.attention_sinks"):
        replace(spec, attention_sinks=True)
    with pytest.raises(LLMSizeError, match=r"mlp_beside_experts needs spec\.moe"):
        replace(spec, per_layer=replace(spec.per_layer, mlp_beside_experts=True))
