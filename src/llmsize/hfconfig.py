"""Read a Hugging Face ``config.json`` into a `Spec`.

Each supported ``model_type`` is read the way transformers builds that model: a key that is
absent takes the family's default from transformers' own config class (``head_dim`` falls back
to ``hidden_size // num_attention_heads``, ``num_key_value_heads`` to the query heads, an explicit
``q_lora_rank: null`` means no query compression, and so on). The size-defining keys
(``hidden_size``, ``num_hidden_layers``, ``num_attention_heads``, ``vocab_size`` and the FFN
width) must be present. Anything else wrong — malformed JSON, an unknown ``model_type``, a
missing or ill-typed key — raises `LLMSizeError` naming the key.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from llmsize.errors import LLMSizeError
from llmsize.spec import MLA, MoE, Spec

__all__ = ["SUPPORTED_MODEL_TYPES", "from_dict", "from_json", "read_config"]

_MISSING = object()


class _Config:
    """Typed access to a config mapping, with errors that name the key."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def _raw(self, key: str, default: object) -> object:
        # A JSON null counts as absent where the family has a default (transformers treats
        # e.g. "num_key_value_heads": null that way); a required key may not be null.
        value = self.data.get(key)
        if value is None:
            if default is _MISSING:
                if key in self.data:
                    raise LLMSizeError(f"{self.where}: key {key!r} must be an integer, got null")
                raise LLMSizeError(f"{self.where}: key {key!r} is missing")
            return default
        return value

    def integer(self, key: str, default: object = _MISSING, *, minimum: int = 1) -> int:
        """An integer >= ``minimum``; ``default`` when absent (required when no default)."""
        value = self._raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise LLMSizeError(f"{self.where}: key {key!r} must be an integer, got {value!r}")
        if value < minimum:
            bound = "positive" if minimum == 1 else f">= {minimum}"
            raise LLMSizeError(f"{self.where}: key {key!r} must be {bound}, got {value!r}")
        return value

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
        if not isinstance(value, bool):
            raise LLMSizeError(f"{self.where}: key {key!r} must be true or false, got {value!r}")
        return value

    def int_list(self, key: str) -> frozenset[int]:
        """A list of non-negative integers (absent or null: empty)."""
        value = self.data.get(key)
        if value is None:
            return frozenset()
        if not isinstance(value, list):
            raise LLMSizeError(
                f"{self.where}: key {key!r} must be a list of integers, got {value!r}"
            )
        for item in value:
            if isinstance(item, bool) or not isinstance(item, int) or item < 0:
                raise LLMSizeError(
                    f"{self.where}: key {key!r} must hold non-negative integers, got {item!r}"
                )
        return frozenset(value)

    def head_dim(self, width: int, heads: int, default: int | None = None) -> int:
        """``head_dim`` if given (and not null), else the family default, else ``D // N``."""
        value = self.data.get("head_dim", default)
        if value is None:
            if width % heads:
                raise LLMSizeError(
                    f"{self.where}: key 'hidden_size' ({width}) is not divisible by"
                    f" 'num_attention_heads' ({heads}) and 'head_dim' is not given"
                )
            return width // heads
        return self.integer("head_dim", default)


def _wrap(where: str, build: Callable[[], Spec]) -> Spec:
    """Run ``build`` and turn a spec validation error into one that names the config."""
    try:
        return build()
    except LLMSizeError as err:
        message = str(err)
        if message.startswith(where):
            raise
        raise LLMSizeError(f"{where}: {message}") from None


# --- families ------------------------------------------------------------------------------


