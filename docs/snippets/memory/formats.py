# Memory page, bytes per parameter: the storage formats, DeepSeek-V3 in each of them, what a
# real GGUF file mixes (llmsize.checkpoints.q4_k_m) and DeepSeek-V3's fp8 release as published
# (llmsize.checkpoints.fp8_checkpoint). Included after md.py and memory/common.py.
from fractions import Fraction

from llmsize import checkpoints, counts, dtypes, fmt, memory, presets
from llmsize.text import say

_FORMATS_TEXT = {
    "mix_q4_K": {
        "en": "every other weight matrix, the token embedding included",
        "zh": "其余全部权重矩阵，包括词元嵌入",
    },
    "mix_q6_K": {
        "en": "the output head; `attn_v` and `ffn_down` in {n} of the {layers} layers (the first"
        " and last eighth, and every third layer between)",
        "zh": "输出头；{layers} 层中 {n} 层的 `attn_v` 和 `ffn_down`（最前和最后各八分之一的层，"
        "以及其间每三层中的一层）",
    },
    "mix_f32": {"en": "norms", "zh": "归一化权重"},
    "mix_total": {"en": "{name}, Q4_K_M", "zh": "{name}，Q4_K_M"},
    "mix_summary": {
        "en": "So the tensors of {name}'s Q4_K_M file take {mix}, {extra} more than the"
        " {flat} of Q4_K throughout. The Q6_K half of `attn_v` and `ffn_down` accounts for"
        " {layers} of the difference, the output head for {head}, and the norms for only {norms}.",
        "zh": "所以 {name} 的 Q4_K_M 文件，张量数据共 {mix}，比全部用 Q4_K 的 {flat} 多出"
        " {extra}。其中 {layers} 来自以 Q6_K 存储的那一半 `attn_v` 和 `ffn_down`，"
        "{head} 来自输出头，归一化权重只占 {norms}。",
    },
    "fp8_what": {
        "en": "every attention and feed-forward weight matrix: all the experts, the dense layers,"
        " the multi-token-prediction block",
        "zh": "所有注意力与前馈网络的权重矩阵：全部专家、开头的稠密层、多词元预测模块",
    },
    "bf16_what": {
        "en": "embedding tables and output heads (the main model's and the prediction module's),"
        " the module's input projection, norms, router weights",
        "zh": "词元嵌入表和输出头（主模型一份、多词元预测模块一份）、该模块的输入投影、"
        "归一化权重、路由器权重",
    },
    "fp32_what": {
        "en": "{scales} scales, one per 128×128 tile of each fp8 matrix, and {bias} router"
        " correction biases",
        "zh": "{scales} 个缩放因子（每个 fp8 矩阵每个 128×128 块一个），以及 {bias} 个路由器"
        "校正偏置",
    },
    "ckpt_summary": {
        "en": "The whole download is {size}. Spread over the model's {n} parameters that is {per}"
        " bytes each (the file also holds the prediction module), about half the {bf16} the"
        " same parameters take in bf16.",
        "zh": "整个下载约 {size}。摊到模型的 {n}参数上，每个参数 {per} 字节（文件里还有多词元"
        "预测模块）；同样的参数用 bf16 存储要 {bf16}，这里差不多只有一半。",
    },
}

_FORMAT = {"en": "Format", "zh": "格式"}
_STORED_AS = {"en": "Stored as", "zh": "存储格式"}
_DTYPE_HEAD = [
    _FORMAT,
    {"en": "Bits per parameter", "zh": "每个参数的位数"},
    HEADS["per_param"],
    HEADS["what"],
    {"en": "Specified in", "zh": "规范出处"},
]
_SIZES_HEAD = [_FORMAT, HEADS["per_param"], HEADS["bytes"], "GB", "GiB"]
_MIX_HEAD = [_STORED_AS, HEADS["tensor"], HEADS["values"], HEADS["bytes"]]
_CKPT_HEAD = [
    _STORED_AS,
    HEADS["holds"],
    HEADS["values"],
    {"en": "Bytes each", "zh": "每个的字节数"},
    HEADS["bytes"],
]
# The Hub's safetensors metadata for deepseek-ai/DeepSeek-V3: values per stored dtype.
HUB_DEEPSEEK_V3 = {"BF16": 3_918_786_560, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}
# Published Q4_K_M files of Llama-2-7B (TheBloke's model cards): 4.08 GB.
GGUF_MODEL = "llama-2-7b"
SIZE_DIGITS = 4


def dtype_table(lang):
    """Markdown table: every storage format, its exact bits and bytes per parameter."""
    rows = [
        [
            dtype_name(key, lang),
            fmt.decimal(dt.bits, lang),
            fmt.decimal(dt.bytes_per_param, lang),
            say(dt.description, lang),
            say(dt.source, lang),
        ]
        for key, dt in dtypes.DTYPES.items()
    ]
    # Block formats carry their scales: ggml's block structs, DeepSeek's one fp32 per tile.
    assert dtypes.DTYPES["q8_0"].bits == Fraction(17, 2)
    assert dtypes.DTYPES["q4_k"].bits == Fraction(9, 2)
    assert dtypes.DTYPES["tf32"].bytes_per_param == 4
    return table(_DTYPE_HEAD, rows, "lrrll", lang)


