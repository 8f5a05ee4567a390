"""GLM-4.7-Flash (``glm4_moe_lite``): DeepSeek-V3's MLA + MoE shape with GLM's sizes.

Read by `llmsize.families.deepseek_v32.mla_moe` without an indexer. The query may be projected
straight from the hidden state (``q_lora_rank: null``). Its config class makes only the first
layer dense unless ``mlp_layer_types`` says otherwise (``first_k_dense_replace`` is not read).
The multi-token-prediction layer the checkpoint stores (``num_nextn_predict_layers``) is not
counted yet.
"""

from __future__ import annotations

from typing import Any

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families.deepseek_v32 import mla_moe
from llmsize.spec import Spec

_DEFAULTS: dict[str, Any] = {
    "q_lora_rank": 768,
    "plain_query": True,
    "qk_nope_head_dim": 192,
    "v_head_dim": 256,
    "n_routed_experts": 64,
    "moe_intermediate_size": 1536,
    "num_experts_per_tok": 4,
    "first_dense": 1,
    "first_dense_key": False,
    "max_position_embeddings": 202752,
}


@reader("glm4_moe_lite")
def read(c: Keys, name: str) -> Spec:
    """GLM-4.7-Flash as transformers' ``Glm4MoeLiteForCausalLM`` builds it."""
    return mla_moe(c, name, _DEFAULTS)
