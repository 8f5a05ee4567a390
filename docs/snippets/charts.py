# Charts for the site: deterministic inline SVG, labelled in the page's language, readable in
# light and dark mode. A page's snippet includes this file (--8<-- "charts.py") and prints what
# these functions return, in a fence with html="1".
#
# Determinism: fixed hash salt, no date metadata, text kept as text (svg.fonttype none), so the
# same figures give byte-identical SVG. Dark mode: every text, axis and grid colour is drawn in a
# sentinel colour that is then replaced by `currentColor`, so the chart takes the page's text
# colour; bar colours are mid-tones that read on both backgrounds.
#
# Text alternative: the SVG is an image named by the chart's title (role="img", aria-label,
# <title>), and below it, folded, the same figures as a table, as the chart prints them, in the
# page's language (`lang`; taken from the title when not given: a Chinese title means zh).
import io
import re
import warnings
from html import escape

import matplotlib

from llmsize import fmt

matplotlib.use("svg")
import matplotlib.pyplot as plt

# The text stays text (the reader's browser draws it), so a CJK font missing at build time only
# affects layout estimates; don't let matplotlib's warning about it fail the build or the tests.
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
warnings.filterwarnings("ignore", message=r"findfont: Font family")

_INK = "#010203"  # sentinel, replaced by currentColor
PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#9c755f",
    "#bab0ac",
    "#ff9da7",
]

plt.rcParams.update(
    {
        "svg.fonttype": "none",
        "svg.hashsalt": "llmsize",
        "font.family": ["sans-serif"],
        "font.sans-serif": ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"],
        "font.size": 11,
        "text.color": _INK,
        "axes.labelcolor": _INK,
        "axes.edgecolor": _INK,
        "xtick.color": _INK,
        "ytick.color": _INK,
        "grid.color": _INK,
        "grid.alpha": 0.15,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


_DATA = {
    "summary": {"en": "The figures in this chart", "zh": "图中的数据"},
    "total": {"en": "Total", "zh": "合计"},
}


def _say(key, lang):
    return _DATA[key][lang]


def chart_lang(title, lang=None):
    """``lang`` if given, else the language of ``title``: zh when it has a CJK character."""
    if lang is not None:
        return lang
    return "zh" if re.search(r"[\u3400-\u9fff]", title) else "en"


def _cell(tag, content, **attrs):
    extra = "".join(f' {k}="{escape(str(v))}"' for k, v in attrs.items())
    return f"<{tag}{extra}>{escape(str(content))}</{tag}>"


def data_table(rows, lang, head=None):
    """The chart's figures as a folded table: ``rows`` of (row heading, *cells), all text
    already formatted; ``head`` the column headings (the first over the row headings)."""
    parts = []
    if head is not None:
        parts.append(
            "<thead><tr>" + "".join(_cell("th", h, scope="col") for h in head) + "</tr></thead>"
        )
    body = "".join(
        "<tr>" + _cell("th", first, scope="row") + "".join(_cell("td", c) for c in rest) + "</tr>"
        for first, *rest in rows
    )
    parts.append(f"<tbody>{body}</tbody>")
    return (
        f'<details class="llmsize-chart__data"><summary>{escape(_say("summary", lang))}</summary>'
        f"<table>{''.join(parts)}</table></details>"
    )


def svg(fig, title, data=""):
    """Serialise ``fig`` as inline SVG with an accessible title, followed by ``data`` (the
    figures as a table, HTML); closes the figure."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype: this is inline SVG
    text = text.replace(_INK, "currentColor")
    # Let the page scale the chart; keep the aspect ratio from the viewBox.
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", text, count=1)
    safe = title.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace(
        ">", f' role="img" aria-label="{safe}" class="llmsize-chart"><title>{safe}</title>', 1
    )
    return f'<figure class="llmsize-chart">{text}<figcaption>{safe}</figcaption>{data}</figure>'


def hbar(labels, values, title, value_labels, xlabel="", colors=None, lang=None):
    """Horizontal bars, one per label, each annotated with its formatted value."""
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(labels) + 1.0))
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=colors or [PALETTE[i % len(PALETTE)] for i in range(len(labels))])
    ax.set_yticks(y, labels)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    top = max(values) if values else 1
    for yi, v, text in zip(y, values, value_labels):
        ax.text(v + top * 0.01, yi, text, va="center")
    ax.set_xlim(0, top * 1.25)
    data = data_table(list(zip(labels, value_labels)), chart_lang(title, lang))
    return svg(fig, title, data)


def stacked(groups, series, title, ylabel="", value_format=None, lang=None):
    """Stacked vertical bars: ``groups`` on x, ``series`` a list of (label, values per group)."""
    fig, ax = plt.subplots(figsize=(7, 4))
    bottoms = [0] * len(groups)
    for i, (label, values) in enumerate(series):
        ax.bar(groups, values, bottom=bottoms, label=label, color=PALETTE[i % len(PALETTE)])
        bottoms = [b + v for b, v in zip(bottoms, values)]
    ax.set_ylabel(ylabel)
    if value_format is not None:
        ax.yaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda v, _: value_format(int(v)))
        )
        for x, total in enumerate(bottoms):
            ax.text(x, total, value_format(int(total)), ha="center", va="bottom")
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    lang = chart_lang(title, lang)
    show = value_format or (lambda v: fmt.exact(v, lang))
    head = [ylabel, *(label for label, _ in series), _say("total", lang)]
    rows = [
        [group, *(show(int(values[i])) for _, values in series), show(int(bottoms[i]))]
        for i, group in enumerate(groups)
    ]
    return svg(fig, title, data_table(rows, lang, head))


def lines(
    xs, series, title, xlabel="", ylabel="", value_format=None, x_format=None, logx=False, lang=None
):
    """Line chart: ``series`` a list of (label, y values), sharing ``xs``."""
    fig, ax = plt.subplots(figsize=(7, 4))
    for i, (label, ys) in enumerate(series):
        ax.plot(xs, ys, marker="o", label=label, color=PALETTE[i % len(PALETTE)])
    if logx:
        ax.set_xscale("log", base=2)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True)
    if value_format is not None:
        ax.yaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda v, _: value_format(int(v)))
        )
    if x_format is not None:
        ax.set_xticks(xs, [x_format(x) for x in xs])
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.legend(frameon=False)
    lang = chart_lang(title, lang)
    show_y = value_format or (lambda v: fmt.exact(v, lang))
    show_x = x_format or (lambda v: fmt.exact(v, lang))
    head = [xlabel, *(label for label, _ in series)]
    rows = [[show_x(x), *(show_y(int(ys[i])) for _, ys in series)] for i, x in enumerate(xs)]
    return svg(fig, title, data_table(rows, lang, head))
