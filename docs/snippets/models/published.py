# A published label as a reader of each language reads it: "6.53B" in English; in Chinese the
# same figure in 亿/万 with the label as written beside it, "65.3亿（6.53B）", so that no "B"
# stands in for a Chinese unit. Included by the Real models and DeepSeek-V3 pages.
from llmsize import fmt
from llmsize.claims import label_digits, label_value

_SEP = {"en": ", ", "zh": "，"}


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
    aside = _SEP[lang].join(a for a in (aside, where) if a)
    return fmt.both(main, aside, lang) if aside else main
