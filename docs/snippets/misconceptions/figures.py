# Misconceptions page: one computed illustration per misconception.
# A page includes this file, then prints e.g. labels_table("zh"). Figures come from llmsize
# (presets, counts, vectors, memory, flops); the hidden asserts pin them against the Hub's exact
# counts (tests/oracle: transformers 5.23 on the real config.json), model cards and papers.
from llmsize import counts, fmt, presets
from llmsize.article import ARTICLE_WIDTH
from llmsize.dtypes import GB, TB, GiB, TiB
from llmsize.flops import CHINCHILLA_TOKENS_PER_PARAM, chinchilla_tokens, training_flops
from llmsize.memory import weights_bytes
from llmsize.text import say
from llmsize.vectors import vectors

deepseek_v3 = presets.load("deepseek-v3")
DEEPSEEK = counts(deepseek_v3)
assert DEEPSEEK.total == 671_026_404_352
assert DEEPSEEK.active == 37_552_282_624


def _both(en, zh, lang):
    return zh if lang == "zh" else en


# --- 1. parameters are not vectors -------------------------------------------------------------

VECTOR_MODEL = "llama-3.1-8b"
vector_spec = presets.load(VECTOR_MODEL)
VECTOR_PARAMS = counts(vector_spec).total
assert VECTOR_PARAMS == 8_030_261_248
# Llama-3.1-8B's config.json: hidden_size 4096, 32 layers, vocab_size 128256.
_shape = (vector_spec.width, vector_spec.layers, vector_spec.vocab)
assert _shape == (4096, 32, 128_256)

# The article's example: a sentence of a thousand words gives a thousand word vectors.
ARTICLE_TOKENS = 1_000
TOKENS = (1, ARTICLE_TOKENS, 100_000)

_VECTORS_HEADER = {
    "en": "| Tokens `T` | Input vectors | All vectors of one pass | Numbers in them | Parameters |",
    "zh": "| 词元数 `T` | 输入向量 | 一次前向计算的全部向量 | 其中的数值 | 参数量 |",
}


def vectors_by_tokens(lang):
    """Markdown table: vectors grow with the input, the parameter count does not."""
    out = [_VECTORS_HEADER[lang], "|--:|--:|--:|--:|--:|"]
    for t in TOKENS:
        v = vectors(vector_spec, t)
        assert v.get("embeddings").count == t
        out.append(
            f"| {fmt.exact(t, lang)} | {fmt.exact(v.get('embeddings').count, lang)}"
            f" | {fmt.count(v.total_vectors, lang)} | {fmt.count(v.total_elements, lang)}"
            f" | {fmt.count(VECTOR_PARAMS, lang)} |"
        )
    return "\n".join(out)


_KINDS = {
    "embeddings": ("Input embeddings, one per token", "输入嵌入，每个词元一个"),
    "hidden_states": ("Layer outputs (hidden states)", "各层输出（隐藏状态）"),
    "queries": ("Queries, one per head", "查询，每个头一个"),
    "keys": ("Keys, one per key/value head", "键，每个键值头一个"),
    "values": ("Values, one per key/value head", "值，每个键值头一个"),
    "attention_outputs": ("Attention outputs, one per head", "注意力输出，每个头一个"),
    "mlp_hidden": ("FFN hidden vectors", "前馈网络的中间向量"),
    "logits": ("Scores over the vocabulary (logits)", "对整个词表的打分（logits）"),
}
_KINDS_HEADER = {
    "en": "| Vector | How many | Numbers in each | Numbers in all of them |",
    "zh": "| 向量 | 个数 | 每个的长度 | 合计数值 |",
}
_KINDS_TOTAL = {"en": "**All vectors of the pass**", "zh": "**这次前向计算的全部向量**"}


def vector_kinds(lang):
    """Markdown table: the kinds of vectors one pass over the article's sentence makes.

    The KV cache rows of llmsize.vectors name keys and values already listed (the ones that
    outlive the pass), so the table lists the created kinds only, as the totals do.
    """
    v = vectors(vector_spec, ARTICLE_TOKENS)
    out = [_KINDS_HEADER[lang], "|---|--:|--:|--:|"]
    for kind in v.created:
        name = _KINDS[kind.key][lang == "zh"]
        out.append(
            f"| {name} | {fmt.exact(kind.count, lang)} | {fmt.exact(kind.size, lang)}"
            f" | {fmt.count(kind.elements, lang)} |"
        )
    out.append(
        f"| {_KINDS_TOTAL[lang]} | **{fmt.exact(v.total_vectors, lang)}** |"
        f" | **{fmt.count(v.total_elements, lang)}** |"
    )
    assert sum(k.count for k in v.created) == v.total_vectors
    # The longest vector is the logits, one score per vocabulary entry.
    longest = max(k.size for k in v.created)
    assert longest == vector_spec.vocab == v.get("logits").size
    return "\n".join(out)


