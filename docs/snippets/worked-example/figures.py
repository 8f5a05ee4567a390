# The source article's worked example (L = 100, D = 8192, H = 128 heads, a 4D FFN), checked.
# A page includes this file, then prints e.g. claims_table("zh"). Every figure comes from
# llmsize.article (its claims), llmsize.approx (the formulas) and llmsize.count/memory; the
# hidden asserts pin the plain arithmetic against literal integers worked out by hand.
from math import isqrt

from llmsize import Spec, counts, fmt, presets
from llmsize.approx import (
    article_attention,
    attention_4d2,
    ffn_8d2,
    layer_12d2,
    per_head_attention,
    stack,
    twelve_ld2,
)
from llmsize.article import ARTICLE_HEADS, ARTICLE_LAYERS, ARTICLE_WIDTH, article_claims, why
from llmsize.memory import weights_bytes

L, D, H = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS
CLAIMS = {c.key: c for c in article_claims()}
deepseek_v3 = presets.load("deepseek-v3")
DEEPSEEK_TOTAL = counts(deepseek_v3).total
DEEPSEEK_ACTIVE = counts(deepseek_v3).active

# The article's sizes, as it states them.
assert (L, D, H) == (100, 8192, 128)
# The article's printed figures (the source post): ~335M, ~534M, ~869M, ~86.9B, 4 and 8 bytes.
CLAIMED = (335_000_000, 534_000_000, 869_000_000, 86_900_000_000, 4, 8)
assert tuple(c.claimed for c in CLAIMS.values()) == CLAIMED
# Plain arithmetic, worked out by hand: 128 * 8192 * 32768 = 2**35; 4 * 8192**2 = 2**28;
# 8 * 8192**2 = 2**29; 12 * 8192**2 = 3 * 2**28; 100 times that.
assert CLAIMS["attention"].computed == 34_359_738_368
assert CLAIMS["attention"].correct == 268_435_456
assert CLAIMS["ffn"].computed == CLAIMS["ffn"].correct == 536_870_912
assert CLAIMS["layer"].correct == 805_306_368
assert CLAIMS["total"].correct == 80_530_636_800
KEYS = ["attention", "ffn", "layer", "total", "fp32_bytes", "fp64_bytes"]
assert list(CLAIMS) == KEYS
# DeepSeek-V3's main-model total: the Hub checkpoint's tensors less the MTP module (tests/oracle,
# transformers 5.23 on the real config.json).
assert DEEPSEEK_TOTAL == 671_026_404_352


def _count(n, lang):
    """A count, compact and then every digit (just the digits when they are the same)."""
    if fmt.count(n, lang) == fmt.exact(n, lang):
        return fmt.exact(n, lang)
    return (
        f"{fmt.count(n, lang)} ({fmt.exact(n, lang)})"
        if lang == "en"
        else (f"{fmt.count(n, lang)}（{fmt.exact(n, lang)}）")
    )


# --- the setup ----------------------------------------------------------------------------

