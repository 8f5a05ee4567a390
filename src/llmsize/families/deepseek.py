"""DeepSeek-V2 and V3 (``deepseek_v2``, ``deepseek_v3``): MLA attention, routed + shared experts."""

from __future__ import annotations

from llmsize._hfkeys import MISSING, Keys
from llmsize.families._registry import reader
from llmsize.spec import MLA, MoE, Spec


def _moe(c: Keys, v3: bool) -> MoE | None:
    """DeepSeek's routed + shared experts (``n_routed_experts: null`` means a dense model)."""
    experts = c.opt_int("n_routed_experts", 256 if v3 else 64)
    if experts is None:
        return None
    shared = c.opt_int("n_shared_experts", 1 if v3 else 2) or 0
    expert_ffn = c.integer("moe_intermediate_size", 2048 if v3 else 1407)
    top_k = c.top_k("num_experts_per_tok", 8 if v3 else MISSING, experts, "n_routed_experts")
    return MoE(
        num_experts=experts,
        experts_per_token=top_k,
        expert_ffn=expert_ffn,
        num_shared_experts=shared,
        shared_ffn=expert_ffn if shared else 0,
        router_bias_buffer=v3,
        # transformers places an MoE block on every layer from first_k_dense_replace on.
        first_dense_layers=c.integer("first_k_dense_replace", 3 if v3 else 0, minimum=0),
    )


def _read(c: Keys, name: str, *, v3: bool) -> Spec:
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
        moe=_moe(c, v3),
        mla=mla,
        mtp_layers=c.integer("num_nextn_predict_layers", 1, minimum=0) if v3 else 0,
        quant_block=c.fp8_block(),
    )


@reader("deepseek_v2")
def read_v2(c: Keys, name: str) -> Spec:
    """DeepSeek-V2: MLA, biases from ``attention_bias`` and ``mlp_bias``."""
    return _read(c, name, v3=False)


@reader("deepseek_v3")
def read_v3(c: Keys, name: str) -> Spec:
    """DeepSeek-V3: MLA, a router correction bias, MTP modules, an fp8 block release."""
    return _read(c, name, v3=True)
