"""Falcon-H1 (``falcon_h1``): attention and a Mamba-2 mixer side by side in every layer.

Each layer feeds the same normed input to grouped-query attention and to a Mamba-2 mixer and
adds both outputs (Mixer kind ``"parallel"``), then a gated MLP. The many multipliers
(``*_multiplier``, ``mlp_multipliers``, ``ssm_multipliers``) scale activations and change no
weight. The Mamba inner width is ``mamba_d_ssm`` (1024 when absent), or ``mamba_expand x
hidden_size`` when it is null; its gated RMSNorm exists only with ``mamba_rms_norm``.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.families._ssm import MAMBA2_KEYS, mamba2
from llmsize.layers import Mamba, Mixer
from llmsize.spec import Spec


def _mamba(c: Keys) -> Mamba:
    """The Mamba-2 half of each layer; an explicit ``mamba_d_head`` must fit the inner width."""
    d_ssm = c.opt_int("mamba_d_ssm", 1024)
    inner, inner_name = d_ssm or 0, "'mamba_d_ssm'"
    if d_ssm is None:
        inner = c.integer("mamba_expand", 2) * c.integer("hidden_size")
        inner_name = "'mamba_expand' x 'hidden_size'"
    sizes = mamba2(
        c,
        (inner, inner_name),
        MAMBA2_KEYS,
        bias=(c.flag("mamba_proj_bias", False), c.flag("projectors_bias", False)),
        gated_norm=c.flag("mamba_rms_norm", False),
    )
    head = c.data.get("mamba_d_head", "auto")
    if head != "auto" and c.integer("mamba_d_head") * sizes.heads != inner:
        raise LLMSizeError(
            f"{c.where}: key 'mamba_d_head' ({head}) x 'mamba_n_heads' ({sizes.heads}) must"
            f" equal {inner_name} ({inner})"
        )
    return sizes


@reader("falcon_h1")
def read(c: Keys, name: str) -> Spec:
    """Falcon-H1 as transformers' ``FalconH1ForCausalLM`` builds it."""
    mixer = Mixer("parallel", mamba=_mamba(c))
    defaults = {"max_position_embeddings": 8192, "num_key_value_heads": 8, "mlp_bias": False}
    return llama_like(
        c, name, defaults=defaults, mixers=(mixer,) * c.integer("num_hidden_layers", 32)
    )
