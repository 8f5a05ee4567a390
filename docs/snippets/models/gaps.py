# Real models: the kinds of gap between a label and the exact count, one table each.
# Needs md.py, models/common.py and models/published.py included first.
from fractions import Fraction

from llmsize import claims, fmt
from llmsize.text import LABELS, say

_VOCAB_HEADER = (
    HEADS["model"],
    {"en": "Vocabulary `V`", "zh": "词表 `V`"},
    HEADS["width"],
    LABELS["head"],
    {"en": "Embedding tables and head", "zh": "嵌入表与输出头"},
    HEADS["share_total"],
)


def vocabulary_table(lang):
    """How much of each model is vocabulary tables: large for small models, tiny for big ones."""

    def tables(i):  # every vocabulary-sized or position table the total includes
        return COUNTS[i].total - COUNTS[i].non_embedding

    ranked = sorted(ORDER, key=lambda i: Fraction(tables(i), COUNTS[i].total), reverse=True)
    rows = [
        [PRESETS[i].name, fmt.exact(SPECS[i].vocab, lang), fmt.exact(SPECS[i].width, lang)]
        + [
            head_kind(i, lang),
            fmt.count(tables(i), lang),
            fmt.percent(tables(i), COUNTS[i].total, lang),
        ]
        for i in ranked
    ]
    return table(_VOCAB_HEADER, rows, "lrrlrr", lang)


_TIED_HEADER = (
    HEADS["model"],
    {"en": "Shared matrix `V·D`", "zh": "共享矩阵 `V·D`"},
    {"en": "Total, counted once", "zh": "总参数量（只算一次）"},
    {"en": "Counted twice", "zh": "算两次"},
    HEADS["published"],
)


def tied_table(lang):
    """Models whose head reuses the embedding: counted once, and what counting it twice gives."""
    rows = []
    for i in ORDER:
        spec, c = SPECS[i], COUNTS[i]
        if not spec.tied_embeddings or spec.encoder:
            continue
        shared = spec.vocab * spec.width
        labels = [published(cl, lang) for cl in PRESETS[i].claims if cl.kind == "total"]
        rows.append([PRESETS[i].name, fmt.count(shared, lang), f"**{fmt.count(c.total, lang)}**"])
        rows[-1] += [fmt.count(c.total + shared, lang), listing(labels, lang)]
    return table(_TIED_HEADER, rows, "lrrrr", lang)


_MOE_HEADER = (
    HEADS["model"],
    {"en": "Routed experts (per token)", "zh": "路由专家（每个词元选几个）"},
    LABELS["shared_experts"],
    LABELS["total"],
    LABELS["active"],
    {"en": "Active share", "zh": "激活比例"},
    {"en": "Routed experts' share of the total", "zh": "路由专家占总量"},
)
_MOE = {
    "literal": {
        "en": "Read literally, “8x7B” would be {product}; the exact total is {total}, because only"
        " the feed-forward blocks are copied {n} times.",
        "zh": "按字面理解，“8x7B”是 {product}；精确总数却是 {total}，因为被复制 {n} 份的只有前馈网络。",
    },
}


def moe_table(lang):
    """Mixture-of-experts models: everything stored against what one token uses."""
    rows = []
    for i in ORDER:
        spec, c = SPECS[i], COUNTS[i]
        if spec.moe is None:
            continue
        m = spec.moe
        experts = sum(p.params for p in c.breakdown.leaves() if p.key == "experts")
        routed = fmt.both(
            fmt.exact(m.num_experts, lang), fmt.exact(m.experts_per_token, lang), lang
        )
        rows.append([PRESETS[i].name, routed, fmt.exact(claims.shared_expert_units(m), lang)])
        rows[-1] += [fmt.count(c.total, lang), fmt.count(c.active, lang)]
        rows[-1] += [fmt.percent(c.active, c.total, lang), fmt.percent(experts, c.total, lang)]
    return table(_MOE_HEADER, rows, "lrrrrrr", lang)


