"""What the vision-language readers share: sub-configs, the wrapped text model, CLIP/SigLIP towers.

A vision-language ``config.json`` nests its language model under ``text_config`` and its tower
under ``vision_config``. transformers fills an absent key of either from that sub-config's own
class, so each wrapper states those defaults; the text model is then read by the registered
reader of its ``model_type`` (``llama``, ``gemma3_text``, ``deepseek_v3``…) and the vision part
is added as `llmsize.vision.Vision`. Errors name the sub-config: ``config.json: text_config:
key 'num_key_value_heads' (7) must divide 'num_attention_heads' (32)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._registry import READERS
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

__all__ = [
    "clip_tower",
    "feature_layers",
    "mlp_projector",
    "siglip_tower",
    "sub_keys",
    "text_model",
    "tie_flag",
    "typed_keys",
    "wrap",
]


def sub_keys(c: Keys, key: str, defaults: Mapping[str, Any]) -> Keys:
    """The sub-config ``key`` (``text_config``, ``vision_config``) over its class defaults.

    An absent or null sub-config is all defaults, as transformers builds it.
    """
    data = c.data.get(key)
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise LLMSizeError(f"{c.where}: key {key!r} must be an object, got {data!r}")
    return Keys({**defaults, **data}, f"{c.where}: {key}")


def text_model(t: Keys, name: str, readers: Mapping[str, str], default_type: str) -> Spec:
    """The language model of sub-config ``t`` read by the reader of its ``model_type``.

    ``readers`` maps the text types transformers names inside this wrapper to the registered
    reader that reads the same shape (``qwen3_vl_text`` → ``qwen3``); any registered type is
    read by its own reader.
    """
    text_type = t.data.get("model_type", default_type)
    reader = READERS.get(readers.get(text_type, text_type)) if isinstance(text_type, str) else None
    if reader is None:
        raise LLMSizeError(
            f"{t.where}: key 'model_type' {text_type!r} is not a supported text model"
        )
    return reader(t, name)


def tie_flag(c: Keys, t: Keys, default: bool, *, text_too: bool = False) -> bool:
    """Whether the output head shares the embedding, as the wrapper's config decides.

    The wrapper's own ``tie_word_embeddings`` rules (``default`` when absent); with
    ``text_too`` (LLaVA, Qwen2.5-VL), a true flag in ``text_config`` ties as well, as
    transformers forwards it from checkpoints saved that way.
    """
    tied = c.flag("tie_word_embeddings", default)
    return tied or (text_too and t.flag("tie_word_embeddings", False))


def wrap(text: Spec, vision: Vision, tied: bool) -> Spec:
    """The language model ``text`` with its vision part and the wrapper's head tying."""
    return dataclasses.replace(text, vision=vision, tied_embeddings=tied)


def feature_layers(c: Keys, key: str = "vision_feature_layer") -> int:
    """How many encoder layers' outputs the projector reads side by side (an int: one)."""
    value = c.data.get(key, -1)
    if isinstance(value, list) and value and all(type(v) is int for v in value):
        return len(value)
    if type(value) is int:
        return 1
    raise LLMSizeError(
        f"{c.where}: key {key!r} must be an integer or a list of them, got {value!r}"
    )


def _encoder(v: Keys, width: int) -> dict[str, Any]:
    """Layers and MLP width of a CLIP/SigLIP-style encoder (LayerNorm, biases, plain MLP)."""
    v.integer("num_attention_heads")  # read for its check; the count does not depend on it
    return {
        "width": width,
        "layers": v.integer("num_hidden_layers"),
        "ffn": v.integer("intermediate_size"),
    }


CLIP = {
    "hidden_size": 768,
    "intermediate_size": 3072,
    "num_hidden_layers": 12,
    "num_attention_heads": 12,
    "image_size": 224,
    "patch_size": 32,
    "num_channels": 3,
}
"""``CLIPVisionConfig``'s defaults (ViT-B/32)."""

SIGLIP = {**CLIP, "patch_size": 16, "num_patches": 256}
"""``SiglipVisionConfig``'s and ``Siglip2VisionConfig``'s defaults."""


def typed_keys(
    c: Keys,
    key: str,
    by_type: Mapping[str, Mapping[str, Any]],
    absent: Mapping[str, Any],
    *,
    other_types: bool = False,
) -> Keys:
    """Sub-config ``key`` over the class defaults of its ``model_type``, as transformers fills it.

    ``by_type`` maps each type to its config class's defaults (its first type is the one a
    sub-config without ``model_type`` has); ``absent`` is the wrapper's whole default when the
    key is absent. With ``other_types`` a type not in ``by_type`` is taken without defaults (a
    text model its own reader checks); otherwise it is an error naming the key.
    """
    raw = c.data.get(key)
    if not isinstance(raw, Mapping):  # absent or null: the default; anything else: an error
        return sub_keys(c, key, absent)
    kind = raw.get("model_type", next(iter(by_type)))
    if not isinstance(kind, str) or (kind not in by_type and not other_types):
        known = ", ".join(map(repr, by_type))
        raise LLMSizeError(
            f"{c.where}: {key}: key 'model_type' {kind!r} is not supported here ({known})"
        )
    return sub_keys(c, key, {"model_type": kind, **by_type.get(kind, {})})


def clip_tower(v: Keys, projectors: tuple[Projector, ...]) -> Vision:
    """CLIP's vision transformer: class token, positions for every patch and the class, two norms.

    The patch convolution has no bias; a LayerNorm sits before the encoder and after it.
    """
    width = v.integer("hidden_size")
    patch = v.integer("patch_size")
    grid = v.integer("image_size") // patch
    return Vision(
        **_encoder(v, width),
        patch_inputs=v.integer("num_channels") * patch * patch,
        class_token=True,
        positions=grid * grid + 1,
        pre_norm=True,
        post_norm=True,
        projectors=projectors,
    )


def siglip_tower(v: Keys, projectors: tuple[Projector, ...], *, naflex: bool = False) -> Vision:
    """SigLIP's (or, with ``naflex``, SigLIP 2's) vision transformer.

    A patch embedding with bias, one position per patch (``(image_size / patch_size)^2``, or
    SigLIP 2's ``num_patches``), a LayerNorm after the encoder and, when ``vision_use_head``,
    the attention-pooling head.
    """
    width = v.integer("hidden_size")
    patch = v.integer("patch_size")
    if naflex:
        positions = v.integer("num_patches")
    else:
        grid = v.integer("image_size") // patch
        positions = grid * grid
    return Vision(
        **_encoder(v, width),
        patch_inputs=v.integer("num_channels") * patch * patch,
        patch_bias=True,
        positions=positions,
        post_norm=True,
        pooling_head=v.flag("vision_use_head", True),
        projectors=projectors,
    )


def mlp_projector(n_in: int, hidden: int, out: int, bias: bool, norm: int = 0) -> Projector:
    """Two linear layers (``n_in`` → ``hidden`` → ``out``), after an optional LayerNorm."""
    return Projector((Linear(n_in, hidden, bias), Linear(hidden, out, bias)), norm=norm)
