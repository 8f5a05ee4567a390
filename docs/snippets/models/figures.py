# "Real models": every bundled preset, its exact counts, and the figures its authors publish.
# A page includes this file, then prints e.g. presets_table("zh"). Every table takes a language.
from fractions import Fraction

import llmsize_oracle
from llmsize import counts, fmt, presets
from llmsize.text import say

# Families in reading order; inside a family, smallest first. A preset added later that is not
# listed here still appears, in a last group of its own.
FAMILIES = [
    (("GPT and BERT", "GPT 与 BERT"), ("gpt2", "bert-base-uncased", "gpt3-175b")),
    (
        ("Llama", "Llama"),
        ("llama-2-7b", "llama-3-8b", "llama-3.1-8b", "llama-2-70b", "llama-3.1-405b"),
    ),
    (("Mistral", "Mistral"), ("mistral-7b", "mixtral-8x7b")),
    (("Qwen", "通义千问 Qwen"), ("qwen2.5-7b", "qwen3-8b", "qwen1.5-moe-a2.7b", "qwen3-30b-a3b")),
    (("Gemma", "Gemma"), ("gemma-7b",)),
    (("Phi", "Phi"), ("phi-3-mini",)),
    (("DeepSeek", "DeepSeek"), ("deepseek-v2-lite", "deepseek-v3")),
]
_listed = {i for _, ids in FAMILIES for i in ids}
_rest = tuple(i for i in presets.ids() if i not in _listed)
if _rest:
    FAMILIES.append((("Other", "其他"), _rest))
ORDER = [i for _, ids in FAMILIES for i in ids]
assert sorted(ORDER) == presets.ids()

PRESETS = {i: presets.get(i) for i in ORDER}
SPECS = {i: p.spec for i, p in PRESETS.items()}
COUNTS = {i: counts(s) for i, s in SPECS.items()}


# The independent oracle: transformers builds each preset's config on the meta device and counts
# sum(p.numel() for p in model.parameters()); scripts/oracle.py recorded those counts, and CI
# re-runs them live (tests/test_oracle.py). Every total on this page must equal them.
ORACLE = llmsize_oracle.record()
for _i in ORDER:
    assert COUNTS[_i].total == ORACLE["figures"][f"preset:{_i}"], _i
# Also pinned literally, so that a change to the record cannot pass unnoticed:
assert COUNTS["gpt2"].total == 124_439_808
assert COUNTS["llama-2-7b"].total == 6_738_415_616
assert COUNTS["deepseek-v3"].total == 671_026_404_352
# Published to the last digit: the Gemma paper (arXiv:2403.08295), Table 2, 7B non-embedding.
GEMMA_TABLE_NON_EMBEDDING = 7_751_248_896
assert COUNTS["gemma-7b"].non_embedding == GEMMA_TABLE_NON_EMBEDDING


def _t(lang, en, zh):
    return zh if lang == "zh" else en


def _n(n, lang):
    return fmt.count(n, lang)


def _x(n, lang):
    return fmt.exact(n, lang)


def _row(*cells):
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def family_of(preset_id, lang):
    for (en, zh), ids in FAMILIES:
        if preset_id in ids:
            return _t(lang, en, zh)
    raise KeyError(preset_id)


def _signed(n, lang):
    text = fmt.count(n, lang)
    return "+" + text if n > 0 else text


def _signed_percent(part, whole, lang):
    text = fmt.percent(part, whole, lang)
    return "+" + text if part > 0 else text


# --- architecture ---------------------------------------------------------------------------------


def architecture(preset_id, lang):
    """``Dense · GQA``, ``MoE, 8 of 256 + 1 shared · MLA``, ``Encoder · MHA``."""
    spec = SPECS[preset_id]
    if spec.encoder:
        kind = _t(lang, "Encoder", "编码器")
    elif spec.moe is None:
        kind = _t(lang, "Dense", "稠密")
    else:
        m = spec.moe
        e, k = _x(m.num_experts, lang), _x(m.experts_per_token, lang)
        shared = ""
        if m.num_shared_experts:
            s = _x(m.num_shared_experts, lang)
            shared = _t(lang, f" + {s} shared", f" + {s} 个共享")
        kind = _t(lang, f"MoE, {k} of {e}{shared}", f"MoE，{e} 选 {k}{shared}")
    return f"{kind} · {spec.attention_kind}"


