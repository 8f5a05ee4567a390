# The calculator page: the form, built at build time from llmsize itself (presets, storage
# formats, supported model types), so its lists cannot drift from the library the browser runs.
# A page includes this file, then prints form("en") (in a fence with html="1") or
# model_types("zh"). The reader's browser runs llmsize.calculator.calculate() under Pyodide;
# docs/assets/calculator/calculator.js wires the form, docs/hooks/calculator.py self-hosts
# Pyodide and the llmsize wheel.
from fractions import Fraction
from html import escape

import llmsize
from llmsize import dtypes, hfconfig, presets, training
from llmsize.calculator import calculate
from llmsize.text import say

DEFAULT_PRESET = "deepseek-v3"
DEFAULT_DTYPE = "bf16"
DEFAULT_CONTEXT = 4096
DEFAULT_BATCH = 1
# The page sits at <root>calculator/ in English and <root>zh/calculator/ in Chinese; the script,
# its stylesheet, the Pyodide runtime and the wheel are published once, under <root>assets/.
ROOT = {"en": "../", "zh": "../../"}
WHEEL = f"llmsize-{llmsize.__version__}-py3-none-any.whl"

# What the browser computes is what the build computes (the same function, the same wheel):
# pin it to figures published elsewhere. Llama-2-7B: the Hugging Face Hub's safetensors total
# for meta-llama/Llama-2-7b-hf. DeepSeek-V3: the Hub's safetensors total for
# deepseek-ai/DeepSeek-V3 (every value of the fp8 checkpoint, scales included: its "685B").
_llama = calculate("llama-2-7b", None, "bf16", "bf16", DEFAULT_CONTEXT, DEFAULT_BATCH, "en")
assert _llama["total"]["params"] == 6_738_415_616
_dsv3 = calculate(DEFAULT_PRESET, None, "bf16", "bf16", DEFAULT_CONTEXT, DEFAULT_BATCH, "en")
_checkpoint = {row["key"]: row["params"] for row in _dsv3["summary"]}["checkpoint"]
assert _checkpoint == 684_531_386_000

_TEXT = {
    "en": {
        "model": "Model",
        "edit": "Edit its config.json",
        "config": "config.json",
        "config_hint": "Optional. Paste a model's config.json from the Hugging Face Hub; when this"
        " box is not empty it is used instead of the preset.",
        "placeholder": '{"model_type": "llama", "hidden_size": …}',
        "dtype": "Weights stored as",
        "kv_dtype": "KV cache stored as",
        "context": "Context length (tokens)",
        "batch": "Batch (sequences)",
        "bits": "bits",
        "run": "Calculate",
        "clear": "Clear config.json",
        "noscript": "The calculator runs in your browser and needs JavaScript.",
        "runtime": "Loading the Python runtime (once per visit)…",
        "library": "Installing llmsize…",
        "ready": "Python is ready; computing…",
        "failed": "The Python runtime could not be loaded:",
        "config_used": "The pasted config.json is used; clear it to go back to the preset.",
        "result_for": "Results for",
        "from_preset": "preset",
        "from_config": "pasted config.json",
        "count": "Count",
        "params": "Parameters",
        "exactly": "Exactly",
        "memory": "Memory",
        "size": "Size",
        "bytes": "Bytes",
        "part": "Part",
        "share": "Share",
        "breakdown": "Where the parameters are: every part of the model",
    },
    "zh": {
        "model": "模型",
        "edit": "编辑它的 config.json",
        "config": "config.json",
        "config_hint": "可选。粘贴 Hugging Face Hub 上某个模型的 config.json；只要这里不为空，"
        "就用它代替上面选中的预设。",
        "placeholder": '{"model_type": "llama", "hidden_size": …}',
        "dtype": "权重存储格式",
        "kv_dtype": "KV 缓存存储格式",
        "context": "上下文长度（词元数）",
        "batch": "批大小（序列数）",
        "bits": "位",
        "run": "计算",
        "clear": "清空 config.json",
        "noscript": "计算器在浏览器里运行，需要启用 JavaScript。",
        "runtime": "正在加载 Python 运行时（每次访问只需一次）……",
        "library": "正在安装 llmsize……",
        "ready": "Python 已就绪，正在计算……",
        "failed": "Python 运行时加载失败：",
        "config_used": "正在使用粘贴的 config.json；清空它即可改回预设。",
        "result_for": "计算结果：",
        "from_preset": "预设",
        "from_config": "粘贴的 config.json",
        "count": "口径",
        "params": "参数量",
        "exactly": "精确值",
        "memory": "显存",
        "size": "大小",
        "bytes": "字节数",
        "part": "部分",
        "share": "占比",
        "breakdown": "参数都在哪里：模型的每个部分",
    },
}


