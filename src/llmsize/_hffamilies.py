"""One reader per supported ``model_type``, each with that family's transformers defaults.

A reader takes the config's `Keys` and a display name and builds the `Spec` once: every
family-specific choice (bias switches, defaults for absent keys, MoE layout) is decided before
the spec is made, so each spec is validated once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from llmsize._hfkeys import MISSING, Keys
from llmsize.errors import LLMSizeError
from llmsize.spec import MLA, MoE, Spec

__all__ = ["READERS"]


def _llama_like(
    c: Keys,
    name: str,
    *,
    defaults: Mapping[str, Any],
    qkv_bias: bool | None = None,
    o_bias: bool | None = None,
    qk_norm: bool = False,
    moe: MoE | None = None,
) -> Spec:
    """Llama-shaped decoders: RMSNorm, gated MLP, RoPE (llama, mistral, qwen*, gemma, phi3...).

    ``defaults`` holds the family's transformers defaults for absent keys: an absent
    ``num_key_value_heads`` is not always "same as query heads" (Mistral's is 8, Gemma's 16),
    and an absent ``head_dim`` is not always ``D // N`` (Qwen3's is 128, Gemma's 256).
    ``qkv_bias`` and ``o_bias``, when given, fix a bias the family does not take from
    ``attention_bias``.
    """
    width = c.integer("hidden_size")
    heads = c.integer("num_attention_heads")
    attention_bias = c.flag("attention_bias", defaults.get("attention_bias", False))
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=width,
        heads=heads,
        kv_heads=c.integer("num_key_value_heads", defaults.get("num_key_value_heads", heads)),
        head_dim=c.head_dim(width, heads, defaults.get("head_dim")),
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", defaults.get("tie_word_embeddings", False)),
        qkv_bias=attention_bias if qkv_bias is None else qkv_bias,
        o_bias=attention_bias if o_bias is None else o_bias,
        mlp_bias=c.flag("mlp_bias", False) if "mlp_bias" in defaults else False,
        qk_norm=qk_norm,
        context_length=c.integer("max_position_embeddings", defaults["max_position_embeddings"]),
        moe=moe,
    )


def _llama(c: Keys, name: str) -> Spec:
    return _llama_like(c, name, defaults={"max_position_embeddings": 2048, "mlp_bias": False})


def _mistral(c: Keys, name: str) -> Spec:
    # transformers' Mistral has no bias switches at all.
    defaults = {"max_position_embeddings": 131072, "num_key_value_heads": 8}
    return _llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False)


def _mixtral(c: Keys, name: str) -> Spec:
    moe = MoE(
        num_experts=c.integer("num_local_experts", 8),
        experts_per_token=c.integer("num_experts_per_tok", 2),
        expert_ffn=c.integer("intermediate_size"),
    )
    defaults = {"max_position_embeddings": 131072, "num_key_value_heads": 8}
    return _llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False, moe=moe)


def _qwen2(c: Keys, name: str) -> Spec:
    # Qwen2: biases on q/k/v always, never on o.
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 32}
    return _llama_like(c, name, defaults=defaults, qkv_bias=True, o_bias=False)


def _qwen_moe_rule(c: Keys) -> dict[str, Any]:
    return {
        "first_dense_layers": 0,
        "layer_freq": c.integer("decoder_sparse_step", 1),
        "layer_phase": 1,
        "dense_layers": c.int_list("mlp_only_layers"),
    }


def _qwen2_moe(c: Keys, name: str) -> Spec:
    moe = MoE(
        num_experts=c.integer("num_experts", 60),
        experts_per_token=c.integer("num_experts_per_tok", 4),
        expert_ffn=c.integer("moe_intermediate_size", 1408),
        num_shared_experts=1,
        shared_ffn=c.integer("shared_expert_intermediate_size", 5632),
        shared_expert_gate=True,
        **_qwen_moe_rule(c),
    )
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 16}
    qkv_bias = c.flag("qkv_bias", True)
    return _llama_like(c, name, defaults=defaults, qkv_bias=qkv_bias, o_bias=False, moe=moe)


def _qwen3(c: Keys, name: str) -> Spec:
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 32, "head_dim": 128}
    return _llama_like(c, name, defaults=defaults, qk_norm=True)


def _qwen3_moe(c: Keys, name: str) -> Spec:
    key = "num_experts" if "num_experts" in c.data else "num_local_experts"
    moe = MoE(
        num_experts=c.integer(key, 128),
        experts_per_token=c.integer("num_experts_per_tok", 8),
        expert_ffn=c.integer("moe_intermediate_size", 768),
        **_qwen_moe_rule(c),
    )
    defaults = {"max_position_embeddings": 32768, "num_key_value_heads": 4}
    return _llama_like(c, name, defaults=defaults, qk_norm=True, moe=moe)


def _gemma(c: Keys, name: str) -> Spec:
    defaults = {
        "max_position_embeddings": 8192,
        "tie_word_embeddings": True,
        "num_key_value_heads": 16,
        "head_dim": 256,
    }
    return _llama_like(c, name, defaults=defaults)


def _phi3(c: Keys, name: str) -> Spec:
    # Phi-3 fuses q/k/v and gate/up into single matrices without biases; counts are the same.
    defaults = {"max_position_embeddings": 4096}
    return _llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False)


def _deepseek_moe(c: Keys, v3: bool) -> MoE | None:
    """DeepSeek's routed + shared experts (``n_routed_experts: null`` means a dense model)."""
    experts = c.opt_int("n_routed_experts", 256 if v3 else 64)
    if experts is None:
        return None
    shared = c.opt_int("n_shared_experts", 1 if v3 else 2) or 0
    expert_ffn = c.integer("moe_intermediate_size", 2048 if v3 else 1407)
    return MoE(
        num_experts=experts,
        experts_per_token=c.integer("num_experts_per_tok", 8 if v3 else MISSING),
        expert_ffn=expert_ffn,
        num_shared_experts=shared,
        shared_ffn=expert_ffn if shared else 0,
        router_bias_buffer=v3,
        # transformers places an MoE block on every layer from first_k_dense_replace on.
        first_dense_layers=c.integer("first_k_dense_replace", 3 if v3 else 0, minimum=0),
    )


