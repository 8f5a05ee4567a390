"""MiniMax-M2 (``minimax_m2``): GQA with q/k norms over the whole projections, MoE everywhere.

Every layer routes to ``num_experts_per_tok`` of ``num_local_experts`` experts of
``intermediate_size``, with a stored score-correction bias and no shared expert; no linear layer
has a bias. The multi-token-prediction modules the checkpoint stores (``num_mtp_modules``) and
``rotary_dim`` change nothing transformers builds.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


@reader("minimax_m2")
def read(c: Keys, name: str) -> Spec:
    """MiniMax-M2 as transformers' ``MiniMaxM2ForCausalLM`` builds it."""
    experts = c.integer("num_local_experts", 256)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 8, experts, "num_local_experts"),
        expert_ffn=c.integer("intermediate_size"),
        router_bias_buffer=True,
    )
    defaults = {"max_position_embeddings": 196608, "num_key_value_heads": 8, "head_dim": 128}
    return llama_like(
        c,
        name,
        defaults=defaults,
        qkv_bias=False,
        o_bias=False,
        qk_norm=True,
        qk_norm_scope="projection",
        moe=moe,
    )
