"""EXAONE 4 (``exaone4``): OLMo-style norms after attention and MLP, per-head q/k norms.

Three sliding-window layers to one full by default (``sliding_window_pattern`` 4; the released
configs list ``layer_types``); no biases anywhere.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.layers import MixerKind
from llmsize.spec import Spec


def _default_kinds(c: Keys) -> list[MixerKind]:
    """Layer kinds when ``layer_types`` is absent.

    No ``sliding_window``: every layer full. An integer ``sliding_window_pattern`` ``p``: layer
    ``i`` full when ``(i + 1) % p == 0``, as transformers derives it. A pattern written as
    letters (the released configs' ``"LLLG"``: local, global) repeats over the layers.
    """
    layers = c.integer("num_hidden_layers")
    if c.data.get("sliding_window", 4096) is None:
        return ["full"] * layers
    pattern = c.data.get("sliding_window_pattern")
    if isinstance(pattern, str) and pattern and set(pattern) <= {"L", "G"}:
        return ["sliding" if pattern[i % len(pattern)] == "L" else "full" for i in range(layers)]
    every = c.integer("sliding_window_pattern", 4)
    return ["full" if (i + 1) % every == 0 else "sliding" for i in range(layers)]


@reader("exaone4")
def read(c: Keys, name: str) -> Spec:
    """EXAONE 4 as transformers' ``Exaone4ForCausalLM`` builds it."""
    default = None if c.data.get("layer_types") is not None else _default_kinds(c)
    attention = mixers(c, window=4096, default=default)
    defaults = {"max_position_embeddings": 2048, "num_key_value_heads": 32}
    return llama_like(
        c,
        name,
        defaults=defaults,
        qkv_bias=False,
        o_bias=False,
        qk_norm=True,
        norm_placement="post",
        mixers=attention,
    )
