"""dots.llm1 (``dots1``): DeepSeek-V3-style experts on a GQA decoder with per-head q/k norms.

Routed experts plus shared experts built as one MLP ``n_shared_experts`` times as wide, a stored
score-correction bias, dense layers before ``first_k_dense_replace``. Layers from
``max_window_layers`` on slide over ``sliding_window`` tokens unless ``layer_types`` says
otherwise (the released 62-layer config has none). ``n_routed_experts``,
``num_experts_per_tok`` and ``n_shared_experts`` have no usable default: they are required.
"""

from __future__ import annotations

from llmsize._hfkeys import MISSING, Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.layers import Mixer, MixerKind
from llmsize.spec import MoE, Spec


def _mixers(c: Keys) -> tuple[Mixer, ...]:
    """Sliding from ``max_window_layers`` on while ``sliding_window`` is set (4096 if absent)."""
    layers = c.integer("num_hidden_layers")
    if "sliding_window" in c.data and c.data["sliding_window"] is None:
        return ()
    start = c.integer("max_window_layers", 62, minimum=0)
    kinds: list[MixerKind] = ["sliding" if i >= start else "full" for i in range(layers)]
    return mixers(c, window=4096, default=kinds)


@reader("dots1")
def read(c: Keys, name: str) -> Spec:
    """dots.llm1 as transformers' ``Dots1ForCausalLM`` builds it."""
    experts = c.integer("n_routed_experts")
    expert_ffn = c.integer("moe_intermediate_size", 1408)
    shared = c.integer("n_shared_experts", minimum=0)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", MISSING, experts, "n_routed_experts"),
        expert_ffn=expert_ffn,
        num_shared_experts=1 if shared else 0,
        shared_ffn=expert_ffn * shared,
        router_bias_buffer=True,
        first_dense_layers=c.integer("first_k_dense_replace", 0, minimum=0),
    )
    heads = c.integer("num_attention_heads")
    # An absent num_key_value_heads is 32; a null one means as many as the query heads.
    kv = heads if "num_key_value_heads" in c.data else 32
    defaults = {"max_position_embeddings": 2048, "num_key_value_heads": kv}
    layers = _mixers(c)
    return llama_like(c, name, defaults=defaults, qk_norm=True, moe=moe, mixers=layers)
