# Compute page, per token: the 2N rule, the output head, attention over the context (with MLA's
# two forms) and Kaplan et al.'s formula. A fence includes md.py (and charts.py for the chart),
# then this file, and prints one function in its language, e.g. per_token_table("zh").
# llmsize.flops computes every figure; this file only lays them out.
from fractions import Fraction

from llmsize import counts, flops, fmt, memory, presets
from llmsize.text import LABELS, say

deepseek_v3 = presets.load("deepseek-v3")
gpt3 = presets.load("gpt3-175b")
assert counts(deepseek_v3).active == 37_552_282_624

PER_TOKEN_MODELS = (
    "gpt2",
    "llama-2-7b",
    "llama-3.1-8b",
    "qwen2.5-7b",
    "mixtral-8x7b",
    "gpt3-175b",
    "deepseek-v3",
)
_PER_TOKEN_HEADER = (
    HEADS["model"],
    LABELS["total"],
    {"en": "Used per token (N)", "zh": "每个词元用到的（N）"},
    {"en": "2N", "zh": "2N"},
    {"en": "Multiplied per token", "zh": "每个词元实际相乘的参数"},
    {"en": "Forward FLOPs per token, no context", "zh": "每个词元的前向 FLOPs（不计上下文）"},
)


def per_token_table(lang):
    """Markdown table: the 2N rule against the parameters a token is really multiplied by."""
    rows = []
    for preset_id in PER_TOKEN_MODELS:
        spec = presets.load(preset_id)
        c = counts(spec)
        rows.append(
            [
                spec.name,
                fmt.count(c.total, lang),
                fmt.count(c.active, lang),
                fmt.count(flops.two_n_flops_per_token(spec), lang),
                fmt.count(flops.matmul_params(spec), lang),
                fmt.count(flops.forward_flops_per_token(spec), lang),
            ]
        )
    return table(_PER_TOKEN_HEADER, rows, "lrrrrr", lang)


HEAD_MODEL = "llama-3.1-8b"
_HEAD_NOTE = {
    "en": "In {name} the output head is {share} of the parameters a generated token is"
    " multiplied by ({head} of {all}); a prefill runs it for the prompt's last token only.",
    "zh": "在 {name} 中，输出头占生成一个词元时参与乘法的参数的 {share}（{all}中的 {head}）；"
    "预填充只为提示的最后一个词元运行它。",
}


def head_note(lang):
    """Sentence: the output head's share of the parameter term, which a prefill mostly skips."""
    spec = presets.load(HEAD_MODEL)
    head, every = flops.head_params(spec), flops.matmul_params(spec)
    assert head == spec.vocab * spec.width == 128_256 * 4_096
    return say(
        _HEAD_NOTE,
        lang,
        name=spec.name,
        share=fmt.share(head, every, lang),
        head=fmt.count(head, lang),
        all=fmt.count(every, lang),
    )


# --- attention over the context -------------------------------------------------------------

_PER_TOKEN = {"en": "FLOPs per token", "zh": "每个词元的 FLOPs"}
CHART_MODEL = "llama-3.1-8b"
CONTEXTS = tuple(1024 * 2**i for i in range(8))  # 1K .. 128K tokens
_CHART = {
    "weights": {"en": "Weights (2 × multiplied parameters)", "zh": "权重部分（2 × 相乘的参数）"},
    "attention": {"en": "Attention over the context", "zh": "对上下文的注意力"},
    "total": {"en": "Forward pass, total", "zh": "前向计算合计"},
    "title": {
        "en": "{name}: forward FLOPs for one token by context length",
        "zh": "{name}：一个词元的前向 FLOPs 随上下文长度的变化",
    },
    "x": {"en": "Tokens in the context (log scale)", "zh": "上下文中的词元数（对数刻度）"},
    "y": _PER_TOKEN,
}


def attention_chart(lang):
    """SVG: forward FLOPs per token of one model, parameter and attention terms, by context."""
    spec = presets.load(CHART_MODEL)
    weights = [flops.forward_flops_per_token(spec)] * len(CONTEXTS)
    attention = [flops.attention_flops_per_token(spec, t) for t in CONTEXTS]
    total = [flops.forward_flops_per_token(spec, t) for t in CONTEXTS]
    assert all(w + a == t for w, a, t in zip(weights, attention, total))
    return lines(
        list(CONTEXTS),
        [
            (say(_CHART["weights"], lang), weights),
            (say(_CHART["attention"], lang), attention),
            (say(_CHART["total"], lang), total),
        ],
        say(_CHART["title"], lang, name=spec.name),
        xlabel=say(_CHART["x"], lang),
        ylabel=say(_CHART["y"], lang),
        value_format=lambda v: fmt.count(v, lang),
        x_format=lambda x: f"{x // 1024}K",
        logx=True,
    )


