"""Llama 4's text model (``llama4_text``): chunked local attention and interleaved MoE.

Layers with rotary positions attend within chunks of ``attention_chunk_size`` tokens; every
``no_rope_layer_interval``-th layer (no rotary positions) attends to everything. MoE layers
(``moe_layers``, or every ``interleave_moe_layer_step``-th) hold routed experts of
``intermediate_size`` plus one shared expert of the same width; the other layers a dense MLP of
``intermediate_size_mlp``. The q/k L2 norm has no weight.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.layers import MixerKind
from llmsize.spec import MoE, Spec


def _rope_layers(c: Keys, layers: int) -> list[int]:
    """``no_rope_layers`` as transformers reads it: 1 where a layer uses rotary positions."""
    raw = c.data.get("no_rope_layers")
    if not raw:  # absent, null or empty: every interval-th layer drops rotary positions
        every = c.integer("no_rope_layer_interval", 4)
        return [int((i + 1) % every != 0) for i in range(layers)]
    if not isinstance(raw, list) or len(raw) != layers or any(v not in (0, 1) for v in raw):
        raise LLMSizeError(
            f"{c.where}: key 'no_rope_layers' must be a list of one 0 or 1 per layer"
            f" ('num_hidden_layers': {layers}), got {raw!r}"
        )
    return raw


def _moe(c: Keys, layers: int) -> MoE:
    """Routed experts plus a shared expert, on ``moe_layers`` or every interleave step."""
    experts = c.integer("num_local_experts", 16)
    width = c.integer("intermediate_size")
    if c.data.get("moe_layers") is None:
        freq, phase, dense = c.integer("interleave_moe_layer_step", 1), 1, frozenset[int]()
    else:  # an explicit list: every other layer is dense
        freq, phase, dense = 1, 0, frozenset(range(layers)) - c.int_list("moe_layers")
    return MoE(
        num_experts=experts,
        experts_per_token=c.top_k("num_experts_per_tok", 1, experts, "num_local_experts"),
        expert_ffn=width,
        num_shared_experts=1,
        shared_ffn=width,
        layer_freq=freq,
        layer_phase=phase,
        dense_layers=dense,
    )


@reader("llama4_text")
def read(c: Keys, name: str) -> Spec:
    """Llama 4 (text) as transformers' ``Llama4ForCausalLM`` builds it."""
    layers = c.integer("num_hidden_layers")
    kinds: list[MixerKind] = ["chunked" if rope else "full" for rope in _rope_layers(c, layers)]
    if c.data.get("attention_chunk_size", 8192) is None:
        kinds = ["full"] * layers
    attention = mixers(c, default=kinds, chunk=8192)
    defaults = {"max_position_embeddings": 4096 * 32, "num_key_value_heads": 8, "head_dim": 128}
    # Dense layers use intermediate_size_mlp; experts and the shared expert intermediate_size.
    dense = c.integer("intermediate_size_mlp", 16384)
    moe = _moe(c, layers)
    return llama_like(c, name, defaults=defaults, ffn=dense, moe=moe, mixers=attention)
