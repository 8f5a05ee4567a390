# Vectors page: the data a forward pass creates, against the parameters that stay fixed.
# A page includes this file, then prints e.g. kinds(llama3, (1_000, 2_000), "zh"). Chart fences
# include charts.py first (for lines).
#
# Two routes meet here too: each kind's count and size are written out below as formulas of the
# spec's fields (L·T·N vectors of H...) and must equal what llmsize.vectors reports.
from llmsize import Spec, counts, fmt, presets
from llmsize.vectors import VectorCounts, vectors

llama3 = presets.load("llama-3-8b")
llama2 = presets.load("llama-2-7b")
bert = presets.load("bert-base-uncased")
deepseek_v3 = presets.load("deepseek-v3")
# meta-llama/Meta-Llama-3-8B on the Hub; also sum(p.numel()) in transformers.
assert counts(llama3).total == 8_030_261_248
# meta-llama/Llama-2-7b-hf on the Hub; also sum(p.numel()) in transformers.
assert counts(llama2).total == 6_738_415_616
# google-bert/bert-base-uncased (BertModel, with pooler) in transformers; the paper says 110M.
assert counts(bert).total == 109_482_240
# DeepSeek-V3 main model (transformers); the report says 671B.
assert counts(deepseek_v3).total == 671_026_404_352

# The article's sentence of a thousand words, read as a thousand tokens, and twice that.
TOKENS = (1_000, 2_000)
# Doubling again and again, past the point where the vectors outnumber the parameters.
DOUBLING_TOKENS = tuple(1_000 * 2**k for k in range(5))

# --- kinds of vectors ----------------------------------------------------------------------

# key -> (English name, Chinese name, how many, size), for a dense model with standard attention.
# "How many" and "size" are formulas in the site's notation, evaluated by _formula below.
_KINDS = {
    "embeddings": ("Token embeddings", "词嵌入向量", "T", "D"),
    "hidden_states": ("Hidden states (each layer's output)", "隐藏状态（每层的输出）", "L·T", "D"),
    "queries": ("Queries", "查询", "L·T·N", "H"),
    "keys": ("Keys", "键", "L·T·K", "H"),
    "values": ("Values", "值", "L·T·K", "H"),
    "attention_outputs": ("Attention outputs, per head", "注意力输出（每个头）", "L·T·N", "H"),
    "mlp_hidden": ("MLP hidden activations", "前馈网络中间激活值", "L·T", "F"),
    "logits": ("Logits (a score per vocabulary entry)", "logits（对词表每一项的打分）", "T", "V"),
}
# What stays after the pass: the keys and values above, kept for later tokens.
_CACHE = ("kv_cache.keys", "kv_cache.values")


def _formula(text: str, spec: Spec, tokens: int) -> int:
    """Evaluate a product such as ``L·T·N`` from the spec's fields."""
    sizes = {
        "T": tokens,
        "L": spec.layers,
        "D": spec.width,
        "N": spec.heads,
        "K": spec.kv_heads,
        "H": spec.head_dim,
        "F": spec.ffn,
        "V": spec.vocab,
    }
    n = 1
    for letter in text.split("·"):
        n *= sizes[letter]
    return n


def made(v: VectorCounts) -> tuple[int, int]:
    """(vectors, numbers) a pass creates; the KV cache keeps some of them, it adds none."""
    kept = [k for k in v.kinds if k.key.startswith("kv_cache.")]
    return (
        v.total_vectors - sum(k.count for k in kept),
        v.total_elements - sum(k.elements for k in kept),
    )


def _checked(spec: Spec, tokens: int) -> VectorCounts:
    """``vectors(spec, tokens)``, each kind matched against the formulas above."""
    v = vectors(spec, tokens)
    assert set(v.keys()) == set(_KINDS) | set(_CACHE)
    for key, (_, _, how_many, size) in _KINDS.items():
        kind = v.get(key)
        assert kind.count == _formula(how_many, spec, tokens), key
        assert kind.size == _formula(size, spec, tokens), key
    # The cache holds exactly the keys and values the pass made: nothing new.
    assert v.get("kv_cache.keys").elements == v.get("keys").elements
    assert v.get("kv_cache.values").elements == v.get("values").elements
    return v