def model_sizes(spec, lang):
    """Markdown table: the total parameters of ``spec`` stored in every format."""
    total = counts(spec).total
    sizes = [memory.weights_bytes(total, dt) for dt in dtypes.DTYPES.values()]
    # Four significant digits keep fp8 with block scales apart from plain fp8 (671 vs 671.2 GB).
    columns = {
        unit: [fmt.bytes_(n, unit, lang, SIZE_DIGITS) for n in sizes] for unit in ("GB", "GiB")
    }
    for texts in columns.values():
        assert len(set(texts)) == len(set(sizes)), texts  # different sizes never print alike
    rows = [
        [dtype_name(key, lang), fmt.decimal(dt.bytes_per_param, lang), fmt.exact(n, lang), gb, gib]
        for (key, dt), n, gb, gib in zip(
            dtypes.DTYPES.items(), sizes, columns["GB"], columns["GiB"]
        )
    ]
    return table(_SIZES_HEAD, rows, "lrrrr", lang)


def gguf_mix(lang):
    """Markdown table and sentence: a real Q4_K_M file, type by type, against all-Q4_K."""
    spec = presets.load(GGUF_MODEL)
    mix = checkpoints.q4_k_m(spec)
    assert fmt.bytes_(mix.nbytes, "GB") == "4.08 GB"  # the published files' size
    layers = checkpoints.more_bits_layers(spec.layers)
    what = {
        "q4_K": say(_FORMATS_TEXT["mix_q4_K"], lang),
        "q6_K": say(_FORMATS_TEXT["mix_q6_K"], lang, n=len(layers), layers=spec.layers),
        "f32": say(_FORMATS_TEXT["mix_f32"], lang),
    }
    rows = [
        [
            f"`{t.upper()}`",
            what[t],
            fmt.exact(mix.values_of(t), lang),
            fmt.bytes_both(mix.bytes_of(None, t), lang),
        ]
        for t in what
    ]
    total = say(_FORMATS_TEXT["mix_total"], lang, name=spec.name)
    rows.append(
        [
            f"**{total}**",
            "",
            f"**{fmt.exact(mix.values, lang)}**",
            f"**{fmt.bytes_both(mix.nbytes, lang)}**",
        ]
    )
    summary = say(
        _FORMATS_TEXT["mix_summary"],
        lang,
        name=spec.name,
        mix=fmt.bytes_(mix.nbytes, "GB", lang),
        flat=fmt.bytes_(mix.all_q4_k, "GB", lang),
        extra=fmt.both(
            fmt.bytes_(mix.over_q4_k, "auto", lang),
            fmt.percent(mix.over_q4_k, mix.all_q4_k, lang, signed=True),
            lang,
        ),
        layers=fmt.bytes_(mix.extra("attn_v", "ffn_down"), "auto", lang),
        head=fmt.bytes_(mix.extra("output"), "auto", lang),
        norms=fmt.bytes_(mix.extra("norms"), "auto", lang),
    )
    return table(_MIX_HEAD, rows, "llrr", lang) + "\n\n" + summary


def checkpoint_table(spec, lang):
    """Markdown table: the released fp8 checkpoint, tensor kind by tensor kind."""
    split = checkpoints.fp8_checkpoint(spec)
    assert (split.fp8, split.bf16, split.fp32) == (
        HUB_DEEPSEEK_V3["F8_E4M3"],
        HUB_DEEPSEEK_V3["BF16"],
        HUB_DEEPSEEK_V3["F32"],
    )
    fp32 = say(
        _FORMATS_TEXT["fp32_what"],
        lang,
        scales=fmt.exact(split.scales, lang),
        bias=fmt.exact(split.router_bias, lang),
    )
    kinds = [
        ("fp8", say(_FORMATS_TEXT["fp8_what"], lang), split.fp8, 1),
        ("bf16", say(_FORMATS_TEXT["bf16_what"], lang), split.bf16, 2),
        ("fp32", fp32, split.fp32, 4),
    ]
    rows = [
        [k, what, fmt.exact(n, lang), w, fmt.bytes_both(n * w, lang)] for k, what, n, w in kinds
    ]
    assert split.values == counts(spec).checkpoint
    total = say(HEADS["whole_checkpoint"], lang)
    rows.append(
        [
            f"**{total}**",
            "",
            f"**{fmt.exact(split.values, lang)}**",
            "",
            f"**{fmt.bytes_both(split.nbytes, lang)}**",
        ]
    )
    return table(_CKPT_HEAD, rows, "llrrr", lang)


def checkpoint_summary(spec, lang):
    """One sentence: the released checkpoint against the same parameters in bf16."""
    c = counts(spec)
    size = checkpoints.fp8_checkpoint(spec).nbytes
    return say(
        _FORMATS_TEXT["ckpt_summary"],
        lang,
        size=fmt.bytes_both(size, lang),
        n=fmt.count(c.total, lang),
        per=fmt.decimal(Fraction(size, c.total), lang, places=3),
        bf16=fmt.bytes_both(memory.weights_bytes(c.total, "bf16"), lang),
    )
