"""Cohere 2 (``cohere2``: Command R7B, Command A): a parallel block with a bias-free LayerNorm.

Each layer has one norm (``norm_placement="parallel"``); attention and the gated MLP both read
its output and add to the residual side by side. The norms are LayerNorms without a bias
(``norm="layernorm_no_bias"``). Three sliding-window layers to one full one by default
(``sliding_window_pattern`` 4, or ``layer_types``); ``attention_bias`` puts biases on all four
projections; the head is tied by default. ``logit_scale`` changes no weight.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.spec import Spec


@reader("cohere2")
def read(c: Keys, name: str) -> Spec:
    """Cohere 2 as transformers' ``Cohere2ForCausalLM`` builds it."""
    layers = mixers(c, window=4096, sliding_every=c.integer("sliding_window_pattern", 4))
    defaults = {"max_position_embeddings": 8192, "tie_word_embeddings": True}
    return llama_like(
        c,
        name,
        defaults=defaults,
        norm="layernorm_no_bias",
        norm_placement="parallel",
        mixers=layers,
    )
