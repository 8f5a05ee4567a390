"""Phi-3 and Phi-4 (``phi3``)."""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, slide_all
from llmsize.families._registry import reader
from llmsize.spec import Spec


@reader("phi3")
def read(c: Keys, name: str) -> Spec:
    """Phi-3: fused q/k/v and gate/up, no biases; a ``sliding_window`` makes every layer slide."""
    defaults = {"max_position_embeddings": 4096}
    windows = slide_all(c, None)
    return llama_like(c, name, defaults=defaults, qkv_bias=False, o_bias=False, mixers=windows)
