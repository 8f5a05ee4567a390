# A named figure: one quantity that several pages state (GPT-3's training compute, a preset's
# claim-vs-exact gap...). Each page prints it through named(), which marks the text with the
# quantity's key and exact value; tests/site/test_named_figures.py collects these marks from the
# built site, in both languages, and fails when two pages state the same key with different
# values, or when a figure in scientific notation appears unnamed.
from fractions import Fraction


def named(key: str, value: int | Fraction, text: str) -> str:
    """``text`` (the formatted figure) marked as the named quantity ``key`` of exact ``value``."""
    return f'<span data-figure="{key}" data-value="{value}">{text}</span>'
