# Memory page: bytes per parameter, a model's size in each format, GB against GiB, the KV cache
# and training memory. Every fence of docs/memory.md and docs/memory.zh.md includes this file and
# prints one of the functions below in its language, e.g. dtype_table("zh").
from fractions import Fraction

from llmsize import counts, dtypes, fmt, memory, presets, training
from llmsize.count import block_scales, linear_shapes
from llmsize.text import say

deepseek_v3 = presets.load("deepseek-v3")
assert counts(deepseek_v3).total == 671_026_404_352


def _t(lang, en, zh):
    """The text for ``lang``."""
    return zh if lang == "zh" else en


def _decimal(x: Fraction) -> str:
    """Every digit of a fraction whose denominator is a power of two (all formats here are)."""
    places = 0
    while (x * 10**places).denominator != 1:
        places += 1
    scaled = int(x * 10**places)
    whole, frac = divmod(scaled, 10**places)
    return f"{whole:,}" + (f".{frac:0{places}d}" if places else "")


def _size(n: int, lang: str) -> str:
    return fmt.bytes_both(n, lang)


def _with_binary(n: int, lang: str) -> str:
    """Exact bytes with the binary size beside them: ``524,288 (512 KiB)``."""
    binary = fmt.bytes_(n, "auto-binary", lang)
    return _t(lang, f"{fmt.exact(n, lang)} ({binary})", f"{fmt.exact(n, lang)}（{binary}）")


def _times(a: int, b: int, lang: str) -> str:
    """``a`` as a multiple of ``b``: ``×8.56`` in English, ``8.56 倍`` in Chinese."""
    text = fmt.ratio(a, b, lang)
    return f"{text[1:]} 倍" if lang == "zh" else text


# --- bytes per parameter -------------------------------------------------------------------

_DTYPE_NAMES = {
    "fp64": ("fp64", "fp64"),
    "fp32": ("fp32", "fp32"),
    "tf32": ("tf32", "tf32"),
    "bf16": ("bf16", "bf16"),
    "fp16": ("fp16", "fp16"),
    "fp8_e4m3": ("fp8 (e4m3)", "fp8（e4m3）"),
    "fp8_e5m2": ("fp8 (e5m2)", "fp8（e5m2）"),
    "int8": ("int8", "int8"),
    "int4": ("int4", "int4"),
    "q8_0": ("GGUF Q8_0", "GGUF Q8_0"),
    "q4_0": ("GGUF Q4_0", "GGUF Q4_0"),
    "q4_k": ("GGUF Q4_K", "GGUF Q4_K"),
    "fp8_block128": (
        "fp8 with 128×128 block scales (DeepSeek-V3)",
        "fp8 加 128×128 分块缩放（DeepSeek-V3）",
    ),
}
assert set(_DTYPE_NAMES) == set(dtypes.DTYPES)


def dtype_name(key: str, lang: str) -> str:
    return _DTYPE_NAMES[key][lang == "zh"]


def dtype_table(lang: str) -> str:
    """Markdown table: every storage format, its exact bits and bytes per parameter."""
    header = _t(
        lang,
        "| Format | Bits per parameter | Bytes per parameter | What it is | Specified in |",
        "| 格式 | 每个参数的位数 | 每个参数的字节数 | 说明 | 规范出处 |",
    )
    rows = [header, "|---|--:|--:|---|---|"]
    for key, dt in dtypes.DTYPES.items():
        description = say(dt.description, lang)
        rows.append(
            f"| {dtype_name(key, lang)} | {_decimal(dt.bits)} | {_decimal(dt.bytes_per_param)}"
            f" | {description} | {say(dt.source, lang)} |"
        )
    # Block formats carry their scales: ggml's block structs, DeepSeek's one fp32 per tile.
    assert dtypes.DTYPES["q8_0"].bits == Fraction(17, 2)
    assert dtypes.DTYPES["q4_k"].bits == Fraction(9, 2)
    assert dtypes.DTYPES["tf32"].bytes_per_param == 4
    return "\n".join(rows)


