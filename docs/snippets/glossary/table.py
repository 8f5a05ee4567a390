# Glossary: the site's vocabulary as ONE table of terms (glossary/terms_a.py, terms_b.py), the
# Chinese-term table (glossary/zh_terms.py), the notation and the numbers in two languages. A
# fence includes md.py, glossary/zh_terms.py, glossary/examples.py, glossary/terms_a.py,
# glossary/terms_b.py and this file, then prints e.g. glossary_table("shape", "zh").
# Public: TERMS, TERM_GROUPS, SYMBOLS, term(), symbol(), meaning() and the *_table() functions.
import re

from llmsize import counts, fmt, memory, presets
from llmsize.text import say

TERM_GROUPS = {
    "basics": {"en": "Parameters and vectors", "zh": "参数与向量"},
    "shape": {"en": "The shape of a model", "zh": "模型的形状"},
    "attention": {"en": "Attention and the KV cache", "zh": "注意力与 KV 缓存"},
    "moe": {"en": "Mixture of experts", "zh": "混合专家"},
    "storage": {"en": "Storage and compute", "zh": "存储与计算"},
}
TERMS = {t["key"]: t for t in (*_GL_TERMS_A, *_GL_TERMS_B)}
assert len(TERMS) == len(_GL_TERMS_A) + len(_GL_TERMS_B), "duplicate term keys"


def _gl_is_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _gl_rejected():
    """(shown, compiled pattern) of every variant the Chinese-term table rejects."""
    out = []
    for entry in ZH_TERMS.values():
        for v in entry["rejected"]:
            shown, regex = (v, re.escape(v)) if isinstance(v, str) else v
            out.append((shown, re.compile(regex)))
    return out


def _gl_check_terms():
    """Every term in both languages, in a known group; the Chinese follows ZH_TERMS."""
    rejected = _gl_rejected()
    for t in TERMS.values():
        key, name, text = t["key"], t["term"], t["meaning"]
        assert t["group"] in TERM_GROUPS, key
        assert set(name) == set(text) == {"en", "zh"}, key
        assert name["en"].strip() and name["zh"].strip(), f"{key}: the term is missing a language"
        # The English columns hold no Chinese; the Chinese meaning is Chinese.
        assert not _gl_is_cjk(name["en"] + text["en"]) and _gl_is_cjk(text["zh"]), key
        for shown, pattern in rejected:
            assert not pattern.search(name["zh"] + text["zh"]), f"{key}: uses {shown}"
    for key, entry in ZH_TERMS.items():
        if key in TERMS:
            accepted = entry["zh"].split("；")[0]
            assert accepted in TERMS[key]["term"]["zh"], (
                f"{key}: the Glossary does not use {accepted}"
            )


_gl_check_terms()

# The site's notation: one letter per size, the same on every page.
SYMBOLS = {t["symbol"]: key for key, t in TERMS.items() if t["symbol"]}
assert list(SYMBOLS) == ["D", "L", "N", "K", "H", "F", "V", "T", "B"], SYMBOLS


def term(key, lang):
    """The term ``key`` in ``lang`` ("en" or "zh"), as the whole site writes it."""
    return say(TERMS[key]["term"], lang)


def symbol(key):
    """The notation letter of ``key`` ("width" -> "D"), or "" if it has none."""
    return TERMS[key]["symbol"]


def meaning(key, lang):
    """What ``key`` means, in ``lang``, with its computed example if it has one."""
    t = TERMS[key]
    text = say(t["meaning"], lang)
    return text if t["example"] is None else fmt.both(text, t["example"](lang), lang)


_GL_CHINESE = {"en": "中文", "zh": "中文"}
_GL_HEADER = [{"en": "Term", "zh": "英文"}, _GL_CHINESE, HEADS["symbol"], HEADS["meaning"]]


def _gl_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def glossary_table(group, lang):
    """Markdown table of the terms of ``group`` in ``lang``."""
    rows = [
        [
            _gl_cell(t["term"]["en"]),
            _gl_cell(t["term"]["zh"]),
            f"`{t['symbol']}`" if t["symbol"] else "",
            _gl_cell(meaning(key, lang)),
        ]
        for key, t in TERMS.items()
        if t["group"] == group
    ]
    return table(_GL_HEADER, rows, "llcl", lang)


# --- Chinese terms ---------------------------------------------------------------------------

_GL_ZH_HEADER = [
    {"en": "Concept", "zh": "概念"},
    {"en": "Chinese term", "zh": "本站用词"},
    {"en": "Not used", "zh": "不用的说法"},
]


def zh_terms_table(lang):
    """Markdown table: each concept's accepted Chinese term beside the variants it replaces."""
    rows = []
    for entry in ZH_TERMS.values():
        shown = [v if isinstance(v, str) else v[0] for v in entry["rejected"]]
        marked = [f'<span class="zh-rejected">{_gl_cell(s)}</span>' for s in shown]
        rows.append([_gl_cell(entry["en"]), _gl_cell(entry["zh"]), listing(marked, lang)])
    return table(_GL_ZH_HEADER, rows, "lll", lang)