def _attr(text):
    return escape(str(text), quote=True)


def _bits(dtype):
    """Bits per weight as a short decimal: 16, 8.5, 8.002 (fp8 with its block scales)."""
    bits = Fraction(dtype.bits)
    if bits.denominator == 1:
        return str(bits.numerator)
    return f"{float(bits):.3f}".rstrip("0").rstrip(".")


def preset_options():
    """``<option>`` per bundled preset, by display name; DeepSeek-V3 selected."""
    items = sorted(((presets.get(i).name, i) for i in presets.ids()), key=lambda x: x[0].casefold())
    return "".join(
        f'<option value="{_attr(i)}"{" selected" if i == DEFAULT_PRESET else ""}>'
        f"{escape(name)}</option>"
        for name, i in items
    )


def dtype_options(lang, *, cache):
    """``<option>`` per storage format of llmsize.dtypes.DTYPES (cache formats only for the KV
    cache: a format with 128x128 weight-matrix tiles cannot hold a cached vector)."""
    t = _TEXT[lang]
    out = []
    for name, dtype in dtypes.DTYPES.items():
        if cache and dtype.kind == "fp8_block":
            continue
        title = say(dtype.description, lang)
        selected = " selected" if name == DEFAULT_DTYPE else ""
        out.append(
            f'<option value="{_attr(name)}" title="{_attr(title)}"{selected}>'
            f"{escape(name)} · {_bits(dtype)} {t['bits']}</option>"
        )
    return "".join(out)


def tag(name, content="", /, **attrs):
    """An HTML element; attribute names use ``_`` for ``-`` (``aria_describedby``), ``True``
    stands for a bare attribute, ``None``/``False`` leaves it out; ``content`` is raw HTML."""
    parts = [name]
    for key, value in attrs.items():
        key = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(key)
        elif value not in (None, False):
            parts.append(f'{key}="{_attr(value)}"')
    if name in ("input", "link"):
        return f"<{' '.join(parts)}>"
    return f"<{' '.join(parts)}>{content}</{name}>"


def _table(table_id, heads, numeric):
    """An empty table with its header row; the script fills the body."""
    cells = "".join(
        tag("th", escape(h), class_="calc-num" if n else None)
        for h, n in zip(heads, numeric, strict=True)
    )
    return tag("table", tag("thead", tag("tr", cells)) + tag("tbody"), id=table_id)


def _field(field_id, label, control, wide=False):
    return tag(
        "div",
        tag("label", escape(label), for_=field_id) + control,
        class_="calc-field calc-wide" if wide else "calc-field",
    )


def _number(field_id, name, value):
    return tag(
        "input",
        id=field_id,
        name=name,
        type="number",
        min="1",
        step="1",
        inputmode="numeric",
        value=value,
        aria_describedby="calc-error",
    )


