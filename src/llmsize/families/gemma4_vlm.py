"""Gemma 4 with vision and audio (``gemma4``): the Gemma 4 text model and optional encoders.

transformers' ``Gemma4ForConditionalGeneration`` builds the ``gemma4_text`` language model (read
by `llmsize.families.gemma4`) and, only when their sub-configs are present and not null:

* a vision tower (``vision_config``, ``gemma4_vision``): a bias-free patch embedding of
  3 x patch x patch pixel values, a learned position table of two axes x
  ``position_embedding_size`` rows, and encoder layers with grouped-query attention
  (``num_key_value_heads`` of ``head_dim``), per-head q/k RMSNorms, a gated MLP and four
  RMSNorms each, no norm after the encoder (its pooler has no weights);
* an audio encoder (``audio_config``, ``gemma4_audio``), `llmsize.audio.Audio`;
* for each encoder, an embedder: a norm without weights and one bias-free matrix to the text
  width (from the tower's width, or from the audio encoder's ``output_proj_dims``).

The head is tied unless ``tie_word_embeddings`` says otherwise.
"""

from __future__ import annotations

import dataclasses

from llmsize._hfkeys import Keys
from llmsize.audio import Audio
from llmsize.errors import LLMSizeError
from llmsize.families._registry import reader
from llmsize.families._vlm import text_model, tie_flag, typed_keys
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# Gemma4TextConfig's defaults where the text reader has none.
_TEXT = {
    "model_type": "gemma4_text",
    "vocab_size": 262144,
    "hidden_size": 2304,
    "intermediate_size": 9216,
    "num_hidden_layers": 30,
    "num_attention_heads": 8,
}
# Gemma4VisionConfig's defaults.
_VISION = {
    "hidden_size": 768,
    "intermediate_size": 3072,
    "num_hidden_layers": 16,
    "num_attention_heads": 12,
    "num_key_value_heads": 12,
    "head_dim": 64,
    "patch_size": 16,
    "position_embedding_size": 10240,
}
# Gemma4AudioConfig's defaults.
_AUDIO = {
    "hidden_size": 1024,
    "num_hidden_layers": 12,
    "num_attention_heads": 8,
    "subsampling_conv_channels": [128, 32],
    "conv_kernel_size": 5,
    "output_proj_dims": 1536,
}


def _embedder(n_in: int, text_width: int) -> Projector:
    """A weightless RMSNorm, then one bias-free matrix into the language model."""
    return Projector((Linear(n_in, text_width, False),))


def _vision(v: Keys, text_width: int) -> Vision:
    """Gemma 4's vision tower and its embedder."""
    width = v.integer("hidden_size")
    heads = v.integer("num_attention_heads")
    kv = v.kv_heads(heads)
    head_dim = v.integer("head_dim")
    patch = v.integer("patch_size")
    return Vision(
        width=width,
        layers=v.integer("num_hidden_layers"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=3 * patch * patch,
        positions=2 * v.integer("position_embedding_size"),
        norm="rmsnorm",
        gated_ffn=True,
        qkv_bias=False,
        o_bias=False,
        mlp_bias=False,
        q_width=heads * head_dim,
        kv_width=kv * head_dim,
        qk_norm=head_dim,
        layer_norms=4,
        projectors=(_embedder(width, text_width),),
    )


def _channels(a: Keys) -> tuple[int, int]:
    """``subsampling_conv_channels``: the two convolutions' output channels."""
    value = a.data.get("subsampling_conv_channels")
    if not (isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value)):
        raise LLMSizeError(
            f"{a.where}: key 'subsampling_conv_channels' must be a list of two integers,"
            f" got {value!r}"
        )
    if min(value) < 1:
        raise LLMSizeError(
            f"{a.where}: key 'subsampling_conv_channels' must be positive, got {value!r}"
        )
    return value[0], value[1]


def _audio(a: Keys, text_width: int) -> Audio:
    """Gemma 4's audio encoder and its embedder."""
    width = a.integer("hidden_size")
    heads = a.integer("num_attention_heads")
    a.per_head(width, heads, ("hidden_size", "num_attention_heads"))
    output = a.integer("output_proj_dims")
    return Audio(
        width=width,
        layers=a.integer("num_hidden_layers"),
        heads=heads,
        channels=_channels(a),
        kernel=a.integer("conv_kernel_size"),
        output=output,
        projectors=(_embedder(output, text_width),),
    )


@reader("gemma4")
def read(c: Keys, name: str) -> Spec:
    """Gemma 4 as transformers' ``Gemma4ForConditionalGeneration`` builds it."""
    t = typed_keys(c, "text_config", {"gemma4_text": _TEXT}, _TEXT)
    text = text_model(t, name, {}, "gemma4_text")
    vision = audio = None
    if c.data.get("vision_config") is not None:
        v = typed_keys(c, "vision_config", {"gemma4_vision": _VISION}, _VISION)
        vision = _vision(v, text.width)
    if c.data.get("audio_config") is not None:
        a = typed_keys(c, "audio_config", {"gemma4_audio": _AUDIO}, _AUDIO)
        audio = _audio(a, text.width)
    tied = tie_flag(c, t, True)
    return dataclasses.replace(text, vision=vision, audio=audio, tied_embeddings=tied)
