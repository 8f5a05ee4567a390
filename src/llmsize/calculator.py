"""The site's in-browser calculator: one call from the form to every figure, as plain data.

The calculator page runs this module under Pyodide in the reader's browser. `calculate`
takes what the form holds (a preset id or a pasted ``config.json``, storage formats, context
length, batch size, language) and returns a JSON-serialisable dict: parameter counts with the
breakdown, weight bytes, the KV cache and the training state, each as an exact ``int`` and as
text formatted by `llmsize.fmt` in the page's language. Every figure comes from the same
functions the rest of llmsize uses (`llmsize.count.counts`, `llmsize.memory`);
nothing is recomputed here.

Bad input never raises: the result is ``{"error": message}`` with llmsize's one-line message
(the same one the command line prints), so the page can show it next to the form.
"""

from __future__ import annotations

import json
from typing import Any

from llmsize import dtypes, fmt, memory, presets, training
from llmsize.count import Counts, Part, counts
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import from_json
from llmsize.spec import Spec

__all__ = ["CONFIG_WHERE", "calculate", "preset_config"]

CONFIG_WHERE = "config.json"
"""How error messages name a pasted config (as `llmsize.hfconfig.read_config` names a
file by its path)."""

_TEXT: dict[str, tuple[str, str]] = {
    "weights": ("Weights ({dtype})", "权重（{dtype}）"),
    "kv_token": ("KV cache per token ({dtype})", "每个词元的 KV 缓存（{dtype}）"),
    "kv_naive": (
        "KV cache per token if MLA cached full keys and values",
        "若 MLA 缓存完整的键和值，每个词元的 KV 缓存",
    ),
    "kv_total": (
        "KV cache ({context} tokens, batch {batch})",
        "KV 缓存（{context} 个词元，批大小 {batch}）",
    ),
    "weights_kv": ("Weights + KV cache", "权重 + KV 缓存"),
    "training": (
        "Training state, {n} bytes per parameter",
        "训练状态，每个参数 {n} 字节",
    ),
    "kv_chart": ("KV cache", "KV 缓存"),
    "weights_chart": ("Weights", "权重"),
    "training_chart": ("Training ({n} B/param)", "训练（每个参数 {n} 字节）"),
    "chart_title": (
        "Memory of {model}: weights ({dtype}), KV cache ({context} tokens, batch {batch})"
        " and training state",
        "{model} 的显存：权重（{dtype}）、KV 缓存（{context} 个词元，批大小 {batch}）与训练状态",
    ),
    "encoder": (
        "An encoder keeps no KV cache: it reads the whole input at once.",
        "编码器不保留 KV 缓存：它一次读入整段输入。",
    ),
    "too_long": (
        "The context ({context} tokens) is longer than the {limit} tokens this model was"
        " trained for; the KV cache is computed for it all the same.",
        "上下文（{context} 个词元）超过了该模型训练时的 {limit} 个词元；KV 缓存仍按所填长度计算。",
    ),
}


def _t(key: str, lang: str, **values: str) -> str:
    en, zh = _TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


