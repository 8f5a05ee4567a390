"""Kimi K2.5 (``kimi_k25``): a MoonViT-style tower, a patch-merging projector, DeepSeek-V3 text.

transformers reads the tower from ``vision_config``'s ``hidden_size``, ``num_hidden_layers``,
``intermediate_size``, ``num_attention_heads``, ``patch_size``, ``pos_emb_height``/``_width``
and ``merge_kernel_size`` (the released config's ``vt_*`` and ``mm_*`` keys are not read; their
values equal those defaults). The tower: a 3-channel patch convolution with bias, a learned
``pos_emb_height`` x ``pos_emb_width`` position grid, LayerNorm layers with biases everywhere
and a final LayerNorm. The projector: a LayerNorm of ``projection_hidden_size``, then two linear
layers with biases over each merged ``merge_kernel_size`` block. The text model is DeepSeek-V3's
shape (``text_config`` ``model_type`` ``kimi_k2`` or ``deepseek_v3``).
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._registry import reader
from llmsize.families._vlm import sub_keys, text_model, tie_flag, typed_keys, wrap
from llmsize.spec import Spec
from llmsize.vision import Linear, Projector, Vision

# DeepseekV3Config's and Kimi_K25VisionConfig's defaults.
_TEXT = {
    "model_type": "deepseek_v3",
    "hidden_size": 7168,
    "intermediate_size": 18432,
    "num_hidden_layers": 61,
    "num_attention_heads": 128,
    "vocab_size": 129280,
}
_VISION = {
    "hidden_size": 1152,
    "intermediate_size": 4304,
    "num_hidden_layers": 27,
    "num_attention_heads": 16,
    "patch_size": 14,
    "pos_emb_height": 64,
    "pos_emb_width": 64,
    "merge_kernel_size": [2, 2],
}


def _merge(v: Keys) -> int:
    """Patches merged into one: the product of ``merge_kernel_size``."""
    kernel = v.data["merge_kernel_size"]
    if not isinstance(kernel, list) or len(kernel) != 2:
        raise LLMSizeError(
            f"{v.where}: key 'merge_kernel_size' must be two integers, got {kernel!r}"
        )
    sizes = Keys({"a": kernel[0], "b": kernel[1]}, f"{v.where}: merge_kernel_size")
    return sizes.integer("a") * sizes.integer("b")


@reader("kimi_k25")
def read(c: Keys, name: str) -> Spec:
    """Kimi K2.5 as transformers' ``Kimi_K25ForConditionalGeneration`` builds it."""
    types = {"deepseek_v3": _TEXT, "kimi_k2": _TEXT}
    t = typed_keys(c, "text_config", types, _TEXT)
    text = text_model(t, name, {"kimi_k2": "deepseek_v3"}, "deepseek_v3")
    v = sub_keys(c, "vision_config", _VISION)
    width, patch = v.integer("hidden_size"), v.integer("patch_size")
    v.integer("num_attention_heads")  # read for its check; the count does not depend on it
    merged = width * _merge(v)
    norm = c.integer("projection_hidden_size", 1152)
    projector = Projector((Linear(merged, merged), Linear(merged, text.width)), norm=norm)
    vision = Vision(
        width=width,
        layers=v.integer("num_hidden_layers"),
        ffn=v.integer("intermediate_size"),
        patch_inputs=3 * patch * patch,
        patch_bias=True,
        positions=v.integer("pos_emb_height") * v.integer("pos_emb_width"),
        post_norm=True,
        projectors=(projector,),
    )
    return wrap(text, vision, tie_flag(c, t, True))
