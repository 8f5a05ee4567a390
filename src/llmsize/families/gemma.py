"""Gemma, Gemma 2 and Gemma 3's text model (``gemma``, ``gemma2``, ``gemma3_text``).

Gemma 2 and 3 add two norms to each block (after attention and after the MLP: four in all)
and alternate sliding-window and full attention: every second layer full in Gemma 2, every
sixth in Gemma 3. Gemma 3 adds per-head q/k norms. ``query_pre_attn_scalar`` and the logit
soft-capping change no weight.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.spec import Spec

_GEMMA2 = {
    "max_position_embeddings": 8192,
    "tie_word_embeddings": True,
    "num_key_value_heads": 4,
    "head_dim": 256,
}


@reader("gemma")
def read_gemma(c: Keys, name: str) -> Spec:
    """Gemma: a Llama shape with a tied head and 256-wide heads by default."""
    defaults = {
        "max_position_embeddings": 8192,
        "tie_word_embeddings": True,
        "num_key_value_heads": 16,
        "head_dim": 256,
    }
    return llama_like(c, name, defaults=defaults)


@reader("gemma2")
def read_gemma2(c: Keys, name: str) -> Spec:
    """Gemma 2: sandwich norms, sliding and full attention alternating."""
    layers = mixers(c, window=4096, sliding_every=2)
    return llama_like(c, name, defaults=_GEMMA2, norm_placement="sandwich", mixers=layers)


@reader("gemma3_text")
def read_gemma3_text(c: Keys, name: str) -> Spec:
    """Gemma 3 (text): sandwich norms, q/k norms, five sliding layers to one full."""
    pattern = c.integer("sliding_window_pattern", 6)
    layers = mixers(c, window=4096, sliding_every=pattern)
    defaults = {**_GEMMA2, "max_position_embeddings": 131072}
    return llama_like(
        c, name, defaults=defaults, norm_placement="sandwich", qk_norm=True, mixers=layers
    )
