# Compute page, training: MoE's active parameters, Chinchilla's 20 tokens per parameter, the
# compute-optimal size for a budget, and named training runs. A fence includes md.py, then this
# file, and prints one function in its language, e.g. examples_table("zh"). Runs and their
# published compute come from llmsize.runs, FLOPs from llmsize.flops; every figure in scientific
# notation is a named mark (compute/runs.py, included after md.py), so the same run's compute
# has one value across pages.
from fractions import Fraction

from llmsize import counts, flops, fmt, presets, runs
from llmsize.text import say

deepseek_v3 = presets.load("deepseek-v3")
GPT3, GOPHER, CHINCHILLA, DEEPSEEK = (runs.get(i) for i in runs.ids())
PF_DAY = 10**15 * 86_400


# --- mixture of experts ---------------------------------------------------------------------

_MOE_HEADER = (
    HEADS["model"],
    {"en": "Parameters each token uses", "zh": "每个词元用到的参数"},
    HEADS["forward_2n"],
    {"en": "Training FLOPs on the same tokens (`6ND`)", "zh": "同样词元数的训练 FLOPs（`6ND`）"},
)
_MOE_ROWS = (
    {"en": "DeepSeek-V3 (MoE)", "zh": "DeepSeek-V3（MoE）"},
    {"en": "A dense model of the same total", "zh": "总参数量相同的稠密模型"},
)


def moe_table(lang):
    """Markdown table: DeepSeek-V3 per token and over its training run, against a dense twin."""
    c = counts(deepseek_v3)
    assert DEEPSEEK.params == c.active
    dense = flops.training_flops(c.total, DEEPSEEK.tokens)
    rows = [
        [say(_MOE_ROWS[0], lang), fmt.count(c.active, lang)]
        + [fmt.count(2 * c.active, lang), six_nd(DEEPSEEK, lang)],
        [say(_MOE_ROWS[1], lang), fmt.count(c.total, lang)]
        + [
            fmt.count(2 * c.total, lang),
            sci_mark("deepseek-v3.dense_twin.train_flops_6nd", dense, lang),
        ],
    ]
    return table(_MOE_HEADER, rows, "lrrr", lang)


_MOE_RATIO = {
    "en": "The dense model would do {times} as much arithmetic for every token; DeepSeek-V3"
    " uses {share} of its parameters on each one.",
    "zh": "稠密模型处理每个词元的运算量是它的 {times}；DeepSeek-V3 每个词元只用到全部参数的 {share}。",
}


def moe_ratio(lang):
    c = counts(deepseek_v3)
    return say(
        _MOE_RATIO,
        lang,
        times=fmt.times(c.total, c.active, lang),
        share=fmt.percent(c.active, c.total, lang),
    )


# --- Chinchilla ------------------------------------------------------------------------------

_TABLE3_SIZES = (1 * 10**9, 10 * 10**9, 280 * 10**9)
_CHINCHILLA_HEADER = (
    HEADS["params"],
    {"en": "Tokens at 20 per parameter", "zh": "每个参数 20 个词元"},
    {"en": "The paper's projection (Table 3)", "zh": "论文的预测（表 3）"},
    {
        "en": "Training FLOPs at 20 per parameter (`6ND`)",
        "zh": "按每个参数 20 个词元的训练 FLOPs（`6ND`）",
    },
)


def chinchilla_table(lang):
    """Markdown table: 20 tokens per parameter against the paper's own projections."""
    rows = []
    for row in runs.CHINCHILLA_TABLE3:
        if row.params not in _TABLE3_SIZES:
            continue
        tokens = flops.chinchilla_tokens(row.params)
        assert abs(Fraction(tokens, row.tokens) - 1) < Fraction(6, 100)
        rule_flops = flops.training_flops(row.params, tokens)
        rows.append(
            [
                fmt.count(row.params, lang),
                fmt.count(tokens, lang),
                fmt.count(row.tokens, lang, 4),
                sci_mark(f"chinchilla_rule.{row.params}.train_flops_6nd", rule_flops, lang, False),
            ]
        )
    # Chinchilla itself: 1.4T tokens for 70B parameters.
    assert flops.chinchilla_tokens(CHINCHILLA.params) == CHINCHILLA.tokens
    return table(_CHINCHILLA_HEADER, rows, "rrrr", lang)


