"""What each layer of a model is: its token mixer and its MLP kind.

A `Spec` no longer has to be "L identical layers". Each layer ``i`` is a `Layer`: a `Mixer`
(how the layer mixes tokens, and so what it keeps in the cache) and whether its MLP is dense or
a mixture of experts (the spec's MoE placement rule decides that).

Two groupings follow from it, and the library keeps them apart:

* parameters group layers by their weights, a `Block`: the mixer's *family* (every attention
  kind has the same projections, whatever its window) and the MLP kind;
* the cache groups layers by what they keep: the mixer itself (a full-attention layer keeps
  every token, a sliding-window layer at most its window).

Mixer kinds: ``"full"``, ``"sliding"`` (with its window), ``"chunked"`` (Llama 4's local
attention, with its chunk), ``"linear"`` (Gated DeltaNet linear attention, with its `DeltaNet`
sizes: Qwen3-Next), ``"mamba"`` (a Mamba-1 or Mamba-2 state-space mixer, with its
`llmsize.ssm.Mamba` sizes: Mamba2, Nemotron-H, Jamba, Granite 4.0-H), ``"conv"`` (LFM2's gated
short convolution, with its `llmsize.ssm.ShortConv` sizes), ``"parallel"`` (full attention and
a Mamba mixer side by side in one layer: Falcon-H1) and ``"none"`` (no token mixer: a layer that
is only an MLP or MoE block, as Nemotron-H's). A linear, Mamba or convolution mixer has weights
of its own (its own `Block` family) and keeps a fixed state per sequence instead of tokens.

A layer may equally have no MLP (``Layer.mlp`` false: Nemotron-H's Mamba and attention layers,
every Mamba2 layer); its block then has only the mixer and that mixer's norms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from llmsize.cross import CrossAttention
from llmsize.errors import LLMSizeError, check_int
from llmsize.ssm import Mamba, Pairs, ShortConv

__all__ = [
    "MIXER_KINDS",
    "MLP_KINDS",
    "Block",
    "DeltaNet",
    "Layer",
    "Mamba",
    "Mixer",
    "MixerKind",
    "ShortConv",
    "check_plan",
    "family_sizes",
]

MixerKind = Literal[
    "full", "sliding", "chunked", "linear", "mamba", "conv", "parallel", "cross", "none"
]
MIXER_KINDS: tuple[MixerKind, ...] = (
    "full",
    "sliding",
    "chunked",
    "linear",
    "mamba",
    "conv",
    "parallel",
    "cross",
    "none",
)
"""The mixer kinds a `Mixer` accepts."""

# Which weights each mixer kind carries: all attention kinds share the same projections.
_FAMILY: dict[str, str] = {
    "full": "attention",
    "sliding": "attention",
    "chunked": "attention",
    "linear": "linear_attention",
    "mamba": "mamba",
    "conv": "short_conv",
    "parallel": "parallel",
    "cross": "cross_attention",
    "none": "none",
}
# The kinds that keep tokens (keys and values) in the cache, and the sizes each kind needs.
_TOKEN_KINDS = frozenset({"full", "sliding", "chunked", "parallel"})


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
    def recurrent_elements(self) -> int:
        """The recurrent ``key_head_dim x value_head_dim`` matrix of each value head."""
        return self.value_heads * self.key_head_dim * self.value_head_dim

    @property
    def state_elements(self) -> int:
        """Values one sequence's state holds, whatever the context.

        The convolution's last ``conv_kernel`` inputs and the recurrent state
        (`recurrent_elements`).
        """
        return self.conv_dim * self.conv_kernel + self.recurrent_elements

    def linears(self, width: int) -> list[tuple[str, int, int]]:
        """The weight matrices ``(key, out, in)``: q/k/v/z, beta/decay and output projections."""
        return [
            ("qkvz", 2 * self.key_dim + 2 * self.value_dim, width),
            ("ba", 2 * self.value_heads, width),  # beta and the decay input, per value head
            ("out", width, self.value_dim),
        ]

    def parts(self, width: int) -> Pairs:
        """Parameters as ``(key, count)``, as transformers' Qwen3-Next builds them (no biases)."""
        (_, qkvz, _), (_, ba, _), _ = self.linears(width)
        return [
            ("qkvz", width * qkvz),
            ("ba", width * ba),
            ("conv", self.conv_dim * self.conv_kernel),  # depthwise causal convolution
            ("dt_bias", self.value_heads),
            ("a_log", self.value_heads),
            ("gated_norm", self.value_head_dim),  # gated RMSNorm, shared across heads
            ("out", self.value_dim * width),
        ]


