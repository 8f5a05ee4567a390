"""Jamba (``jamba``): Mamba-1 layers, attention and MoE every few layers.

Layer ``i`` attends when ``i % attn_layer_period == attn_layer_offset`` and is a Mamba-1 mixer
otherwise (with RMSNorms on its time step, ``B`` and ``C``); its MLP is an MoE block (gated
experts, no shared expert) when ``i % expert_layer_period == expert_layer_offset`` and
``num_experts`` is above 1, else a dense gated MLP. Attention and MLPs have no biases.
"""

from __future__ import annotations

from math import ceil

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.families._common import llama_like
from llmsize.families._registry import reader
from llmsize.layers import Mamba, Mixer
from llmsize.spec import MoE, Spec


def _period(c: Keys, kind: str, period: int, offset: int) -> tuple[int, int]:
    """``<kind>_layer_period`` and ``<kind>_layer_offset``; the offset must be below the period."""
    p = c.integer(f"{kind}_layer_period", period)
    o = c.integer(f"{kind}_layer_offset", offset, minimum=0)
    if o >= p:
        raise LLMSizeError(
            f"{c.where}: key '{kind}_layer_offset' ({o}) must be below '{kind}_layer_period' ({p})"
        )
    return p, o


def _mamba(c: Keys) -> Mamba:
    """The Mamba-1 mixer; ``mamba_dt_rank`` "auto" is ``ceil(hidden_size / 16)``."""
    width = c.integer("hidden_size")
    rank = c.data.get("mamba_dt_rank", "auto")
    bias = c.flag("mamba_proj_bias", False)
    return Mamba(
        1,
        inner=c.integer("mamba_expand", 2) * width,
        state=c.integer("mamba_d_state", 16),
        conv_kernel=c.integer("mamba_d_conv", 4),
        dt_rank=ceil(width / 16) if rank == "auto" else c.integer("mamba_dt_rank"),
        conv_bias=c.flag("mamba_conv_bias", True),
        in_bias=bias,
        out_bias=bias,
        ssm_norms=True,
    )


@reader("jamba")
def read(c: Keys, name: str) -> Spec:
    """Jamba as transformers' ``JambaForCausalLM`` builds it."""
    layers = c.integer("num_hidden_layers", 32)
    every, offset = _period(c, "attn", 8, 4)
    mamba = Mixer("mamba", mamba=_mamba(c))
    mixers = tuple(Mixer() if i % every == offset else mamba for i in range(layers))
    experts = c.integer("num_experts", 16)
    moe = None
    if experts > 1:
        freq, phase = _period(c, "expert", 2, 1)
        moe = MoE(
            num_experts=experts,
            experts_per_token=c.top_k("num_experts_per_tok", 2, experts, "num_experts"),
            expert_ffn=c.integer("intermediate_size"),
            layer_freq=freq,
            layer_phase=-phase % freq,
        )
    defaults = {"max_position_embeddings": 262144, "num_key_value_heads": 8}
    return llama_like(
        c, name, defaults=defaults, qkv_bias=False, o_bias=False, moe=moe, mixers=mixers
    )