_OPTIMAL_HEADER = (
    {"en": "Budget", "zh": "预算"},
    {"en": "FLOPs", "zh": "FLOPs"},
    {"en": "Optimal parameters", "zh": "最优参数量"},
    {"en": "Optimal tokens", "zh": "最优词元数"},
    {"en": "Trained with (parameters, tokens)", "zh": "实际训练（参数量，词元数）"},
)
_OPTIMAL_ROWS = {
    "gpt3": {"en": "GPT-3 (`6ND`)", "zh": "GPT-3（`6ND`）"},
    "gopher": {"en": "Gopher, as published", "zh": "Gopher（公布的预算）"},
    "deepseek-v3": {
        "en": "DeepSeek-V3 (`6ND`, active parameters)",
        "zh": "DeepSeek-V3（`6ND`，按激活参数）",
    },
}
_TRAINED = {"en": "{n}, {d}", "zh": "{n}，{d}"}
_CHINCHILLA_TRAINED = {"en": "Chinchilla: {x}", "zh": "Chinchilla：{x}"}


def optimal_table(lang):
    """Markdown table: the compute-optimal model for three real budgets."""
    budgets = (
        (GPT3, six_nd(GPT3, lang), GPT3.six_nd, GPT3),
        (GOPHER, reported(GOPHER, lang), GOPHER.reported_flops, CHINCHILLA),
        (DEEPSEEK, six_nd(DEEPSEEK, lang), DEEPSEEK.six_nd, DEEPSEEK),
    )
    rows = []
    for run, budget_text, budget, trained in budgets:
        opt = flops.compute_optimal(budget)
        actual = say(
            _TRAINED, lang, n=fmt.count(trained.params, lang), d=fmt.count(trained.tokens, lang)
        )
        if trained is CHINCHILLA:
            actual = say(_CHINCHILLA_TRAINED, lang, x=actual)
        rows.append(
            [
                say(_OPTIMAL_ROWS[run.id], lang),
                budget_text,
                fmt.count(opt.params, lang),
                fmt.count(opt.tokens, lang),
                actual,
            ]
        )
    # At Gopher's budget the 20-tokens rule lands on Chinchilla's own size (70B, 1.4T tokens).
    gopher = flops.compute_optimal(GOPHER.reported_flops)
    assert round(Fraction(gopher.params, 10**10)) * 10**10 == CHINCHILLA.params
    assert round(Fraction(gopher.tokens, 10**11)) * 10**11 == CHINCHILLA.tokens
    return table(_OPTIMAL_HEADER, rows, "lrrrr", lang)


# --- named training runs ----------------------------------------------------------------------

_EXAMPLES_HEADER = (
    {"en": "Training run", "zh": "训练"},
    {"en": "N", "zh": "N"},
    {"en": "D (tokens)", "zh": "D（词元数）"},
    "`6·N·D`",
    HEADS["published"],
)
_N_KIND = {
    "exact": {"en": "exact count", "zh": "精确值"},
    "active": {"en": "active", "zh": "激活参数"},
    "published": {"en": "as published", "zh": "论文给出的"},
}


def _n_cell(run, lang):
    if run.preset is None:
        kind = "published"
    else:
        c = counts(presets.load(run.preset))
        kind = "active" if c.active != c.total else "exact"
    return fmt.both(fmt.count(run.params, lang), say(_N_KIND[kind], lang), lang)


def examples_table(lang):
    """Markdown table: 6ND for the named runs, beside what their authors published."""
    # Pinned: Brown et al. 2020, Table D.1 (3.14E+23 FLOPs, 3.64E+03 petaflop/s-days); the 70B x
    # 1.4T of Chinchilla, within a few percent of the Gopher budget it was meant to match.
    assert fmt.sci(GPT3.six_nd) == fmt.sci(GPT3.reported_flops) == "3.14 × 10²³"
    assert round(Fraction(GPT3.six_nd, PF_DAY), -1) == GPT3.reported_pf_days
    assert abs(Fraction(CHINCHILLA.six_nd, CHINCHILLA.budget) - 1) < Fraction(3, 100)
    rows = [
        [run.name, _n_cell(run, lang), fmt.count(run.tokens, lang), six_nd(run, lang)]
        + [published_compute(run, lang)]
        for run in (GPT3, GOPHER, CHINCHILLA, DEEPSEEK)
    ]
    return table(_EXAMPLES_HEADER, rows, "lrrrl", lang)


