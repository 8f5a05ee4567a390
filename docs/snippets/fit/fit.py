# Will-it-fit page: which models fit on which GPUs, the longest context on one 80 GB GPU,
# DeepSeek-V3's bytes per GPU on two nodes, the speed bounds beside published measurements,
# and training per GPU. A fence includes md.py and charts.py, then this file, and prints one
# function in its language, e.g. fits_table(8192, "zh"). Every figure comes from llmsize:
# bytes from llmsize.plan, limits from llmsize.capacity, bounds from llmsize.bounds and
# llmsize.measured, training from llmsize.trainplan.
from llmsize import fmt, presets
from llmsize.capacity import RELEASED, max_context
from llmsize.hardware import get_gpu
from llmsize.measured import CASES, compare
from llmsize.plan import plan
from llmsize.text import say
from llmsize.trainplan import train_plan

MODELS = (
    "llama-3.1-8b",
    "qwen3-8b",
    "gpt-oss-20b",
    "qwen3-30b-a3b",
    "mixtral-8x7b",
    "gpt-oss-120b",
    "llama-3.1-405b",
    "deepseek-v3",
)
SETUPS = (
    ("rtx-4090", 1),
    ("rtx-5090", 1),
    ("h100-sxm", 1),
    ("h200", 1),
    ("mi300x", 1),
    ("h100-sxm", 8),
    ("h200", 8),
)
SHORT = {
    "rtx-4090": "RTX 4090",
    "rtx-5090": "RTX 5090",
    "h100-sxm": "H100",
    "h200": "H200",
    "mi300x": "MI300X",
    "a100-80gb": "A100 80GB",
    "rtx-3090": "RTX 3090",
    "rtx-4080": "RTX 4080",
    "m1-max": "M1 Max",
    "m2-ultra": "M2 Ultra",
    "m3-max": "M3 Max",
    "m4-max": "M4 Max",
}
_T = {
    "model": {"en": "Model (as released)", "zh": "模型（按发布格式）"},
    "yes": {"en": "✓", "zh": "✓"},
    "no": {"en": "✗", "zh": "✗"},
    "beyond": {"en": "—", "zh": "—"},
    "gpus": {"en": "{n} × {gpu}", "zh": "{n} × {gpu}"},
    "no_fit": {"en": "does not fit", "zh": "放不下"},
    "longest": {
        "en": "Longest context of one sequence on one {gpu}",
        "zh": "单张 {gpu} 上单条序列的最长上下文",
    },
    "part": {"en": "Per GPU", "zh": "每张卡"},
    "total": {"en": "Total with reserve", "zh": "连同预留合计"},
    "capacity": {"en": "GPU memory", "zh": "显存"},
    "verdict": {"en": "Fits", "zh": "放得下"},
    "gpu": {"en": "GPU", "zh": "GPU"},
    "format": {"en": "Format", "zh": "格式"},
    "test": {"en": "Test", "zh": "测试"},
    "measured": {"en": "Measured, tokens/s", "zh": "实测，词元/秒"},
    "bound": {"en": "Bound, tokens/s", "zh": "上界，词元/秒"},
    "ratio": {"en": "Measured / bound", "zh": "实测 / 上界"},
    "source": {"en": "Source", "zh": "出处"},
    "decode": {"en": "decode", "zh": "解码"},
    "test_label": {"en": "{test} ({label})", "zh": "{test}（{label}）"},
    "batch": {"en": ", batch", "zh": "，批大小"},
    "prefill": {"en": "prefill", "zh": "预填充"},
    "setup": {"en": "Setup", "zh": "配置"},
    "method": {"en": "Method", "zh": "方式"},
}
_PARTS = {
    "embedding": {"en": "Embedding", "zh": "词元嵌入"},
    "layers": {"en": "Layers (without routed experts)", "zh": "各层（不含路由专家）"},
    "experts": {"en": "Routed experts", "zh": "路由专家"},
    "head": {"en": "Output head", "zh": "输出头"},
    "kv_cache": {"en": "KV cache", "zh": "KV 缓存"},
    "reserve": {"en": "Reserve (a tenth)", "zh": "预留（十分之一）"},
    "base_weights": {"en": "Frozen base weights", "zh": "冻结的基座权重"},
    "adapters": {"en": "Adapters with gradients and Adam", "zh": "适配器及其梯度与 Adam 状态"},
    "weights": {"en": "Weights", "zh": "权重"},
    "gradients": {"en": "Gradients", "zh": "梯度"},
    "optimizer": {"en": "Optimizer state", "zh": "优化器状态"},
    "activations": {"en": "Activations", "zh": "激活值"},
}


def _name(preset_id):
    return presets.get(preset_id).name


def _setup(gpu, n, lang):
    return say(_T["gpus"], lang, n=n, gpu=SHORT[gpu])


def fits_table(context, lang):
    """Markdown table: each model as released, on each setup, at ``context`` tokens."""
    head = [say(_T["model"], lang)] + [_setup(g, n, lang) for g, n in SETUPS]
    rows = []
    for pid in MODELS:
        spec = presets.load(pid)
        cells = [_name(pid)]
        for gpu, n in SETUPS:
            if spec.context_length and context > spec.context_length:
                cells.append(say(_T["beyond"], lang))
                continue
            ok = plan(spec, gpu, n, context=context, **RELEASED.get(pid, {})).fits
            cells.append(say(_T["yes" if ok else "no"], lang))
        rows.append(cells)
    return table(head, rows, "l" + "c" * len(SETUPS))


def context_heading(context, lang):
    """The context of a table, in tokens: "8,192 tokens" / "8,192 个词元"."""
    return say({"en": "{n} tokens", "zh": "{n} 个词元"}, lang, n=fmt.exact(context, lang))


