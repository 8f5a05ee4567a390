# The article's example, claim by claim: its figures, its formulas, attention head by head and
# the totals in bytes. A page fence includes md.py, common.py, then this file (and charts.py
# first for layer_chart).
from llmsize.approx import article_attention, attention_4d2, per_head_attention
from llmsize.article import why
from llmsize.memory import weights_bytes
from llmsize.text import LABELS
from llmsize.worked import head_by_head, nearest_d2_multiple

# --- claim by claim -----------------------------------------------------------------------

_WHAT = {
    "attention": {"en": "Attention, one layer", "zh": "单层注意力"},
    "ffn": {"en": "FFN, one layer", "zh": "单层前馈网络"},
    "layer": HEADS["one_layer"],
    "total": {"en": "All `L` layers", "zh": "全部 `L` 层"},
    "fp32_bytes": {"en": "One fp32 value", "zh": "一个 fp32 数值"},
    "fp64_bytes": {"en": "One fp64 value", "zh": "一个 fp64 数值"},
}
# Formulas as the article writes them, in the page's language where they are words.
_AS_WRITTEN = {
    "attention": {"en": "`H·D·(3D + D)`", "zh": "`H·D·(3D + D)`"},
    "ffn": {"en": "`D·4D + 4D·D = 8D²`", "zh": "`D·4D + 4D·D = 8D²`"},
    "layer": {"en": "attention + FFN", "zh": "注意力 + 前馈网络"},
    "total": {"en": "`L` × layer", "zh": "`L` × 单层"},
    "fp32_bytes": {"en": "`32 / 8`", "zh": "`32 / 8`"},
    "fp64_bytes": {"en": "`64 / 8`", "zh": "`64 / 8`"},
}
_VERDICT = {
    "heads_counted_twice": {"en": "✗ wrong formula", "zh": "✗ 公式有误"},
    "rounding_slip": {"en": "✗ slip", "zh": "✗ 笔误"},
    "terms_off": {"en": "✗ carries the errors above", "zh": "✗ 沿用了上面的错误"},
    "right": {"en": "✓", "zh": "✓"},
}
_VERDICT["layer_off"] = _VERDICT["terms_off"]
_CLAIMS_HEADER = (
    HEADS["item"],
    {"en": "The article says", "zh": "原文给出的数"},
    {"en": "Formula as written", "zh": "原文的公式"},
    {"en": "That formula gives", "zh": "按原文公式计算"},
    {"en": "Correct formula", "zh": "正确公式"},
    {"en": "Correct value", "zh": "正确值"},
    {"en": "Verdict", "zh": "结论"},
)
_BYTES = {"en": "{n} bytes", "zh": "{n} 字节"}
_NOTE = {"en": "- **{what}**: {why}", "zh": "- **{what}**：{why}"}


def _value(key, n, lang, *, correct=False):
    """A claim's figure: bytes for the two storage claims; a count (every digit if correct)."""
    if key.endswith("_bytes"):
        return say(_BYTES, lang, n=fmt.exact(n, lang))
    return fmt.exact(n, lang) if correct else fmt.count_long(n, lang)


def claims_table(lang):
    """Markdown: every figure of the article's example beside what the formulas give, then why.

    The table carries a short verdict per claim; the reasons (llmsize.article.why) follow it as
    a list, one item per claim that does not hold, so the table stays readable.
    """
    rows, notes = [], []
    for key, c in CLAIMS.items():
        verdict = say(_VERDICT[c.verdict_key], lang)
        if c.right:
            verdict += " " + why(c.verdict_key, lang).rstrip(".。")
        else:
            what = say(_WHAT[key], lang)
            notes.append(say(_NOTE, lang, what=what, why=why(c.verdict_key, lang)))
        rows.append(
            [
                say(_WHAT[key], lang),
                _value(key, c.claimed, lang),
                say(_AS_WRITTEN[key], lang),
                _value(key, c.computed, lang),
                f"`{c.correct_formula}`",
                _value(key, c.correct, lang, correct=True),
                verdict,
            ]
        )
    assert [c.right for c in CLAIMS.values()] == [False] * 4 + [True] * 2
    return table(_CLAIMS_HEADER, rows, "lrlrlrl", lang) + "\n\n" + "\n".join(notes)


_LAYER_CHART = {
    "groups": ({"en": "The article", "zh": "原文"}, {"en": "Correct: 12D²", "zh": "正确：12D²"}),
    "series": (LABELS["attention"], {"en": "FFN", "zh": "前馈网络"}),
    "title": {
        "en": "One layer of the article's example: its figures against the correct count",
        "zh": "原文例子中的单层参数量，与正确值对比",
    },
    "ylabel": {"en": "parameters per layer", "zh": "单层参数量"},
}


def layer_chart(lang):
    """Stacked bars: one layer as the article prints it against 4D² + 8D²."""
    a, f = CLAIMS["attention"], CLAIMS["ffn"]
    assert a.claimed + f.claimed == CLAIMS["layer"].claimed
    assert L * CLAIMS["layer"].claimed == CLAIMS["total"].claimed
    attention, ffn = (say(s, lang) for s in _LAYER_CHART["series"])
    return stacked(
        [say(g, lang) for g in _LAYER_CHART["groups"]],
        [(attention, [a.claimed, a.correct]), (ffn, [f.claimed, f.correct])],
        say(_LAYER_CHART["title"], lang),
        ylabel=say(_LAYER_CHART["ylabel"], lang),
        value_format=lambda v: fmt.count(v, lang),
    )


