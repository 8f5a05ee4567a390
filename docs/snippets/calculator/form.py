# The calculator page: the form, built at build time from llmsize itself (presets, storage
# formats), so its lists cannot drift from the library the browser runs. A page includes this
# file and prints form("en") in a fence with html="1". The reader's browser runs
# llmsize.calculator.calculate() under Pyodide: docs/assets/calculator/calculator.js wires the
# form, docs/hooks/calculator.py self-hosts Pyodide and the llmsize wheel and fills in the
# form's data-runtime attribute (left empty when the site was built without the runtime: then
# the form's note says how to get it). The tables below the form: figures.py.
from html import escape

from llmsize import dtypes, fmt, presets, text
from llmsize.calculator import calculate
from llmsize.hardware import gpus
from llmsize.text import say

DEFAULT_PRESET = "deepseek-v3"
DEFAULT_DTYPE = "bf16"
DEFAULT_CONTEXT = 4096
DEFAULT_BATCH = 1
# The page sits at <root>calculator/ in English and <root>zh/calculator/ in Chinese; the script
# and its stylesheet are published once, under <root>assets/calculator/.
ROOT = {"en": "../", "zh": "../../"}
# docs/hooks/calculator.py replaces data-runtime="@llmsize-runtime@" with the runtime's
# location and cache key (RUNTIME_MARK there).
RUNTIME_MARK = "@llmsize-runtime@"

# What the browser computes is what the build computes (the same function, the same wheel):
# pin it to figures published elsewhere. Llama-2-7B: the Hugging Face Hub's safetensors total
# for meta-llama/Llama-2-7b-hf. DeepSeek-V3: the Hub's safetensors total for
# deepseek-ai/DeepSeek-V3 (every value of the fp8 checkpoint, scales included: its "685B").
_llama = calculate("llama-2-7b", None, "bf16", "bf16", DEFAULT_CONTEXT, DEFAULT_BATCH, "en")
assert _llama["total"]["params"] == 6_738_415_616
_dsv3 = calculate(DEFAULT_PRESET, None, "bf16", "bf16", DEFAULT_CONTEXT, DEFAULT_BATCH, "en")
_checkpoint = {row["key"]: row["params"] for row in _dsv3["summary"]}["checkpoint"]
assert _checkpoint == 684_531_386_000