_KINDS_HEADER = {
    "en": "| Vector | How many | Numbers in each | {cols} |",
    "zh": "| 向量 | 个数 | 每个含几个数 | {cols} |",
}
_KINDS_COLS = {
    "en": ("Vectors, T = {t}", "Numbers, T = {t}"),
    "zh": ("向量数（T = {t}）", "数值个数（T = {t}）"),
}
_MADE = {"en": "All vectors of the pass", "zh": "一次前向计算的全部向量"}
_PARAMS = {"en": "Parameters (for comparison)", "zh": "参数（作对比）"}
DASH = "—"


def kinds(spec: Spec, tokens: tuple[int, ...], lang: str) -> str:
    """Markdown table: each kind of vector for ``tokens`` inputs, with the parameters below."""
    cols = " | ".join(c.format(t=fmt.exact(t, lang)) for t in tokens for c in _KINDS_COLS[lang])
    rows = [_KINDS_HEADER[lang].format(cols=cols), "|---|---|---|" + "--:|" * (2 * len(tokens))]
    passes = [_checked(spec, t) for t in tokens]
    for key, (en, zh, how_many, size) in _KINDS.items():
        name = zh if lang == "zh" else en
        cells = []
        for v in passes:
            kind = v.get(key)
            cells += [fmt.exact(kind.count, lang), fmt.exact(kind.elements, lang)]
        rows.append(f"| {name} | `{how_many}` | `{size}` | {' | '.join(cells)} |")
    cells = []
    for v in passes:
        n_vectors, n_numbers = made(v)
        cells += [f"**{fmt.exact(n_vectors, lang)}**", f"**{fmt.exact(n_numbers, lang)}**"]
    rows.append(f"| **{_MADE[lang]}** | | | {' | '.join(cells)} |")
    total = fmt.exact(counts(spec).total, lang)
    cells = [DASH, total] * len(tokens)
    rows.append(f"| {_PARAMS[lang]} | | | {' | '.join(cells)} |")
    return "\n".join(rows)


# --- doubling the input ----------------------------------------------------------------------

_DOUBLING_HEADER = {
    "en": "| Tokens `T` | Vectors made | Numbers in them | Parameters | Numbers ÷ parameters |",
    "zh": "| 词元数 `T` | 产生的向量 | 其中的数值 | 参数量 | 数值 ÷ 参数 |",
}


def doubling(spec: Spec, tokens: tuple[int, ...], lang: str) -> str:
    """Markdown table: vectors and numbers grow with ``T``; the parameter count does not."""
    params = counts(spec).total
    rows = [_DOUBLING_HEADER[lang], "|--:|--:|--:|--:|--:|"]
    previous = None
    for t in tokens:
        n_vectors, n_numbers = made(_checked(spec, t))
        if previous is not None and t == 2 * previous[0]:
            # Twice the tokens, twice the vectors and twice the numbers.
            doubled = (2 * previous[1], 2 * previous[2])
            assert (n_vectors, n_numbers) == doubled
        previous = (t, n_vectors, n_numbers)
        rows.append(
            f"| {fmt.exact(t, lang)} | {fmt.count(n_vectors, lang)} | {fmt.count(n_numbers, lang)}"
            f" | {fmt.count(params, lang)} | {fmt.ratio(n_numbers, params, lang)} |"
        )
    return "\n".join(rows)


_CHART_TITLE = {
    "en": "{name}: numbers in one pass's vectors against its fixed parameter count",
    "zh": "{name}：一次前向计算中向量所含的数值，对比固定不变的参数量",
}
_CHART_SERIES = {
    "en": ("Numbers in the vectors (activations)", "Parameters"),
    "zh": ("向量中的数值（激活值）", "参数量"),
}
_CHART_AXES = {"en": ("Tokens in the input, T", "Count"), "zh": ("输入的词元数 T", "个数")}
CHART_TOKENS = tuple(2**k for k in range(8, 15))


def growth_chart(spec: Spec, lang: str) -> str:
    """Inline SVG: numbers in the activations against ``T`` (log2 axis), parameters flat."""
    params = counts(spec).total
    numbers = [made(_checked(spec, t))[1] for t in CHART_TOKENS]
    activations, parameters = _CHART_SERIES[lang]
    xlabel, ylabel = _CHART_AXES[lang]
    return lines(
        list(CHART_TOKENS),
        [(activations, numbers), (parameters, [params] * len(CHART_TOKENS))],
        _CHART_TITLE[lang].format(name=spec.name),
        xlabel=xlabel,
        ylabel=ylabel,
        value_format=lambda n: fmt.count(n, lang),
        x_format=lambda t: fmt.exact(t, lang),
        logx=True,
    )


