# Misconceptions page, about units and scale: GB is not GiB, more parameters is not more
# knowledge, GPT-4's width is not public. A fence includes md.py, then this file, and prints
# e.g. trained_table("zh"). Training runs and their published compute come from llmsize.runs,
# printed by compute/runs.py (the trained_table fence includes it after md.py), so the figures
# here are the Compute page's, under the same named marks.
from llmsize import counts, fmt, presets, runs
from llmsize.article import ARTICLE_WIDTH
from llmsize.dtypes import GB, TB, GiB, TiB
from llmsize.flops import CHINCHILLA_TOKENS_PER_PARAM, chinchilla_tokens
from llmsize.memory import weights_bytes
from llmsize.text import say

# --- 5. GB is not GiB -----------------------------------------------------------------------------
# The units table is the Memory page's (memory/units.py: units_table(lang, ("giga", "tera"))).

assert (GB, GiB, TB, TiB) == (10**9, 2**30, 10**12, 2**40)
assert fmt.percent(GiB - GB, GB) == "7.4%"
assert fmt.percent(TiB - TB, TB) == "10.0%"

SIZED = ("llama-3.1-8b", "mixtral-8x7b", "deepseek-v3")
_SIZES_HEADER = (
    {"en": "bf16 weights of", "zh": "bf16 权重"},
    HEADS["bytes"],
    {"en": "In GB", "zh": "以 GB 计"},
    {"en": "In GiB", "zh": "以 GiB 计"},
)


def sizes_table(lang):
    """Markdown table: the same byte counts in GB and in GiB."""
    rows = []
    for preset_id in SIZED:
        n = weights_bytes(counts(presets.load(preset_id)).total, "bf16")
        rows.append(
            [presets.get(preset_id).name, fmt.exact(n, lang)]
            + [fmt.bytes_(n, "GB", lang), fmt.bytes_(n, "GiB", lang)]
        )
    return table(_SIZES_HEADER, rows, "lrrr", lang)


# --- 6. more parameters is not more knowledge ---------------------------------------------------

# Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", Table 1 and section 4;
# GPT-3: Brown et al. 2020 (every GPT-3 model was trained on 300B tokens). llmsize.runs holds the
# sizes, tokens and published compute, with their sources.
TRAINED = [runs.get(i) for i in ("gpt3", "gopher", "chinchilla")]
# Chinchilla was sized by its own rule: 20 tokens per parameter.
assert chinchilla_tokens(runs.get("chinchilla").params) == runs.get("chinchilla").tokens
assert CHINCHILLA_TOKENS_PER_PARAM == 20

_TRAINED_HEADER = (
    HEADS["model"],
    {"en": "Parameters `N`", "zh": "参数量 `N`"},
    {"en": "Training tokens", "zh": "训练词元数"},
    {"en": "Tokens per parameter", "zh": "每个参数摊到的词元"},
    {"en": "Compute-optimal tokens (`20 × N`)", "zh": "计算最优的词元数（`20 × N`）"},
    {"en": "Training compute (`6 × N × tokens`)", "zh": "训练计算量（`6 × N × 词元数`）"},
    {"en": "Training compute, as published", "zh": "公布的训练计算量"},
)


def trained_table(lang):
    """Markdown table: parameters against training tokens and compute for three runs."""
    rows = []
    for run in TRAINED:
        rows.append(
            [run.name, fmt.count(run.params, lang), fmt.count(run.tokens, lang)]
            + [fmt.decimal(run.tokens_per_param, lang, places=2)]
            + [fmt.count(chinchilla_tokens(run.params), lang)]
            + [f"{six_nd(run, lang)} FLOPs", published_compute(run, lang)]
        )
    return table(_TRAINED_HEADER, rows, "lrrrrrl", lang)


_TRAINED_NOTE = {
    "en": "The estimate `6·N·D` does not reproduce the papers' budgets: from the rounded sizes,"
    " it puts Chinchilla {over} above Gopher, where the paper trains both for the same number"
    " of FLOPs. The papers count FLOPs in more detail; the [compute page](../compute/#examples)"
    " sets the two side by side.",
    "zh": "`6·N·D` 这个估算与论文公布的预算对不上：按取整后的规模，它算出 Chinchilla 比 Gopher"
    " 高 {over}，而论文说两者的训练用了同样多的浮点运算。论文统计 FLOPs 的方法更细；两种数字的"
    "对照见[计算量](../compute/#examples)一页。",
}


def trained_note(lang):
    """Sentence: why the 6ND column does not show the same budget for Gopher and Chinchilla."""
    gopher, chinchilla = runs.get("gopher"), runs.get("chinchilla")
    assert chinchilla.budget == gopher.budget
    over = fmt.percent(chinchilla.six_nd - gopher.six_nd, gopher.six_nd, lang, 0)
    return say(_TRAINED_NOTE, lang, over=over)


# --- 7. GPT-4's hidden size ---------------------------------------------------------------------

WIDTHS = ("gpt2", "llama-2-7b", "deepseek-v3", "llama-2-70b", "gpt3-175b", "llama-3.1-405b")
# Published widths: GPT-2 small 768 (config.json), GPT-3 175B d_model 12288 (Brown et al. 2020,
# Table 2.1), Llama-2-70B 8192 and Llama-3.1-405B 16384 (config.json).
_widths = [presets.load(i).width for i in WIDTHS]
assert _widths == [768, 4096, 7168, 8192, 12288, 16384]

# The width the article gives GPT-4 is the width of its own worked example, and Llama-2-70B's.
assert presets.load("llama-2-70b").width == ARTICLE_WIDTH == 8192

_WIDTHS_HEADER = (HEADS["model"], HEADS["width"], HEADS["layers"], HEADS["params"])


def widths_table(lang):
    """Markdown table: the widths of models whose architecture is public."""
    rows = []
    for preset_id in WIDTHS:
        spec = presets.load(preset_id)
        rows.append(
            [presets.get(preset_id).name, fmt.exact(spec.width, lang)]
            + [fmt.exact(spec.layers, lang), fmt.count(counts(spec).total, lang)]
        )
    return table(_WIDTHS_HEADER, rows, "lrrr", lang)
