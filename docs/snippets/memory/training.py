# Memory page, training: the two conventions for Adam's state (llmsize.training), whole models
# in both, the ZeRO paper's examples, and activations with and without recomputation
# (Korthikanti et al. 2022). Included after md.py and memory/common.py.
from fractions import Fraction

from llmsize import counts, dtypes, fmt, memory, presets, training
from llmsize.text import say

_ITEMS = {
    "weights": {"en": "Working weights (half precision)", "zh": "工作权重（半精度）"},
    "gradients": {"en": "Gradients", "zh": "梯度"},
    "master": {"en": "fp32 master weights", "zh": "fp32 主权重"},
    "momentum": {"en": "Adam momentum (fp32)", "zh": "Adam 一阶矩（fp32）"},
    "variance": {"en": "Adam variance (fp32)", "zh": "Adam 二阶矩（fp32）"},
}
_TRAIN_TEXT = {
    # "bytes per parameter" inside a column head, in parentheses after the convention's name
    "per_param": {"en": "bytes per parameter", "zh": "每个参数的字节数"},
    "example": {"en": "Example", "zh": "例子"},
    "setting": {
        "en": "For {name}, one sequence of {seq} tokens (its training context), batch 1,"
        " `h` = {h}, `a` = {a}, {layers} layers:",
        "zh": "以 {name} 为例：一条 {seq} 个词元的序列（它训练时的上下文长度），批大小 1，"
        "`h` = {h}，`a` = {a}，共 {layers} 层：",
    },
}
_ACT_HEADER = [
    {"en": "Recomputation", "zh": "重计算策略"},
    {"en": "What is kept", "zh": "保存的内容"},
    HEADS["bytes"],
    HEADS["size"],
    {"en": "Compared with the bf16 weights", "zh": "与 bf16 权重相比"},
]
_ACT_MODES = {
    "none": (
        {"en": "None", "zh": "不做重计算"},
        {
            "en": "everything the backward pass reads, attention scores included:"
            " `sbh(34 + 5as/h)` per layer",
            "zh": "反向传播要读的全部激活值，包括注意力分数：每层 `sbh(34 + 5as/h)`",
        },
    ),
    "selective": (
        {"en": "Selective", "zh": "选择性重计算"},
        {
            "en": "all but the attention scores and softmax, which are recomputed: `34·sbh` per"
            " layer",
            "zh": "除注意力分数和 softmax 之外的全部（这两者重新计算）：每层 `34·sbh`",
        },
    ),
    "full": (
        {"en": "Full", "zh": "完全重计算"},
        {
            "en": "only each layer's input; the whole layer is recomputed: `2·sbh` per layer",
            "zh": "只存每层的输入，整层重新计算：每层 `2·sbh`",
        },
    ),
}
TRAINING_MODELS = ("llama-2-7b", "deepseek-v3")
# The ZeRO paper's own figures: a 1.5B-parameter GPT-2 needs at least 24 GB (section 3.1), and
# the 7.5B-parameter model of its Figure 1 needs 120 GB before partitioning.
ZERO_EXAMPLES = (
    (1_500_000_000, {"en": "ZeRO, section 3.1", "zh": "ZeRO 论文第 3.1 节"}),
    (7_500_000_000, {"en": "ZeRO, Figure 1", "zh": "ZeRO 论文图 1"}),
)
ACTIVATION_MODEL = "llama-2-7b"
ACTIVATION_SEQ = 4096
_CONVS = training.TRAINING_CONVENTIONS


