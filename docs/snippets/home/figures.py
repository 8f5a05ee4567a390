# Home page tables: what a count includes, and parameters (fixed) against vectors (per input).
# A page fence includes md.py, then this file, then prints e.g. definitions(deepseek_v3, "zh").
# Every figure comes from llmsize (counts, vectors); the asserts pin them against published ones.
from llmsize import counts, fmt, presets
from llmsize.text import say
from llmsize.vectors import growth, vectors

deepseek_v3 = presets.load("deepseek-v3")
# DeepSeek-V3 main model (transformers on the real config.json); the report says 671B.
assert counts(deepseek_v3).total == 671_026_404_352

# Count definition (its name is fmt.label's) -> what it covers.
_DEFINITIONS = {
    "total": {
        "en": "every trained weight of the model: the headline figure",
        "zh": "模型全部可训练的权重，也就是常说的那个数",
    },
    "active": {
        "en": "what one token passes through: the shared parts plus the experts it is routed to",
        "zh": "一个词元实际经过的部分：共享部分，加上它被路由到的专家",
    },
    "non_embedding": {
        "en": "the total without the vocabulary tables (token embedding and output head)",
        "zh": "去掉词表相关的两张表（词元嵌入和输出头）后的总数",
    },
    "stored": {
        "en": "what the released checkpoint holds: the total plus the multi-token-prediction"
        " module and the router's correction biases",
        "zh": "发布的权重文件里存的：总数，加上多词元预测模块和路由器的校正偏置",
    },
    "checkpoint": {
        "en": "every value in the checkpoint's tensors: the stored weights plus the scale"
        " factors of the fp8 release",
        "zh": "权重文件各张量中的全部数值：存储的权重，加上 fp8 版本附带的缩放因子",
    },
}
_DEFINITIONS_HEADER = (HEADS["count"], HEADS["params"], HEADS["exactly"], HEADS["includes"])


def definitions(spec, lang):
    """Markdown table: the count definitions of ``spec`` side by side.

    The short forms keep different counts different (DeepSeek-V3's 684,489,845,504 stored and
    684,531,386,000 on the Hub would both read 6845亿 at three digits).
    """
    c = counts(spec)
    values = [getattr(c, key) for key in _DEFINITIONS]
    short = fmt.distinct(values, lang)
    rows = [
        [fmt.label(key, lang), s, fmt.exact(n, lang), say(meaning, lang)]
        for (key, meaning), s, n in zip(_DEFINITIONS.items(), short, values, strict=True)
    ]
    return table(_DEFINITIONS_HEADER, rows, "lrrl", lang)


_VECTORS_HEADER = (
    {"en": "Input", "zh": "输入"},
    HEADS["tokens"],
    {"en": "Main-stream vectors", "zh": "残差流上的向量"},
    HEADS["all_vectors"],
    HEADS["numbers_in_them"],
    HEADS["params"],
)
_INPUTS = (
    {"en": "one token", "zh": "一个词元"},
    {"en": "a sentence", "zh": "一句话"},
    {"en": "a page", "zh": "一页文字"},
    {"en": "a book", "zh": "一本书"},
)
INPUT_TOKENS = (1, 20, 1_000, 100_000)


def _all_vectors(n, tokens, lang):
    """The "all vectors" cell; the one-token row is DeepSeek-V3's vectors per token."""
    text = fmt.count(n, lang)
    return named(vectors_key("deepseek-v3", "per_token"), n, text) if tokens == 1 else text


def parameters_vs_vectors(spec, lang):
    """Markdown table: the fixed parameter count against the vectors for a few input sizes.

    Main-stream vectors are the embeddings plus every layer's output, ``T * (L + 1)`` of width
    ``D``; all vectors adds every other kind one forward pass creates (queries, keys, values,
    expert states, logits...).
    """
    rows = []
    for what, t in zip(_INPUTS, INPUT_TOKENS, strict=True):
        stream = vectors(spec, t).stream
        assert stream == t * (spec.layers + 1)
        g = growth(spec, t)
        rows.append(
            [
                say(what, lang),
                fmt.exact(t, lang),
                fmt.exact(stream, lang),
                _all_vectors(g.vectors, t, lang),
                fmt.count(g.numbers, lang),
                fmt.count(g.parameters, lang),
            ]
        )
    return table(_VECTORS_HEADER, rows, "lrrrrr", lang)
