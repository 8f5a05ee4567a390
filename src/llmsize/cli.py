"""The ``llmsize`` command line: ``count``, ``memory`` and ``presets``.

Bad input prints one line on stderr (``llmsize: error: ...``) and exits with status 2; no
traceback. Only the standard library and llmsize itself are imported on this path.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from llmsize import dtypes, fmt, memory, presets, training
from llmsize.count import Part, counts
from llmsize.errors import LLMSizeError
from llmsize.source import resolve
from llmsize.spec import Spec

__all__ = ["main"]

_TEXT = {
    "part": ("Part", "部分"),
    "params": ("Parameters", "参数量"),
    "share": ("Share", "占比"),
    "weights": ("Weights", "权重"),
    "kv_token": ("KV cache per token", "每个词元的 KV 缓存"),
    "kv_total": ("KV cache", "KV 缓存"),
    "kv_naive": ("KV cache per token if K/V were not compressed", "不压缩时每个词元的 KV 缓存"),
    "total_mem": ("Weights + KV cache", "权重 + KV 缓存"),
    "training": ("Training (mixed-precision Adam)", "训练（混合精度 Adam）"),
    "preset": ("Preset", "预设"),
    "claim": ("Official claim", "官方说法"),
}


def _t(key: str, lang: str) -> str:
    if key not in _TEXT:  # count definitions and breakdown parts are worded by fmt
        return fmt.label(key, lang)
    en, zh = _TEXT[key]
    return zh if lang == "zh" else en


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line with exit status 2."""

    def error(self, message: str) -> NoReturn:
        _fail(message)


def _fail(message: str) -> NoReturn:
    sys.stderr.write(f"llmsize: error: {' '.join(message.split())}\n")
    raise SystemExit(2)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text!r}")
    return value