# --- 2. "671b" is a count, not bits ------------------------------------------------------------

LABEL = presets.get("deepseek-v3").claim("total")
assert (LABEL.text, LABEL.value) == ("671B", 671_000_000_000)
MISREAD_BYTES = LABEL.value // 8  # "671 billion bits", in bytes
assert MISREAD_BYTES == 83_875_000_000

_UNITS_HEADER = {
    "en": "| Reading | Parameters | Bits | Bytes |",
    "zh": "| 理解方式 | 参数个数 | 比特数 | 字节数 |",
}


def units_table(lang):
    """Markdown table: DeepSeek-V3's parameters in bits and bytes, and the bits misreading."""
    n = DEEPSEEK.total
    bits = _both(" bits", "比特", lang)
    out = [_UNITS_HEADER[lang], "|---|--:|--:|--:|"]
    for dtype, width in (("bf16", 16), ("fp8", 8)):
        nbytes = weights_bytes(n, dtype)
        assert nbytes * 8 == n * width
        reading = _both(
            f"{LABEL.text} parameters, stored in {dtype}",
            f"{fmt.count(LABEL.value, lang)}个参数，以 {dtype} 存储",
            lang,
        )
        out.append(
            f"| {reading} | {fmt.count(n, lang)} | {fmt.count(nbytes * 8, lang)}{bits}"
            f" | {fmt.bytes_both(nbytes, lang)} |"
        )
    misread = _both(
        f"“{LABEL.text.lower()}” misread as {fmt.count_long(LABEL.value, lang)} bits",
        f"把“{LABEL.text.lower()}”误读成 {fmt.count(LABEL.value, lang)}比特",
        lang,
    )
    out.append(
        f"| {misread} | — | {fmt.count(LABEL.value, lang)}{bits}"
        f" | {fmt.bytes_both(MISREAD_BYTES, lang)} |"
    )
    return "\n".join(out)


# --- 3. a size label is not an exact count -----------------------------------------------------

# (preset, claim texts to show). Exact totals: tests/oracle (transformers on the real configs).
LABELLED = (
    ("gpt2", ("117M", "124M")),
    ("gemma-7b", ("7B",)),
    ("mistral-7b", ("7B", "7.3B")),
    ("llama-2-70b", ("70B",)),
    ("deepseek-v3", ("671B",)),
)
EXACT = {
    "gpt2": 124_439_808,
    "gemma-7b": 8_537_680_896,
    "mistral-7b": 7_241_732_096,
    "llama-2-70b": 68_976_648_192,
    "deepseek-v3": 671_026_404_352,
}
_LABELS_HEADER = {
    "en": "| Model | Label | Exact count | Rounded | Label vs exact |",
    "zh": "| 模型 | 标称 | 精确参数量 | 取整 | 标称与精确值之差 |",
}


def labels_table(lang):
    """Markdown: official size labels beside the exact counts, then why each one differs."""
    out = [_LABELS_HEADER[lang], "|---|--:|--:|--:|--:|"]
    notes = []
    for preset_id, texts in LABELLED:
        preset = presets.get(preset_id)
        exact = counts(preset.spec).total
        assert exact == EXACT[preset_id]
        for claim in preset.claims:
            if claim.kind != "total" or claim.text not in texts:
                continue
            gap = fmt.percent(claim.value - exact, exact, lang)
            if gap.lstrip("-") == fmt.percent(0, exact, lang):
                gap = fmt.percent(0, exact, lang)  # closer than the last digit shown
            elif not gap.startswith("-"):
                gap = "+" + gap
            out.append(
                f"| {preset.name} | {claim.text} | {fmt.exact(exact, lang)}"
                f" | {fmt.count(exact, lang, trim=False)} | {gap} |"
            )
            sep = "：" if lang == "zh" else ": "
            notes.append(f"- **{preset.name}, {claim.text}**{sep}{say(claim.reason, lang)}")
    assert len(out) == 2 + sum(len(t) for _, t in LABELLED)
    return "\n".join(out) + "\n\n" + "\n".join(notes)