def head_kind(preset_id, lang):
    spec = SPECS[preset_id]
    if spec.encoder:
        return _t(lang, "none (encoder)", "无（编码器）")
    if spec.tied_embeddings:
        return _t(lang, "tied to the embedding", "与嵌入共享")
    return _t(lang, "own matrix", "独立矩阵")


def presets_table(lang):
    """Every preset, family by family: architecture, output head, exact total and active."""
    rows = [
        _t(
            lang,
            "| Model | Architecture | Output head | Total | Exactly | Active per token |",
            "| 模型 | 结构 | 输出头 | 总参数量 | 精确值 | 每个词元激活 |",
        ),
        "|---|---|---|--:|--:|--:|",
    ]
    for i in ORDER:
        c = COUNTS[i]
        active = _n(c.active, lang) if c.active != c.total else _t(lang, "= total", "同总数")
        rows.append(
            _row(
                PRESETS[i].name,
                architecture(i, lang),
                head_kind(i, lang),
                f"**{_n(c.total, lang)}**",
                _x(c.total, lang),
                active,
            )
        )
    return "\n".join(rows)


# --- claims ---------------------------------------------------------------------------------------

_KIND = {
    "total": ("Total", "总参数量"),
    "active": ("Active per token", "每个词元激活"),
    "non_embedding": ("Non-embedding", "非嵌入"),
    "stored": ("Stored on the Hub", "Hub 上存储"),
}

# DeepSeek state their own conventions, and the claims' reasons say so: their activated figures
# leave out the input embedding (a table lookup), and the "685B" is the Hub's sum over every
# tensor of the checkpoint. Those claims are compared with the count they describe.
_CONVENTION = {
    ("deepseek-v3", "active"): "active_less_input",
    ("deepseek-v2-lite", "active"): "active_less_input",
    ("deepseek-v3", "stored"): "checkpoint",
}
_CONVENTION_NAME = {
    "active_less_input": ("active, input embedding left out", "激活，不计输入嵌入"),
    "checkpoint": ("every value in the checkpoint", "权重文件中的全部数值"),
}


def computed_for(preset_id, claim):
    """(the exact count the claim states, a note on the definition used or None)."""
    c = COUNTS[preset_id]
    convention = _CONVENTION.get((preset_id, claim.kind))
    if convention == "active_less_input":
        return c.active - c.breakdown.get("embeddings.token"), convention
    if convention == "checkpoint":
        return c.checkpoint, convention
    return getattr(c, claim.kind), None


def _label_value(text):
    """The label's figure and the place of its last significant digit: ``"110M"`` -> 110e6, 10e6."""
    units = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
    body = text.replace(",", "")
    unit = 1
    if body[-1] in units:
        unit = units[body[-1]]
        body = body[:-1]
    whole, _, frac = body.partition(".")
    digits = (whole + frac).rstrip("0")
    zeros = len(whole + frac) - len(digits)
    place = Fraction(unit, 10 ** len(frac)) * 10**zeros
    return Fraction(body) * unit, place


def verdict(exact, text):
    """How a published label relates to the exact figure: exact, rounded, truncated or neither."""
    value, place = _label_value(text)
    if value == exact:
        return "exact"
    units = Fraction(exact) / place
    rounded = int(units + Fraction(1, 2)) * place
    if rounded == value:
        return "rounded"
    if int(units) * place == value:
        return "truncated"
    return "not_rounding"


_VERDICT = {
    "exact": ("exact", "精确"),
    "rounded": ("rounded", "取整"),
    "truncated": ("cut off, not rounded", "截断而非四舍五入"),
    "not_rounding": ("not a rounding of it", "并非对它取整"),
}


def _all_claims():
    for i in ORDER:
        for claim in PRESETS[i].claims:
            yield i, claim


