"""The ``fit``, ``gpus`` and ``train`` subcommands of the ``llmsize`` command line.

`llmsize.cli` dispatches to `COMMANDS` and adds each command's options with `OPTIONS`. The
figures come from `llmsize.plan`, `llmsize.capacity`, `llmsize.bounds` and
`llmsize.trainplan`; this module only reads the options and formats the answers. Bytes are
exact; the speeds are bounds and say so.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from llmsize import fmt
from llmsize.bounds import Bounds, bounds
from llmsize.capacity import max_batch, max_context, min_gpus
from llmsize.errors import LLMSizeError, check_int
from llmsize.fitreport import FIT_TEXT, byte_rows
from llmsize.hardware import get_gpu, gpus
from llmsize.plan import Split, plan
from llmsize.source import resolve
from llmsize.text import say
from llmsize.trainplan import train_plan

__all__ = ["COMMANDS", "OPTIONS", "fit_answers"]


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The plan's keyword arguments from the command line."""
    n = check_int("--gpus", args.gpus)
    pp = check_int("--pp", args.pp)
    tp = args.tp if args.tp is not None else max(n // pp, 1)
    return {
        "split": Split(check_int("--tp", tp), pp, check_int("--ep", args.ep)),
        "dtype": args.dtype,
        "expert_dtype": args.expert_dtype,
        "kv_dtype": args.kv_dtype,
        "context": check_int("--context", args.context),
        "batch": check_int("--batch", args.batch),
    }


def fit_answers(
    model: str, gpu: str, n: int, options: dict[str, Any]
) -> tuple[dict[str, Any], Bounds]:
    """Everything ``fit`` reports: the JSON of ``llmsize fit --json``, and the exact bounds."""
    spec = resolve(model)
    p = plan(spec, gpu, n, **options)
    rest = {k: v for k, v in options.items() if k != "split"}
    free = {k: v for k, v in options.items() if k != "context"}
    try:
        fewest: int | None = min_gpus(spec, gpu, **rest).split.gpus
    except LLMSizeError:
        fewest = None
    try:
        most: int | None = max_batch(spec, gpu, n, **options)
    except LLMSizeError:  # a model that keeps no cache
        most = None
    b = bounds(spec, p)
    data = {
        **p.to_dict(),
        "max_context": max_context(spec, gpu, n, **free),
        "max_batch": most,
        "min_gpus": fewest,
        **b.to_dict(),
    }
    return data, b


def _fit(args: argparse.Namespace) -> str:
    n = check_int("--gpus", args.gpus)
    data, b = fit_answers(args.model, args.gpu, n, _options(args))
    if args.json:
        return json.dumps(data, ensure_ascii=False)
    lang = args.lang
    rows = _byte_rows(data["per_gpu_bytes"], data["used_bytes"], data["capacity_bytes"], lang)
    fewest, most = data["min_gpus"], data["max_batch"]
    answers = [
        ("max_context", fmt.exact(data["max_context"], lang)),
        ("max_batch", "-" if most is None else fmt.exact(most, lang)),
        ("min_gpus", say(FIT_TEXT["none"], lang) if fewest is None else fmt.exact(fewest, lang)),
        ("decode", fmt.decimal(b.decode_tokens_per_s, lang, 1)),
        ("prefill", fmt.decimal(b.prefill_seconds, lang, 4)),
    ]
    rows += [[say(FIT_TEXT[k], lang), v] for k, v in answers]
    verdict = say(FIT_TEXT["fits" if data["fits"] else "no_fit"], lang)
    name = get_gpu(data["gpu"]).name[lang]
    return f"{data['model']} · {n} x {name}: {verdict}\n\n{_table(rows, [False, True])}"


def _byte_rows(parts: dict[str, int], used: int, capacity: int, lang: str) -> list[list[str]]:
    return [[r["label"], r["text"]] for r in byte_rows(parts, used, capacity, lang)]


def _table(rows: list[list[str]], right: list[bool]) -> str:
    from llmsize.cli import _table as table  # the CLI's one table layout (imported late)

    return table(rows, right, head=False)


def _gpus(args: argparse.Namespace) -> str:
    items = gpus()
    if args.json:
        return json.dumps([g.to_dict() for g in items], ensure_ascii=False)
    lang = args.lang
    rows = [[say(FIT_TEXT[k], lang) for k in ("gpu_id", "gpu_name", "capacity", "bw", "peak")]]
    for g in items:
        peak = max(p for k, p in g.peaks.items() if k in ("bf16", "fp16") and p)
        rows.append(
            [
                g.id,
                g.name[lang],
                fmt.bytes_both(g.memory, lang),
                fmt.decimal(g.bandwidth // 10**9, lang),
                fmt.decimal(peak // 10**12, lang),
            ]
        )
    from llmsize.cli import _table as table

    return table(rows, [False, False, True, True, True])


def _train(args: argparse.Namespace) -> str:
    spec = resolve(args.model)
    t = train_plan(
        spec,
        args.gpu,
        check_int("--gpus", args.gpus),
        zero=args.zero,
        lora=args.lora,
        qlora=args.qlora,
        tp=args.tp or 1,
        pp=args.pp,
        seq=check_int("--context", args.context),
        batch=check_int("--batch", args.batch),
        recompute=args.recompute,
        convention=args.convention,
        targets=tuple(t.strip() for t in args.targets.split(",")),
    )
    if args.json:
        return json.dumps(t.to_dict(), ensure_ascii=False)
    lang = args.lang
    rows = _byte_rows(t.per_gpu, t.used, t.gpu.memory, lang)
    verdict = say(FIT_TEXT["fits" if t.fits else "no_fit"], lang)
    head = f"{t.model} · {t.method} · {t.gpus} x {t.gpu.name[lang]}: {verdict}\n\n"
    return head + _table(rows, [False, True])


def _common(parser: argparse.ArgumentParser, context: int) -> None:
    parser.add_argument("--gpu", required=True, help="accelerator (see 'llmsize gpus')")
    parser.add_argument("--gpus", type=int, default=1, help="how many (default 1)")
    parser.add_argument("--tp", type=int, default=None, help="tensor parallel (default gpus/pp)")
    parser.add_argument("--pp", type=int, default=1, help="pipeline stages (default 1)")
    parser.add_argument("--context", type=int, default=context, help="tokens per sequence")
    parser.add_argument("--batch", type=int, default=1, help="sequences (default 1)")


def _fit_options(parser: argparse.ArgumentParser) -> None:
    _common(parser, 8192)
    parser.add_argument("--ep", type=int, default=1, help="expert parallel: 1 or tp")
    parser.add_argument("--dtype", default="bf16", help="weights of the layers (default bf16)")
    parser.add_argument("--expert-dtype", default=None, help="routed experts (e.g. mxfp4)")
    parser.add_argument("--kv-dtype", default=None, help="KV cache (default bf16)")


def _train_options(parser: argparse.ArgumentParser) -> None:
    _common(parser, 4096)
    method = parser.add_mutually_exclusive_group(required=True)
    method.add_argument("--zero", type=int, help="full training, ZeRO stage 0-3")
    method.add_argument("--lora", type=int, help="LoRA of this rank")
    method.add_argument("--qlora", type=int, help="QLoRA (4-bit NF4 base) of this rank")
    parser.add_argument("--recompute", default="selective", help="none, selective or full")
    parser.add_argument("--convention", default="16", help="bytes per parameter: 16 or 18")
    parser.add_argument(
        "--targets", default="q,k,v,o,gate,up,down", help="LoRA targets (default all seven)"
    )


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], str], str, bool]] = {
    "fit": (_fit, "will it fit: bytes per GPU, longest context, speed bounds", True),
    "gpus": (_gpus, "list the accelerator catalog", False),
    "train": (_train, "training or fine-tuning bytes per GPU", True),
}
"""Each command: its handler, its help, whether it takes a MODEL (as `llmsize.cli`'s)."""

OPTIONS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "fit": _fit_options,
    "train": _train_options,
}
"""The options each command adds to its parser."""
