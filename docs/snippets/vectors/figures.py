# Vectors page: the data a forward pass creates, against the parameters that stay fixed.
# A page fence includes md.py, then this file, then prints e.g. kinds(llama3, (1_000, 2_000), "zh").
# Chart fences include charts.py first (for lines), then md.py. Every figure comes from llmsize.vectors
# (totals, growth, crossover...); the asserts pin them against formulas written out below and
# against the published numbers.
from llmsize import counts, fmt, presets
from llmsize.text import say
from llmsize.vectors import KIND_NAMES, crossover, growth, vectors

llama3 = presets.load("llama-3-8b")
deepseek_v3 = presets.load("deepseek-v3")
# meta-llama/Meta-Llama-3-8B on the Hub; also sum(p.numel()) in transformers.
assert counts(llama3).total == 8_030_261_248
# DeepSeek-V3 main model (transformers); the report says 671B.
assert counts(deepseek_v3).total == 671_026_404_352

# The article's sentence of a thousand words, read as a thousand tokens, and twice that.
TOKENS = (1_000, 2_000)
# Doubling again and again, past the point where the vectors outnumber the parameters.
DOUBLING_TOKENS = tuple(1_000 * 2**k for k in range(5))
# Figures other pages state too (tests/site/test_named_figures.py checks they agree).
NAMED_T = 1_000
NAMED = {
    "vectors": vectors_key("llama-3-8b", "vectors", NAMED_T),
    "numbers": vectors_key("llama-3-8b", "numbers", NAMED_T),
    "per_token": vectors_key("deepseek-v3", "per_token"),
}

# --- kinds of vectors ----------------------------------------------------------------------

# key -> (how many, size), for a dense model with standard attention: formulas in the site's
# notation, evaluated by _formula for the asserts below. The names are llmsize.vectors.KIND_NAMES.
_KINDS = {
    "embeddings": ("T", "D"),
    "hidden_states": ("L·T", "D"),
    "queries": ("L·T·N", "H"),
    "keys": ("L·T·K", "H"),
    "values": ("L·T·K", "H"),
    "attention_outputs": ("L·T·N", "H"),
    "mlp_hidden": ("L·T", "F"),
    "logits": ("T", "V"),
}


def _formula(text, spec, tokens):
    """Evaluate a product such as ``L·T·N`` from the spec's fields (for the asserts)."""
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


def _checked(spec, tokens):
    """``vectors(spec, tokens)``, each kind matched against the formulas above."""
    v = vectors(spec, tokens)
    assert [k.key for k in v.created] == list(_KINDS)
    for key, (how_many, size) in _KINDS.items():
        kind = v.get(key)
        assert (kind.count, kind.size) == (
            _formula(how_many, spec, tokens),
            _formula(size, spec, tokens),
        ), key
    # The cache holds exactly the keys and values the pass made: nothing new.
    assert v.get("kv_cache.keys").elements == v.get("keys").elements
    assert v.get("kv_cache.values").elements == v.get("values").elements
    # The totals are the rows of the table, added up.
    assert v.total_vectors == sum(v.get(key).count for key in _KINDS)
    assert v.total_elements == sum(v.get(key).elements for key in _KINDS)
    return v


_KINDS_HEADER = (HEADS["vector"], HEADS["how_many"], HEADS["numbers_each"])
_KINDS_COLS = (
    {"en": "Vectors, T = {t}", "zh": "向量数（T = {t}）"},
    {"en": "Numbers, T = {t}", "zh": "数值个数（T = {t}）"},
)
_PARAMS = {"en": "Parameters (for comparison)", "zh": "参数（作对比）"}


def _total(v, key, lang):
    """A total cell of the kinds table, marked when other pages state the same figure."""
    n = v.total_vectors if key == "vectors" else v.total_elements
    text = fmt.exact(n, lang)
    if v.tokens == NAMED_T:
        text = named(NAMED[key], n, text)
    return f"**{text}**"


