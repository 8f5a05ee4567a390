# Compute page: FLOPs per token, the attention term, training compute (6ND), MoE and
# Chinchilla. Every fence of docs/compute.md and docs/compute.zh.md includes this file and prints
# one of the functions below in its language, e.g. per_token_table("zh").
from fractions import Fraction

from llmsize import counts, flops, fmt, presets

deepseek_v3 = presets.load("deepseek-v3")
gpt3 = presets.load("gpt3-175b")
assert counts(deepseek_v3).active == 37_552_282_624


def _t(lang, en, zh):
    """The text for ``lang``."""
    return zh if lang == "zh" else en


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(n: int, digits: int = 3) -> str:
    """``n`` in scientific notation, rounded half up: ``3.14 × 10²³``."""
    exponent = len(str(n)) - 1
    shift = exponent - (digits - 1)
    scaled = n // 10**shift if shift <= 0 else _round_div(n, 10**shift)
    if scaled >= 10**digits:  # rounding carried into a new digit: 9.995 -> 10.0
        scaled //= 10
        exponent += 1
    text = str(scaled)
    return f"{text[0]}.{text[1:]} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _round_div(a: int, b: int) -> int:
    return (2 * a + b) // (2 * b)


def flop_count(n: int, lang: str) -> str:
    """FLOPs per token, compact: ``15B`` / ``150亿``."""
    return fmt.count(n, lang)


def _times(a: int, b: int, lang: str) -> str:
    """``a`` as a multiple of ``b``: ``×17.9`` in English, ``17.9 倍`` in Chinese."""
    text = fmt.ratio(a, b, lang)
    return f"{text[1:]} 倍" if lang == "zh" else text


# --- per token ------------------------------------------------------------------------------

PER_TOKEN_MODELS = (
    "gpt2",
    "llama-2-7b",
    "llama-3.1-8b",
    "qwen2.5-7b",
    "mixtral-8x7b",
    "gpt3-175b",
    "deepseek-v3",
)


def per_token_table(lang: str) -> str:
    """Markdown table: the 2N rule against the parameters a token is really multiplied by."""
    header = _t(
        lang,
        "| Model | Total parameters | Used per token (N) | 2N | Multiplied per token"
        " | Forward FLOPs per token, no context |",
        "| 模型 | 总参数量 | 每个词元用到的（N） | 2N | 每个词元实际相乘的参数"
        " | 每个词元的前向 FLOPs（不计上下文） |",
    )
    rows = [header, "|---|--:|--:|--:|--:|--:|"]
    for preset_id in PER_TOKEN_MODELS:
        spec = presets.load(preset_id)
        c = counts(spec)
        rows.append(
            f"| {spec.name} | {fmt.count(c.total, lang)} | {fmt.count(c.active, lang)}"
            f" | {flop_count(flops.two_n_flops_per_token(spec), lang)}"
            f" | {fmt.count(flops.matmul_params(spec), lang)}"
            f" | {flop_count(flops.forward_flops_per_token(spec), lang)} |"
        )
    return "\n".join(rows)


# --- attention over the context -------------------------------------------------------------

CHART_MODEL = "llama-3.1-8b"
CONTEXTS = tuple(1024 * 2**i for i in range(8))  # 1K .. 128K tokens


