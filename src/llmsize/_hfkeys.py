"""Typed access to a parsed ``config.json``: every value checked, every error naming its key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from llmsize.errors import LLMSizeError, check_bool, check_int

MISSING = object()
"""Marks a key without a default: it must be present."""


class Keys:
    """The values of one config mapping, read with the family's defaults for absent keys.

    Args:
        data: The parsed JSON object.
        where: How errors refer to this config (a file name, a preset id).
    """

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def _name(self, key: str) -> str:
        return f"{self.where}: key {key!r}"

    def _absent(self, key: str, default: object) -> object:
        # A JSON null counts as absent where the family has a default (transformers treats
        # e.g. "num_key_value_heads": null that way); a required key may not be null.
        if default is MISSING:
            if key in self.data:
                raise LLMSizeError(f"{self._name(key)} must be an integer, got null")
            raise LLMSizeError(f"{self._name(key)} is missing")
        return default

    def integer(self, key: str, default: object = MISSING, *, minimum: int = 1) -> int:
        """An integer >= ``minimum``; ``default`` when absent (required when no default)."""
        value = self.data.get(key)
        if value is None:
            value = self._absent(key, default)
        if type(value) is int and value >= minimum:  # the common case; check_int words errors
            return value
        return check_int(self._name(key), value, minimum=minimum)

    def opt_int(self, key: str, default: int | None) -> int | None:
        """An integer; ``None`` where the config says ``null``; ``default`` when absent."""
        if key not in self.data:
            return default
        if self.data[key] is None:
            return None
        return self.integer(key)

    def flag(self, key: str, default: bool) -> bool:
        """A JSON boolean; ``default`` when absent."""
        value = self.data.get(key, default)
        return value if type(value) is bool else check_bool(self._name(key), value)

    def int_list(self, key: str) -> frozenset[int]:
        """A list of non-negative integers (absent or null: empty)."""
        value = self.data.get(key)
        if value is None:
            return frozenset()
        if not isinstance(value, list):
            raise LLMSizeError(f"{self._name(key)} must be a list of integers, got {value!r}")
        return frozenset(check_int(f"{self._name(key)} item", item, minimum=0) for item in value)

    def _shown(self, key: str, value: int) -> str:
        """A value for a message, marked when it is the family's default for an absent key."""
        return f"({value})" if self.data.get(key) is not None else f"({value}, its default)"

    def kv_heads(
        self,
        heads: int,
        default: object = MISSING,
        *,
        key: str = "num_key_value_heads",
        heads_key: str = "num_attention_heads",
    ) -> int:
        """Key/value heads: at most ``heads`` and dividing it; errors name both config keys."""
        value = self.integer(key, default)
        shown = self._shown(key, value)
        if value > heads:
            raise LLMSizeError(f"{self._name(key)} {shown} must not exceed {heads_key!r} ({heads})")
        if heads % value:
            raise LLMSizeError(f"{self._name(key)} {shown} must divide {heads_key!r} ({heads})")
        return value

    def top_k(self, key: str, default: object, experts: int, experts_key: str) -> int:
        """Experts per token: at most ``experts``; errors name both config keys."""
        value = self.integer(key, default)
        if value > experts:
            shown = self._shown(key, value)
            raise LLMSizeError(
                f"{self._name(key)} {shown} must not exceed {experts_key!r} ({experts})"
            )
        return value

    def per_head(self, width: int, heads: int, keys: tuple[str, str], note: str = "") -> int:
        """``width // heads``, which must divide exactly; ``keys`` name the two in errors."""
        if width % heads:
            raise LLMSizeError(
                f"{self._name(keys[0])} ({width}) must be divisible by {keys[1]!r} ({heads}){note}"
            )
        return width // heads

    def head_dim(self, width: int, heads: int, default: int | None = None) -> int:
        """``head_dim`` if given (and not null), else the family default, else ``D // N``."""
        if self.data.get("head_dim", default) is None:
            keys = ("hidden_size", "num_attention_heads")
            return self.per_head(width, heads, keys, " when 'head_dim' is not given")
        return self.integer("head_dim", default)

    def fp8_block(self) -> int:
        """Tile side of an fp8 block-quantized release (``quantization_config``), else 0."""
        quant = self.data.get("quantization_config")
        if not isinstance(quant, Mapping) or quant.get("quant_method") != "fp8":
            return 0
        block = quant.get("weight_block_size")
        if block is None:
            return 0
        name = self._name("quantization_config.weight_block_size")
        if not isinstance(block, list) or len(block) != 2 or block[0] != block[1]:
            raise LLMSizeError(f"{name} must be two equal positive integers, got {block!r}")
        return check_int(f"{name} item", block[0])
