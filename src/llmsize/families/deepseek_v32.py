"""DeepSeek-V3.2 (``deepseek_v32``) and GLM-5 (``glm_moe_dsa``): MLA with DSA's indexer.

Both are DeepSeek-V3's shape (MLA, routed experts with a stored score-correction bias, shared
experts built as one MLP ``n_shared_experts`` times as wide) plus DeepSeek Sparse Attention's
lightning indexer in each layer (`llmsize.dsa.Indexer`). Which layers have a dense MLP comes
from ``mlp_layer_types`` (``"dense"``/``"sparse"`` per layer), else the first
``first_k_dense_replace``. GLM-5 lets a layer reuse the previous indexer's top-k
(``indexer_types`` ``"shared"``, or ``index_topk_pattern``, or ``index_topk_freq`` with
``index_skip_topk_offset``); such a layer has no indexer. ``index_topk``, the routing groups
and the rotary settings change no weight. `mla_moe` is the shared reader (GLM-4.7-Flash's
``glm4_moe_lite`` uses it without an indexer).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from llmsize._hfkeys import Keys
from llmsize.dsa import Indexer
from llmsize.errors import LLMSizeError
from llmsize.families._registry import reader
from llmsize.spec import MLA, MoE, Spec

__all__ = ["mla_moe"]


def _dense_layers(c: Keys, layers: int, first_dense: int) -> frozenset[int]:
    """Layers with a dense MLP: ``mlp_layer_types``, else the first ``first_dense`` layers."""
    raw = c.data.get("mlp_layer_types")
    if raw is None:
        return frozenset(range(min(first_dense, layers)))
    if not isinstance(raw, list) or len(raw) != layers or any(t not in _MLP for t in raw):
        raise LLMSizeError(
            f"{c.where}: key 'mlp_layer_types' must be a list of one 'dense' or 'sparse' per"
            f" layer ('num_hidden_layers': {layers}), got {raw!r}"
        )
    return frozenset(i for i, kind in enumerate(raw) if kind == "dense")


_MLP = ("dense", "sparse")


def _moe(c: Keys, d: Mapping[str, Any], layers: int) -> MoE:
    """Routed experts, shared experts as one wider MLP, the stored correction bias."""
    alias = d.get("num_experts_alias") and c.data.get("num_experts") is not None
    key = "num_experts" if alias else "n_routed_experts"
    experts = c.integer(key, d["n_routed_experts"])
    expert_ffn = c.integer("moe_intermediate_size", d["moe_intermediate_size"])
    shared = c.integer("n_shared_experts", 1, minimum=0)
    first_dense = d["first_dense"]  # GLM-4.7-Flash's config class fixes it at 1
    if d["first_dense_key"]:
        first_dense = c.integer("first_k_dense_replace", first_dense, minimum=0)
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", d["num_experts_per_tok"], experts, key),
        expert_ffn=expert_ffn,
        num_shared_experts=1 if shared else 0,
        shared_ffn=expert_ffn * shared,
        router_bias_buffer=True,
        dense_layers=_dense_layers(c, c.integer("num_hidden_layers"), first_dense),
    )


def mla_moe(c: Keys, name: str, d: Mapping[str, Any], indexer: Indexer | None = None) -> Spec:
    """A DeepSeek-V3-shaped MLA + MoE decoder; ``d`` holds the family's transformers defaults.

    A null ``q_lora_rank`` (a plain query projection) is read only where ``d`` allows it.
    """
    q_rank = c.opt_int("q_lora_rank", d["q_lora_rank"])
    if q_rank is None and not d.get("plain_query"):
        raise LLMSizeError(f"{c.where}: key 'q_lora_rank' must be an integer, got null")
    mla = MLA(
        q_lora_rank=q_rank,
        kv_lora_rank=c.integer("kv_lora_rank", 512),
        qk_nope_head_dim=c.integer("qk_nope_head_dim", d["qk_nope_head_dim"]),
        qk_rope_head_dim=c.integer("qk_rope_head_dim", 64),
        v_head_dim=c.integer("v_head_dim", d["v_head_dim"]),
    )
    heads = c.integer("num_attention_heads")
    bias = c.flag("attention_bias", False)  # on q_a_proj, kv_a_proj_with_mqa and o_proj
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=c.integer("hidden_size"),
        heads=heads,
        kv_heads=heads,  # MLA: every query head gets its own key and value from the latent
        head_dim=mla.qk_head_dim,
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", False),
        qkv_bias=bias,
        o_bias=bias,
        context_length=c.integer("max_position_embeddings", d["max_position_embeddings"]),
        moe=_moe(c, d, c.integer("num_hidden_layers")),
        mla=mla,
        indexer=indexer,
        mtp_layers=c.integer("num_nextn_predict_layers", 1, minimum=0) if d.get("mtp") else 0,
        quant_block=c.fp8_block(),
    )


def _shared_layers(c: Keys, layers: int) -> frozenset[int]:
    """GLM-5's layers without an indexer of their own, as its config class derives them."""
    raw = c.data.get("indexer_types")
    key = "indexer_types"
    if raw is None and c.data.get("index_topk_pattern") is not None:
        key, pattern = "index_topk_pattern", c.data["index_topk_pattern"]
        raw = (
            [{"F": "full", "S": "shared"}.get(t, t) for t in pattern]
            if isinstance(pattern, str)
            else pattern
        )
    elif raw is None:
        freq = max(c.integer("index_topk_freq", 1, minimum=0), 1)
        offset = c.integer("index_skip_topk_offset", 2, minimum=0)
        return frozenset(i for i in range(layers) if max(i - offset + 1, 0) % freq)
    if not isinstance(raw, list) or len(raw) != layers or any(t not in _INDEXED for t in raw):
        raise LLMSizeError(
            f"{c.where}: key {key!r} must give one 'full' or 'shared' per layer"
            f" ('num_hidden_layers': {layers}), got {raw!r}"
        )
    return frozenset(i for i, kind in enumerate(raw) if kind == "shared")


