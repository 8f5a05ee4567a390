"""ERNIE 4.5 MoE (``ernie4_5_moe``): routed + shared experts between two layer indices.

Layer ``i`` has an MoE block when ``moe_layer_start_index <= i <= moe_layer_end_index`` (-1: the
last layer) and ``(i + 1) % moe_layer_interval == 0``, else a dense MLP. The shared experts are
one MLP ``moe_num_shared_experts`` times as wide; the router keeps its score-correction bias as
a (frozen) parameter. ``use_bias`` puts biases on every attention projection, on the dense and
shared MLPs and on the output head (not on the routed experts).
"""

from __future__ import annotations

from dataclasses import replace

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.spec import MoE, Spec


def _moe(c: Keys, layers: int) -> MoE:
    """The experts and the layer range that carries them."""
    experts = c.integer("moe_num_experts", 64)
    expert_ffn = c.integer("moe_intermediate_size", 1536)
    shared = c.integer("moe_num_shared_experts", 2, minimum=0)
    end = c.integer("moe_layer_end_index", -1, minimum=-1)
    last = layers - 1 if end == -1 else end
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("moe_k", 6, experts, "moe_num_experts"),
        expert_ffn=expert_ffn,
        num_shared_experts=1 if shared else 0,
        shared_ffn=expert_ffn * shared,
        router_bias=True,
        first_dense_layers=c.integer("moe_layer_start_index", 1, minimum=0),
        layer_freq=c.integer("moe_layer_interval", 1),
        layer_phase=1,
        dense_layers=frozenset(range(last + 1, layers)),
    )


@reader("ernie4_5_moe")
def read(c: Keys, name: str) -> Spec:
    """ERNIE 4.5 MoE as transformers' ``Ernie4_5_MoeForCausalLM`` builds it."""
    bias = c.flag("use_bias", False)
    defaults = {
        "max_position_embeddings": 131072,
        "num_key_value_heads": 4,
        "tie_word_embeddings": True,
    }
    moe = _moe(c, c.integer("num_hidden_layers"))
    spec = llama_like(c, name, defaults=defaults, qkv_bias=bias, o_bias=bias, moe=moe)
    return replace(spec, mlp_bias=bias, lm_head_bias=bias)
