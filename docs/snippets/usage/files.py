# Measured from the files, on the Using llmsize page. The presets whose safetensors layout is
# published (llmsize_oracle.layouts: names, dtypes, shapes) become header-only fixtures: real
# files whose tensor data is a hole. `llmsize count FOLDER` reads them as it reads a download,
# and the table sets the architecture's count beside what the headers measure.
# Included after md.py and usage/cli.py (table, terminal).
import contextlib
import json
import os
import tempfile

from llmsize import fmt, presets
from llmsize.crosscheck import TERMS, cross_check
from llmsize.headers import measure
from llmsize_oracle.layouts import LAYOUTS, parsed, write

_FILES_HEADS = [
    {"en": "Model", "zh": "模型"},
    {"en": "Weights, from the architecture", "zh": "权重数（按架构计算）"},
    {"en": "Weights, from the files", "zh": "权重数（由文件测得）"},
    {"en": "Values stored in the files", "zh": "文件中存储的值"},
    {"en": "What tells them apart", "zh": "差别在哪里"},
]
_BLOCK_SCALES = {
    "en": "{n} fp8 scales, one per 128×128 tile, as the architecture predicts",
    "zh": "{n} 个 fp8 缩放因子，每个 128×128 的块一个，与按架构算出的一致",
}
_BEYOND = {"en": "the weights include {terms}", "zh": "权重数包含{terms}"}
_ITEM = {"en": "{what} ({n})", "zh": "{what}（{n} 个）"}
_MXFP4 = {
    "en": "MXFP4 experts: {bytes} U8 bytes hold {weights} four-bit weights, beside {scales}"
    " one-byte exponents, one per 32 weights",
    "zh": "MXFP4 专家：{bytes} 个 U8 字节装着 {weights} 个 4 位权重，另有 {scales} 个单字节指数，"
    "每 32 个权重共用一个",
}
_EXTRA = {"en": "plus {n} {what}", "zh": "另有 {n} 个{what}"}
_AGREE = {"en": "agree exactly", "zh": "完全一致"}


def files_terminal(lang):
    """``llmsize count gpt-oss-20b/`` on a folder holding the header-only file and the config."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        os.mkdir("gpt-oss-20b")
        write(LAYOUTS["gpt-oss-20b"], os.path.join("gpt-oss-20b", "model.safetensors"))
        with open(os.path.join("gpt-oss-20b", "config.json"), "w") as f:
            json.dump(presets.get("gpt-oss-20b").config, f)
        return terminal("llmsize count gpt-oss-20b/", lang)


def _explain(check, m, lang):
    out = []
    if check.beyond:
        items = [
            say(_ITEM, lang, what=say(TERMS[t.key], lang), n=fmt.exact(t.values, lang))
            for t in check.beyond
        ]
        terms = listing(items, lang)
        out.append(say(_BEYOND, lang, terms=terms))
    if check.checkpoint != check.stored:
        out.append(say(_BLOCK_SCALES, lang, n=fmt.exact(check.checkpoint - check.stored, lang)))
    mxfp4 = [p for p in m.packed if p.kind == "mxfp4"]
    for p in mxfp4:
        figures = {
            k: fmt.exact(n, lang)
            for k, n in (("bytes", p.values), ("weights", p.weights), ("scales", p.scales))
        }
        out.append(say(_MXFP4, lang, **figures))
    for t in check.extras:
        if t.key == "scales" and mxfp4 and t.values == sum(p.scales for p in mxfp4):
            continue  # said with the MXFP4 experts
        out.append(say(_EXTRA, lang, n=fmt.exact(t.values, lang), what=say(TERMS[t.key], lang)))
    return clauses(out, lang)


def files_table(lang):
    """Architecture vs files for every preset whose layout is published."""
    rows = []
    for preset in sorted(LAYOUTS):
        header = parsed(preset)
        m = measure([header])
        p = presets.get(preset)
        check = cross_check(p.spec, m, [header])
        assert check.agree, preset
        rows.append(
            [
                p.name,
                fmt.exact(check.stored, lang),
                fmt.exact(m.weights, lang),
                fmt.exact(m.values, lang),
                _explain(check, m, lang),
            ]
        )
    return table(_FILES_HEADS, rows, "lrrrl", lang)
