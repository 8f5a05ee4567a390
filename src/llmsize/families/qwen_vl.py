"""Qwen's vision-language models (Qwen2.5-VL, Qwen3-VL and its MoE, Qwen3.5 and its MoE).

The model types are ``qwen2_5_vl``, ``qwen3_vl``, ``qwen3_vl_moe``, ``qwen3_5`` and
``qwen3_5_moe``. Each tower embeds a patch of ``temporal_patch_size`` frames (a 3-D
convolution) and ends in a merger: a norm, then two linear layers from ``spatial_merge_size``²
merged patches to the text width (``out_hidden_size``). Qwen2.5-VL's tower uses RMSNorms and a
gated MLP with biases and rotary positions only; Qwen3-VL's and Qwen3.5's use LayerNorms, a
plain MLP and a learned position table (``num_position_embeddings``), and Qwen3-VL adds one
DeepStack merger (its norm over the merged width) per ``deepstack_visual_indexes`` entry. The
text models are Qwen2 (Qwen2.5-VL, whose text keys may sit at the top level), Qwen3, Qwen3-MoE
and Qwen3.5.
"""

from __future__ import annotations

from typing import Any

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families._vlm import sub_keys, text_model, tie_flag, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# Each wrapper's text config class defaults, the reader of that shape, and its vision defaults.
_QWEN3_VISION = {
    "depth": 27,
    "hidden_size": 1152,
    "intermediate_size": 4304,
    "num_heads": 16,
    "in_channels": 3,
    "patch_size": 16,
    "spatial_merge_size": 2,
    "temporal_patch_size": 2,
    "out_hidden_size": 3584,
    "num_position_embeddings": 2304,
}
_DEEPSTACK = {**_QWEN3_VISION, "deepstack_visual_indexes": [8, 16, 24]}
_SIZES = ("hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads")
_FAMILIES: dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]] = {
    "qwen3_vl": (
        "qwen3_vl_text",
        "qwen3",
        {**dict(zip(_SIZES, (4096, 22016, 32, 32), strict=True)), "vocab_size": 151936},
        _DEEPSTACK,
    ),
    "qwen3_vl_moe": (
        "qwen3_vl_moe_text",
        "qwen3_moe",
        {
            **dict(zip(_SIZES, (2048, 5632, 24, 16), strict=True)),
            "vocab_size": 151936,
            "num_key_value_heads": 16,
            "head_dim": 128,
            "num_experts": 60,
            "num_experts_per_tok": 4,
            "moe_intermediate_size": 1408,
        },
        _DEEPSTACK,
    ),
    "qwen3_5": (
        "qwen3_5_text",
        "qwen3_5_text",
        {**dict(zip(_SIZES, (4096, 12288, 32, 16), strict=True)), "vocab_size": 248320},
        _QWEN3_VISION,
    ),
    "qwen3_5_moe": (
        "qwen3_5_moe_text",
        "qwen3_5_moe_text",
        {"hidden_size": 2048, "num_hidden_layers": 40, "num_attention_heads": 16},
        _QWEN3_VISION,
    ),
}


def _merger(v: Keys, width: int) -> tuple[Linear, Linear]:
    """The merger's two linear layers (with biases): merged patches to the text width."""
    merge = v.integer("spatial_merge_size")
    merged = width * merge * merge
    return (Linear(merged, merged), Linear(merged, v.integer("out_hidden_size")))


def _patch_inputs(v: Keys) -> int:
    """Pixel values of one patch: channels x frames x patch x patch."""
    patch = v.integer("patch_size")
    return v.integer("in_channels") * v.integer("temporal_patch_size") * patch * patch


def _qwen3_tower(v: Keys) -> Vision:
    """Qwen3-VL's and Qwen3.5's tower (LayerNorms, plain MLP, position table, DeepStack)."""
    width = v.integer("hidden_size")
    v.integer("num_heads")  # read for its check; the count does not depend on it
    linears = _merger(v, width)
    merged = linears[0].n_in
    deepstack = len(v.int_list("deepstack_visual_indexes"))
    projectors = [Projector(linears, norm=width)]
    if deepstack:
        projectors.append(
            Projector(linears, norm=merged, copies=deepstack, key="deepstack_mergers")
        )
    return Vision(
        width=width,
        layers=v.integer("depth"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=_patch_inputs(v),
        patch_bias=True,
        positions=v.integer("num_position_embeddings"),
        projectors=tuple(projectors),
    )


def _qwen3_family(model_type: str) -> None:
    text_type, reader_type, text_defaults, vision_defaults = _FAMILIES[model_type]

    def read(c: Keys, name: str) -> Spec:
        absent = {"model_type": text_type, **text_defaults}
        t = typed_keys(c, "text_config", {text_type: text_defaults}, absent)
        text = text_model(t, name, {text_type: reader_type}, text_type)
        v = sub_keys(c, "vision_config", vision_defaults)
        return wrap(text, _qwen3_tower(v), tie_flag(c, t, False))

    read.__doc__ = f"``{model_type}`` as transformers builds it (text type ``{text_type}``)."
    reader(model_type)(read)


for _type in _FAMILIES:
    _qwen3_family(_type)

# Qwen2_5_VLTextConfig's and Qwen2_5_VLVisionConfig's defaults.
_QWEN25_TEXT = {
    **dict(zip(_SIZES, (8192, 29568, 80, 64), strict=True)),
    "vocab_size": 152064,
    "num_key_value_heads": 8,
}
_QWEN25_VISION = {
    "depth": 32,
    "hidden_size": 3584,
    "intermediate_size": 3420,
    "num_heads": 16,
    "in_channels": 3,
    "patch_size": 14,
    "spatial_merge_size": 2,
    "temporal_patch_size": 2,
    "out_hidden_size": 3584,
}


@reader("qwen2_5_vl")
def read_qwen2_5_vl(c: Keys, name: str) -> Spec:
    """Qwen2.5-VL as transformers' ``Qwen2_5_VLForConditionalGeneration`` builds it."""
    if c.data.get("text_config") is not None:
        t = sub_keys(c, "text_config", _QWEN25_TEXT)
    else:  # released configs keep the text keys at the top level
        t = Keys({**_QWEN25_TEXT, **c.data}, c.where)
    text = text_model(Keys({**t.data, "model_type": "qwen2"}, t.where), name, {}, "qwen2")
    v = sub_keys(c, "vision_config", _QWEN25_VISION)
    width = v.integer("hidden_size")
    v.integer("num_heads")  # read for its check; the count does not depend on it
    vision = Vision(
        width=width,
        layers=v.integer("depth"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=_patch_inputs(v),
        norm="rmsnorm",
        gated_ffn=True,
        projectors=(Projector(_merger(v, width), norm=width, norm_kind="rmsnorm"),),
    )
    return wrap(text, vision, tie_flag(c, t, False, text_too=True))
