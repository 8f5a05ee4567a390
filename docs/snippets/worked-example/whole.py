# The article's example as a whole model: what it leaves out, and how far it is from DeepSeek-V3.
# A page fence includes md.py, common.py, then this file (and charts.py first for totals_chart).
from llmsize.approx import twelve_ld2
from llmsize.text import LABELS
from llmsize.worked import completed_parts, layers_to_reach, width_to_reach

PARTS = completed_parts(completed)
WHOLE = counts(completed).total
# The parts, by their formulas (100 layers, D = 8192, 4D FFN, V = 129280), add up to llmsize's
# count of the same architecture: 26,843,545,600 + 53,687,091,200 + 7,372,800 + 3,293,184
# + 1,059,061,760 + 1,059,061,760 = 82,659,426,304.
assert list(PARTS.values()) == [
    26_843_545_600,
    53_687_091_200,
    7_372_800,
    3_293_184,
    1_059_061_760,
    1_059_061_760,
]
assert sum(PARTS.values()) == WHOLE == 82_659_426_304
assert WHOLE - PARTS["embedding"] - PARTS["head"] == counts(completed).non_embedding
assert PARTS["attention"] + PARTS["ffn"] == twelve_ld2(L, D) == CLAIMS["total"].correct

# --- what the example leaves out --------------------------------------------------------------

_LEFT_OUT_HEADER = (HEADS["part"], HEADS["formula"], HEADS["params"], HEADS["share"])
_LEFT_OUT = {
    "attention": ({"en": "Attention matrices", "zh": "注意力矩阵"}, "`L·4D²`"),
    "ffn": ({"en": "FFN matrices", "zh": "前馈网络矩阵"}, "`L·8D²`"),
    "biases": (
        {
            "en": "Biases (Q, K, V, output; FFN up and down)",
            "zh": "偏置（Q、K、V、输出投影；前馈网络两层）",
        },
        "`L·(3D + D + 4D + D) = L·9D`",
    ),
    "norms": (
        {
            "en": "LayerNorms (two per layer, a final one)",
            "zh": "LayerNorm（每层两个，最后再一个）",
        },
        "`L·2·2D + 2D`",
    ),
    "embedding": (LABELS["token"], "`V·D`"),
    "head": (
        {"en": "Output head (not tied to the embedding)", "zh": "输出头（不与词元嵌入共享）"},
        "`V·D`",
    ),
}
_WHOLE = (HEADS["whole_model"], "")  # a sum: bold
_OF_WHICH = (
    {"en": "of which the article's `12·L·D²`", "zh": "其中原文统计的 `12·L·D²`"},
    "`12·L·D²`",
)


def left_out_table(lang):
    """Markdown table: the article's model with everything a real checkpoint stores."""
    lines = [*(_LEFT_OUT[key] + (n,) for key, n in PARTS.items())]
    lines += [_WHOLE + (WHOLE,), _OF_WHICH + (twelve_ld2(L, D),)]
    rows = []
    for part, formula, n in lines:
        cells = [say(part, lang), fmt.count(n, lang), fmt.share(n, WHOLE, lang)]
        if part is _WHOLE[0]:
            cells = [f"**{c}**" for c in cells]
        rows.append([cells[0], formula, *cells[1:]])
    return table(_LEFT_OUT_HEADER, rows, "llrr", lang)


_VOCAB = {
    "en": (
        "The vocabulary is DeepSeek-V3's, `V` = {v}. The embedding and the head add {tables}"
        " parameters between them; the norms and biases together only {small}."
    ),
    "zh": (
        "词表大小取 DeepSeek-V3 的 `V` = {v}；嵌入和输出头两张表合计 {tables}个参数，"
        "LayerNorm 与偏置加起来只有 {small}个。"
    ),
}


def vocab_line(lang):
    """One line naming the vocabulary used above."""
    return say(
        _VOCAB,
        lang,
        v=fmt.exact(completed.vocab, lang),
        tables=fmt.count(PARTS["embedding"] + PARTS["head"], lang),
        small=fmt.count(PARTS["norms"] + PARTS["biases"], lang),
    )


# --- how far from 671B ----------------------------------------------------------------------

# What 12·L·D² needs to reach DeepSeek-V3's total: more layers at D = 8192, or a wider model
# at L = 100 (both the smallest integer that gets there).
LAYERS_NEEDED = layers_to_reach(DEEPSEEK.total, D)
WIDTH_NEEDED = width_to_reach(DEEPSEEK.total, L)
assert twelve_ld2(LAYERS_NEEDED, D) >= DEEPSEEK.total > twelve_ld2(LAYERS_NEEDED - 1, D)
assert twelve_ld2(L, WIDTH_NEEDED) >= DEEPSEEK.total > twelve_ld2(L, WIDTH_NEEDED - 1)
DEEPSEEK_12LD2 = twelve_ld2(deepseek_v3.layers, deepseek_v3.width)

_REACH_HEADER = (
    {"en": "Dense model", "zh": "稠密模型"},
    *({"en": f"`{x}`", "zh": f"`{x}`"} for x in ("L", "D", "12·L·D²")),
)
_REACH = (
    {"en": "The article's example", "zh": "原文的例子"},
    {
        "en": "Same width, enough layers for DeepSeek-V3's total",
        "zh": "宽度不变，层数加到够 DeepSeek-V3 的总数",
    },
    {
        "en": "Same depth, wide enough for DeepSeek-V3's total",
        "zh": "层数不变，宽度加到够 DeepSeek-V3 的总数",
    },
    {"en": "DeepSeek-V3's own depth and width", "zh": "DeepSeek-V3 自己的层数和宽度"},
)


def reach_table(lang):
    """Markdown table: what a dense model would need to reach DeepSeek-V3's total."""
    shapes = [
        (L, D),
        (LAYERS_NEEDED, D),
        (L, WIDTH_NEEDED),
        (deepseek_v3.layers, deepseek_v3.width),
    ]
    rows = [
        [say(name, lang), fmt.exact(layers, lang), fmt.exact(width, lang)]
        + [fmt.count(twelve_ld2(layers, width), lang)]
        for name, (layers, width) in zip(_REACH, shapes, strict=True)
    ]
    return table(_REACH_HEADER, rows, "lrrr", lang)


_TOTALS_LABELS = (
    ARTICLE_TOTAL,
    {"en": "Correct 12·L·D²", "zh": "正确的 12·L·D²"},
    {"en": "The whole model, completed", "zh": "补全后的整个模型"},
    {"en": "12·L·D² at DeepSeek-V3's shape", "zh": "DeepSeek-V3 形状的 12·L·D²"},
    ("DeepSeek-V3", "active"),
    ("DeepSeek-V3", "total"),
)
_TOTALS_TITLE = {
    "en": "The article's example against DeepSeek-V3, in parameters",
    "zh": "原文例子的参数量与 DeepSeek-V3 对比",
}


def totals_chart(lang):
    """Horizontal bars: the example's totals against DeepSeek-V3's total and active counts."""
    values = [
        CLAIMS["total"].claimed,
        CLAIMS["total"].correct,
        WHOLE,
        DEEPSEEK_12LD2,
        DEEPSEEK.active,
        DEEPSEEK.total,
    ]
    colors = [PALETTE[1], PALETTE[0], PALETTE[0], PALETTE[2], PALETTE[2], PALETTE[3]]
    return hbar(
        [model_count(*x, lang) if isinstance(x, tuple) else say(x, lang) for x in _TOTALS_LABELS],
        values,
        say(_TOTALS_TITLE, lang),
        [fmt.count(v, lang) for v in values],
        colors=colors,
    )