def form(lang):
    """The whole calculator: form, status line, error line, empty results, the script."""
    t = _TEXT[lang]
    root = ROOT[lang]
    messages = {
        f"data_msg_{key}": t[key]
        for key in (
            "runtime",
            "library",
            "ready",
            "failed",
            "config_used",
            "from_preset",
            "from_config",
            "result_for",
        )
    }
    model = tag(
        "div",
        tag("select", preset_options(), id="calc-model", name="model")
        + tag(
            "button",
            escape(t["edit"]),
            type="button",
            id="calc-edit",
            class_="md-button",
            disabled=True,
        ),
        class_="calc-row",
    ) + tag("p", escape(t["config_used"]), id="calc-source-hint", class_="calc-hint", hidden=True)
    config = tag(
        "textarea",
        id="calc-config",
        name="config",
        rows="6",
        spellcheck="false",
        autocomplete="off",
        aria_describedby="calc-config-hint calc-error",
        placeholder=t["placeholder"],
    ) + tag(
        "p",
        escape(t["config_hint"])
        + " "
        + tag(
            "button",
            escape(t["clear"]),
            type="button",
            id="calc-clear",
            class_="calc-link",
            hidden=True,
        ),
        id="calc-config-hint",
        class_="calc-hint",
    )
    fields = tag(
        "div",
        _field("calc-model", t["model"], model, wide=True)
        + _field("calc-config", t["config"], config, wide=True)
        + _field(
            "calc-dtype",
            t["dtype"],
            tag("select", dtype_options(lang, cache=False), id="calc-dtype", name="dtype"),
        )
        + _field(
            "calc-kv-dtype",
            t["kv_dtype"],
            tag("select", dtype_options(lang, cache=True), id="calc-kv-dtype", name="kv_dtype"),
        )
        + _field("calc-context", t["context"], _number("calc-context", "context", DEFAULT_CONTEXT))
        + _field("calc-batch", t["batch"], _number("calc-batch", "batch", DEFAULT_BATCH)),
        class_="calc-fields",
    )
    status = tag(
        "span",
        tag("progress", id="calc-progress", max="3", value="0")
        + " "
        + tag("span", id="calc-status-text"),
        id="calc-status",
        class_="calc-status",
        role="status",
        hidden=True,
    )
    actions = tag(
        "div",
        tag(
            "button",
            escape(t["run"]),
            type="submit",
            id="calc-run",
            class_="md-button md-button--primary",
            disabled=True,
        )
        + status,
        class_="calc-actions",
    )
    the_form = tag(
        "form",
        fields
        + tag("p", id="calc-error", class_="calc-error", role="alert", hidden=True)
        + actions
        + tag("noscript", tag("p", escape(t["noscript"]), class_="calc-error")),
        id="llmsize-calculator",
        class_="llmsize-calculator",
        data_lang=lang,
        data_wheel=WHEEL,
        novalidate=True,
        **messages,
    )
    results = tag(
        "section",
        tag("p", id="calc-model-name", class_="calc-model-name")
        + tag("ul", id="calc-notes", class_="calc-notes")
        + tag(
            "div",
            _table("calc-summary", [t["count"], t["params"], t["exactly"]], [False, True, True])
            + _table("calc-memory", [t["memory"], t["size"], t["bytes"]], [False, True, True]),
            class_="calc-tables",
        )
        + tag(
            "figure", tag("figcaption", id="calc-chart-title"), id="calc-chart", class_="calc-chart"
        )
        + tag(
            "details",
            tag("summary", escape(t["breakdown"]))
            + _table(
                "calc-breakdown",
                [t["part"], t["params"], t["exactly"], t["share"]],
                [False, True, True, True],
            ),
            id="calc-breakdown-box",
            class_="calc-breakdown",
            open=True,
        ),
        id="calc-results",
        class_="calc-results",
        aria_live="polite",
        hidden=True,
    )
    return "\n".join(
        [
            tag("link", rel="stylesheet", href=f"{root}assets/calculator/calculator.css"),
            the_form,
            results,
            tag("script", type="module", src=f"{root}assets/calculator/calculator.js"),
        ]
    )


def model_types(lang):
    """The ``model_type`` values a pasted config may have, as inline code."""
    sep = "、" if lang == "zh" else ", "
    return sep.join(f"`{m}`" for m in hfconfig.SUPPORTED_MODEL_TYPES)