def mixtral_name(lang):
    """Mixtral's name multiplied out, against its exact total."""
    spec, c = SPECS["mixtral-8x7b"], COUNTS["mixtral-8x7b"]
    seven = next(cl.value for cl in PRESETS["mistral-7b"].claims if cl.text == "7B")
    n = spec.moe.num_experts
    return say(
        _MOE["literal"],
        lang,
        product=fmt.count(n * seven, lang),
        total=fmt.count(c.total, lang),
        n=fmt.exact(n, lang),
    )


_PAPERS_HEADER = (
    HEADS["model"],
    {"en": "The paper says", "zh": "论文中的数字"},
    {"en": "The released checkpoint", "zh": "实际发布的权重文件"},
    HEADS["exactly"],
    GAP_HEAD,
)
_PAPERS = {
    "unreleased": {
        "en": "none released ({released} rebuilt from the paper)",
        "zh": "未发布（按论文重建为 {released}）",
    },
    "gemma": {
        "en": "Gemma's Table 2 lists {table} embedding parameters: {rows} rows of {width}, the"
        " vocabulary its architecture table gives. The released embedding has {vocab} rows"
        " ({released} parameters), so the table's two columns add up to {both}, {extra} more than"
        " the checkpoint.",
        "zh": "Gemma 论文表 2 列出的嵌入参数量是 {table}，即 {rows} 行、每行 {width} 个数，行数取自"
        "论文架构表中的词表大小。实际发布的嵌入矩阵只有 {vocab} 行（{released} 个参数），因此表中两列"
        "相加得到 {both}，比权重文件多出 {extra}。",
    },
}


def papers_table(lang):
    """Figures from papers set against the checkpoints that were actually released."""
    rows = []
    for i, text in (("gpt2", "117M"), ("gemma-7b", "7B"), ("gpt3-175b", "175B")):
        claim = next(cl for cl in PRESETS[i].claims if cl.text == text)
        exact = exact_of(i, claim)
        released = fmt.count(exact, lang)
        if PRESETS[i].hf_id is None:
            released = say(_PAPERS["unreleased"], lang, released=released)
        rows.append([PRESETS[i].name, published(claim, lang), released, fmt.exact(exact, lang)])
        rows[-1].append(gap_cell(i, claim, lang))
    return table(_PAPERS_HEADER, rows, "lrrrr", lang)


def gemma_table_vocab(lang):
    """Gemma's Table 2 embedding figure assumes a vocabulary the released weights do not have."""
    spec = SPECS["gemma-7b"]
    # Gemma paper (arXiv:2403.08295), Table 2: 786,825,216 embedding parameters for the 7B model.
    table_embedding = 786_825_216
    rows_in_table = table_embedding // spec.width
    assert rows_in_table * spec.width == table_embedding
    released = spec.vocab * spec.width
    both_columns = table_embedding + GEMMA_TABLE_NON_EMBEDDING
    assert both_columns - COUNTS["gemma-7b"].total == table_embedding - released
    x = {
        "table": table_embedding,
        "rows": rows_in_table,
        "width": spec.width,
        "vocab": spec.vocab,
        "released": released,
        "both": both_columns,
        "extra": table_embedding - released,
    }
    return say(_PAPERS["gemma"], lang, **{k: fmt.exact(n, lang) for k, n in x.items()})


_NON_EMBEDDING_HEADER = (
    HEADS["model"],
    {"en": "Published non-embedding", "zh": "公布的非嵌入参数量"},
    HEADS["exact_non_embedding"],
    LABELS["total"],
    {"en": "Removed from the total", "zh": "从总数中扣除"},
)


def non_embedding_table(lang):
    """Published non-embedding figures against llmsize's non-embedding count."""
    rows = []
    for i, claim in all_claims():
        if claim.kind != "non_embedding":
            continue
        c, exact = COUNTS[i], exact_of(i, claim)
        assert claims.verdict(exact, claim.text) in ("exact", "rounded")
        rows.append([PRESETS[i].name, published(claim, lang), fmt.exact(exact, lang)])
        rows[-1] += [fmt.count(c.total, lang), fmt.count(c.total - exact, lang)]
    return table(_NON_EMBEDDING_HEADER, rows, "lrrrr", lang)
