"""State-space (Mamba) and short-convolution (LFM2) mixers: their sizes, weights and state.

Each mixer here is a frozen dataclass of the sizes its config gives, with what the rest of the
library asks of a mixer kind:

* ``parts(width)``: its parameters as ``(key, count)`` pairs, the way transformers builds them
  (`llmsize.count` turns them into the breakdown);
* ``linears(width)``: its weight matrices as ``(key, out, in)``, biases, convolutions, norms
  and per-head vectors left out (`llmsize.shapes`, for block-scaled checkpoints);
* ``state_elements``: the values one sequence keeps in the cache, whatever its length, of which
  ``recurrent_elements`` are the recurrent state (`llmsize.memory` stores that part in its own
  dtype).

Mamba-2 (Mamba2, Nemotron-H, Falcon-H1, Granite 4.0-H): one input projection yields the gate
``z``, the convolution input ``x, B, C`` and the per-head time step; a depthwise causal
convolution over ``x, B, C``; per-head ``dt_bias``, ``A_log`` and ``D``; a gated RMSNorm over the
inner width; an output projection. Its state is the convolution's last ``conv_kernel`` inputs
and one ``head_dim x state`` matrix per head.

Mamba-1 (Jamba): the input projection yields ``x`` and ``z``; a depthwise convolution over
``x``; ``x_proj`` yields the low-rank time step and ``B, C``; ``dt_proj`` lifts the time step
back; ``A_log`` is a full ``inner x state`` matrix and ``D`` a vector; Jamba adds RMSNorms on the
time step, ``B`` and ``C``. Its state is the convolution's last inputs and one ``state``-sized
vector per inner channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from llmsize.errors import LLMSizeError, check_bool, check_int

__all__ = ["Mamba", "Pairs", "ShortConv"]

Pairs = list[tuple[str, int]]
Linears = list[tuple[str, int, int]]


@dataclass(frozen=True)
class Mamba:
    """Sizes of a Mamba mixer, version 1 (Jamba) or 2 (Mamba2, Nemotron-H, Falcon-H1, Granite).

    Attributes:
        version: 1 (selective scan with a full ``A`` matrix) or 2 (state-space duality: one
            decay per head).
        inner: ``I``, width the mixer works in (``expand * hidden_size``, or
            ``heads * head_dim``).
        state: ``N``, the state size per channel (``state_size``, ``ssm_state_size``,
            ``mamba_d_state``).
        conv_kernel: Width of the depthwise causal convolution (``conv_kernel``,
            ``mamba_d_conv``).
        heads: Mamba-2 heads (``num_heads``, ``mamba_num_heads``); 0 for Mamba-1.
        groups: Mamba-2 groups sharing ``B`` and ``C`` (``n_groups``); 0 for Mamba-1.
        dt_rank: Mamba-1's low-rank time-step width (``mamba_dt_rank``); 0 for Mamba-2.
        conv_bias: A bias on the convolution.
        in_bias: A bias on the input projection.
        out_bias: A bias on the output projection.
        gated_norm: Mamba-2's gated RMSNorm over the inner width (Falcon-H1 may leave it out).
        ssm_norms: Jamba's RMSNorms on the time step, ``B`` and ``C`` (Mamba-1).
    """

    version: Literal[1, 2]
    inner: int
    state: int
    conv_kernel: int
    heads: int = 0
    groups: int = 0
    dt_rank: int = 0
    conv_bias: bool = True
    in_bias: bool = False
    out_bias: bool = False
    gated_norm: bool = True
    ssm_norms: bool = False

    def __post_init__(self) -> None:
        if self.version not in (1, 2):
            raise LLMSizeError(f"mamba.version must be 1 or 2, got {self.version!r}")
        v2 = self.version == 2
        for name in ("inner", "state", "conv_kernel"):
            check_int(f"mamba.{name}", getattr(self, name))
        for name, needed in (("heads", v2), ("groups", v2), ("dt_rank", not v2)):
            check_int(f"mamba.{name}", getattr(self, name), minimum=1 if needed else 0)
            if not needed and getattr(self, name):
                raise LLMSizeError(f"mamba.{name} must be 0 for Mamba-{self.version}")
        for name in ("conv_bias", "in_bias", "out_bias", "gated_norm", "ssm_norms"):
            check_bool(f"mamba.{name}", getattr(self, name))
        if v2 and self.inner % self.heads:
            raise LLMSizeError(
                f"mamba.heads must divide mamba.inner ({self.inner}), got {self.heads}"
            )

    @property
    def head_dim(self) -> int:
        """``P``, the channels of one Mamba-2 head (``inner // heads``)."""
        return self.inner // self.heads

    @property
    def conv_dim(self) -> int:
        """Channels the convolution runs over: ``x`` (and Mamba-2's ``B, C`` of each group)."""
        return self.inner + 2 * self.groups * self.state

    @property
    def recurrent_elements(self) -> int:
        """Values of the recurrent state one sequence keeps (Mamba-2: heads x head_dim x state).

        transformers 5.23 holds it in float32 whatever the model's dtype; a server may keep it
        in the model's dtype or, as a config's ``mamba_ssm_cache_dtype`` may ask vLLM to, in
        float32.
        """
        return self.inner * self.state

    @property
    def state_elements(self) -> int:
        """Values one sequence keeps: the convolution's last inputs and the recurrent state."""
        return self.conv_dim * self.conv_kernel + self.recurrent_elements

    def _in_width(self) -> int:
        """Outputs of the input projection."""
        if self.version == 1:
            return 2 * self.inner  # x and the gate z
        return self.inner + self.conv_dim + self.heads  # z, then x B C, then the time step

    def linears(self, width: int) -> Linears:
        """The weight matrices ``(key, out, in)``."""
        i = self.inner
        shapes = [("in", self._in_width(), width)]
        if self.version == 1:
            shapes += [("x_proj", self.dt_rank + 2 * self.state, i), ("dt_proj", i, self.dt_rank)]
        return [*shapes, ("out", width, i)]

    def parts(self, width: int) -> Pairs:
        """Parameters as ``(key, count)``: projections, convolution, per-channel vectors, norms."""
        i, n_in, b = self.inner, self._in_width(), self.conv_bias
        parts = [("in", width * n_in + (n_in if self.in_bias else 0))]
        parts.append(("conv", self.conv_dim * (self.conv_kernel + (1 if b else 0))))
        if self.version == 1:
            parts += [
                ("x_proj", i * (self.dt_rank + 2 * self.state)),
                ("dt_proj", self.dt_rank * i + i),  # with its bias
                ("a_log", i * self.state),
                ("d_skip", i),
            ]
            if self.ssm_norms:
                parts.append(("ssm_norms", self.dt_rank + 2 * self.state))
        else:
            parts += [("dt_bias", self.heads), ("a_log", self.heads), ("d_skip", self.heads)]
            if self.gated_norm:
                parts.append(("gated_norm", i))
        parts.append(("out", i * width + (width if self.out_bias else 0)))
        return parts


@dataclass(frozen=True)
class ShortConv:
    """Sizes of LFM2's gated short-convolution block.

    An input projection to three times the width (two gates and the value), a depthwise causal
    convolution of ``kernel`` taps over the gated value, and an output projection.

    Attributes:
        channels: Width of the block (``hidden_size``).
        kernel: Taps of the convolution (``conv_L_cache``).
        bias: Biases on both projections and the convolution (``conv_bias``).
    """

    channels: int
    kernel: int
    bias: bool = False

    def __post_init__(self) -> None:
        check_int("short_conv.channels", self.channels)
        check_int("short_conv.kernel", self.kernel)
        check_bool("short_conv.bias", self.bias)

    @property
    def recurrent_elements(self) -> int:
        """No recurrent state: the convolution's inputs are all a short-convolution layer keeps."""
        return 0

    @property
    def state_elements(self) -> int:
        """Values one sequence keeps: the convolution's last ``kernel`` inputs."""
        return self.channels * self.kernel

    def linears(self, width: int) -> Linears:
        """The weight matrices ``(key, out, in)``."""
        return [("in", 3 * self.channels, width), ("out", width, self.channels)]

    def parts(self, width: int) -> Pairs:
        """Parameters as ``(key, count)``: projections and convolution, with their biases."""
        c, b = self.channels, 1 if self.bias else 0
        return [
            ("in", width * 3 * c + b * 3 * c),
            ("conv", c * (self.kernel + b)),
            ("out", c * width + b * width),
        ]
