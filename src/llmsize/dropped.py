"""Files dropped on the calculator page, measured from their headers in the reader's browser.

The page slices the first 8 bytes of each ``.safetensors`` file, and, when the length they give
is within `llmsize.safetensors.HEADER_LIMIT` and the file, the header after them; it passes
those first ``8 + N`` bytes (or the 8 alone, which `llmsize.safetensors.header_length` then
refuses with its one line), with the file's name and size, to `measure_files`. A
``config.json`` or ``model.safetensors.index.json`` dropped with them is passed whole.
Nothing is uploaded: this runs under Pyodide on the page.
The result is plain data with every figure formatted by `llmsize.fmt` in the page's language;
bad input is ``{"error": message}`` with the same one line the command line prints.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from llmsize import fmt
from llmsize.crosscheck import TERMS, cross_check
from llmsize.errors import LLMSizeError
from llmsize.headers import measure
from llmsize.hfconfig import from_json
from llmsize.safetensors import INDEX_NAME, check_index, parse_header, parse_index
from llmsize.text import Text, check_lang, say

__all__ = ["LABELS", "measure_files", "measure_files_json"]

LABELS: dict[str, Text] = {
    "values": {"en": "Stored values", "zh": "存储的值"},
    "weights": {
        "en": "Weights (MXFP4 unpacked, scales left out)",
        "zh": "权重数（MXFP4 按权重计，不含缩放因子）",
    },
    "data": {"en": "Tensor bytes", "zh": "张量字节数"},
    "disk": {"en": "Bytes on disk", "zh": "磁盘上的字节数"},
    "arch": {"en": "Weights, from the architecture", "zh": "权重数（按架构计算）"},
    "agree": {
        "en": "The architecture's count and the files agree exactly.",
        "zh": "按架构算出的量与文件完全一致。",
    },
    "differ": {
        "en": "The files hold {n} weights that the architecture's count does not explain.",
        "zh": "文件中有 {n} 个权重无法用按架构算出的量解释。",
    },
    "only": {"en": "In the files only: {what}", "zh": "只在文件中：{what}"},
    "none": {
        "en": "no .safetensors file among the files dropped",
        "zh": "拖入的文件中没有 .safetensors 文件",
    },
}
"""The labels of the measured result, in both languages."""


def _inputs(names: Sequence[str], sizes: Sequence[int], blobs: Sequence[bytes], lang: str) -> Any:
    headers, config, weight_map = [], None, None
    for name, size, blob in zip(names, sizes, blobs, strict=True):
        if name.endswith(".safetensors"):
            headers.append(parse_header(bytes(blob), name, size))
        elif name == INDEX_NAME:
            weight_map = parse_index(bytes(blob), name)
        elif name.endswith(".json"):
            config = from_json(bytes(blob).decode("utf-8", "replace"), where=name)
    if not headers:
        raise LLMSizeError(say(LABELS["none"], lang))
    if weight_map is not None:
        check_index(weight_map, headers, INDEX_NAME)
    return headers, config


def measure_files(
    names: Sequence[str], sizes: Sequence[int], blobs: Sequence[bytes], lang: str = "en"
) -> dict[str, Any]:
    """Measure dropped files: their headers, and a config if one was dropped with them.

    Args:
        names: File names.
        sizes: File sizes in bytes.
        blobs: For a ``.safetensors`` file, its first ``8 + N`` bytes (its 8-byte length and
            header); for a ``.json`` file, the whole file.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        ``{"files", "dtypes": [[dtype, tensors, values, bytes]...], "rows": [[label, exact,
        short]...], "check": [lines...]}``, or ``{"error": message}``.
    """
    try:
        check_lang(lang)
        headers, spec = _inputs(names, sizes, blobs, lang)
    except LLMSizeError as err:
        return {"error": str(err)}
    m = measure(headers)
    n = fmt.exact
    dtypes = [
        [k, n(s.tensors, lang), n(s.values, lang), fmt.bytes_both(s.nbytes, lang)]
        for k, s in m.dtypes.items()
    ]
    rows = [
        [say(LABELS["values"], lang), n(m.values, lang), fmt.count(m.values, lang)],
        [say(LABELS["weights"], lang), n(m.weights, lang), fmt.count(m.weights, lang)],
        [say(LABELS["data"], lang), n(m.nbytes, lang), fmt.bytes_both(m.nbytes, lang)],
        [say(LABELS["disk"], lang), n(m.file_bytes, lang), fmt.bytes_both(m.file_bytes, lang)],
    ]
    lines = []
    if spec is not None:
        c = cross_check(spec, m, headers)
        rows.append([say(LABELS["arch"], lang), n(c.stored, lang), fmt.count(c.stored, lang)])
        lines = [
            say(LABELS["only"], lang, what=f"{say(TERMS[t.key], lang)}: {n(t.values, lang)}")
            for t in c.extras
        ]
        verdict = LABELS["agree"] if c.agree else LABELS["differ"]
        lines.append(say(verdict, lang, n=n(c.unexplained, lang)))
    return {"files": len(headers), "dtypes": dtypes, "rows": rows, "check": lines}


def measure_files_json(names: Any, sizes: Any, blobs: Any, lang: str = "en") -> str:
    """`measure_files` for the page: JavaScript arrays in (converted by Pyodide), JSON text out."""

    def plain(x: Any) -> Any:
        return x.to_py() if hasattr(x, "to_py") else x

    names, sizes = list(plain(names)), [int(s) for s in plain(sizes)]
    blobs = [bytes(plain(b)) for b in plain(blobs)]
    return json.dumps(measure_files(names, sizes, blobs, lang), ensure_ascii=False)
