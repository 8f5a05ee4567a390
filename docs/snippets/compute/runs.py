# A training run's compute as every page prints it: the figures in scientific notation, each a
# named mark (md.py), so the same run's compute has one value across pages; and the compute its
# authors published, with the source. Included after md.py by the Compute page's training
# fences and by the Misconceptions page. The runs and their figures come from llmsize.runs.
from llmsize import fmt, runs
from llmsize.text import say


def sci_mark(key, n, lang, trim=True):
    """``n`` in scientific notation, marked as the named figure ``key``."""
    return named(key, n, fmt.sci(n, lang, trim=trim))


def reported(run, lang):
    """The compute ``run``'s authors published, marked."""
    return sci_mark(run.reported_key, run.reported_flops, lang)


def six_nd(run, lang):
    """``6·N·D`` for ``run``, marked."""
    return sci_mark(run.six_nd_key, run.six_nd, lang)


_PUBLISHED = {
    "budget_of": {
        "en": "{f} FLOPs, {name}'s budget, which {run} was trained to match",
        "zh": "{f} FLOPs，即 {name} 的预算，{run} 按同样的预算训练",
    },
    "none": {
        "en": "no FLOP figure; the cost is given in H800 GPU-hours",
        "zh": "没有给出 FLOPs；成本以 H800 GPU 小时计",
    },
}


def published_compute(run, lang):
    """What the authors published about ``run``'s compute (its own, or the budget it matched)."""
    if run.reported_flops is not None:
        return fmt.both(f"{reported(run, lang)} FLOPs", say(run.reported_source, lang), lang)
    if run.budget_of is None:
        return fmt.both(say(_PUBLISHED["none"], lang), say(run.source, lang), lang)
    of = runs.get(run.budget_of)
    budget = say(_PUBLISHED["budget_of"], lang, f=reported(of, lang), name=of.name, run=run.name)
    return fmt.both(budget, say(run.source, lang), lang)
