"""Gemma 3 with vision (``gemma3``): SigLIP, a norm and one projection, the Gemma 3 text model.

The projector is an RMSNorm over the tower's width (``mm_soft_emb_norm``) and one matrix from
the tower's width to the text width, without bias (``mm_input_projection_weight``); the
average pooling down to ``mm_tokens_per_image`` has no weights. The head is tied unless
``tie_word_embeddings`` says otherwise.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import SIGLIP, siglip_tower, text_model, tie_flag, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector

# Gemma3TextConfig's defaults (Gemma 3 4B's shape).
_TEXT = {
    "model_type": "gemma3_text",
    "hidden_size": 2304,
    "intermediate_size": 9216,
    "num_hidden_layers": 26,
    "num_attention_heads": 8,
    "vocab_size": 262208,
}


@reader("gemma3")
def read(c: Keys, name: str) -> Spec:
    """Gemma 3 as transformers' ``Gemma3ForConditionalGeneration`` builds it."""
    t = typed_keys(c, "text_config", {"gemma3_text": _TEXT}, _TEXT)
    text = text_model(t, name, {}, "gemma3_text")
    siglip = {"model_type": "siglip_vision_model", **SIGLIP}
    v = typed_keys(c, "vision_config", {"siglip_vision_model": SIGLIP}, siglip)
    width = v.integer("hidden_size")
    projector = Projector((Linear(width, text.width, False),), norm=width, norm_kind="rmsnorm")
    return wrap(text, siglip_tower(v, (projector,)), tie_flag(c, t, True))