_CROSSOVER = {
    "en": "Each token in the context costs {name} another {per_key} FLOPs per generated token,"
    " so attention catches up with the weights' term at {t} tokens of context. DeepSeek-V3"
    " multiplies each token by fewer parameters than its size suggests but has wide attention"
    " heads, so its crossover comes at {t_ds} tokens (counting its attention the decompressed"
    " way; see [below](#mla) for the absorbed way that engines use when generating).",
    "zh": "对 {name} 来说，上下文中每多一个词元，生成每个新词元就要多做 {per_key} FLOPs 的运算；"
    "上下文到 {t} 个词元时，注意力部分就赶上了权重部分。DeepSeek-V3 每个词元乘到的参数比它的"
    "规模小得多，注意力头却很宽，所以上下文到 {t_ds} 个词元就会交叉（注意力按解压后的算法计算；"
    "推理引擎生成时用的吸收算法见[下文](#mla)）。",
}


def attention_crossover(lang):
    """Sentences: where attention catches up with the weights, for the chart's model and V3."""
    spec = presets.load(CHART_MODEL)
    return say(
        _CROSSOVER,
        lang,
        name=spec.name,
        per_key=fmt.exact(flops.attention_flops_per_token(spec, 1), lang),
        t=fmt.exact(flops.attention_crossover(spec), lang),
        t_ds=fmt.exact(flops.attention_crossover(deepseek_v3), lang),
    )


# --- MLA: decompressed and absorbed ---------------------------------------------------------

_MLA_HEADER = (
    {"en": "Form", "zh": "算法"},
    {"en": "Query/key size per head", "zh": "每个头的查询/键维度"},
    {"en": "Value size per head", "zh": "每个头的值维度"},
    {"en": "FLOPs per token of context", "zh": "上下文每个词元的 FLOPs"},
    {"en": "Attention reaches the weights' term at", "zh": "注意力赶上权重部分的上下文长度"},
    {"en": "Run by", "zh": "谁在用"},
)
_MLA_ROWS = {
    "decompressed": (
        {"en": "Decompressed", "zh": "解压"},
        {"en": "vLLM and SGLang, prefill", "zh": "vLLM、SGLang 的预填充"},
    ),
    "absorbed": (
        {"en": "Absorbed", "zh": "吸收"},
        {
            "en": "vLLM and SGLang, decode; FlashMLA (decode kernel)",
            "zh": "vLLM、SGLang 的解码；FlashMLA（解码内核）",
        },
    ),
}
_TOKENS = {"en": "{n} tokens", "zh": "{n} 个词元"}


def mla_table(lang):
    """Markdown table: DeepSeek-V3's attention cost per context token in MLA's two forms."""
    mla = deepseek_v3.mla
    sizes = {
        "decompressed": (mla.qk_nope_head_dim + mla.qk_rope_head_dim, mla.v_head_dim),
        "absorbed": (mla.kv_lora_rank + mla.qk_rope_head_dim, mla.kv_lora_rank),
    }
    # FlashMLA's decode shapes (d_k = 576, d_v = 512) and vLLM's prefill shapes (192, 128).
    assert sizes == {"decompressed": (192, 128), "absorbed": (576, 512)}
    rows = []
    for form in flops.MLA_FORMS:
        name, who = _MLA_ROWS[form]
        d_qk, d_v = sizes[form]
        per_key = flops.attention_flops_per_token(deepseek_v3, 1, mla_form=form)
        assert per_key == 2 * deepseek_v3.layers * deepseek_v3.heads * (d_qk + d_v)
        crossover = flops.attention_crossover(deepseek_v3, mla_form=form)
        rows.append(
            [
                say(name, lang),
                fmt.exact(d_qk, lang),
                fmt.exact(d_v, lang),
                fmt.exact(per_key, lang),
                say(_TOKENS, lang, n=fmt.exact(crossover, lang)),
                say(who, lang),
            ]
        )
    return table(_MLA_HEADER, rows, "lrrrrl", lang)


