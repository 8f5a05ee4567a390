"""GLM-4.5 / GLM-4.6 MoE (``glm4_moe``).

Routed experts plus a shared expert in every layer from ``first_k_dense_replace`` on. Biases
sit on q/k/v only (``attention_bias``); ``use_qk_norm`` adds per-head q/k norms; the router
keeps DeepSeek-V3's score-correction bias as a stored buffer. ``partial_rotary_factor``
changes no weight. The multi-token-prediction layer the checkpoint stores
(``num_nextn_predict_layers``) is not counted yet.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


@reader("glm4_moe")
def read(c: Keys, name: str) -> Spec:
    """GLM-4.5 as transformers' ``Glm4MoeForCausalLM`` builds it."""
    experts = c.integer("n_routed_experts", 128)
    expert_ffn = c.integer("moe_intermediate_size", 1408)
    # transformers builds the shared experts as one MLP n_shared_experts times as wide.
    shared = c.integer("n_shared_experts", 1, minimum=0)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 8, experts, "n_routed_experts"),
        expert_ffn=expert_ffn,
        num_shared_experts=1 if shared else 0,
        shared_ffn=expert_ffn * shared,
        router_bias_buffer=True,
        first_dense_layers=c.integer("first_k_dense_replace", 1, minimum=0),
    )
    defaults = {"max_position_embeddings": 131072, "num_key_value_heads": 8}
    return llama_like(
        c, name, defaults=defaults, o_bias=False, qk_norm=c.flag("use_qk_norm", False), moe=moe
    )
