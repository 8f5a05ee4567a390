# A published label as a reader of each language reads it: "6.53B" in English; in Chinese the
# same figure in 亿/万 with the label as written beside it, "65.3亿（6.53B）", so that no "B"
# stands in for a Chinese unit. Included (after md.py) by the Real models, DeepSeek-V3 and
# Misconceptions pages, with the gap mark each of them prints beside a label.
from llmsize import claims, fmt
from llmsize.claims import label_digits, label_value


def published(claim, lang, where=""):
    """``claim.text`` in English; in Chinese its value at the label's digits, label beside.

    ``where`` (already in ``lang``) joins the label in the parentheses: "36.6B (README_WEIGHTS)",
    "366亿（36.6B，README_WEIGHTS）".
    """
    _, place = label_value(claim.text)
    if lang == "en" or place == 1:  # English, or every digit published: the figure itself
        main, aside = fmt.exact(claim.value, lang) if place == 1 else claim.text, ""
    else:
        main = fmt.count(claim.value, lang, digits=label_digits(claim.text))
        aside = claim.text
    aside = clauses([a for a in (aside, where) if a], lang)
    return fmt.both(main, aside, lang) if aside else main


# The head of a column of gaps (gap_mark), on every page that prints them.
GAP_HEAD = {"en": "Gap: label − exact", "zh": "差值：标签 − 精确值"}


def gap_mark(preset, claim, exact, lang):
    """The claim's gap to ``exact`` as a percentage, "-6.0%", marked with the claim's gap key."""
    value = claims.gap(claim.value, exact)
    return named(claims.gap_key(preset, claim), value, fmt.gap(claim.value, exact, lang))
