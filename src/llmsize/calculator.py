"""The site's in-browser calculator: one call from the form to every figure, as plain data.

The calculator page runs this module under Pyodide in the reader's browser. `calculate`
takes what the form holds (a preset id or a pasted ``config.json``, storage formats, context
length, batch size, language) and returns a JSON-serialisable dict: parameter counts with the
breakdown, weight bytes, the KV cache and the training state, each as an exact ``int`` and as
text formatted by `llmsize.fmt` in the page's language. Every figure comes from the same
functions the rest of llmsize uses, in the rows `llmsize.report` builds for the command line
too; nothing is recomputed here.

Bad input never raises: the result is ``{"error": message}`` with llmsize's one-line message
(the same one the command line prints), so the page can show it next to the form.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar, cast

from llmsize import fmt, presets
from llmsize.count import Counts, counts
from llmsize.errors import LLMSizeError
from llmsize.fitreport import fit_report
from llmsize.hfconfig import from_json
from llmsize.report import (
    MemoryReport,
    breakdown_rows,
    layer_kinds,
    memory_rows,
    short_counts,
    summary_rows,
)
from llmsize.serving import naive_kv_cache_bytes
from llmsize.spec import Spec
from llmsize.text import UI, check_lang, say

__all__ = ["CONFIG_WHERE", "calculate", "preset_config"]

CONFIG_WHERE = "config.json"
"""How error messages name a pasted config (as `llmsize.hfconfig.read_config` names a
file by its path)."""


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
    rows = summary_rows(c)
    return [
        {"key": row.key, "label": say(row.label, lang), **_count(row.value, lang), "count": short}
        for row, short in zip(rows, short_counts(rows, lang), strict=True)
    ]


def _breakdown(c: Counts, lang: str) -> list[dict[str, Any]]:
    """Every part, depth first, as table rows (`llmsize.report.breakdown_rows`)."""
    return [
        {
            "path": row.path,
            "key": row.key,
            "depth": row.depth,
            "label": row.name(lang),
            "layers": row.layers,
            "group": row.group,
            "share": fmt.percent(row.params, c.total, lang),
            **_count(row.params, lang),
        }
        for row in breakdown_rows(c.breakdown)
    ]


def _chart(mem: MemoryReport, lang: str) -> list[dict[str, Any]]:
    """The rows to draw: weights, KV cache for the batch, training state; short labels."""
    out = []
    for row in mem.rows:
        if row.key in ("weights", "kv_total"):
            label = say(UI[f"chart_{row.key}"], lang)
        elif row.key.startswith("training_"):
            label = say(UI["chart_training"], lang, n=row.key.removeprefix("training_"))
        else:
            continue
        out.append({"key": row.key, "label": label, **_bytes(row.value, lang)})
    return out


def _notes(spec: Spec, mem: MemoryReport, lang: str) -> list[str]:
    if spec.encoder:
        return [say(UI["note_encoder"], lang)]
    notes = []
    if mem.kv_by_kind():
        naive = naive_kv_cache_bytes(spec, mem.context, mem.batch, mem.kv_dtype)
        layers, model = layer_kinds(spec, lang), spec.name
        size = fmt.bytes_both(naive, lang)
        notes.append(say(UI["note_kinds"], lang, model=model, layers=layers, naive=size))
    if spec.context_length and mem.context > spec.context_length:
        limit, ctx = fmt.exact(spec.context_length, lang), fmt.exact(mem.context, lang)
        notes.append(say(UI["note_too_long"], lang, context=ctx, limit=limit))
    return notes


def _vision_note(c: Counts, lang: str) -> list[str]:
    """What total, active and non-embedding mean for a vision-language model (else none).

    A model with an audio encoder (Gemma 4) gets a second note on that part.
    """
    notes = [say(UI["note_vision"], lang, n=fmt.count(c.vision, lang))] if c.vision else []
    return notes + ([say(UI["note_audio"], lang, n=fmt.count(c.audio, lang))] if c.audio else [])


def _result(spec: Spec, source: str, c: Counts, mem: MemoryReport, lang: str) -> dict[str, Any]:
    """The page's data for ``spec``: its counts ``c`` and memory rows ``mem``, in ``lang``."""
    summary = _summary(c, lang)
    context, batch = fmt.exact(mem.context, lang), fmt.exact(mem.batch, lang)
    title = say(
        UI["chart_title"], lang, model=spec.name, dtype=mem.dtype, context=context, batch=batch
    )
    return {
        "model": spec.name,
        "source": source,
        "lang": lang,
        "dtype": mem.dtype,
        "kv_dtype": mem.kv_dtype,
        "context": mem.context,
        "batch": mem.batch,
        "max_context": spec.context_length,
        "moe": spec.moe is not None,
        "mla": spec.mla is not None,
        "encoder": spec.encoder,
        "total": summary[0],
        "active": summary[1],
        "summary": summary,
        "breakdown": _breakdown(c, lang),
        "weights_bytes": mem.get("weights"),
        "kv_cache_bytes": mem.get("kv_total"),
        "memory": [
            {"key": row.key, "label": say(row.label, lang), **_bytes(row.value, lang)}
            for row in mem.rows
        ],
        "chart": _chart(mem, lang),
        "chart_title": title,
        "notes": _notes(spec, mem, lang) + _vision_note(c, lang),
    }