# Gemma's paper, Table 2: 7,751,248,896 non-embedding parameters for the 7B model.
assert counts(presets.load("gemma-7b")).non_embedding == 7_751_248_896


# --- 4. an MoE model needs all its experts in memory -------------------------------------------

MOE_MODELS = ("deepseek-v3", "mixtral-8x7b")
mixtral = counts(presets.load("mixtral-8x7b"))
assert (mixtral.total, mixtral.active) == (46_702_792_704, 12_879_925_248)
# Mistral's Mixtral post: "46.7B total parameters but only uses 12.9B parameters per token".
assert fmt.count(mixtral.total) == "46.7B"
assert fmt.count(mixtral.active) == "12.9B"
# DeepSeek's README_WEIGHTS.md: 36.6B activated, counted without the input embedding.
_embedding = DEEPSEEK.breakdown.get("embeddings.token")
assert fmt.count(DEEPSEEK.active - _embedding) == "36.6B"

_MOE_HEADER = {
    "en": "| Model | Total | Active per token | Share"
    " | Must sit in memory (bf16) | Used per token (bf16) |",
    "zh": "| 模型 | 总参数量 | 每词元激活 | 占比 | 须全部载入显存（bf16） | 每个词元用到（bf16） |",
}


def moe_table(lang):
    """Markdown table: total against active parameters, and their bf16 bytes."""
    out = [_MOE_HEADER[lang], "|---|--:|--:|--:|--:|--:|"]
    for preset_id in MOE_MODELS:
        c = counts(presets.load(preset_id))
        out.append(
            f"| {presets.get(preset_id).name} | {fmt.count(c.total, lang)}"
            f" | {fmt.count(c.active, lang)} | {fmt.percent(c.active, c.total, lang)}"
            f" | {fmt.bytes_both(weights_bytes(c.total, 'bf16'), lang)}"
            f" | {fmt.bytes_both(weights_bytes(c.active, 'bf16'), lang)} |"
        )
    return "\n".join(out)


def moe_chart(lang):
    """Horizontal bars: bf16 bytes held in memory against bytes one token uses."""
    labels, values = [], []
    for preset_id in MOE_MODELS:
        c = counts(presets.load(preset_id))
        name = presets.get(preset_id).name
        labels += [
            _both(f"{name}: all experts", f"{name}：全部专家", lang),
            _both(f"{name}: one token", f"{name}：一个词元", lang),
        ]
        values += [weights_bytes(c.total, "bf16"), weights_bytes(c.active, "bf16")]
    palette = PALETTE
    colors = [palette[3], palette[0], palette[3], palette[0]]
    title = _both(
        "MoE weights in bf16: what memory holds against what one token uses",
        "MoE 模型的 bf16 权重：显存中要放的与一个词元用到的",
        lang,
    )
    return hbar(labels, values, title, [fmt.bytes_(v, lang=lang) for v in values], colors=colors)


# --- 5. GB is not GiB -----------------------------------------------------------------------------

assert (GB, GiB, TB, TiB) == (10**9, 2**30, 10**12, 2**40)
assert fmt.percent(GiB - GB, GB) == "7.4%"
assert fmt.percent(TiB - TB, TB) == "10.0%"

_GAP_HEADER = {
    "en": "| Prefix | Decimal (SI) | Binary (IEC) | Binary unit is larger by |",
    "zh": "| 前缀 | 十进制（SI） | 二进制（IEC） | 二进制单位大出 |",
}


def gap_table(lang):
    """Markdown table: the decimal and binary units and how far apart they are."""
    b = _both("bytes", "字节", lang)
    out = [_GAP_HEADER[lang], "|---|--:|--:|--:|"]
    for prefix, (si, si_n), (iec, iec_n) in (
        ("G", ("GB", GB), ("GiB", GiB)),
        ("T", ("TB", TB), ("TiB", TiB)),
    ):
        out.append(
            f"| {prefix} | {si} = {fmt.exact(si_n, lang)} {b}"
            f" | {iec} = {fmt.exact(iec_n, lang)} {b}"
            f" | {fmt.percent(iec_n - si_n, si_n, lang)} |"
        )
    return "\n".join(out)


SIZED = ("llama-3.1-8b", "mixtral-8x7b", "deepseek-v3")
_SIZES_HEADER = {
    "en": "| bf16 weights of | Bytes | In GB | In GiB |",
    "zh": "| bf16 权重 | 字节数 | 以 GB 计 | 以 GiB 计 |",
}