UI = {
    "model": text.LABELS["model"],
    "edit": {"en": "Edit its config.json", "zh": "编辑它的 config.json"},
    "config": {"en": "config.json", "zh": "config.json"},
    "config_hint": {
        "en": "Optional. Paste a model's config.json from the Hugging Face Hub; when this box is"
        " not empty it is used instead of the preset.",
        "zh": "可选。粘贴 Hugging Face Hub 上某个模型的 config.json；只要这里不为空，"
        "就用它代替上面选中的预设。",
    },
    "placeholder": {
        "en": '{"model_type": "llama", "hidden_size": …}',
        "zh": '{"model_type": "llama", "hidden_size": …}',
    },
    "dtype": {"en": "Weights stored as", "zh": "权重存储格式"},
    "kv_dtype": {"en": "KV cache stored as", "zh": "KV 缓存存储格式"},
    "option": {"en": "{name} · {bits} bits", "zh": "{name} · {bits} 位"},
    "context": {"en": "Context length (tokens)", "zh": "上下文长度（词元数）"},
    "batch": {"en": "Batch (sequences)", "zh": "批大小（序列数）"},
    "gpu": {"en": "GPU (optional)", "zh": "GPU（可选）"},
    "no_gpu": {"en": "none: no fit check", "zh": "不选：不检查放不放得下"},
    "gpus": {"en": "How many GPUs", "zh": "GPU 数量"},
    "fit": {"en": "Will it fit?", "zh": "能跑起来吗？"},
    "run": {"en": "Calculate", "zh": "计算"},
    "clear": {"en": "Clear config.json", "zh": "清空 config.json"},
    "noscript": {
        "en": "The calculator runs in your browser and needs JavaScript.",
        "zh": "计算器在浏览器里运行，需要启用 JavaScript。",
    },
    "no_runtime": {
        "en": "This copy of the site was built without the calculator's Python runtime, so the"
        " calculator cannot run here. To include it, run <code>npm ci</code> in the project"
        " folder and build the site again.",
        "zh": "构建这份网站时没有包含计算器所需的 Python 运行时，所以计算器在这里无法运行。"
        "在项目目录下运行 <code>npm ci</code>，再重新构建网站即可。",
    },
    "runtime": {"en": "Loading the Python runtime…", "zh": "正在加载 Python 运行时……"},
    "library": {"en": "Installing llmsize…", "zh": "正在安装 llmsize……"},
    "ready": {"en": "Python is ready; computing…", "zh": "Python 已就绪，正在计算……"},
    "failed": {"en": "The Python runtime could not be loaded:", "zh": "Python 运行时加载失败："},
    "config_used": {
        "en": "The pasted config.json is used; clear it to go back to the preset.",
        "zh": "正在使用粘贴的 config.json；清空它即可改回预设。",
    },
    "result_for": {"en": "Results for {model} ({source})", "zh": "计算结果：{model}（{source}）"},
    "from_preset": {"en": "preset", "zh": "预设"},
    "from_config": {"en": "pasted config.json", "zh": "粘贴的 config.json"},
    "count": text.UI["count"],
    "params": text.UI["params"],
    "exactly": text.UI["exactly"],
    "memory": {"en": "Memory", "zh": "显存"},
    "size": text.UI["size"],
    "bytes": text.UI["bytes"],
    "part": text.UI["part"],
    "share": text.UI["share"],
    "breakdown": {
        "en": "Where the parameters are: every part of the model",
        "zh": "参数都在哪里：模型的每个部分",
    },
}
# Passed to the script as data-msg-* attributes, in the page's language.
MESSAGES = (
    "runtime",
    "library",
    "ready",
    "failed",
    "config_used",
    "from_preset",
    "from_config",
    "result_for",
)


def _attr(text):
    return escape(str(text), quote=True)


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


def preset_options():
    """``<option>`` per bundled preset, by display name; DeepSeek-V3 selected."""
    items = sorted(((presets.get(i).name, i) for i in presets.ids()), key=lambda x: x[0].casefold())
    return "".join(
        tag("option", escape(name), value=i, selected=i == DEFAULT_PRESET) for name, i in items
    )


def dtype_options(lang, *, cache):
    """``<option>`` per storage format of llmsize.dtypes.DTYPES, with its bits per value (every
    digit up to three decimals: fp8 with its block scales is 8.002); for the KV cache only the
    formats of dtypes.KV_CACHE_DTYPES."""
    names = dtypes.KV_CACHE_DTYPES if cache else tuple(dtypes.DTYPES)
    out = []
    for name in names:
        dtype = dtypes.DTYPES[name]
        bits = fmt.decimal(dtype.bits, lang, places=3)
        out.append(
            tag(
                "option",
                escape(say(UI["option"], lang, name=name, bits=bits)),
                value=name,
                title=say(dtype.description, lang),
                selected=name == DEFAULT_DTYPE,
            )
        )
    return "".join(out)


def gpu_options(lang):
    """``<option>`` per accelerator of llmsize.hardware, after a first "none" option."""
    none = tag("option", escape(say(UI["no_gpu"], lang)), value="", selected=True)
    return none + "".join(tag("option", escape(g.name[lang]), value=g.id) for g in gpus())


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
        value=str(value),
        aria_describedby="calc-error",
    )


def _model(t):
    """The preset list, its "Edit its config.json" button and the pasted-config hint."""
    edit = tag(
        "button", t("edit"), type="button", id="calc-edit", class_="md-button", disabled=True
    )
    row = tag("select", preset_options(), id="calc-model", name="model") + edit
    hint = tag("p", t("config_used"), id="calc-source-hint", class_="calc-hint", hidden=True)
    return tag("div", row, class_="calc-row") + hint