# --- the attention formula ------------------------------------------------------------------

_ATTENTION_HEADER = (HEADS["part"], HEADS["shape"], HEADS["formula"], HEADS["params"])
# (piece, shape, formula); bold rows are the sums.
_ATTENTION = (
    ({"en": "Query matrix of one head", "zh": "一个头的查询矩阵"}, "`D × D/H`", "`D·D/H`"),
    (
        {"en": "Query, key and value of one head", "zh": "一个头的查询、键、值矩阵"},
        {"en": "three `D × D/H`", "zh": "三个 `D × D/H`"},
        "`3·D·D/H`",
    ),
    ({"en": "… for all `H` heads", "zh": "…… `H` 个头合计"}, "", "`H·3·D·D/H = 3D²`"),
    (
        {"en": "Output projection, shared by the heads", "zh": "输出投影（各头共用）"},
        "`D × D`",
        "`D²`",
    ),
    (_WHAT["attention"], "", "**`4D²`**"),
    (
        {"en": "The article's formula, as written", "zh": "原文公式，照原样计算"},
        {"en": "`H` heads × four `D × D`", "zh": "`H` 个头 × 四个 `D × D`"},
        "`H·D·(3D + D)`",
    ),
    (
        {
            "en": "For comparison: the multiple of `D²` nearest the article's figure",
            "zh": "作为对照：与原文数值最接近的 `D²` 倍数",
        },
        "",
        "`5D²`",
    ),
)


def _words(text, lang):
    return text if isinstance(text, str) else say(text, lang)


_SUMS = (_WHAT["attention"],)  # the bold rows of the attention table


def attention_table(lang):
    """Markdown table: attention counted head by head, against the article's formula."""
    pieces = head_by_head(H, D)
    # Head by head gives exactly 4D², whatever H; the article's formula is H times that.
    assert pieces["attention"] == per_head_attention(H, D) == attention_4d2(D) == 268_435_456
    assert article_attention(H, D) == H * attention_4d2(D)
    # 5D² = 335,544,320: the multiple of D² nearest the article's printed ~335 million.
    assert nearest_d2_multiple(CLAIMS["attention"].claimed, D) == 5
    assert 5 * D * D == 335_544_320
    values = [*pieces.values(), article_attention(H, D), 5 * D * D]
    rows = []
    for i, ((piece, shape, formula), n) in enumerate(zip(_ATTENTION, values, strict=True)):
        # 5D² to four digits, beside the article's printed figure
        shown = fmt.count_exact(n, lang, digits=4 if i == len(values) - 1 else 3)
        if piece in _SUMS:
            piece, shown = f"**{say(piece, lang)}**", f"**{shown}**"
        rows.append([_words(piece, lang), _words(shape, lang), formula, shown])
    return table(_ATTENTION_HEADER, rows, "lllr", lang)


_ATTENTION_RATIO = {
    "en": (
        "The formula as written gives {times} the right count, exactly the head count"
        " `H` = {h}: it gives every head full `D × D` matrices."
    ),
    "zh": (
        "照原样计算的结果是正确值的 {times}，恰好等于头数 `H` = {h}："
        "每个头都被当成了完整的 `D × D` 矩阵。"
    ),
}


def attention_ratio(lang):
    """One line: how many times the formula as written overshoots, and by what factor."""
    written, right = article_attention(H, D), attention_4d2(D)
    assert written == H * right
    return say(_ATTENTION_RATIO, lang, times=fmt.times(written, right, lang), h=fmt.exact(H, lang))


# --- bytes ---------------------------------------------------------------------------------

_BYTES_HEADER = (
    HEADS["params"],
    {"en": "Count", "zh": "数量"},
    {"en": "fp32 (4 bytes each)", "zh": "fp32（每个 4 字节）"},
    {"en": "fp64 (8 bytes each)", "zh": "fp64（每个 8 字节）"},
    {"en": "bf16 (2 bytes each)", "zh": "bf16（每个 2 字节）"},
)
_BYTES_ROWS = (
    ARTICLE_TOTAL,
    {"en": "Correct total, `12·L·D²`", "zh": "正确总数 `12·L·D²`"},
    {"en": "DeepSeek-V3, exact total", "zh": "DeepSeek-V3 的精确总数"},
)


def bytes_table(lang):
    """Markdown table: weight bytes of the claimed and computed totals, and of DeepSeek-V3."""
    totals = (CLAIMS["total"].claimed, CLAIMS["total"].correct, DEEPSEEK.total)
    # 4 and 8 bytes per value, worked out by hand for the correct total.
    assert weights_bytes(totals[1], "fp32") == 322_122_547_200
    assert weights_bytes(totals[1], "fp64") == 644_245_094_400
    rows = [
        [say(name, lang), fmt.count(n, lang)]
        + [fmt.bytes_both(weights_bytes(n, dt), lang) for dt in ("fp32", "fp64", "bf16")]
        for name, n in zip(_BYTES_ROWS, totals, strict=True)
    ]
    return table(_BYTES_HEADER, rows, "lrrrr", lang)
