"""``llmsize count`` for files: a folder or file of safetensors (or GGUF), or a Hub id measured.

`count` is the ``count`` command's handler. It measures from the files' headers when the
model is a local ``.safetensors``/``.gguf`` file or a folder holding safetensors, when
``--measured`` is given for a Hub id, or when the Hub config's ``model_type`` is one llmsize
does not read; otherwise it hands over to the architecture count. When a config is at hand
too (``config.json`` beside the files, or the Hub's), the architecture's figures are set
beside the measured ones (`llmsize.crosscheck`). Only the standard library is imported.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from llmsize import fmt, presets
from llmsize.cli import _table
from llmsize.crosscheck import TERMS, CrossCheck, cross_check
from llmsize.errors import LLMSizeError
from llmsize.headers import Measured, measure
from llmsize.hfconfig import read_config
from llmsize.safetensors import INDEX_NAME, Header, read_path
from llmsize.spec import Spec
from llmsize.text import Text, say

__all__ = ["UNKNOWN_TYPE", "count"]

UNKNOWN_TYPE = re.compile(r"key 'model_type' .* is not supported")
"""How `llmsize.hfconfig` words an unknown ``model_type``: the cue to measure instead."""

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")

L: dict[str, Text] = {
    "measured": {
        "en": "measured from {files} safetensors file(s), headers only",
        "zh": "由 {files} 个 safetensors 文件的文件头测得（只读文件头）",
    },
    "unknown": {
        "en": "{reason}; measured from the files instead",
        "zh": "{reason}；改为由文件测得",
    },
    "dtype": {"en": "Dtype", "zh": "数据类型"},
    "tensors": {"en": "Tensors", "zh": "张量数"},
    "values": {"en": "Stored values", "zh": "存储的值"},
    "bytes": {"en": "Bytes", "zh": "字节数"},
    "part": {"en": "Part", "zh": "部分"},
    "prefixes": {"en": "Name prefixes", "zh": "名称前缀"},
    "language_model": {"en": "Language model", "zh": "语言模型"},
    "vision": {"en": "Vision tower", "zh": "视觉编码器"},
    "projector": {"en": "Projector", "zh": "投影层"},
    "audio": {"en": "Audio encoder", "zh": "音频编码器"},
    "mtp": {"en": "Multi-token prediction", "zh": "多词元预测"},
    "largest": {"en": "Largest tensors", "zh": "最大的张量"},
    "shape": {"en": "Shape", "zh": "形状"},
    "name": {"en": "Name", "zh": "名称"},
    "weights": {
        "en": "Weights (MXFP4 unpacked, scales left out)",
        "zh": "权重数（MXFP4 按权重计，不含缩放因子）",
    },
    "scales": {"en": "Scale values", "zh": "缩放因子的值"},
    "data": {"en": "Tensor bytes", "zh": "张量字节数"},
    "disk": {"en": "Bytes on disk", "zh": "磁盘上的字节数"},
    "mxfp4": {
        "en": "MXFP4: {tensors} block tensors, {values} bytes = {weights} four-bit weights,"
        " {scales} scales",
        "zh": "MXFP4：{tensors} 个分块张量，{values} 字节 = {weights} 个 4 位权重，"
        "{scales} 个缩放因子",
    },
    "fp8": {
        "en": "fp8: {tensors} tensors, {weights} weights, {scales} scales in {scale_tensors}"
        " scale tensors",
        "zh": "fp8：{tensors} 个张量，{weights} 个权重，{scale_tensors} 个缩放张量共 {scales} 个值",
    },
    "int": {
        "en": "integer-packed: {tensors} tensors, {values} stored values (the weights they hold"
        " depend on a format the header does not state)",
        "zh": "整数打包：{tensors} 个张量，{values} 个存储值（合多少权重取决于文件头未写明的格式）",
    },
    "arch_vs": {"en": "Counted vs measured", "zh": "按架构计算与由文件测得"},
    "arch": {"en": "Architecture", "zh": "按架构"},
    "files": {"en": "Files", "zh": "由文件"},
    "all_values": {"en": "Stored values, scales included", "zh": "存储的值（含缩放因子）"},
    "only": {"en": "  in the files only: {what}", "zh": "  只在文件中：{what}"},
    "total": {"en": "Parameters", "zh": "参数量"},
    "stored": {"en": "Weights stored", "zh": "存储的权重数"},
    "checkpoint": {"en": "With block scales", "zh": "含分块缩放因子"},
    "agree": {"en": "agree exactly", "zh": "完全一致"},
    "differ": {"en": "unexplained difference: {n}", "zh": "无法解释的差额：{n}"},
}
"""Labels of this command's tables, in both languages."""


