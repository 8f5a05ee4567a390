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
