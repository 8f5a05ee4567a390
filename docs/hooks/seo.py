"""What a page tells search engines and link previews: its twin in the other language, its own
description, and Open Graph / Twitter meta (read by overrides/main.html).

Every page exists in English at ``<site_url><path>`` and in Chinese at ``<site_url>zh/<path>``
(the i18n plugin's suffix layout: ``page.md`` and ``page.zh.md``). Each page's head lists both
and an ``x-default`` (the English page), as absolute URLs under ``site_url``; the sitemap lists
the same pairs (the i18n plugin's template). A page must have a ``description:`` of its own in
its front matter, written for that page in its language: a build without one fails (strict).
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

LANGS = ("en", "zh")
DEFAULT = "en"
ZH_PREFIX = "zh/"
# Open Graph names a locale with a region (og:locale).
OG_LOCALE = {"en": "en_US", "zh": "zh_CN"}


def page_lang(url: str) -> str:
    """The language of the page at ``url`` (relative to the site root, as ``page.url``)."""
    return "zh" if url == ZH_PREFIX[:-1] or url.startswith(ZH_PREFIX) else "en"


def twins(url: str) -> dict[str, str]:
    """``{"en": path, "zh": path}``: the page at ``url`` in both languages (``""`` = home)."""
    path = url[len(ZH_PREFIX) :] if page_lang(url) == "zh" else url
    path = "" if path in ("", "./", ".") else path
    return {"en": path, "zh": ZH_PREFIX + path}


def alternates(url: str, site_url: str) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for the page at ``url``: each language, then x-default."""
    paths = twins(url)
    out = [(lang, site_url + paths[lang]) for lang in LANGS]
    return [*out, ("x-default", site_url + paths[DEFAULT])]


def on_page_context(context: dict[str, Any], page: Any, config: Any, **_: Any) -> dict[str, Any]:
    site_url = config.site_url or ""
    if not site_url.endswith("/"):
        site_url += "/"
    description = (page.meta or {}).get("description")
    if not isinstance(description, str) or not description.strip():
        raise PluginError(f"{page.file.src_uri}: front matter needs a description: of its own")
    lang = page_lang(page.url)
    context["llmsize_seo"] = {
        "alternates": alternates(page.url, site_url),
        "url": site_url + twins(page.url)[lang],
        "locale": OG_LOCALE[lang],
        "locale_alternate": [OG_LOCALE[x] for x in LANGS if x != lang],
    }
    return context