def _attention_crossover(spec) -> int:
    """The shortest context at which the attention term reaches the parameter term."""
    per_key = flops.attention_flops_per_token(spec, 1)
    return -(-2 * flops.matmul_params(spec) // per_key)


def attention_chart(lang: str) -> str:
    """SVG: forward FLOPs per token of one model, parameter and attention terms, by context."""
    spec = presets.load(CHART_MODEL)
    weights = 2 * flops.matmul_params(spec)
    attention = [flops.attention_flops_per_token(spec, t) for t in CONTEXTS]
    total = [flops.forward_flops_per_token(spec, t) for t in CONTEXTS]
    assert all(
        w + a == t for w, a, t in zip([weights] * len(CONTEXTS), attention, total)
    )
    return lines(
        list(CONTEXTS),
        [
            (
                _t(lang, "Weights (2 × multiplied parameters)", "权重部分（2 × 相乘的参数）"),
                [weights] * len(CONTEXTS),
            ),
            (_t(lang, "Attention over the context", "对上下文的注意力"), attention),
            (_t(lang, "Forward pass, total", "前向计算合计"), total),
        ],
        _t(
            lang,
            f"{spec.name}: forward FLOPs for one token by context length",
            f"{spec.name}：一个词元的前向 FLOPs 随上下文长度的变化",
        ),
        xlabel=_t(lang, "Tokens in the context (log scale)", "上下文中的词元数（对数刻度）"),
        ylabel=_t(lang, "FLOPs per token", "每个词元的 FLOPs"),
        value_format=lambda v: flop_count(v, lang),
        x_format=lambda x: f"{x // 1024}K",
        logx=True,
    )


def attention_crossover(lang: str) -> str:
    """Sentences: where attention catches up with the weights, for the chart's model and V3."""
    spec = presets.load(CHART_MODEL)
    t_llama = _attention_crossover(spec)
    t_ds = _attention_crossover(deepseek_v3)
    per_key = flops.attention_flops_per_token(spec, 1)
    return _t(
        lang,
        f"Each token in the context costs {spec.name} another {fmt.exact(per_key, lang)} FLOPs"
        f" per generated token, so attention catches up with the weights' term at"
        f" {fmt.exact(t_llama, lang)} tokens of context. DeepSeek-V3 multiplies each token by"
        " fewer parameters than its size suggests but has wide attention heads, so its"
        f" crossover comes at {fmt.exact(t_ds, lang)} tokens (counting its attention the plain,"
        " decompressed way).",
        f"对 {spec.name} 来说，上下文中每多一个词元，生成每个新词元就要多"
        f" {fmt.exact(per_key, lang)} 次浮点运算；上下文到 {fmt.exact(t_llama, lang)} 个词元时，"
        "注意力部分就赶上了权重部分。DeepSeek-V3 每个词元乘到的参数比它的规模小得多，注意力头却很宽，"
        f"所以上下文到 {fmt.exact(t_ds, lang)} 个词元就会交叉（注意力按未压缩的普通算法计算）。",
    )


KAPLAN_CONTEXT = 2048  # GPT-3's training context (Brown et al. 2020, Table 2.1)


def kaplan_table(lang: str) -> str:
    """Markdown table: Kaplan et al.'s forward formula against llmsize's, for GPT-3."""
    n = KAPLAN_CONTEXT
    assert gpt3.context_length == n
    kaplan = flops.kaplan_forward_flops_per_token(gpt3, n)
    average = Fraction(flops.sequence_forward_flops(gpt3, n), n)
    last = flops.forward_flops_per_token(gpt3, n)
    rule = flops.two_n_flops_per_token(gpt3)
    rows = [
        _t(
            lang,
            "| Way of counting | FLOPs per token | What it includes |",
            "| 算法 | 每个词元的 FLOPs | 包含什么 |",
        ),
        "|---|--:|---|",
        _t(
            lang,
            f"| `2N` rule | {flop_count(rule, lang)} | every parameter, embedding lookup"
            " included; no attention |",
            f"| `2N` 经验法则 | {flop_count(rule, lang)} | 全部参数，包括嵌入查表；不计注意力 |",
        ),
        _t(
            lang,
            f"| Kaplan et al., `2N + 2·L·n_ctx·d_attn` | {flop_count(kaplan, lang)} |"
            " non-embedding parameters; attention averaged over a training sequence |",
            f"| Kaplan 等人，`2N + 2·L·n_ctx·d_attn` | {flop_count(kaplan, lang)} |"
            " 非嵌入参数；注意力按一条训练序列取平均 |",
        ),
        _t(
            lang,
            f"| llmsize, averaged over a sequence of {fmt.exact(n, lang)} |"
            f" {flop_count(int(average), lang)} | every multiplied parameter, output head included;"
            " token `i` attends to `i` keys |",
            f"| llmsize，对 {fmt.exact(n, lang)} 个词元的序列取平均 |"
            f" {flop_count(int(average), lang)} | 所有参与乘法的参数，包括输出头；第 `i` 个词元关注"
            " `i` 个键 |",
        ),
        _t(
            lang,
            f"| llmsize, the last token of that sequence | {flop_count(last, lang)} |"
            " the same, attending to the whole context |",
            f"| llmsize，该序列的最后一个词元 | {flop_count(last, lang)} | 同上，关注整个上下文 |",
        ),
    ]
    # The averaged llmsize figure differs from Kaplan's exactly by the tied output head, which
    # Kaplan et al. leave out with the embeddings, plus the half key the exact average adds.
    head = 2 * gpt3.vocab * gpt3.width
    half = gpt3.layers * gpt3.heads * 2 * gpt3.head_dim
    assert average - kaplan == head + half
    return "\n".join(rows)


# --- training -------------------------------------------------------------------------------

# Pre-training tokens as published.
GPT3_TOKENS = 300 * 10**9  # Brown et al. 2020, Table 2.1 / D.1
CHINCHILLA_PARAMS = 70 * 10**9  # Hoffmann et al. 2022, section 4
CHINCHILLA_TOKENS = 1_400 * 10**9
DEEPSEEK_V3_TOKENS = 14_800 * 10**9  # DeepSeek-V3 Technical Report, abstract
# Published compute: GPT-3, Table D.1 (3.14E+23 FLOPs, 3.64E+03 petaflop/s-days); Gopher's
# budget, which Chinchilla was trained to match (Hoffmann et al. 2022, Figure 2 and section 4).
GPT3_PAPER_FLOPS = 314 * 10**21
GPT3_PAPER_PF_DAYS = 3_640
GOPHER_BUDGET = 576 * 10**21
PF_DAY = 10**15 * 86_400


def moe_table(lang: str) -> str:
    """Markdown table: DeepSeek-V3 per token and over its training run, against a dense twin."""
    c = counts(deepseek_v3)
    header = _t(
        lang,
        "| Model | Parameters each token uses | Forward FLOPs per token (`2N`)"
        " | Training FLOPs on the same tokens (`6ND`) |",
        "| 模型 | 每个词元用到的参数 | 每个词元的前向 FLOPs（`2N`） | 同样词元数的训练 FLOPs（`6ND`） |",
    )
    rows = [header, "|---|--:|--:|--:|"]
    for name, n in (
        (_t(lang, "DeepSeek-V3 (MoE)", "DeepSeek-V3（MoE）"), c.active),
        (_t(lang, "A dense model of the same total", "总参数量相同的稠密模型"), c.total),
    ):
        rows.append(
            f"| {name} | {fmt.count(n, lang)} | {flop_count(2 * n, lang)}"
            f" | {sci(flops.training_flops(n, DEEPSEEK_V3_TOKENS))} |"
        )
    return "\n".join(rows)


def moe_ratio(lang: str) -> str:
    c = counts(deepseek_v3)
    return _t(
        lang,
        f"The dense model would do {_times(c.total, c.active, lang)} as much arithmetic for every"
        f" token; DeepSeek-V3 uses {fmt.percent(c.active, c.total, lang)} of its parameters on"
        " each one.",
        f"稠密模型处理每个词元的运算量是它的 {_times(c.total, c.active, lang)}；DeepSeek-V3"
        f" 每个词元只用到全部参数的 {fmt.percent(c.active, c.total, lang)}。",
    )


# Chinchilla's Table 3 (Approach 1): compute-optimal tokens for a few model sizes.
CHINCHILLA_TABLE3 = (
    (1 * 10**9, 20_200 * 10**6),
    (10 * 10**9, 205_100 * 10**6),
    (280 * 10**9, 5_900 * 10**9),
)


def chinchilla_table(lang: str) -> str:
    """Markdown table: 20 tokens per parameter against the paper's own projections."""
    header = _t(
        lang,
        "| Parameters | Tokens at 20 per parameter | The paper's projection (Table 3)"
        " | Training FLOPs at 20 per parameter (`6ND`) |",
        "| 参数量 | 每个参数 20 个词元 | 论文的预测（表 3） | 按每个参数 20 个词元的训练 FLOPs（`6ND`） |",
    )
    rows = [header, "|--:|--:|--:|--:|"]
    for params, paper in CHINCHILLA_TABLE3:
        tokens = flops.chinchilla_tokens(params)
        assert abs(Fraction(tokens, paper) - 1) < Fraction(6, 100)
        rows.append(
            f"| {fmt.count(params, lang)} | {fmt.count(tokens, lang)} | {fmt.count(paper, lang, 4)}"
            f" | {sci(flops.training_flops(params, tokens))} |"
        )
    # Chinchilla itself: 1.4T tokens for 70B parameters.
    assert flops.chinchilla_tokens(CHINCHILLA_PARAMS) == CHINCHILLA_TOKENS
    return "\n".join(rows)


def optimal_table(lang: str) -> str:
    """Markdown table: the compute-optimal model for three real budgets."""
    ds = counts(deepseek_v3)
    budgets = (
        (
            _t(lang, "GPT-3 (`6ND`)", "GPT-3（`6ND`）"),
            flops.training_flops(counts(gpt3).total, GPT3_TOKENS),
            counts(gpt3).total,
            GPT3_TOKENS,
        ),
        (
            _t(
                lang,
                "Gopher, as stated in the Chinchilla paper",
                "Gopher（Chinchilla 论文给出的预算）",
            ),
            GOPHER_BUDGET,
            CHINCHILLA_PARAMS,
            CHINCHILLA_TOKENS,
        ),
        (
            _t(lang, "DeepSeek-V3 (`6ND`, active parameters)", "DeepSeek-V3（`6ND`，按激活参数）"),
            flops.training_flops(ds.active, DEEPSEEK_V3_TOKENS),
            ds.active,
            DEEPSEEK_V3_TOKENS,
        ),
    )
    header = _t(
        lang,
        "| Budget | FLOPs | Optimal parameters | Optimal tokens | Trained with (parameters, tokens) |",
        "| 预算 | FLOPs | 最优参数量 | 最优词元数 | 实际训练（参数量，词元数） |",
    )
    rows = [header, "|---|--:|--:|--:|--:|"]
    for name, budget, params, tokens in budgets:
        opt = flops.compute_optimal(budget)
        actual = _t(
            lang,
            f"{fmt.count(params, lang)}, {fmt.count(tokens, lang)}",
            f"{fmt.count(params, lang)}，{fmt.count(tokens, lang)}",
        )
        if params == CHINCHILLA_PARAMS:
            actual = _t(lang, f"Chinchilla: {actual}", f"Chinchilla：{actual}")
        rows.append(
            f"| {name} | {sci(budget)} | {fmt.count(opt.params, lang)}"
            f" | {fmt.count(opt.tokens, lang)} | {actual} |"
        )
    # At Gopher's budget the 20-tokens rule lands on Chinchilla's own size (70B, 1.4T tokens).
    gopher = flops.compute_optimal(GOPHER_BUDGET)
    assert (
        round(Fraction(gopher.params, 10**10)) * 10**10 == CHINCHILLA_PARAMS
    )
    assert (
        round(Fraction(gopher.tokens, 10**11)) * 10**11 == CHINCHILLA_TOKENS
    )
    return "\n".join(rows)


def examples_table(lang: str) -> str:
    """Markdown table: 6ND for three published training runs, beside what was published."""
    ds = counts(deepseek_v3)
    gpt3_flops = flops.training_flops(counts(gpt3).total, GPT3_TOKENS)
    chin_flops = flops.training_flops(CHINCHILLA_PARAMS, CHINCHILLA_TOKENS)
    ds_flops = flops.training_flops(ds.active, DEEPSEEK_V3_TOKENS)
    # Pinned: Brown et al. 2020, Table D.1 (3.14E+23 FLOPs, 3.64E+03 petaflop/s-days) and the
    # 70B x 1.4T of Chinchilla, within a few percent of the Gopher budget it was meant to match.
    assert sci(gpt3_flops) == sci(GPT3_PAPER_FLOPS) == "3.14 × 10²³"
    assert round(Fraction(gpt3_flops, PF_DAY), -1) == GPT3_PAPER_PF_DAYS
    assert chin_flops == 588 * 10**21
    assert abs(Fraction(chin_flops, GOPHER_BUDGET) - 1) < Fraction(3, 100)
    header = _t(
        lang,
        "| Training run | N | D (tokens) | `6·N·D` | Published |",
        "| 训练 | N | D（词元数） | `6·N·D` | 公开的数字 |",
    )
    rows = [header, "|---|--:|--:|--:|---|"]
    rows.append(
        _t(
            lang,
            f"| GPT-3 | {fmt.count(counts(gpt3).total, lang)} (exact count) |"
            f" {fmt.count(GPT3_TOKENS, lang)} | {sci(gpt3_flops)} | {sci(GPT3_PAPER_FLOPS)} FLOPs"
            " (Brown et al. 2020, Table D.1) |",
            f"| GPT-3 | {fmt.count(counts(gpt3).total, lang)}（精确值） |"
            f" {fmt.count(GPT3_TOKENS, lang)} | {sci(gpt3_flops)} | {sci(GPT3_PAPER_FLOPS)} FLOPs"
            "（Brown 等，2020，表 D.1） |",
        )
    )
    rows.append(
        _t(
            lang,
            f"| Chinchilla | {fmt.count(CHINCHILLA_PARAMS, lang)} (as published) |"
            f" {fmt.count(CHINCHILLA_TOKENS, lang)} | {sci(chin_flops)} | {sci(GOPHER_BUDGET)} FLOPs,"
            " Gopher's budget, which Chinchilla was trained to match (Hoffmann et al. 2022) |",
            f"| Chinchilla | {fmt.count(CHINCHILLA_PARAMS, lang)}（论文给出的） |"
            f" {fmt.count(CHINCHILLA_TOKENS, lang)} | {sci(chin_flops)} | {sci(GOPHER_BUDGET)} FLOPs，"
            "即 Gopher 的预算，Chinchilla 按同样的预算训练（Hoffmann 等，2022） |",
        )
    )
    rows.append(
        _t(
            lang,
            f"| DeepSeek-V3 | {fmt.count(ds.active, lang)} (active) |"
            f" {fmt.count(DEEPSEEK_V3_TOKENS, lang)} | {sci(ds_flops)} | no FLOP figure; the cost is"
            " given in H800 GPU-hours (DeepSeek-V3 Technical Report) |",
            f"| DeepSeek-V3 | {fmt.count(ds.active, lang)}（激活参数） |"
            f" {fmt.count(DEEPSEEK_V3_TOKENS, lang)} | {sci(ds_flops)} | 没有给出 FLOPs；成本以 H800"
            " GPU 小时计（DeepSeek-V3 技术报告） |",
        )
    )
    return "\n".join(rows)


def gpt3_note(lang: str) -> str:
    """Sentences: why 6ND lands on the paper's GPT-3 figure, and what 175B would give."""
    exact = flops.training_flops(counts(gpt3).total, GPT3_TOKENS)
    label = presets.get("gpt3-175b").claim("total").value
    rounded = flops.training_flops(label, GPT3_TOKENS)
    pf_days = Fraction(exact, PF_DAY)
    return _t(
        lang,
        f"With the exact count, `6·N·D` gives {sci(exact)} FLOPs, the paper's figure to the last"
        f" digit it prints; in petaflop/s-days that is {fmt.exact(round(pf_days), lang)}, which"
        f" the paper rounds to {sci(GPT3_PAPER_PF_DAYS)}. The"
        f" rounded label would give {sci(rounded)}: the paper's compute table used a parameter"
        f" count just under {fmt.count(label, lang)} too, so the small gap between the two is"
        " only rounding.",
        f"用精确参数量，`6·N·D` 得到 {sci(exact)} FLOPs，与论文给出的数字在它印出的每一位上都相同，"
        f"折合 {fmt.exact(round(pf_days), lang)} petaflop/s-day，论文取整为"
        f" {sci(GPT3_PAPER_PF_DAYS)}。若用取整的标签，会得到"
        f" {sci(rounded)}：论文的算力表用的参数量同样略低于 {fmt.count(label, lang)}，"
        "两者之间那一点差距只是取整造成的。",
    )


def chinchilla_note(lang: str) -> str:
    chin = flops.training_flops(CHINCHILLA_PARAMS, CHINCHILLA_TOKENS)
    over = fmt.percent(chin - GOPHER_BUDGET, GOPHER_BUDGET, lang)
    return _t(
        lang,
        f"For Chinchilla, `6·N·D` with the published {fmt.count(CHINCHILLA_PARAMS, lang)} and"
        f" {fmt.count(CHINCHILLA_TOKENS, lang)} tokens comes out {over} above the budget the"
        " paper says it used. Both sizes are rounded, and the paper counts FLOPs its own,"
        " more detailed way, so agreement to a few percent is all `6ND` can promise.",
        f"对 Chinchilla，用论文给出的 {fmt.count(CHINCHILLA_PARAMS, lang)}参数和"
        f" {fmt.count(CHINCHILLA_TOKENS, lang)}词元，`6·N·D` 比论文所说的预算高出 {over}。"
        "这两个规模都是取整值，论文又用自己更细的方法统计 FLOPs，所以 `6ND` 只能保证相差几个百分点。",
    )


def deepseek_note(lang: str) -> str:
    """Sentence: how much the attention term adds at DeepSeek-V3's pre-training context."""
    seq = 4096  # DeepSeek-V3 Technical Report: pre-training sequence length 4K
    per_token = Fraction(flops.sequence_forward_flops(deepseek_v3, seq), seq)
    weights = 2 * flops.matmul_params(deepseek_v3)
    extra = fmt.percent(int(per_token) - weights, weights, lang, 0)
    return _t(
        lang,
        f"At the {fmt.exact(seq, lang)}-token sequences DeepSeek-V3 was pre-trained on, attention"
        f" adds about {extra} to the weights' part of every forward pass, and `6ND` leaves it out.",
        f"DeepSeek-V3 预训练用的序列长 {fmt.exact(seq, lang)} 个词元；在这个长度上，注意力让每次"
        f"前向计算比只算权重部分多出约 {extra}，而 `6ND` 没有计入这一部分。",
    )