def _deepseek(c: Keys, name: str, *, v3: bool) -> Spec:
    mla = MLA(
        q_lora_rank=c.opt_int("q_lora_rank", 1536),
        kv_lora_rank=c.integer("kv_lora_rank", 512),
        qk_nope_head_dim=c.integer("qk_nope_head_dim", 128),
        qk_rope_head_dim=c.integer("qk_rope_head_dim", 64),
        v_head_dim=c.integer("v_head_dim", 128),
    )
    heads = c.integer("num_attention_heads")
    attention_bias = c.flag("attention_bias", False)
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=c.integer("hidden_size"),
        heads=heads,
        # MLA has no separate key/value heads: every query head gets its own key and value
        # from the shared latent, so K = N here whatever num_key_value_heads says.
        kv_heads=heads,
        head_dim=mla.qk_head_dim,
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", False),
        qkv_bias=attention_bias,
        o_bias=attention_bias,
        mlp_bias=False if v3 else c.flag("mlp_bias", False),
        context_length=c.integer("max_position_embeddings", 4096 if v3 else 2048),
        moe=_deepseek_moe(c, v3),
        mla=mla,
        mtp_layers=c.integer("num_nextn_predict_layers", 1, minimum=0) if v3 else 0,
        quant_block=c.fp8_block(),
    )


def _learned_positions(
    c: Keys,
    name: str,
    keys: tuple[str, str, str, str],
    *,
    positions: tuple[str, int],
    ffn_times_width: int = 0,
    **flags: Any,
) -> Spec:
    """GPT-2 and BERT: MHA, a learned position table, LayerNorm, biases on every linear layer.

    ``keys`` name the family's width, heads, layers and FFN-width keys, in that order;
    ``positions`` is the position-table key and its default. The FFN width is required unless
    ``ffn_times_width`` gives its default as a multiple of the width. ``flags`` are further
    `Spec` fields.
    """
    width_key, heads_key, layers_key, ffn_key = keys
    width = c.integer(width_key)
    heads = c.integer(heads_key)
    head_dim = c.per_head(width, heads, (width_key, heads_key))
    rows = c.integer(*positions)
    return Spec(
        name=name,
        layers=c.integer(layers_key),
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=head_dim,
        ffn=c.integer(ffn_key, ffn_times_width * width if ffn_times_width else MISSING),
        vocab=c.integer("vocab_size"),
        gated_ffn=False,
        max_positions=rows,
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
        context_length=rows,
        **flags,
    )


def _gpt2(c: Keys, name: str) -> Spec:
    if c.flag("add_cross_attention", False):
        raise LLMSizeError(f"{c.where}: key 'add_cross_attention' is not supported, got true")
    return _learned_positions(
        c,
        name,
        ("n_embd", "n_head", "n_layer", "n_inner"),
        positions=("n_positions", 1024),
        ffn_times_width=4,
        tied_embeddings=c.flag("tie_word_embeddings", True),
    )


def _bert(c: Keys, name: str) -> Spec:
    return _learned_positions(
        c,
        name,
        ("hidden_size", "num_attention_heads", "num_hidden_layers", "intermediate_size"),
        positions=("max_position_embeddings", 512),
        token_types=c.integer("type_vocab_size", 2, minimum=0),
        final_norm=False,
        embedding_norm=True,
        pooler=True,
        encoder=True,
    )


READERS: dict[str, Callable[[Keys, str], Spec]] = {
    "gpt2": _gpt2,
    "llama": _llama,
    "mistral": _mistral,
    "mixtral": _mixtral,
    "qwen2": _qwen2,
    "qwen2_moe": _qwen2_moe,
    "qwen3": _qwen3,
    "qwen3_moe": _qwen3_moe,
    "gemma": _gemma,
    "phi3": _phi3,
    "deepseek_v2": lambda c, n: _deepseek(c, n, v3=False),
    "deepseek_v3": lambda c, n: _deepseek(c, n, v3=True),
    "bert": _bert,
}
"""``model_type`` → reader."""