def sizes_table(lang):
    """Markdown table: the same byte counts in GB and in GiB."""
    out = [_SIZES_HEADER[lang], "|---|--:|--:|--:|"]
    for preset_id in SIZED:
        n = weights_bytes(counts(presets.load(preset_id)).total, "bf16")
        out.append(
            f"| {presets.get(preset_id).name} | {fmt.exact(n, lang)}"
            f" | {fmt.bytes_(n, 'GB', lang)} | {fmt.bytes_(n, 'GiB', lang)} |"
        )
    return "\n".join(out)


# --- 6. more parameters is not more knowledge ---------------------------------------------------

# Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", Table 1: parameters and
# training tokens. GPT-3: Brown et al. 2020 (every GPT-3 model was trained on 300B tokens).
TRAINED = (
    ("GPT-3", 175_000_000_000, 300_000_000_000),
    ("Gopher", 280_000_000_000, 300_000_000_000),
    ("Chinchilla", 70_000_000_000, 1_400_000_000_000),
)
# Chinchilla was sized by its own rule: 20 tokens per parameter.
assert chinchilla_tokens(70_000_000_000) == 1_400_000_000_000
assert CHINCHILLA_TOKENS_PER_PARAM == 20

_TRAINED_HEADER = {
    "en": "| Model | Parameters `N` | Training tokens | Tokens per parameter"
    " | Compute-optimal tokens (`20 × N`) | Training compute (`6 × N × tokens`) |",
    "zh": "| 模型 | 参数量 `N` | 训练词元数 | 每个参数摊到的词元"
    " | 计算最优的词元数（`20 × N`） | 训练计算量（`6 × N × 词元数`） |",
}


def trained_table(lang):
    """Markdown table: parameters against training tokens for three published models."""
    flops = _both("FLOPs", "次浮点运算", lang)
    out = [_TRAINED_HEADER[lang], "|---|--:|--:|--:|--:|--:|"]
    for name, n, tokens in TRAINED:
        per_param = fmt.ratio(tokens, n, lang)[1:]  # "×1.71" without the sign
        out.append(
            f"| {name} | {fmt.count(n, lang)} | {fmt.count(tokens, lang)}"
            f" | {per_param}"
            f" | {fmt.count(chinchilla_tokens(n), lang)}"
            f" | {_flops(training_flops(n, tokens), lang)} {flops} |"
        )
    return "\n".join(out)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _flops(n, lang):
    """A large FLOP count in scientific notation: ``3.15 × 10²³``."""
    exponent = len(str(n)) - 1
    mantissa = fmt.ratio(n, 10**exponent, lang)[1:]
    if mantissa.startswith("10"):  # rounding carried into the next power of ten
        exponent += 1
        mantissa = fmt.ratio(n, 10**exponent, lang)[1:]
    return f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"


# --- 7. GPT-4's hidden size ---------------------------------------------------------------------

WIDTHS = ("gpt2", "llama-2-7b", "deepseek-v3", "llama-2-70b", "gpt3-175b", "llama-3.1-405b")
# Published widths: GPT-2 small 768 (config.json), GPT-3 175B d_model 12288 (Brown et al. 2020,
# Table 2.1), Llama-2-70B 8192 and Llama-3.1-405B 16384 (config.json).
_widths = [presets.load(i).width for i in WIDTHS]
assert _widths == [768, 4096, 7168, 8192, 12288, 16384]

# The width the article gives GPT-4 is the width of its own worked example, and Llama-2-70B's.
assert presets.load("llama-2-70b").width == ARTICLE_WIDTH == 8192

_WIDTHS_HEADER = {
    "en": "| Model | Width `D` | Layers `L` | Parameters |",
    "zh": "| 模型 | 宽度 `D` | 层数 `L` | 参数量 |",
}


def widths_table(lang):
    """Markdown table: the widths of models whose architecture is public."""
    out = [_WIDTHS_HEADER[lang], "|---|--:|--:|--:|"]
    for preset_id in WIDTHS:
        spec = presets.load(preset_id)
        out.append(
            f"| {presets.get(preset_id).name} | {fmt.exact(spec.width, lang)}"
            f" | {fmt.exact(spec.layers, lang)} | {fmt.count(counts(spec).total, lang)} |"
        )
    return "\n".join(out)
