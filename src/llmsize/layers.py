"""What each layer of a model is: its token mixer and its MLP kind.

A `Spec` no longer has to be "L identical layers". Each layer ``i`` is a `Layer`: a `Mixer`
(how the layer mixes tokens, and so what it keeps in the cache) and whether its MLP is dense or
a mixture of experts (the spec's MoE placement rule decides that).

Two groupings follow from it, and the library keeps them apart:

* parameters group layers by their weights, a `Block`: the mixer's *family* (every attention
  kind has the same projections, whatever its window) and the MLP kind;
* the cache groups layers by what they keep: the mixer itself (a full-attention layer keeps
  every token, a sliding-window layer at most its window).

Mixer kinds today: ``"full"``, ``"sliding"`` (with its window) and ``"chunked"`` (Llama 4's
local attention, with its chunk). The type is built to take linear attention (Gated DeltaNet),
state-space and short-convolution mixers as further kinds with their own sizes (and their own
weights, hence their own `Block` family); until a reader needs one, it is not accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from llmsize.errors import LLMSizeError, check_int

__all__ = ["MIXER_KINDS", "Block", "Layer", "Mixer", "MixerKind"]

MixerKind = Literal["full", "sliding", "chunked"]
MIXER_KINDS: tuple[MixerKind, ...] = ("full", "sliding", "chunked")
"""The mixer kinds a `Mixer` accepts."""

# Which weights each mixer kind carries: all attention kinds share the same projections.
_FAMILY: dict[str, str] = {"full": "attention", "sliding": "attention", "chunked": "attention"}


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

    def __post_init__(self) -> None:
        if self.kind not in MIXER_KINDS:
            kinds = ", ".join(MIXER_KINDS)
            raise LLMSizeError(f"mixer.kind must be one of {kinds}, got {self.kind!r}")
        if self.kind == "full":
            check_int("mixer.window", self.window, minimum=0)
            if self.window:
                raise LLMSizeError(f"mixer.window must be 0 for full attention, got {self.window}")
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
        if self.kind != "full":
            return min(context, self.window - 1)
        return context


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
