# Memory page, the KV cache: per token for real models, MLA's latent cache, where the cache
# outgrows the weights (llmsize.serving.kv_crossover) and what GQA saves of the parameters
# against of the cache (llmsize.serving.gqa_saving). Included after md.py and memory/common.py
# (and charts.py for the chart).
from llmsize import counts, fmt, memory, presets, serving
from llmsize.text import LABELS, LANGS, MEMORY, say

_KV_HEADER = [
    HEADS["model"],
    LABELS["attention"],
    {"en": "Values cached per token per layer", "zh": "每层每个词元缓存的数值"},
    {"en": "Bytes per token (bf16)", "zh": "每个词元的字节数（bf16）"},
    {
        "en": "Context (config.json's max_position_embeddings)",
        "zh": "上下文（config.json 的 max_position_embeddings）",
    },
    {"en": "One sequence at that length", "zh": "一条序列占满时"},
    {lang: say(MEMORY["weights"], lang, dtype="bf16") for lang in LANGS},
]
_KV_TEXT = {
    "MHA": {"en": "MHA", "zh": "MHA"},
    "MQA": {"en": "MQA", "zh": "MQA"},
    "GQA": {
        "en": "GQA ({n} query heads, {k} KV heads)",
        "zh": "GQA（{n} 个查询头，{k} 个键值头）",
    },
    "MLA": {"en": "MLA (latent cache)", "zh": "MLA（缓存潜向量）"},
    "MLA_naive": {"en": "MLA, keys and values decompressed", "zh": "MLA，解压后的键和值"},
    "window": {
        "en": "¹ Every layer of {name} slides over a {window}-token window: it keeps at most the"
        " {kept} latest tokens (the next one attends to itself and those), so the cache stops"
        " growing there.",
        "zh": "¹ {name} 的每一层都用 {window} 个词元的滑动窗口：每层最多保留最近的 {kept}"
        " 个词元（下一个词元只关注自己和它们），缓存长到这里就不再增长。",
    },
    "mla_saving": {
        "en": "The decompressed cache would be {times} the latent one: {naive} a token instead of"
        " {latent}. Per token, DeepSeek-V3 caches less than Llama-2-7B does ({llama_kv}), a"
        " model of {llama_n} parameters.",
        "zh": "解压后的 KV 缓存是潜向量缓存的 {times}：每个词元 {naive}，而潜向量缓存只要"
        " {latent}。按每个词元算，DeepSeek-V3 缓存的字节比 Llama-2-7B（{llama_kv}）还少，而后者"
        "只有 {llama_n}参数。",
    },
    "chart_kv": {"en": "KV cache, batch {b}", "zh": "KV 缓存，批大小 {b}"},
    "chart_title": {
        "en": "{name}: weights and KV cache by context length",
        "zh": "{name}：权重与 KV 缓存随上下文长度的变化",
    },
    "chart_x": {"en": "Context length (tokens, log scale)", "zh": "上下文长度（词元，对数刻度）"},
    "chart_y": {"en": "Memory (GB)", "zh": "显存（GB）"},
    "crossover": {
        "en": "{name}'s weights take {weights} in bf16, and every token adds {per_token} of"
        " cache. A single sequence catches up with the weights at {one} tokens, just inside the"
        " model's {context}-token context; a batch of {batch} does so at {many} tokens, and at"
        " the right edge of the chart its cache is {times} the weights.",
        "zh": "{name} 的权重以 bf16 存储占 {weights}，每个词元再添 {per_token} 缓存。单条序列长到"
        " {one} 个词元时，缓存就追上了权重，这刚好在模型 {context} 个词元的上下文之内；批大小为"
        " {batch} 时，{many} 个词元就追上了，到图的右端，缓存是权重的 {times}。",
    },
    "gqa": {
        "en": "{name} shows the proportions. Sharing each KV head among {group} query heads"
        " removes {saved} parameters, {share} of its count, against the same model with one KV"
        " head per query head; the cache shrinks far more: that MHA twin would cache {times} as"
        " much per token ({mha} instead of {gqa}).",
        "zh": "{name} 可以说明两者的比例：每 {group} 个查询头共用一个键值头，与每个查询头各配一个"
        "键值头的同一模型相比，参数量少了 {saved}，占其参数量的 {share}；缓存却小得多：那个 MHA"
        " 版本每个词元要缓存的字节是它的 {times}（{mha}，而不是 {gqa}）。",
    },
}
KV_MODELS = (
    "llama-2-7b",
    "llama-3-8b",
    "llama-3.1-8b",
    "mistral-7b",
    "mixtral-8x7b",
    "qwen2.5-7b",
    "deepseek-v3",
)
CHART_MODEL = "llama-3.1-8b"
CONTEXTS = tuple(1024 * 2**i for i in range(8))  # 1K .. 128K tokens
BATCHES = (1, 8)
GQA_MODEL = "llama-3-8b"