def _local(model: str) -> Path | None:
    """The path, if ``model`` is a safetensors/GGUF file or a folder of safetensors."""
    path = Path(model)
    if path.is_file():
        return path if path.suffix in (".safetensors", ".gguf") else None
    if path.is_dir() and ((path / INDEX_NAME).is_file() or any(path.glob("*.safetensors"))):
        return path
    return None


def _config_beside(path: Path) -> Spec | None:
    folder = path if path.is_dir() else path.parent
    config = folder / "config.json"
    return read_config(config) if config.is_file() else None


def _hub(model: str, note: str | None) -> tuple[list[Header], Spec | None, str | None]:
    from llmsize import hubfiles, source  # urllib loads only for a model id

    spec: Spec | None = None
    if note is None:
        try:
            spec = source.resolve_hub(model)
        except LLMSizeError as err:
            if not UNKNOWN_TYPE.search(str(err)):
                raise
            note = str(err)
    return hubfiles.hub_headers(model), spec, note


def _measured(model: str) -> tuple[list[Header], Spec | None, str | None]:
    """``--measured``: a Hub id's headers, or those of a preset's Hub repository."""
    if model.lower() in presets.ids():
        preset = presets.get(model.lower())
        if preset.hf_id is not None:
            from llmsize import hubfiles

            return hubfiles.hub_headers(preset.hf_id), preset.spec, None
    elif _HUB_ID.match(model) and not Path(model).exists():
        return _hub(model, None)
    raise LLMSizeError(
        f"--measured needs a Hub id org/name or a preset with one, got {model!r}"
        " (a local folder or file of safetensors is measured without it)"
    )


def count(args: argparse.Namespace, architecture: Callable[[argparse.Namespace], str]) -> str:
    """The ``count`` command: measured from files where it applies, else ``architecture``.

    Args:
        args: The parsed command line (``model``, ``measured``, ``json``, ``lang``).
        architecture: The architecture count handler.

    Raises:
        LLMSizeError: One line (bad header, no files, network), as every command.
    """
    model, note = args.model, None
    path = _local(model)
    if path is not None and path.suffix == ".gguf":
        return _gguf(path, args.json, args.lang)
    if path is not None:
        headers, spec = read_path(path), _config_beside(path)
    elif getattr(args, "measured", False):
        headers, spec, note = _measured(model)
    else:
        try:
            return architecture(args)
        except LLMSizeError as err:
            if not (UNKNOWN_TYPE.search(str(err)) and _HUB_ID.match(model)):
                raise
            headers, spec, note = _hub(model, str(err))
    m = measure(headers)
    check = cross_check(spec, m, headers) if spec is not None else None
    if args.json:
        return _json(model, m, check, note)
    return _text(model, m, check, note, args.lang)


def _json(model: str, m: Measured, check: CrossCheck | None, note: str | None) -> str:
    data: dict[str, Any] = {"model": model, "measured": m.to_dict()}
    if check is not None:
        data["architecture"] = check.to_dict()
    if note is not None:
        data["note"] = note
    return json.dumps(data, ensure_ascii=False)


def _packed_lines(m: Measured, lang: str) -> list[str]:
    lines = []
    for p in m.packed:
        fields = {k: fmt.exact(v, lang) for k, v in vars(p).items() if isinstance(v, int)}
        lines.append(
            "  " + say(L[p.kind], lang, **{**fields, "weights": fields.get("weights", "")})
        )
    return lines