def model_sizes(spec, lang: str) -> str:
    """Markdown table: the total parameters of ``spec`` stored in every format."""
    total = counts(spec).total
    header = _t(
        lang,
        "| Format | Bytes per parameter | Bytes | GB | GiB |",
        "| 格式 | 每个参数的字节数 | 字节数 | GB | GiB |",
    )
    rows = [header, "|---|--:|--:|--:|--:|"]
    for key, dt in dtypes.DTYPES.items():
        n = memory.weights_bytes(total, dt)
        rows.append(
            f"| {dtype_name(key, lang)} | {_decimal(dt.bytes_per_param)} | {fmt.exact(n, lang)}"
            f" | {fmt.bytes_(n, 'GB', lang)} | {fmt.bytes_(n, 'GiB', lang)} |"
        )
    return "\n".join(rows)


# --- the fp8 checkpoint as released ---------------------------------------------------------

# The Hub's safetensors metadata for deepseek-ai/DeepSeek-V3: values per stored dtype.
HUB_DEEPSEEK_V3 = {"BF16": 3_918_786_560, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}


def fp8_checkpoint(spec):
    """Values per storage type in the released checkpoint, from the architecture alone.

    fp8: every attention and MLP/expert weight matrix (multi-token-prediction block included);
    fp32: one scale per 128x128 tile of those matrices, plus the routers' correction biases;
    bf16: everything else the checkpoint stores (embeddings, heads, norms, router weights...).
    """
    fp8 = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec, mtp=True))
    scales = block_scales(spec, spec.quant_block, mtp=True)
    moe = spec.moe
    bias_layers = spec.moe_layer_count + (spec.mtp_layers if moe.is_moe_layer(spec.layers) else 0)
    router_bias = moe.num_experts * bias_layers if moe.router_bias_buffer else 0
    fp32 = scales + router_bias
    bf16 = counts(spec).checkpoint - fp8 - fp32
    return {"bf16": bf16, "fp8": fp8, "fp32": fp32, "scales": scales, "router_bias": router_bias}


def checkpoint_bytes(spec) -> int:
    parts = fp8_checkpoint(spec)
    return 2 * parts["bf16"] + parts["fp8"] + 4 * parts["fp32"]


def checkpoint_table(spec, lang: str) -> str:
    """Markdown table: the released fp8 checkpoint, tensor kind by tensor kind."""
    parts = fp8_checkpoint(spec)
    assert parts["fp8"] == HUB_DEEPSEEK_V3["F8_E4M3"]
    assert parts["fp32"] == HUB_DEEPSEEK_V3["F32"]
    assert parts["bf16"] == HUB_DEEPSEEK_V3["BF16"]
    hub_bytes = (
        2 * HUB_DEEPSEEK_V3["BF16"] + HUB_DEEPSEEK_V3["F8_E4M3"] + 4 * HUB_DEEPSEEK_V3["F32"]
    )
    assert checkpoint_bytes(spec) == hub_bytes
    what = {
        "fp8": _t(
            lang,
            "every attention and feed-forward weight matrix: all the experts, the dense layers,"
            " the multi-token-prediction block",
            "所有注意力与前馈网络的权重矩阵：全部专家、开头的稠密层、多词元预测模块",
        ),
        "bf16": _t(
            lang,
            "embedding tables and output heads (the main model's and the prediction module's),"
            " the module's input projection, norms, router weights",
            "词嵌入表和输出头（主模型一份、多词元预测模块一份）、该模块的输入投影、归一化权重、"
            "路由器权重",
        ),
        "fp32": _t(
            lang,
            f"{fmt.exact(parts['scales'], lang)} scales, one per 128×128 tile of each fp8 matrix,"
            f" and {fmt.exact(parts['router_bias'], lang)} router correction biases",
            f"{fmt.exact(parts['scales'], lang)} 个缩放因子（每个 fp8 矩阵每个 128×128 块一个），"
            f"以及 {fmt.exact(parts['router_bias'], lang)} 个路由器校正偏置",
        ),
    }
    width = {"fp8": 1, "bf16": 2, "fp32": 4}
    header = _t(
        lang,
        "| Stored as | What | Values | Bytes each | Bytes |",
        "| 存储格式 | 内容 | 数值个数 | 每个的字节数 | 字节数 |",
    )
    rows = [header, "|---|---|--:|--:|--:|"]
    for key in ("fp8", "bf16", "fp32"):
        n = parts[key]
        rows.append(
            f"| {key} | {what[key]} | {fmt.exact(n, lang)} | {width[key]}"
            f" | {_size(n * width[key], lang)} |"
        )
    values = parts["fp8"] + parts["bf16"] + parts["fp32"]
    assert values == counts(spec).checkpoint
    rows.append(
        f"| **{_t(lang, 'Checkpoint', '整个权重文件')}** | | **{fmt.exact(values, lang)}** | "
        f"| **{_size(checkpoint_bytes(spec), lang)}** |"
    )
    return "\n".join(rows)


