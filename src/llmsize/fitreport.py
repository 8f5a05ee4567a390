"""Will-it-fit answers as labelled rows, shared by the command line and the calculator.

`FIT_TEXT` words every label in both languages; `byte_rows` lays out a plan's bytes per GPU;
`fit_report` is what the calculator shows for a model on a GPU and a count (plain data, like
`llmsize.calculator.calculate`). The figures are `llmsize.plan`'s, `llmsize.capacity`'s and
`llmsize.bounds`'s; nothing is computed here.
"""

from __future__ import annotations

from typing import Any

from llmsize import fmt
from llmsize.bounds import bounds
from llmsize.capacity import max_batch, max_context
from llmsize.errors import LLMSizeError, check_int
from llmsize.plan import plan
from llmsize.spec import Spec
from llmsize.text import Text, say

__all__ = ["FIT_TEXT", "byte_rows", "fit_report"]

FIT_TEXT: dict[str, Text] = {
    "embedding": {"en": "Embedding", "zh": "词元嵌入"},
    "layers": {"en": "Layers (without routed experts)", "zh": "各层（不含路由专家）"},
    "experts": {"en": "Routed experts", "zh": "路由专家"},
    "head": {"en": "Output head", "zh": "输出头"},
    "kv_cache": {"en": "KV cache / state", "zh": "KV 缓存 / 状态"},
    "reserve": {"en": "Reserve (activations, runtime)", "zh": "预留（激活值、运行时）"},
    "base_weights": {"en": "Frozen base weights", "zh": "冻结的基座权重"},
    "adapters": {"en": "Adapters, gradients, Adam", "zh": "适配器、梯度与 Adam 状态"},
    "weights": {"en": "Weights", "zh": "权重"},
    "gradients": {"en": "Gradients", "zh": "梯度"},
    "optimizer": {"en": "Optimizer state", "zh": "优化器状态"},
    "partitioned": {"en": "Partitioned state", "zh": "分片的状态"},
    "gather": {"en": "Gather buffer", "zh": "聚合缓冲区"},
    "activations": {"en": "Activations (one micro-batch)", "zh": "激活值（一个微批次）"},
    "used": {"en": "Per GPU", "zh": "每卡合计"},
    "capacity": {"en": "GPU memory", "zh": "显存"},
    "fits": {"en": "Fits", "zh": "放得下"},
    "no_fit": {"en": "Does not fit", "zh": "放不下"},
    "max_context": {"en": "Longest context at this batch", "zh": "此批大小下的最长上下文"},
    "max_batch": {"en": "Most sequences at this context", "zh": "此上下文下的最多序列数"},
    "min_gpus": {"en": "Fewest GPUs of this kind", "zh": "同型号最少卡数"},
    "decode": {"en": "Decode, tokens/s (upper bound)", "zh": "解码，词元/秒（上界）"},
    "prefill": {"en": "Prefill, seconds (lower bound)", "zh": "预填充，秒（下界）"},
    "none": {"en": "none up to 64", "zh": "64 张以内都放不下"},
    "gpu_id": {"en": "Id", "zh": "标识"},
    "gpu_name": {"en": "Accelerator", "zh": "加速卡"},
    "bw": {"en": "Bandwidth, GB/s", "zh": "带宽，GB/s"},
    "peak": {"en": "bf16/fp16 dense, TFLOPS", "zh": "bf16/fp16 稠密算力，TFLOPS"},
    "title": {"en": "{model} on {n} × {gpu}: {verdict}", "zh": "{model}，{n} × {gpu}：{verdict}"},
}
"""Labels of the fit and train answers, in both languages."""


def byte_rows(parts: dict[str, int], used: int, capacity: int, lang: str) -> list[dict[str, Any]]:
    """Rows ``{"key", "label", "bytes", "text", "exact"}``: the parts held, sum, capacity."""
    items = [*((k, v) for k, v in parts.items() if v), ("used", used), ("capacity", capacity)]
    return [
        {
            "key": key,
            "label": say(FIT_TEXT[key], lang),
            "bytes": value,
            "text": fmt.bytes_both(value, lang),
            "exact": fmt.exact(value, lang),
        }
        for key, value in items
    ]


def fit_report(
    spec: Spec,
    gpu: str,
    gpus: int,
    *,
    dtype: str,
    kv_dtype: str,
    context: int,
    batch: int,
    lang: str,
) -> dict[str, Any]:
    """What the calculator shows for ``spec`` on ``gpus`` of ``gpu`` (all in one TP group).

    Returns:
        ``{"title", "fits", "rows", "answers"}``: the verdict in a sentence, whether it fits,
        the bytes per GPU as `byte_rows`, and the longest context, most sequences and the two
        bounds as ``{"key", "label", "value", "text"}`` rows (``value`` ``None`` where none).

    Raises:
        LLMSizeError: As `llmsize.plan.plan`.
    """
    n = check_int("gpus", gpus)
    options: dict[str, Any] = {"dtype": dtype, "kv_dtype": kv_dtype}
    p = plan(spec, gpu, n, context=context, batch=batch, **options)
    b = bounds(spec, p)
    try:
        most: int | None = max_batch(spec, gpu, n, context=context, **options)
    except LLMSizeError:  # a model that keeps no cache
        most = None
    longest = max_context(spec, gpu, n, batch=batch, **options)
    answers = [
        ("max_context", longest, fmt.exact(longest, lang)),
        ("max_batch", most, "-" if most is None else fmt.exact(most, lang)),
        ("decode", None, fmt.decimal(b.decode_tokens_per_s, lang, 1)),
        ("prefill", None, fmt.decimal(b.prefill_seconds, lang, 4)),
    ]
    verdict = say(FIT_TEXT["fits" if p.fits else "no_fit"], lang)
    title = say(
        FIT_TEXT["title"], lang, model=spec.name, n=n, gpu=p.gpu.name[lang], verdict=verdict
    )
    return {
        "title": title,
        "fits": p.fits,
        "verdict": verdict,
        "rows": byte_rows(p.per_gpu, p.used, p.gpu.memory, lang),
        "answers": [
            {"key": k, "label": say(FIT_TEXT[k], lang), "value": v, "text": t}
            for k, v, t in answers
        ],
    }
