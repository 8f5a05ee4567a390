"""Llama 3.2 Vision (``mllama``): a tiled vision tower, and cross-attention layers in the text.

The tower cuts an image into up to ``max_num_tiles`` tiles of ``image_size`` pixels and learns,
beside its class token and per-patch positions, a position for every patch of every tile and an
embedding per tile before and after the encoder, for each of the ``supported_aspect_ratios``
layouts and one more row (three gates). ``num_hidden_layers`` LayerNorm encoder layers (biases
on the MLP only) run between a norm before and after, then ``num_global_layers`` gated ones;
one linear layer with bias maps ``vision_output_dim`` to the text width.

The text model is Llama's shape with ``cross_attention_layers`` in its stack: those layers
attend to the image (`llmsize.cross.CrossAttention`) instead of the text. Its token embedding
has 8 rows more than ``vocab_size``, which the head does not predict.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.cross import CrossAttention
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families._vlm import sub_keys, tie_flag, wrap
from llmsize.layers import Mixer
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# MllamaTextConfig's and MllamaVisionConfig's defaults (Llama 3.2 11B Vision's shape).
_TEXT = {
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 40,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "vocab_size": 128256,
    "cross_attention_layers": [3, 8, 13, 18, 23, 28, 33, 38],
}
_VISION = {
    "hidden_size": 1280,
    "intermediate_size": 5120,
    "num_hidden_layers": 32,
    "num_global_layers": 8,
    "attention_heads": 16,
    "num_channels": 3,
    "image_size": 448,
    "patch_size": 14,
    "max_num_tiles": 4,
    "vision_output_dim": 7680,
    "supported_aspect_ratios": [[1, 1], [1, 2], [1, 3], [1, 4], [2, 1], [2, 2], [3, 1], [4, 1]],
}


def _text(t: Keys, name: str) -> Spec:
    """The language model: full-attention layers, and cross-attention ones where listed."""
    layers, heads = t.integer("num_hidden_layers"), t.integer("num_attention_heads")
    kv = t.kv_heads(heads)
    cross = t.int_list("cross_attention_layers")
    if any(i >= layers for i in cross):
        raise LLMSizeError(
            f"{t.where}: key 'cross_attention_layers' items must be below 'num_hidden_layers'"
            f" ({layers}), got {sorted(cross)!r}"
        )
    head_dim = t.per_head(t.integer("hidden_size"), heads, ("hidden_size", "num_attention_heads"))
    attend = Mixer("cross", cross=CrossAttention(heads, kv, head_dim))
    mixers = tuple(attend if i in cross else Mixer() for i in range(layers))
    defaults = {"max_position_embeddings": 131072}
    return llama_like(t, name, defaults=defaults, mixers=mixers, extra_embeddings=8)


def _tower(v: Keys, text_width: int) -> Vision:
    """The tiled tower and its one-layer projector."""
    width, patch = v.integer("hidden_size"), v.integer("patch_size")
    v.integer("attention_heads")  # read for its check; the count does not depend on it
    grid = v.integer("image_size") // patch
    ratios = v.data["supported_aspect_ratios"]
    if ratios is None:  # transformers' default layouts
        ratios = _VISION["supported_aspect_ratios"]
    if not isinstance(ratios, list):
        where = f"{v.where}: key 'supported_aspect_ratios'"
        raise LLMSizeError(f"{where} must be a list of tile layouts, got {ratios!r}")
    projector = Projector((Linear(v.integer("vision_output_dim"), text_width),))
    return Vision(
        width=width,
        layers=v.integer("num_hidden_layers"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=v.integer("num_channels") * patch * patch,
        class_token=True,
        positions=grid * grid + 1,
        pre_norm=True,
        post_norm=True,
        qkv_bias=False,
        o_bias=False,
        global_layers=v.integer("num_global_layers", minimum=0),
        tiles=v.integer("max_num_tiles"),
        aspect_ratios=len(ratios),
        projectors=(projector,),
    )


@reader("mllama")
def read(c: Keys, name: str) -> Spec:
    """Llama 3.2 Vision as transformers' ``MllamaForConditionalGeneration`` builds it."""
    t = sub_keys(c, "text_config", _TEXT)
    text = _text(t, name)
    vision = _tower(sub_keys(c, "vision_config", _VISION), text.width)
    return wrap(text, vision, tie_flag(c, t, False))
