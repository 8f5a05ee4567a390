"""DeepSeek Sparse Attention's lightning indexer (DeepSeek-V3.2, GLM-5): its sizes and weights.

DSA keeps MLA (`llmsize.spec.MLA`) and adds, beside the attention of a layer, a small indexer
that scores every earlier token so that attention reads only the top ``index_topk`` of them.
Its weights, as transformers builds them (``DeepseekV32Indexer``, ``GlmMoeDsaIndexer``):

* ``q``: ``wq_b``, from the query latent (``q_lora_rank``) to ``heads`` indexer heads of
  ``head_dim``;
* ``k``: ``wk``, one shared indexer key of ``head_dim`` from the hidden state;
* ``k_norm``: a LayerNorm on that key (weight and bias);
* ``head_weights``: ``weights_proj``, one weight per indexer head from the hidden state.

GLM-5's IndexCache lets a layer reuse the previous indexer's selection instead of running its
own (``indexer_types`` ``"shared"``): such a layer has no indexer weights. The breakdown shows
the indexers as their own group of the layer stack, next to the blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from llmsize.errors import LLMSizeError, check_int

if TYPE_CHECKING:
    from llmsize.spec import Spec

__all__ = ["Indexer", "check_indexer", "indexer_key_widths", "indexer_linears", "indexer_stack"]


@dataclass(frozen=True)
class Indexer:
    """The lightning indexer of DeepSeek Sparse Attention.

    Attributes:
        heads: Indexer heads (``index_n_heads``).
        head_dim: Size of one indexer head and of the shared indexer key (``index_head_dim``).
        shared_layers: Layers (from 0) that reuse the previous indexer's top-k selection and
            have no indexer of their own (GLM-5's ``indexer_types`` ``"shared"``).
    """

    heads: int
    head_dim: int
    shared_layers: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        check_int("indexer.heads", self.heads)
        check_int("indexer.head_dim", self.head_dim)
        if not isinstance(self.shared_layers, frozenset):
            object.__setattr__(self, "shared_layers", frozenset(self.shared_layers))
        for index in self.shared_layers:
            check_int("indexer.shared_layers[]", index, minimum=0)

    def count_layers(self, layers: int) -> int:
        """How many of layers ``0 .. layers - 1`` run an indexer of their own."""
        return layers - sum(1 for index in self.shared_layers if index < layers)


def check_indexer(spec: Spec) -> None:
    """``spec.indexer`` is ``None``, or an `Indexer` beside MLA with a query latent.

    Raises:
        LLMSizeError: If ``spec.indexer`` is not an `Indexer`, or ``spec`` has no query latent
            (the indexer's query is projected from it).
    """
    if spec.indexer is None:
        return
    if not isinstance(spec.indexer, Indexer):
        raise LLMSizeError(f"spec.indexer must be an Indexer or None, got {spec.indexer!r}")
    if spec.mla is None or spec.mla.q_lora_rank is None:
        raise LLMSizeError("spec.indexer needs spec.mla with a q_lora_rank, got none")


def indexer_stack(spec: Spec) -> tuple[int, list[tuple[str, int]]]:
    """Layers that run an indexer, and one indexer's ``(key, parameters)`` pairs.

    ``(0, [])`` for a model without DSA.
    """
    indexer, mla = spec.indexer, spec.mla
    if indexer is None or mla is None or mla.q_lora_rank is None:
        return 0, []
    d, n, h = spec.width, indexer.heads, indexer.head_dim
    pairs = [
        ("q", mla.q_lora_rank * n * h),
        ("k", d * h),
        ("k_norm", 2 * h),  # LayerNorm: weight and bias
        ("head_weights", d * n),
    ]
    return indexer.count_layers(spec.layers), pairs


def indexer_key_widths(spec: Spec) -> tuple[int, ...]:
    """Per layer, the indexer key one token adds to the cache beside the MLA latent.

    ``head_dim`` for a layer that runs its own indexer (transformers' ``DynamicIndexedLayer``
    keeps its keys, one per token, like the latent), 0 for a layer that shares another's top-k.
    Empty for a model without DSA.
    """
    indexer = spec.indexer
    if indexer is None:
        return ()
    shared = indexer.shared_layers
    return tuple(0 if i in shared else indexer.head_dim for i in range(spec.layers))


def indexer_linears(spec: Spec) -> list[tuple[str, int, int, int]]:
    """The indexer's matrices an fp8 block release quantizes: ``(key, out, in, count)``.

    DeepSeek-V3.2's checkpoint stores ``wq_b`` and ``wk`` as fp8 with one scale per tile, like
    the attention and MLP matrices (``weights_proj`` stays bf16, the key norm fp32): for each
    layer that runs an indexer; empty without one.
    """
    n_ix, _ = indexer_stack(spec)
    indexer, mla = spec.indexer, spec.mla
    if not n_ix or indexer is None or mla is None or mla.q_lora_rank is None:
        return []
    h = indexer.head_dim
    return [
        ("indexer.wq_b", indexer.heads * h, mla.q_lora_rank, n_ix),
        ("indexer.wk", h, spec.width, n_ix),
    ]
