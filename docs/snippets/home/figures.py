# Home page tables: what a count includes, and parameters (fixed) against vectors (per input).
# A page includes this file, then prints e.g. definitions(deepseek_v3, "zh").
from llmsize import Spec, counts, fmt, presets
from llmsize.vectors import vectors

deepseek_v3 = presets.load("deepseek-v3")
assert counts(deepseek_v3).total == 671_026_404_352

# Count definition -> (name, what it covers), per language.
_DEFINITIONS = {
    "en": {
        "total": ("Total", "every trained weight of the model: the headline figure"),
        "active": (
            "Active per token",
            "what one token passes through: the shared parts plus the experts it is routed to",
        ),
        "non_embedding": (
            "Non-embedding",
            "the total without the vocabulary tables (token embedding and output head)",
        ),
        "stored": (
            "Stored in the checkpoint",
            "what the released checkpoint holds: the total plus the multi-token-prediction"
            " module and the router's correction biases",
        ),
        "checkpoint": (
            "Counted on the Hub",
            "every value in the checkpoint's tensors: the stored weights plus the scale factors"
            " of the fp8 release",
        ),
    },
    "zh": {
        "total": ("总参数量", "模型全部可训练的权重，也就是常说的那个数"),
        "active": ("每个词元激活", "一个词元实际经过的部分：共享部分，加上它被路由到的专家"),
        "non_embedding": ("非嵌入参数", "去掉词表相关的两张表（词嵌入和输出头）后的总数"),
        "stored": (
            "权重文件中存储",
            "发布的权重文件里存的：总数，加上多词元预测模块和路由器的校正偏置",
        ),
        "checkpoint": (
            "Hub 上统计的",
            "权重文件各张量中的全部数值：存储的权重，加上 fp8 版本附带的缩放因子",
        ),
    },
}
_DEFINITIONS_HEADER = {
    "en": "| Count | Parameters | Exactly | What it covers |",
    "zh": "| 口径 | 参数量 | 精确值 | 包含什么 |",
}


def definitions(spec: Spec, lang: str) -> str:
    """Markdown table: the four count definitions of ``spec`` side by side."""
    c = counts(spec)
    rows = [_DEFINITIONS_HEADER[lang], "|---|--:|--:|---|"]
    for key, (name, meaning) in _DEFINITIONS[lang].items():
        n = getattr(c, key)
        rows.append(f"| {name} | {fmt.count(n, lang)} | {fmt.exact(n, lang)} | {meaning} |")
    return "\n".join(rows)


_VECTORS_HEADER = {
    "en": "| Input | Tokens T | Main-stream vectors | All vectors | Numbers in them | Parameters |",
    "zh": "| 输入 | 词元数 T | 主干上的向量 | 全部向量 | 其中的数值 | 参数量 |",
}
_INPUTS = {
    "en": ("one token", "a sentence", "a page", "a book"),
    "zh": ("一个词元", "一句话", "一页文字", "一本书"),
}
INPUT_TOKENS = (1, 20, 1_000, 100_000)


def parameters_vs_vectors(spec: Spec, lang: str) -> str:
    """Markdown table: the fixed parameter count against the vectors for a few input sizes.

    Main-stream vectors are the embeddings plus every layer's output, ``T * (L + 1)`` of width
    ``D``; all vectors adds every other kind one forward pass creates (queries, keys, values,
    expert states, logits...).
    """
    total = fmt.count(counts(spec).total, lang)
    rows = [_VECTORS_HEADER[lang], "|---|--:|--:|--:|--:|--:|"]
    for what, t in zip(_INPUTS[lang], INPUT_TOKENS, strict=True):
        v = vectors(spec, t)
        stream = v.get("embeddings").count + v.get("hidden_states").count
        assert stream == t * (spec.layers + 1)
        rows.append(
            f"| {what} | {fmt.exact(t, lang)} | {fmt.exact(stream, lang)}"
            f" | {fmt.count(v.total_vectors, lang)} | {fmt.count(v.total_elements, lang)}"
            f" | {total} |"
        )
    return "\n".join(rows)
