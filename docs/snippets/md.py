# Markdown helpers shared by every page's snippets (a page file includes this: --8<-- "md.py").
# They only lay out text that llmsize.fmt has already formatted; no figure is computed here.
from fractions import Fraction


def row(*cells: object) -> str:
    """One Markdown table row: ``| a | b |``."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A Markdown table; ``align`` has one letter per column (l, r or c; default left)."""
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    rule = [marks[a] for a in align.ljust(len(header), "l")]
    return "\n".join([row(*header), row(*rule), *(row(*r) for r in rows)])


def named(key: str, value: int | Fraction, text: str) -> str:
    """``text`` (a formatted figure) marked as the named quantity ``key`` of exact ``value``.

    A quantity that several pages state (a training run's compute, a claim's gap to the exact
    count) is printed through this mark; tests/site/test_named_figures.py then checks, on the
    built site in both languages, that each key has one value, and that every figure in
    scientific notation is such a mark.
    """
    return f'<span data-figure="{key}" data-value="{value}">{text}</span>'
