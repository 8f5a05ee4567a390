"""The audio part of a multimodal model: Gemma 4's audio encoder and the projector after it.

Gemma 4's smaller releases (``gemma4`` with an ``audio_config``) read audio through a
conformer in the style of Google's Universal Speech Model, as transformers'
``Gemma4AudioModel`` builds it. Its parameters are counted in a part of their own, next to the
vision part (`llmsize.vision`) and the language model:

* a sub-sampling stem: two 3 x 3 convolutions without bias (1 → ``c0`` → ``c1`` channels),
  each followed by a LayerNorm without bias, then a linear layer from ``(c0 / 4) x c1`` to the
  encoder's width ``D``;
* ``layers`` conformer layers, each: two feed-forward modules (``D`` → ``4D`` → ``D``, a norm
  before and after), attention (query, key, value and output projections, a relative-position
  key projection and a per-dimension scale of one head's width), a light convolution (a
  ``D`` → ``2D`` linear layer and a gated linear unit, a depthwise convolution of
  ``kernel`` taps, a ``D`` → ``D`` linear layer, two norms) and three norms;
* an output projection from ``D`` to ``output`` with bias, then the `llmsize.vision.Projector`
  stacks that map it to the language model's width.

Every linear layer is bias-free except the output projection; every norm is an RMSNorm with a
weight only. `llmsize.count` adds the part to the total and, since every audio token passes the
whole encoder, to the active count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from llmsize.errors import LLMSizeError, check_int
from llmsize.vision import Projector, Tree, tree_params

__all__ = ["Audio", "audio_tree", "check_audio"]


@dataclass(frozen=True)
class Audio:
    """An audio encoder and its projector(s), as transformers' ``Gemma4AudioModel`` builds it.

    Attributes:
        width: ``D`` of the encoder (its ``hidden_size``).
        layers: Conformer layers.
        heads: Attention heads; a head is ``D // heads`` wide.
        channels: Output channels of the two sub-sampling convolutions (``c0``, ``c1``).
        kernel: Taps of each layer's depthwise convolution.
        output: Width of the output projection (``output_proj_dims``).
        projectors: The projector stacks into the language model, in order.
    """

    width: int
    layers: int
    heads: int
    channels: tuple[int, int]
    kernel: int
    output: int
    projectors: tuple[Projector, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("width", "layers", "heads", "kernel", "output"):
            check_int(f"audio.{name}", getattr(self, name))
        object.__setattr__(self, "channels", tuple(self.channels))
        if len(self.channels) != 2:
            raise LLMSizeError(f"audio.channels must be two integers, got {self.channels!r}")
        for channels in self.channels:
            check_int("audio.channels", channels)
        object.__setattr__(self, "projectors", tuple(self.projectors))
        if not all(isinstance(p, Projector) for p in self.projectors):
            raise LLMSizeError(f"audio.projectors must be Projectors, got {self.projectors!r}")

    @cached_property
    def params(self) -> int:
        """Every parameter of the encoder and its projectors."""
        return tree_params(audio_tree(self))

    def _layer(self) -> Tree:
        """One conformer layer's parts, each already times ``layers``."""
        n, d = self.layers, self.width
        inner = self.heads * (d // self.heads)  # the query/key/value width
        attention: Tree = [
            ("q", n * d * inner, n),
            ("k", n * d * inner, n),
            ("v", n * d * inner, n),
            ("o", n * d * d, n),
            ("relative_k", n * d * inner, n),
            ("position_scale", n * (d // self.heads), n),
        ]
        light_conv: Tree = [
            ("linear_1", n * d * 2 * d, n),
            ("conv", n * d * self.kernel, n),
            ("linear_2", n * d * d, n),
            ("norms", n * 2 * d, n),
        ]
        return [
            ("feed_forward", n * 2 * (2 * d * 4 * d + 2 * d), n),
            ("attention", attention, n),
            ("light_conv", light_conv, n),
            ("norms", n * 3 * d, n),
        ]


def audio_tree(audio: Audio) -> Tree:
    """The audio part as the breakdown shows it; its leaves sum to the part's parameters.

    Args:
        audio: The audio encoder and projectors.

    Returns:
        ``(key, params or sub-tree, layers)`` nodes: ``audio_stem`` (convolutions, their
        norms, the input projection), ``audio_layers`` (``layers`` times), ``output_projection``,
        then each projector.
    """
    a, (c0, c1) = audio, audio.channels
    stem: Tree = [
        ("convolutions", 9 * c0 + 9 * c0 * c1, 1),
        ("norms", c0 + c1, 1),
        ("input_projection", (c0 // 4) * c1 * a.width, 1),
    ]
    tree: Tree = [
        ("audio_stem", stem, 1),
        ("audio_layers", a._layer(), a.layers),
        ("output_projection", a.width * a.output + a.output, 1),
    ]
    tree += [(p.key, p.tree(), p.copies) for p in a.projectors]
    return tree


def check_audio(value: object) -> None:
    """``value`` is ``None`` or an `Audio` (`llmsize.spec.Spec.audio`).

    Raises:
        LLMSizeError: ``"spec.audio must be an Audio or None, got <value>"``.
    """
    if value is not None and not isinstance(value, Audio):
        raise LLMSizeError(f"spec.audio must be an Audio or None, got {value!r}")
