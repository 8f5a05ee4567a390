# Memory page, what each kind of layer keeps: today's models at a long context, their cache
# split by layer kind (llmsize.memory.kv_cache_by_kind) against the usual "every layer keeps
# every token" estimate (llmsize.serving.naive_kv_cache_bytes), and a chart of the cache over
# the context. Included after md.py and memory/common.py (and charts.py for the chart).
from llmsize import fmt, memory, presets, report, serving
from llmsize.text import say

KIND_MODELS = (
    "gemma-3-27b",
    "gpt-oss-120b",
    "llama-4-scout",
    "qwen3-next-80b-a3b",
    "nemotron-h",
    "llama-3.1-8b",
    "deepseek-v3",
)
LONG = 131072  # tokens: the "128K" context of the table
CONTEXTS = tuple(1024 * 2**i for i in range(8))  # 1K .. 128K tokens

_KINDS_TEXT = {
    "head": [
        {"en": "Model", "zh": "模型"},
        {"en": "Layers, by kind", "zh": "各类层的层数"},
        {"en": "KV cache at {t} tokens", "zh": "{t} 个词元时的 KV 缓存"},
        {"en": "If every layer kept every token", "zh": "若每层都保留全部词元"},
        {"en": "Overestimate", "zh": "高估倍数"},
    ],
    "chart_title": {
        "en": "KV cache of one sequence by context length (bf16)",
        "zh": "一条序列的 KV 缓存随上下文长度的变化（bf16）",
    },
    "chart_x": {"en": "Context length (tokens, log scale)", "zh": "上下文长度（词元，对数刻度）"},
    "chart_y": {"en": "KV cache (GB)", "zh": "KV 缓存（GB）"},
}


def kinds_table(lang):
    """Markdown table: each model's cache at 128K tokens against the every-layer estimate."""
    rows = []
    for preset_id in KIND_MODELS:
        spec = presets.load(preset_id)
        exact = memory.kv_cache_bytes(spec, LONG)
        naive = serving.naive_kv_cache_bytes(spec, LONG)
        rows.append(
            [
                spec.name,
                report.layer_kinds(spec, lang),
                fmt.bytes_both(exact, lang),
                fmt.bytes_both(naive, lang),
                fmt.times(naive, exact, lang),
            ]
        )
    head = [dict(h) for h in _KINDS_TEXT["head"]]
    head[2] = {k: v.format(t=fmt.exact(LONG, k)) for k, v in head[2].items()}
    return table(head, rows, "llrrr", lang)


def kinds_chart(lang):
    """SVG: the cache of one sequence over the context, one line per model."""
    series = []
    for preset_id in KIND_MODELS:
        spec = presets.load(preset_id)
        series.append((spec.name, [memory.kv_cache_bytes(spec, t) for t in CONTEXTS]))
    return lines(
        list(CONTEXTS),
        series,
        say(_KINDS_TEXT["chart_title"], lang),
        xlabel=say(_KINDS_TEXT["chart_x"], lang),
        ylabel=say(_KINDS_TEXT["chart_y"], lang),
        value_format=lambda v: fmt.bytes_(v, "GB", lang),
        x_format=lambda x: f"{x // 1024}K",
        logx=True,
        lang=lang,
    )
