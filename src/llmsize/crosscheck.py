"""The architecture's count beside the count measured from the files, the difference named.

`cross_check` sets `llmsize.count.Counts` (``total``, ``stored``, ``checkpoint``) of a spec
beside a `llmsize.headers.Measured`. What the architecture's stored count already holds
beyond the model's parameters is listed by `llmsize.stored.beyond_model` (router correction
biases, multi-token-prediction modules); what the files hold beyond that is found by name in
them and listed as `Term`:

* ``tied_head``: a head tied to the embedding (one matrix in the model) stored as its own
  ``lm_head.weight`` too;
* ``masks``: constant attention masks (GPT-2's ``attn.bias``), not parameters;
* ``rotary``: rotary frequency buffers (``rotary_emb.inv_freq``) some older checkpoints keep;
* ``vision``, ``projector``, ``audio``: parts an architecture without them leaves out;
* ``scales``: scale tensors the architecture does not count (MXFP4's exponents; fp8 scales of
  a release whose blocks the config does not state).

Whatever is left is ``unexplained``: zero when the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from llmsize.count import counts
from llmsize.headers import Measured
from llmsize.safetensors import Header
from llmsize.spec import Spec
from llmsize.stored import beyond_model
from llmsize.text import Text

__all__ = ["TERMS", "CrossCheck", "Term", "cross_check"]

TERMS: dict[str, Text] = {
    "tied_head": {
        "en": "tied output head stored as its own lm_head too",
        "zh": "与词嵌入共享的输出头又单独存了一份 lm_head",
    },
    "masks": {
        "en": "constant attention masks (attn.bias), not parameters",
        "zh": "常量注意力掩码（attn.bias），不是参数",
    },
    "rotary": {
        "en": "rotary frequency buffers (inv_freq), not parameters",
        "zh": "旋转位置编码的频率缓冲（inv_freq），不是参数",
    },
    "vision": {
        "en": "vision tower, not in the text model's count",
        "zh": "视觉编码器，不在文本模型的计数内",
    },
    "projector": {"en": "multimodal projector", "zh": "多模态投影层"},
    "audio": {"en": "audio encoder", "zh": "音频编码器"},
    "scales": {
        "en": "scale values the architecture does not count (MXFP4 exponents, fp8 scales)",
        "zh": "架构计数之外的缩放因子（MXFP4 的指数、fp8 的缩放因子）",
    },
    "router_bias": {
        "en": "router correction biases, stored as buffers",
        "zh": "以缓冲形式存储的路由修正偏置",
    },
    "mtp": {"en": "multi-token-prediction module", "zh": "多词元预测模块"},
}
"""Bilingual name of every term of a difference."""

_MASK = re.compile(r"\.attn\.(bias|masked_bias)$")
_ROTARY = re.compile(r"rotary_emb\.inv_freq$")


@dataclass(frozen=True)
class Term:
    """A named part of a difference: its key in `TERMS` and its values."""

    key: str
    values: int


@dataclass(frozen=True)
class CrossCheck:
    """The two counts side by side.

    Attributes:
        total: The architecture's parameters.
        stored: What its checkpoint stores (``total`` plus `beyond`).
        checkpoint: ``stored`` plus the block scales of a block-quantized release.
        beyond: What ``stored`` holds beyond ``total``, by name.
        weights: Measured: stored values as weights (MXFP4 unpacked, scales left out).
        values: Measured: every stored value.
        extras: What the files hold beyond ``stored``, by name.
        unexplained: ``weights - stored`` less the extras found in the weights (scale tensors
            are not weights: an unpredicted ``scales`` extra is named, not subtracted); zero
            when the two agree.
    """

    total: int
    stored: int
    checkpoint: int
    beyond: tuple[Term, ...]
    weights: int
    values: int
    extras: tuple[Term, ...]
    unexplained: int

    @property
    def agree(self) -> bool:
        """Whether every value is accounted for."""
        return self.unexplained == 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "total": self.total,
            "stored": self.stored,
            "checkpoint": self.checkpoint,
            "beyond_model": {t.key: t.values for t in self.beyond},
            "measured_weights": self.weights,
            "measured_values": self.values,
            "extras": {t.key: t.values for t in self.extras},
            "unexplained": self.unexplained,
            "agree": self.agree,
        }


def _named(headers: list[Header], pattern: re.Pattern[str]) -> int:
    return sum(t.values for h in headers for t in h.tensors if pattern.search(t.name))


def _extras(spec: Spec, m: Measured, headers: list[Header], expected_scales: int) -> list[Term]:
    lm_head = [t for h in headers for t in h.tensors if t.name == "lm_head.weight"]
    terms = [
        Term("tied_head", lm_head[0].values if spec.tied_embeddings and lm_head else 0),
        Term("masks", _named(headers, _MASK)),
        Term("rotary", _named(headers, _ROTARY)),
    ]
    if getattr(spec, "vision", None) is None:
        terms += [Term(g.key, g.values) for g in m.groups if g.key in ("vision", "projector")]
    if getattr(spec, "audio", None) is None:
        terms += [Term(g.key, g.values) for g in m.groups if g.key == "audio"]
    terms.append(Term("scales", m.scales - expected_scales))
    return [t for t in terms if t.values]


def cross_check(spec: Spec, m: Measured, headers: list[Header]) -> CrossCheck:
    """Set the architecture's counts of ``spec`` beside what ``headers`` measure.

    Args:
        spec: The architecture (from the config beside the files, or the Hub's).
        m: ``measure(headers)``.
        headers: The headers themselves (for the names of the terms).

    Returns:
        A `CrossCheck`.
    """
    c = counts(spec)
    expected_scales = c.checkpoint - c.stored
    extras = _extras(spec, m, headers, expected_scales)
    unexplained = m.weights - c.stored - sum(t.values for t in extras if t.key != "scales")
    return CrossCheck(
        total=c.total,
        stored=c.stored,
        checkpoint=c.checkpoint,
        beyond=tuple(Term(k, n) for k, n in beyond_model(spec)),
        weights=m.weights,
        values=m.values,
        extras=tuple(extras),
        unexplained=unexplained,
    )