_Result = TypeVar("_Result", bound=Callable[..., dict[str, Any]])


def _errors_as_data(func: _Result) -> _Result:
    """``func``, returning ``{"error": message}`` for bad input instead of raising."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return func(*args, **kwargs)
        except ValueError as err:  # LLMSizeError, or e.g. Python's int-to-text digit limit
            return {"error": " ".join(str(err).split())}

    return cast(_Result, wrapper)


@_errors_as_data
def calculate(
    model: str,
    config_text: str | None,
    dtype: str,
    kv_dtype: str,
    context: int,
    batch: int,
    lang: str,
    gpu: str | None = None,
    gpus: int | None = None,
) -> dict[str, Any]:
    """Every figure the calculator page shows, for one model and one setting of the form.

    Args:
        model: A preset id (``"deepseek-v3"``); ignored when ``config_text`` holds a config.
        config_text: The text of a Hugging Face ``config.json``, or ``None``/blank to use the
            preset.
        dtype: Storage format of the weights (a key or alias of `llmsize.dtypes.DTYPES`).
        kv_dtype: Storage format of the KV cache.
        context: Tokens per sequence held in the KV cache.
        batch: Sequences served at once.
        lang: ``"en"`` or ``"zh"``: the language of every label and formatted figure.
        gpu: A catalog id (`llmsize.hardware`), or ``None``/blank for no GPU.
        gpus: How many of ``gpu`` (default 1), one tensor-parallel group.

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
        ``chart`` (the rows to draw) with ``chart_title``; ``notes`` (sentences to show);
        ``fit`` (`llmsize.fitreport.fit_report`'s answer for ``gpu``, or ``None``).

        For bad input, ``{"error": message}`` instead: llmsize's one-line message (malformed
        JSON with its line and column, an unsupported ``model_type``, a missing or out-of-range
        key, an unknown preset or dtype, a context or batch that is not a positive integer).
    """
    lang = check_lang(lang)
    spec, source = _spec(model, config_text)
    c = counts(spec)
    mem = memory_rows(spec, c.total, dtype=dtype, kv_dtype=kv_dtype, context=context, batch=batch)
    fit = None
    if gpu:
        fit = fit_report(
            spec,
            gpu,
            1 if gpus is None else gpus,
            dtype=mem.dtype,
            kv_dtype=mem.kv_dtype,
            context=mem.context,
            batch=mem.batch,
            lang=lang,
        )
    return {**_result(spec, source, c, mem, lang), "fit": fit}


@_errors_as_data
def preset_config(model: str) -> dict[str, Any]:
    """The ``config.json`` of a preset as indented JSON text, to edit in the page's form.

    Args:
        model: A preset id.

    Returns:
        ``{"config": text}``, or ``{"error": message}`` for an unknown preset.
    """
    if not isinstance(model, str):
        raise LLMSizeError(f"model must be a preset id, got {model!r}")
    preset = presets.get(model)
    return {"config": json.dumps(preset.config, indent=2, ensure_ascii=False)}
