"""The KV cache transformers really holds after a model has read T tokens (CPU, small configs).

Needs ``torch`` and ``transformers`` (the ``oracle`` extra), imported on first call. The model is
built with random weights in float32 on the CPU, reads a prompt in one forward pass and then
generates one token per step, each step feeding the cache back; what is measured is the bytes of
every key and value tensor the returned ``DynamicCache`` keeps, layer by layer (for a
linear-attention layer, its convolution and recurrent states). Nothing here uses llmsize's
formulas.
"""

from __future__ import annotations

import warnings
from typing import Any


def transformers_cache_bytes(
    config: dict[str, Any], prompt: int, steps: int = 0, batch: int = 1
) -> list[int]:
    """Bytes of keys plus values each layer's cache holds after ``prompt + steps`` tokens.

    Args:
        config: A (small) config of a causal LM family.
        prompt: Tokens read in the first forward pass.
        steps: Tokens then fed one at a time, each with the cache of the step before.
        batch: Sequences read side by side.

    Returns:
        One byte count per layer, in layer order.
    """
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    torch.manual_seed(0)
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = transformers.AutoModelForCausalLM.from_config(
            cfg, attn_implementation="eager", dtype=torch.float32
        )
    model.eval()
    vocab = int(config["vocab_size"])
    tokens = torch.randint(0, vocab, (batch, prompt))
    with torch.no_grad():
        out = model(input_ids=tokens, use_cache=True)
        for _ in range(steps):
            step = torch.randint(0, vocab, (batch, 1))
            out = model(input_ids=step, past_key_values=out.past_key_values, use_cache=True)
    return [_layer_bytes(layer) for layer in out.past_key_values.layers]


def _layer_bytes(layer: Any) -> int:
    """Bytes of every tensor one cache layer holds.

    Keys and values, or (a linear-attention layer) its convolution and recurrent states.
    """
    import torch

    tensors = [getattr(layer, name, None) for name in ("keys", "values")]
    for name in ("conv_states", "recurrent_states"):
        tensors.extend(getattr(layer, name, {}).values())
    return sum(int(t.numel() * t.element_size()) for t in tensors if isinstance(t, torch.Tensor))
