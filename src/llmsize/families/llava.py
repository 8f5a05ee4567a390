"""LLaVA (``llava``): a CLIP (or SigLIP) vision tower, a two-layer projector, a text model.

transformers builds the whole tower (``vision_feature_layer`` -2 reads the next-to-last layer,
but the last one is built and stored all the same), then ``linear_1`` from the tower's width
(times the number of feature layers when ``vision_feature_layer`` is a list) to the text width
and ``linear_2`` (text width to text width), both with ``multimodal_projector_bias``.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import (
    CLIP,
    SIGLIP,
    clip_tower,
    feature_layers,
    mlp_projector,
    siglip_tower,
    text_model,
    tie_flag,
    typed_keys,
    wrap,
)
from llmsize.spec import Spec

# transformers' defaults: a text_config of type llama (LlamaConfig), and an absent vision_config
# (CLIP ViT-L/14 at 336 px).
_TEXT = {
    "hidden_size": 4096,
    "intermediate_size": 11008,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 32000,
    "model_type": "llama",
}
_VISION = {
    "model_type": "clip_vision_model",
    "hidden_size": 1024,
    "intermediate_size": 4096,
    "num_hidden_layers": 24,
    "num_attention_heads": 16,
    "image_size": 336,
    "patch_size": 14,
    "num_channels": 3,
}


@reader("llava")
def read(c: Keys, name: str) -> Spec:
    """LLaVA as transformers' ``LlavaForConditionalGeneration`` builds it."""
    t = typed_keys(c, "text_config", {"llama": _TEXT}, _TEXT, other_types=True)
    text = text_model(t, name, {}, "llama")
    towers = {"clip_vision_model": CLIP, "siglip_vision_model": SIGLIP}
    v = typed_keys(c, "vision_config", towers, _VISION)
    bias = c.flag("multimodal_projector_bias", True)
    width = v.integer("hidden_size")
    projector = mlp_projector(width * feature_layers(c), text.width, text.width, bias)
    if v.data["model_type"] == "clip_vision_model":
        vision = clip_tower(v, (projector,))
    else:
        vision = siglip_tower(v, (projector,))
    return wrap(text, vision, tie_flag(c, t, False, text_too=True))
