"""Bytes of a model as it is served: its weights and its KV cache.

Every byte count is an exact Python ``int``; storage formats and units are in `llmsize.dtypes`,
training state and activations in `llmsize.training`.
"""

from __future__ import annotations

from math import ceil

from llmsize.dsa import indexer_key_widths
from llmsize.dtypes import DType, get_dtype, get_kv_dtype
from llmsize.errors import LLMSizeError, check_int
from llmsize.perlayer import kv_widths
from llmsize.spec import Spec, check_spec

__all__ = [
    "kv_cache_by_kind",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
    "kv_cache_naive_mla_bytes_per_token",
    "matrix_bytes",
    "weights_bytes",
]


def weights_bytes(params: int, dtype: str | DType = "bf16") -> int:
    """Bytes to store ``params`` weights in ``dtype``, as a whole number of bytes.

    * Plain formats: ``ceil(params * bytes_per_param)`` (an odd count of int4 weights still
      takes a whole last byte).
    * GGUF block formats: ``ceil(params / block) * block_bytes``. This is exact for a GGUF file
      because ggml quantises every tensor row in whole blocks and the row length must be a
      multiple of the block size; here all weights are treated as one run, so at most one
      partly filled block is added. Real GGUF files keep some tensors (norms, often the
      embeddings or head) in other types; this figure assumes every weight is in ``dtype``.
    * ``fp8_block128`` without matrix shapes: ``params + 4 * ceil(params / 16384)``, i.e. one
      fp32 scale per 16384 weights, as if every matrix were made of whole 128x128 tiles. The
      exact figure depends on each matrix's shape (partial tiles at the edges get a scale too);
      sum `matrix_bytes` over the matrices for it.

    Args:
        params: Number of weights.
        dtype: A storage format name (see `llmsize.dtypes.get_dtype`).

    Returns:
        The byte count.

    Raises:
        LLMSizeError: If ``params`` is not a non-negative integer or ``dtype`` is unknown.
    """
    check_int("params", params, minimum=0)
    dt = get_dtype(dtype)
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return -(-params // dt.block) * dt.block_bytes
    if dt.kind == "fp8_block":
        assert dt.block is not None
        return params + 4 * -(-params // dt.block)
    return ceil(params * dt.bytes_per_param)


def matrix_bytes(rows: int, cols: int, dtype: str | DType = "bf16") -> int:
    """Exact bytes of one ``rows x cols`` weight matrix stored in ``dtype``.

    * Plain formats: ``ceil(rows * cols * bytes_per_param)``.
    * GGUF block formats: each of the ``rows`` rows is quantised along its ``cols`` elements in
      blocks, ``rows * ceil(cols / block) * block_bytes`` (ggml requires ``cols`` to be a
      multiple of the block; a partial block is counted whole here).
    * ``fp8_block128``: ``rows * cols`` bytes of fp8 plus a ``ceil(rows/128) x ceil(cols/128)``
      grid of fp32 scales (DeepSeek-V3's ``weight_scale_inv``).

    Args:
        rows: Rows of the matrix (output features of a linear layer in PyTorch's layout).
        cols: Columns (input features).
        dtype: A storage format name (see `llmsize.dtypes.get_dtype`).

    Returns:
        The byte count.

    Raises:
        LLMSizeError: If a size is not a positive integer or ``dtype`` is unknown.
    """
    check_int("rows", rows)
    check_int("cols", cols)
    dt = get_dtype(dtype)
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return rows * -(-cols // dt.block) * dt.block_bytes
    if dt.kind == "fp8_block":
        assert dt.tile is not None
        scales = -(-rows // dt.tile) * -(-cols // dt.tile)
        return rows * cols + 4 * scales
    return ceil(rows * cols * dt.bytes_per_param)


def _vector_bytes(elements: int, dt: DType) -> int:
    """Bytes of one cached vector of ``elements`` values (one KV-cache row)."""
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return -(-elements // dt.block) * dt.block_bytes
    return ceil(elements * dt.bytes_per_param)


# --- KV cache ------------------------------------------------------------------------------


def _check_decoder(spec: Spec) -> None:
    if check_spec(spec).encoder:
        raise LLMSizeError(f"spec.encoder is true for {spec.name!r}: an encoder keeps no KV cache")


def _layer_token_bytes(spec: Spec, dt: DType) -> int:
    """Bytes one token takes in one attention layer's cache: its key and value, or MLA's latent."""
    if spec.mla is not None:
        return _vector_bytes(spec.mla.kv_lora_rank + spec.mla.qk_rope_head_dim, dt)
    return 2 * _vector_bytes(spec.kv_heads * spec.head_dim, dt)


def _token_rows(spec: Spec, dt: DType) -> list[int]:
    """Bytes one token takes in each layer's cache (for the layers that keep tokens).

    Every layer alike (`_layer_token_bytes`), unless layers differ: Gemma 4's full-attention
    layers have their own KV heads and head size and its last layers reuse earlier keys and
    values (`llmsize.perlayer.kv_widths`); DeepSeek Sparse Attention's indexer keeps one key
    per token beside the MLA latent in each layer that runs it (`llmsize.dsa.indexer_key_widths`).
    """
    widths, keys = kv_widths(spec), indexer_key_widths(spec)
    base = _layer_token_bytes(spec, dt)
    rows = [2 * _vector_bytes(w, dt) if w else 0 for w in widths] or [base] * spec.layers
    if keys:
        rows = [row + (_vector_bytes(k, dt) if k else 0) for row, k in zip(rows, keys, strict=True)]
    return rows


def kv_cache_bytes_per_token(spec: Spec, dtype: str | DType = "bf16") -> int:
    """KV-cache bytes one token adds while every layer still keeps it, as the model is served.

    For a model whose layers all attend to the whole context this is the cost of every token.
    A sliding-window layer stops growing once it holds its window (see `kv_cache_by_kind`), so
    for Gemma 2/3 or gpt-oss this is the rate at short contexts only; `kv_cache_bytes` gives
    the cache at any context.

    * MHA / GQA / MQA: a key and a value vector of ``H`` values for each of ``K`` KV heads in
      each of ``L`` layers: ``2 * L * K * H * bytes``.
    * MLA (DeepSeek-V2/V3): only the compressed latent and the shared rotary key are cached,
      one vector of ``kv_lora_rank + qk_rope_head_dim`` per layer:
      ``L * (kv_lora_rank + qk_rope_head_dim) * bytes`` (how DeepSeek's own inference code and
      vLLM/SGLang serve it). See `kv_cache_naive_mla_bytes_per_token` for the
      decompressed per-head K/V. DeepSeek-V3.2 and GLM-5 add their indexer's key per layer.
    * Layers that differ (Gemma 4) each add their own key and value width.

    For a GGUF block format each cached vector is quantised in whole blocks along its length
    (as llama.cpp's ``--cache-type-k q8_0`` does).

    Args:
        spec: A decoder architecture.
        dtype: Storage format of the cache, one of `llmsize.dtypes.KV_CACHE_DTYPES`.

    Returns:
        Bytes per token.

    Raises:
        LLMSizeError: If ``dtype`` is unknown or not a cache format, or ``spec`` is an encoder.
    """
    _check_decoder(spec)
    rows = _token_rows(spec, get_kv_dtype(dtype))
    plan = spec.layer_plan
    return sum(row for row, layer in zip(rows, plan, strict=True) if layer.mixer.keeps_tokens)


def kv_cache_naive_mla_bytes_per_token(spec: Spec, dtype: str | DType = "bf16") -> int:
    """KV-cache bytes per token if an MLA model cached its decompressed per-head keys and values.

    Each of ``N`` heads in each of ``L`` layers would keep a key of
    ``qk_nope_head_dim + qk_rope_head_dim`` values and a value of ``v_head_dim`` values:
    ``L * N * (qk_nope + qk_rope + v_head_dim) * bytes``. This is what a plain attention
    implementation (e.g. transformers' own ``DynamicCache`` for DeepSeek-V3) stores; the
    latent cache of `kv_cache_bytes_per_token` is what MLA was designed for.

    Args:
        spec: A decoder with ``spec.mla`` set.
        dtype: Storage format of the cache, one of `llmsize.dtypes.KV_CACHE_DTYPES`.

    Returns:
        Bytes per token.

    Raises:
        LLMSizeError: If ``spec`` has no MLA, is an encoder, or ``dtype`` is unknown.
    """
    _check_decoder(spec)
    if spec.mla is None:
        raise LLMSizeError(f"spec.mla is None for {spec.name!r}: the model does not use MLA")
    dt = get_kv_dtype(dtype)
    mla = spec.mla
    per_head = _vector_bytes(mla.qk_head_dim, dt) + _vector_bytes(mla.v_head_dim, dt)
    return spec.layers * spec.heads * per_head


def kv_cache_by_kind(
    spec: Spec,
    context: int,
    batch: int = 1,
    dtype: str | DType = "bf16",
    *,
    state_dtype: str | DType = "fp32",
) -> dict[str, int]:
    """KV-cache bytes for ``batch`` sequences of ``context`` tokens, split by layer kind.

    Each layer keeps what its mixer needs (`llmsize.layers.Mixer.cached_tokens`): a
    full-attention layer every one of the ``context`` tokens, a sliding-window (or chunked)
    layer of window ``W`` at most the ``W - 1`` latest (the next token attends to itself and
    those). Each kept token costs one layer's key and value (or MLA latent). A linear-attention,
    Mamba or short-convolution layer keeps no tokens but a fixed state per sequence
    (`llmsize.layers.Mixer.state_elements` values), whatever the context: its convolution's
    last inputs in ``dtype`` and its recurrent state in ``state_dtype``. A parallel layer
    (Falcon-H1) keeps both tokens and state; a layer without token mixer keeps nothing.

    Args:
        spec: A decoder architecture.
        context: Tokens held per sequence (prompt plus generated).
        batch: Number of sequences.
        dtype: Storage format of the cache, one of `llmsize.dtypes.KV_CACHE_DTYPES`.
        state_dtype: Storage format of the recurrent state of linear-attention and Mamba
            layers: float32 by default, as transformers keeps it whatever the model's dtype
            (a server may keep it in the model's dtype instead).

    Returns:
        ``{mixer kind: bytes}`` for each kind present (``"full"``, ``"sliding"``,
        ``"chunked"``, ``"linear"``, ``"mamba"``, ``"conv"``, ``"parallel"``, ``"none"``), in the
        order the kinds first appear.

    Raises:
        LLMSizeError: As `kv_cache_bytes`.
    """
    check_int("context", context)
    check_int("batch", batch)
    _check_decoder(spec)
    dt, st = get_kv_dtype(dtype), get_kv_dtype(state_dtype)
    out: dict[str, int] = {}
    for row, layer in zip(_token_rows(spec, dt), spec.layer_plan, strict=True):
        mixer = layer.mixer
        held = row * mixer.cached_tokens(context)
        if mixer.state_elements:
            recurrent = mixer.recurrent_elements
            held += _vector_bytes(mixer.state_elements - recurrent, dt)
            held += _vector_bytes(recurrent, st) if recurrent else 0
        out[mixer.kind] = out.get(mixer.kind, 0) + held * batch
    return out


def kv_cache_bytes(
    spec: Spec,
    context: int,
    batch: int = 1,
    dtype: str | DType = "bf16",
    *,
    state_dtype: str | DType = "fp32",
) -> int:
    """KV-cache bytes for ``batch`` sequences of ``context`` tokens each.

    Args:
        spec: A decoder architecture.
        context: Tokens held per sequence (prompt plus generated).
        batch: Number of sequences.
        dtype: Storage format of the cache, one of `llmsize.dtypes.KV_CACHE_DTYPES`.
        state_dtype: Storage format of linear-attention and Mamba recurrent states (see
            `kv_cache_by_kind`).

    Returns:
        The whole cache, every layer kind together (the sum of `kv_cache_by_kind`): for a
        model whose layers all attend to everything,
        ``kv_cache_bytes_per_token(spec, dtype) * context * batch``.

    Raises:
        LLMSizeError: If ``context`` or ``batch`` is not a positive integer, or as
            `kv_cache_bytes_per_token`.
    """
    if not check_spec(spec).mixers:
        check_int("context", context)
        check_int("batch", batch)
        get_kv_dtype(state_dtype)
        return kv_cache_bytes_per_token(spec, dtype) * context * batch
    return sum(kv_cache_by_kind(spec, context, batch, dtype, state_dtype=state_dtype).values())