def _attention(spec, lang):
    return say(_KV_TEXT[spec.attention_kind], lang, n=spec.heads, k=spec.kv_heads)


def _kv_row(preset_id, lang):
    """The table row of one model, and its footnote if a sliding window caps the cache."""
    spec = presets.load(preset_id)
    per_token = memory.kv_cache_bytes_per_token(spec)
    if spec.mla is not None:
        r, rope = spec.mla.kv_lora_rank, spec.mla.qk_rope_head_dim
        values = r + rope
        formula = f"{fmt.exact(r, lang)} + {fmt.exact(rope, lang)} = {fmt.exact(values, lang)}"
    else:
        values = 2 * spec.kv_heads * spec.head_dim
        formula = f"2 × {spec.kv_heads} × {spec.head_dim} = {fmt.exact(values, lang)}"
    assert per_token == spec.layers * values * 2
    context = spec.context_length
    kinds = serving.kind_tally(spec)
    capped = set(kinds) == {"sliding"} and kinds["sliding"][1] < context
    note = None
    if capped:
        window = kinds["sliding"][1]
        kept = spec.layer_plan[0].mixer.cached_tokens(context)
        note = say(
            _KV_TEXT["window"],
            lang,
            name=spec.name,
            window=fmt.exact(window, lang),
            kept=fmt.exact(kept, lang),
        )
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    row = [
        spec.name,
        _attention(spec, lang),
        formula,
        fmt.bytes_exact(per_token, lang),
        fmt.exact(context, lang),
        fmt.bytes_both(memory.kv_cache_bytes(spec, context), lang) + ("¹" if capped else ""),
        fmt.bytes_both(weights, lang),
    ]
    return row, note


def _naive_row(spec, lang):
    """DeepSeek-V3's cache if MLA cached the decompressed per-head keys and values."""
    mla = spec.mla
    naive = memory.kv_cache_naive_mla_bytes_per_token(spec)
    parts = " + ".join(
        fmt.exact(n, lang) for n in (mla.qk_nope_head_dim, mla.qk_rope_head_dim, mla.v_head_dim)
    )
    per_head = mla.qk_nope_head_dim + mla.qk_rope_head_dim + mla.v_head_dim
    return [
        spec.name,
        say(_KV_TEXT["MLA_naive"], lang),
        f"{spec.heads} × ({parts}) = {fmt.exact(spec.heads * per_head, lang)}",
        fmt.bytes_exact(naive, lang),
        fmt.exact(spec.context_length, lang),
        fmt.bytes_both(naive * spec.context_length, lang),
        fmt.bytes_both(memory.weights_bytes(counts(spec).total, "bf16"), lang),
    ]


def kv_table(lang):
    """Markdown table: KV-cache bytes per token, and one sequence at the longest context."""
    rows, notes = [], []
    for preset_id in KV_MODELS:
        row, note = _kv_row(preset_id, lang)
        rows.append(row)
        notes += [note] if note else []
        if preset_id == "deepseek-v3":
            rows.append(_naive_row(deepseek_v3, lang))
    # Pinned: widely quoted per-token sizes (Llama-2-7B 0.5 MiB, Llama-3-8B 128 KiB) and
    # DeepSeek-V3's latent cache of (512 + 64) values per layer in its config.
    assert memory.kv_cache_bytes_per_token(presets.load("llama-2-7b")) == 524_288
    assert memory.kv_cache_bytes_per_token(presets.load("llama-3-8b")) == 131_072
    assert memory.kv_cache_bytes_per_token(deepseek_v3) == 70_272
    assert memory.kv_cache_naive_mla_bytes_per_token(deepseek_v3) == 4_997_120
    text = table(_KV_HEADER, rows, "llrrrrr", lang)
    return "\n\n".join([text, *notes])