def checkpoint_summary(spec, lang: str) -> str:
    """One sentence: the released checkpoint against the same parameters in bf16."""
    c = counts(spec)
    size = checkpoint_bytes(spec)
    bf16 = memory.weights_bytes(c.total, "bf16")
    per_param = Fraction(size, c.total)
    return _t(
        lang,
        f"The whole download is {fmt.bytes_both(size, lang)}. Spread over the model's"
        f" {fmt.count(c.total, lang)} parameters that is {float(per_param):.3f} bytes each"
        " (the file also holds the prediction module), about half the"
        f" {fmt.bytes_both(bf16, lang)} the same parameters take in bf16.",
        f"整个下载约 {fmt.bytes_both(size, lang)}。摊到模型的 {fmt.count(c.total, lang)}参数上，"
        f"每个参数 {float(per_param):.3f} 字节（文件里还有多词元预测模块）；"
        f"同样的参数用 bf16 存储要 {fmt.bytes_both(bf16, lang)}，这里差不多只有一半。",
    )


# --- GB and GiB -----------------------------------------------------------------------------

_PREFIXES = (
    ("kilo", "K", "KiB", 1),
    ("mega", "M", "MiB", 2),
    ("giga", "G", "GiB", 3),
    ("tera", "T", "TiB", 4),
)
_PREFIX_ZH = {
    "kilo": "千（kilo）",
    "mega": "兆（mega）",
    "giga": "吉（giga）",
    "tera": "太（tera）",
}


def units_table(lang: str) -> str:
    """Markdown table: decimal against binary units, and how far apart they drift."""
    header = _t(
        lang,
        "| Prefix | Decimal (SI) | Bytes | Binary (IEC) | Bytes | Binary is larger by |",
        "| 词头 | 十进制（SI） | 字节数 | 二进制（IEC） | 字节数 | 二进制单位大出 |",
    )
    rows = [header, "|---|---|--:|---|--:|--:|"]
    for name, letter, binary, power in _PREFIXES:
        si, iec = 10 ** (3 * power), 2 ** (10 * power)
        prefix = _PREFIX_ZH[name] if lang == "zh" else name
        rows.append(
            f"| {prefix} | {letter}B | {fmt.exact(si, lang)} | {binary} | {fmt.exact(iec, lang)}"
            f" | {fmt.percent(iec - si, si, lang)} |"
        )
    assert dtypes.GiB == 1_073_741_824 and dtypes.GB == 1_000_000_000
    return "\n".join(rows)


def b_readings(spec, lang: str) -> str:
    """Markdown table: what the "B" of "671B" can be mistaken for, and the sizes that follow."""
    claim = presets.get("deepseek-v3").claim("total")
    label = claim.value  # the headline figure as its authors state it
    assert claim.text == "671B" and label == 671 * dtypes.GB
    shown = fmt.count(label, lang)
    bf16 = memory.weights_bytes(counts(spec).total, "bf16")
    header = _t(
        lang,
        "| Written | Read as | What it is | In bytes |",
        "| 写法 | 理解为 | 实际含义 | 折合字节 |",
    )
    rows = [header, "|---|---|---|--:|"]
    rows.append(
        _t(
            lang,
            f"| {shown} parameters | B = billion, 10⁹ | a count: {fmt.exact(counts(spec).total, lang)}"
            f" parameters, exactly | depends on the format |",
            f"| {shown}参数 | B = billion，十亿（10⁹） | 一个个数：精确地说是"
            f" {fmt.exact(counts(spec).total, lang)} 个参数 | 取决于存储格式 |",
        )
    )
    rows.append(
        _t(
            lang,
            f"| the same in bf16 | × 2 bytes per parameter | the weights as most models ship |"
            f" {_size(bf16, lang)} |",
            f"| 同上，以 bf16 存储 | 每个参数 × 2 字节 | 多数模型发布时的权重大小 | {_size(bf16, lang)} |",
        )
    )
    rows.append(
        _t(
            lang,
            f"| {fmt.exact(label // dtypes.GB, lang)} Gbit | b = bit | one bit per parameter, less than any format these weights ship in |"
            f" {_size(label // 8, lang)} |",
            f"| {fmt.exact(label // dtypes.GB, lang)} Gbit | b = 比特 | 每个参数一个比特，比这些权重任何一种发布格式都小 |"
            f" {_size(label // 8, lang)} |",
        )
    )
    rows.append(
        _t(
            lang,
            f"| {fmt.exact(label // dtypes.GB, lang)} GB | B = byte | one byte per parameter: the fp8 size,"
            f" not the bf16 one | {_size(label, lang)} |",
            f"| {fmt.exact(label // dtypes.GB, lang)} GB | B = 字节 | 每个参数一个字节：恰好是 fp8 的大小，"
            f"不是 bf16 的 | {_size(label, lang)} |",
        )
    )
    return "\n".join(rows)


