"""Published safetensors layouts of preset checkpoints, as header-only fixtures.

Each `Layout` lists a released checkpoint's tensors as rows of (name pattern, shape, dtype),
a pattern's ``{a-b}`` standing for every integer from ``a`` to ``b``, with the figures its
source publishes beside it. `header` writes the safetensors header such files would open with
(names, dtypes, shapes, contiguous offsets; no data), which `llmsize.safetensors.parse_header`
reads like any other.

* ``deepseek-v3``: the per-tensor table (name, shape, dtype) of DeepSeek-R1's 163 files, which
  have DeepSeek-V3's architecture and config (``DeepseekV3ForCausalLM``, 61 layers, fp8 with
  128x128 ``weight_scale_inv`` tiles, one MTP layer ``model.layers.61``): 91,991 tensors,
  684,531,386,000 values, as a public model-report file states (a GitHub-hosted "model
  information report" of ``/models/DeepSeek-R1``).
* ``gpt-oss-20b``: the tensor names of ``openai/gpt-oss-20b``'s ``model.safetensors.index.json``
  (19 per layer, plus the embedding, final norm and head) and its published ``total_size`` of
  13,761,264,768 bytes. The index gives no shapes: they are transformers' ``GptOss`` MXFP4
  layout (``*_blocks`` U8 ``[experts, rows, cols/32, 16]``, ``*_scales`` U8
  ``[experts, rows, cols/32]``, everything else bf16), and the published byte total is what
  checks them.
* ``gpt-oss-120b``: the same names and layout over 36 layers of 128 experts, checked by the
  65,248,815,744 bytes of tensor data an inventory of its 15 files states (the figure
  tests/test_checkpoint_formats.py cites); its tensor count is not published.

No other preset has a published layout here: their indexes name tensors but give no shapes or
dtypes, so there is nothing independent to set the architecture count against.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache

from llmsize.safetensors import Header, parse_header

__all__ = ["LAYOUTS", "Layout", "expand", "header", "parsed", "write"]

_RANGE = re.compile(r"\{(\d+)-(\d+)\}")
_BITS = {"BF16": 16, "F32": 32, "F8_E4M3": 8, "U8": 8}

Row = tuple[str, tuple[int, ...], str]


@dataclass(frozen=True)
class Layout:
    """A checkpoint's published tensor layout and what its source states about it.

    Attributes:
        preset: The preset whose checkpoint it is.
        source: Where the layout comes from.
        rows: ``(name pattern, shape, dtype)`` rows.
        tensors: The tensor count the source states (``None`` if it states none).
        values: The value count the source states.
        total_size: The bytes the source's index states.
    """

    preset: str
    source: str
    rows: tuple[Row, ...]
    tensors: int | None = None
    values: int | None = None
    total_size: int | None = None


def expand(pattern: str) -> list[str]:
    """Every name a pattern stands for (``a.{0-2}.b`` -> ``a.0.b``, ``a.1.b``, ``a.2.b``)."""
    ranges = [range(int(a), int(b) + 1) for a, b in _RANGE.findall(pattern)]
    template = _RANGE.sub("{}", pattern)
    return [template.format(*combo) for combo in itertools.product(*ranges)]


def header(layout: Layout) -> bytes:
    """The safetensors header of ``layout``: 8-byte length, then the JSON (no data follows)."""
    entries: dict[str, object] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for pattern, shape, dtype in layout.rows:
        size = 1
        for d in shape:
            size *= d
        nbytes = size * _BITS[dtype] // 8
        for name in expand(pattern):
            entries[name] = {
                "dtype": dtype,
                "shape": list(shape),
                "data_offsets": [offset, offset + nbytes],
            }
            offset += nbytes
    text = json.dumps(entries, separators=(",", ":")).encode()
    return len(text).to_bytes(8, "little") + text


def _deepseek_v3() -> Layout:
    d, v, L, e = 7168, 129280, "model.layers.", "mlp.experts.{0-255}."
    fp8 = [
        ("{0-2}.mlp.down_proj", (7168, 18432), (56, 144)),
        ("{0-2}.mlp.gate_proj", (18432, 7168), (144, 56)),
        ("{0-2}.mlp.up_proj", (18432, 7168), (144, 56)),
        ("{0-61}.self_attn.kv_a_proj_with_mqa", (576, d), (5, 56)),
        ("{0-61}.self_attn.kv_b_proj", (32768, 512), (256, 4)),
        ("{0-61}.self_attn.o_proj", (d, 16384), (56, 128)),
        ("{0-61}.self_attn.q_a_proj", (1536, d), (12, 56)),
        ("{0-61}.self_attn.q_b_proj", (24576, 1536), (192, 12)),
        ("{3-61}." + e + "down_proj", (d, 2048), (56, 16)),
        ("{3-61}." + e + "gate_proj", (2048, d), (16, 56)),
        ("{3-61}." + e + "up_proj", (2048, d), (16, 56)),
        ("{3-61}.mlp.shared_experts.down_proj", (d, 2048), (56, 16)),
        ("{3-61}.mlp.shared_experts.gate_proj", (2048, d), (16, 56)),
        ("{3-61}.mlp.shared_experts.up_proj", (2048, d), (16, 56)),
    ]
    rows: list[Row] = [
        ("lm_head.weight", (v, d), "BF16"),
        ("model.embed_tokens.weight", (v, d), "BF16"),
    ]
    for name, shape, scale in fp8:
        rows += [
            (L + name + ".weight", shape, "F8_E4M3"),
            (L + name + ".weight_scale_inv", scale, "F32"),
        ]
    rows += [
        (L + "{0-61}.input_layernorm.weight", (d,), "BF16"),
        (L + "{0-61}.post_attention_layernorm.weight", (d,), "BF16"),
        (L + "{0-61}.self_attn.kv_a_layernorm.weight", (512,), "BF16"),
        (L + "{0-61}.self_attn.q_a_layernorm.weight", (1536,), "BF16"),
        (L + "{3-61}.mlp.gate.e_score_correction_bias", (256,), "F32"),
        (L + "{3-61}.mlp.gate.weight", (256, d), "BF16"),
        (L + "61.eh_proj.weight", (d, 2 * d), "BF16"),
        (L + "61.embed_tokens.weight", (v, d), "BF16"),
        (L + "61.enorm.weight", (d,), "BF16"),
        (L + "61.hnorm.weight", (d,), "BF16"),
        (L + "61.shared_head.head.weight", (v, d), "BF16"),
        (L + "61.shared_head.norm.weight", (d,), "BF16"),
        ("model.norm.weight", (d,), "BF16"),
    ]
    source = "tensor table of DeepSeek-R1's 163 safetensors files (DeepSeek-V3 architecture)"
    return Layout("deepseek-v3", source, tuple(rows), 91_991, 684_531_386_000)


def _gpt_oss(preset: str, layers: int, e: int, total_size: int, tensors: int | None) -> Layout:
    d, heads, hd, kv, f, v = 2880, 64, 64, 8, 2880, 201088
    g = d // 32
    p = f"model.layers.{{0-{layers - 1}}}."
    rows: list[Row] = [("model.embed_tokens.weight", (v, d), "BF16")]
    rows += [
        (p + "input_layernorm.weight", (d,), "BF16"),
        (p + "self_attn.o_proj.bias", (d,), "BF16"),
        (p + "self_attn.o_proj.weight", (d, heads * hd), "BF16"),
        (p + "self_attn.q_proj.bias", (heads * hd,), "BF16"),
        (p + "self_attn.k_proj.bias", (kv * hd,), "BF16"),
        (p + "self_attn.v_proj.bias", (kv * hd,), "BF16"),
        (p + "self_attn.q_proj.weight", (heads * hd, d), "BF16"),
        (p + "self_attn.k_proj.weight", (kv * hd, d), "BF16"),
        (p + "self_attn.v_proj.weight", (kv * hd, d), "BF16"),
        (p + "self_attn.sinks", (heads,), "BF16"),
        (p + "mlp.router.bias", (e,), "BF16"),
        (p + "mlp.router.weight", (e, d), "BF16"),
        (p + "mlp.experts.gate_up_proj_bias", (e, 2 * f), "BF16"),
        (p + "mlp.experts.gate_up_proj_blocks", (e, 2 * f, g, 16), "U8"),
        (p + "mlp.experts.gate_up_proj_scales", (e, 2 * f, g), "U8"),
        (p + "mlp.experts.down_proj_bias", (e, d), "BF16"),
        (p + "mlp.experts.down_proj_blocks", (e, d, f // 32, 16), "U8"),
        (p + "mlp.experts.down_proj_scales", (e, d, f // 32), "U8"),
        (p + "post_attention_layernorm.weight", (d,), "BF16"),
        ("model.norm.weight", (d,), "BF16"),
        ("lm_head.weight", (v, d), "BF16"),
    ]
    source = f"tensor names and bytes published for openai/{preset}"
    return Layout(preset, source, tuple(rows), tensors, None, total_size)


LAYOUTS: dict[str, Layout] = {
    lay.preset: lay
    for lay in (
        _deepseek_v3(),
        _gpt_oss("gpt-oss-20b", 24, 32, 13_761_264_768, 24 * 19 + 3),
        _gpt_oss("gpt-oss-120b", 36, 128, 65_248_815_744, None),
    )
}
"""The published layouts, by preset id."""


def write(layout: Layout, path: str) -> None:
    """Write ``layout`` as a real file: its header, then a hole as long as its data (sparse)."""
    data = header(layout)
    size = len(data) + _data_bytes(layout)
    with open(path, "wb") as f:
        f.write(data)
        f.truncate(size)


def _data_bytes(layout: Layout) -> int:
    total = 0
    for pattern, shape, dtype in layout.rows:
        size = 1
        for d in shape:
            size *= d
        total += len(expand(pattern)) * size * _BITS[dtype] // 8
    return total


@cache
def parsed(preset: str) -> Header:
    """The header of ``LAYOUTS[preset]`` as `llmsize.safetensors.parse_header` reads it (kept)."""
    return parse_header(header(LAYOUTS[preset]), f"{preset}.safetensors")
