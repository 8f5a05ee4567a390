"""Shapes several families share: the Llama-shaped decoder and the learned-position models."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from llmsize._hfkeys import MISSING, Keys
from llmsize.errors import LLMSizeError
from llmsize.layers import MixerKind
from llmsize.spec import Mixer, Spec

__all__ = ["learned_positions", "llama_like", "mixers", "qwen_windows", "slide_all"]


def llama_like(
    c: Keys,
    name: str,
    *,
    defaults: Mapping[str, Any],
    qkv_bias: bool | None = None,
    o_bias: bool | None = None,
    ffn: int | None = None,
    **fields: Any,
) -> Spec:
    """Llama-shaped decoders: RMSNorm, gated MLP, RoPE (llama, mistral, qwen*, gemma*, phi3...).

    ``defaults`` holds the family's transformers defaults for absent keys: an absent
    ``num_key_value_heads`` is not always "same as query heads" (Mistral's is 8, Gemma's 16),
    and an absent ``head_dim`` is not always ``D // N`` (Qwen3's is 128, Gemma's 256).
    ``qkv_bias`` and ``o_bias``, when given, fix a bias the family does not take from
    ``attention_bias``; ``ffn``, when given, is the dense MLP width where the family does not
    take it from ``intermediate_size``; ``fields`` are further `Spec` fields (``moe``,
    ``qk_norm``, ``mixers``…).
    """
    width = c.integer("hidden_size")
    heads = c.integer("num_attention_heads")
    attention_bias = c.flag("attention_bias", defaults.get("attention_bias", False))
    return Spec(
        name=name,
        layers=c.integer("num_hidden_layers"),
        width=width,
        heads=heads,
        kv_heads=c.kv_heads(heads, defaults.get("num_key_value_heads", heads)),
        head_dim=c.head_dim(width, heads, defaults.get("head_dim")),
        ffn=c.integer("intermediate_size") if ffn is None else ffn,
        vocab=c.integer("vocab_size"),
        tied_embeddings=c.flag("tie_word_embeddings", defaults.get("tie_word_embeddings", False)),
        qkv_bias=attention_bias if qkv_bias is None else qkv_bias,
        o_bias=attention_bias if o_bias is None else o_bias,
        mlp_bias=c.flag("mlp_bias", False) if "mlp_bias" in defaults else False,
        context_length=c.integer("max_position_embeddings", defaults["max_position_embeddings"]),
        **fields,
    )


def learned_positions(
    c: Keys,
    name: str,
    keys: tuple[str, str, str, str],
    *,
    positions: tuple[str, int],
    ffn_times_width: int = 0,
    **flags: Any,
) -> Spec:
    """GPT-2 and BERT: MHA, a learned position table, LayerNorm, biases on every linear layer.

    ``keys`` name the family's width, heads, layers and FFN-width keys, in that order;
    ``positions`` is the position-table key and its default. The FFN width is required unless
    ``ffn_times_width`` gives its default as a multiple of the width. ``flags`` are further
    `Spec` fields.
    """
    width_key, heads_key, layers_key, ffn_key = keys
    width = c.integer(width_key)
    heads = c.integer(heads_key)
    head_dim = c.per_head(width, heads, (width_key, heads_key))
    rows = c.integer(*positions)
    return Spec(
        name=name,
        layers=c.integer(layers_key),
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=head_dim,
        ffn=c.integer(ffn_key, ffn_times_width * width if ffn_times_width else MISSING),
        vocab=c.integer("vocab_size"),
        gated_ffn=False,
        max_positions=rows,
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
        context_length=rows,
        **flags,
    )


_LAYER_TYPES: dict[str, MixerKind] = {
    "full_attention": "full",
    "sliding_attention": "sliding",
    "chunked_attention": "chunked",
}
# The config key that sizes each kind of local layer, and the reader's argument with its default.
_SIZE_KEYS: dict[MixerKind, str] = {"sliding": "sliding_window", "chunked": "attention_chunk_size"}


def mixers(
    c: Keys,
    *,
    window: int = 0,
    sliding_every: int = 0,
    default: list[MixerKind] | None = None,
    chunk: int = 0,
) -> tuple[Mixer, ...]:
    """Each layer's attention from ``layer_types`` and ``sliding_window``/``attention_chunk_size``.

    When ``layer_types`` is absent, ``default`` gives each layer's kind (``"full"``,
    ``"sliding"`` or ``"chunked"``, as the family's transformers config derives it), or else
    transformers' most common rule applies: layer ``i`` slides unless ``(i + 1) %
    sliding_every == 0`` (every second layer full for Gemma 2 and gpt-oss, every fourth for
    OLMo 3, every sixth for Gemma 3). ``window`` and ``chunk`` are the family's defaults for
    ``sliding_window`` and ``attention_chunk_size``.
    """
    layers = c.integer("num_hidden_layers")
    raw = c.data.get("layer_types")
    if raw is not None:
        kinds = _layer_types(c, raw, layers)
    elif default is not None:
        kinds = default
    else:
        assert sliding_every, "a reader gives either default kinds or sliding_every"
        kinds = ["full" if (i + 1) % sliding_every == 0 else "sliding" for i in range(layers)]
    defaults: dict[MixerKind, int] = {"sliding": window, "chunked": chunk}
    sizes = {
        kind: c.integer(key, defaults[kind] or MISSING)
        for kind, key in _SIZE_KEYS.items()
        if kind in kinds
    }
    # One Mixer per distinct kind, shared by the layers of that kind (built and checked once).
    made = {kind: Mixer(kind, sizes[kind]) if kind in sizes else Mixer() for kind in set(kinds)}
    return tuple(made[kind] for kind in kinds)


def _layer_types(c: Keys, raw: object, layers: int) -> list[MixerKind]:
    """``layer_types`` as written: one known type per layer."""
    name = f"{c.where}: key 'layer_types'"
    if not isinstance(raw, list) or len(raw) != layers:
        raise LLMSizeError(
            f"{name} must be a list of one type per layer ('num_hidden_layers': {layers}),"
            f" got {raw!r}"
        )
    for item in raw:
        if item not in _LAYER_TYPES:
            known = ", ".join(map(repr, _LAYER_TYPES))
            raise LLMSizeError(f"{name} item must be one of {known}, got {item!r}")
    return [_LAYER_TYPES[item] for item in raw]


def slide_all(c: Keys, default: int | None) -> tuple[Mixer, ...]:
    """Every layer slides when the config gives a ``sliding_window`` (Mistral, Mixtral, Phi-3).

    transformers' cache makes each layer a sliding one whenever ``sliding_window`` is not null
    (``default`` is the family's value when the key is absent: 4096 for Mistral, none for
    Mixtral and Phi-3); no mixers (every layer full) otherwise.
    """
    window = c.opt_int("sliding_window", default)
    if window is None:
        return ()
    return (Mixer("sliding", window),) * c.integer("num_hidden_layers")


def qwen_windows(c: Keys, *, alternate: bool = False) -> tuple[Mixer, ...]:
    """Qwen's sliding layers: only with ``use_sliding_window``, and ``layer_types`` wins.

    Qwen2/Qwen3 slide from layer ``max_window_layers`` on; Qwen2-MoE (``alternate``) slides
    every even-numbered layer (from 0) below ``max_window_layers``. Released configs set
    ``use_sliding_window`` false, and every layer attends to everything.
    """
    if "layer_types" not in c.data and not c.flag("use_sliding_window", False):
        return ()
    layers = c.integer("num_hidden_layers")
    edge = c.integer("max_window_layers", 28, minimum=0)
    if alternate:
        default: list[MixerKind] = [
            "sliding" if i % 2 == 0 and i < edge else "full" for i in range(layers)
        ]
    else:
        default = ["sliding" if i >= edge else "full" for i in range(layers)]
    return mixers(c, default=default, window=4096)