_MLA_NOTE = {
    "en": "Absorbed, each token of context costs {times} the arithmetic, and attention reaches"
    " the weights' term that much sooner. Generating text, it still does less work: decompressed,"
    " every new token would need each cached latent expanded again into {heads} heads' keys and"
    " values, or a cache of the expanded keys and values, {kv} the size of the latent cache."
    " In a prefill the prompt's keys and values are expanded once and shared by all its"
    " tokens, so there the decompressed form is the cheaper one. And with all {heads} heads"
    " reading the same cached latent, decoding does so much arithmetic per number it reads that"
    " DeepSeek's FlashMLA kernel is limited by arithmetic rather than by memory traffic on the"
    " H800, by its authors' analysis.",
    "zh": "按吸收算法，上下文中每个词元的运算量是解压算法的 {times}，注意力赶上权重部分也相应"
    "早得多。但生成文本时它反而省事：若按解压算法，每生成一个词元，都得把缓存里的每个潜向量重新"
    "展开成 {heads} 个头的键和值，或者缓存展开后的键和值，而那样的缓存是潜向量缓存的 {kv}。"
    "预填充时，提示的键和值只需展开一次，由提示中的所有词元共用，所以那里解压算法更省。此外，"
    "{heads} 个头读的是同一份缓存潜向量，解码时每读一个数要做的运算很多；按 FlashMLA 作者的分析，"
    "DeepSeek 的这个内核在 H800 上受限于算力，而不是显存带宽。",
}


def mla_note(lang):
    """Sentences: what the absorbed form costs and why engines decode with it anyway."""
    decompressed = flops.attention_flops_per_token(deepseek_v3, 1)
    absorbed = flops.attention_flops_per_token(deepseek_v3, 1, mla_form="absorbed")
    naive = memory.kv_cache_naive_mla_bytes_per_token(deepseek_v3)
    latent = memory.kv_cache_bytes_per_token(deepseek_v3)
    return say(
        _MLA_NOTE,
        lang,
        times=fmt.times(absorbed, decompressed, lang),
        heads=fmt.exact(deepseek_v3.heads, lang),
        kv=fmt.times(naive, latent, lang),
    )


# --- Kaplan et al.'s formula ----------------------------------------------------------------

KAPLAN_CONTEXT = 2048  # GPT-3's training context (Brown et al. 2020, Table 2.1)
_KAPLAN_HEADER = ({"en": "Way of counting", "zh": "算法"}, _PER_TOKEN, HEADS["includes"])
_KAPLAN_ROWS = (
    (
        {"en": "`2N` rule", "zh": "`2N` 经验法则"},
        {
            "en": "every parameter, embedding lookup included; no attention",
            "zh": "全部参数，包括嵌入查表；不计注意力",
        },
    ),
    (
        {
            "en": "Kaplan et al., `2N + 2·L·n_ctx·d_attn`",
            "zh": "Kaplan 等人，`2N + 2·L·n_ctx·d_attn`",
        },
        {
            "en": "non-embedding parameters; attention term as Table 1 gives it",
            "zh": "非嵌入参数；注意力项按论文表 1 给出的写法",
        },
    ),
    (
        {
            "en": "llmsize, averaged over a sequence of {n}",
            "zh": "llmsize，对 {n} 个词元的序列取平均",
        },
        {
            "en": "every multiplied parameter, output head at every position; token `i` attends"
            " to `i` keys",
            "zh": "所有参与乘法的参数，每个位置都算输出头；第 `i` 个词元关注 `i` 个键",
        },
    ),
    (
        {"en": "llmsize, the last token of that sequence", "zh": "llmsize，该序列的最后一个词元"},
        {"en": "the same, attending to the whole context", "zh": "同上，关注整个上下文"},
    ),
)


def kaplan_table(lang):
    """Markdown table: Kaplan et al.'s forward formula against llmsize's, for GPT-3."""
    n = KAPLAN_CONTEXT
    assert gpt3.context_length == n
    kaplan = flops.kaplan_forward_flops_per_token(gpt3, n)
    average = Fraction(flops.sequence_forward_flops(gpt3, n), n)
    values = (
        flops.two_n_flops_per_token(gpt3),
        kaplan,
        int(average),
        flops.forward_flops_per_token(gpt3, n),
    )
    # The averaged llmsize figure differs from Kaplan's exactly by the tied output head, which
    # Kaplan et al. leave out with the embeddings, plus the half key the exact average adds.
    head = 2 * flops.head_params(gpt3)
    half = flops.attention_flops_per_token(gpt3, 1) // 2
    assert average - kaplan == head + half
    rows = [
        [say(way, lang, n=fmt.exact(n, lang)), fmt.count(v, lang), say(what, lang)]
        for (way, what), v in zip(_KAPLAN_ROWS, values)
    ]
    return table(_KAPLAN_HEADER, rows, "lrl", lang)