_GPT3_NOTE = {
    "en": "With the exact count, `6·N·D` gives {exact} FLOPs, the paper's figure to the last"
    " digit it prints; in petaflop/s-days that is {pf}, which the paper rounds to {pf_paper}."
    " The rounded label would give {label}: the paper's compute table uses {paper_n} parameters"
    " ({src}), just under {label_n} too, so the small gap between the two is only rounding.",
    "zh": "用精确参数量，`6·N·D` 得到 {exact} FLOPs，与论文给出的数字在它印出的每一位上都相同，"
    "折合 {pf} petaflop/s-day，论文取整为 {pf_paper}。若用取整的标签，会得到 {label}："
    "论文的算力表用的参数量是 {paper_n}（{src}），同样略低于 {label_n}，两者之间那一点差距"
    "只是取整造成的。",
}


def gpt3_note(lang):
    """Sentences: why 6ND lands on the paper's GPT-3 figure, and what 175B would give."""
    label = presets.get("gpt3-175b").claim("total").value
    rounded = flops.training_flops(label, GPT3.tokens)
    return say(
        _GPT3_NOTE,
        lang,
        exact=six_nd(GPT3, lang),
        pf=fmt.exact(round(Fraction(GPT3.six_nd, PF_DAY)), lang),
        pf_paper=sci_mark("gpt3.train_pf_days", GPT3.reported_pf_days, lang),
        label=sci_mark("gpt3.train_flops_6nd_175b", rounded, lang),
        paper_n=fmt.count(GPT3.published_params, lang, 4),
        src=say(GPT3.reported_source, lang),
        label_n=fmt.count(label, lang),
    )


_CHINCHILLA_NOTE = {
    "en": "For Chinchilla, `6·N·D` with the published {n} and {d} tokens comes out {over} above"
    " the budget the paper says it used; for Gopher, with {gn} and {gd} tokens, {under} below"
    " it. Both sizes are rounded, and the papers count FLOPs their own, more detailed way: the"
    " Chinchilla paper's recount of Gopher's run gives {recount} ({src}). So `6ND` matches"
    " published budgets only roughly.",
    "zh": "对 Chinchilla，用论文给出的 {n}参数和 {d}词元，`6·N·D` 比论文所说的预算高出 {over}；"
    "对 Gopher，用 {gn}参数和 {gd}词元，则低了 {under}。这些规模都是取整值，论文又用自己更细的"
    "方法统计 FLOPs：Chinchilla 论文重新统计 Gopher 的训练，得到 {recount}（{src}）。所以 `6ND`"
    " 与公开的预算只能大致相符。",
}


def chinchilla_note(lang):
    budget = GOPHER.reported_flops
    return say(
        _CHINCHILLA_NOTE,
        lang,
        n=fmt.count(CHINCHILLA.params, lang),
        d=fmt.count(CHINCHILLA.tokens, lang),
        over=fmt.percent(CHINCHILLA.six_nd - budget, budget, lang),
        gn=fmt.count(GOPHER.params, lang),
        gd=fmt.count(GOPHER.tokens, lang),
        under=fmt.percent(budget - GOPHER.six_nd, budget, lang),
        recount=sci_mark("gopher.train_flops_recount", GOPHER.recount_flops, lang),
        src=say(GOPHER.recount_source, lang),
    )


_DEEPSEEK_NOTE = {
    "en": "At the {seq}-token sequences DeepSeek-V3 was pre-trained on, attention adds about"
    " {extra} to the weights' part of every forward pass, and `6ND` leaves it out.",
    "zh": "DeepSeek-V3 预训练用的序列长 {seq} 个词元；在这个长度上，注意力让每次前向计算比只算"
    "权重部分多出约 {extra}，而 `6ND` 没有计入这一部分。",
}


def deepseek_note(lang):
    """Sentence: how much the attention term adds at DeepSeek-V3's pre-training context."""
    seq = 4096  # DeepSeek-V3 Technical Report: pre-training sequence length 4K
    per_token = Fraction(flops.sequence_forward_flops(deepseek_v3, seq), seq)
    weights = flops.forward_flops_per_token(deepseek_v3)
    extra = fmt.percent(int(per_token) - weights, weights, lang, 0)
    return say(_DEEPSEEK_NOTE, lang, seq=fmt.exact(seq, lang), extra=extra)
