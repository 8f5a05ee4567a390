"""The rows the command line and the calculator show, built once.

`llmsize.cli` prints them as text tables and JSON; `llmsize.calculator` hands them to the site's
calculator page. Each row is a stable key, its label in both languages (a filled
`llmsize.text.Text`) and an exact ``int``; the callers only format them, so the two can never
disagree on a figure, a key or a word.

* `summary_rows`: the count definitions (total, active, non-embedding, stored and, for a
  block-quantized release, checkpoint values).
* `breakdown_rows`: every part of the breakdown tree, depth first.
* `memory_rows`: weights, KV cache per token (and the naive MLA figure), KV cache for a batch,
  weights plus KV cache, and training state under each convention.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from llmsize import fmt
from llmsize.count import Counts, Part
from llmsize.dtypes import KV_CACHE_DTYPES, get_dtype, get_kv_dtype
from llmsize.errors import check_int
from llmsize.fmt import distinct
from llmsize.memory import (
    kv_cache_by_kind,
    kv_cache_bytes,
    kv_cache_bytes_per_token,
    kv_cache_naive_mla_bytes_per_token,
    weights_bytes,
)
from llmsize.serving import kind_tally
from llmsize.spec import Spec
from llmsize.text import LABELS, LANGS, MEMORY, MIXER_LABELS, MIXER_SHORT, Text, fill, say
from llmsize.training import TRAINING_CONVENTIONS, training_bytes

__all__ = [
    "MemoryReport",
    "PartRow",
    "Row",
    "breakdown_rows",
    "layer_kinds",
    "memory_rows",
    "summary_rows",
]


@dataclass(frozen=True)
class Row:
    """One figure: a stable key, its label in both languages, the exact value.

    Attributes:
        key: Stable name (``"total"``, ``"kv_per_token"``, ``"training_16"``...).
        label: The label, fields filled, in each language.
        value: The exact figure (parameters or bytes).
    """

    key: str
    label: Text = field(hash=False)
    value: int


@dataclass(frozen=True)
class PartRow:
    """One part of the breakdown tree, as a table row.

    Attributes:
        path: Dotted path from the root (``"layers.moe_layers.moe.experts"``).
        key: The part's own key (``"experts"``).
        depth: 0 for a child of the root.
        layers: How many layers the part spans (1 outside the layer stack).
        group: Whether the part has parts of its own.
        params: Parameters in the part.
        label: The part's name in each language (`llmsize.text.LABELS`).
    """

    path: str
    key: str
    depth: int
    layers: int
    group: bool
    params: int
    label: Text = field(hash=False)

    def name(self, lang: str) -> str:
        """The label in ``lang``, with ``×L`` after a group that spans ``L`` layers."""
        text = say(self.label, lang)
        return f"{text} ×{self.layers}" if self.group and self.layers > 1 else text


@dataclass(frozen=True)
class MemoryReport:
    """The memory rows for one model and one setting, with the setting they were built for.

    Attributes:
        dtype: Canonical name of the weights' storage format.
        kv_dtype: Canonical name of the KV cache's storage format.
        context: Tokens per sequence in the KV cache.
        batch: Sequences in the batch.
        rows: The rows, in display order.
    """

    dtype: str
    kv_dtype: str
    context: int
    batch: int
    rows: tuple[Row, ...]

    def values(self) -> dict[str, int]:
        """``{key: bytes}`` for every row (the command line's JSON)."""
        return {row.key: row.value for row in self.rows}

    def get(self, key: str) -> int | None:
        """The bytes of row ``key``, or ``None`` if the model has no such row."""
        return self.values().get(key)

    def kv_by_kind(self) -> dict[str, int]:
        """``{layer kind: bytes}`` of the KV cache's split rows (empty when there is none)."""
        prefix = "kv_kind_"
        return {r.key[len(prefix) :]: r.value for r in self.rows if r.key.startswith(prefix)}


def summary_rows(c: Counts) -> list[Row]:
    """The count definitions of ``c``; checkpoint values only where they differ from stored.

    Args:
        c: The counts of a model.

    Returns:
        Rows ``total``, ``active``, ``non_embedding``, ``stored`` (and ``checkpoint``, and
        ``vision`` for a vision-language model, ``audio`` with an audio encoder).
    """
    keys = ["total", "active", "non_embedding", "stored"]
    if c.checkpoint != c.stored:
        keys.append("checkpoint")
    if c.vision:  # a vision-language model: the tower's share of the total
        keys.append("vision")
    if c.audio:  # an audio encoder (Gemma 4): its share of the total
        keys.append("audio")
    return [Row(key, LABELS[key], getattr(c, key)) for key in keys]


def short_counts(rows: Sequence[Row], lang: str) -> list[str]:
    """The rows' values as compact counts that keep different values apart (`fmt.distinct`).

    DeepSeek-V3's stored parameters (684,489,845,504) and checkpoint values (684,531,386,000)
    are both 6845亿 at three digits; side by side they read 6844.9亿 and 6845.3亿.
    """
    return distinct([r.value for r in rows], lang)


def breakdown_rows(part: Part) -> list[PartRow]:
    """Every part under ``part`` (the root itself excluded), depth first.

    Args:
        part: The root of a breakdown tree (`llmsize.count.Counts.breakdown`).

    Returns:
        One row per part, parents before their children.
    """
    rows: list[PartRow] = []
    stack: list[tuple[Part, int, str]] = [(child, 0, "") for child in reversed(part.children)]
    while stack:
        node, depth, parent = stack.pop()
        path = f"{parent}.{node.key}" if parent else node.key
        rows.append(
            PartRow(
                path,
                node.key,
                depth,
                node.layers,
                bool(node.children),
                node.params,
                LABELS[node.key],
            )
        )
        stack.extend((child, depth + 1, path) for child in reversed(node.children))
    return rows


def _exact(n: int) -> dict[str, Any]:
    return {lang: fmt.exact(n, lang) for lang in LANGS}


def layer_kinds(spec: Spec, lang: str) -> str:
    """The model's layers by kind, in a few words: ``"18 sliding (window 128) + 18 full"``.

    Kinds in the order they first appear (`llmsize.serving.kind_tally`); an MLA model's full
    layers say so (and whether they run DeepSeek Sparse Attention's indexer).
    """
    parts = []
    for kind, (layers, window) in kind_tally(spec).items():
        key = kind
        if kind == "full" and spec.mla is not None:
            key = "full_mla" if spec.indexer is None else "full_dsa"
        n, size = fmt.exact(layers, lang), fmt.exact(window, lang)
        parts.append(say(MIXER_SHORT[key], lang, n=n, window=size))
    return " + ".join(parts)


def _kind_rows(spec: Spec, context: int, batch: int, kv_dtype: str) -> list[Row]:
    """The KV cache split by layer kind, as rows ``kv_kind_<kind>``; none if every layer is full.

    Each label names the kind, how many layers have it and their window (or chunk).
    """
    tally = kind_tally(spec)
    if set(tally) == {"full"}:
        return []
    rows = []
    for kind, size in kv_cache_by_kind(spec, context, batch, kv_dtype).items():
        layers, window = tally[kind]
        label = fill(MIXER_LABELS[kind], n=_exact(layers), window=_exact(window))
        rows.append(Row(f"kv_kind_{kind}", label, size))
    return rows


def memory_rows(
    spec: Spec,
    params: int,
    *,
    dtype: str = "bf16",
    kv_dtype: str | None = None,
    context: int,
    batch: int = 1,
) -> MemoryReport:
    """Bytes of weights, KV cache and training state for ``spec``, as rows.

    The rows, by key: ``weights``; for a decoder ``kv_per_token``, ``kv_naive_per_token``
    (MLA models only: `llmsize.memory.kv_cache_naive_mla_bytes_per_token`), ``kv_total``
    (``context`` tokens for each of ``batch`` sequences), its split by layer kind when not every
    layer attends to everything (``kv_kind_full``, ``kv_kind_sliding``…: see
    `llmsize.memory.kv_cache_by_kind`) and ``weights_kv``; then
    ``training_16`` and ``training_18`` (`llmsize.training.TRAINING_CONVENTIONS`).

    Args:
        spec: The architecture.
        params: Its parameters (``counts(spec).total``).
        dtype: Storage format of the weights.
        kv_dtype: Storage format of the KV cache, one of `llmsize.dtypes.KV_CACHE_DTYPES`
            (``None``: as the weights where that is a cache format, else bf16).
        context: Tokens per sequence held in the KV cache.
        batch: Sequences in the batch.

    Returns:
        A `MemoryReport`.

    Raises:
        LLMSizeError: If a format is unknown (or not a cache format), or ``context`` or
            ``batch`` is not a positive integer.
    """
    weights_dtype = get_dtype(dtype)
    if kv_dtype is None:  # as the weights, where that is a cache format; else bf16
        kv_dtype = weights_dtype.name if weights_dtype.name in KV_CACHE_DTYPES else "bf16"
    cache_dtype = get_kv_dtype(kv_dtype)
    check_int("context", context)
    check_int("batch", batch)
    weights = weights_bytes(params, weights_dtype)
    rows = [Row("weights", fill(MEMORY["weights"], dtype=weights_dtype.name), weights)]
    if not spec.encoder:
        per_token = kv_cache_bytes_per_token(spec, cache_dtype)
        label = fill(MEMORY["kv_per_token"], dtype=cache_dtype.name)
        rows.append(Row("kv_per_token", label, per_token))
        if spec.mla is not None:
            naive = kv_cache_naive_mla_bytes_per_token(spec, cache_dtype)
            rows.append(Row("kv_naive_per_token", MEMORY["kv_naive_per_token"], naive))
        kv = kv_cache_bytes(spec, context, batch, cache_dtype)
        label = fill(MEMORY["kv_total"], context=_exact(context), batch=_exact(batch))
        rows.append(Row("kv_total", label, kv))
        rows.extend(_kind_rows(spec, context, batch, cache_dtype.name))
        rows.append(Row("weights_kv", MEMORY["weights_kv"], weights + kv))
    for key in TRAINING_CONVENTIONS:
        state = training_bytes(params, key).total
        rows.append(Row(f"training_{key}", fill(MEMORY["training"], n=key), state))
    return MemoryReport(weights_dtype.name, cache_dtype.name, context, batch, tuple(rows))