_CROSSOVER = {
    "en": (
        "From T = {t} tokens on, one pass over {name} holds more numbers in its vectors than"
        " the model has parameters. Its context is {context} tokens long."
    ),
    "zh": (
        "从 T = {t} 个词元起，{name} 一次前向计算中向量所含的数值就超过了模型的参数量。"
        "它的上下文长度是 {context} 个词元。"
    ),
}


def crossover_note(spec: Spec, lang: str) -> str:
    """One sentence: from which ``T`` on the activations outnumber the parameters."""
    return _CROSSOVER[lang].format(
        t=fmt.exact(crossover(spec), lang),
        name=spec.name,
        context=fmt.exact(spec.context_length, lang),
    )


def crossover(spec: Spec) -> int:
    """Smallest ``T`` at which one pass's vectors hold more numbers than there are parameters."""
    per_token = made(_checked(spec, 1))[1]
    t = counts(spec).total // per_token + 1
    above, below = made(_checked(spec, t))[1], made(_checked(spec, t - 1))[1]
    assert above > counts(spec).total >= below
    return t


# --- the embedding table -------------------------------------------------------------------

_TABLE_MODELS = ("bert-base-uncased", "gpt2", "llama-2-7b", "llama-3-8b", "deepseek-v3")
_TABLE_HEADER = {
    "en": "| Model | Shape `[V, D]` | Numbers in the table | Share of all parameters |",
    "zh": "| 模型 | 形状 `[V, D]` | 表中的数值 | 占全部参数的比例 |",
}


def embedding_tables(lang: str) -> str:
    """Markdown table: the token-embedding table of a few models, and its share of the count."""
    rows = [_TABLE_HEADER[lang], "|---|--:|--:|--:|"]
    for model in _TABLE_MODELS:
        spec = presets.load(model)
        c = counts(spec)
        table = spec.vocab * spec.width
        assert table == c.breakdown.get("embeddings.token")
        shape = f"[{fmt.exact(spec.vocab, lang)}, {fmt.exact(spec.width, lang)}]"
        rows.append(
            f"| {spec.name} | {shape} | {fmt.exact(table, lang)}"
            f" | {fmt.percent(table, c.total, lang)} |"
        )
    return "\n".join(rows)


# --- the KV cache ----------------------------------------------------------------------------

_KV_MODELS = ("llama-2-7b", "llama-3-8b")
# Widely quoted per-token KV-cache sizes in 16-bit formats: 0.5 MiB for Llama-2-7B, 128 KiB
# for Llama-3-8B (grouped-query attention keeps a quarter of the key/value heads).
_KV_BYTES_QUOTED = {"llama-2-7b": 524_288, "llama-3-8b": 131_072}
_KV_HEADER = {
    "en": (
        "| Model | Attention | `N` | `K` | `H` | `L`"
        " | Numbers kept per token `2·L·K·H` | In bf16 | For T = {t} |"
    ),
    "zh": (
        "| 模型 | 注意力 | `N` | `K` | `H` | `L`"
        " | 每个词元留下的数值 `2·L·K·H` | bf16 下 | T = {t} 时 |"
    ),
}


def kv_per_token(lang: str, tokens: int = TOKENS[0]) -> str:
    """Markdown table: what the KV cache keeps per token, MHA (Llama-2) against GQA (Llama-3)."""
    rows = [_KV_HEADER[lang].format(t=fmt.exact(tokens, lang)), "|---|---|" + "--:|" * 7]
    for model in _KV_MODELS:
        spec = presets.load(model)
        per_token = 2 * spec.layers * spec.kv_heads * spec.head_dim
        v = _checked(spec, tokens)
        kept = v.get("kv_cache.keys").elements + v.get("kv_cache.values").elements
        assert kept == per_token * tokens
        nbytes = 2 * per_token  # bf16: two bytes per number
        assert nbytes == _KV_BYTES_QUOTED[model]
        rows.append(
            f"| {spec.name} | {spec.attention_kind} | {spec.heads} | {spec.kv_heads}"
            f" | {spec.head_dim} | {spec.layers} | {fmt.exact(per_token, lang)}"
            f" | {fmt.bytes_(nbytes, 'auto-binary', lang)}"
            f" | {fmt.bytes_(nbytes * tokens, 'auto-binary', lang)} |"
        )
    return "\n".join(rows)