def claims_table(lang):
    """Every published figure beside the exact count it describes, with the gap."""
    rows = [
        _t(
            lang,
            "| Model | Published | Counts | Exact, same definition | Gap | The label is |",
            "| 模型 | 公布的数字 | 口径 | 同一口径的精确值 | 差值 | 这个数字是 |",
        ),
        "|---|--:|---|--:|--:|---|",
    ]
    last = None
    for i, claim in _all_claims():
        exact, convention = computed_for(i, claim)
        gap = exact - claim.value
        kind = _t(lang, *_KIND[claim.kind])
        if convention:
            kind = _t(lang, *_CONVENTION_NAME[convention])
        name = PRESETS[i].name if i != last else ""
        last = i
        percent = _signed_percent(gap, claim.value, lang)
        rows.append(
            _row(
                name,
                f"**{claim.text}**",
                kind,
                _x(exact, lang),
                _signed(gap, lang) + _t(lang, f" ({percent})", f"（{percent}）"),
                _t(lang, *_VERDICT[verdict(exact, claim.text)]),
            )
        )
    return "\n".join(rows)


def reasons(lang):
    """Why each published figure differs, with its source: a list, one item per claim."""
    out = []
    for i in ORDER:
        items = PRESETS[i].claims
        if not items:
            continue
        out.append(f"**{PRESETS[i].name}**\n")
        for claim in items:
            source = _t(lang, "Source: ", "出处：")
            colon = _t(lang, ": ", "：")
            out.append(
                f"- **{claim.text}**{colon}{say(claim.reason, lang)} *{source}{claim.source}*"
            )
        out.append("")
    return "\n".join(out)


def verdict_counts(lang):
    """How many labels are exact, rounded, cut off, or neither, and which."""
    groups = {}
    for i, claim in _all_claims():
        exact, _ = computed_for(i, claim)
        groups.setdefault(verdict(exact, claim.text), []).append(f"{PRESETS[i].name} {claim.text}")
    rows = [
        _t(lang, "| The label is | How many | Which |", "| 这个数字是 | 个数 | 哪些 |"),
        "|---|--:|---|",
    ]
    for key in ("rounded", "truncated", "exact", "not_rounding"):
        if key in groups:
            rows.append(
                _row(_t(lang, *_VERDICT[key]), _x(len(groups[key]), lang), ", ".join(groups[key]))
            )
    return "\n".join(rows)


# --- kinds of gap ---------------------------------------------------------------------------------


def _vocab_tables(preset_id):
    """Every vocabulary-sized or position table the total includes (the untied head too)."""
    c = COUNTS[preset_id]
    return c.total - c.non_embedding


def vocabulary_table(lang):
    """How much of each model is vocabulary tables: large for small models, tiny for big ones."""
    rows = [
        _t(
            lang,
            "| Model | Vocabulary `V` | Width `D` | Output head | Embedding tables and head"
            " | Share of the total |",
            "| 模型 | 词表 `V` | 宽度 `D` | 输出头 | 嵌入表与输出头 | 占总量 |",
        ),
        "|---|--:|--:|---|--:|--:|",
    ]
    ranked = sorted(ORDER, key=lambda i: Fraction(_vocab_tables(i), COUNTS[i].total), reverse=True)
    for i in ranked:
        spec, c = SPECS[i], COUNTS[i]
        v = _vocab_tables(i)
        rows.append(
            _row(
                PRESETS[i].name,
                _x(spec.vocab, lang),
                _x(spec.width, lang),
                head_kind(i, lang),
                _n(v, lang),
                fmt.percent(v, c.total, lang),
            )
        )
    return "\n".join(rows)


def tied_table(lang):
    """Models whose head reuses the embedding: counted once, and what counting it twice gives."""
    rows = [
        _t(
            lang,
            "| Model | Shared matrix `V·D` | Total, counted once | Counted twice | Published |",
            "| 模型 | 共享矩阵 `V·D` | 总参数量（只算一次） | 算两次 | 公布的数字 |",
        ),
        "|---|--:|--:|--:|--:|",
    ]
    for i in ORDER:
        spec = SPECS[i]
        if not spec.tied_embeddings or spec.encoder:
            continue
        c = COUNTS[i]
        shared = spec.vocab * spec.width
        published = ", ".join(cl.text for cl in PRESETS[i].claims if cl.kind == "total")
        rows.append(
            _row(
                PRESETS[i].name,
                _n(shared, lang),
                f"**{_n(c.total, lang)}**",
                _n(c.total + shared, lang),
                published,
            )
        )
    return "\n".join(rows)