# --- KV cache -------------------------------------------------------------------------------

KV_MODELS = (
    "llama-2-7b",
    "llama-3-8b",
    "llama-3.1-8b",
    "mistral-7b",
    "mixtral-8x7b",
    "qwen2.5-7b",
    "deepseek-v3",
)


def _attention_kind(spec, lang: str) -> str:
    if spec.mla is not None:
        return _t(lang, "MLA (latent cache)", "MLA（缓存潜向量）")
    if spec.kv_heads == spec.heads:
        return "MHA"
    if spec.kv_heads == 1:
        return "MQA"
    return _t(
        lang,
        f"GQA ({spec.heads} query heads, {spec.kv_heads} KV heads)",
        f"GQA（{spec.heads} 个查询头，{spec.kv_heads} 个 KV 头）",
    )


def _window(preset_id: str) -> int | None:
    """The sliding attention window a rolling-buffer cache stops at, if the config has one."""
    config = presets.get(preset_id).config
    window = config.get("sliding_window")
    if window is None or not config.get("use_sliding_window", True):
        return None
    return window


def kv_table(lang: str) -> str:
    """Markdown table: KV-cache bytes per token, and one sequence at the longest context."""
    header = _t(
        lang,
        "| Model | Attention | Values cached per token per layer | Bytes per token (bf16)"
        " | Longest context | One sequence at that length | Weights (bf16) |",
        "| 模型 | 注意力 | 每层每个词元缓存的数值 | 每个词元的字节数（bf16）"
        " | 最长上下文 | 一条序列占满时 | 权重（bf16） |",
    )
    rows = [header, "|---|---|--:|--:|--:|--:|--:|"]
    notes = []
    for preset_id in KV_MODELS:
        spec = presets.load(preset_id)
        per_token = memory.kv_cache_bytes_per_token(spec)
        if spec.mla is not None:
            values = spec.mla.kv_lora_rank + spec.mla.qk_rope_head_dim
            formula = f"{spec.mla.kv_lora_rank} + {spec.mla.qk_rope_head_dim} = {values:,}"
        else:
            values = 2 * spec.kv_heads * spec.head_dim
            formula = f"2 × {spec.kv_heads} × {spec.head_dim} = {values:,}"
        assert per_token == spec.layers * values * 2
        context = spec.context_length
        cached = context
        window = _window(preset_id)
        mark = ""
        if window is not None and window < context:
            cached = window
            mark = "¹"
            notes.append(
                _t(
                    lang,
                    f"¹ {spec.name} attends to the last {fmt.exact(window, lang)} tokens only"
                    " (sliding window), so a rolling-buffer cache stops growing there.",
                    f"¹ {spec.name} 每层只关注最近 {fmt.exact(window, lang)} 个词元（滑动窗口），"
                    "用滚动缓存时，缓存长到这里就不再增长。",
                )
            )
        weights = memory.weights_bytes(counts(spec).total, "bf16")
        rows.append(
            f"| {spec.name} | {_attention_kind(spec, lang)} | {formula}"
            f" | {_with_binary(per_token, lang)}"
            f" | {fmt.exact(context, lang)} | {_size(per_token * cached, lang)}{mark}"
            f" | {_size(weights, lang)} |"
        )
        if spec.mla is not None:
            naive = memory.kv_cache_naive_mla_bytes_per_token(spec)
            mla = spec.mla
            per_head = mla.qk_nope_head_dim + mla.qk_rope_head_dim + mla.v_head_dim
            rows.append(
                f"| {spec.name} | {_t(lang, 'MLA, keys and values decompressed', 'MLA，解压后的键和值')}"
                f" | {spec.heads} × ({mla.qk_nope_head_dim} + {mla.qk_rope_head_dim}"
                f" + {mla.v_head_dim}) = {spec.heads * per_head:,}"
                f" | {_with_binary(naive, lang)}"
                f" | {fmt.exact(context, lang)} | {_size(naive * context, lang)}"
                f" | {_size(weights, lang)} |"
            )
    # Pinned: widely quoted per-token sizes (Llama-2-7B 0.5 MiB, Llama-3-8B 128 KiB) and
    # DeepSeek-V3's latent cache of (512 + 64) values per layer in its config.
    assert (
        memory.kv_cache_bytes_per_token(presets.load("llama-2-7b")) == 524_288
    )
    assert (
        memory.kv_cache_bytes_per_token(presets.load("llama-3-8b")) == 131_072
    )
    assert memory.kv_cache_bytes_per_token(deepseek_v3) == 70_272
    assert (
        memory.kv_cache_naive_mla_bytes_per_token(deepseek_v3) == 4_997_120
    )
    return "\n".join(rows + ([""] + notes if notes else []))


