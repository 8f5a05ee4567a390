"""The ``llmsize`` command line: ``count``, ``memory`` and ``presets``.

Bad input prints one line on stderr (``llmsize: error: ...``) and exits with status 2; no
traceback. Only the standard library and llmsize itself are imported on this path. The rows
come from `llmsize.report`, the same ones the site's calculator shows; this module only
formats them.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import NoReturn

from llmsize import fitcli, fmt, presets
from llmsize.count import counts
from llmsize.errors import LLMSizeError, check_int
from llmsize.report import Row, breakdown_rows, memory_rows, short_counts, summary_rows
from llmsize.source import resolve
from llmsize.text import LABELS, LANGS, UI, say

__all__ = ["main"]

_MODEL_HELP = (
    "preset id (see 'llmsize presets'), path to a config.json (or, for count, to safetensors"
    " files or their folder), a Hub id org/name"
    " (HF_ENDPOINT for a mirror) or a ModelScope id modelscope:org/name"
)
_DEFAULT_CONTEXT = 4096
"""Context for ``memory`` when neither ``--context`` nor the config gives one."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line with exit status 2."""

    def error(self, message: str) -> NoReturn:
        _fail(message)


def _fail(message: str) -> NoReturn:
    sys.stderr.write(f"llmsize: error: {' '.join(message.split())}\n")
    raise SystemExit(2)


def _integer(text: str) -> int | str:
    """``--context``/``--batch`` as an int where it reads as one; `_options` checks it."""
    try:
        return int(text)
    except ValueError:
        return text


# --- formatting ----------------------------------------------------------------------------


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: Sequence[Sequence[str]], right: Sequence[bool], head: bool = True) -> str:
    """Columns padded to their widest cell; a rule under the first row if ``head``."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if right[i] else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if head and n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _figures(rows: Sequence[Row], lang: str, compact: Sequence[str]) -> str:
    """Label, exact value and its ``compact`` text of each row, as a table without a head."""
    cells = [
        [say(r.label, lang), fmt.exact(r.value, lang), text]
        for r, text in zip(rows, compact, strict=True)
    ]
    return _table(cells, [False, True, True], head=False)


# --- commands ------------------------------------------------------------------------------


def _count(args: argparse.Namespace) -> str:
    spec = resolve(args.model)
    c = counts(spec)
    if args.json:
        return json.dumps({"model": spec.name, **c.to_dict()}, ensure_ascii=False)
    lang = args.lang
    rows = [[say(UI[k], lang) for k in ("part", "params")] + ["", say(UI["share"], lang)]]
    for part in breakdown_rows(c.breakdown):
        name = "  " * part.depth + part.name(lang)
        share = fmt.percent(part.params, c.total, lang)
        rows.append([name, fmt.exact(part.params, lang), fmt.count(part.params, lang), share])
    breakdown = _table(rows, [False, True, True, True])
    summary = summary_rows(c)
    text = f"{spec.name}\n\n{breakdown}\n\n{_figures(summary, lang, short_counts(summary, lang))}"
    if c.vision:  # what the figures mean for a vision-language model
        text += "\n\n" + say(UI["note_vision"], lang, n=fmt.count(c.vision, lang))
    if c.audio:  # and for one with an audio encoder (Gemma 4)
        text += "\n\n" + say(UI["note_audio"], lang, n=fmt.count(c.audio, lang))
    return text


def _count_or_files(args: argparse.Namespace) -> str:
    from llmsize import filescli  # safetensors/GGUF headers, the Hub's by range requests

    return filescli.count(args, _count)


def _memory(args: argparse.Namespace) -> str:
    spec = resolve(args.model)
    c = counts(spec)
    context = args.context if args.context is not None else spec.context_length or _DEFAULT_CONTEXT
    mem = memory_rows(
        spec,
        c.total,
        dtype=args.dtype,
        kv_dtype=args.kv_dtype,
        context=check_int("--context", context),
        batch=check_int("--batch", args.batch),
    )
    if args.json:
        data = {
            "model": spec.name,
            "dtype": mem.dtype,
            "kv_dtype": mem.kv_dtype,
            "context": mem.context,
            "batch": mem.batch,
            "params": c.total,
            "memory": mem.values(),
        }
        if not spec.encoder:  # the whole cache at T and B, and its split by layer kind
            data["kv_cache_bytes"] = mem.get("kv_total")
            data["kv_cache_by_kind"] = mem.kv_by_kind() or {"full": mem.get("kv_total")}
        return json.dumps(data, ensure_ascii=False)
    sizes = [fmt.bytes_both(r.value, args.lang) for r in mem.rows]
    return f"{spec.name}\n\n{_figures(mem.rows, args.lang, sizes)}"


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
                    {"kind": c.kind, "text": c.text, "value": c.value, "source": dict(c.source)}
                    for c in p.claims
                ],
            }
            for p in items
        ]
        return json.dumps(data, ensure_ascii=False)
    lang = args.lang
    rows = [[say(UI["preset"], lang), say(LABELS["total"], lang), say(UI["claim"], lang)]]
    for p in items:
        claims = ", ".join(f"{c.text} ({say(LABELS[c.kind], lang).lower()})" for c in p.claims)
        rows.append([p.id, fmt.count(counts(p.spec).total, lang), claims])
    return _table(rows, [False, True, False])


# --- parser and dispatch -------------------------------------------------------------------

_Command = Callable[[argparse.Namespace], str]

_COMMANDS: dict[str, tuple[_Command, str, bool]] = {
    "count": (_count_or_files, "count parameters, or measure them from safetensors files", True),
    "memory": (_memory, "bytes of weights, KV cache and training state", True),
    "presets": (_presets, "list bundled presets and their official claims", False),
    **fitcli.COMMANDS,
}
"""Each command: its handler, its help, whether it takes a MODEL."""


def _memory_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dtype", default="bf16", help="weights dtype (default bf16)")
    parser.add_argument(
        "--kv-dtype",
        default=None,
        help="KV cache dtype: fp32, bf16, fp16, fp8_e4m3, fp8_e5m2, q8_0 or q4_0"
        " (default: --dtype if it is one of these, else bf16)",
    )
    parser.add_argument("--context", type=_integer, default=None, help="context length in tokens")
    parser.add_argument("--batch", type=_integer, default=1, help="sequences in the batch")


def _parser() -> _Parser:
    output = _Parser(add_help=False)
    output.add_argument("--json", action="store_true", help="print JSON instead of a table")
    output.add_argument("--lang", choices=LANGS, default="en", help="language of the table")
    model = _Parser(add_help=False)
    model.add_argument("model", help=_MODEL_HELP)

    parser = _Parser(
        prog="llmsize",
        description="Exact parameter, byte and KV-cache counts for transformer models.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (_, help_, takes_model) in _COMMANDS.items():
        parents = [model, output] if takes_model else [output]
        command = sub.add_parser(name, help=help_, parents=parents)
        if name == "memory":
            _memory_options(command)
        if name in fitcli.OPTIONS:
            fitcli.OPTIONS[name](command)
        if name == "count":
            command.add_argument(
                "--measured",
                action="store_true",
                help="for a Hub id: measure from its safetensors headers (range requests)",
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 for bad input)."""
    args = _parser().parse_args(argv)
    handler = _COMMANDS[args.command][0]
    try:
        text = handler(args)
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