_INDEXED = ("full", "shared")


@reader("deepseek_v32")
def read_v32(c: Keys, name: str) -> Spec:
    """DeepSeek-V3.2 as transformers' ``DeepseekV32ForCausalLM`` builds it (+ MTP, fp8)."""
    indexer = Indexer(
        heads=c.integer("index_n_heads", 64), head_dim=c.integer("index_head_dim", 128)
    )
    return mla_moe(c, name, _V32, indexer)


@reader("glm_moe_dsa")
def read_glm5(c: Keys, name: str) -> Spec:
    """GLM-5 as transformers' ``GlmMoeDsaForCausalLM`` builds it."""
    indexer = Indexer(
        heads=c.integer("index_n_heads", 32),
        head_dim=c.integer("index_head_dim", 128),
        shared_layers=_shared_layers(c, c.integer("num_hidden_layers")),
    )
    return mla_moe(c, name, _GLM5, indexer)


_V32: dict[str, Any] = {
    "q_lora_rank": 1536,
    "qk_nope_head_dim": 128,
    "v_head_dim": 128,
    "n_routed_experts": 256,
    "moe_intermediate_size": 2048,
    "num_experts_per_tok": 8,
    "first_dense": 3,
    "first_dense_key": True,  # read from first_k_dense_replace
    "num_experts_alias": True,  # num_experts, when given, replaces n_routed_experts
    "max_position_embeddings": 163840,
    "mtp": True,  # the checkpoint stores DeepSeek-V3's multi-token-prediction module
}
_GLM5: dict[str, Any] = {
    **_V32,
    "q_lora_rank": 2048,
    "qk_nope_head_dim": 192,
    "v_head_dim": 256,
    "max_position_embeddings": 202752,
    "mtp": False,  # not counted yet (as for GLM-4.5)
}