def mla_saving(lang: str) -> str:
    """One sentence: how much smaller DeepSeek-V3's latent cache is than the decompressed one."""
    latent = memory.kv_cache_bytes_per_token(deepseek_v3)
    naive = memory.kv_cache_naive_mla_bytes_per_token(deepseek_v3)
    llama = presets.load("llama-2-7b")
    llama_kv = fmt.bytes_(memory.kv_cache_bytes_per_token(llama), "auto-binary", lang)
    llama_n = fmt.count(counts(llama).total, lang)
    return _t(
        lang,
        f"The decompressed cache would be {_times(naive, latent, lang)} the latent one:"
        f" {fmt.bytes_(latent, 'auto-binary', lang)} a token instead of"
        f" {fmt.bytes_(naive, 'auto-binary', lang)}. Per token, DeepSeek-V3 caches less than"
        f" Llama-2-7B does ({llama_kv}), a model of {llama_n} parameters.",
        f"解压后的键值缓存是潜向量缓存的 {_times(naive, latent, lang)}："
        f"每个词元 {fmt.bytes_(latent, 'auto-binary', lang)}，而不是"
        f" {fmt.bytes_(naive, 'auto-binary', lang)}。按每个词元算，DeepSeek-V3 缓存的字节比"
        f" Llama-2-7B（{llama_kv}）还少，而后者只有 {llama_n}参数。",
    )


CHART_MODEL = "llama-3.1-8b"
CONTEXTS = tuple(1024 * 2**i for i in range(8))  # 1K .. 128K tokens
BATCHES = (1, 8)