def _parser() -> _Parser:
    parser = _Parser(
        prog="llmsize",
        description="Exact parameter, byte and KV-cache counts for transformer models.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    model_help = "preset id (see 'llmsize presets'), path to a config.json, or a Hub id org/name"
    c = sub.add_parser("count", help="count parameters, with a breakdown")
    c.add_argument("model", help=model_help)
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the table")

    m = sub.add_parser("memory", help="bytes of weights, KV cache and training state")
    m.add_argument("model", help=model_help)
    m.add_argument("--dtype", default="bf16", help="weights dtype (default bf16)")
    m.add_argument("--kv-dtype", default=None, help="KV cache dtype (default: --dtype)")
    m.add_argument("--context", type=_positive, default=None, help="context length in tokens")
    m.add_argument("--batch", type=_positive, default=1, help="sequences in the batch")
    m.add_argument("--json", action="store_true", help="print one JSON object")
    m.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the table")

    p = sub.add_parser("presets", help="list bundled presets and their official claims")
    p.add_argument("--json", action="store_true", help="print one JSON array")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the table")
    return parser


def _table(rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    # Width by code points is good enough for the ASCII parts; CJK labels sit in the left column.
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if right[i] else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _walk(part: Part, depth: int, total: int, lang: str, rows: list[list[str]]) -> None:
    for child in part.children:
        name = "  " * depth + fmt.label(child.key, lang)
        if child.layers > 1 and child.children:
            name += f" ×{child.layers}"
        rows.append(
            [
                name,
                fmt.exact(child.params, lang),
                fmt.count(child.params, lang),
                fmt.percent(child.params, total, lang),
            ]
        )
        _walk(child, depth + 1, total, lang, rows)


def _count(spec: Spec, args: argparse.Namespace) -> str:
    c = counts(spec)
    if args.json:
        return json.dumps({"model": spec.name, **c.to_dict()}, ensure_ascii=False)
    lang = args.lang
    head = [
        [_t("part", lang), _t("params", lang), "", _t("share", lang)],
    ]
    rows: list[list[str]] = []
    _walk(c.breakdown, 0, c.total, lang, rows)
    summary = [
        [_t(key, lang), fmt.exact(getattr(c, key), lang), fmt.count(getattr(c, key), lang)]
        for key in ("total", "active", "non_embedding", "stored", "checkpoint")
        if key != "checkpoint" or c.checkpoint != c.stored
    ]
    return (
        f"{spec.name}\n\n"
        + _table(head + rows, [False, True, True, True])
        + "\n\n"
        + _table([["", "", ""], *summary], [False, True, True]).split("\n", 2)[2]
    )


def _memory(spec: Spec, args: argparse.Namespace) -> str:
    dtype = args.dtype
    kv_dtype = args.kv_dtype or dtype
    context = args.context or spec.context_length or 4096
    c = counts(spec)
    weights = memory.weights_bytes(c.total, dtype)
    out: dict[str, Any] = {
        "model": spec.name,
        "dtype": dtypes.get_dtype(dtype).name,
        "kv_dtype": dtypes.get_dtype(kv_dtype).name,
        "params": c.total,
        "weights_bytes": weights,
    }
    if not spec.encoder:
        per_token = memory.kv_cache_bytes_per_token(spec, kv_dtype)
        kv = memory.kv_cache_bytes(spec, context, args.batch, kv_dtype)
        out.update(
            context=context,
            batch=args.batch,
            kv_cache_bytes_per_token=per_token,
            kv_cache_bytes=kv,
            total_bytes=weights + kv,
        )
        if spec.mla is not None:
            out["kv_cache_naive_bytes_per_token"] = memory.kv_cache_naive_mla_bytes_per_token(
                spec, kv_dtype
            )
    states = {k: training.training_bytes(c.total, k).total for k in ("16", "18")}
    out["training_bytes"] = states
    if args.json:
        return json.dumps(out, ensure_ascii=False)
    lang = args.lang
    rows = [
        [
            _t("weights", lang) + f" ({out['dtype']})",
            fmt.exact(weights, lang),
            fmt.bytes_both(weights, lang),
        ],
    ]
    if not spec.encoder:
        rows.append(
            [
                _t("kv_token", lang) + f" ({out['kv_dtype']})",
                fmt.exact(out["kv_cache_bytes_per_token"], lang),
                fmt.bytes_both(out["kv_cache_bytes_per_token"], lang),
            ]
        )
        if "kv_cache_naive_bytes_per_token" in out:
            naive = out["kv_cache_naive_bytes_per_token"]
            rows.append([_t("kv_naive", lang), fmt.exact(naive, lang), fmt.bytes_both(naive, lang)])
        rows.append(
            [
                _t("kv_total", lang) + f" (T={context}, B={args.batch})",
                fmt.exact(out["kv_cache_bytes"], lang),
                fmt.bytes_both(out["kv_cache_bytes"], lang),
            ]
        )
        rows.append(
            [
                _t("total_mem", lang),
                fmt.exact(out["total_bytes"], lang),
                fmt.bytes_both(out["total_bytes"], lang),
            ]
        )
    for key, value in states.items():
        rows.append(
            [
                _t("training", lang) + f", {key} B/param",
                fmt.exact(value, lang),
                fmt.bytes_both(value, lang),
            ]
        )
    return f"{spec.name}\n\n" + _table([["", "", ""], *rows], [False, True, True]).split("\n", 2)[2]


def _presets(args: argparse.Namespace) -> str:
    items = [presets.get(i) for i in presets.ids()]
    if args.json:
        data = [
            {
                "id": p.id,
                "name": p.name,
                "hf_id": p.hf_id,
                "total": counts(p.spec).total,
                "claims": [
                    {"kind": c.kind, "text": c.text, "value": c.value, "source": c.source}
                    for c in p.claims
                ],
            }
            for p in items
        ]
        return json.dumps(data, ensure_ascii=False)
    lang = args.lang
    rows = [[_t("preset", lang), _t("total", lang), _t("claim", lang)]]
    for p in items:
        claims = ", ".join(f"{c.text} ({_t(c.kind, lang).lower()})" for c in p.claims)
        rows.append([p.id, fmt.count(counts(p.spec).total, lang), claims])
    return _table(rows, [False, True, False])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 for bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "presets":
            text = _presets(args)
        else:
            spec = resolve(args.model)
            text = _count(spec, args) if args.command == "count" else _memory(spec, args)
    except LLMSizeError as err:
        _fail(str(err))
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
