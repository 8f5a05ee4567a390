# The source article's worked example (L = 100, D = 8192, H = 128 heads, a 4D FFN), checked.
# A page fence includes md.py (after charts.py for a chart), this file, then claims.py or
# whole.py, and prints e.g.
# claims_table("zh"). Every figure comes from llmsize (approx and article: the article's
# formulas and the right ones; worked: the model completed and scaled; count, memory); the
# asserts pin the plain arithmetic against literal integers worked out by hand.
from llmsize import counts, fmt, presets
from llmsize.article import ARTICLE_HEADS, ARTICLE_LAYERS, ARTICLE_WIDTH, article_claims
from llmsize.text import say
from llmsize.worked import completed_model

L, D, H = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS
CLAIMS = {c.key: c for c in article_claims()}
deepseek_v3 = presets.load("deepseek-v3")
DEEPSEEK = counts(deepseek_v3)
# The article's model completed with DeepSeek-V3's vocabulary (config.json: vocab_size 129280).
completed = completed_model(deepseek_v3.vocab)

# The article's sizes, as it states them.
assert (L, D, H) == (100, 8192, 128)
# The article's printed figures (the source post): ~335M, ~534M, ~869M, ~86.9B, 4 and 8 bytes.
CLAIMED = (335_000_000, 534_000_000, 869_000_000, 86_900_000_000, 4, 8)
assert tuple(c.claimed for c in CLAIMS.values()) == CLAIMED
# Plain arithmetic, worked out by hand: 128 * 8192 * 32768 = 2**35; 4 * 8192**2 = 2**28;
# 8 * 8192**2 = 2**29; 12 * 8192**2 = 3 * 2**28; 100 times that.
assert CLAIMS["attention"].computed == 34_359_738_368
assert CLAIMS["attention"].correct == 268_435_456
assert CLAIMS["ffn"].computed == CLAIMS["ffn"].correct == 536_870_912
assert CLAIMS["layer"].correct == 805_306_368
assert CLAIMS["total"].correct == 80_530_636_800
assert list(CLAIMS) == ["attention", "ffn", "layer", "total", "fp32_bytes", "fp64_bytes"]
# DeepSeek-V3's main-model total: the Hub checkpoint's tensors less the MTP module
# (llmsize_oracle: transformers on the real config.json); its vocabulary, from config.json.
assert DEEPSEEK.total == 671_026_404_352
assert completed.vocab == 129_280
# The completed model's head size and FFN width: 8192 / 128 and 4 * 8192.
assert (completed.head_dim, completed.ffn) == (64, 32_768)

# --- the setup ----------------------------------------------------------------------------

_SETUP_HEADER = (HEADS["symbol"], HEADS["meaning"], HEADS["value"])
# The article's letters; their meanings are the site's notation (md.py), but for `H`, which the
# article uses for the head count.
_SETUP = (
    ("`L`", NOTATION["L"]),
    ("`D`", NOTATION["D"]),
    (
        "`H`",
        {
            "en": "attention heads (the article's letter; elsewhere on this site `N`)",
            "zh": "注意力头数（沿用原文的字母；本站其他页面写作 `N`）",
        },
    ),
    ("`D/H`", NOTATION["H"]),
    ("`4D`", NOTATION["F"]),
)
# A total several tables and charts of the page name.
ARTICLE_TOTAL = {"en": "The article's total", "zh": "原文的总数"}


def setup_table(lang):
    """Markdown table: the article's assumed sizes (the completed model's fields)."""
    values = (completed.layers, completed.width, completed.heads, completed.head_dim, completed.ffn)
    rows = [
        [symbol, say(meaning, lang), fmt.exact(n, lang)]
        for (symbol, meaning), n in zip(_SETUP, values, strict=True)
    ]
    return table(_SETUP_HEADER, rows, "clr", lang)
