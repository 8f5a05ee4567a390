"""GPT-2 (``gpt2``): learned positions, LayerNorm, biases everywhere, a tied head by default."""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import learned_positions
from llmsize.families._registry import reader
from llmsize.spec import Spec


@reader("gpt2")
def read(c: Keys, name: str) -> Spec:
    """GPT-2 as transformers' ``GPT2LMHeadModel`` builds it (no cross-attention)."""
    if c.flag("add_cross_attention", False):
        raise LLMSizeError(f"{c.where}: key 'add_cross_attention' is not supported, got true")
    return learned_positions(
        c,
        name,
        ("n_embd", "n_head", "n_layer", "n_inner"),
        positions=("n_positions", 1024),
        ffn_times_width=4,
        tied_embeddings=c.flag("tie_word_embeddings", True),
    )
