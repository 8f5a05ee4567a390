"""Llama, Mistral and Mixtral (``llama``, ``mistral``, ``mixtral``)."""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, slide_all
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


@reader("llama")
def read_llama(c: Keys, name: str) -> Spec:
    """Llama: biases from ``attention_bias`` and ``mlp_bias``."""
    return llama_like(c, name, defaults={"max_position_embeddings": 2048, "mlp_bias": False})


@reader("mistral")
def read_mistral(c: Keys, name: str) -> Spec:
    """Mistral: no bias switches; every layer slides over ``sliding_window`` (4096 if absent)."""
    defaults = {"max_position_embeddings": 131072, "num_key_value_heads": 8}
    windows = slide_all(c, 4096)
    return llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False, mixers=windows)


@reader("mixtral")
def read_mixtral(c: Keys, name: str) -> Spec:
    """Mixtral: every layer MoE (no shared expert); layers slide if ``sliding_window`` is set."""
    experts = c.integer("num_local_experts", 8)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 2, experts, "num_local_experts"),
        expert_ffn=c.integer("intermediate_size"),
    )
    defaults = {"max_position_embeddings": 131072, "num_key_value_heads": 8}
    windows = slide_all(c, None)
    return llama_like(
        c, name, defaults=defaults, qkv_bias=False, o_bias=False, moe=moe, mixers=windows
    )