def _llama_like(
    c: _Config,
    name: str,
    *,
    defaults: Mapping[str, Any],
    qkv_bias: bool | None = None,
    qk_norm: bool = False,
    moe: MoE | None = None,
) -> Spec:
    """Llama-shaped decoders: RMSNorm, gated MLP, RoPE (llama, mistral, qwen*, gemma, phi3...).

    ``defaults`` holds the family's transformers defaults for absent keys: an absent
    ``num_key_value_heads`` is not always "same as query heads" (Mistral's is 8, Gemma's 16),
    and an absent ``head_dim`` is not always ``D // N`` (Qwen3's is 128, Gemma's 256).
    """
    width = c.integer("hidden_size")
    heads = c.integer("num_attention_heads")
    attention_bias = c.flag("attention_bias", defaults.get("attention_bias", False))
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=width,
        heads=heads,
        kv_heads=c.integer("num_key_value_heads", defaults.get("num_key_value_heads", heads)),
        head_dim=c.head_dim(width, heads, defaults.get("head_dim")),
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", defaults.get("tie_word_embeddings", False)),
        qkv_bias=attention_bias if qkv_bias is None else qkv_bias,
        o_bias=attention_bias,
        mlp_bias=c.flag("mlp_bias", False) if "mlp_bias" in defaults else False,
        qk_norm=qk_norm,
        context_length=c.integer("max_position_embeddings", defaults["max_position_embeddings"]),
        moe=moe,
    )


def _llama(c: _Config, name: str) -> Spec:
    return _llama_like(c, name, defaults={"max_position_embeddings": 2048, "mlp_bias": False})


def _mistral(c: _Config, name: str) -> Spec:
    # transformers' Mistral has no bias switches at all.
    spec = _llama_like(
        c, name, defaults={"max_position_embeddings": 131072, "num_key_value_heads": 8}
    )
    return _replace(spec, qkv_bias=False, o_bias=False)


def _replace(spec: Spec, **changes: Any) -> Spec:
    from dataclasses import replace

    return replace(spec, **changes)


def _mixtral(c: _Config, name: str) -> Spec:
    experts = c.integer("num_local_experts", 8)
    moe = MoE(
        num_experts=experts,
        experts_per_token=c.integer("num_experts_per_tok", 2),
        expert_ffn=c.integer("intermediate_size"),
    )
    spec = _llama_like(
        c, name, defaults={"max_position_embeddings": 131072, "num_key_value_heads": 8}, moe=moe
    )
    return _replace(spec, qkv_bias=False, o_bias=False)


def _qwen2(c: _Config, name: str) -> Spec:
    # Qwen2: biases on q/k/v always, never on o.
    spec = _llama_like(
        c, name, defaults={"max_position_embeddings": 32768, "num_key_value_heads": 32}
    )
    return _replace(spec, qkv_bias=True, o_bias=False)


def _qwen_moe_rule(c: _Config) -> dict[str, Any]:
    return {
        "first_dense_layers": 0,
        "layer_freq": c.integer("decoder_sparse_step", 1),
        "layer_phase": 1,
        "dense_layers": c.int_list("mlp_only_layers"),
    }


def _qwen2_moe(c: _Config, name: str) -> Spec:
    moe = MoE(
        num_experts=c.integer("num_experts", 60),
        experts_per_token=c.integer("num_experts_per_tok", 4),
        expert_ffn=c.integer("moe_intermediate_size", 1408),
        num_shared_experts=1,
        shared_ffn=c.integer("shared_expert_intermediate_size", 5632),
        shared_expert_gate=True,
        **_qwen_moe_rule(c),
    )
    spec = _llama_like(
        c, name, defaults={"max_position_embeddings": 32768, "num_key_value_heads": 16}, moe=moe
    )
    return _replace(spec, qkv_bias=c.flag("qkv_bias", True), o_bias=False)


def _qwen3(c: _Config, name: str) -> Spec:
    return _llama_like(
        c,
        name,
        defaults={"max_position_embeddings": 32768, "num_key_value_heads": 32, "head_dim": 128},
        qk_norm=True,
    )


def _qwen3_moe(c: _Config, name: str) -> Spec:
    key = "num_experts" if "num_experts" in c.data else "num_local_experts"
    moe = MoE(
        num_experts=c.integer(key, 128),
        experts_per_token=c.integer("num_experts_per_tok", 8),
        expert_ffn=c.integer("moe_intermediate_size", 768),
        **_qwen_moe_rule(c),
    )
    return _llama_like(
        c,
        name,
        defaults={"max_position_embeddings": 32768, "num_key_value_heads": 4},
        qk_norm=True,
        moe=moe,
    )


def _gemma(c: _Config, name: str) -> Spec:
    return _llama_like(
        c,
        name,
        defaults={
            "max_position_embeddings": 8192,
            "tie_word_embeddings": True,
            "num_key_value_heads": 16,
            "head_dim": 256,
        },
    )