def _text(model: str, m: Measured, check: CrossCheck | None, note: str | None, lang: str) -> str:
    out = [f"{model}  ({say(L['measured'], lang, files=m.files)})"]
    if note is not None:
        out.append(say(L["unknown"], lang, reason=note))
    head = [say(L[k], lang) for k in ("dtype", "tensors", "values", "bytes")]
    rows = [head] + [
        _row(lang, k, fmt.exact(s.tensors, lang), s.values, s.nbytes) for k, s in m.dtypes.items()
    ]
    out += ["", _table(rows, [False, True, True, True]), *_packed_lines(m, lang)]
    head = [say(L[k], lang) for k in ("part", "prefixes", "values")] + [say(L["bytes"], lang)]
    rows = [head] + [
        _row(lang, say(L[g.key], lang), _prefixes(g.prefixes), g.values, g.nbytes) for g in m.groups
    ]
    out += ["", _table(rows, [False, False, True, True])]
    head = [say(L[k], lang) for k in ("largest", "dtype", "shape", "bytes")]
    rows = [head] + [
        [t.name, t.dtype, "x".join(map(str, t.shape)), fmt.bytes_both(t.nbytes, lang)]
        for t in m.largest[:5]
    ]
    out += ["", _table(rows, [False, False, True, True]), "", _summary(m, lang)]
    if check is not None:
        out += ["", _check(check, lang)]
    return "\n".join(out)


def _row(lang: str, name: str, second: str, values: int, nbytes: int) -> list[str]:
    return [name, second, fmt.exact(values, lang), fmt.bytes_both(nbytes, lang)]


def _prefixes(prefixes: tuple[str, ...]) -> str:
    return ", ".join(prefixes[:4]) + (" ..." if len(prefixes) > 4 else "")


def _summary(m: Measured, lang: str) -> str:
    rows = [
        [say(L["values"], lang), fmt.exact(m.values, lang), fmt.count(m.values, lang)],
        [say(L["weights"], lang), fmt.exact(m.weights, lang), fmt.count(m.weights, lang)],
    ]
    if m.scales:
        rows.append([say(L["scales"], lang), fmt.exact(m.scales, lang), fmt.count(m.scales, lang)])
    for key, n in (("data", m.nbytes), ("disk", m.file_bytes)):
        rows.append([say(L[key], lang), fmt.exact(n, lang), fmt.bytes_both(n, lang)])
    return _table(rows, [False, True, True], head=False)


def _check(c: CrossCheck, lang: str) -> str:
    """Architecture and measured figures in two columns, the difference named below."""
    n = functools.partial(fmt.exact, lang=lang)
    rows = [[say(L["arch_vs"], lang), say(L["arch"], lang), say(L["files"], lang)]]
    rows.append([say(L["total"], lang), n(c.total), ""])
    rows += [["+ " + say(TERMS[t.key], lang), n(t.values), ""] for t in c.beyond]
    rows.append([say(L["stored"], lang), n(c.stored), n(c.weights)])
    if c.checkpoint != c.stored:
        rows.append([say(L["all_values"], lang), n(c.checkpoint), n(c.values)])
    rows += [
        [say(L["only"], lang, what=say(TERMS[t.key], lang)), "", n(t.values)] for t in c.extras
    ]
    verdict = L["agree"] if c.agree else L["differ"]
    rows.append(["", "", say(verdict, lang, n=n(c.unexplained))])
    return _table(rows, [False, True, True])


def _gguf(path: Path, as_json: bool, lang: str) -> str:
    """A GGUF file: tensors, values and bytes per quantization type, and in total."""
    from llmsize import gguf

    data = gguf.summary(gguf.read_file(path))
    if as_json:
        return json.dumps({"model": str(path), "gguf": data}, ensure_ascii=False)
    head = [say(L[k], lang) for k in ("dtype", "tensors", "values", "bytes")]
    rows = [head] + [
        _row(lang, k, fmt.exact(r["tensors"], lang), r["values"], r["bytes"])
        for k, r in data["types"].items()
    ]
    total = [say(L["total"], lang), fmt.exact(data["tensors"], lang)]
    rows.append([*total, fmt.exact(data["values"], lang), fmt.bytes_both(data["bytes"], lang)])
    title = f"{path}  (GGUF v{data['version']}, {data['architecture'] or '?'})"
    return f"{title}\n\n{_table(rows, [False, True, True, True])}"
