"""Mamba-2 (``mamba2``): a stack of Mamba-2 mixers, one norm each, no attention and no MLP.

The inner width is ``expand * hidden_size`` and must equal ``num_heads * head_dim``, as
transformers' config checks. The spec's attention fields are unused (no layer attends).
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._registry import reader
from llmsize.families._ssm import mamba2
from llmsize.layers import Mixer
from llmsize.spec import Spec

_KEYS = {
    "heads": ("num_heads", 128),
    "groups": ("n_groups", 8),
    "state": ("state_size", 128),
    "kernel": ("conv_kernel", 4),
}


@reader("mamba2")
def read(c: Keys, name: str) -> Spec:
    """Mamba2 as transformers' ``Mamba2ForCausalLM`` builds it."""
    width = c.integer("hidden_size", 4096)
    inner = c.integer("expand", 2) * width
    heads, head_dim = c.integer("num_heads", 128), c.integer("head_dim", 64)
    if heads * head_dim != inner:
        raise LLMSizeError(
            f"{c.where}: key 'num_heads' ({heads}) x 'head_dim' ({head_dim}) must equal"
            f" 'expand' x 'hidden_size' ({inner})"
        )
    bias = c.flag("use_bias", False)
    sizes = mamba2(
        c,
        (inner, "'expand' x 'hidden_size'"),
        _KEYS,
        bias=(bias, bias),
        conv_bias_key="use_conv_bias",
    )
    layers = c.integer("num_hidden_layers", 64)
    mixer = Mixer("mamba", mamba=sizes)
    return Spec(
        name=name,
        layers=layers,
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=head_dim,
        ffn=inner,
        vocab=c.integer("vocab_size", 32768),
        tied_embeddings=c.flag("tie_word_embeddings", False),
        mixers=(mixer,) * layers,
        mlp_kinds=("none",) * layers,
    )