_SIZES: dict[str, tuple[str, type]] = {
    "linear": ("deltanet", DeltaNet),
    "mamba": ("mamba", Mamba),
    "parallel": ("mamba", Mamba),
    "conv": ("conv", ShortConv),
    "cross": ("cross", CrossAttention),  # Mllama's cross-attention layers (llmsize.cross)
}


@dataclass(frozen=True)
class Mixer:
    """The token mixer of one layer.

    Attributes:
        kind: One of `MIXER_KINDS`: ``"full"`` (causal attention over every earlier token),
            ``"sliding"`` (each token attends to itself and the ``window - 1`` tokens before
            it), ``"chunked"`` (each token attends to the earlier tokens of its own chunk of
            ``window`` tokens), ``"linear"``, ``"mamba"``, ``"conv"``, ``"parallel"`` or
            ``"none"`` (see the module's docstring).
        window: The sliding window ``W`` in tokens, as the config's ``sliding_window`` gives
            it, or the chunk (``attention_chunk_size``); 0 for every other kind.
        deltanet: The Gated DeltaNet sizes of a ``"linear"`` mixer, else ``None``.
        mamba: The Mamba sizes of a ``"mamba"`` or ``"parallel"`` mixer, else ``None``.
        conv: The short-convolution sizes of a ``"conv"`` mixer, else ``None``.
        cross: The `llmsize.cross.CrossAttention` sizes of a ``"cross"`` mixer, else ``None``.
    """

    kind: MixerKind = "full"
    window: int = 0
    deltanet: DeltaNet | None = None
    mamba: Mamba | None = None
    conv: ShortConv | None = None
    cross: CrossAttention | None = None

    def __post_init__(self) -> None:
        if self.kind not in MIXER_KINDS:
            kinds = ", ".join(MIXER_KINDS)
            raise LLMSizeError(f"mixer.kind must be one of {kinds}, got {self.kind!r}")
        needed = _SIZES.get(self.kind)
        sized = (("deltanet", DeltaNet), ("mamba", Mamba), ("conv", ShortConv))
        for name, cls in (*sized, ("cross", CrossAttention)):
            value = getattr(self, name)
            if (needed == (name, cls)) != isinstance(value, cls):
                kinds = " or ".join(repr(k) for k, n in _SIZES.items() if n[0] == name)
                raise LLMSizeError(
                    f"mixer.{name} must be a {cls.__name__} exactly when mixer.kind is {kinds},"
                    f" got {value!r} for {self.kind!r}"
                )
        if self.kind in ("sliding", "chunked"):
            check_int("mixer.window", self.window)
        else:
            check_int("mixer.window", self.window, minimum=0)
            if self.window:
                raise LLMSizeError(f"mixer.window must be 0 for {self.kind!r}, got {self.window}")

    @property
    def family(self) -> str:
        """What weights the mixer has: ``"attention"`` for every attention kind."""
        return _FAMILY[self.kind]

    @property
    def keeps_tokens(self) -> bool:
        """Whether the layer caches keys and values of tokens (every attention kind)."""
        return self.kind in _TOKEN_KINDS

    def cached_tokens(self, context: int) -> int:
        """Tokens of one sequence this layer keeps after ``context`` tokens.

        A full-attention (or parallel) layer keeps all of them. A sliding layer keeps the
        ``window - 1`` latest: the next token attends to itself and those, so nothing older is
        needed (this is what transformers' ``DynamicSlidingWindowLayer`` holds; a paged server
        such as vLLM allocates whole blocks and may hold a few more). A chunked layer is held
        the same way by transformers (``window - 1`` tokens at most); the next token needs only
        the ``context % window`` tokens of its own chunk, which a chunk-aware server may keep
        instead. Linear, Mamba, convolution and mixer-less layers keep no tokens.
        """
        if not self.keeps_tokens:
            return 0
        if self.window:
            return min(context, self.window - 1)
        return context

    @property
    def state_elements(self) -> int:
        """Values of fixed state one sequence keeps in this layer, whatever the context.

        0 for attention; the convolution and recurrent state of a linear or Mamba mixer (a
        parallel layer's Mamba half too); the convolution's last inputs for a ``"conv"`` mixer.
        """
        sizes = self.deltanet or self.mamba or self.conv or self.cross
        return sizes.state_elements if sizes is not None else 0

    @property
    def recurrent_elements(self) -> int:
        """The part of `state_elements` that is recurrent state (transformers keeps it in fp32).

        A linear or Mamba mixer's state matrices; 0 for every other kind.
        """
        sizes = self.deltanet or self.mamba
        return sizes.recurrent_elements if sizes is not None else 0