_FIGURES = {
    "en": {
        "head": "| Figure | How llmsize computes it |",
        "rows": [
            (
                "total",
                "Every trained weight, with shared (tied) matrices counted once: what"
                " `sum(p.numel() for p in model.parameters())` gives in transformers. This is"
                " the headline figure.",
            ),
            (
                "active",
                "What one token runs through: everything except the routed experts, plus the"
                " experts the router picks for it in each MoE layer. Equal to the total for a"
                " dense model.",
            ),
            (
                "non_embedding",
                "The total without the vocabulary-sized tables (token, position and token-type"
                " embeddings, and an output head that is not tied to the embedding).",
            ),
            (
                "stored",
                "What the released files hold: the total plus DeepSeek-V3's multi-token-prediction"
                " module and router correction biases. For an fp8 release, the checkpoint row adds"
                " the scale factors stored beside the weights.",
            ),
            (
                "weights",
                "Total parameters × bytes per parameter of the chosen format, rounded up to whole"
                " bytes; GGUF formats are counted in whole blocks, scales included. Every weight"
                " is assumed to be in that one format, while real files often keep norms (and"
                " sometimes the embeddings) in a wider one.",
            ),
            (
                "kv_token",
                "Per token, a key and a value vector for each KV head in each layer: `2·L·K·H`"
                " values, so grouped-query attention saves by making `K` small. MLA caches one"
                " compressed latent and one shared rotary key per layer instead:"
                " `L·(kv_lora_rank + qk_rope_head_dim)` values.",
            ),
            (
                "kv_naive",
                "Only for MLA: the cache if each head's decompressed key and value were kept, as"
                " a plain attention implementation does. The gap is what MLA saves.",
            ),
            (
                "kv_total",
                "Per token × context length × batch. An encoder such as BERT keeps no KV cache.",
            ),
        ],
        "training": "Training state, {key} bytes per parameter",
        "training_text": "{description} Source: {source}. Activations are not included.",
    },
    "zh": {
        "head": "| 数字 | llmsize 怎么算 |",
        "rows": [
            (
                "total",
                "模型全部可训练的权重，共享（绑定）的矩阵只算一次，即 transformers 中"
                " `sum(p.numel() for p in model.parameters())` 的结果，也就是常说的那个数。",
            ),
            (
                "active",
                "一个词元实际经过的部分：除路由专家以外的全部参数，"
                "加上每个 MoE 层里路由器为它选中的专家。稠密模型的激活参数量等于总参数量。",
            ),
            (
                "non_embedding",
                "总数减去与词表大小成正比的几张表（词嵌入、位置嵌入、分段嵌入，以及未与嵌入共享的"
                "输出头）。",
            ),
            (
                "stored",
                "发布的权重文件里存了什么：总数，"
                "加上 DeepSeek-V3 的多词元预测模块和路由器的校正偏置。"
                "对 fp8 版本，“权重文件数值总数”一行还计入与权重一同保存的缩放因子。",
            ),
            (
                "weights",
                "总参数量 × 所选格式每个参数的字节数，向上取整到整字节；GGUF 格式按整块计算，"
                "缩放因子计算在内。这里假定所有权重都用同一种格式，而实际的权重文件常把归一化层"
                "（有时还有嵌入）保留为更宽的格式。",
            ),
            (
                "kv_token",
                "每个词元在每一层、每个 KV 头上各存一个键向量和一个值向量，共 `2·L·K·H` 个数值；"
                "分组查询注意力（GQA）靠减小 `K` 来省显存。MLA 则每层只缓存一个压缩后的潜向量和"
                "一个共享的旋转位置键，共 `L·(kv_lora_rank + qk_rope_head_dim)` 个数值。",
            ),
            (
                "kv_naive",
                "仅对 MLA：如果像普通注意力实现那样，把每个头解压后的键和值都缓存下来，需要多少。"
                "两者之差就是 MLA 省下的部分。",
            ),
            (
                "kv_total",
                "每个词元的量 × 上下文长度 × 批大小。BERT 这样的编码器没有 KV 缓存。",
            ),
        ],
        "training": "训练状态，每个参数 {key} 字节",
        "training_text": "{description}出处：{source}。不含激活值。",
    },
}
_FIGURE_NAMES = {
    "en": {
        "total": "Total parameters",
        "active": "Active per token",
        "non_embedding": "Non-embedding",
        "stored": "Stored in the checkpoint",
        "weights": "Weights",
        "kv_token": "KV cache per token",
        "kv_naive": "… if MLA cached full keys and values",
        "kv_total": "KV cache",
    },
    "zh": {
        "total": "总参数量",
        "active": "每个词元激活的参数量",
        "non_embedding": "非嵌入参数量",
        "stored": "权重文件中存储的参数量",
        "weights": "权重",
        "kv_token": "每个词元的 KV 缓存",
        "kv_naive": "……若 MLA 缓存完整的键和值",
        "kv_total": "KV 缓存",
    },
}


def figures(lang):
    """Markdown table: what each figure of the calculator counts, training conventions included."""
    spec = _FIGURES[lang]
    names = _FIGURE_NAMES[lang]
    rows = [spec["head"], "|---|---|"]
    for key, text in spec["rows"]:
        rows.append(f"| {names[key]} | {text} |")
    for key, conv in training.TRAINING_CONVENTIONS.items():
        description = say(conv.description, lang)
        text = spec["training_text"].format(description=description, source=conv.source)
        rows.append(f"| {spec['training'].format(key=key)} | {text} |")
    return "\n".join(rows)
