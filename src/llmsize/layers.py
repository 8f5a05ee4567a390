"""What each layer of a model is: its token mixer and its MLP kind.

A `Spec` no longer has to be "L identical layers". Each layer ``i`` is a `Layer`: a `Mixer`
(how the layer mixes tokens, and so what it keeps in the cache) and whether its MLP is dense or
a mixture of experts (the spec's MoE placement rule decides that).

Two groupings follow from it, and the library keeps them apart:

* parameters group layers by their weights, a `Block`: the mixer's *family* (every attention
  kind has the same projections, whatever its window) and the MLP kind;
* the cache groups layers by what they keep: the mixer itself (a full-attention layer keeps
  every token, a sliding-window layer at most its window).

Mixer kinds today: ``"full"``, ``"sliding"`` (with its window), ``"chunked"`` (Llama 4's
local attention, with its chunk) and ``"linear"`` (Gated DeltaNet linear attention, with its
`DeltaNet` sizes: Qwen3-Next). A linear mixer has weights of its own (its own `Block` family)
and keeps a fixed state per sequence instead of tokens. State-space and short-convolution
mixers fit the same way: a kind, its sizes, its weights and its state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from llmsize.errors import LLMSizeError, check_int

__all__ = ["MIXER_KINDS", "Block", "DeltaNet", "Layer", "Mixer", "MixerKind"]

MixerKind = Literal["full", "sliding", "chunked", "linear"]
MIXER_KINDS: tuple[MixerKind, ...] = ("full", "sliding", "chunked", "linear")
"""The mixer kinds a `Mixer` accepts."""

# Which weights each mixer kind carries: all attention kinds share the same projections.
_FAMILY: dict[str, str] = {
    "full": "attention",
    "sliding": "attention",
    "chunked": "attention",
    "linear": "linear_attention",
}


@dataclass(frozen=True)
class DeltaNet:
    """Sizes of a Gated DeltaNet linear-attention mixer (Qwen3-Next).

    Attributes:
        key_heads: Query/key heads (``linear_num_key_heads``).
        value_heads: Value heads (``linear_num_value_heads``).
        key_head_dim: Size of one query/key head (``linear_key_head_dim``).
        value_head_dim: Size of one value head (``linear_value_head_dim``).
        conv_kernel: Width of the short causal convolution over q/k/v
            (``linear_conv_kernel_dim``).
    """

    key_heads: int
    value_heads: int
    key_head_dim: int
    value_head_dim: int
    conv_kernel: int

    def __post_init__(self) -> None:
        for name in ("key_heads", "value_heads", "key_head_dim", "value_head_dim", "conv_kernel"):
            check_int(f"deltanet.{name}", getattr(self, name))

    @property
    def key_dim(self) -> int:
        """Width of all query (or key) heads together."""
        return self.key_heads * self.key_head_dim

    @property
    def value_dim(self) -> int:
        """Width of all value heads together."""
        return self.value_heads * self.value_head_dim

    @property
    def conv_dim(self) -> int:
        """Channels the convolution runs over: queries, keys and values."""
        return 2 * self.key_dim + self.value_dim

    @property
    def state_elements(self) -> int:
        """Values one sequence's state holds, whatever the context.

        The convolution's last ``conv_kernel`` inputs and the recurrent
        ``key_head_dim x value_head_dim`` matrix of each value head.
        """
        conv = self.conv_dim * self.conv_kernel
        return conv + self.value_heads * self.key_head_dim * self.value_head_dim


@dataclass(frozen=True)
class Mixer:
    """The token mixer of one layer.

    Attributes:
        kind: ``"full"`` (causal attention over every earlier token), ``"sliding"`` (each
            token attends to itself and the ``window - 1`` tokens before it) or ``"chunked"``
            (each token attends to the earlier tokens of its own chunk of ``window`` tokens).
        window: The sliding window ``W`` in tokens, as the config's ``sliding_window`` gives
            it, or the chunk (``attention_chunk_size``); 0 for full attention.
    """

    kind: MixerKind = "full"
    window: int = 0
    deltanet: DeltaNet | None = None

    def __post_init__(self) -> None:
        if self.kind not in MIXER_KINDS:
            kinds = ", ".join(MIXER_KINDS)
            raise LLMSizeError(f"mixer.kind must be one of {kinds}, got {self.kind!r}")
        if (self.kind == "linear") != isinstance(self.deltanet, DeltaNet):
            raise LLMSizeError(
                f"mixer.deltanet must be a DeltaNet exactly when mixer.kind is 'linear',"
                f" got {self.deltanet!r} for {self.kind!r}"
            )
        if self.kind in ("full", "linear"):
            check_int("mixer.window", self.window, minimum=0)
            if self.window:
                raise LLMSizeError(f"mixer.window must be 0 for {self.kind!r}, got {self.window}")
        else:
            check_int("mixer.window", self.window)

    @property
    def family(self) -> str:
        """What weights the mixer has: ``"attention"`` for every attention kind."""
        return _FAMILY[self.kind]

    def cached_tokens(self, context: int) -> int:
        """Tokens of one sequence this layer keeps after ``context`` tokens.

        A full-attention layer keeps all of them. A sliding layer keeps the ``window - 1``
        latest: the next token attends to itself and those, so nothing older is needed (this is
        what transformers' ``DynamicSlidingWindowLayer`` holds; a paged server such as vLLM
        allocates whole blocks and may hold a few more). A chunked layer is held the same way
        by transformers (``window - 1`` tokens at most); the next token needs only the
        ``context % window`` tokens of its own chunk, which a chunk-aware server may keep instead.
        """
        if self.kind == "linear":
            return 0
        if self.kind != "full":
            return min(context, self.window - 1)
        return context

    @property
    def state_elements(self) -> int:
        """Values of fixed state one sequence keeps in this layer, whatever the context.

        0 for attention; a linear mixer's convolution and recurrent state.
        """
        return self.deltanet.state_elements if self.deltanet is not None else 0


FULL = Mixer()


class Block(NamedTuple):
    """The weights of one layer: its mixer family and whether its MLP is an MoE block."""

    mixer: str
    moe: bool

    @property
    def key(self) -> str:
        """Breakdown key of this kind of layer (``"dense_layers"``, ``"moe_layers"``)."""
        kind = "moe_layers" if self.moe else "dense_layers"
        return kind if self.mixer == "attention" else f"{self.mixer}_{kind}"


class Layer(NamedTuple):
    """One layer: its token mixer and whether its MLP is an MoE block."""

    mixer: Mixer
    moe: bool

    @property
    def block(self) -> Block:
        """The weights this layer has (what its parameter count depends on)."""
        return Block(self.mixer.family, self.moe)
