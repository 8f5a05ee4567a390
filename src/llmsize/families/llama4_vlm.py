"""Llama 4 with vision (``llama4``): its own vision tower, a pixel-shuffle adapter, a projection.

The tower embeds patches with one matrix (no bias), adds a class token and a learned position
per patch and for the class, and runs LayerNorm encoder layers whose attention and MLP carry
biases, between a norm before and a norm after. Its pixel-shuffle adapter is two linear layers
without bias (``intermediate_size`` → ``projector_input_dim``, then ``projector_output_dim``
square); one more matrix maps ``vision_output_dim`` to the text width
(``multi_modal_projector``). The text model is Llama 4's (``llama4_text``), whose own
``tie_word_embeddings`` (not the wrapper's) ties its head.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import sub_keys, text_model, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# Llama4TextConfig's and Llama4VisionConfig's defaults.
_TEXT = {
    "model_type": "llama4_text",
    "hidden_size": 5120,
    "intermediate_size": 8192,
    "num_hidden_layers": 48,
    "num_attention_heads": 40,
    "vocab_size": 202048,
}
_VISION = {
    "hidden_size": 768,
    "intermediate_size": 5632,
    "num_hidden_layers": 34,
    "num_attention_heads": 16,
    "num_channels": 3,
    "image_size": 448,
    "patch_size": 14,
    "projector_input_dim": 4096,
    "projector_output_dim": 4096,
    "vision_output_dim": 7680,
}


@reader("llama4")
def read(c: Keys, name: str) -> Spec:
    """Llama 4 as transformers' ``Llama4ForConditionalGeneration`` builds it."""
    t = typed_keys(c, "text_config", {"llama4_text": _TEXT}, _TEXT)
    text = text_model(t, name, {}, "llama4_text")
    v = sub_keys(c, "vision_config", _VISION)
    width, ffn, patch = (
        v.integer("hidden_size"),
        v.integer("intermediate_size"),
        v.integer("patch_size"),
    )
    v.integer("num_attention_heads")  # read for its check; the count does not depend on it
    grid = v.integer("image_size") // patch
    out = v.integer("projector_output_dim")
    adapter = (Linear(ffn, v.integer("projector_input_dim"), False), Linear(out, out, False))
    projection = (Linear(v.integer("vision_output_dim"), text.width, False),)
    vision = Vision(
        width=width,
        layers=v.integer("num_hidden_layers"),
        ffn=ffn,
        patch_inputs=v.integer("num_channels") * patch * patch,
        class_token=True,
        positions=grid * grid + 1,
        pre_norm=True,
        post_norm=True,
        projectors=(Projector(adapter, key="adapter"), Projector(projection)),
    )
    # The text model is Llama4ForCausalLM with its own head: text_config's flag ties it.
    return wrap(text, vision, text.tied_embeddings)
