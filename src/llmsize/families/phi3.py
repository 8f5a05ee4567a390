"""Phi-3 and Phi-4 (``phi3``)."""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.spec import Spec


@reader("phi3")
def read(c: Keys, name: str) -> Spec:
    """Phi-3 fuses q/k/v and gate/up into single matrices without biases; counts are the same."""
    defaults = {"max_position_embeddings": 4096}
    return llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False)
