# "Real models": every bundled preset, its exact counts, and the figures its authors publish.
# A fence includes md.py, this file, models/published.py and the file of its tables, then prints e.g.
# presets_table("zh"). Every table takes a language; the figures come from llmsize.
import llmsize_oracle
from llmsize import claims, counts, fmt, presets
from llmsize.text import say

# Families in reading order; inside a family, smallest first. A preset added later that is not
# listed here still appears, in a last group of its own.
FAMILIES = [
    ({"en": "GPT and BERT", "zh": "GPT 与 BERT"}, ("gpt2", "bert-base-uncased", "gpt3-175b")),
    ({"en": "gpt-oss", "zh": "gpt-oss"}, ("gpt-oss-20b", "gpt-oss-120b")),
    (
        {"en": "Llama", "zh": "Llama"},
        ("llama-2-7b", "llama-3-8b", "llama-3.1-8b", "llama-2-70b", "llama-3.1-405b"),
    ),
    ({"en": "Llama 4", "zh": "Llama 4"}, ("llama-4-scout", "llama-4-maverick")),
    ({"en": "Mistral", "zh": "Mistral"}, ("mistral-7b", "mixtral-8x7b")),
    (
        {"en": "Qwen", "zh": "通义千问 Qwen"},
        ("qwen2.5-7b", "qwen3-8b", "qwen1.5-moe-a2.7b", "qwen3-30b-a3b", "qwen3-235b-a22b"),
    ),
    (
        {"en": "Qwen3-Next and Qwen3.5", "zh": "Qwen3-Next 与 Qwen3.5"},
        ("qwen3-next-80b-a3b", "qwen3.5-397b-a17b"),
    ),
    ({"en": "Gemma", "zh": "Gemma"}, ("gemma-7b", "gemma-3-27b", "gemma-4-26b-a4b")),
    ({"en": "Phi", "zh": "Phi"}, ("phi-3-mini",)),
    ({"en": "GLM", "zh": "GLM（智谱）"}, ("glm-4.5-air",)),
    (
        {"en": "DeepSeek", "zh": "DeepSeek"},
        ("deepseek-v2-lite", "deepseek-v3", "deepseek-v3.2"),
    ),
    ({"en": "Kimi", "zh": "Kimi（月之暗面）"}, ("kimi-k2",)),
]
_listed = {i for _, ids in FAMILIES for i in ids}
_rest = tuple(i for i in presets.ids() if i not in _listed)
if _rest:
    FAMILIES.append(({"en": "Other", "zh": "其他"}, _rest))
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


def all_claims():
    """(preset id, claim) for every published figure, in page order."""
    for i in ORDER:
        for claim in PRESETS[i].claims:
            yield i, claim


def exact_of(preset_id, claim):
    """The exact count a claim describes, under its authors' definition."""
    return claims.exact_for(PRESETS[preset_id], claim, COUNTS[preset_id])


def gap_cell(preset_id, claim, lang):
    """The claim's gap to the exact count: "-7.44M (-6.0%)", the percentage a named figure."""
    exact = exact_of(preset_id, claim)
    mark = gap_mark(PRESETS[preset_id], claim, exact, lang)
    return fmt.both(fmt.count(claim.value - exact, lang, signed=True), mark, lang)


_ARCH = {
    "encoder": {"en": "Encoder", "zh": "编码器"},
    "dense": {"en": "Dense", "zh": "稠密"},
    "moe": {"en": "MoE, {k} of {e}{shared}", "zh": "MoE，{e} 选 {k}{shared}"},
    "shared": {"en": " + {s} shared", "zh": " + {s} 个共享"},
    "fused": {"en": " + {s} shared, fused", "zh": " + {s} 个共享（合并为一个 MLP）"},
}
_HEAD = {
    "encoder": {"en": "none (encoder)", "zh": "无（编码器）"},
    "tied": {"en": "tied to the embedding", "zh": "与嵌入共享"},
    "own": {"en": "own matrix", "zh": "独立矩阵"},
}


def fused_shared(spec):
    """Whether the config gives several shared experts as one fused MLP (Qwen1.5-MoE)."""
    m = spec.moe
    return m is not None and m.num_shared_experts == 1 and claims.shared_expert_units(m) > 1


def architecture(preset_id, lang):
    """``Dense · GQA``, ``MoE, 8 of 256 + 1 shared · MLA``, ``Encoder · MHA``."""
    spec = SPECS[preset_id]
    if spec.encoder:
        kind = say(_ARCH["encoder"], lang)
    elif spec.moe is None:
        kind = say(_ARCH["dense"], lang)
    else:
        m, shared = spec.moe, ""
        units = claims.shared_expert_units(m)
        if units:
            which = "fused" if fused_shared(spec) else "shared"
            shared = say(_ARCH[which], lang, s=fmt.exact(units, lang))
        e, k = fmt.exact(m.num_experts, lang), fmt.exact(m.experts_per_token, lang)
        kind = say(_ARCH["moe"], lang, k=k, e=e, shared=shared)
    return f"{kind} · {spec.attention_kind}"


def head_kind(preset_id, lang):
    """Whether the output head is its own matrix, the embedding reused, or absent."""
    spec = SPECS[preset_id]
    if spec.encoder:
        return say(_HEAD["encoder"], lang)
    return say(_HEAD["tied" if spec.tied_embeddings else "own"], lang)