def moe_table(lang):
    """Mixture-of-experts models: everything stored against what one token uses."""
    rows = [
        _t(
            lang,
            "| Model | Routed experts (per token) | Shared experts | Total | Active per token"
            " | Active share | Routed experts' share of the total |",
            "| 模型 | 路由专家（每个词元选几个） | 共享专家 | 总参数量 | 每个词元激活"
            " | 激活比例 | 路由专家占总量 |",
        ),
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for i in ORDER:
        spec = SPECS[i]
        if spec.moe is None:
            continue
        m, c = spec.moe, COUNTS[i]
        experts = sum(p.params for p in c.breakdown.leaves() if p.key == "experts")
        rows.append(
            f"| {PRESETS[i].name} | {_x(m.num_experts, lang)} ({_x(m.experts_per_token, lang)})"
            f" | {_x(m.num_shared_experts, lang)} | {_n(c.total, lang)} | {_n(c.active, lang)}"
            f" | {fmt.percent(c.active, c.total, lang)} | {fmt.percent(experts, c.total, lang)} |"
        )
    return "\n".join(rows)


def mixtral_name(lang):
    """Mixtral's name multiplied out, against its exact total."""
    spec, c = SPECS["mixtral-8x7b"], COUNTS["mixtral-8x7b"]
    seven = next(cl.value for cl in PRESETS["mistral-7b"].claims if cl.text == "7B")
    product = spec.moe.num_experts * seven
    return _t(
        lang,
        f"Read literally, “8x7B” would be {_n(product, lang)};"
        f" the exact total is {_n(c.total, lang)},"
        f" because only the feed-forward blocks are copied {_x(spec.moe.num_experts, lang)} times.",
        f"按字面理解，“8x7B”是 {_n(product, lang)}；精确总数却是 {_n(c.total, lang)}，"
        f"因为被复制 {_x(spec.moe.num_experts, lang)} 份的只有前馈网络。",
    )


def _claims_of(pairs):
    for i, text in pairs:
        yield i, next(cl for cl in PRESETS[i].claims if cl.text == text)


def papers_table(lang):
    """Figures from papers set against the checkpoints that were actually released."""
    rows = [
        _t(
            lang,
            "| Model | The paper says | The released checkpoint | Exactly | Gap |",
            "| 模型 | 论文中的数字 | 实际发布的检查点 | 精确值 | 差值 |",
        ),
        "|---|--:|--:|--:|--:|",
    ]
    for i, claim in _claims_of([("gpt2", "117M"), ("gemma-7b", "7B"), ("gpt3-175b", "175B")]):
        exact, _ = computed_for(i, claim)
        released = _n(exact, lang)
        if PRESETS[i].hf_id is None:
            released = _t(
                lang,
                f"none released ({released} rebuilt from the paper)",
                f"未发布（按论文重建为 {released}）",
            )
        rows.append(
            f"| {PRESETS[i].name} | {claim.text} | {released} | {_x(exact, lang)}"
            f" | {_signed_percent(exact - claim.value, claim.value, lang)} |"
        )
    return "\n".join(rows)


def gemma_table_vocab(lang):
    """Gemma's Table 2 embedding figure assumes a vocabulary the released weights do not have."""
    spec = SPECS["gemma-7b"]
    # Gemma paper (arXiv:2403.08295), Table 2: 786,825,216 embedding parameters for the 7B model.
    table_embedding = 786_825_216
    rows_in_table = table_embedding // spec.width
    assert rows_in_table * spec.width == table_embedding
    released = spec.vocab * spec.width
    both_columns = table_embedding + GEMMA_TABLE_NON_EMBEDDING
    extra = both_columns - COUNTS["gemma-7b"].total
    assert extra == table_embedding - released
    return _t(
        lang,
        f"Gemma's Table 2 lists {_x(table_embedding, lang)} embedding parameters:"
        f" {_x(rows_in_table, lang)} rows of {_x(spec.width, lang)}, the vocabulary its"
        f" architecture table gives. The released embedding has {_x(spec.vocab, lang)} rows"
        f" ({_x(released, lang)} parameters), so the table's two columns add up to"
        f" {_x(both_columns, lang)},"
        f" {_x(table_embedding - released, lang)} more than the checkpoint.",
        f"Gemma 论文表 2 列出的嵌入参数量是 {_x(table_embedding, lang)}，"
        f"即 {_x(rows_in_table, lang)} 行、"
        f"每行 {_x(spec.width, lang)} 个数，行数取自论文架构表中的词表大小。实际发布的嵌入矩阵只有"
        f" {_x(spec.vocab, lang)} 行（{_x(released, lang)} 个参数），因此表中两列相加得到"
        f" {_x(both_columns, lang)}，"
        f"比检查点多出 {_x(table_embedding - released, lang)}。",
    )


def non_embedding_table(lang):
    """Published non-embedding figures against llmsize's non-embedding count."""
    rows = [
        _t(
            lang,
            "| Model | Published non-embedding | Exact non-embedding | Total"
            " | Removed: embedding and head |",
            "| 模型 | 公布的非嵌入参数量 | 精确的非嵌入参数量 | 总参数量 | 扣除的嵌入与输出头 |",
        ),
        "|---|--:|--:|--:|--:|",
    ]
    for i, claim in _all_claims():
        if claim.kind != "non_embedding":
            continue
        c = COUNTS[i]
        rows.append(
            _row(
                PRESETS[i].name,
                claim.text,
                _x(c.non_embedding, lang),
                _n(c.total, lang),
                _n(c.total - c.non_embedding, lang),
            )
        )
        assert verdict(c.non_embedding, claim.text) in ("exact", "rounded")
    return "\n".join(rows)


# --- chart ----------------------------------------------------------------------------------------


def headline_chart(lang):
    """How far each model's headline total is from its exact count, in percent."""
    labels, values, texts, colors = [], [], [], []
    for i in ORDER:
        claim = PRESETS[i].claim("total")
        if claim is None:
            continue
        exact = COUNTS[i].total
        gap = exact - claim.value
        labels.append(
            f"{PRESETS[i].name} ({claim.text})"
            if lang == "en"
            else f"{PRESETS[i].name}（{claim.text}）"
        )
        values.append(float(Fraction(abs(gap) * 100, claim.value)))
        texts.append(_signed_percent(gap, claim.value, lang))
        colors.append(PALETTE[1] if gap > 0 else PALETTE[0])
    title = _t(
        lang,
        "Exact total against the headline figure: how far off, in percent"
        " (orange: more than the label, blue: less)",
        "精确总参数量与标称数字相差多少（百分比；橙色：比标称多，蓝色：比标称少）",
    )
    return hbar(labels, values, title, texts, colors=colors)


# --- the oracle -----------------------------------------------------------------------------------


def oracle_table(lang):
    """Each total against transformers' own count of the same config."""
    version = ORACLE["transformers"]
    rows = [
        _t(
            lang,
            f"| Model | llmsize | transformers {version} | Same |",
            f"| 模型 | llmsize | transformers {version} | 是否一致 |",
        ),
        "|---|--:|--:|:-:|",
    ]
    for i in ORDER:
        mine, theirs = COUNTS[i].total, ORACLE["figures"][f"preset:{i}"]
        same = (
            _t(lang, "✓ matches transformers", "✓ 与 transformers 一致") if mine == theirs else "✗"
        )
        rows.append(f"| {PRESETS[i].name} | {_x(mine, lang)} | {_x(theirs, lang)} | {same} |")
    return "\n".join(rows)


def oracle_cases():
    """How many configs the oracle record holds, presets and hand-made edge cases together."""
    return len(ORACLE["figures"])