def _config(t):
    """The config.json box and its hint, with the button that clears it."""
    box = tag(
        "textarea",
        id="calc-config",
        name="config",
        rows="6",
        spellcheck="false",
        autocomplete="off",
        aria_describedby="calc-config-hint calc-error",
        placeholder=t("placeholder", raw=True),
    )
    clear = tag(
        "button", t("clear"), type="button", id="calc-clear", class_="calc-link", hidden=True
    )
    hint = tag("p", t("config_hint") + " " + clear, id="calc-config-hint", class_="calc-hint")
    return box + hint


def _fields(t, lang):
    kv = dtype_options(lang, cache=True)
    return tag(
        "div",
        _field("calc-model", t("model"), _model(t), wide=True)
        + _field("calc-config", t("config"), _config(t), wide=True)
        + _field(
            "calc-dtype",
            t("dtype"),
            tag("select", dtype_options(lang, cache=False), id="calc-dtype", name="dtype"),
        )
        + _field(
            "calc-kv-dtype", t("kv_dtype"), tag("select", kv, id="calc-kv-dtype", name="kv_dtype")
        )
        + _field("calc-context", t("context"), _number("calc-context", "context", DEFAULT_CONTEXT))
        + _field("calc-batch", t("batch"), _number("calc-batch", "batch", DEFAULT_BATCH))
        + _field("calc-gpu", t("gpu"), tag("select", gpu_options(lang), id="calc-gpu", name="gpu"))
        + _field("calc-gpus", t("gpus"), _number("calc-gpus", "gpus", 1)),
        class_="calc-fields",
    )


def _actions(t):
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
    run = tag(
        "button",
        t("run"),
        type="submit",
        id="calc-run",
        class_="md-button md-button--primary",
        disabled=True,
    )
    return tag("div", run + status, class_="calc-actions")


def _results(t):
    counts = _table("calc-summary", [t("count"), t("params"), t("exactly")], [False, True, True])
    memory = _table("calc-memory", [t("memory"), t("size"), t("bytes")], [False, True, True])
    parts = _table(
        "calc-breakdown",
        [t("part"), t("params"), t("exactly"), t("share")],
        [False, True, True, True],
    )
    caption = tag("figcaption", id="calc-chart-title")
    fit = tag(
        "section",
        tag("h3", id="calc-fit-title")
        + _table("calc-fit", [t("fit"), t("size"), t("bytes")], [False, True, True]),
        id="calc-fit-box",
        hidden=True,
    )
    return tag(
        "section",
        tag("p", id="calc-model-name", class_="calc-model-name")
        + tag("ul", id="calc-notes", class_="calc-notes")
        + tag("div", counts + memory, class_="calc-tables")
        + fit
        + tag("figure", caption, id="calc-chart", class_="calc-chart")
        + tag(
            "details",
            tag("summary", t("breakdown")) + parts,
            id="calc-breakdown-box",
            class_="calc-breakdown",
            open=True,
        ),
        id="calc-results",
        class_="calc-results",
        aria_live="polite",
        hidden=True,
    )


def form(lang):
    """The whole calculator: form, status line, error line, empty results, the script."""

    def t(key, raw=False):
        words = say(UI[key], lang)
        return words if raw else escape(words)

    messages = {f"data_msg_{key}": t(key, raw=True) for key in MESSAGES}
    no_runtime = tag(
        "p", say(UI["no_runtime"], lang), id="calc-no-runtime", class_="calc-no-runtime"
    )
    the_form = tag(
        "form",
        _fields(t, lang)
        + tag("p", id="calc-error", class_="calc-error", role="alert", hidden=True)
        + _actions(t)
        + no_runtime
        + tag("noscript", tag("p", t("noscript"), class_="calc-error")),
        id="llmsize-calculator",
        class_="llmsize-calculator",
        data_lang=lang,
        data_runtime=RUNTIME_MARK,
        novalidate=True,
        **messages,
    )
    root = ROOT[lang]
    return "\n".join(
        [
            tag("link", rel="stylesheet", href=f"{root}assets/calculator/calculator.css"),
            the_form,
            _results(t),
            tag("script", type="module", src=f"{root}assets/calculator/calculator.js"),
        ]
    )
