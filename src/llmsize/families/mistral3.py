"""Mistral 3 (``mistral3``): a Pixtral vision tower, a patch merger and projector, a text model.

Pixtral is Llama-shaped: RMSNorms, a gated MLP and no biases anywhere, a norm before the
encoder and rotary positions (no position table). The projector normalises the tower's output,
merges each ``spatial_merge_size`` x ``spatial_merge_size`` block of patches with one matrix
back to the tower's width, then maps it to the text width in two linear layers
(``multimodal_projector_bias``). The text model is ``mistral`` or ``ministral3`` (Mistral's
shape, without a sliding window unless the config gives one).
"""

from __future__ import annotations

from typing import Any

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import feature_layers, text_model, tie_flag, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# The wrapper's text model when text_config is absent (Mistral Small 3.1's shape), and the
# config classes' defaults for a given one.
_ABSENT: dict[str, Any] = {
    "model_type": "mistral",
    "hidden_size": 5120,
    "intermediate_size": 32768,
    "num_hidden_layers": 40,
    "num_attention_heads": 32,
    "vocab_size": 131072,
    "sliding_window": None,
}
_MISTRAL: dict[str, Any] = {
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 32000,
}
_MINISTRAL3: dict[str, Any] = {
    **_MISTRAL,
    "num_hidden_layers": 34,
    "vocab_size": 131072,
    "sliding_window": None,
}
# PixtralVisionConfig's defaults.
_PIXTRAL = {
    "hidden_size": 1024,
    "intermediate_size": 4096,
    "num_hidden_layers": 24,
    "num_attention_heads": 16,
    "num_channels": 3,
    "patch_size": 16,
}


@reader("mistral3")
def read(c: Keys, name: str) -> Spec:
    """Mistral 3 as transformers' ``Mistral3ForConditionalGeneration`` builds it."""
    types = {"mistral": _MISTRAL, "ministral3": _MINISTRAL3}
    t = typed_keys(c, "text_config", types, _ABSENT, other_types=True)
    text = text_model(t, name, {"ministral3": "mistral"}, "mistral")
    v = typed_keys(c, "vision_config", {"pixtral": _PIXTRAL}, {"model_type": "pixtral", **_PIXTRAL})
    width, patch = v.integer("hidden_size"), v.integer("patch_size")
    v.integer("num_attention_heads")  # read for its check; the count does not depend on it
    merge = c.integer("spatial_merge_size", 2)
    bias = c.flag("multimodal_projector_bias", False)
    projector = Projector(
        (
            Linear(width * merge * merge, width, False),  # the patch merger
            Linear(width * feature_layers(c), text.width, bias),
            Linear(text.width, text.width, bias),
        ),
        norm=width,
        norm_kind="rmsnorm",
    )
    vision = Vision(
        width=width,
        layers=v.integer("num_hidden_layers"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=v.integer("num_channels") * patch * patch,
        pre_norm=True,
        norm="rmsnorm",
        gated_ffn=True,
        qkv_bias=False,
        o_bias=False,
        mlp_bias=False,
        projectors=(projector,),
    )
    return wrap(text, vision, tie_flag(c, t, True))
