"""gpt-oss (``gpt_oss``): OpenAI's open-weight MoE.

Every layer is an MoE block whose router and experts carry biases; attention has biases on
q/k/v/o and one learned sink logit per head, and alternates sliding-window (128 tokens) and
full attention, starting with a sliding layer.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


@reader("gpt_oss")
def read(c: Keys, name: str) -> Spec:
    """gpt-oss as transformers' ``GptOssForCausalLM`` builds it."""
    experts = c.integer("num_local_experts", 128)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 4, experts, "num_local_experts"),
        expert_ffn=c.integer("intermediate_size"),
        expert_bias=True,
        router_bias=True,
    )
    defaults = {
        "max_position_embeddings": 131072,
        "num_key_value_heads": 8,
        "head_dim": 64,
        "attention_bias": True,
    }
    return llama_like(
        c,
        name,
        defaults=defaults,
        moe=moe,
        attention_sinks=True,
        mixers=mixers(c, window=128, sliding_every=2),
    )