def kinds(spec, tokens, lang):
    """Markdown table: each kind of vector for ``tokens`` inputs, with the parameters below."""
    passes = [_checked(spec, t) for t in tokens]
    header = [say(h, lang) for h in _KINDS_HEADER]
    header += [say(c, lang, t=fmt.exact(t, lang)) for t in tokens for c in _KINDS_COLS]
    rows = []
    for key, (how_many, size) in _KINDS.items():
        cells = [say(KIND_NAMES[key], lang), f"`{how_many}`", f"`{size}`"]
        for v in passes:
            kind = v.get(key)
            cells += [fmt.exact(kind.count, lang), fmt.exact(kind.elements, lang)]
        rows.append(cells)
    made = [f"**{say(HEADS['all_vectors'], lang)}**", "", ""]
    for v in passes:
        made += [_total(v, "vectors", lang), _total(v, "numbers", lang)]
    params = fmt.exact(counts(spec).total, lang)
    rows += [made, [say(_PARAMS, lang), "", "", *[DASH, params] * len(tokens)]]
    return table(header, rows, "lll" + "r" * (2 * len(tokens)))


# --- doubling the input ----------------------------------------------------------------------

_DOUBLING_HEADER = (
    HEADS["tokens"],
    {"en": "Vectors made", "zh": "产生的向量"},
    HEADS["numbers_in_them"],
    HEADS["params"],
    {"en": "Numbers ÷ parameters", "zh": "数值 ÷ 参数"},
)


def doubling(spec, tokens, lang):
    """Markdown table: vectors and numbers grow with ``T``; the parameter count does not.

    A column keeps three significant digits on every row (``21.0M``, not ``21M``).
    """
    rows, previous = [], None
    for t in tokens:
        g = growth(spec, t)
        if previous is not None and t == 2 * previous.tokens:
            # Twice the tokens, twice the vectors, twice the numbers, twice the ratio.
            assert (g.vectors, g.numbers) == (2 * previous.vectors, 2 * previous.numbers)
            assert g.ratio == 2 * previous.ratio
        previous = g
        rows.append(
            [
                fmt.exact(t, lang),
                fmt.count(g.vectors, lang, trim=False),
                fmt.count(g.numbers, lang, trim=False),
                fmt.count(g.parameters, lang, trim=False),
                fmt.times(g.numbers, g.parameters, lang, trim=False),
            ]
        )
    return table(_DOUBLING_HEADER, rows, "rrrrr", lang)


_CHART_TITLE = {
    "en": "{name}: numbers in one pass's vectors against its fixed parameter count",
    "zh": "{name}：一次前向计算中向量所含的数值，对比固定不变的参数量",
}
_CHART_SERIES = (
    {"en": "Numbers in the vectors (activations)", "zh": "向量中的数值（激活值）"},
    HEADS["params"],
)
_CHART_AXES = (
    {"en": "Tokens in the input, T", "zh": "输入的词元数 T"},
    {"en": "Count", "zh": "个数"},
)
CHART_TOKENS = tuple(2**k for k in range(8, 15))


def growth_chart(spec, lang):
    """Inline SVG: numbers in the activations against ``T`` (log2 axis), parameters flat."""
    points = [growth(spec, t) for t in CHART_TOKENS]
    activations, parameters = (say(s, lang) for s in _CHART_SERIES)
    return lines(
        list(CHART_TOKENS),
        [(activations, [g.numbers for g in points]), (parameters, [g.parameters for g in points])],
        say(_CHART_TITLE, lang, name=spec.name),
        xlabel=say(_CHART_AXES[0], lang),
        ylabel=say(_CHART_AXES[1], lang),
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


def crossover_note(spec, lang):
    """One sentence: from which ``T`` on the activations outnumber the parameters."""
    t = crossover(spec)
    assert growth(spec, t).numbers > counts(spec).total >= growth(spec, t - 1).numbers
    return say(
        _CROSSOVER,
        lang,
        t=fmt.exact(t, lang),
        name=spec.name,
        context=fmt.exact(spec.context_length, lang),
    )
