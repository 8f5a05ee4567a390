"""transformers' own model, built from a config on the meta device, and its parameter count.

Needs ``torch`` and ``transformers`` (the ``oracle`` extra); both are imported on first call.
"""

from __future__ import annotations

import warnings
from typing import Any


def transformers_count(config: dict[str, Any]) -> int:
    """``sum(p.numel() for p in model.parameters())`` of transformers' model on the meta device.

    BERT is built as ``AutoModel`` (encoder + pooler, no head); every other family as
    ``AutoModelForCausalLM``.
    """
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    # Token ids do not change the count; clear them so tiny vocabularies stay valid.
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    bert = config["model_type"] == "bert"
    auto = transformers.AutoModel if bert else transformers.AutoModelForCausalLM
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        model = auto.from_config(cfg)
    return int(sum(p.numel() for p in model.parameters()))


def _build(config: dict[str, Any]) -> Any:
    """Build transformers' causal LM for ``config`` on the meta device."""
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        return transformers.AutoModelForCausalLM.from_config(cfg)


def transformers_active(config: dict[str, Any]) -> int:
    """Parameters one token touches, walked from transformers' model built on the meta device.

    A routed expert's weights sit in the fused tensors of a module named ``experts`` (one row
    per expert along the first axis); a token uses ``num_experts_per_tok`` of those rows. Every
    other parameter (attention, router, shared experts, norms, embeddings, head) counts whole.
    """
    model = _build(config)
    top_k = int(model.config.num_experts_per_tok)
    active = 0
    for name, param in model.named_parameters():
        if ".experts." in name and "shared" not in name:
            experts = int(param.shape[0])
            active += int(param.numel()) // experts * top_k
        else:
            active += int(param.numel())
    return active