_SETUP = {
    "en": (
        "| Symbol | Meaning | Value |",
        [
            ("`L`", "layers (transformer blocks)", L),
            ("`D`", "width: the length of every vector on the main stream", D),
            ("`H`", "attention heads (the article's letter; elsewhere on this site `N`)", H),
            (
                "`D/H`",
                "size of one head: what each head's query, key and value vectors hold",
                D // H,
            ),
            ("`4D`", "hidden width of the feed-forward network (FFN)", 4 * D),
        ],
    ),
    "zh": (
        "| 符号 | 含义 | 取值 |",
        [
            ("`L`", "层数（Transformer 块的个数）", L),
            ("`D`", "模型宽度：主干上每个向量的长度", D),
            ("`H`", "注意力头数（沿用原文的字母；本站其他页面写作 `N`）", H),
            ("`D/H`", "每个头的大小：每个头的查询、键、值向量的长度", D // H),
            ("`4D`", "前馈网络（FFN）中间层的宽度", 4 * D),
        ],
    ),
}


def setup_table(lang):
    """Markdown table: the article's assumed sizes, from llmsize.approx's constants."""
    header, rows = _SETUP[lang]
    out = [header, "|:-:|---|--:|"]
    out += [f"| {sym} | {meaning} | {fmt.exact(v, lang)} |" for sym, meaning, v in rows]
    return "\n".join(out)


# --- claim by claim -----------------------------------------------------------------------

_WHAT = {
    "en": {
        "attention": "Attention, one layer",
        "ffn": "FFN, one layer",
        "layer": "One layer",
        "total": "All `L` layers",
        "fp32_bytes": "One fp32 value",
        "fp64_bytes": "One fp64 value",
    },
    "zh": {
        "attention": "单层注意力",
        "ffn": "单层前馈网络",
        "layer": "单层合计",
        "total": "全部 `L` 层",
        "fp32_bytes": "一个 fp32 数值",
        "fp64_bytes": "一个 fp64 数值",
    },
}
# Formulas as the article writes them, in the page's language where they are words.
_AS_WRITTEN = {
    "en": {
        "attention": "`H·D·(3D + D)`",
        "ffn": "`D·4D + 4D·D = 8D²`",
        "layer": "attention + FFN",
        "total": "`L` × layer",
        "fp32_bytes": "`32 / 8`",
        "fp64_bytes": "`64 / 8`",
    },
    "zh": {
        "attention": "`H·D·(3D + D)`",
        "ffn": "`D·4D + 4D·D = 8D²`",
        "layer": "注意力 + 前馈网络",
        "total": "`L` × 单层",
        "fp32_bytes": "`32 / 8`",
        "fp64_bytes": "`64 / 8`",
    },
}
_VERDICT = {
    "en": {
        "heads_counted_twice": "✗ wrong formula",
        "rounding_slip": "✗ slip",
        "terms_off": "✗ carries the errors above",
        "layer_off": "✗ carries the errors above",
        "right": "✓",
    },
    "zh": {
        "heads_counted_twice": "✗ 公式有误",
        "rounding_slip": "✗ 笔误",
        "terms_off": "✗ 沿用了上面的错误",
        "layer_off": "✗ 沿用了上面的错误",
        "right": "✓",
    },
}
_CLAIMS_HEADER = {
    "en": "| What | The article says | Formula as written | That formula gives"
    " | Correct formula | Correct value | Verdict |",
    "zh": "| 项目 | 原文给出的数 | 原文的公式 | 按原文公式计算 | 正确公式 | 正确值 | 结论 |",
}


def _value(key, n, lang):
    """A claim's figure: bytes for the two storage claims, a count for the rest."""
    if key.endswith("_bytes"):
        return f"{n} bytes" if lang == "en" else f"{n} 字节"
    return fmt.count_long(n, lang)


def claims_table(lang):
    """Markdown: every figure of the article's example beside what the formulas give, then why.

    The table carries a short verdict per claim; the reasons (llmsize.article.why) follow it as a
    list, one item per claim that does not hold, so the table stays readable.
    """
    out = [_CLAIMS_HEADER[lang], "|---|--:|---|--:|---|--:|---|"]
    notes = []
    for key, c in CLAIMS.items():
        correct = (
            _value(key, c.correct, lang) if key.endswith("_bytes") else (fmt.exact(c.correct, lang))
        )
        verdict = _VERDICT[lang][c.verdict_key]
        if c.verdict_key == "right":
            verdict += " " + why(c.verdict_key, lang).rstrip(".。")
        else:
            sep = "：" if lang == "zh" else ": "
            notes.append(f"- **{_WHAT[lang][key]}**{sep}{why(c.verdict_key, lang)}")
        out.append(
            f"| {_WHAT[lang][key]} | {_value(key, c.claimed, lang)} | {_AS_WRITTEN[lang][key]}"
            f" | {_value(key, c.computed, lang)} | `{c.correct_formula}` | {correct}"
            f" | {verdict} |"
        )
    assert len(out) == 2 + len(article_claims()) == 8
    assert [c.right for c in CLAIMS.values()] == [False] * 4 + [True] * 2
    return "\n".join(out) + "\n\n" + "\n".join(notes)


def layer_chart(lang):
    """Stacked bars: one layer as the article prints it against 4D² + 8D²."""
    a, f = CLAIMS["attention"], CLAIMS["ffn"]
    assert a.claimed + f.claimed == CLAIMS["layer"].claimed
    assert L * CLAIMS["layer"].claimed == CLAIMS["total"].claimed
    if lang == "zh":
        groups = ["原文", "正确：12D²"]
        series = [("注意力", [a.claimed, a.correct]), ("前馈网络", [f.claimed, f.correct])]
        title = "原文例子中的单层参数量，与正确值对比"
        ylabel = "单层参数量"
    else:
        groups = ["The article", "Correct: 12D²"]
        series = [("Attention", [a.claimed, a.correct]), ("FFN", [f.claimed, f.correct])]
        title = "One layer of the article's example: its figures against the correct count"
        ylabel = "parameters per layer"
    return stacked(
        groups,
        series,
        title,
        ylabel=ylabel,
        value_format=lambda v: fmt.count(v, lang),
    )


# --- the attention formula ------------------------------------------------------------------

_ATTENTION = {
    "en": (
        "| Piece | Shape | Formula | Parameters |",
        [
            ("Query matrix of one head", "`D × D/H`", "`D·D/H`"),
            ("Query, key and value of one head", "three `D × D/H`", "`3·D·D/H`"),
            ("… for all `H` heads", "", "`H·3·D·D/H = 3D²`"),
            ("Output projection, shared by the heads", "`D × D`", "`D²`"),
            ("**Attention, one layer**", "", "**`4D²`**"),
            ("The article's formula, as written", "`H` heads × four `D × D`", "`H·D·(3D + D)`"),
            ("For comparison: the multiple of `D²` nearest the article's figure", "", "`5D²`"),
        ],
    ),
    "zh": (
        "| 部分 | 形状 | 公式 | 参数量 |",
        [
            ("一个头的查询矩阵", "`D × D/H`", "`D·D/H`"),
            ("一个头的查询、键、值矩阵", "三个 `D × D/H`", "`3·D·D/H`"),
            ("…… `H` 个头合计", "", "`H·3·D·D/H = 3D²`"),
            ("输出投影（各头共用）", "`D × D`", "`D²`"),
            ("**单层注意力**", "", "**`4D²`**"),
            ("原文公式，照原样计算", "`H` 个头 × 四个 `D × D`", "`H·D·(3D + D)`"),
            ("作为对照：与原文数值最接近的 `D²` 倍数", "", "`5D²`"),
        ],
    ),
}


def attention_table(lang):
    """Markdown table: attention counted head by head, against the article's formula."""
    head = D // H
    per_head_q = D * head
    values = [
        per_head_q,
        3 * per_head_q,
        H * 3 * per_head_q,
        D * D,
        per_head_attention(H, D),
        article_attention(H, D),
        5 * D * D,
    ]
    # Head by head gives exactly 4D², whatever H; the article's formula is H times that.
    assert per_head_attention(H, D) == attention_4d2(D) == 268_435_456
    assert article_attention(H, D) == H * attention_4d2(D)
    assert 5 * D * D == 335_544_320
    header, rows = _ATTENTION[lang]
    out = [header, "|---|---|---|--:|"]
    for i, ((piece, shape, formula), n) in enumerate(zip(rows, values, strict=True)):
        shown = _count(n, lang)
        if i == len(rows) - 1:  # 5D² to four digits, beside the article's printed figure
            shown = _count(n, lang).replace(fmt.count(n, lang), fmt.count(n, lang, digits=4), 1)
        if piece.startswith("**"):
            shown = f"**{shown}**"
        out.append(f"| {piece} | {shape} | {formula} | {shown} |")
    return "\n".join(out)


def attention_ratio(lang):
    """One line: how many times the formula as written overshoots, and by what factor."""
    ratio = fmt.ratio(article_attention(H, D), attention_4d2(D), lang)
    if lang == "zh":
        return (
            f"照原样计算的结果是正确值的 {ratio.lstrip('×')} 倍，"
            f"恰好等于头数 `H` = {fmt.exact(H, lang)}："
            "每个头都被当成了完整的 `D × D` 矩阵。"
        )
    return (
        f"The formula as written gives {ratio} the right count, exactly the head count "
        f"`H` = {fmt.exact(H, lang)}: it gives every head full `D × D` matrices."
    )


# --- bytes ---------------------------------------------------------------------------------

_BYTES_HEADER = {
    "en": "| Parameters | Count | fp32 (4 bytes each) | fp64 (8 bytes each)"
    " | bf16 (2 bytes each) |",
    "zh": "| 参数量 | 数量 | fp32（每个 4 字节） | fp64（每个 8 字节） | bf16（每个 2 字节） |",
}
_BYTES_ROWS = {
    "en": ("The article's total", "Correct total, `12·L·D²`", "DeepSeek-V3, exact total"),
    "zh": ("原文的总数", "正确总数 `12·L·D²`", "DeepSeek-V3 的精确总数"),
}


def bytes_table(lang):
    """Markdown table: weight bytes of the claimed and computed totals, and of DeepSeek-V3."""
    totals = (CLAIMS["total"].claimed, CLAIMS["total"].correct, DEEPSEEK_TOTAL)
    # 4 and 8 bytes per value, worked out by hand for the correct total.
    assert weights_bytes(totals[1], "fp32") == 322_122_547_200
    assert weights_bytes(totals[1], "fp64") == 644_245_094_400
    out = [_BYTES_HEADER[lang], "|---|--:|--:|--:|--:|"]
    for name, n in zip(_BYTES_ROWS[lang], totals, strict=True):
        cells = [fmt.bytes_both(weights_bytes(n, dt), lang) for dt in ("fp32", "fp64", "bf16")]
        out.append(f"| {name} | {fmt.count(n, lang)} | " + " | ".join(cells) + " |")
    return "\n".join(out)


# --- what the example leaves out --------------------------------------------------------------

V = deepseek_v3.vocab
# DeepSeek-V3's config.json: vocab_size 129280.
assert V == 129_280

# The article's model completed GPT-style: LayerNorm (scale and shift), biases on every linear
# layer, an ungated 4D FFN, and an untied output head over DeepSeek-V3's vocabulary.
completed = Spec(
    name="The article's model, completed",
    layers=L,
    width=D,
    heads=H,
    kv_heads=H,
    head_dim=D // H,
    ffn=4 * D,
    vocab=V,
    gated_ffn=False,
    qkv_bias=True,
    o_bias=True,
    mlp_bias=True,
    norm="layernorm",
)
COMPLETED = counts(completed).total

_LEFT_OUT = {
    "en": (
        "| Part | Formula | Parameters | Share |",
        [
            ("Attention matrices", "`L·4D²`"),
            ("FFN matrices", "`L·8D²`"),
            ("Biases (Q, K, V, output; FFN up and down)", "`L·(3D + D + 4D + D) = L·9D`"),
            ("LayerNorms (two per layer, a final one)", "`L·2·2D + 2D`"),
            ("Token embedding", "`V·D`"),
            ("Output head (not tied to the embedding)", "`V·D`"),
            ("**The whole model**", ""),
            ("of which the article's `12·L·D²`", "`12·L·D²`"),
        ],
    ),
    "zh": (
        "| 部分 | 公式 | 参数量 | 占比 |",
        [
            ("注意力矩阵", "`L·4D²`"),
            ("前馈网络矩阵", "`L·8D²`"),
            ("偏置（Q、K、V、输出投影；前馈网络两层）", "`L·(3D + D + 4D + D) = L·9D`"),
            ("LayerNorm（每层两个，最后再一个）", "`L·2·2D + 2D`"),
            ("词嵌入", "`V·D`"),
            ("输出头（不与词嵌入共享）", "`V·D`"),
            ("**整个模型**", ""),
            ("其中原文统计的 `12·L·D²`", "`12·L·D²`"),
        ],
    ),
}


def left_out_table(lang):
    """Markdown table: the article's model with everything a real checkpoint stores."""
    parts = [
        L * attention_4d2(D),
        L * ffn_8d2(D),
        L * 9 * D,
        L * 2 * 2 * D + 2 * D,
        V * D,
        V * D,
    ]
    whole = sum(parts)
    # The hand-written parts add up to llmsize's count of the same architecture.
    assert whole == COMPLETED
    assert whole - 2 * V * D == counts(completed).non_embedding
    assert L * (attention_4d2(D) + ffn_8d2(D)) == twelve_ld2(L, D)
    values = [*parts, whole, twelve_ld2(L, D)]
    header, rows = _LEFT_OUT[lang]
    out = [header, "|---|---|--:|--:|"]
    for (part, formula), n in zip(rows, values, strict=True):
        share = fmt.percent(n, whole, lang)
        if share == fmt.percent(0, whole, lang):  # too small to show at one decimal
            share = "< 0.1%" if lang == "en" else "不到 0.1%"
        cells = [fmt.count(n, lang), share]
        if part.startswith("**"):
            cells = [f"**{c}**" for c in cells]
        out.append(f"| {part} | {formula} | {cells[0]} | {cells[1]} |")
    return "\n".join(out)


def vocab_line(lang):
    """One line naming the vocabulary used above."""
    if lang == "zh":
        return (
            f"词表大小取 DeepSeek-V3 的 `V` = {fmt.exact(V, lang)}；嵌入和输出头两张表合计 "
            f"{fmt.count(2 * V * D, lang)}个参数，LayerNorm 与偏置加起来只有 "
            f"{fmt.count(L * 13 * D + 2 * D, lang)}个。"
        )
    return (
        f"The vocabulary is DeepSeek-V3's, `V` = {fmt.exact(V, lang)}. The embedding and "
        f"the head add {fmt.count(2 * V * D, lang)} parameters between them; the norms and "
        f"biases together only {fmt.count(L * 13 * D + 2 * D, lang)}."
    )


# --- how far from 671B ----------------------------------------------------------------------

# What 12·L·D² needs to reach DeepSeek-V3's total: more layers at D = 8192, or a wider model
# at L = 100 (both the smallest integer that gets there).
LAYERS_NEEDED = -(-DEEPSEEK_TOTAL // layer_12d2(D))
WIDTH_NEEDED = isqrt(-(-DEEPSEEK_TOTAL // (12 * L)))
if 12 * L * WIDTH_NEEDED**2 < DEEPSEEK_TOTAL:
    WIDTH_NEEDED += 1
_T = DEEPSEEK_TOTAL
assert stack(LAYERS_NEEDED, D) >= _T > stack(LAYERS_NEEDED - 1, D)
assert twelve_ld2(L, WIDTH_NEEDED) >= _T > twelve_ld2(L, WIDTH_NEEDED - 1)
DEEPSEEK_12LD2 = twelve_ld2(deepseek_v3.layers, deepseek_v3.width)

_REACH = {
    "en": (
        "| Dense model | `L` | `D` | `12·L·D²` |",
        (
            "The article's example",
            "Same width, enough layers for DeepSeek-V3's total",
            "Same depth, wide enough for DeepSeek-V3's total",
            "DeepSeek-V3's own depth and width",
        ),
    ),
    "zh": (
        "| 稠密模型 | `L` | `D` | `12·L·D²` |",
        (
            "原文的例子",
            "宽度不变，层数加到够 DeepSeek-V3 的总数",
            "层数不变，宽度加到够 DeepSeek-V3 的总数",
            "DeepSeek-V3 自己的层数和宽度",
        ),
    ),
}


def reach_table(lang):
    """Markdown table: what a dense model would need to reach DeepSeek-V3's total."""
    shapes = [
        (L, D),
        (LAYERS_NEEDED, D),
        (L, WIDTH_NEEDED),
        (deepseek_v3.layers, deepseek_v3.width),
    ]
    header, names = _REACH[lang]
    out = [header, "|---|--:|--:|--:|"]
    for name, (layers, width) in zip(names, shapes, strict=True):
        out.append(
            f"| {name} | {fmt.exact(layers, lang)} | {fmt.exact(width, lang)}"
            f" | {fmt.count(twelve_ld2(layers, width), lang)} |"
        )
    return "\n".join(out)


def totals_chart(lang):
    """Horizontal bars: the example's totals against DeepSeek-V3's total and active counts."""
    values = [
        CLAIMS["total"].claimed,
        CLAIMS["total"].correct,
        COMPLETED,
        DEEPSEEK_12LD2,
        DEEPSEEK_ACTIVE,
        DEEPSEEK_TOTAL,
    ]
    if lang == "zh":
        labels = [
            "原文的总数",
            "正确的 12·L·D²",
            "补全后的整个模型",
            "DeepSeek-V3 形状的 12·L·D²",
            "DeepSeek-V3 每词元激活",
            "DeepSeek-V3 总参数量",
        ]
        title = "原文例子的参数量与 DeepSeek-V3 对比"
    else:
        labels = [
            "The article's total",
            "Correct 12·L·D²",
            "The whole model, completed",
            "12·L·D² at DeepSeek-V3's shape",
            "DeepSeek-V3, active per token",
            "DeepSeek-V3, total",
        ]
        title = "The article's example against DeepSeek-V3, in parameters"
    palette = PALETTE
    colors = [palette[1], palette[0], palette[0], palette[2], palette[2], palette[3]]
    texts = [fmt.count(v, lang) for v in values]
    return hbar(labels, values, title, texts, colors=colors)