def _phi3(c: _Config, name: str) -> Spec:
    # Phi-3 fuses q/k/v and gate/up into single matrices without biases; counts are the same.
    spec = _llama_like(c, name, defaults={"max_position_embeddings": 4096})
    return _replace(spec, qkv_bias=False, o_bias=False)


def _deepseek(c: _Config, name: str, *, v3: bool) -> Spec:
    experts = c.opt_int("n_routed_experts", 256 if v3 else 64)
    width = c.integer("hidden_size")
    heads = c.integer("num_attention_heads")
    mla = MLA(
        q_lora_rank=c.opt_int("q_lora_rank", 1536),
        kv_lora_rank=c.integer("kv_lora_rank", 512),
        qk_nope_head_dim=c.integer("qk_nope_head_dim", 128),
        qk_rope_head_dim=c.integer("qk_rope_head_dim", 64),
        v_head_dim=c.integer("v_head_dim", 128),
    )
    moe = None
    if experts is not None:
        shared = c.opt_int("n_shared_experts", 1 if v3 else 2) or 0
        moe = MoE(
            num_experts=experts,
            experts_per_token=c.integer("num_experts_per_tok", 8)
            if v3
            else c.integer("num_experts_per_tok"),
            expert_ffn=c.integer("moe_intermediate_size", 2048 if v3 else 1407),
            num_shared_experts=shared,
            shared_ffn=c.integer("moe_intermediate_size", 2048 if v3 else 1407) if shared else 0,
            router_bias_buffer=v3,
            # transformers places an MoE block on every layer from first_k_dense_replace on.
            first_dense_layers=c.integer("first_k_dense_replace", 3 if v3 else 0, minimum=0),
        )
    attention_bias = c.flag("attention_bias", False)
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=width,
        heads=heads,
        # MLA has no separate key/value heads: every query head gets its own key and value
        # from the shared latent, so K = N here whatever num_key_value_heads says.
        kv_heads=heads,
        head_dim=mla.qk_head_dim,
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", False),
        qkv_bias=attention_bias,
        o_bias=attention_bias,
        mlp_bias=False if v3 else c.flag("mlp_bias", False),
        context_length=c.integer("max_position_embeddings", 4096 if v3 else 2048),
        moe=moe,
        mla=mla,
        mtp_layers=c.integer("num_nextn_predict_layers", 1, minimum=0) if v3 else 0,
        quant_block=_fp8_block(c),
    )


def _fp8_block(c: _Config) -> int:
    """Tile side of an fp8 block-quantized release (``quantization_config``), else 0."""
    quant = c.data.get("quantization_config")
    if not isinstance(quant, Mapping) or quant.get("quant_method") != "fp8":
        return 0
    block = quant.get("weight_block_size")
    if block is None:
        return 0
    if (
        not isinstance(block, list)
        or len(block) != 2
        or block[0] != block[1]
        or isinstance(block[0], bool)
        or not isinstance(block[0], int)
        or block[0] <= 0
    ):
        raise LLMSizeError(
            f"{c.where}: key 'quantization_config.weight_block_size' must be two equal positive"
            f" integers, got {block!r}"
        )
    return int(block[0])


def _gpt2(c: _Config, name: str) -> Spec:
    width = c.integer("n_embd")
    heads = c.integer("n_head")
    if c.flag("add_cross_attention", False):
        raise LLMSizeError(f"{c.where}: key 'add_cross_attention' is not supported, got true")
    if width % heads:
        raise LLMSizeError(
            f"{c.where}: key 'n_embd' ({width}) must be divisible by 'n_head', got {heads}"
        )
    positions = c.integer("n_positions", 1024)
    return Spec(
        name=name,
        layers=c.integer("n_layer"),
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=width // heads,
        ffn=c.integer("n_inner", 4 * width),
        vocab=c.integer("vocab_size"),
        gated_ffn=False,
        tied_embeddings=c.flag("tie_word_embeddings", True),
        max_positions=positions,
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
        context_length=positions,
    )