# --- notation --------------------------------------------------------------------------------

# Letter -> config.json key (Llama-style, GPT-2's in brackets); T and B come from the input.
_GL_CONFIG_KEYS = {
    "D": ("width", "`hidden_size` (`n_embd`)"),
    "L": ("layers", "`num_hidden_layers` (`n_layer`)"),
    "N": ("heads", "`num_attention_heads` (`n_head`)"),
    "K": ("kv_heads", "`num_key_value_heads`"),
    "H": ("head_dim", "`head_dim`"),
    "F": ("ffn", "`intermediate_size` (`n_inner`)"),
    "V": ("vocab", "`vocab_size`"),
}
GLOSSARY_NOTATION_MODELS = ("gpt2", "llama-2-7b", "llama-3.1-8b")
_GL_NOTATION_HEADER = [HEADS["symbol"], HEADS["meaning"], "config.json"]


# Pinned to the papers' own tables, not to llmsize: GPT-2 (Radford et al. 2019, Table 2),
# Llama 2 (Touvron et al. 2023, Table 1), Llama 3 (Llama 3 Herd paper, Table 3).
def _gl_check_notation():
    gpt2, llama2, llama3 = (presets.load(m) for m in GLOSSARY_NOTATION_MODELS)
    assert (gpt2.layers, gpt2.width) == (12, 768)
    assert (llama2.layers, llama2.width) == (32, 4096)
    assert (llama3.layers, llama3.width, llama3.ffn) == (32, 4096, 14336)
    assert (llama3.heads, llama3.kv_heads, llama3.vocab) == (32, 8, 128_256)
    # The bias row names families; their real configs (the presets) must agree.
    for m in ("gpt2", "bert-base-uncased"):
        spec = presets.load(m)
        assert spec.qkv_bias and spec.o_bias and spec.mlp_bias, m
    qwen = presets.load("qwen2.5-7b")
    assert qwen.qkv_bias and not qwen.o_bias
    for m in ("llama-2-7b", "llama-3.1-8b", "mistral-7b", "deepseek-v3"):
        spec = presets.load(m)
        assert not (spec.qkv_bias or spec.o_bias or spec.mlp_bias), m


_gl_check_notation()


def notation_table(lang):
    """Markdown table: each letter of the site's notation, its config key and example values."""
    specs = [presets.load(m) for m in GLOSSARY_NOTATION_MODELS]
    header = _GL_NOTATION_HEADER + [s.name for s in specs]
    rows = []
    for sym, key in SYMBOLS.items():
        if sym in _GL_CONFIG_KEYS:
            field, where = _GL_CONFIG_KEYS[sym]
            values = [fmt.exact(getattr(s, field), lang) for s in specs]
        else:
            where, values = DASH, [DASH] * len(specs)
        rows.append([f"`{sym}`", term(key, lang), where, *values])
    return table(header, rows, "cll" + "r" * len(specs), lang)


# --- numbers in two languages ----------------------------------------------------------------

_GL_NUMBERS_HEADER = [{"en": "Figure", "zh": "数"}, HEADS["exactly"], "English", _GL_CHINESE]


def _gl_figure(what, lang):
    """A unit's name, or a model's count named as every page names it."""
    return model_count(*what, lang) if isinstance(what, tuple) else say(what, lang)


def numbers_table(lang):
    """Markdown table: the same figures as the English and the Chinese pages print them."""
    ds = counts(presets.load("deepseek-v3"))
    figures = [
        ({"en": "M (million)", "zh": "M（百万）"}, 10**6),
        ({"en": "亿 (yi)", "zh": "亿"}, 10**8),
        ({"en": "B (billion)", "zh": "B（十亿）"}, 10**9),
        ({"en": "T (trillion)", "zh": "T（万亿）"}, 10**12),
        (("GPT-2", "total"), counts(presets.load("gpt2")).total),
        (("Llama-2-7B", "total"), counts(presets.load("llama-2-7b")).total),
        (("DeepSeek-V3", "active"), ds.active),
        (("DeepSeek-V3", "total"), ds.total),
    ]
    rows = [
        [_gl_figure(what, lang), fmt.exact(n, lang), fmt.count(n, "en"), fmt.count(n, "zh")]
        for what, n in figures
    ]
    weights = memory.weights_bytes(ds.total, "bf16")
    what = {"en": "DeepSeek-V3 in bf16, bytes", "zh": "DeepSeek-V3 的 bf16 权重字节数"}
    rows.append(
        [
            say(what, lang),
            fmt.exact(weights, lang),
            fmt.bytes_both(weights, "en"),
            fmt.bytes_both(weights, "zh"),
        ]
    )
    return table(_GL_NUMBERS_HEADER, rows, "lrrr", lang)
