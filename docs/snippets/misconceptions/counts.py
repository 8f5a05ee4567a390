# Misconceptions page, about what a count is: parameters are not vectors, "671b" is not bits, a
# name's size is not the exact count, an MoE model keeps every expert in memory. A fence includes
# md.py (and charts.py for the chart; models/published.py for the labels, as the Real models page
# writes them), then this file, and prints e.g. labels_table("zh").
# llmsize computes every figure (presets, counts, vectors, memory, claims); the asserts pin them
# against the Hub's exact counts, model cards and papers.
from llmsize import claims, counts, fmt, presets
from llmsize.memory import weights_bytes
from llmsize.text import LABELS, say
from llmsize.vectors import KIND_NAMES, vectors

deepseek_v3 = presets.load("deepseek-v3")
DEEPSEEK = counts(deepseek_v3)
assert DEEPSEEK.total == 671_026_404_352
assert DEEPSEEK.active == 37_552_282_624

# --- 1. parameters are not vectors -------------------------------------------------------------

VECTOR_MODEL = "llama-3-8b"
vector_spec = presets.load(VECTOR_MODEL)
VECTOR_PARAMS = counts(vector_spec).total
assert VECTOR_PARAMS == 8_030_261_248
# Meta-Llama-3-8B's config.json: hidden_size 4096, 32 layers, vocab_size 128256.
assert (vector_spec.width, vector_spec.layers, vector_spec.vocab) == (4096, 32, 128_256)

# The article's example: a sentence of a thousand words gives a thousand word vectors. The
# Vectors page states the same pass's totals: one value per named figure across the site.
ARTICLE_TOKENS = 1_000
TOKENS = (1, ARTICLE_TOKENS, 100_000)
NAMED = {
    "vectors": vectors_key(VECTOR_MODEL, "vectors", ARTICLE_TOKENS),
    "numbers": vectors_key(VECTOR_MODEL, "numbers", ARTICLE_TOKENS),
}


def _totals(v, lang, short):
    """[vectors, numbers] of a pass, formatted; marked when they are the article's sentence."""
    n_vec, n_num = v.total_vectors, v.total_elements
    vec = fmt.count(n_vec, lang) if short else fmt.exact(n_vec, lang)
    num = fmt.count(n_num, lang)
    if v.tokens != ARTICLE_TOKENS:
        return [vec, num]
    return [named(NAMED["vectors"], n_vec, vec), named(NAMED["numbers"], n_num, num)]


_VECTORS_HEADER = (
    HEADS["tokens"],
    {"en": "Input vectors", "zh": "输入向量"},
    HEADS["all_vectors"],
    HEADS["numbers_in_them"],
    HEADS["params"],
)


def vectors_by_tokens(lang):
    """Markdown table: vectors grow with the input, the parameter count does not."""
    rows = []
    for t in TOKENS:
        v = vectors(vector_spec, t)
        assert v.get("embeddings").count == t
        rows.append(
            [fmt.exact(t, lang), fmt.exact(v.get("embeddings").count, lang)]
            + _totals(v, lang, short=True)
            + [fmt.count(VECTOR_PARAMS, lang)]
        )
    return table(_VECTORS_HEADER, rows, "rrrrr", lang)


_KINDS_HEADER = (
    HEADS["vector"],
    HEADS["how_many"],
    HEADS["numbers_each"],
    {"en": "Numbers in all of them", "zh": "合计数值"},
)


def vector_kinds(lang):
    """Markdown table: the kinds of vectors one pass over the article's sentence makes.

    The KV cache rows of llmsize.vectors name keys and values already listed (the ones that
    outlive the pass), so the table lists the created kinds only, as the totals do.
    """
    v = vectors(vector_spec, ARTICLE_TOKENS)
    rows = [
        [say(KIND_NAMES[k.key], lang), fmt.exact(k.count, lang)]
        + [fmt.exact(k.size, lang), fmt.count(k.elements, lang)]
        for k in v.created
    ]
    n_vec, n_num = _totals(v, lang, short=False)
    rows.append([f"**{say(HEADS['all_vectors'], lang)}**", f"**{n_vec}**", "", f"**{n_num}**"])
    assert sum(k.count for k in v.created) == v.total_vectors
    # The longest vector is the logits, one score per vocabulary entry.
    assert max(k.size for k in v.created) == vector_spec.vocab == v.get("logits").size
    return table(_KINDS_HEADER, rows, "lrrr", lang)


# --- 2. "671b" is a count, not bits ------------------------------------------------------------

LABEL = presets.get("deepseek-v3").claim("total")
assert (LABEL.text, LABEL.value) == ("671B", 671_000_000_000)
MISREAD_BYTES = LABEL.value // 8  # "671 billion bits", in bytes
assert MISREAD_BYTES == 83_875_000_000

