"""What the state-space and short-convolution families share: Mamba-2 sizes and layer lists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from llmsize._hfkeys import Keys
from llmsize.errors import LLMSizeError
from llmsize.layers import Mamba

__all__ = ["MAMBA2_KEYS", "layer_list", "mamba2"]

T = TypeVar("T")

MAMBA2_KEYS: dict[str, tuple[str, int]] = {
    "heads": ("mamba_n_heads", 128),
    "groups": ("mamba_n_groups", 1),
    "state": ("mamba_d_state", 256),
    "kernel": ("mamba_d_conv", 4),
}
"""The Mamba-2 keys of Falcon-H1 and Granite 4.0-H with their transformers defaults."""


def mamba2(
    c: Keys,
    inner: tuple[int, str],
    keys: Mapping[str, tuple[str, int]],
    *,
    bias: tuple[bool, bool],
    conv_bias_key: str = "mamba_conv_bias",
    gated_norm: bool = True,
) -> Mamba:
    """A Mamba-2 mixer from ``keys`` (role → config key and default).

    Args:
        c: The config.
        inner: The inner width and how the config names it in errors
            (``"'mamba_expand' x 'hidden_size'"``).
        keys: Config key and default for each of ``heads``, ``groups``, ``state``, ``kernel``.
        bias: Biases on the input and output projections.
        conv_bias_key: The key of the convolution's bias (default true).
        gated_norm: Whether the mixer has its gated RMSNorm.

    Raises:
        LLMSizeError: If the heads do not divide the inner width, naming the keys.
    """
    width, inner_name = inner
    sizes = {role: c.integer(key, default) for role, (key, default) in keys.items()}
    heads_key = keys["heads"][0]
    if width % sizes["heads"]:
        raise LLMSizeError(
            f"{c.where}: key {heads_key!r} ({sizes['heads']}) must divide {inner_name} ({width})"
        )
    return Mamba(
        2,
        inner=width,
        state=sizes["state"],
        conv_kernel=sizes["kernel"],
        heads=sizes["heads"],
        groups=sizes["groups"],
        conv_bias=c.flag(conv_bias_key, True),
        in_bias=bias[0],
        out_bias=bias[1],
        gated_norm=gated_norm,
    )


def layer_list(c: Keys, key: str, known: Mapping[str, T], layers: int | None) -> list[T]:
    """The list at ``key``: one of ``known`` per item, ``layers`` items unless ``None``.

    Raises:
        LLMSizeError: Naming ``key``, what it must hold and the value.
    """
    raw = c.data.get(key)
    name = f"{c.where}: key {key!r}"
    if not isinstance(raw, (list, str)) or not raw or (layers and len(raw) != layers):
        count = f" ('num_hidden_layers': {layers})" if layers else ""
        raise LLMSizeError(f"{name} must be a list of one type per layer{count}, got {raw!r}")
    for item in raw:
        if item not in known:
            options = ", ".join(map(repr, known))
            raise LLMSizeError(f"{name} item must be one of {options}, got {item!r}")
    return [known[item] for item in raw]
