"""The KV cache transformers really holds after a model has read T tokens (CPU, small configs).

Needs ``torch`` and ``transformers`` (the ``oracle`` extra), imported on first call. The model is
built with random weights in float32 on the CPU, reads a prompt in one forward pass and then
generates one token per step, each step feeding the cache back; what is measured is the bytes of
every key and value tensor the returned ``DynamicCache`` keeps, layer by layer (for a
linear-attention, Mamba or short-convolution layer, its convolution and recurrent states; both
for Falcon-H1's parallel layers). Nothing here uses llmsize's formulas.
"""

from __future__ import annotations

import json
import warnings
from functools import lru_cache
from typing import Any


def transformers_cache_bytes(
    config: dict[str, Any], prompt: int, steps: int = 0, batch: int = 1, dtype: str = "float32"
) -> list[int]:
    """Bytes of keys plus values each layer's cache holds after ``prompt + steps`` tokens.

    Args:
        config: A (small) config of a causal LM family.
        prompt: Tokens read in the first forward pass.
        steps: Tokens then fed one at a time, each with the cache of the step before.
        batch: Sequences read side by side.
        dtype: The torch dtype the model is built in (``"float32"``, ``"bfloat16"``).

    Returns:
        One byte count per layer, in layer order.
    """
    import torch

    model = _model(json.dumps(config, sort_keys=True), dtype)
    torch.manual_seed(0)
    vocab = int(config["vocab_size"])
    tokens = torch.randint(0, vocab, (batch, prompt))
    # Mamba2 names its cache ``cache_params`` (argument and output); the others
    # ``past_key_values``.
    name = "cache_params" if config["model_type"] == "mamba2" else "past_key_values"
    with torch.no_grad():
        out = model(input_ids=tokens, use_cache=True)
        for _ in range(steps):
            step = torch.randint(0, vocab, (batch, 1))
            out = model(input_ids=step, use_cache=True, **{name: getattr(out, name)})
    return [_layer_bytes(layer) for layer in getattr(out, name).layers]


def meta_cache_bytes(config: dict[str, Any], context: int, dtype: str = "bfloat16") -> list[int]:
    """Bytes each layer's cache holds after one prefill of ``context`` tokens, at full size.

    The model is built on the meta device (no weight is allocated) and reads one sequence of
    ``context`` tokens there: the cache's tensors have their real shapes and dtypes, no data.

    Args:
        config: A real-size config of a causal LM family.
        context: Tokens read in the one forward pass.
        dtype: The torch dtype the model is built in.

    Returns:
        One byte count per layer, in layer order.
    """
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        model = transformers.AutoModelForCausalLM.from_config(cfg, dtype=getattr(torch, dtype))
        tokens = torch.zeros((1, context), dtype=torch.long)
    name = "cache_params" if config["model_type"] == "mamba2" else "past_key_values"
    with torch.no_grad():
        out = model.eval()(input_ids=tokens, use_cache=True, logits_to_keep=1)
    return [_layer_bytes(layer) for layer in getattr(out, name).layers]


@lru_cache(maxsize=2)
def _model(config: str, dtype: str) -> Any:
    """The causal LM transformers builds for a config (JSON text): random weights, eager.

    Built once per config (the lengths measured for one config share it): the forward passes do
    not change a model in eval mode.
    """
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    torch.manual_seed(0)
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **json.loads(config)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = transformers.AutoModelForCausalLM.from_config(
            cfg, attn_implementation="eager", dtype=getattr(torch, dtype)
        )
    return model.eval()


def _layer_bytes(layer: Any) -> int:
    """Bytes of every tensor one cache layer holds.

    Keys and values, and (a linear-attention, Mamba or short-convolution layer) its convolution
    and recurrent states; a layer with no token mixer holds nothing.
    """
    import torch

    tensors = [getattr(layer, name, None) for name in ("keys", "values")]
    for name in ("conv_states", "recurrent_states"):
        tensors.extend(getattr(layer, name, {}).values())
    return sum(int(t.numel() * t.element_size()) for t in tensors if isinstance(t, torch.Tensor))