def mla_saving(lang):
    """One sentence: how much smaller DeepSeek-V3's latent cache is than the decompressed one."""
    latent = memory.kv_cache_bytes_per_token(deepseek_v3)
    naive = memory.kv_cache_naive_mla_bytes_per_token(deepseek_v3)
    llama = presets.load("llama-2-7b")
    return say(
        _KV_TEXT["mla_saving"],
        lang,
        times=fmt.times(naive, latent, lang),
        naive=fmt.bytes_(naive, "auto-binary", lang),
        latent=fmt.bytes_(latent, "auto-binary", lang),
        llama_kv=fmt.bytes_(memory.kv_cache_bytes_per_token(llama), "auto-binary", lang),
        llama_n=fmt.count(counts(llama).total, lang),
    )


def kv_chart(lang):
    """SVG: weights against the KV cache over the context, at two batch sizes."""
    spec = presets.load(CHART_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    series = [(say(MEMORY["weights"], lang, dtype="bf16"), [weights] * len(CONTEXTS))]
    for b in BATCHES:
        cache = [memory.kv_cache_bytes(spec, t, b) for t in CONTEXTS]
        series.append((say(_KV_TEXT["chart_kv"], lang, b=b), cache))
    return lines(
        list(CONTEXTS),
        series,
        say(_KV_TEXT["chart_title"], lang, name=spec.name),
        xlabel=say(_KV_TEXT["chart_x"], lang),
        ylabel=say(_KV_TEXT["chart_y"], lang),
        value_format=lambda v: fmt.bytes_(v, "GB", lang),
        x_format=lambda x: f"{x // 1024}K",
        logx=True,
    )


def kv_crossover(lang):
    """Sentences: where the cache of the chart's model outgrows its weights."""
    spec = presets.load(CHART_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    one, many = (serving.kv_crossover(spec, b) for b in BATCHES)
    end = memory.kv_cache_bytes(spec, CONTEXTS[-1], BATCHES[-1])
    assert one <= spec.context_length < 2 * one
    return say(
        _KV_TEXT["crossover"],
        lang,
        name=spec.name,
        weights=fmt.bytes_both(weights, lang),
        per_token=fmt.bytes_(memory.kv_cache_bytes_per_token(spec), "auto-binary", lang),
        one=fmt.exact(one, lang),
        context=fmt.exact(spec.context_length, lang),
        batch=BATCHES[-1],
        many=fmt.exact(many, lang),
        times=fmt.times(end, weights, lang),
    )


def gqa_proportions(lang):
    """One sentence: GQA's saving in parameters against its saving in cache (Llama-3-8B)."""
    spec = presets.load(GQA_MODEL)
    saved = serving.gqa_saving(spec)
    # Llama 3 paper, Table 3: 32 layers, width 4,096, 32 query heads, 8 KV heads of 128.
    assert saved == 2 * 32 * 4096 * (32 - 8) * 128
    mha = memory.kv_cache_bytes_per_token(serving.mha_twin(spec))
    gqa = memory.kv_cache_bytes_per_token(spec)
    return say(
        _KV_TEXT["gqa"],
        lang,
        name=spec.name,
        group=spec.heads // spec.kv_heads,
        saved=named("gqa.llama-3-8b.params_saved", saved, fmt.count(saved, lang)),
        share=fmt.percent(saved, counts(spec).total, lang),
        times=fmt.times(mha, gqa, lang),
        mha=fmt.bytes_(mha, "auto-binary", lang),
        gqa=fmt.bytes_(gqa, "auto-binary", lang),
    )
