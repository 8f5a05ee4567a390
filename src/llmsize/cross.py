"""Cross-attention layers: text tokens attending to an image's vectors (Llama 3.2 Vision).

Mllama's language model interleaves self-attention layers with cross-attention layers
(``cross_attention_layers``). A cross-attention layer's queries come from the text and its keys
and values from the vision tower's output, projected from the text width as transformers builds
them: the same four projections as grouped-query attention, an RMSNorm over the head size on
queries and on keys, and two learned scalar gates (``tanh``-gated residuals, one after the
attention and one after the MLP). It keeps no text token in the cache: what it holds are the
image's keys and values, whose size depends on the images, not on the context.
"""

from __future__ import annotations

from dataclasses import dataclass

from llmsize.errors import LLMSizeError, check_int

__all__ = ["CrossAttention"]

Pairs = list[tuple[str, int]]


@dataclass(frozen=True)
class CrossAttention:
    """Sizes of a cross-attention layer (the `llmsize.layers.Mixer` kind ``"cross"``).

    Attributes:
        heads: Query heads.
        kv_heads: Key/value heads.
        head_dim: Size of one head.
    """

    heads: int
    kv_heads: int
    head_dim: int

    def __post_init__(self) -> None:
        for name in ("heads", "kv_heads", "head_dim"):
            check_int(f"cross_attention.{name}", getattr(self, name))
        if self.heads % self.kv_heads:
            raise LLMSizeError(
                f"cross_attention.kv_heads must divide cross_attention.heads ({self.heads}),"
                f" got {self.kv_heads}"
            )

    @property
    def state_elements(self) -> int:
        """Values kept per sequence whatever the context: 0.

        The image's keys and values, which depend on the images, are not counted.
        """
        return 0

    def linears(self, width: int) -> list[tuple[str, int, int]]:
        """The weight matrices ``(key, out, in)``: query, key, value and output projections."""
        q, kv = self.heads * self.head_dim, self.kv_heads * self.head_dim
        return [("q", q, width), ("k", kv, width), ("v", kv, width), ("o", width, q)]

    def parts(self, width: int) -> Pairs:
        """Parameters as ``(key, count)``: projections (no biases), q/k norms, the two gates."""
        parts = [(key, rows * cols) for key, rows, cols in self.linears(width)]
        return [*parts, ("qk_norm", 2 * self.head_dim), ("gates", 2)]
