"""What a released checkpoint holds besides the model's parameters, term by term.

`llmsize.count.Counts` gives the totals (``stored``, ``checkpoint``); this module splits them
the way the release files and the Hugging Face Hub do:

* `mtp_parts`: DeepSeek-V3's multi-token-prediction module, which the checkpoint stores after
  the main stack (``model.layers.61``) with its own copies of the embedding and output head;
* `by_dtype`: a block-quantized fp8 release by storage type, as the Hub's safetensors metadata
  reports it (``F8_E4M3`` matrices, ``BF16`` rest, ``F32`` tile scales and router biases);
* `gpt2_mask_values`: the causal masks GPT-2's original checkpoint stores beside its weights.
"""

from __future__ import annotations

from llmsize.count import Part, block_scales, counts, linear_shapes
from llmsize.errors import LLMSizeError
from llmsize.spec import Spec

__all__ = ["bf16_parts", "by_dtype", "gpt2_mask_values", "mtp_parts", "router_biases"]


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


def router_biases(spec: Spec, *, mtp: bool = True) -> int:
    """Router correction biases the checkpoint stores (DeepSeek-V3's ``e_score_correction_bias``).

    transformers keeps them as buffers, not parameters, so the total leaves them out.

    Args:
        spec: The architecture.
        mtp: Also count the MTP modules' routers.

    Returns:
        One value per routed expert in each MoE layer whose router keeps such a bias.
    """
    moe = spec.moe
    if moe is None or not moe.router_bias_buffer:
        return 0
    layers = spec.moe_layer_count
    if mtp and spec.mtp_layers and moe.is_moe_layer(spec.layers):
        layers += spec.mtp_layers
    return moe.num_experts * layers


def by_dtype(spec: Spec) -> dict[str, int]:
    """A block-quantized fp8 release's values by storage type, as the Hub's metadata splits them.

    ``F8_E4M3``: every attention and MLP weight matrix of the stack and the MTP modules (the
    matrices `llmsize.count.linear_shapes` lists). ``F32``: one ``weight_scale_inv`` per
    ``quant_block x quant_block`` tile of those matrices, plus the router correction biases.
    ``BF16``: everything else that is stored (`bf16_parts` splits it).

    Args:
        spec: A spec with ``quant_block`` set (DeepSeek-V3).

    Returns:
        ``{"F8_E4M3": n, "BF16": n, "F32": n}``, summing to ``counts(spec).checkpoint``.

    Raises:
        LLMSizeError: If ``spec`` is not a block-quantized release.
    """
    if not spec.quant_block:
        raise LLMSizeError(
            f"spec.quant_block is 0 for {spec.name!r}: not a block-quantized release"
        )
    fp8 = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec, mtp=True))
    biases = router_biases(spec)
    bf16 = counts(spec).stored - fp8 - biases
    return {"F8_E4M3": fp8, "BF16": bf16, "F32": block_scales(spec, spec.quant_block) + biases}


def bf16_parts(spec: Spec) -> list[tuple[str, int]]:
    """What the ``BF16`` part of `by_dtype` is made of.

    Keys: ``vocab`` (embedding and output head of the main model and of each MTP module),
    ``routers`` (every router's weights, MTP included), ``eh_proj`` and ``norms`` (every norm
    weight: layers, latents, final and MTP norms).

    Args:
        spec: A spec with ``quant_block`` set.

    Returns:
        ``[(key, values), ...]`` summing to ``by_dtype(spec)["BF16"]``.
    """
    bf16 = by_dtype(spec)["BF16"]
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
