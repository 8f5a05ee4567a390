"""SmolLM3 (``smollm3``): a Llama shape whose every fourth layer drops rotary positions (NoPE).

Leaving out the rotary embedding changes no weight. With ``use_sliding_window`` and a
``sliding_window``, transformers makes the NoPE layers (``no_rope_layers`` 0) slide.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.layers import MixerKind
from llmsize.spec import Spec


def _default_kinds(c: Keys) -> list[MixerKind]:
    """Layer kinds as transformers derives them when ``layer_types`` is absent."""
    layers = c.integer("num_hidden_layers")
    if not c.flag("use_sliding_window", False) or c.data.get("sliding_window") is None:
        return ["full"] * layers
    raw = c.data.get("no_rope_layers")
    if raw is None:
        every = c.integer("no_rope_layer_interval", 4)
        raw = [int((i + 1) % every != 0) for i in range(layers)]
    if not isinstance(raw, list) or len(raw) != layers or any(v not in (0, 1) for v in raw):
        raise LLMSizeError(
            f"{c.where}: key 'no_rope_layers' must be a list of one 0 or 1 per layer"
            f" ('num_hidden_layers': {layers}), got {raw!r}"
        )
    return ["full" if rope else "sliding" for rope in raw]


@reader("smollm3")
def read(c: Keys, name: str) -> Spec:
    """SmolLM3 as transformers' ``SmolLM3ForCausalLM`` builds it."""
    defaults = {
        "max_position_embeddings": 32768,
        "num_key_value_heads": 4,
        "tie_word_embeddings": True,
        "mlp_bias": False,
    }
    layers = mixers(c, window=0, default=_default_kinds(c))
    return llama_like(c, name, defaults=defaults, mixers=layers)