FULL = Mixer()


class Block(NamedTuple):
    """The weights of one layer: its mixer family, whether its MLP is MoE, whether it has one."""

    mixer: str
    moe: bool
    mlp: bool = True

    @property
    def key(self) -> str:
        """Breakdown key of this kind of layer (``"dense_layers"``, ``"mamba_layers"``...).

        Attention with a dense or MoE MLP: ``"dense_layers"``/``"moe_layers"``; another mixer
        family prefixes it (``"mamba_moe_layers"``); a layer without MLP is its mixer family
        (``"attention_layers"``); one without mixer ``"mlp_layers"``/``"moe_mlp_layers"``.
        """
        kind = "moe_layers" if self.moe else "dense_layers"
        if self.mixer == "none":
            return "moe_mlp_layers" if self.moe else "mlp_layers"
        if not self.mlp:
            return f"{self.mixer}_layers"
        return kind if self.mixer == "attention" else f"{self.mixer}_{kind}"


class Layer(NamedTuple):
    """One layer: its token mixer, whether its MLP is an MoE block, and whether it has an MLP."""

    mixer: Mixer
    moe: bool
    mlp: bool = True

    @property
    def block(self) -> Block:
        """The weights this layer has (what its parameter count depends on)."""
        return Block(self.mixer.family, self.moe, self.mlp)


MLP_KINDS: tuple[str, ...] = ("dense", "moe", "none")
"""What a layer's feed-forward part can be (`llmsize.spec.Spec.mlp_kinds`)."""


def check_plan(
    mixers: object, mlp_kinds: object, layers: int, has_moe: bool
) -> tuple[tuple[Mixer, ...], tuple[str, ...]]:
    """Check a spec's per-layer ``mixers`` and ``mlp_kinds``; return them as tuples.

    Each is empty or has one entry per layer; the mixers of one weight family share their
    sizes (one `DeltaNet`, `Mamba` or `ShortConv` per model); ``"moe"`` needs an MoE block.

    Raises:
        LLMSizeError: Naming ``spec.mixers`` or ``spec.mlp_kinds`` and the value.
    """
    mixer_list = _per_layer("mixers", mixers, layers)
    kinds = _per_layer("mlp_kinds", mlp_kinds, layers)
    unique = {id(m): m for m in mixer_list}.values()  # readers share one Mixer per kind
    for mixer in unique:
        if not isinstance(mixer, Mixer):
            raise LLMSizeError(f"spec.mixers[] must be a Mixer, got {mixer!r}")
    sizes = {
        (m.family, m.deltanet, m.mamba, m.conv, m.cross) for m in unique if m.family != "attention"
    }
    families = [family for family, *_ in sizes]
    for family in set(families):
        if families.count(family) > 1:
            raise LLMSizeError(f"spec.mixers[] of family {family!r} must all have the same sizes")
    for kind in kinds:
        if kind not in MLP_KINDS or (kind == "moe" and not has_moe):
            known = ", ".join(map(repr, MLP_KINDS if has_moe else ("dense", "none")))
            raise LLMSizeError(f"spec.mlp_kinds[] must be one of {known}, got {kind!r}")
    return mixer_list, kinds


def family_sizes(
    mixers: Sequence[Mixer], family: str
) -> DeltaNet | Mamba | ShortConv | CrossAttention:
    """The sizes the mixers of one weight family share (one set per model, `check_plan`).

    Args:
        mixers: A spec's mixers.
        family: ``"linear_attention"``, ``"mamba"``, ``"parallel"``, ``"short_conv"`` or
            ``"cross_attention"``.
    """
    mixer = next(m for m in mixers if m.family == family)
    sizes = mixer.deltanet or mixer.mamba or mixer.conv or mixer.cross
    assert sizes is not None, family
    return sizes


def _per_layer(name: str, value: object, layers: int) -> tuple[Any, ...]:
    """``value`` as a tuple: empty, or one entry per layer."""
    if not isinstance(value, (tuple, list)):
        raise LLMSizeError(f"spec.{name} must be a sequence, got {value!r}")
    if value and len(value) != layers:
        raise LLMSizeError(
            f"spec.{name} must have one entry per layer ({layers}), got {len(value)}"
        )
    return tuple(value)