def _crossover(weights: int, per_token: int, batch: int) -> int:
    """The shortest context at which ``batch`` sequences' cache is at least the weights."""
    return -(-weights // (per_token * batch))


def kv_chart(lang: str) -> str:
    """SVG: weights against the KV cache over the context, at two batch sizes."""
    spec = presets.load(CHART_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    series = [(_t(lang, "Weights (bf16)", "权重（bf16）"), [weights] * len(CONTEXTS))]
    for b in BATCHES:
        series.append(
            (
                _t(lang, f"KV cache, batch {b}", f"KV 缓存，批大小 {b}"),
                [memory.kv_cache_bytes(spec, t, b) for t in CONTEXTS],
            )
        )
    return lines(
        list(CONTEXTS),
        series,
        _t(
            lang,
            f"{spec.name}: weights and KV cache by context length",
            f"{spec.name}：权重与 KV 缓存随上下文长度的变化",
        ),
        xlabel=_t(lang, "Context length (tokens, log scale)", "上下文长度（词元，对数刻度）"),
        ylabel=_t(lang, "Memory (GB)", "显存（GB）"),
        value_format=lambda v: fmt.bytes_(v, "GB", lang),
        x_format=lambda x: f"{x // 1024}K",
        logx=True,
    )


def kv_crossover(lang: str) -> str:
    """Sentences: where the cache of the chart's model outgrows its weights."""
    spec = presets.load(CHART_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    per_token = memory.kv_cache_bytes_per_token(spec)
    one, many = (_crossover(weights, per_token, b) for b in BATCHES)
    end = memory.kv_cache_bytes(spec, CONTEXTS[-1], BATCHES[-1])
    assert one <= spec.context_length < 2 * one
    return _t(
        lang,
        f"{spec.name}'s weights take {_size(weights, lang)} in bf16, and every token adds"
        f" {fmt.bytes_(per_token, 'auto-binary', lang)} of cache. A single sequence catches up"
        f" with the weights at {fmt.exact(one, lang)} tokens, just inside the model's"
        f" {fmt.exact(spec.context_length, lang)}-token context; a batch of {BATCHES[-1]} does"
        f" so at {fmt.exact(many, lang)} tokens, and at the right edge of the chart its cache"
        f" is {_times(end, weights, lang)} the weights.",
        f"{spec.name} 的权重以 bf16 存储占 {_size(weights, lang)}，每个词元再添"
        f" {fmt.bytes_(per_token, 'auto-binary', lang)} 缓存。单条序列长到"
        f" {fmt.exact(one, lang)} 个词元时，缓存就追上了权重，这刚好在模型"
        f" {fmt.exact(spec.context_length, lang)} 个词元的上下文之内；批大小为"
        f" {BATCHES[-1]} 时，{fmt.exact(many, lang)} 个词元就追上了，到图的右端，缓存是权重的"
        f" {_times(end, weights, lang)}。",
    )


# --- training -------------------------------------------------------------------------------

_ITEMS = {
    "weights": ("Working weights (half precision)", "工作权重（半精度）"),
    "gradients": ("Gradients", "梯度"),
    "master": ("fp32 master weights", "fp32 主权重"),
    "momentum": ("Adam momentum (fp32)", "Adam 一阶矩（fp32）"),
    "variance": ("Adam variance (fp32)", "Adam 二阶矩（fp32）"),
}
TRAINING_MODELS = ("llama-2-7b", "deepseek-v3")


def conventions_table(lang: str) -> str:
    """Markdown table: bytes per parameter, item by item, in both conventions."""
    convs = training.TRAINING_CONVENTIONS
    header = _t(
        lang,
        "| Item | ZeRO (bytes per parameter) | Hugging Face (bytes per parameter) |",
        "| 项目 | ZeRO（每个参数的字节数） | Hugging Face（每个参数的字节数） |",
    )
    rows = [header, "|---|--:|--:|"]
    for key, names in _ITEMS.items():
        rows.append(
            f"| {names[lang == 'zh']} | {getattr(convs['16'], key)} | {getattr(convs['18'], key)} |"
        )
    rows.append(
        f"| **{_t(lang, 'Total', '合计')}** | **{convs['16'].total}** | **{convs['18'].total}** |"
    )
    # ZeRO section 3.1: 2Ψ + 2Ψ + 12Ψ; Hugging Face's guide: weights 6, gradients 4, AdamW 8.
    assert convs["16"].total == 2 + 2 + 12
    assert (
        convs["18"].weights + convs["18"].master,
        convs["18"].gradients,
        convs["18"].momentum + convs["18"].variance,
    ) == (6, 4, 8)
    return "\n".join(rows)


def training_table(lang: str) -> str:
    """Markdown table: model state of Llama-2-7B and DeepSeek-V3, item by item."""
    specs = [presets.load(p) for p in TRAINING_MODELS]
    columns = [(s, conv) for s in specs for conv in ("16", "18")]
    head = " | ".join(
        f"{s.name}{_t(lang, f', {conv} bytes/param', f'，每参数 {conv} 字节')}"
        for s, conv in columns
    )
    rows = [f"| {_t(lang, 'Item', '项目')} | {head} |", "|---|" + "--:|" * len(columns)]
    states = [training.training_bytes(counts(s).total, conv) for s, conv in columns]
    for key, names in _ITEMS.items():
        cells = " | ".join(_size(getattr(m, key), lang) for m in states)
        rows.append(f"| {names[lang == 'zh']} | {cells} |")
    totals = " | ".join(f"**{_size(m.total, lang)}**" for m in states)
    rows.append(f"| **{_t(lang, 'Total', '合计')}** | {totals} |")
    return "\n".join(rows)


# The ZeRO paper's own figures: a 1.5B-parameter GPT-2 needs at least 24 GB (section 3.1), and
# the 7.5B-parameter model of its Figure 1 needs 120 GB before partitioning.
ZERO_EXAMPLES = (
    (1_500_000_000, ("ZeRO, section 3.1", "ZeRO 论文第 3.1 节")),
    (7_500_000_000, ("ZeRO, Figure 1", "ZeRO 论文图 1")),
)


def zero_examples(lang: str) -> str:
    """Markdown table: the ZeRO paper's worked examples, recomputed."""
    header = _t(
        lang,
        "| Example | Parameters | 16 bytes per parameter | 18 bytes per parameter |",
        "| 例子 | 参数量 | 每参数 16 字节 | 每参数 18 字节 |",
    )
    rows = [header, "|---|--:|--:|--:|"]
    for params, source in ZERO_EXAMPLES:
        a, b = (training.training_bytes(params, conv).total for conv in ("16", "18"))
        rows.append(
            f"| {source[lang == 'zh']} | {fmt.count(params, lang)} | {fmt.bytes_(a, 'GB', lang)}"
            f" | {fmt.bytes_(b, 'GB', lang)} |"
        )
    assert training.training_bytes(1_500_000_000).total == 24 * dtypes.GB
    assert training.training_bytes(7_500_000_000).total == 120 * dtypes.GB
    return "\n".join(rows)


# --- activations ----------------------------------------------------------------------------

ACTIVATION_MODEL = "llama-2-7b"
ACTIVATION_SEQ = 4096


def activation_table(lang: str) -> str:
    """Markdown table: activation memory of one sequence, with and without recomputation."""
    spec = presets.load(ACTIVATION_MODEL)
    weights = memory.weights_bytes(counts(spec).total, "bf16")
    kept = {
        "none": _t(
            lang,
            "everything the backward pass reads, attention scores included:"
            " `sbh(34 + 5as/h)` per layer",
            "反向传播要读的全部激活值，包括注意力分数：每层 `sbh(34 + 5as/h)`",
        ),
        "selective": _t(
            lang,
            "all but the attention scores and softmax, which are recomputed: `34·sbh` per layer",
            "除注意力分数和 softmax 之外的全部（这两者重算）：每层 `34·sbh`",
        ),
        "full": _t(
            lang,
            "only each layer's input; the whole layer is recomputed: `2·sbh` per layer",
            "只存每层的输入，整层重算：每层 `2·sbh`",
        ),
    }
    names = {
        "none": _t(lang, "None", "不重算"),
        "selective": _t(lang, "Selective", "选择性重算"),
        "full": _t(lang, "Full", "完全重算"),
    }
    header = _t(
        lang,
        "| Recomputation | What is kept | Bytes | Size | Compared with the bf16 weights |",
        "| 重算策略 | 保存的内容 | 字节数 | 大小 | 与 bf16 权重相比 |",
    )
    rows = [header, "|---|---|--:|--:|--:|"]
    for mode in ("none", "selective", "full"):
        n = training.activation_bytes(spec, ACTIVATION_SEQ, 1, mode)
        rows.append(
            f"| {names[mode]} | {kept[mode]} | {fmt.exact(n, lang)} | {_size(n, lang)}"
            f" | {fmt.ratio(n, weights, lang)} |"
        )
    # Korthikanti et al. 2022, section 5: for GPT-3 (a = 96, s = 2048, h = 12288) 5as/h = 80,
    # and selective recomputation saves 70% of the activation memory.
    gpt3 = presets.load("gpt3-175b")
    assert Fraction(5 * gpt3.heads * 2048, gpt3.width) == 80
    none, selective = (training.activation_bytes(gpt3, 2048, 1, m) for m in ("none", "selective"))
    assert round(100 * (1 - Fraction(selective, none))) == 70
    return "\n".join(rows)


def activation_setting(lang: str) -> str:
    spec = presets.load(ACTIVATION_MODEL)
    return _t(
        lang,
        f"For {spec.name}, one sequence of {fmt.exact(ACTIVATION_SEQ, lang)} tokens (its training"
        f" context), batch 1, `h` = {fmt.exact(spec.width, lang)}, `a` = {spec.heads},"
        f" {spec.layers} layers:",
        f"以 {spec.name} 为例：一条 {fmt.exact(ACTIVATION_SEQ, lang)} 个词元的序列（它训练时的"
        f"上下文长度），批大小 1，`h` = {fmt.exact(spec.width, lang)}，`a` = {spec.heads}，"
        f"共 {spec.layers} 层：",
    )
