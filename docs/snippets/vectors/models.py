# Vectors page, model by model: embedding tables, what the KV cache keeps, widths, and the
# "671B vector" that does not exist. A page fence includes md.py, then this file, then prints
# e.g. widths("zh"). Every figure comes from llmsize (counts, vectors, memory); the asserts pin
# them against the published numbers.
from llmsize import counts, fmt, presets
from llmsize.memory import kv_cache_bytes
from llmsize.text import LABELS, say
from llmsize.vectors import tokens_for_vectors, vectors, vectors_per_token

# --- the embedding table -------------------------------------------------------------------

_TABLE_MODELS = ("bert-base-uncased", "gpt2", "llama-2-7b", "llama-3-8b", "deepseek-v3")
_TABLE_HEADER = (
    HEADS["model"],
    {"en": "Shape `[V, D]`", "zh": "形状 `[V, D]`"},
    {"en": "Numbers in the table", "zh": "表中的数值"},
    {"en": "Share of all parameters", "zh": "占全部参数的比例"},
)


def embedding_tables(lang):
    """Markdown table: the token-embedding table of a few models, and its share of the count."""
    rows = []
    for model in _TABLE_MODELS:
        spec = presets.load(model)
        c = counts(spec)
        entries = c.breakdown.get("embeddings.token")
        assert entries == spec.vocab * spec.width  # one row of D numbers per vocabulary entry
        shape = f"[{fmt.exact(spec.vocab, lang)}, {fmt.exact(spec.width, lang)}]"
        rows.append(
            [spec.name, shape, fmt.exact(entries, lang), fmt.percent(entries, c.total, lang)]
        )
    return table(_TABLE_HEADER, rows, "lrrr", lang)


# --- the KV cache ----------------------------------------------------------------------------

_KV_MODELS = ("llama-2-7b", "llama-3-8b")
# Widely quoted per-token KV-cache sizes in 16-bit formats: 0.5 MiB for Llama-2-7B, 128 KiB
# for Llama-3-8B (grouped-query attention keeps a quarter of the key/value heads).
_KV_BYTES_QUOTED = {"llama-2-7b": 524_288, "llama-3-8b": 131_072}
_KV_HEADER = (
    HEADS["model"],
    LABELS["attention"],
    *({"en": f"`{x}`", "zh": f"`{x}`"} for x in "NKHL"),
    {"en": "Numbers kept per token `2·L·K·H`", "zh": "每个词元留下的数值 `2·L·K·H`"},
    {"en": "In bf16", "zh": "bf16 下"},
    {"en": "For T = {t}", "zh": "T = {t} 时"},
)


def kv_per_token(lang, tokens=1_000):
    """Markdown table: what the KV cache keeps per token, MHA (Llama-2) against GQA (Llama-3)."""
    t = fmt.exact(tokens, lang)
    header = [say(h, lang, t=t) for h in _KV_HEADER]
    rows = []
    for model in _KV_MODELS:
        spec = presets.load(model)
        one = vectors(spec, 1)
        kept = one.get("kv_cache.keys").elements + one.get("kv_cache.values").elements
        assert kept == 2 * spec.layers * spec.kv_heads * spec.head_dim
        per_token = kv_cache_bytes(spec, 1, dtype="bf16")
        assert per_token == 2 * kept == _KV_BYTES_QUOTED[model]  # two bytes per number
        dims = (spec.heads, spec.kv_heads, spec.head_dim, spec.layers)
        rows.append(
            [spec.name, spec.attention_kind, *(fmt.exact(n, lang) for n in dims)]
            + [
                fmt.exact(kept, lang),
                fmt.bytes_(per_token, "auto-binary", lang),
                fmt.bytes_(kv_cache_bytes(spec, tokens, dtype="bf16"), "auto-binary", lang),
            ]
        )
    return table(header, rows, "ll" + "r" * 7)


# --- model widths ----------------------------------------------------------------------------

