"""Hunyuan MoE (``hunyuan_v1_moe``): every layer has routed experts plus one shared MLP.

The routed experts and the shared MLP are all ``intermediate_size`` wide; per-head q/k norms;
``attention_bias`` on all four projections. ``moe_topk`` may be a list with one value per layer
(transformers' Hunyuan-A13B config) but must then be the same for every layer;
``num_shared_expert`` and ``moe_intermediate_size`` are not read by transformers' model.
``head_dim`` is required (transformers does not derive it).
"""

from __future__ import annotations

from llmsize._hfkeys import MISSING, Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


def _top_k(c: Keys, experts: int, layers: int) -> int:
    """``moe_topk``: one integer, or one per layer, all the same."""
    raw = c.data.get("moe_topk")
    if isinstance(raw, list):
        if len(raw) != layers or len(set(map(repr, raw))) != 1:
            raise LLMSizeError(
                f"{c.where}: key 'moe_topk' must be one integer, or the same integer for each"
                f" layer ('num_hidden_layers': {layers}), got {raw!r}"
            )
        return Keys({"moe_topk": raw[0]}, c.where).top_k("moe_topk", 1, experts, "num_experts")
    return c.top_k("moe_topk", 1, experts, "num_experts")


@reader("hunyuan_v1_moe")
def read(c: Keys, name: str) -> Spec:
    """Hunyuan MoE as transformers' ``HunYuanMoEV1ForCausalLM`` builds it."""
    width = c.integer("intermediate_size")
    experts = c.integer("num_experts", 1)
    moe = MoE(
        num_experts=experts,
        experts_per_token=_top_k(c, experts, c.integer("num_hidden_layers")),
        expert_ffn=width,
        num_shared_experts=1,
        shared_ffn=width,
    )
    defaults = {"max_position_embeddings": 2048, "head_dim": MISSING}
    return llama_like(c, name, defaults=defaults, qk_norm=True, moe=moe)
