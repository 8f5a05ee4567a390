"""The vision part of a vision-language model: its vision tower and the projector after it.

A vision-language model (VLM) is a language model (the rest of `llmsize.spec.Spec`) plus a
`Vision`: an image encoder that turns patches of pixels into vectors, and a projector (or
merger) that maps those vectors to the language model's width, where they take the place of
image tokens. The parameters are counted in a part of their own, next to the language model:

* the patch embedding (a convolution or linear layer over one patch's pixel values), an
  optional class token, a learned position table, an optional norm before the encoder;
* ``layers`` identical encoder layers: attention (``D x D`` query, key, value and output
  projections, with or without biases), an MLP (two matrices, or three when gated) and two norms;
* a norm after the encoder, and SigLIP's attention-pooling head where the tower keeps it;
* one or more `Projector` stacks (a norm, then linear layers), repeated ``copies`` times
  (Qwen3-VL's DeepStack mergers).

`vision_tree` lays these out as the breakdown shows them; `llmsize.count` adds them to the
model's total (and, since every image token passes through the whole tower, to the active
count). Readers build a `Vision` from a config's ``vision_config`` (`llmsize.families`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeAlias, Union

from llmsize.errors import LLMSizeError, check_bool, check_int

__all__ = ["Linear", "Projector", "Tree", "Vision", "check_vision", "tree_params", "vision_tree"]

NormKind = Literal["rmsnorm", "layernorm"]

Tree: TypeAlias = list[tuple[str, Union[int, "Tree"], int]]
"""Breakdown of the vision part: ``(key, params or sub-tree, layers)`` per node; counts are
already multiplied by ``layers`` (the encoder layers, or a projector's copies)."""

# Keys of the position tables, which the non-embedding count leaves out (as the text ones).
POSITION_KEYS = frozenset({"position", "tile_position"})


def _norm(kind: str, size: int) -> int:
    """A LayerNorm has a weight and a bias per channel; an RMSNorm a weight only."""
    return size * (2 if kind == "layernorm" else 1)


def _check_norm(name: str, kind: object) -> None:
    if kind not in ("rmsnorm", "layernorm"):
        raise LLMSizeError(f"{name} must be 'rmsnorm' or 'layernorm', got {kind!r}")


@dataclass(frozen=True)
class Linear:
    """One linear layer: ``n_in x n_out`` weights and, with ``bias``, ``n_out`` biases."""

    n_in: int
    n_out: int
    bias: bool = True

    def __post_init__(self) -> None:
        check_int("linear.n_in", self.n_in)
        check_int("linear.n_out", self.n_out)
        check_bool("linear.bias", self.bias)

    @property
    def params(self) -> int:
        """Its weights and biases."""
        return self.n_in * self.n_out + (self.n_out if self.bias else 0)


@dataclass(frozen=True)
class Projector:
    """A stack between the vision tower and the language model: a norm, then linear layers.

    Attributes:
        linears: The linear layers in order (a patch merger, then the projection MLP).
        norm: Channels of the norm before the first linear layer, 0 for none.
        norm_kind: ``"layernorm"`` (weight and bias) or ``"rmsnorm"`` (weight only).
        copies: How many such stacks the model has (Qwen3-VL: one DeepStack merger per
            ``deepstack_visual_indexes`` entry).
        key: Its breakdown key: ``"projector"``, ``"adapter"`` (Llama 4's pixel-shuffle MLP
            inside the tower) or ``"deepstack_mergers"``.
    """

    linears: tuple[Linear, ...]
    norm: int = 0
    norm_kind: NormKind = "layernorm"
    copies: int = 1
    key: str = "projector"

    def __post_init__(self) -> None:
        object.__setattr__(self, "linears", tuple(self.linears))
        if not all(isinstance(linear, Linear) for linear in self.linears):
            raise LLMSizeError(f"projector.linears must be Linear layers, got {self.linears!r}")
        check_int("projector.norm", self.norm, minimum=0)
        _check_norm("projector.norm_kind", self.norm_kind)
        check_int("projector.copies", self.copies, minimum=0)
        if self.key not in _PROJECTOR_KEYS:
            keys = ", ".join(map(repr, _PROJECTOR_KEYS))
            raise LLMSizeError(f"projector.key must be one of {keys}, got {self.key!r}")

    def tree(self) -> Tree:
        """Its norm and linear layers (``linear_1``, ``linear_2``…), each times ``copies``."""
        n = self.copies
        out: Tree = [("projector_norm", n * _norm(self.norm_kind, self.norm), n)]
        for i, linear in enumerate(self.linears, 1):
            out.append((f"linear_{i}", n * linear.params, n))
        return out


_PROJECTOR_KEYS = ("projector", "adapter", "deepstack_mergers")


@dataclass(frozen=True)
class Vision:
    """A vision tower and its projector(s), as transformers builds them.

    Attributes:
        width: ``D`` of the tower (its ``hidden_size``).
        layers: Encoder layers.
        ffn: Hidden width of each encoder layer's MLP.
        patch_inputs: Pixel values one patch embedding reads: channels x patch x patch (x the
            temporal patch for video-capable towers such as Qwen-VL's).
        patch_bias: A bias on the patch embedding.
        class_token: A learned class embedding of ``D`` values (CLIP, Llama 4).
        positions: Rows of the learned position table (each ``D`` wide), 0 for none (towers
            with rotary positions only).
        pre_norm: A norm before the encoder (CLIP, Pixtral, Llama 4).
        post_norm: A norm after the encoder.
        norm: The tower's norm kind: ``"layernorm"`` or ``"rmsnorm"`` (Pixtral, Qwen2.5-VL).
        gated_ffn: Three MLP matrices (gate, up, down) instead of two.
        qkv_bias: Biases on the query, key and value projections.
        o_bias: A bias on the attention output projection.
        mlp_bias: Biases on the MLP's linear layers.
        pooling_head: SigLIP's attention-pooling head (a probe vector, a multi-head attention,
            a LayerNorm and an MLP), kept when ``vision_use_head`` is true.
        q_width: Output width of the query projection (heads x head dim; 0: ``width``), also
            the input width of the output projection (Gemma 4).
        kv_width: Output width of the key and value projections (0: ``q_width``).
        qk_norm: Channels of the per-head query and key norms (a head's dim), 0 for none.
        layer_norms: Norms per encoder layer: 2, or 4 with Gemma's sandwich norms.
        global_layers: Further encoder layers of the same shape with two learned scalar gates
            each (Mllama's global encoder), after the ``layers``.
        tiles: Tiles an image is cut into at most (Mllama's ``max_num_tiles``), 0 for none.
        aspect_ratios: Tile layouts (Mllama's ``supported_aspect_ratios``). With ``tiles``, the
            tower learns, per layout and one more row, a position for every patch of every tile
            and an embedding before and after the encoder for every tile, and three gates.
        projectors: The projector stacks, in order.
    """

    width: int
    layers: int
    ffn: int
    patch_inputs: int
    patch_bias: bool = False
    class_token: bool = False
    positions: int = 0
    pre_norm: bool = False
    post_norm: bool = False
    norm: NormKind = "layernorm"
    gated_ffn: bool = False
    qkv_bias: bool = True
    o_bias: bool = True
    mlp_bias: bool = True
    pooling_head: bool = False
    q_width: int = 0
    kv_width: int = 0
    qk_norm: int = 0
    layer_norms: int = 2
    global_layers: int = 0
    tiles: int = 0
    aspect_ratios: int = 0
    projectors: tuple[Projector, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("width", "layers", "ffn", "patch_inputs"):
            check_int(f"vision.{name}", getattr(self, name))
        for name in ("positions", "global_layers", "tiles", "aspect_ratios", "q_width"):
            check_int(f"vision.{name}", getattr(self, name), minimum=0)
        for name in ("kv_width", "qk_norm", "layer_norms"):
            check_int(f"vision.{name}", getattr(self, name), minimum=0)
        _check_norm("vision.norm", self.norm)
        for name in ("patch_bias", "class_token", "pre_norm", "post_norm", "gated_ffn"):
            check_bool(f"vision.{name}", getattr(self, name))
        for name in ("qkv_bias", "o_bias", "mlp_bias", "pooling_head"):
            check_bool(f"vision.{name}", getattr(self, name))
        object.__setattr__(self, "projectors", tuple(self.projectors))
        if not all(isinstance(p, Projector) for p in self.projectors):
            raise LLMSizeError(f"vision.projectors must be Projectors, got {self.projectors!r}")

    @cached_property
    def params(self) -> int:
        """Every parameter of the tower and its projectors."""
        return tree_params(vision_tree(self))

    @cached_property
    def position_params(self) -> int:
        """Parameters of its learned position table (left out of the non-embedding count)."""
        return tree_params(vision_tree(self), POSITION_KEYS)

    def _attention(self) -> Tree:
        d = self.width
        q = self.q_width or d
        kv = self.kv_width or q
        return [
            ("q", d * q, 1),
            ("k", d * kv, 1),
            ("v", d * kv, 1),
            ("o", q * d, 1),
            ("qkv_bias", q + 2 * kv if self.qkv_bias else 0, 1),
            ("o_bias", d if self.o_bias else 0, 1),
            ("qk_norm", 2 * _norm(self.norm, self.qk_norm), 1),
        ]

    def _mlp(self) -> Tree:
        d, f, b = self.width, self.ffn, self.mlp_bias
        parts: Tree = [("gate", Linear(d, f, b).params, 1)] if self.gated_ffn else []
        return [*parts, ("up", Linear(d, f, b).params, 1), ("down", Linear(f, d, b).params, 1)]

    def _layer(self, n: int, gates: int = 0) -> Tree:
        """One encoder layer (with ``gates`` scalar gates), counts times ``n`` layers."""
        norms = ("norms", n * self.layer_norms * _norm(self.norm, self.width), n)
        groups = (("attention", self._attention()), ("mlp", self._mlp()))
        tree: Tree = [(key, [(k, v * n, n) for k, v, _ in t], n) for key, t in groups]
        return [*tree, norms, ("gates", n * gates, n)]

    def _tiles(self) -> int:
        """Mllama's tile tables, for each tile layout and one more row.

        A position for every patch of every tile, and one embedding per tile before and one
        after the encoder.
        """
        rows = (self.aspect_ratios + 1) if self.tiles else 0
        return rows * self.tiles * self.width * (self.positions + 2)

    def _pooling_head(self) -> int:
        """SigLIP's head: probe, multi-head attention (in and out projections), norm, MLP."""
        d = self.width
        attention = Linear(d, 3 * d).params + Linear(d, d).params
        mlp = Linear(d, self.ffn).params + Linear(self.ffn, d).params
        return d + attention + _norm("layernorm", d) + mlp


def vision_tree(vision: Vision) -> Tree:
    """The vision part as the breakdown shows it; its leaves sum to the part's parameters.

    Args:
        vision: The vision tower and projectors.

    Returns:
        ``(key, params or sub-tree, layers)`` nodes: ``vision_embeddings`` (patch embedding,
        class token, position table, pre-norm), ``encoder_layers`` (attention, MLP, norms,
        ``layers`` times), ``post_norm``, ``pooling_head``, then each projector.
    """
    v, d = vision, vision.width
    embeddings: Tree = [
        ("patch", Linear(v.patch_inputs, d, v.patch_bias).params, 1),
        ("class_token", d if v.class_token else 0, 1),
        ("position", v.positions * d, 1),
        ("tile_position", v._tiles(), 1),
        ("gates", 3 if v.tiles else 0, 1),
        ("pre_norm", _norm(v.norm, d) if v.pre_norm else 0, 1),
    ]
    tree: Tree = [
        ("vision_embeddings", embeddings, 1),
        ("encoder_layers", v._layer(v.layers), v.layers),
        ("global_layers", v._layer(v.global_layers, 2), v.global_layers),
        ("post_norm", _norm(v.norm, d) if v.post_norm else 0, 1),
        ("pooling_head", v._pooling_head() if v.pooling_head else 0, 1),
    ]
    tree += [(p.key, p.tree(), p.copies) for p in v.projectors]
    return tree


def tree_params(tree: Tree, keys: frozenset[str] | None = None) -> int:
    """Parameters of ``tree``'s leaves (only those whose key is in ``keys``, when given)."""
    total = 0
    for key, node, _ in tree:
        if isinstance(node, int):
            total += node if keys is None or key in keys else 0
        else:
            total += tree_params(node, keys)
    return total


def check_vision(value: object) -> None:
    """``value`` is ``None`` or a `Vision` (`llmsize.spec.Spec.vision`).

    Raises:
        LLMSizeError: ``"spec.vision must be a Vision or None, got <value>"``.
    """
    if value is not None and not isinstance(value, Vision):
        raise LLMSizeError(f"spec.vision must be a Vision or None, got {value!r}")
