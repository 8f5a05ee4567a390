"""LFM2-VL (``lfm2_vl``): a SigLIP 2 tower, a pixel-unshuffle projector, the LFM2 text model.

The tower is SigLIP 2's (a linear patch embedding with bias, ``num_patches`` learned positions,
LayerNorm layers with biases, a norm after; the pooling head when ``vision_use_head``). The
projector unshuffles each ``downsample_factor`` x ``downsample_factor`` block of patches into
one vector, normalises it (``projector_use_layernorm``) and maps it to the text width in two
linear layers through ``projector_hidden_size`` (``projector_bias``). The head is tied unless
``tie_embedding`` (its older name, which wins when given) or ``tie_word_embeddings`` is false.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import SIGLIP, siglip_tower, text_model, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector

# Lfm2Config's defaults (LFM2-2.6B's shape) and Siglip2VisionConfig's.
_TEXT = {
    "model_type": "lfm2",
    "hidden_size": 2560,
    "intermediate_size": 12288,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 65536,
}
_SIGLIP2 = {"model_type": "siglip2_vision_model", **SIGLIP}


@reader("lfm2_vl")
def read(c: Keys, name: str) -> Spec:
    """LFM2-VL as transformers' ``Lfm2VlForConditionalGeneration`` builds it."""
    t = typed_keys(c, "text_config", {"lfm2": _TEXT}, _TEXT)
    text = text_model(t, name, {}, "lfm2")
    v = typed_keys(c, "vision_config", {"siglip2_vision_model": SIGLIP}, _SIGLIP2)
    factor = c.integer("downsample_factor", 2)
    merged = v.integer("hidden_size") * factor * factor
    hidden, bias = c.integer("projector_hidden_size", 2560), c.flag("projector_bias", True)
    norm = merged if c.flag("projector_use_layernorm", True) else 0
    linears = (Linear(merged, hidden, bias), Linear(hidden, text.width, bias))
    vision = siglip_tower(v, (Projector(linears, norm=norm),), naflex=True)
    tied = c.flag("tie_embedding", c.flag("tie_word_embeddings", True))  # the old name wins
    return wrap(text, vision, tied)
