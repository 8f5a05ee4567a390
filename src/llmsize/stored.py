"""What a released checkpoint stores besides the model's parameters, term by term.

`llmsize.count.Counts` gives the totals (``stored``, ``checkpoint``) and
`llmsize.checkpoints.fp8_checkpoint` the split by storage type; this module names the terms:

* `beyond_model` and `mtp_parts`: what DeepSeek-V3's checkpoint stores besides the model, its
  routers' correction biases and the multi-token-prediction module (``model.layers.61``, with
  its own copies of the embedding and output head);
* `bf16_parts`: what the bf16 part of such an fp8 release holds;
* `gpt2_mask_values`: the causal masks GPT-2's original checkpoint stores beside its weights.
"""

from __future__ import annotations

from llmsize.checkpoints import fp8_checkpoint
from llmsize.count import Part, counts
from llmsize.errors import LLMSizeError
from llmsize.spec import Spec

__all__ = ["beyond_model", "bf16_parts", "gpt2_mask_values", "mtp_parts"]


def _norm(spec: Spec) -> int:
    return spec.width * (2 if spec.norm == "layernorm" else 1)


def _mtp_block(spec: Spec) -> Part:
    """The layer group whose block the MTP module repeats (MoE if the layer after the stack is)."""
    tree = counts(spec).breakdown
    moe_layer = spec.moe is not None and spec.moe.is_moe_layer(spec.layers)
    return tree.find("layers.moe_layers" if moe_layer else "layers.dense_layers")


def mtp_parts(spec: Spec) -> list[tuple[str, int]]:
    """One multi-token-prediction module as the checkpoint stores it, part by part.

    Keys, in the checkpoint's order: ``input_norms`` (``enorm`` and ``hnorm``), ``eh_proj``
    (``2D -> D``), ``block`` (one transformer block), ``router_bias`` (the block router's
    correction bias, when the checkpoint stores one), ``head_norm`` (``shared_head.norm``),
    ``embedding`` and ``head`` (the module's own ``V x D`` copies).

    Args:
        spec: A spec with ``mtp_layers`` > 0 (DeepSeek-V3).

    Returns:
        ``[(key, params), ...]`` for one module; the checkpoint holds ``spec.mtp_layers`` of them.

    Raises:
        LLMSizeError: If ``spec`` has no MTP module.
    """
    if not spec.mtp_layers:
        raise LLMSizeError(f"spec.mtp_layers is 0 for {spec.name!r}: no MTP module is stored")
    d, v = spec.width, spec.vocab
    block = _mtp_block(spec)
    moe = spec.moe
    bias = moe.num_experts if moe is not None and moe.router_bias_buffer else 0
    if block.key != "moe_layers":
        bias = 0
    parts = [
        ("input_norms", 2 * _norm(spec)),
        ("eh_proj", 2 * d * d),
        ("block", block.per_layer),
        ("router_bias", bias),
        ("head_norm", _norm(spec)),
        ("embedding", v * d),
        ("head", v * d),
    ]
    return [(k, n) for k, n in parts if n]


def beyond_model(spec: Spec) -> list[tuple[str, int]]:
    """What the checkpoint stores beyond the model's parameters (``stored - total``).

    Keys: ``router_bias`` (the main model's router correction biases, DeepSeek-V3's
    ``e_score_correction_bias``: transformers keeps them as buffers, not parameters) and ``mtp``
    (every multi-token-prediction module, `mtp_parts` each).

    Args:
        spec: The architecture.

    Returns:
        ``[(key, values), ...]``, zero entries left out.
    """
    moe = spec.moe
    bias = moe.num_experts * spec.moe_layer_count if moe and moe.router_bias_buffer else 0
    mtp = spec.mtp_layers * sum(n for _, n in mtp_parts(spec)) if spec.mtp_layers else 0
    return [(k, n) for k, n in (("router_bias", bias), ("mtp", mtp)) if n]


def bf16_parts(spec: Spec) -> list[tuple[str, int]]:
    """What the bf16 part of a block-quantized fp8 release is made of.

    Keys: ``vocab`` (embedding and output head of the main model and of each MTP module),
    ``routers`` (every router's weights, MTP included), ``eh_proj`` and ``norms`` (every norm
    weight: layers, latents, final and MTP norms).

    Args:
        spec: A spec with ``quant_block`` set.

    Returns:
        ``[(key, values), ...]`` summing to ``fp8_checkpoint(spec).bf16``
        (`llmsize.checkpoints.fp8_checkpoint`).

    Raises:
        LLMSizeError: If ``spec`` is not a block-quantized release.
    """
    bf16 = fp8_checkpoint(spec).bf16
    c = counts(spec)
    tree = c.breakdown
    vocab = (1 + spec.mtp_layers) * (tree.get("embeddings.token") + tree.get("head"))
    routers = tree.get("layers.moe_layers.moe.router")
    if spec.mtp_layers and _mtp_block(spec).key == "moe_layers":
        routers += spec.mtp_layers * _mtp_block(spec).find("moe.router").per_layer
    eh_proj = spec.mtp_layers * 2 * spec.width * spec.width
    return [
        ("vocab", vocab),
        ("routers", routers),
        ("eh_proj", eh_proj),
        ("norms", bf16 - vocab - routers - eh_proj),
    ]


def gpt2_mask_values(spec: Spec) -> int:
    """Values of the causal masks that GPT-2's original checkpoint stores beside its weights.

    OpenAI's GPT-2 and older transformers versions keep, in every block, a lower-triangular
    ``max_positions x max_positions`` mask named ``attn.bias``. It is a constant, not a
    parameter: transformers does not count it (recent versions no longer create it and ignore
    it when loading), but the file on the Hub stores it, so the Hub's safetensors total for
    openai-community/gpt2 is the parameters plus these values.

    Args:
        spec: A model with learned positions (``max_positions`` > 0), such as GPT-2.

    Returns:
        ``layers * max_positions ** 2``.

    Raises:
        LLMSizeError: If ``spec`` has no learned positions.
    """
    if not spec.max_positions:
        raise LLMSizeError(f"spec.max_positions is 0 for {spec.name!r}: no GPT-2 causal mask")
    return spec.layers * spec.max_positions**2