_UNITS_HEADER = (
    {"en": "Reading", "zh": "理解方式"},
    HEADS["params"],
    {"en": "Bits", "zh": "比特数"},
    HEADS["bytes"],
)
_UNITS = {
    "bits": {"en": "{n} bits", "zh": "{n}比特"},
    "stored": {"en": "{label} parameters, stored in {dtype}", "zh": "{n}个参数，以 {dtype} 存储"},
    "misread": {
        "en": "“{tag}” misread as {long} bits",
        "zh": "把“{tag}”误读成 {n}比特",
    },
}


def units_table(lang):
    """Markdown table: DeepSeek-V3's parameters in bits and bytes, and the bits misreading."""
    n = DEEPSEEK.total
    label = fmt.count(LABEL.value, lang)
    rows = []
    for dtype, width in (("bf16", 16), ("fp8", 8)):
        nbytes = weights_bytes(n, dtype)
        assert nbytes * 8 == n * width
        reading = say(_UNITS["stored"], lang, label=LABEL.text, n=label, dtype=dtype)
        bits = say(_UNITS["bits"], lang, n=fmt.count(nbytes * 8, lang))
        rows.append([reading, fmt.count(n, lang), bits, fmt.bytes_both(nbytes, lang)])
    tag = LABEL.text.lower()
    misread = say(_UNITS["misread"], lang, tag=tag, long=fmt.count_long(LABEL.value, lang), n=label)
    bits = say(_UNITS["bits"], lang, n=label)
    rows.append([misread, DASH, bits, fmt.bytes_both(MISREAD_BYTES, lang)])
    return table(_UNITS_HEADER, rows, "lrrr", lang)


# --- 3. a size label is not an exact count -----------------------------------------------------

# (preset, claim texts to show). Exact totals: the llmsize_oracle package (transformers on the real configs).
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
_LABEL = {"en": "Label", "zh": "标签"}
_ROUNDED = {"en": "Rounded", "zh": "取整"}
_NOTE = {"en": "- **{name}, {label}**: {why}", "zh": "- **{name}，{label}**：{why}"}


def labels_table(lang):
    """Markdown: official size labels beside the exact counts, then why each one differs.

    The gap is the site's one convention, (claim - exact) / exact (llmsize.claims.gap, printed
    by fmt.gap), marked with the key the Real models page uses for the same claim.
    """
    rows, notes = [], []
    for preset_id, texts in LABELLED:
        preset = presets.get(preset_id)
        for claim in preset.claims:
            if claim.kind != "total" or claim.text not in texts:
                continue
            exact = claims.exact_for(preset, claim)
            assert exact == EXACT[preset_id]
            gap = gap_mark(preset, claim, exact, lang)
            label = published(claim, lang)
            rows.append(
                [preset.name, label, fmt.exact(exact, lang)]
                + [fmt.count(exact, lang, trim=False), gap]
            )
            why = say(claim.reason, lang)
            notes.append(say(_NOTE, lang, name=preset.name, label=label, why=why))
    assert len(rows) == sum(len(t) for _, t in LABELLED)
    header = (HEADS["model"], _LABEL, HEADS["exactly"], _ROUNDED, GAP_HEAD)
    return table(header, rows, "lrrrr", lang) + "\n\n" + "\n".join(notes)


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

_MOE_HEADER = (
    HEADS["model"],
    LABELS["total"],
    LABELS["active"],
    HEADS["share"],
    {"en": "Must sit in memory (bf16)", "zh": "须全部载入显存（bf16）"},
    {"en": "Used per token (bf16)", "zh": "每个词元用到（bf16）"},
)


def moe_table(lang):
    """Markdown table: total against active parameters, and their bf16 bytes."""
    rows = []
    for preset_id in MOE_MODELS:
        c = counts(presets.load(preset_id))
        rows.append(
            [presets.get(preset_id).name, fmt.count(c.total, lang), fmt.count(c.active, lang)]
            + [fmt.percent(c.active, c.total, lang)]
            + [fmt.bytes_both(weights_bytes(n, "bf16"), lang) for n in (c.total, c.active)]
        )
    return table(_MOE_HEADER, rows, "lrrrrr", lang)


_MOE_CHART = {
    "all": {"en": "{name}: all experts", "zh": "{name}：全部专家"},
    "one": {"en": "{name}: one token", "zh": "{name}：一个词元"},
    "title": {
        "en": "MoE weights in bf16: what memory holds against what one token uses",
        "zh": "MoE 模型的 bf16 权重：显存中要放的与一个词元用到的",
    },
}


def moe_chart(lang):
    """Horizontal bars: bf16 bytes held in memory against bytes one token uses."""
    labels, values = [], []
    for preset_id in MOE_MODELS:
        c = counts(presets.load(preset_id))
        name = presets.get(preset_id).name
        labels += [say(_MOE_CHART[k], lang, name=name) for k in ("all", "one")]
        values += [weights_bytes(c.total, "bf16"), weights_bytes(c.active, "bf16")]
    colors = [PALETTE[3], PALETTE[0], PALETTE[3], PALETTE[0]]
    title = say(_MOE_CHART["title"], lang)
    return hbar(labels, values, title, [fmt.bytes_(v, lang=lang) for v in values], colors=colors)