def conventions_table(lang):
    """Markdown table: bytes per parameter, item by item, in both conventions."""
    per = say(_TRAIN_TEXT["per_param"], lang)
    header = [HEADS["item"]] + [fmt.both(name, per, lang) for name in ("ZeRO", "Hugging Face")]
    rows = [
        [say(name, lang), *(fmt.exact(getattr(_CONVS[c], key), lang) for c in ("16", "18"))]
        for key, name in _ITEMS.items()
    ]
    total = say(HEADS["sum"], lang)
    rows.append(
        [f"**{total}**", *(f"**{fmt.exact(_CONVS[c].total, lang)}**" for c in ("16", "18"))]
    )
    # ZeRO section 3.1: 2Ψ + 2Ψ + 12Ψ; Hugging Face's guide: weights 6, gradients 4, AdamW 8.
    assert _CONVS["16"].total == 2 + 2 + 12
    hf = _CONVS["18"]
    assert (hf.weights + hf.master, hf.gradients, hf.momentum + hf.variance) == (6, 4, 8)
    return table(header, rows, "lrr", lang)


def training_table(lang):
    """Markdown table: model state of Llama-2-7B and DeepSeek-V3, item by item."""
    specs = [presets.load(p) for p in TRAINING_MODELS]
    columns = [(s, conv) for s in specs for conv in ("16", "18")]
    header = [HEADS["item"]] + [
        clauses([s.name, fmt.per_param(_CONVS[c].total, lang)], lang) for s, c in columns
    ]
    states = [training.training_bytes(counts(s).total, c) for s, c in columns]
    rows = [
        [say(name, lang), *(fmt.bytes_both(getattr(m, key), lang) for m in states)]
        for key, name in _ITEMS.items()
    ]
    total = say(HEADS["sum"], lang)
    rows.append([f"**{total}**", *(f"**{fmt.bytes_both(m.total, lang)}**" for m in states)])
    return table(header, rows, "l" + "r" * len(columns), lang)


def zero_examples(lang):
    """Markdown table: the ZeRO paper's worked examples, recomputed."""
    header = [_TRAIN_TEXT["example"], HEADS["params"]]
    header += [fmt.per_param(_CONVS[c].total, lang) for c in ("16", "18")]
    rows = []
    for params, source in ZERO_EXAMPLES:
        a, b = (training.training_bytes(params, c).total for c in ("16", "18"))
        rows.append(
            [
                say(source, lang),
                fmt.count(params, lang),
                fmt.bytes_(a, "GB", lang),
                fmt.bytes_(b, "GB", lang),
            ]
        )
    assert training.training_bytes(1_500_000_000).total == 24 * dtypes.GB
    assert training.training_bytes(7_500_000_000).total == 120 * dtypes.GB
    return table(header, rows, "lrrr", lang)


def activation_table(lang):
    """Markdown table: activation memory of one sequence, with and without recomputation."""
    spec = presets.load(ACTIVATION_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    rows = []
    for mode, (name, kept) in _ACT_MODES.items():
        n = training.activation_bytes(spec, ACTIVATION_SEQ, 1, mode)
        rows.append(
            [
                say(name, lang),
                say(kept, lang),
                fmt.exact(n, lang),
                fmt.bytes_both(n, lang),
                fmt.times(n, weights, lang),
            ]
        )
    # Korthikanti et al. 2022, section 5: for GPT-3 (a = 96, s = 2048, h = 12288) 5as/h = 80,
    # and selective recomputation saves 70% of the activation memory.
    gpt3 = presets.load("gpt3-175b")
    assert Fraction(5 * gpt3.heads * 2048, gpt3.width) == 80
    none, selective = (training.activation_bytes(gpt3, 2048, 1, m) for m in ("none", "selective"))
    assert round(100 * (1 - Fraction(selective, none))) == 70
    return table(_ACT_HEADER, rows, "llrrr", lang)


def activation_setting(lang):
    """One line: the setting of the activation table."""
    spec = presets.load(ACTIVATION_MODEL)
    return say(
        _TRAIN_TEXT["setting"],
        lang,
        name=spec.name,
        seq=fmt.exact(ACTIVATION_SEQ, lang),
        h=fmt.exact(spec.width, lang),
        a=spec.heads,
        layers=spec.layers,
    )
