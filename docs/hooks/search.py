"""MkDocs hook: one search index per language, each served to its own language only.

Material for MkDocs searches one index, ``search/search_index.json`` under the ``base`` of the
page's ``__config`` (the site root). Its documented way to search several languages apart is
one project per language, each with its own base and index ("one project in a subfolder per
language"); mkdocs-static-i18n, which builds each language into its own folder (``zh/``),
instead merges every language's entries into that one index (its ``reconfigure_search`` only
adds languages and removes duplicates), so results mixed the two languages.

This hook makes each language's folder a search project of its own, after the build:

* `on_post_build` splits the merged index by the language folder of each entry and writes
  ``search/search_index.json`` (English) and ``zh/search/search_index.json`` (Chinese, entry
  locations relative to ``zh/``), each with its language's lunr configuration (`PER_LANGUAGE`)
  and the site's shared tokenizer (the ``separator`` of the search block in mkdocs.yml, used
  on both sides, so a query is cut where the index was).
* `on_post_page` points the ``base`` of a Chinese page's ``__config`` at ``zh/``, which is where
  Material then fetches the index and resolves the result links. Nothing else reads that
  ``base`` on this site (no versions, no instant navigation); ``__md_scope`` (the reader's
  stored preferences) keeps the site root.

Material's search plugin segments Chinese with jieba and joins the words with U+200B. Those
characters are shown in the results and copied with them; here each is written as ``<wbr/>``,
which Material's tokenizer treats as a boundary as well (the index text is HTML) and which a
reader can neither see nor copy.

A count is written one way per language ("6710亿" / "671B", "8.69亿" / "869M"), and readers of
either language type both. Each entry gets a field the results do not show, ``figures``: the
counts of its text written the other language's way, by ``llmsize.fmt.count`` (the function
that wrote them), so "671B" finds the Chinese pages that say 6710亿 and "8.69亿" the English
page that says 869M.
"""

from __future__ import annotations

import json
import logging
import os
import re
from fractions import Fraction
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from llmsize import fmt

log = logging.getLogger("mkdocs.hooks.search")

# lunr per language. English: lunr's English support (stop words) as Material configures it;
# its stemmer stays off, because Material turns every query term into a prefix query
# ("memory*"), which a stemmed index ("memori") does not match. Chinese: lunr.zh, whose own
# stemmer is the identity; the words are jieba's. Both trim punctuation off a token's ends
# (English's trimmer also drops Chinese characters: "8.69亿" is looked up as 8.69 there).
PER_LANGUAGE: dict[str, dict[str, list[str]]] = {
    "en": {"lang": ["en"], "pipeline": ["stopWordFilter", "trimmer"]},
    "zh": {"lang": ["zh"], "pipeline": ["stemmer", "trimmer"]},
}
WORD_BREAK = "<wbr/>"
# A count as each language writes it (llmsize.fmt.count): its pattern and its units.
COUNTS = {
    "zh": re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)(万亿|亿|万)"),
    "en": re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)([MBT])(?!\w)"),
}
UNITS = {"万": 10**4, "亿": 10**8, "万亿": 10**12, "M": 10**6, "B": 10**9, "T": 10**12}
FIGURES = "figures"
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


def _languages(config: MkDocsConfig) -> tuple[str, list[str]] | None:
    """The default language and the others (built into folders named after them)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    return default, others


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def _figures(text: str, lang: str) -> str:
    """The counts written in ``text`` (in ``lang``), written the other language's way."""
    other = "en" if lang == "zh" else "zh"
    seen: dict[str, None] = {}
    for mantissa, unit in COUNTS[lang].findall(text.replace("\u200b", "")):
        seen[fmt.count(int(Fraction(mantissa) * UNITS[unit]), other)] = None
    return " ".join(seen)


def _entry(entry: dict[str, Any], prefix: str, lang: str) -> dict[str, Any]:
    """An index entry as its language's project sees it."""
    out = dict(entry)
    out["location"] = entry["location"][len(prefix) :]
    figures = _figures(entry["title"] + " " + entry["text"], lang)
    for key in ("title", "text"):
        out[key] = entry[key].replace("\u200b", WORD_BREAK)
    if figures:
        out[FIGURES] = figures
    return out


def _write(path: str, index: dict[str, Any]) -> int:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = json.dumps(index, separators=(",", ":"), ensure_ascii=False, default=str)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return len(data.encode("utf-8"))


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    languages = _languages(config)
    search = _search_plugin(config)
    if languages is None or search is None or getattr(config.plugins["i18n"], "building", False):
        return  # an inner (per-language) build: the outer one writes every index
    default, others = languages
    entries: list[dict[str, Any]] = search.search_index.entries
    fields = {**search.config.fields, FIGURES: {"boost": 1.0}}
    shared = {"separator": search.config.separator, "fields": fields}
    for lang in [default, *others]:
        prefix = "" if lang == default else f"{lang}/"
        mine = [
            _entry(e, prefix, lang)
            for e in entries
            if (
                e["location"].startswith(prefix)
                if prefix
                else e["location"].split("/")[0] not in others
            )
        ]
        if not mine:
            continue  # that language was not built (LLMSIZE_BUILD_ZH=false)
        index = {"config": {**PER_LANGUAGE[lang], **shared}, "docs": mine}
        size = _write(os.path.join(config.site_dir, prefix, "search", "search_index.json"), index)
        log.info("search index %s: %d entries, %d bytes", lang, len(mine), size)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    languages = _languages(config)
    if languages is None:
        return output
    lang = page.url.split("/")[0]
    if lang not in languages[1]:
        return output

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        settings["base"] = settings["base"].rstrip("/") + f"/{lang}/"
        return match.group(1) + str(htmlsafe_json_dumps(settings)) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)