_WIDTH_HEADER = (
    HEADS["model"],
    HEADS["width"],
    HEADS["layers"],
    {"en": "Heads `N` × size `H`", "zh": "头数 `N` × 头维度 `H`"},
    HEADS["params"],
)
_RANGE = {
    "en": (
        "Across the {m} models bundled with llmsize, `D` runs from {low} in {low_names} to"
        " {high} in {high_name}; {n} of them lie between {thousand} and {ten_thousand}."
    ),
    "zh": (
        "在 llmsize 自带的 {m} 个模型里，`D` 最小是 {low}（{low_names}），最大是 {high}"
        "（{high_name}），其中 {n} 个在 {thousand} 到 {ten_thousand} 之间。"
    ),
}
_AND = {"en": " and ", "zh": "、"}


def width_range(lang):
    """One sentence: the narrowest and widest ``D`` among the presets."""
    specs = [presets.load(i) for i in presets.ids()]
    low = min(s.width for s in specs)
    high = max(s.width for s in specs)
    return say(
        _RANGE,
        lang,
        m=fmt.exact(len(specs), lang),
        n=fmt.exact(sum(1 for s in specs if 10**3 <= s.width < 10**4), lang),
        low=fmt.exact(low, lang),
        low_names=say(_AND, lang).join(s.name for s in specs if s.width == low),
        high=fmt.exact(high, lang),
        high_name=next(s.name for s in specs if s.width == high),
        thousand=fmt.exact(10**3, lang),
        ten_thousand=fmt.exact(10**4, lang),
    )


def widths(lang):
    """Markdown table: the width ``D`` of every bundled model, narrowest first."""
    specs = sorted(
        (presets.load(i) for i in presets.ids()), key=lambda s: (s.width, counts(s).total)
    )
    rows = [
        [
            s.name,
            fmt.exact(s.width, lang),
            fmt.exact(s.layers, lang),
            f"{fmt.exact(s.heads, lang)} × {fmt.exact(s.head_dim, lang)}",
            fmt.count(counts(s).total, lang),
        ]
        for s in specs
    ]
    return table(_WIDTH_HEADER, rows, "lrrrr", lang)


# --- there is no 671B vector -----------------------------------------------------------------

_GIANT_HEADER = {"en": "Question", "zh": "问题"}
_GIANT_ROWS = (
    HEADS["params"],
    {"en": "Longest vector of a forward pass", "zh": "一次前向计算中最长的向量"},
    {"en": "Width of every hidden state, `D`", "zh": "每个隐藏状态的宽度 `D`"},
    {"en": "Vectors one pass makes per token", "zh": "每个词元在一次前向计算中产生的向量"},
    {
        "en": "Tokens one pass would need to make as many vectors as there are parameters",
        "zh": "要让向量个数等于参数个数，一次需要读入的词元数",
    },
    {
        "en": "Context in its config.json (max_position_embeddings)",
        "zh": "config.json 中的上下文长度（max_position_embeddings）",
    },
    {"en": "So many tokens, in full contexts", "zh": "折合成满长度的上下文"},
)
_LONGEST = {"en": "{n} numbers (the logits)", "zh": "{n} 个数（logits）"}


def no_giant_vector(lang):
    """Markdown table: DeepSeek-V3's vectors are short and their count depends on the input."""
    spec = presets.load("deepseek-v3")
    params = counts(spec).total
    one = vectors(spec, 1)
    longest = max(one.kinds, key=lambda k: k.size)
    assert longest.key == "logits" and longest.size == spec.vocab
    per_token = vectors_per_token(spec)
    needed = tokens_for_vectors(spec)
    assert vectors(spec, needed).total_vectors >= params > vectors(spec, needed - 1).total_vectors
    values = (
        fmt.count_exact(params, lang),
        say(_LONGEST, lang, n=fmt.exact(longest.size, lang)),
        fmt.exact(spec.width, lang),
        named(vectors_key("deepseek-v3", "per_token"), per_token, fmt.exact(per_token, lang)),
        fmt.count_exact(needed, lang),
        fmt.exact(spec.context_length, lang),
        fmt.times(needed, spec.context_length, lang),
    )
    rows = [[say(name, lang), value] for name, value in zip(_GIANT_ROWS, values, strict=True)]
    return table([say(_GIANT_HEADER, lang), spec.name], rows, "lr")
