"""One node of a parameter breakdown: `Part`, the tree `llmsize.count.breakdown` returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Part"]


@dataclass(frozen=True, slots=True)
class Part:
    """One node of a parameter breakdown.

    A leaf carries its own ``params``; a group's ``params`` is the sum of its children.
    Layer groups record how many layers they stand for in ``layers``: their figures are
    already multiplied by it (``per_layer`` divides back).

    Attributes:
        key: Stable machine name (``"attention.q"``), used in JSON and by the site.
        params: Parameter count of this node (sum of children for a group).
        children: Sub-parts, empty for a leaf.
        layers: Number of layers this part repeats over (1 outside the layer stack).
    """

    key: str
    params: int
    children: tuple[Part, ...] = ()
    layers: int = 1

    @classmethod
    def group(cls, key: str, children: list[Part], layers: int = 1) -> Part:
        """Build a group whose count is the sum of ``children`` (zero-count children dropped)."""
        kept = tuple(c for c in children if c.params or c.children)
        return cls(key, sum(c.params for c in kept), kept, layers)

    @property
    def per_layer(self) -> int:
        """Count for one of the layers this part repeats over."""
        return self.params // self.layers

    def leaves(self) -> list[Part]:
        """All leaves under this node, depth first."""
        if not self.children:
            return [self]
        out: list[Part] = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def find(self, path: str) -> Part:
        """Return the descendant at a dotted ``path`` of keys (``"layers.moe.mlp.experts"``).

        Raises:
            KeyError: If no such part exists.
        """
        node = self
        for key in path.split("."):
            for child in node.children:
                if child.key == key:
                    node = child
                    break
            else:
                raise KeyError(path)
        return node

    def get(self, path: str) -> int:
        """Count at ``path``, or 0 when that part does not exist in this model."""
        try:
            return self.find(path).params
        except KeyError:
            return 0

    def to_dict(self) -> dict[str, Any]:
        """Nested plain-data form: ``{"params": n, "layers": k, "parts": {key: ...}}``."""
        out: dict[str, Any] = {"params": self.params}
        if self.layers != 1:
            out["layers"] = self.layers
        if self.children:
            out["parts"] = {c.key: c.to_dict() for c in self.children}
        return out
