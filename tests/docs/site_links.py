"""Check the built site's internal links and anchors, offline, in seconds (standard library only).

Every ``href`` and ``src`` of every HTML page under the site folder (both languages) must lead to
a file of the site, and every ``#fragment`` to an ``id`` (or ``<a name>``) of the page it points
to. Links are resolved as a browser resolves them on the published site: relative to the page,
site-rooted paths under the path of ``site_url`` (``/llmsize/``), and full URLs that start with
``site_url`` itself (the contributing guide links to the site by absolute URL) are checked
against the built files too. Every other URL is external and is not followed.

    python -m tests.docs.site_links site/        # exit status 1 and one line per broken link
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITE_URL = "https://llmsize.github.io/llmsize/"  # site_url of mkdocs.yml
_BASE = "http://site.invalid/llmsize/"  # stands for SITE_URL while resolving links
_LINK_ATTRIBUTES = frozenset({"href", "src"})


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES:
                self.links.append((name, value))
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def _parse(path: Path, parsed: dict[Path, _Page]) -> _Page:
    """``path`` parsed, once per check."""
    if path not in parsed:
        page = parsed[path] = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.close()
    return parsed[path]


def _target(site: Path, page: str, value: str) -> tuple[Path, str] | None:
    """The site file and fragment ``value`` leads to from ``page``; ``None`` for external."""
    value = value.strip()
    if value.startswith(SITE_URL):
        value = _BASE + value[len(SITE_URL) :]
    url = urlsplit(urljoin(_BASE + page, value))
    if (url.scheme, url.netloc) != ("http", "site.invalid"):
        return None  # http(s), mailto:, data:, javascript:, another host: not followed
    prefix = urlsplit(_BASE).path
    path = unquote(url.path)
    if not path.startswith(prefix):
        return site / "\0outside the site", unquote(url.fragment)
    file = site / path[len(prefix) :]
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(url.fragment)


def broken_links(site: Path) -> tuple[list[str], int]:
    """``(one line per broken link or anchor, how many links were checked)``."""
    site = site.resolve()
    problems: list[str] = []
    checked = 0
    parsed: dict[Path, _Page] = {}
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        for attribute, value in _parse(html, parsed).links:
            target = _target(site, page, value)
            if target is None:
                continue
            checked += 1
            file, fragment = target
            if not file.is_file():
                problems.append(f"{page}: {attribute}={value!r} leads to no file of the site")
            elif fragment and file.suffix == ".html" and fragment not in _parse(file, parsed).ids:
                where = file.relative_to(site).as_posix()
                problems.append(f"{page}: {attribute}={value!r}: no id {fragment!r} in {where}")
    return problems, checked


def main(argv: list[str]) -> int:
    """Check the site folder named by ``argv[0]``; print what is broken."""
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m tests.docs.site_links SITE_DIR", file=sys.stderr)
        return 2
    site = Path(argv[0])
    problems, checked = broken_links(site)
    pages = sum(1 for _ in site.rglob("*.html"))
    for line in problems:
        print(line)
    print(f"{checked} internal links and anchors in {pages} pages: {len(problems)} broken")
    return 1 if problems or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