def _positive(name: str, value: object) -> int:
    """``value`` if it is a positive int (not a bool), else the error llmsize raises for it."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LLMSizeError(f"{name} must be an integer, got {value!r}")
    if value < 1:
        raise LLMSizeError(f"{name} must be positive, got {value!r}")
    return value


def _spec(model: str, config_text: str | None) -> tuple[Spec, str]:
    """The spec to compute and where it came from (``"config"`` or ``"preset"``)."""
    if config_text is not None and not isinstance(config_text, str):
        raise LLMSizeError(f"config_text must be JSON text, got {type(config_text).__name__}")
    if config_text is not None and config_text.strip():
        return from_json(config_text, where=CONFIG_WHERE), "config"
    if not isinstance(model, str) or not model.strip():
        raise LLMSizeError(f"model must be a preset id or a pasted config.json, got {model!r}")
    preset = presets.get(model.strip())
    return preset.spec, "preset"


def _count(n: int, lang: str) -> dict[str, Any]:
    return {"params": n, "count": fmt.count(n, lang), "exact": fmt.exact(n, lang)}


def _bytes(n: int, lang: str) -> dict[str, Any]:
    return {"bytes": n, "text": fmt.bytes_both(n, lang), "exact": fmt.exact(n, lang)}


def _summary(c: Counts, lang: str) -> list[dict[str, Any]]:
    keys = ["total", "active", "non_embedding", "stored"]
    if c.checkpoint != c.stored:
        keys.append("checkpoint")
    return [{"key": k, "label": fmt.label(k, lang), **_count(getattr(c, k), lang)} for k in keys]


def _breakdown(part: Part, total: int, lang: str) -> list[dict[str, Any]]:
    """Every node under ``part``, depth first, as table rows (labels from `llmsize.fmt.label`)."""
    rows: list[dict[str, Any]] = []

    def walk(node: Part, depth: int, path: str) -> None:
        for child in node.children:
            key = f"{path}.{child.key}" if path else child.key
            rows.append(
                {
                    "path": key,
                    "key": child.key,
                    "depth": depth,
                    "label": fmt.label(child.key, lang),
                    "layers": child.layers,
                    "group": bool(child.children),
                    "share": fmt.percent(child.params, total, lang),
                    **_count(child.params, lang),
                }
            )
            walk(child, depth + 1, key)

    walk(part, 0, "")
    return rows


def _calculate(
    model: str,
    config_text: str | None,
    dtype: str,
    kv_dtype: str,
    context: int,
    batch: int,
    lang: str,
) -> dict[str, Any]:
    lang = fmt.check_lang(lang)
    spec, source = _spec(model, config_text)
    weights_dtype = dtypes.get_dtype(dtype)
    cache_dtype = dtypes.get_dtype(kv_dtype)
    context = _positive("context", context)
    batch = _positive("batch", batch)
    c = counts(spec)

    names = {"dtype": weights_dtype.name, "kv_dtype": cache_dtype.name}
    ctx_text, batch_text = fmt.exact(context, lang), fmt.exact(batch, lang)
    weights = memory.weights_bytes(c.total, weights_dtype)
    rows: list[dict[str, Any]] = [
        {
            "key": "weights",
            "label": _t("weights", lang, dtype=names["dtype"]),
            **_bytes(weights, lang),
        }
    ]
    chart: list[dict[str, Any]] = [
        {"key": "weights", "label": _t("weights_chart", lang), **_bytes(weights, lang)}
    ]
    notes: list[str] = []
    kv_total: int | None = None
    if spec.encoder:
        notes.append(_t("encoder", lang))
    else:
        per_token = memory.kv_cache_bytes_per_token(spec, cache_dtype)
        kv_total = memory.kv_cache_bytes(spec, context, batch, cache_dtype)
        rows.append(
            {
                "key": "kv_per_token",
                "label": _t("kv_token", lang, dtype=names["kv_dtype"]),
                **_bytes(per_token, lang),
            }
        )
        if spec.mla is not None:
            naive = memory.kv_cache_naive_mla_bytes_per_token(spec, cache_dtype)
            rows.append(
                {"key": "kv_naive_per_token", "label": _t("kv_naive", lang), **_bytes(naive, lang)}
            )
        rows.append(
            {
                "key": "kv_total",
                "label": _t("kv_total", lang, context=ctx_text, batch=batch_text),
                **_bytes(kv_total, lang),
            }
        )
        rows.append(
            {
                "key": "weights_kv",
                "label": _t("weights_kv", lang),
                **_bytes(weights + kv_total, lang),
            }
        )
        chart.append({"key": "kv_total", "label": _t("kv_chart", lang), **_bytes(kv_total, lang)})
        if spec.context_length and context > spec.context_length:
            limit = fmt.exact(spec.context_length, lang)
            notes.append(_t("too_long", lang, context=ctx_text, limit=limit))
    for convention in training.TRAINING_CONVENTIONS:
        state = training.training_bytes(c.total, convention).total
        rows.append(
            {
                "key": f"training_{convention}",
                "label": _t("training", lang, n=convention),
                **_bytes(state, lang),
            }
        )
        chart.append(
            {
                "key": f"training_{convention}",
                "label": _t("training_chart", lang, n=convention),
                **_bytes(state, lang),
            }
        )

    summary = _summary(c, lang)
    by_key = {row["key"]: row for row in summary}
    return {
        "model": spec.name,
        "source": source,
        "lang": lang,
        **names,
        "context": context,
        "batch": batch,
        "max_context": spec.context_length,
        "moe": spec.moe is not None,
        "mla": spec.mla is not None,
        "encoder": spec.encoder,
        "total": by_key["total"],
        "active": by_key["active"],
        "summary": summary,
        "breakdown": _breakdown(c.breakdown, c.total, lang),
        "weights_bytes": weights,
        "kv_cache_bytes": kv_total,
        "memory": rows,
        "chart": chart,
        "chart_title": _t(
            "chart_title",
            lang,
            model=spec.name,
            dtype=names["dtype"],
            context=ctx_text,
            batch=batch_text,
        ),
        "notes": notes,
    }


def calculate(
    model: str,
    config_text: str | None,
    dtype: str,
    kv_dtype: str,
    context: int,
    batch: int,
    lang: str,
) -> dict[str, Any]:
    """Every figure the calculator page shows, for one model and one setting of the form.

    Args:
        model: A preset id (``"deepseek-v3"``); ignored when ``config_text`` holds a config.
        config_text: The text of a Hugging Face ``config.json``, or ``None``/blank to use the
            preset.
        dtype: Storage format of the weights (a key or alias of `llmsize.memory.DTYPES`).
        kv_dtype: Storage format of the KV cache.
        context: Tokens per sequence held in the KV cache.
        batch: Sequences served at once.
        lang: ``"en"`` or ``"zh"``: the language of every label and formatted figure.

    Returns:
        Plain data (ints, strings, lists, dicts; ``json.dumps`` takes it as it is). Keys:
        ``model`` (display name), ``source`` (``"preset"`` or ``"config"``), ``dtype`` and
        ``kv_dtype`` (canonical names), ``context``, ``batch``, ``max_context``, ``moe``,
        ``mla``, ``encoder``; ``total`` and ``active`` (each ``{"key", "label", "params",
        "count", "exact"}``); ``summary`` (those rows for total, active, non-embedding, stored
        and, for a block-quantized release, checkpoint values); ``breakdown`` (one row per part,
        depth first, with ``path``, ``depth``, ``label``, ``layers``, ``group``, ``share`` and the
        count fields); ``weights_bytes`` and ``kv_cache_bytes`` (``None`` for an encoder);
        ``memory`` (rows ``{"key", "label", "bytes", "text", "exact"}``: weights, KV cache per
        token, the naive MLA figure where the model uses MLA, KV cache for the batch, weights
        plus KV cache, training state under the 16 and 18 bytes-per-parameter conventions);
        ``chart`` (the rows to draw) with ``chart_title``; ``notes`` (sentences to show).

        For bad input, ``{"error": message}`` instead: llmsize's one-line message (malformed
        JSON with its line and column, an unsupported ``model_type``, a missing or out-of-range
        key, an unknown preset or dtype, a context or batch that is not a positive integer).
    """
    try:
        return _calculate(model, config_text, dtype, kv_dtype, context, batch, lang)
    except LLMSizeError as err:
        return {"error": str(err)}
    except ValueError as err:  # e.g. a figure too long for Python's int-to-text limit
        return {"error": " ".join(str(err).split())}


def preset_config(model: str) -> dict[str, Any]:
    """The ``config.json`` of a preset as indented JSON text, to edit in the page's form.

    Args:
        model: A preset id.

    Returns:
        ``{"config": text}``, or ``{"error": message}`` for an unknown preset.
    """
    try:
        if not isinstance(model, str):
            raise LLMSizeError(f"model must be a preset id, got {model!r}")
        preset = presets.get(model)
    except LLMSizeError as err:
        return {"error": str(err)}
    return {"config": json.dumps(preset.config, indent=2, ensure_ascii=False)}