def _bert(c: _Config, name: str) -> Spec:
    width = c.integer("hidden_size")
    heads = c.integer("num_attention_heads")
    if width % heads:
        raise LLMSizeError(
            f"{c.where}: key 'hidden_size' ({width}) must be divisible by"
            f" 'num_attention_heads', got {heads}"
        )
    positions = c.integer("max_position_embeddings", 512)
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=width // heads,
        ffn=c.integer("intermediate_size"),
        vocab=c.integer("vocab_size"),
        gated_ffn=False,
        max_positions=positions,
        token_types=c.integer("type_vocab_size", 2, minimum=0),
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
        final_norm=False,
        embedding_norm=True,
        pooler=True,
        encoder=True,
        context_length=positions,
    )


_READERS: dict[str, Callable[[_Config, str], Spec]] = {
    "gpt2": _gpt2,
    "llama": _llama,
    "mistral": _mistral,
    "mixtral": _mixtral,
    "qwen2": _qwen2,
    "qwen2_moe": _qwen2_moe,
    "qwen3": _qwen3,
    "qwen3_moe": _qwen3_moe,
    "gemma": _gemma,
    "phi3": _phi3,
    "deepseek_v2": lambda c, n: _deepseek(c, n, v3=False),
    "deepseek_v3": lambda c, n: _deepseek(c, n, v3=True),
    "bert": _bert,
}

SUPPORTED_MODEL_TYPES: tuple[str, ...] = tuple(sorted(_READERS))
"""The ``model_type`` values llmsize reads."""


def from_dict(config: object, name: str | None = None, where: str = "config") -> Spec:
    """Build a `Spec` from a parsed ``config.json``.

    Args:
        config: The parsed JSON (must be an object).
        name: Display name; defaults to ``_name_or_path`` or the model type.
        where: How errors refer to this config (a file name, a preset id).

    Returns:
        The spec.

    Raises:
        LLMSizeError: Unknown ``model_type``, or a missing/ill-typed/inconsistent key.
    """
    if not isinstance(config, Mapping):
        raise LLMSizeError(f"{where}: expected a JSON object, got {type(config).__name__}")
    model_type = config.get("model_type", _MISSING)
    if model_type is _MISSING:
        raise LLMSizeError(f"{where}: key 'model_type' is missing")
    if not isinstance(model_type, str) or model_type not in _READERS:
        supported = ", ".join(SUPPORTED_MODEL_TYPES)
        raise LLMSizeError(
            f"{where}: key 'model_type' {model_type!r} is not supported (supported: {supported})"
        )
    if name is None:
        raw = config.get("_name_or_path")
        name = raw if isinstance(raw, str) and raw else model_type
    reader = _READERS[model_type]
    c = _Config(config, where)
    return _wrap(where, lambda: reader(c, name))


def _loads(text: str, where: str) -> object:
    """Parse JSON text; malformed input raises an error naming ``where``, line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise LLMSizeError(
            f"{where}: malformed JSON at line {err.lineno} column {err.colno}: {err.msg}"
        ) from None
    except RecursionError:
        raise LLMSizeError(f"{where}: malformed JSON (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer longer than Python's digit limit
        raise LLMSizeError(f"{where}: malformed JSON: {err}") from None


def from_json(text: str, name: str | None = None, where: str = "config.json") -> Spec:
    """Build a `Spec` from the text of a ``config.json``.

    Parsing and its errors are those of `read_config`, without the file: this is what the
    site's in-browser calculator reads a pasted config with.

    Args:
        text: The JSON text.
        name: Display name; defaults to ``_name_or_path`` or the model type.
        where: How errors refer to this config.

    Returns:
        The spec.

    Raises:
        LLMSizeError: Malformed JSON, or a bad config (as `from_dict`).
    """
    if not isinstance(text, str):
        raise LLMSizeError(f"{where}: expected JSON text, got {type(text).__name__}")
    return from_dict(_loads(text, where), name=name, where=where)


def read_config(path: str | Path, name: str | None = None) -> Spec:
    """Read a ``config.json`` file.

    Args:
        path: File path.
        name: Display name; defaults to the config's ``_name_or_path``, else the folder name.

    Returns:
        The spec.

    Raises:
        LLMSizeError: Unreadable file, malformed JSON, or a bad config.
    """
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else type(err).__name__
        raise LLMSizeError(f"{where}: cannot read file ({reason})") from None
    data = _loads(text, where)
    if name is None and isinstance(data, Mapping) and not data.get("_name_or_path"):
        name = path.parent.name or None
    return from_dict(data, name=name, where=where)