# --- model widths ----------------------------------------------------------------------------

_WIDTH_HEADER = {
    "en": "| Model | Width `D` | Layers `L` | Heads `N` × size `H` | Parameters |",
    "zh": "| 模型 | 宽度 `D` | 层数 `L` | 头数 `N` × 头维度 `H` | 参数量 |",
}


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


def width_range(lang: str) -> str:
    """One sentence: the narrowest and widest ``D`` among the presets."""
    specs = [presets.load(i) for i in presets.ids()]
    low = min(s.width for s in specs)
    high = max(s.width for s in specs)
    low_names = [s.name for s in specs if s.width == low]
    thousands = sum(1 for s in specs if 10**3 <= s.width < 10**4)
    return _RANGE[lang].format(
        m=len(specs),
        n=thousands,
        low=fmt.exact(low, lang),
        low_names=_AND[lang].join(low_names),
        high=fmt.exact(high, lang),
        high_name=next(s.name for s in specs if s.width == high),
        thousand=fmt.exact(10**3, lang),
        ten_thousand=fmt.exact(10**4, lang),
    )


def widths(lang: str) -> str:
    """Markdown table: the width ``D`` of every bundled model, narrowest first."""
    specs = sorted(
        (presets.load(i) for i in presets.ids()), key=lambda s: (s.width, counts(s).total)
    )
    rows = [_WIDTH_HEADER[lang], "|---|--:|--:|--:|--:|"]
    for s in specs:
        rows.append(
            f"| {s.name} | {fmt.exact(s.width, lang)} | {s.layers}"
            f" | {s.heads} × {s.head_dim} | {fmt.count(counts(s).total, lang)} |"
        )
    return "\n".join(rows)


# --- there is no 671B vector -----------------------------------------------------------------

_GIANT_HEADER = {"en": "| Question | {name} |", "zh": "| 问题 | {name} |"}
_GIANT_ROWS = {
    "en": (
        "Parameters",
        "Longest vector of a forward pass",
        "Width of every hidden state, `D`",
        "Vectors one pass makes per token",
        "Tokens one pass would need to make as many vectors as there are parameters",
        "Longest context in its configuration",
        "So many tokens, in full contexts",
    ),
    "zh": (
        "参数量",
        "一次前向计算中最长的向量",
        "每个隐藏状态的宽度 `D`",
        "每个词元在一次前向计算中产生的向量",
        "要让向量个数等于参数个数，一次需要读入的词元数",
        "配置中的最长上下文",
        "折合成满长度的上下文",
    ),
}
_LONGEST = {"en": "{n} numbers (the logits)", "zh": "{n} 个数（logits）"}


def no_giant_vector(lang: str) -> str:
    """Markdown table: DeepSeek-V3's vectors are short and their count depends on the input."""
    spec = deepseek_v3
    params = counts(spec).total
    one = vectors(spec, 1)
    longest = max(one.kinds, key=lambda k: k.size)
    assert longest.key == "logits" and longest.size == spec.vocab
    per_token = made(one)[0]
    needed = -(-params // per_token)
    names = _GIANT_ROWS[lang]

    def both(n: int) -> str:
        if lang == "zh":
            return f"{fmt.count(n, lang)}（{fmt.exact(n, lang)}）"
        return f"{fmt.count(n, lang)} ({fmt.exact(n, lang)})"

    values = (
        both(params),
        _LONGEST[lang].format(n=fmt.exact(longest.size, lang)),
        fmt.exact(spec.width, lang),
        fmt.exact(per_token, lang),
        both(needed),
        fmt.exact(spec.context_length, lang),
        fmt.ratio(needed, spec.context_length, lang),
    )
    rows = [_GIANT_HEADER[lang].format(name=spec.name), "|---|--:|"]
    rows += [f"| {n} | {v} |" for n, v in zip(names, values, strict=True)]
    return "\n".join(rows)
