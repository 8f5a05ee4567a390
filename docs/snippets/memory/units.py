# Memory page, GB and GiB: decimal against binary units, and what the "B" of "671B" can be
# mistaken for. Included after md.py and memory/common.py; the Misconceptions page includes it
# (after md.py) for the units table too.
from llmsize import counts, dtypes, fmt, memory, presets
from llmsize.text import say

_UNITS_HEADER = [
    {"en": "Prefix", "zh": "前缀"},
    {"en": "Decimal (SI)", "zh": "十进制（SI）"},
    HEADS["bytes"],
    {"en": "Binary (IEC)", "zh": "二进制（IEC）"},
    HEADS["bytes"],
    {"en": "Binary is larger by", "zh": "二进制单位大出"},
]
_PREFIXES = {
    "kilo": ({"en": "kilo", "zh": "千（kilo）"}, "K", "KiB", 1),
    "mega": ({"en": "mega", "zh": "兆（mega）"}, "M", "MiB", 2),
    "giga": ({"en": "giga", "zh": "吉（giga）"}, "G", "GiB", 3),
    "tera": ({"en": "tera", "zh": "太（tera）"}, "T", "TiB", 4),
}
_B_HEADER = [
    {"en": "Written", "zh": "写法"},
    {"en": "Read as", "zh": "理解为"},
    {"en": "What it actually is", "zh": "实际含义"},
    {"en": "In bytes", "zh": "折合字节"},
]
# One row per reading of the letter; each cell is worded in both languages.
_B_ROWS = {
    "count": [
        {"en": "{shown} parameters", "zh": "{shown} 参数"},
        {"en": "B = billion, 10⁹", "zh": "B = billion，十亿（10⁹）"},
        {"en": "a count: {n} parameters, exactly", "zh": "一个个数：精确地说是 {n} 个参数"},
        {"en": "depends on the format", "zh": "取决于存储格式"},
    ],
    "bf16": [
        {"en": "the same in bf16", "zh": "同上，以 bf16 存储"},
        {"en": "× {per}", "zh": "{per}"},
        {"en": "the weights as most models ship", "zh": "多数模型发布时的权重大小"},
        {"en": "{size}", "zh": "{size}"},
    ],
    "bit": [
        {"en": "{giga} Gbit", "zh": "{giga} Gbit"},
        {"en": "b = bit", "zh": "b = 比特"},
        {
            "en": "one bit per parameter, less than any format these weights ship in",
            "zh": "每个参数一个比特，比这些权重任何一种发布格式都小",
        },
        {"en": "{size}", "zh": "{size}"},
    ],
    "byte": [
        {"en": "{giga} GB", "zh": "{giga} GB"},
        {"en": "B = byte", "zh": "B = 字节"},
        {
            "en": "one byte per parameter: the fp8 size, not the bf16 one",
            "zh": "每个参数一个字节：恰好是 fp8 的大小，不是 bf16 的",
        },
        {"en": "{size}", "zh": "{size}"},
    ],
}


def units_table(lang, prefixes=tuple(_PREFIXES)):
    """Markdown table: decimal against binary units (of ``prefixes``), and how far apart they drift."""
    rows = []
    for name, letter, binary, power in (_PREFIXES[p] for p in prefixes):
        si, iec = 10 ** (3 * power), 2 ** (10 * power)
        rows.append(
            [
                say(name, lang),
                f"{letter}B",
                fmt.exact(si, lang),
                binary,
                fmt.exact(iec, lang),
                fmt.percent(iec - si, si, lang),
            ]
        )
    assert dtypes.GiB == 1_073_741_824 and dtypes.GB == 1_000_000_000
    assert (dtypes.KiB, dtypes.MiB, dtypes.TiB) == (2**10, 2**20, 2**40)
    return table(_UNITS_HEADER, rows, "llrlrr", lang)


def b_readings(spec, lang):
    """Markdown table: what the "B" of "671B" can be mistaken for, and the sizes that follow."""
    claim = presets.get("deepseek-v3").claim("total")
    label = claim.value  # the headline figure as its authors state it: "671B"
    assert claim.text == "671B" and label == 671 * dtypes.GB
    total = counts(spec).total
    fields = {
        "shown": claim.text,
        "n": fmt.exact(total, lang),
        "per": fmt.per_param(dtypes.bytes_per_param("bf16"), lang),
        "giga": fmt.exact(label // dtypes.GB, lang),
    }
    sizes = {
        "count": "",
        "bf16": fmt.bytes_both(memory.weights_bytes(total, "bf16"), lang),
        "bit": fmt.bytes_both(label // 8, lang),
        "byte": fmt.bytes_both(label, lang),
    }
    rows = [[say(c, lang, size=sizes[k], **fields) for c in cells] for k, cells in _B_ROWS.items()]
    return table(_B_HEADER, rows, "lllr", lang)
