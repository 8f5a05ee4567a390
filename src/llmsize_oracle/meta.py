"""transformers' own model, built from a config on the meta device, and its parameter count.

Needs ``torch`` and ``transformers`` (the ``oracle`` extra); both are imported on first call.
"""

from __future__ import annotations

import warnings
from typing import Any

# Token ids do not change the count; clear them so tiny vocabularies stay valid.
_IDS = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
# Remote-code types whose config.json names a transformers architecture: built as that type.
_BUILT_AS = {"kimi_k2": "deepseek_v3"}  # Kimi K2: "architectures": ["DeepseekV3ForCausalLM"]


def _build(config: dict[str, Any]) -> Any:
    """Build transformers' model for ``config`` on the meta device.

    BERT is built as ``AutoModel`` (encoder + pooler, no head); a vision-language model (a type
    ``AutoModelForImageTextToText`` maps) as that class, tower and projector included; every
    other family as ``AutoModelForCausalLM``.
    """
    import torch
    import transformers
    from transformers.models.auto import modeling_auto

    transformers.logging.set_verbosity_error()
    # A sub-config's padding id indexes its embedding: clear it too (its bos/eos may be required).
    subs = {
        k: {**v, "pad_token_id": None}
        for k, v in config.items()
        if k.endswith("_config") and isinstance(v, dict)
    }
    model_type = _BUILT_AS.get(config["model_type"], config["model_type"])
    cfg = transformers.AutoConfig.for_model(**{**_IDS, **config, **subs, "model_type": model_type})
    if model_type == "bert":
        auto: Any = transformers.AutoModel
    elif model_type in modeling_auto.MODEL_FOR_IMAGE_TEXT_TO_TEXT_MAPPING_NAMES:
        auto = transformers.AutoModelForImageTextToText
    else:
        auto = transformers.AutoModelForCausalLM
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        return auto.from_config(cfg)


def transformers_count(config: dict[str, Any]) -> int:
    """``sum(p.numel() for p in model.parameters())`` of transformers' model on the meta device."""
    return int(sum(p.numel() for p in _build(config).parameters()))


# Gemma 4's audio encoder and its embedder, counted apart from the vision part.
_AUDIO_MODULES = frozenset({"audio_tower", "embed_audio"})


def transformers_vision(config: dict[str, Any]) -> int:
    """Parameters of a vision-language model outside its language model: tower and projector.

    Every parameter whose name is not under the ``language_model`` module, the ``lm_head`` or
    an audio module (``audio_tower``, ``embed_audio``).
    """
    return sum(
        int(p.numel())
        for name, p in _build(config).named_parameters()
        if not {"language_model", *_AUDIO_MODULES} & set(name.split("."))
        and not name.startswith("lm_head.")
    )


def transformers_audio(config: dict[str, Any]) -> int:
    """Parameters under the audio modules (``audio_tower``, ``embed_audio``): 0 without them."""
    return sum(
        int(p.numel())
        for name, p in _build(config).named_parameters()
        if _AUDIO_MODULES & set(name.split("."))
    )


def transformers_active(config: dict[str, Any]) -> int:
    """Parameters one token touches, walked from transformers' model built on the meta device.

    A routed expert's weights sit in the fused tensors of a module named ``experts`` (one row
    per expert along the first axis); a token uses ``num_experts_per_tok`` of those rows (the
    text config's, for a vision-language model; Gemma 4's ``top_k_experts``). Every other
    parameter (attention, router, shared experts, norms, embeddings, head, a vision tower)
    counts whole.
    """
    model = _build(config)
    text = model.config.get_text_config()
    top_k = int(getattr(text, "num_experts_per_tok", None) or text.top_k_experts)
    active = 0
    for name, param in model.named_parameters():
        if ".experts." in name and "shared" not in name:
            experts = int(param.shape[0])
            active += int(param.numel()) // experts * top_k
        else:
            active += int(param.numel())
    return active