def longest_chart(lang):
    """Bars: the longest context each model fits at on one H100, capped at its own limit."""
    labels, values, texts = [], [], []
    for pid in MODELS:
        n = max_context(presets.load(pid), "h100-sxm", 1, **RELEASED.get(pid, {}))
        labels.append(_name(pid))
        values.append(n)
        texts.append(fmt.exact(n, lang) if n else say(_T["no_fit"], lang))
    title = say(_T["longest"], lang, gpu=get_gpu("h100-sxm").name[lang])
    return hbar(labels, values, title, texts, lang=lang)


def deepseek_table(lang):
    """Markdown table: DeepSeek-V3 in fp8, bytes on one GPU of 8 x H200 and of 8 x H100."""
    spec = presets.load("deepseek-v3")
    plans = [
        plan(spec, g, 8, context=8192, **RELEASED["deepseek-v3"]) for g in ("h200", "h100-sxm")
    ]
    head = [say(_T["part"], lang)] + [_setup(p.gpu.id, 8, lang) for p in plans]
    rows = [
        [say(_PARTS[k], lang)] + [fmt.bytes_both(p.per_gpu[k], lang) for p in plans]
        for k in plans[0].per_gpu
    ]
    rows.append([say(_T["total"], lang)] + [fmt.bytes_both(p.used, lang) for p in plans])
    rows.append([say(_T["capacity"], lang)] + [fmt.bytes_both(p.gpu.memory, lang) for p in plans])
    rows.append(
        [say(_T["verdict"], lang)] + [say(_T["yes" if p.fits else "no"], lang) for p in plans]
    )
    return table(head, rows, "lrr")


_SOURCES = {
    "llama.cpp discussion #4167": "https://github.com/ggml-org/llama.cpp/discussions/4167",
    "llama.cpp pull request #4766": "https://github.com/ggml-org/llama.cpp/pull/4766",
    "TensorRT-LLM docs/source/performance.md": "https://github.com/NVIDIA/TensorRT-LLM/blob/v0.6.1/docs/source/performance.md",
}


def _source(case):
    name = next(k for k in _SOURCES if case.source.startswith(k))
    short = name.replace(" discussion ", " ").replace(" pull request ", " ")
    short = short.replace(" docs/source/performance.md", "")
    return f"[{short}]({_SOURCES[name]})"


def _label(case, lang):
    return case.label.replace(", batch", say(_T["batch"], lang))


def bounds_table(lang):
    """Markdown table: each published figure beside its bound, and their ratio."""
    head = [_T[k] for k in ("gpu", "format", "test", "measured", "bound", "ratio", "source")]
    rows = []
    for case in CASES:
        c = compare(case)
        gpu = SHORT[case.gpu] if case.gpus == 1 else _setup(case.gpu, case.gpus, lang)
        rows.append(
            [
                gpu,
                case.dtype.upper() if case.dtype.startswith("q") else case.dtype,
                say(
                    _T["test_label"], lang, test=say(_T[case.test], lang), label=_label(case, lang)
                ),
                fmt.decimal(case.measured, lang),
                fmt.decimal(c.bound, lang, 1),
                fmt.decimal(c.ratio, lang, 2),
                _source(case),
            ]
        )
    return table(head, rows, "lllrrrl", lang)


def ratio_note(lang):
    """A sentence: every ratio is below one, from the lowest to the highest."""
    ratios = [compare(c).ratio for c in CASES]
    assert max(ratios) <= 1
    lo, hi = (fmt.decimal(r, lang, 2) for r in (min(ratios), max(ratios)))
    text = {
        "en": "Every ratio is below one, as a bound's must be: from {lo} to {hi}.",
        "zh": "每个比值都小于 1，上界理应如此：最低 {lo}，最高 {hi}。",
    }
    return say(text, lang, lo=lo, hi=hi)


_TRAIN = (
    ({"en": "Full, ZeRO-0", "zh": "全量训练，ZeRO-0"}, "h100-sxm", 1, {"zero": 0}),
    ({"en": "Full, ZeRO-3", "zh": "全量训练，ZeRO-3"}, "h100-sxm", 8, {"zero": 3}),
    ({"en": "LoRA, rank 16", "zh": "LoRA，秩 16"}, "h100-sxm", 1, {"lora": 16}),
    ({"en": "QLoRA, rank 16", "zh": "QLoRA，秩 16"}, "rtx-4090", 1, {"qlora": 16}),
)


def training_table(lang):
    """Markdown table: Llama-3.1-8B trained four ways, bytes per GPU by item."""
    spec = presets.load("llama-3.1-8b")
    plans = [(label, train_plan(spec, g, n, seq=2048, **kw)) for label, g, n, kw in _TRAIN]
    head = [
        say(_T["method"], lang),
        say(_T["setup"], lang),
        say(_T["part"], lang),
        say(_T["capacity"], lang),
        say(_T["verdict"], lang),
    ]
    rows = []
    for label, t in plans:
        parts = "<br>".join(
            f"{say(_PARTS[k], lang)}{'：' if lang == 'zh' else ': '}{fmt.bytes_(v, lang=lang)}"
            for k, v in t.per_gpu.items()
        )
        rows.append(
            [
                say(label, lang),
                _setup(t.gpu.id, t.gpus, lang),
                parts + f"<br>**{fmt.bytes_(t.used, lang=lang)}**",
                fmt.bytes_(t.gpu.memory, lang=lang),
                say(_T["yes" if t.fits else "no"], lang),
            ]
        )
    return table(head, rows, "llrrc")
