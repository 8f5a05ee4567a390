# Markdown helpers shared by every page's snippets (a page file includes this: --8<-- "md.py").
# They only lay out text that llmsize.fmt has already formatted; no figure is computed here.
# The wording that tables on several pages share is here too, worded once: column heads
# (HEADS), the site's notation (NOTATION), the separators (listing, clauses) and a model's
# named count (model_count).
from collections.abc import Mapping
from fractions import Fraction

from llmsize import fmt
from llmsize.text import LABELS, UI, say


def row(*cells: object) -> str:
    """One Markdown table row: ``| a | b |``."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def table(header: list, rows: list[list[str]], align: str = "", lang: str | None = None) -> str:
    """A Markdown table; ``align`` has one letter per column (l, r or c; default left).

    A column head is a string, or a bilingual text (``{"en": ..., "zh": ...}``, e.g. from
    `HEADS`) said in ``lang``.
    """
    heads = [say(h, lang) if isinstance(h, Mapping) else h for h in header]
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    rule = [marks[a] for a in align.ljust(len(heads), "l")]
    return "\n".join([row(*heads), row(*rule), *(row(*r) for r in rows)])


DASH = "—"  # a table cell with no value


def named(key: str, value: int | Fraction, text: str) -> str:
    """``text`` (a formatted figure) marked as the named quantity ``key`` of exact ``value``.

    A quantity that several pages state (a training run's compute, a claim's gap to the exact
    count) is printed through this mark; tests/site/test_named_figures.py then checks, on the
    built site in both languages, that each key has one value, and that every figure in
    scientific notation is such a mark.
    """
    return f'<span data-figure="{key}" data-value="{value}">{text}</span>'


def vectors_key(preset_id: str, what: str, tokens: int | None = None) -> str:
    """The named-figure key of a pass's vectors: "vectors.llama-3-8b.t1000.numbers"."""
    return ".".join(["vectors", preset_id, *([f"t{tokens}"] if tokens else []), what])


_SEP = {"list": {"en": ", ", "zh": "、"}, "clauses": {"en": ", ", "zh": "，"}}


def listing(items: list[str], lang: str) -> str:
    """Items of one kind in a row: "a, b, c" / "a、b、c"."""
    return say(_SEP["list"], lang).join(items)


def clauses(items: list[str], lang: str) -> str:
    """Phrases one after another: "a: 1, b: 2" / "a 为 1，b 为 2"."""
    return say(_SEP["clauses"], lang).join(items)


_MODEL_COUNT = {"en": "{name}: {count}", "zh": "{name}：{count}"}


def model_count(name: str, key: str, lang: str) -> str:
    """A model's count of one definition (fmt.label's), named: "DeepSeek-V3: Total parameters"."""
    return say(_MODEL_COUNT, lang, name=name, count=fmt.label(key, lang))


# Column heads (and a few row names) that tables on more than one page use. The heads the
# command line's tables use too come from llmsize.text; the count definitions (total, active,
# non-embedding, stored, checkpoint) are fmt.label's.
HEADS = {
    "model": LABELS["model"],
    "params": UI["params"],
    "part": UI["part"],
    "share": UI["share"],
    "exactly": UI["exactly"],
    "count": UI["count"],
    "sum": {"en": "Total", "zh": "合计"},
    "share_total": {"en": "Share of the total", "zh": "占总量"},
    "per_layer": {"en": "Per layer", "zh": "每层"},
    "one_layer": {"en": "One layer", "zh": "单层合计"},
    "published": {"en": "Published", "zh": "公布的数字"},
    "source": {"en": "Source", "zh": "出处"},
    "exact_non_embedding": {"en": "Exact non-embedding", "zh": "精确的非嵌入参数量"},
    "includes": {"en": "What it includes", "zh": "包含什么"},
    "formula": {"en": "Formula", "zh": "公式"},
    "shape": {"en": "Shape", "zh": "形状"},
    "symbol": {"en": "Symbol", "zh": "符号"},
    "meaning": {"en": "Meaning", "zh": "含义"},
    "value": {"en": "Value", "zh": "值"},
    "item": {"en": "Item", "zh": "项目"},
    "bytes": UI["bytes"],
    "size": UI["size"],
    "per_param": {"en": "Bytes per parameter", "zh": "每个参数的字节数"},
    "tensor": {"en": "Tensor", "zh": "张量"},
    "what": {"en": "What it is", "zh": "说明"},
    "holds": {"en": "What it holds", "zh": "内容"},
    "values": {"en": "Values", "zh": "数值个数"},
    "whole_checkpoint": {"en": "Whole checkpoint", "zh": "整个权重文件"},
    "whole_model": {"en": "Whole model", "zh": "整个模型"},
    "width": {"en": "Width `D`", "zh": "宽度 `D`"},
    "layers": {"en": "Layers `L`", "zh": "层数 `L`"},
    "tokens": {"en": "Tokens `T`", "zh": "词元数 `T`"},
    "forward_2n": {"en": "Forward FLOPs per token (`2N`)", "zh": "每个词元的前向 FLOPs（`2N`）"},
    "vector": {"en": "Vector", "zh": "向量"},
    "how_many": {"en": "How many", "zh": "个数"},
    "numbers_each": {"en": "Numbers in each", "zh": "每个含几个数"},
    "numbers_in_them": {"en": "Numbers in them", "zh": "其中的数值"},
    "all_vectors": {"en": "All vectors of the pass", "zh": "一次前向计算的全部向量"},
}

# The site's notation, as the Parameters page sets it out; a page's own table of symbols takes
# the meanings from here.
NOTATION = {
    "L": {"en": "layers (transformer blocks)", "zh": "层数（Transformer 块的个数）"},
    "D": {
        "en": "model width: the length of every vector on the residual stream",
        "zh": "模型宽度：残差流上每个向量的长度",
    },
    "N": {"en": "query heads per layer", "zh": "每层的查询头数"},
    "K": {
        "en": "key/value heads per layer (`K = N` unless grouped)",
        "zh": "每层的键值头数（不分组时 `K = N`）",
    },
    "H": {
        "en": "size of one head: what each head's query, key and value vectors hold",
        "zh": "头维度：每个头的查询、键、值向量的长度",
    },
    "F": {
        "en": "hidden width of the feed-forward network (FFN)",
        "zh": "前馈网络（FFN）中间层的宽度",
    },
    "V": {
        "en": "vocabulary: rows of the token-embedding table",
        "zh": "词表大小：词元嵌入表的行数",
    },
    "P": {"en": "rows of a learned position table", "zh": "可学习位置嵌入表的行数"},
    "T": {"en": "tokens in the input: not part of the model", "zh": "输入的词元数：不属于模型本身"},
}
